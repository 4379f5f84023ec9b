"""Plain-text reading: encodings, line endings, and exact line/column locations."""

from __future__ import annotations

import pytest

from bpo_lint.readers import read_document
from bpo_lint.readers.encoding import CP1252_WARNING
from bpo_lint.readers.text import document_from_string, split_lines

SAMPLE = "MASTER SERVICES AGREEMENT\n\n1. Term\nThe Supplier shall respond within 5 days.\n"


def _find(doc, phrase):
    i = doc.text.index(phrase)
    return doc.locate(i, i + len(phrase))


def test_one_block_per_line_with_blank_lines_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    doc = read_document(str(path))
    assert doc.format == "text"
    assert [b.text for b in doc.blocks] == SAMPLE.splitlines()
    assert [b.line for b in doc.blocks] == [1, 2, 3, 4]
    assert doc.text == SAMPLE.rstrip("\n")
    assert doc.warnings == ()


def test_phrase_located_at_file_line_and_column(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    loc = _find(read_document(str(path)), "within 5 days")
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (4, 28, 4, 41)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_do_not_shift_columns(tmp_path, newline):
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.replace("\n", newline).encode("utf-8"))
    doc = read_document(str(path))
    assert "\r" not in doc.text
    loc = _find(doc, "Supplier")
    assert (loc.line, loc.column) == (4, 5)


@pytest.mark.parametrize(
    "encoded",
    [
        SAMPLE.encode("utf-8-sig"),
        b"\xff\xfe" + SAMPLE.encode("utf-16-le"),
        b"\xfe\xff" + SAMPLE.encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_bom_encodings(tmp_path, encoded):
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    doc = read_document(str(path))
    assert doc.blocks[0].text == "MASTER SERVICES AGREEMENT"  # no BOM left in the text
    assert doc.warnings == ()
    assert (_find(doc, "MASTER").line, _find(doc, "MASTER").column) == (1, 1)


def test_cp1252_fallback_warns_and_keeps_columns(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Fees \u201cnet\u201d of tax \u2013 caf\u00e9 rate.\n".encode("cp1252"))
    doc = read_document(str(path))
    assert doc.warnings == (CP1252_WARNING,)
    assert doc.text == "Fees \u201cnet\u201d of tax \u2013 caf\u00e9 rate."
    assert _find(doc, "rate").column == 26


def test_document_from_string_plain_and_markdown():
    plain = document_from_string("# Not a heading\nbody", markdown=False)
    assert plain.format == "text" and plain.blocks[0].heading_level is None
    assert plain.text == "# Not a heading\nbody"
    md = document_from_string("# A heading\nbody", path="x.md")
    assert md.format == "markdown" and md.path == "x.md"
    assert md.blocks[0].heading_level == 1 and md.blocks[0].text == "A heading"


def test_split_lines_keeps_inner_blank_lines_and_drops_final_newline_only():
    assert split_lines("a\n\nb\n") == ["a", "", "b"]
    assert split_lines("a\n\n") == ["a", ""]
    assert split_lines("a") == ["a"]
