"""The JSON report: schema-valid, all eight areas, errors with empty lists, stable bytes."""

from __future__ import annotations

import json

from bpo_lint.formatters.json import render
from bpo_lint.model import AreaCoverage, FileError, FileResult, Finding, Location, SectionReport
from tests.conftest import PUBLIC_AREA_IDS as AREAS
from tests.conftest import assert_valid_report


def _result() -> FileResult:
    finding = Finding(
        rule="contradictions.notice-period",
        category="contradiction",
        severity="error",
        message="Termination notice is 30 days here but 90 days in 18.2.",
        location=Location(line=14, column=5, end_line=14, end_column=30, section="12.3"),
        excerpt="thirty (30) days' notice",
        suggestion="Use one notice period.",
        area="termination_transition",
        code="BPO201",
        related=(Location(line=40, column=1, section="18.2"),),
    )
    section = SectionReport(
        "12.3",
        "Termination",
        2,
        Location(line=14, column=1),
        Location(line=20, column=3),
        ("termination_transition",),
        {"termination_transition": 0.97123456},
    )
    coverage = {a: AreaCoverage("missing", (), {"x": False}) for a in AREAS}
    return FileResult(
        "a.md",
        "markdown",
        None,
        {"lines": 50, "words": 400, "sections": 1},
        (section,),
        coverage,
        (finding,),
    )


def test_report_is_schema_valid_and_rounds_scores():
    report = json.loads(render([_result()], "0.1.0"))
    assert_valid_report(report)
    assert report["files"][0]["sections"][0]["scores"]["termination_transition"] == 0.971
    assert report["files"][0]["findings"][0]["related"] == [
        {"line": 40, "column": 1, "section": "18.2"}
    ]
    assert report["files"][0]["summary"] == {"error": 1, "warning": 0, "info": 0}


def test_error_file_has_empty_lists_and_a_code():
    bad = FileResult("x.pdf", "pdf", FileError("encrypted-pdf", "needs a password"))
    report = json.loads(render([bad], "0.1.0"))
    assert_valid_report(report)
    entry = report["files"][0]
    assert entry["error"] == {"code": "encrypted-pdf", "message": "needs a password"}
    assert entry["findings"] == [] and entry["sections"] == [] and entry["coverage"] == {}


def test_schema_rejects_a_report_missing_an_area():
    result = _result()
    report = json.loads(render([result], "0.1.0"))
    del report["files"][0]["coverage"]["service_levels"]
    from tests.conftest import report_validator

    assert list(report_validator().iter_errors(report))


def test_render_is_deterministic():
    assert render([_result()], "0.1.0") == render([_result()], "0.1.0")
