"""Key-terms tables: row labels and Word label cells name areas as headings do."""

from __future__ import annotations

from bpo_lint.areas import load_areas
from bpo_lint.model import Block, Document
from bpo_lint.nlp.key_terms import cell_areas, row_areas
from bpo_lint.sections import split_sections

AREAS = load_areas()


def test_row_labels_of_a_key_terms_table_work_as_headings():
    table = "Effective Date\t[Fill in]\nGoverning Law\tNew York\nRights in Deliverables\tAssigned\n"
    assert row_areas(table, AREAS) == {"governance_dispute_resolution", "intellectual_property"}


def test_a_table_of_contents_is_not_a_key_terms_table():
    contents = "Termination\t17\nGoverning Law\t23\nFees and Payment\tiv\n"
    assert row_areas(contents, AREAS) == set()
    assert row_areas("Termination of this Agreement is governed by Section 9.", AREAS) == set()


def test_label_cells_of_a_word_key_terms_table_work_as_headings():
    cells = [
        ("Key Terms", "heading"),
        ("Governing Law", "table"),
        ("The laws of Ontario", "table"),
        ("Rights in Deliverables", "table"),
        ("Unless a SOW says otherwise, Deliverables are provided as:", "table"),
        ("☐ Assigned Deliverables", "table"),  # a choice, not a row label
        ("☐ Licensed Deliverables", "table"),
        ("Fees", "table"),
        ("12", "table"),  # a contents page: the value is a page number
    ]
    blocks = [
        Block(text, paragraph=n, style=style, heading_level=1 if style == "heading" else None)
        for n, (text, style) in enumerate(cells, 1)
    ]
    doc = split_sections(Document.from_blocks("k.docx", "docx", blocks))
    [key_terms] = [s for s in doc.sections if s.title.strip() == "Key Terms"]
    found = cell_areas(doc, key_terms.body_start, key_terms.end, AREAS)
    assert found == {"governance_dispute_resolution", "intellectual_property"}
