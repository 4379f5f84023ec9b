"""Markdown reading: headings, inline markup removed, and columns that still point into the file."""

from __future__ import annotations

from bpo_lint.readers import read_document
from bpo_lint.readers.text import document_from_string


def _loc(doc, phrase, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(phrase, i + 1)
    return doc.locate(i, i + len(phrase))


def test_atx_headings_lose_markers_but_keep_columns():
    doc = document_from_string("# 1. Definitions #\n\n### 1.2 Fees\n#hashtag not heading")
    b = doc.blocks
    assert (b[0].text, b[0].heading_level, b[0].style) == ("1. Definitions", 1, "heading")
    assert (b[2].text, b[2].heading_level) == ("1.2 Fees", 3)
    assert b[3].heading_level is None and b[3].text == "#hashtag not heading"
    loc = _loc(doc, "Fees")
    assert (loc.line, loc.column, loc.end_column) == (3, 9, 13)


def test_setext_headings_and_thematic_breaks():
    src = "Services Agreement\n==================\n\nScope\n-----\n\n- item\n---\n"
    doc = document_from_string(src)
    b = doc.blocks
    assert (b[0].heading_level, b[3].heading_level) == (1, 2)
    assert b[1].text == "" and b[4].text == ""  # underlines vanish but keep their lines
    assert b[6].heading_level is None and b[7].text == "---"  # after a list item: a rule
    assert [x.line for x in b] == list(range(1, 9))


def test_emphasis_and_links_reduced_to_text_with_true_columns():
    line = "The **Supplier** shall use *reasonable* __efforts__ per _Schedule 2_ and "
    line += '[the SLA](s.md "t").'
    doc = document_from_string(line)
    assert doc.text == "The Supplier shall use reasonable efforts per Schedule 2 and the SLA."
    for phrase in ("Supplier", "reasonable", "efforts", "Schedule 2", "the SLA"):
        loc = _loc(doc, phrase)
        assert line[loc.column - 1 : loc.end_column - 1] == phrase, phrase


def test_placeholders_snake_case_and_bracketed_asterisks_survive():
    src = "Fee: [____] per ____ days; [*] and [*]; see file_name_here and 2 * 3."
    assert document_from_string(src).text == src


def test_escapes_and_code_spans_are_literal():
    doc = document_from_string(r"Price \*not emphasis\* and `a *b* c`.")
    assert doc.text == "Price *not emphasis* and `a *b* c`."
    loc = _loc(doc, "not emphasis")
    assert loc.column == 9


def test_html_comments_removed_even_across_lines():
    src = "Keep <!-- bpo-lint: disable vague --> this\n<!-- a\nb -->after\nend"
    doc = document_from_string(src)
    assert [b.text for b in doc.blocks] == ["Keep  this", "", "after", "end"]
    loc = _loc(doc, "this")
    assert (loc.line, loc.column) == (1, 39)
    loc = _loc(doc, "after")
    assert (loc.line, loc.column) == (3, 6)


def test_fenced_code_is_kept_verbatim():
    doc = document_from_string("```\n# not a heading *x*\n```\n# Heading")
    assert doc.blocks[1].text == "# not a heading *x*" and doc.blocks[1].heading_level is None
    assert doc.blocks[3].heading_level == 1


def test_markdown_file_phrase_location_with_crlf(tmp_path):
    path = tmp_path / "c.md"
    path.write_bytes(
        b"# Title\r\n\r\n## 4. Liability\r\nThe **cap** is *twelve* months of fees.\r\n"
    )
    doc = read_document(str(path))
    assert doc.format == "markdown"
    assert [b.heading_level for b in doc.blocks] == [1, None, 2, None]
    loc = _loc(doc, "twelve months")
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (4, 17, 4, 31)
