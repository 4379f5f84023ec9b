"""How a profile shapes coverage: expected areas and elements, and the status they give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bpo_lint.cli import main
from bpo_lint.config_profile import load_profile, profile_coverage
from bpo_lint.model import AreaCoverage

TERMINATION = {"term": True, "notice_period": False, "return_of_data": True}


def test_an_area_the_profile_does_not_expect_is_flagged_not_required():
    coverage = {
        "pricing_payment": AreaCoverage("missing", (), {"payment_terms": False}),
        "termination_transition": AreaCoverage("partial", ("9",), TERMINATION),
    }
    seen = profile_coverage(coverage, load_profile("dpa"))
    assert seen["pricing_payment"].required is False
    assert seen["pricing_payment"].status == "missing"  # kept, for information
    assert seen["termination_transition"].required is True


def test_an_area_with_every_expected_element_is_covered_for_that_profile():
    coverage = {"termination_transition": AreaCoverage("partial", ("9",), TERMINATION)}
    dpa = profile_coverage(coverage, load_profile("dpa"))["termination_transition"]
    assert dpa.status == "covered"  # the DPA profile expects only the return of data
    assert dpa.gaps() == []
    msa = profile_coverage(coverage, load_profile("msa"))["termination_transition"]
    assert msa.status == "partial"
    assert msa.gaps() == ["notice_period"]


CONTRACT = """# Services Agreement

## 1. Services

The Supplier shall provide the payroll services described in Schedule 1.

## 2. Fees

The Client shall pay each invoice within 30 days of receipt.
"""


def test_reports_show_areas_the_profile_does_not_expect_as_information(tmp_path: Path):
    contract = tmp_path / "c.md"
    contract.write_text(CONTRACT, encoding="utf-8")
    runner = CliRunner()
    args = ["--isolated", "--profile", "sow", str(contract)]
    report = json.loads(runner.invoke(main, [*args, "--format", "json"]).output)
    coverage = report["files"][0]["coverage"]
    if coverage["scope_of_services"]["status"] == "unknown":
        pytest.skip("no classifier in this install: nothing is judged either way")
    assert {a for a, c in coverage.items() if not c["required"]} == {
        "confidentiality_data_protection",
        "intellectual_property",
        "termination_transition",
        "governance_dispute_resolution",
        "compliance_regulatory",
    }
    text = runner.invoke(main, [*args, "--no-color"]).output
    ip_row = next(line for line in text.splitlines() if "Intellectual property" in line)
    assert "(not required by the" in ip_row
    assert "MISSING" not in ip_row
    msa = runner.invoke(main, ["--isolated", "--no-color", str(contract)]).output
    assert "MISSING" in next(line for line in msa.splitlines() if "Intellectual property" in line)
