"""Seed inputs for the fuzzer: the fixture contracts plus small files built here, in our words.

Small seeds matter: every mutated case is read, sectioned and linted in full, so a 2 KB seed
gives many more cases per second than a 40 KB contract.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CLAUSES = (
    ("1", "Services", "The Supplier shall provide the Services described in Schedule 1."),
    ("1.1", "Service Levels", "The Supplier shall answer 95% of calls within thirty (30) seconds."),
    ("2", "Fees", "The Customer shall pay each invoice within 30 days of receipt."),
    ("2.1", "", "Either party may end this Agreement on ninety (90) days' written notice."),
    (
        "3",
        "Confidentiality",
        "Each party shall use reasonable efforts to protect the other's data.",
    ),
)


def seed_files(fmt: str) -> list[bytes]:
    """The seed inputs for `fmt` ("docx" or "pdf")."""
    suffix = {"docx": ".docx", "pdf": ".pdf"}[fmt]
    seeds = [p.read_bytes() for p in sorted(FIXTURES.glob(f"*{suffix}"))]
    seeds.append(small_docx() if fmt == "docx" else small_pdf())
    return seeds


def small_docx() -> bytes:
    """A short Word contract: headings, auto-numbered list paragraphs, a table, a tracked insert."""
    import docx

    d = docx.Document()
    d.add_heading("Services Agreement", level=0)
    for number, title, body in CLAUSES:
        if title:
            d.add_heading(f"{number} {title}", level=1 if "." not in number else 2)
        d.add_paragraph(body, style="List Number")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Service", "Target"
    table.cell(1, 0).text, table.cell(1, 1).text = "Availability", "99.9%"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def small_pdf() -> bytes:
    """A short text PDF with uncompressed content streams, so mutations hit the operators."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(False)
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    pdf.add_page()
    for number, title, body in CLAUSES:
        pdf.set_font("Helvetica", "B" if title else "", 13 if title else 10)
        if title:
            pdf.cell(0, 8, f"{number} {title}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
