"""Key-terms tables: a cover page's or order form's row label names an area, as a heading does.

"Governing Law<TAB>Delaware" in a text file, or a Word table's "Governing Law" cell followed by
its value, says the agreement deals with governing law there, whatever the classifier reads in
the value.
"""

from __future__ import annotations

import re

from bpo_lint.areas import Area
from bpo_lint.model import Document
from bpo_lint.nlp.headings import heading_areas

# A row of a key-terms table on a cover page or order form: "Governing Law<TAB>Delaware". The
# row's label works as a heading; a value that is only a page number is a table of contents.
_ROW = re.compile(
    r"(?m)^[ \t]*([\"“‘']?[A-Za-z][^\t\n]{2,60}?)[ \t]*\t[ \t]*(?![\divxlc]+[ \t]*$)(\S.*)$"
)


def row_areas(body: str, areas: tuple[Area, ...]) -> set[str]:
    """Areas named by the row labels of a key-terms table in `body` (label, tab, value)."""
    return {a for m in _ROW.finditer(body) for a in heading_areas(m.group(1), areas)}


# A Word table cell that is only a number (a contents page's page column) is not a value.
_PAGE_NUMBER = re.compile(r"^\s*[\divxlc]+\s*$", re.IGNORECASE)
# A row label is a short name ("Rights in Deliverables"); a longer cell is a value's sentence.
CELL_LABEL_WORDS = 6
# A label starts with a letter, as in a text file's row; "☐ Assigned Deliverables" is a choice.
_LABEL_START = re.compile(r"\s*[\"“‘']?[A-Za-z]")


def cell_areas(doc: Document, start: int, end: int, areas: tuple[Area, ...]) -> set[str]:
    """Areas named by the label cells of a Word key-terms table in doc.text[start:end].

    Word keeps each table cell a paragraph of its own ("Governing Law", then "Delaware"), so the
    label<TAB>value rows that row_areas reads in text files never appear: a short cell followed
    by another cell of the same table is the row's label.
    """
    found: set[str] = set()
    j = doc.block_index(start)
    while j + 1 < len(doc.blocks) and doc.block_starts[j + 1] < end:
        cell, value = doc.blocks[j], doc.blocks[j + 1]
        if (
            doc.block_starts[j] >= start
            and cell.style == value.style == "table"
            and len(cell.text.split()) <= CELL_LABEL_WORDS
            and _LABEL_START.match(cell.text)
            and value.text.strip()
            and not _PAGE_NUMBER.match(value.text)
        ):
            found.update(heading_areas(cell.text, areas))
        j += 1
    return found
