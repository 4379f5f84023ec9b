"""DOCX reading: paragraphs in order, Word numbering as shown, revisions, tables, headings."""

from __future__ import annotations

import pytest

from bpo_lint.readers import read_document
from tests.readers.docx_builder import build_docx, level, numbering, para, run, table

LEGAL = [
    level(0, "decimal", "%1."),
    level(1, "decimal", "%1.%2"),
    level(2, "lowerLetter", "(%3)"),
    level(3, "lowerRoman", "(%4)"),
]


def _read(tmp_path, body, num="", **kw):
    return read_document(str(build_docx(tmp_path / "t.docx", body, num, **kw)))


def _labels(doc):
    return [b.text.split(" ", 1)[0] for b in doc.blocks]


def test_numbering_labels_as_the_user_sees_them(tmp_path):
    body = "".join(
        [
            para("Definitions", num=1),
            para("Term", num=1, ilvl=1),
            para("first", num=1, ilvl=2),
            para("second", num=1, ilvl=2),
            para("roman one", num=1, ilvl=3),
            para("roman two", num=1, ilvl=3),
            para("Services", num=1),
            para("Scope", num=1, ilvl=1),  # restarts under the new top level
            para("sub", num=1, ilvl=2),
        ]
    )
    doc = _read(tmp_path, body, numbering({1: LEGAL}, {1: 1}))
    assert _labels(doc) == ["1.", "1.1", "(a)", "(b)", "(i)", "(ii)", "2.", "2.1", "(a)"]
    assert doc.blocks[0].text == "1. Definitions"
    assert {b.style for b in doc.blocks} == {"list"}


def test_start_value_gives_twelve_point_three(tmp_path):
    levels = [level(0, "decimal", "%1.", start=12), level(1, "decimal", "%1.%2")]
    body = para("Fees", num=3) + "".join(para(f"p{i}", num=3, ilvl=1) for i in range(3))
    doc = _read(tmp_path, body, numbering({1: levels}, {3: 1}))
    assert _labels(doc) == ["12.", "12.1", "12.2", "12.3"]


def test_label_maps_to_column_one_and_text_to_its_own_columns(tmp_path):
    body = para("Definitions", num=1) + para("Supplier means Acme Ltd.", num=1, ilvl=1)
    doc = _read(tmp_path, body, numbering({1: LEGAL}, {1: 1}))
    i = doc.text.index("means")
    loc = doc.locate(i, i + 5)
    assert (loc.paragraph, loc.column) == (2, 10)
    assert doc.locate(doc.text.index("1.1")).column == 1


def test_numbering_inherited_from_paragraph_style(tmp_path):
    styles = """
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="heading 1"/>
      <w:pPr><w:numPr><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Clause Sub"/>
      <w:basedOn w:val="Clause2"/></w:style>
    <w:style w:type="paragraph" w:styleId="Clause2"><w:name w:val="Clause Two"/>
      <w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
    """
    levels = [
        level(0, "decimal", "%1.", extra='<w:pStyle w:val="Clause"/>'),
        level(1, "lowerLetter", "(%2)", extra='<w:pStyle w:val="Clause2"/>'),
    ]
    body = (
        para("Term", style="Clause")
        + para("initial term", style="Clause2")
        + para("renewal", style="Sub", num=4, ilvl=1)
        + para("Unnumbered despite style", style="Clause", num=0)
        + para("Fees", style="Clause")
    )
    doc = _read(tmp_path, body, numbering({9: levels}, {4: 9}), styles_xml=styles)
    assert [b.text for b in doc.blocks] == [
        "1. Term",
        "(a) initial term",
        "(b) renewal",
        "Unnumbered despite style",
        "2. Fees",
    ]
    assert doc.blocks[0].heading_level == 1 and doc.blocks[0].style == "heading"


