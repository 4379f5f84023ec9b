"""The shared data model: offsets map back to exact source locations and sections."""

from __future__ import annotations

import pytest

from bpo_lint.model import Block, Document, FileResult, Finding, Location, Section


def _text_doc(text: str) -> Document:
    lines = text.split("\n")
    return Document.from_blocks(
        "t.txt", "text", [Block(t, line=i + 1) for i, t in enumerate(lines)]
    )


def test_offsets_map_to_line_and_column_of_the_file():
    doc = _text_doc("Title\n\n1. Fees\nThe Client shall pay within 30 days.")
    start = doc.text.index("30 days")
    loc = doc.locate(start, start + len("30 days"))
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (4, 29, 4, 36)


def test_col_map_keeps_true_columns_after_markup_was_removed():
    # "## Fees" read as "Fees": each character keeps its file column.
    doc = Document.from_blocks("m.md", "markdown", [Block("Fees", line=1, col_map=(4, 5, 6, 7))])
    assert doc.locate(2).column == 6


def test_pdf_and_docx_locations_use_page_line_and_paragraph():
    pdf = Document.from_blocks(
        "a.pdf", "pdf", [Block("a", page=1, line=1), Block("bb", page=2, line=1)]
    )
    assert pdf.locate(3).to_dict() == {"page": 2, "line": 1, "column": 2}
    docx = Document.from_blocks("a.docx", "docx", [Block("x"), Block("hello", paragraph=2)])
    assert docx.locate(4).to_dict() == {"paragraph": 2, "column": 3}


def test_section_at_gives_the_innermost_section():
    doc = _text_doc("1. Term\n1.1 Renewal text\n2. Fees")
    sections = [
        Section("1", "Term", 1, 0, 25, 7),
        Section("1.1", "Renewal", 2, 8, 25, 19, parent=0),
        Section("2", "Fees", 1, 25, len(doc.text), 32),
    ]
    doc = doc.with_sections(sections)
    assert doc.section_at(10).id == "1.1"
    assert doc.section_at(2).id == "1"
    assert doc.section_at(27).id == "2"
    assert doc.locate(10).section == "1.1"


def test_finding_is_frozen_and_summary_counts_severities():
    f = Finding("vague.efforts", "vague", "warning", "m", Location(line=1))
    with pytest.raises(AttributeError):
        f.message = "changed"  # type: ignore[misc]
    result = FileResult("a.md", "markdown", findings=(f, f))
    assert result.summary() == {"error": 0, "warning": 2, "info": 0}
