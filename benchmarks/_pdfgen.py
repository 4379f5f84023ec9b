"""Generate N-page text PDFs (fpdf2) that look like a services agreement, for speed runs.

Every page has a running header, a running footer and a page number, as real contracts do,
so the reader's header/footer removal is exercised. The clause text is our own invented
drafting, varied by a seeded RNG so pages do not repeat verbatim.
"""

from __future__ import annotations

import random
from pathlib import Path

HEADER = "Master Services Agreement between Northwind Ltd and Harbour Services plc"
FOOTER = "Confidential - Contract No. NW-2207"

_SUBJECTS = (
    "The Supplier",
    "The Customer",
    "Each party",
    "The Service Provider",
    "Neither party",
    "The receiving party",
)
_VERBS = (
    "shall deliver",
    "shall maintain",
    "may suspend",
    "shall promptly notify the other party of",
    "shall keep accurate records of",
    "must not subcontract",
)
_OBJECTS = (
    "the Services described in Schedule 2",
    "all invoices issued under this Agreement",
    "the service levels set out in the Service Level Schedule",
    "any personal data processed on behalf of the Customer",
    "the business continuity plan",
    "any change requested through the change control procedure",
)
_TAILS = (
    "within thirty (30) days of a written request.",
    "in accordance with Good Industry Practice.",
    "subject to clause 14 (Limitation of Liability).",
    "for the duration of the Term and twelve months thereafter.",
    "unless the parties agree otherwise in writing.",
    "at its own cost and expense.",
)
_TITLES = (
    "Services",
    "Charges and Payment",
    "Service Levels",
    "Data Protection",
    "Confidentiality",
    "Term and Termination",
    "Liability",
    "Governing Law",
)


def _sentence(rng: random.Random) -> str:
    return " ".join(
        (rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS), rng.choice(_TAILS))
    )


def make_pdf(path: str | Path, pages: int, seed: int = 7) -> Path:
    """Write a `pages`-page agreement PDF with running header/footer and page numbers."""
    from fpdf import FPDF

    rng = random.Random(seed)

    class _Doc(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, FOOTER, align="L")
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    pdf = _Doc(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(20, 15, 20)
    clause = 0
    for _ in range(pages):
        pdf.add_page()
        while pdf.get_y() < 235:
            clause += 1
            pdf.set_font("Helvetica", "B", 11)
            title = _TITLES[clause % len(_TITLES)]
            pdf.cell(0, 7, f"{clause}. {title}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
            body = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
            pdf.multi_cell(0, 5, f"{clause}.1 {body}", align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    out = Path(path)
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    import sys

    print(make_pdf(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10))
