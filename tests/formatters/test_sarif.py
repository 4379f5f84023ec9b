"""SARIF 2.1.0: schema-valid, honest regions per format, rules with help, stable fingerprints."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache

import pytest

from bpo_lint.formatters import FORMAT_NAMES, get_formatter
from bpo_lint.formatters.sarif import artifact_uri, render
from bpo_lint.model import FileError, FileResult, Finding, Location
from tests.conftest import REPO

SARIF_SCHEMA = (REPO / ".." / "shared" / "schemas" / "sarif-schema-2.1.0.json").resolve()


@cache
def _validator():
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def assert_valid_sarif(log: dict) -> None:
    """Fail with every violation of the official SARIF 2.1.0 schema (skip when it is absent)."""
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not present")
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20])


def _finding(loc: Location, rule="vague.efforts", severity="warning", **kw) -> Finding:
    return Finding(
        rule=rule,
        category=kw.pop("category", "vague"),
        severity=severity,
        message=kw.pop("message", "'best efforts' is an efforts standard."),
        location=loc,
        excerpt=kw.pop("excerpt", "best efforts"),
        suggestion="State the outcome and the deadline.",
        code=kw.pop("code", "BPO301"),
        **kw,
    )


def _results() -> list[FileResult]:
    md = FileResult(
        "contracts/my msa.md",
        "markdown",
        findings=(
            _finding(Location(line=12, column=5, end_line=12, end_column=17, section="2.2")),
            _finding(
                Location(line=40, column=1, section="8.6"),
                rule="contradictions.termination-notice",
                severity="error",
                category="contradiction",
                message="Termination notice is 90 days here but 30 days in 8.2.",
                excerpt="ninety (90) days",
                code="BPO201",
                related=(Location(line=31, column=9, section="8.2"),),
            ),
            _finding(Location(), rule="coverage.missing-area", severity="info", excerpt=""),
        ),
    )
    pdf = FileResult(
        "msa.pdf", "pdf", findings=(_finding(Location(page=3, line=7, column=4, section="5")),)
    )
    docx = FileResult(
        "msa.docx", "docx", findings=(_finding(Location(paragraph=45, column=9, section="6")),)
    )
    broken = FileResult("broken.pdf", "pdf", error=FileError("corrupt-pdf", "the PDF is damaged"))
    return [md, pdf, docx, broken]


def _log(results=None, **kw) -> dict:
    return json.loads(render(_results() if results is None else results, "0.1.0", **kw))


def test_registered_and_schema_valid():
    assert "sarif" in FORMAT_NAMES
    assert get_formatter("sarif") is render
    log = _log()
    assert_valid_sarif(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    assert log["runs"][0]["tool"]["driver"]["name"] == "bpo-lint"


def test_text_findings_have_regions_and_levels():
    results = _log()["runs"][0]["results"]
    first = results[0]
    assert first["level"] == "warning"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "contracts/my%20msa.md"
    assert loc["region"] == {"startLine": 12, "startColumn": 5, "endLine": 12, "endColumn": 17}
    assert [r["level"] for r in results[:3]] == ["warning", "error", "note"]
    assert "region" not in results[2]["locations"][0]["physicalLocation"]  # document level


def test_pdf_and_docx_positions_go_to_properties_not_regions():
    results = _log()["runs"][0]["results"]
    pdf, docx = results[3], results[4]
    assert "region" not in pdf["locations"][0]["physicalLocation"]
    assert pdf["locations"][0]["properties"] == {"page": 3, "line": 7, "section": "5"}
    assert pdf["message"]["text"].endswith("(page 3, line 7)")
    assert docx["locations"][0]["properties"] == {"paragraph": 45, "section": "6"}
    assert docx["message"]["text"].endswith("(paragraph 45)")


def test_related_locations_for_contradictions():
    result = _log()["runs"][0]["results"][1]
    (related,) = result["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["region"]["startLine"] == 31
    assert "8.2" in related["message"]["text"]


def test_rule_index_points_at_the_rule_and_pack_rules_give_help():
    from bpo_lint.pack import load_pack

    rules = load_pack().rules
    log = _log(rules=rules)
    assert_valid_sarif(log)
    driver = log["runs"][0]["tool"]["driver"]
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    efforts = next(d for d in driver["rules"] if d["id"] == "vague.efforts")
    assert efforts["properties"] == {"category": "vague", "code": "BPO301"}
    assert efforts["defaultConfiguration"]["level"] == "warning"
    assert "best efforts" in efforts["help"]["text"]  # an example from the rule file
    assert efforts["help"]["markdown"].startswith("**How to fix:**")
    assert efforts["fullDescription"]["text"].startswith(efforts["shortDescription"]["text"])


def test_fingerprints_survive_moved_lines_and_differ_between_findings():
    before = _log()["runs"][0]["results"]
    moved = _results()
    shifted = tuple(
        replace(f, location=replace(f.location, line=(f.location.line or 0) + 20))
        for f in moved[0].findings
    )
    after = _log([replace(moved[0], findings=shifted)])["runs"][0]["results"]
    key = "bpoLintFinding/v1"
    assert [r["partialFingerprints"][key] for r in after] == [
        r["partialFingerprints"][key] for r in before[:3]
    ]
    prints = [r["partialFingerprints"][key] for r in before[:3]]
    assert len(set(prints)) == 3


def test_repeated_findings_get_distinct_fingerprints():
    f = _finding(Location(line=3, column=1, section="1"))
    log = _log(
        [FileResult("a.md", "markdown", findings=(f, replace(f, location=Location(line=9))))]
    )
    prints = [r["partialFingerprints"]["bpoLintFinding/v1"] for r in log["runs"][0]["results"]]
    assert prints[0] != prints[1]


def test_unreadable_files_become_notifications():
    invocation = _log()["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["descriptor"]["id"] == "corrupt-pdf"
    assert "damaged" in note["message"]["text"]
    ok = _log(_results()[:1])["runs"][0]["invocations"][0]
    assert ok == {"executionSuccessful": True}


def test_uri_escaping():
    assert artifact_uri("a b/c#d.md") == "a%20b/c%23d.md"
    assert artifact_uri("/tmp/x y.md") == "file:///tmp/x%20y.md"


def test_deterministic():
    assert render(_results(), "0.1.0") == render(_results(), "0.1.0")


def test_a_real_lint_is_schema_valid():
    from bpo_lint.lint import LintOptions, lint_target
    from bpo_lint.pack import load_pack
    from bpo_lint.targets import Target
    from tests.conftest import FIXTURES

    rules = load_pack().rules
    paths = [str(FIXTURES / "deficient-msa.md"), str(FIXTURES / "missing.pdf")]
    results = [lint_target(Target(p), LintOptions(rules=rules)) for p in paths]
    log = json.loads(render(results, "0.1.0", rules=rules))
    assert_valid_sarif(log)
    run = log["runs"][0]
    assert len(run["results"]) == len(results[0].findings) > 0
    assert run["invocations"][0]["executionSuccessful"] is False
