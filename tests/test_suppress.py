"""Inline suppressions: Markdown/text comment directives, Word comments, unused warnings."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from bpo_lint.cli import main
from bpo_lint.kinds.base import Rule
from bpo_lint.model import FileResult, Finding, Location
from bpo_lint.suppress import apply_suppressions, parse_text_directives

VAGUE = "The Supplier shall respond promptly to every request."
RAN = tuple(
    Rule(rule_id, "existence", "m", "warning", "vague", None, code=code)
    for rule_id, code in [
        ("vague.time", "BPO301"),
        ("vague.efforts", None),
        ("placeholder.tbd", None),
        ("coverage.missing-area", None),
    ]
)


def finding(rule: str, line: int | None = None, paragraph: int | None = None) -> Finding:
    """A finding of `rule` at a line (text) or paragraph (DOCX)."""
    code = "BPO301" if rule == "vague.time" else None
    loc = Location(line=line, paragraph=paragraph)
    return Finding(rule, "vague", "warning", "m", loc, excerpt="x", code=code)


def kept(lines: list[str], findings: list[Finding]) -> tuple[list[str], tuple[str, ...]]:
    """(rule@line of the findings left, warnings) after the directives in `lines`."""
    sups, warnings = parse_text_directives(lines)
    result = FileResult("a.md", "markdown", findings=tuple(findings))
    result = apply_suppressions(result, sups, RAN)
    return [f"{f.rule}@{f.location.line}" for f in result.findings], (*warnings, *result.warnings)


def test_disable_next_line_skips_blank_lines_and_names_rules():
    lines = ["<!-- bpo-lint: disable-next-line vague.time -->", "", "text", "text"]
    left, warnings = kept(lines, [finding("vague.time", 3), finding("vague.time", 4)])
    assert left == ["vague.time@4"] and warnings == ()
    left, _ = kept(lines, [finding("vague.efforts", 3)])
    assert left == ["vague.efforts@3"]  # another rule is not silenced


def test_range_prefixes_codes_and_several_rules():
    lines = [
        "<!-- bpo-lint: disable vague, placeholder.tbd -->",
        "a",
        "<!-- bpo-lint: enable vague -->",
        "b",
    ]
    found = [finding("vague.time", 2), finding("vague.time", 4), finding("placeholder.tbd", 4)]
    left, _ = kept(lines, found)
    assert left == ["vague.time@4"]  # placeholder.tbd stays disabled to the end of the file
    left, _ = kept(["<!-- bpo-lint: disable-next-line BPO3 -->", "a"], [finding("vague.time", 2)])
    assert left == []


def test_disable_file_covers_document_level_findings():
    left, _ = kept(["x", "<!-- bpo-lint: disable-file -->"], [finding("coverage.missing-area")])
    assert left == []
    left, _ = kept(["<!-- bpo-lint: disable-next-line -->", "a"], [finding("coverage.x")])
    assert left == ["coverage.x@None"]


def test_unused_and_unknown_directives_warn():
    lines = ["<!-- bpo-lint: disable-next-line vague.time -->", "a", "<!-- bpo-lint: disabel -->"]
    left, warnings = kept(lines, [])
    assert left == []
    assert any("line 1: unused suppression of 'vague.time'" in w for w in warnings)
    assert any(
        "unknown bpo-lint directive 'disabel' (did you mean 'disable'?)" in w for w in warnings
    )


def test_unused_warning_only_for_rules_that_ran():
    sups, _ = parse_text_directives(["<!-- bpo-lint: disable-next-line vague.time -->", "a"])
    result = apply_suppressions(FileResult("a.md", "markdown"), sups, rules=())
    assert result.warnings == ()


def run_json(*args: str, input: bytes | None = None):
    """Run the CLI; return (report dict, stderr)."""
    result = CliRunner().invoke(main, ["--format", "json", "--isolated", *args], input=input)
    return json.loads(result.stdout), result.stderr


def test_markdown_file_end_to_end(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        f"# Terms\n\n<!-- bpo-lint: disable-next-line vague.time -->\n{VAGUE}\n{VAGUE}\n"
    )
    report, _ = run_json("--select", "vague.time", str(path))
    lines = [f["location"]["line"] for f in report["files"][0]["findings"]]
    assert lines == [5]
    report, _ = run_json("--select", "vague.time", "--no-inline", str(path))
    assert [f["location"]["line"] for f in report["files"][0]["findings"]] == [4, 5]


def test_stdin_and_plain_text(tmp_path):
    data = f"TERMS\n\n<!-- bpo-lint: disable-file vague -->\n{VAGUE}\n".encode()
    report, _ = run_json("--select", "vague.time", "-", input=data)
    assert report["files"][0]["findings"] == []
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    report, _ = run_json("--select", "vague.time", str(path))
    assert report["files"][0]["findings"] == []


def _docx(comment: str) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("1. Services")
    p = d.add_paragraph(VAGUE)
    d.add_paragraph("The Client shall pay promptly.")
    d.add_comment(p.runs, text=comment, author="Reviewer")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("comment", "left"),
    [
        ("bpo-lint: ignore vague.time\nAgreed by counsel", [3]),
        ("bpo-lint: ignore", [3]),
        ("bpo-lint: ignore vague.efforts", [2, 3]),
        ("Please check this clause", [2, 3]),
    ],
)
def test_docx_comment_suppresses_its_paragraphs(tmp_path, comment, left):
    path = tmp_path / "a.docx"
    path.write_bytes(_docx(comment))
    report, err = run_json("--select", "vague", str(path))
    found = report["files"][0]["findings"]
    paragraphs = [f["location"]["paragraph"] for f in found if f["rule"] == "vague.time"]
    assert paragraphs == left
    assert ("unused suppression" in err) == (comment == "bpo-lint: ignore vague.efforts")