def test_start_override_legal_numbering_and_letters(tmp_path):
    legal = level(1, "decimal", "%1.%2", extra="<w:isLgl/>")
    num = numbering(
        {1: [level(0, "upperRoman", "%1."), legal], 2: [level(0, "upperLetter", "%1)")]},
        {1: 1, 2: 2},
        extra='<w:num w:numId="5"><w:abstractNumId w:val="2"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>',
    )
    roman = para("a", num=1) + para("b", num=1) + para("b1", num=1, ilvl=1)
    body = roman + para("x", num=2) + para("y", num=2) + para("z", num=5)
    assert _labels(_read(tmp_path, body, num)) == ["I.", "II.", "2.1", "A)", "B)", "C)"]


def test_tracked_changes_keep_insertions_and_drop_deletions(tmp_path):
    revised = (
        run("The fee is ")
        + '<w:ins w:id="1" w:author="A"><w:r><w:t>ten</w:t></w:r></w:ins>'
        + '<w:del w:id="2" w:author="A"><w:r><w:delText>five</w:delText></w:r></w:del>'
        + run(" days")
        + '<w:moveFrom w:id="3"><w:r><w:t> moved away</w:t></w:r></w:moveFrom>'
        + '<w:moveTo w:id="4"><w:r><w:t> net</w:t></w:r></w:moveTo>'
    )
    gone = '<w:p><w:pPr><w:rPr><w:del w:id="5"/></w:rPr></w:pPr><w:del w:id="6"><w:r>'
    gone += "<w:delText>Deleted clause.</w:delText></w:r></w:del></w:p>"
    doc = _read(tmp_path, para(revised) + gone + para("After"))
    assert [b.text for b in doc.blocks] == ["The fee is ten days net", "After"]
    assert [b.paragraph for b in doc.blocks] == [1, 2]
    i = doc.text.index("ten")
    assert doc.locate(i).column == 12


def test_runs_in_hyperlinks_fields_tabs_and_breaks_hidden_text_dropped(tmp_path):
    content = (
        '<w:hyperlink w:anchor="x"><w:r><w:t>See</w:t></w:r></w:hyperlink>'
        "<w:r><w:tab/><w:t>Schedule</w:t><w:br/><w:t>2</w:t></w:r>"
        '<w:fldSimple w:instr="REF x"><w:r><w:t> (Fees)</w:t></w:r></w:fldSimple>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden</w:t></w:r>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r>"
    )
    doc = _read(tmp_path, para(content))
    assert doc.blocks[0].text == "See\tSchedule 2 (Fees)"


def test_tables_read_in_order_with_nested_tables(tmp_path):
    inner = table([["inner 1", "inner 2"]])
    body = (
        para("Before")
        + table([["Service", "Level"], ["Availability", inner + para("after inner")]])
        + para("After")
    )
    doc = _read(tmp_path, body)
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "Before", "Service", "Level", "Availability", "inner 1", "inner 2", "after inner", "After",
    ]  # fmt: skip
    assert [b.style for b in doc.blocks] == ["", *["table"] * 6, ""]
    assert [b.paragraph for b in doc.blocks] == list(range(1, 9))
    assert doc.locate(doc.text.index("inner 2")).paragraph == 6


def test_heading_styles_and_outline_levels(tmp_path):
    outlined = '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>' + run("Outlined") + "</w:p>"
    body_text = '<w:p><w:pPr><w:outlineLvl w:val="9"/></w:pPr>' + run("Body") + "</w:p>"
    body = para("Agreement", style="Title") + para("Scope", style="Heading2") + outlined + body_text
    doc = _read(tmp_path, body)
    assert [b.heading_level for b in doc.blocks] == [1, 2, 3, None]
    assert [b.style for b in doc.blocks] == ["heading", "heading", "heading", ""]


def test_document_written_by_python_docx(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Service Levels", level=1)
    d.add_paragraph("The Supplier shall meet the service levels.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Metric", "Target"
    d.sections[0].header.paragraphs[0].text = "CONFIDENTIAL HEADER"
    path = tmp_path / "w.docx"
    d.save(str(path))
    doc = read_document(str(path))
    assert [b.text for b in doc.blocks] == [
        "Service Levels", "The Supplier shall meet the service levels.", "Metric", "Target",
    ]  # fmt: skip
    assert doc.blocks[0].heading_level == 1 and doc.format == "docx"
    assert "CONFIDENTIAL" not in doc.text
