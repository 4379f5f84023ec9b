"""GitHub workflow commands: one line per finding, escaped as the Actions toolkit escapes."""

from __future__ import annotations

from bpo_lint.formatters import FORMAT_NAMES, get_formatter
from bpo_lint.formatters.github import escape_data, escape_property, render
from bpo_lint.model import FileError, FileResult, Finding, Location


def _f(loc: Location, severity="warning", message="'promptly' sets no deadline.") -> Finding:
    return Finding(
        rule="vague.time",
        category="vague",
        severity=severity,
        message=message,
        location=loc,
        excerpt="promptly",
        suggestion="Give a period.",
        code="BPO303",
    )


def test_registered():
    assert "github" in FORMAT_NAMES
    assert get_formatter("github") is render


def test_text_finding_has_line_and_columns():
    r = FileResult(
        "a.md", "markdown", findings=(_f(Location(line=7, column=3, end_line=7, end_column=11)),)
    )
    (line,) = render([r], "0.1.0").splitlines()
    assert line == (
        "::warning file=a.md,line=7,col=3,endLine=7,endColumn=10,title=vague.time (BPO303)"
        "::'promptly' sets no deadline.%0ASuggestion: Give a period."
    )


def test_severity_to_command():
    findings = tuple(_f(Location(line=1, column=1), s) for s in ("error", "warning", "info"))
    lines = render([FileResult("a.txt", "text", findings=findings)], "0.1.0").splitlines()
    assert [x.split(" ", 1)[0] for x in lines] == ["::error", "::warning", "::notice"]


def test_multi_line_span_drops_columns():
    r = FileResult(
        "a.md", "markdown", findings=(_f(Location(line=4, column=9, end_line=6, end_column=2)),)
    )
    assert render([r], "0.1.0").startswith("::warning file=a.md,line=4,endLine=6,title=")


def test_pdf_and_docx_get_file_annotations_with_position_in_message():
    pdf = FileResult(
        "p.pdf", "pdf", findings=(_f(Location(page=3, line=12, column=5, section="4.2")),)
    )
    docx = FileResult("d.docx", "docx", findings=(_f(Location(paragraph=45, column=2)),))
    lines = render([pdf, docx], "0.1.0").splitlines()
    assert lines[0].startswith("::warning file=p.pdf,title=vague.time (BPO303)::")
    assert "(page 3, line 12; section 4.2)" in lines[0]
    assert "line=" not in lines[0].split("::")[1]
    assert lines[1].startswith("::warning file=d.docx,title=")
    assert "(paragraph 45)" in lines[1]


def test_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    tricky = FileResult(
        "dir,with:odd%.md",
        "markdown",
        findings=(_f(Location(line=2, column=1), message="100% sure\n::error::injected"),),
    )
    (line,) = render([tricky], "0.1.0").splitlines()
    assert line.startswith("::warning file=dir%2Cwith%3Aodd%25.md,line=2,")
    assert line.endswith("::100%25 sure%0A::error::injected%0ASuggestion: Give a period.")


def test_file_error_and_reader_warning():
    bad = FileResult("x.pdf", "pdf", error=FileError("encrypted", "the PDF needs a password"))
    warned = FileResult("y.md", "markdown", warnings=("decoded as cp1252",))
    lines = render([bad, warned], "0.1.0").splitlines()
    assert lines == [
        "::error file=x.pdf,title=bpo-lint::cannot lint this file: the PDF needs a password"
        " [encrypted]",
        "::warning file=y.md,title=bpo-lint::decoded as cp1252",
    ]


def test_no_findings_no_output():
    assert render([FileResult("ok.md", "markdown")], "0.1.0") == ""
