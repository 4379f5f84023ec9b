"""The committed fixture contracts read cleanly, with phrases at their true source locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpo_lint.readers import read_document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _fixture(name: str) -> Path:
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"fixtures/{name} is not present")
    return path


@pytest.mark.parametrize("phrase", ["thirty (60) days", "promptly notify"])
def test_markdown_phrase_at_its_file_line_and_column(phrase):
    path = _fixture("deficient-msa.md")
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if phrase in text)
    column = lines[line - 1].index(phrase) + 1
    doc = read_document(str(path))
    i = doc.text.index(phrase)
    loc = doc.locate(i, i + len(phrase))
    assert (loc.line, loc.column, loc.end_column) == (line, column, column + len(phrase))


def test_docx_tracked_change_reads_as_accepted():
    good = read_document(str(_fixture("good-msa.docx")))
    assert "promptly" not in good.text and "within two (2) Business Days" in good.text
    bad = read_document(str(_fixture("deficient-msa.docx")))
    i = bad.text.index("ten (10)")
    block = bad.blocks[bad.block_index(i)]
    assert block.text.startswith("9.2 ") and "five (5)" not in block.text
    loc = bad.locate(i)
    assert (loc.paragraph, loc.column) == (block.paragraph, block.text.index("ten (10)") + 1)


def test_numbered_docx_reads_like_the_typed_one():
    typed = read_document(str(_fixture("good-msa.docx")))
    numbered = read_document(str(_fixture("good-msa-numbered.docx")))
    assert [b.text for b in numbered.blocks] == [b.text for b in typed.blocks]
    i = numbered.text.index("within two (2) Business Days")
    block = numbered.blocks[numbered.block_index(i)]
    label = block.text.split(" ", 1)[0]
    assert block.col_map is not None and label[0].isdigit()  # the number came from numbering.xml
    assert numbered.locate(i).column == typed.locate(i).column - len(label) - 1
    assert numbered.locate(i).paragraph == typed.locate(i).paragraph
