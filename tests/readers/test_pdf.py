"""The PDF reader on PDFs we generate: order, running lines, hyphens, headings, locations."""

from __future__ import annotations

import pytest

from bpo_lint.readers.pdf import read_pdf
from bpo_lint.readers.pdf_layout import Line, running_lines
from bpo_lint.readers.pdf_text import to_blocks

pytest.importorskip("fpdf")

HEADER = "Alpha Services Agreement - Draft for Review"
PHRASE = "The Supplier shall maintain insurance with a reputable insurer"
LEFT = "Left column clause text about service credits, row {}"
RIGHT = "Right column clause text about audit rights, row {}"


def _contract(path) -> str:
    """A three-page contract: title page, a two-column page, a page with a known phrase."""
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(6)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Doc(format="A4")
    pdf.set_auto_page_break(False)

    def line(text, size=10, style="", h=6):
        pdf.set_font("Helvetica", style, size)
        pdf.cell(0, h, text, new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    line("MASTER SERVICES AGREEMENT", 18, "B", 10)
    line("1. Services", 11, "B")
    line("Either party may give the other a notice of termi-")
    line("nation in writing at any time before the Go-Live Date.")
    line("The Customer may appoint an independent third-")
    line("party auditor to review the records kept by the Supplier.")
    for i in range(6):
        line(f"Body text of the first clause continues here on line {i}.")

    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    for i in range(1, 13):  # rows interleaved in the content stream, left then right
        y = 30 + 6 * i
        pdf.text(20, y, LEFT.format(i))
        pdf.text(112, y, RIGHT.format(i))

    pdf.add_page()
    line("2. Insurance", 11, "B")
    line("The first body line of the insurance clause says very little.")
    line("The second body line of the insurance clause says a bit more.")
    line(f"{PHRASE} for the Term.")
    pdf.output(str(path))
    return str(path)


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    return read_pdf(_contract(tmp_path_factory.mktemp("pdf") / "contract.pdf"))


def test_pages_and_format(doc):
    assert doc.format == "pdf"
    assert doc.pages == 3
    assert all(b.page in (1, 2, 3) and b.line >= 1 for b in doc.blocks)


def test_running_header_footer_and_page_numbers_removed(doc):
    assert HEADER not in doc.text
    assert "Page 1 of 3" not in doc.text and "Page 3 of 3" not in doc.text
    assert "MASTER SERVICES AGREEMENT" in doc.text  # the title is not a running line


def test_two_column_page_reads_left_column_first(doc):
    page2 = [b.text for b in doc.blocks if b.page == 2]
    expected = [LEFT.format(i) for i in range(1, 13)] + [RIGHT.format(i) for i in range(1, 13)]
    assert page2 == expected


def test_hyphenated_word_joined_and_fragment_removed(doc):
    texts = [b.text for b in doc.blocks]
    first = next(b for b in doc.blocks if b.text.endswith("termination"))
    nxt = doc.blocks[doc.blocks.index(first) + 1]
    assert nxt.text.startswith("in writing at any time")
    assert nxt.column == len("nation ") + 1  # columns still point at the page
    hyphen_col = len("Either party may give the other a notice of termi-")
    assert first.column_at(len(first.text) - 1) == hyphen_col
    assert not any(t.startswith("nation") for t in texts)


def test_compound_keeps_its_hyphen(doc):
    assert any(b.text.endswith("independent third-party") for b in doc.blocks)
    assert any(b.text.startswith("auditor to review") for b in doc.blocks)


def test_headings_from_font_size_and_weight(doc):
    by_text = {b.text: b for b in doc.blocks}
    assert by_text["MASTER SERVICES AGREEMENT"].heading_level == 1
    assert by_text["1. Services"].heading_level == 2
    assert by_text["1. Services"].style == "heading"
    body = next(b for b in doc.blocks if b.text.startswith("Body text of the first"))
    assert body.heading_level is None and body.style == ""


def test_phrase_located_at_its_page_and_line(doc):
    start = doc.text.index(PHRASE)
    loc = doc.locate(start, start + len(PHRASE))
    # Line 1 is the running header (removed but counted), then the heading and two body lines.
    assert (loc.page, loc.line, loc.column) == (3, 5, 1)
    assert (loc.end_line, loc.end_column) == (5, len(PHRASE) + 1)
    title = doc.locate(doc.text.index("MASTER SERVICES"))
    assert (title.page, title.line) == (1, 2)


def test_data_argument_reads_bytes(tmp_path):
    path = _contract(tmp_path / "c.pdf")
    with open(path, "rb") as fh:
        data = fh.read()
    assert read_pdf("-", data=data).text == read_pdf(path).text


def _line(text, page, number, top, size=10.0, bold=False):
    return Line(text, page, number, top, top + 10, size, bold)


def test_running_lines_need_repetition_and_a_margin_position():
    pages = []
    for p in range(1, 6):
        lines = [
            _line(f"Acme Corp confidential, draft {p}", p, 1, 20),
            _line("Body line that happens to repeat on every page", p, 2, 400),
            _line(f"- {p} -", p, 3, 800),
        ]
        pages.append((lines, 842.0))
    drop = running_lines(pages)
    assert {(p, 1) for p in range(1, 6)} <= drop  # repeats at the top, digits normalised
    assert {(p, 3) for p in range(1, 6)} <= drop  # "- 3 -" page numbers
    assert not any(n == 2 for _, n in drop)  # mid-page text stays


def test_hyphen_rule_leaves_capitals_and_soft_hyphens_behave():
    blocks = to_blocks(
        [
            _line("payable under the pre-", 1, 1, 100),
            _line("Closing covenants", 1, 2, 112),
            _line("a soft hyphen splits agree\u00ad", 1, 3, 124),
            _line("ment here", 1, 4, 136),
        ]
    )
    assert [b.text for b in blocks] == [
        "payable under the pre-",
        "Closing covenants",
        "a soft hyphen splits agreement",
        "here",
    ]
    assert blocks[3].column == len("ment ") + 1


def test_a_line_that_starts_in_lower_case_is_never_a_heading():
    body = [
        _line(f"The Supplier shall perform the Services in line {n}.", 1, n, 100 + 12 * n)
        for n in range(1, 9)
    ]
    blocks = to_blocks(
        [
            *body,
            _line("Indemnification", 1, 10, 220, bold=True),
            _line("The Vendor shall indemnify the Customer for any", 1, 11, 232),
            _line("payment based on the Customer's fault.", 1, 12, 244, size=12.0),
            _line("defending against such Loss", 1, 13, 256, bold=True),
        ]
    )
    levels = {b.text: b.heading_level for b in blocks}
    assert levels["Indemnification"] == 2
    assert levels["payment based on the Customer's fault."] is None  # larger, but mid-sentence
    assert levels["defending against such Loss"] is None  # bold, but mid-sentence


def test_lower_case_lines_do_not_split_a_bold_paragraph_into_headings():
    bold = [
        "Warranty Disclaimer",
        "all warranties are excluded",
        "Other Terms",
        "as the law allows",
        "Final Terms",
    ]
    lines = [_line(t, 1, n, 100 + 12 * n, bold=True) for n, t in enumerate(bold, 1)]
    lines += [
        _line(f"Plain body text of the clause, line {n}.", 1, n, 200 + 12 * n) for n in range(6, 20)
    ]
    assert all(b.heading_level is None for b in to_blocks(lines)[:5])


def test_sideways_text_keeps_its_lines_whole(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 20, "An upright line of ordinary contract text.")
    with pdf.rotation(90, 100, 200):
        pdf.text(100, 200, "Sideways table heading text")
        pdf.text(100, 210, "Second sideways line")
    pdf.output(str(tmp_path / "rot.pdf"))
    texts = [b.text for b in read_pdf(str(tmp_path / "rot.pdf")).blocks]
    assert texts == [
        "An upright line of ordinary contract text.",
        "Sideways table heading text",
        "Second sideways line",
    ]


def test_rotated_page_reads_like_the_upright_one(tmp_path):
    import pypdfium2 as pdfium

    path = _contract(tmp_path / "c.pdf")
    rotated = pdfium.PdfDocument(path)
    for page in rotated:
        page.set_rotation(90)
    rotated.save(str(tmp_path / "rot.pdf"))
    rotated.close()
    upright, turned = read_pdf(path), read_pdf(str(tmp_path / "rot.pdf"))
    assert turned.text == upright.text
    assert [(b.page, b.line) for b in turned.blocks] == [(b.page, b.line) for b in upright.blocks]


def test_odd_characters_are_replaced_one_for_one():
    from bpo_lint.readers.pdf_lines import _SAME_CHARACTERS

    odd = "Exhibit D\u037e and\u2003the\u202fOhm \u2126 and \u00e9t\u00e9"
    fixed = odd.translate(_SAME_CHARACTERS)
    assert fixed == "Exhibit D; and the Ohm \u03a9 and \u00e9t\u00e9"
    assert len(fixed) == len(odd)  # offsets and column maps stay exact
    assert all(len(v) == 1 for v in _SAME_CHARACTERS.values())
