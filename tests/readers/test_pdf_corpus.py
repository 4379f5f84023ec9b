"""The PDF reader on real training PDFs and on the project's PDF fixtures."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bpo_lint.readers.pdf import read_pdf
from tests.conftest import FIXTURES

_WORD = re.compile(r"[a-z0-9]+")
# Small files from corpus/train/cuad-pdf (training material: fine to develop against).
TRAIN_PDFS = ("ArcaUsTreasuryFund", "HfEnterprisesInc", "VgrabCommunicationsInc")


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


@pytest.mark.parametrize("prefix", TRAIN_PDFS)
def test_training_pdf_matches_cuad_text_and_drops_running_lines(corpus, prefix):
    pdf = next((corpus / "train" / "cuad-pdf").glob(f"{prefix}*.pdf"), None)
    if pdf is None:
        pytest.skip(f"{prefix} is not in this corpus")
    txt = corpus / "train" / "cuad-txt" / f"{pdf.stem}.txt"
    raw = read_pdf(str(pdf), keep_running=True)
    theirs = _words(txt.read_text(encoding="utf-8", errors="replace"))
    ours = _words(raw.text)
    common = sum((ours & theirs).values())
    assert common / max(sum(ours.values()), sum(theirs.values())) >= 0.97
    doc = read_pdf(str(pdf))
    # EDGAR's "Source: COMPANY, FORM, DATE" footer is on every page of these files.
    assert sum(b.text.startswith("Source: ") for b in raw.blocks) >= raw.pages - 1
    assert not any(b.text.startswith("Source: ") for b in doc.blocks)
    assert not any(b.text.strip().isdigit() and len(b.text.strip()) <= 3 for b in doc.blocks)


def _fixture(name: str):
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"fixtures/{name} is not built")
    return read_pdf(str(path))


def test_fixture_running_lines_removed_and_signature_columns_in_order():
    doc = _fixture("deficient-msa.pdf")
    assert doc.pages == 6
    assert "Master Services Agreement - Confidential" not in doc.text
    assert not re.search(r"Page \d+ of \d+", doc.text)
    last = [b.text for b in doc.blocks if b.page == doc.pages]
    # Two-column signature page: the whole first party's block, then the second party's.
    first = next(i for i, t in enumerate(last) if "Oakridge" in t)
    second = next(i for i, t in enumerate(last) if "Pellucid" in t)
    assert first < second
    assert "Marcus Hale" in " ".join(last[first:second])


def test_fixture_location_of_a_known_clause():
    doc = _fixture("good-msa.pdf")
    start = doc.text.index("3. Service Levels")
    loc = doc.locate(start, start + len("3. Service Levels"))
    block = doc.blocks[doc.block_index(start)]
    assert block.heading_level is not None
    # Counted on the page from the top, the running header being line 1.
    assert (loc.page, loc.line, loc.column) == (3, 27, 1)


def test_a_semicolon_printed_as_greek_question_mark_reads_as_a_semicolon(corpus):
    # Most corpus PDFs map their semicolon glyph to U+037E; the CUAD text of the same file has ";".
    for prefix in TRAIN_PDFS:
        pdf = next((corpus / "train" / "cuad-pdf").glob(f"{prefix}*.pdf"), None)
        if pdf is None:
            continue
        text = read_pdf(str(pdf)).text
        txt = (corpus / "train" / "cuad-txt" / f"{pdf.stem}.txt").read_text(encoding="utf-8")
        assert "\u037e" not in text
        if txt.count(";") >= 5:
            assert text.count(";") >= txt.count(";") * 0.9
