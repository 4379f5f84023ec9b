"""Bad PDFs: each is a ReadError with the right code, never another exception or a hang."""

from __future__ import annotations

import random
import time

import pytest

from bpo_lint.model import Document, ReadError
from bpo_lint.readers import pdf as pdf_reader
from bpo_lint.readers.pdf import read_pdf

pytest.importorskip("fpdf")


def _text_pdf(path, pages=1, **encryption) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.set_font("Helvetica", size=11)
    for i in range(pages):
        pdf.add_page()
        pdf.cell(0, 8, f"The Supplier shall provide the Services on page {i + 1}.")
    pdf.output(str(path))
    return path.read_bytes()


def _code(path, data=None, password=None) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_pdf(str(path), data=data, password=password)
    assert info.value.message and "\n" not in info.value.message
    return info.value


def test_zero_bytes_random_bytes_and_not_a_pdf(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert _code(empty).code == "corrupt-pdf"
    noise = tmp_path / "noise.pdf"
    noise.write_bytes(random.Random(1).randbytes(5000))
    assert _code(noise).code == "corrupt-pdf"
    assert _code("x.pdf", data=b"%PDF-1.7\n" + random.Random(2).randbytes(3000)).code == (
        "corrupt-pdf"
    )


def test_truncated_pdf(tmp_path):
    data = _text_pdf(tmp_path / "t.pdf", pages=3)
    for cut in (len(data) // 3, len(data) - 40):
        assert _code("t.pdf", data=data[:cut]).code == "corrupt-pdf"


def test_encrypted_pdf_needs_the_password(tmp_path):
    data = _text_pdf(tmp_path / "e.pdf", owner_password="owner-pw", user_password="s3cret")
    err = _code("e.pdf", data=data)
    assert err.code == "encrypted-pdf" and "--password" in err.message
    assert _code("e.pdf", data=data, password="wrong").code == "encrypted-pdf"
    doc = read_pdf("e.pdf", data=data, password="s3cret")
    assert "The Supplier shall provide the Services on page 1." in doc.text


def test_image_only_pdf_needs_ocr(tmp_path):
    from fpdf import FPDF
    from PIL import Image

    img = tmp_path / "scan.png"
    Image.new("RGB", (200, 100), "white").save(img)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(img), x=10, y=10, w=150)
    pdf.output(str(tmp_path / "scan.pdf"))
    err = _code(tmp_path / "scan.pdf")
    assert err.code == "no-text-layer" and "OCR" in err.message


def test_too_many_pages_and_too_many_bytes(tmp_path, monkeypatch):
    data = _text_pdf(tmp_path / "big.pdf", pages=3)
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    assert _code("big.pdf", data=data).code == "too-large"
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 5000)
    monkeypatch.setattr(pdf_reader, "MAX_BYTES", 100)
    assert _code(tmp_path / "big.pdf").code == "too-large"


def test_damaged_copies_never_raise_anything_else(tmp_path):
    data = _text_pdf(tmp_path / "d.pdf", pages=2)
    rng = random.Random(7)
    start = time.perf_counter()
    for _ in range(40):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            assert isinstance(read_pdf("d.pdf", data=bytes(damaged)), Document)
        except ReadError as exc:
            assert exc.code in ("corrupt-pdf", "no-text-layer", "encrypted-pdf")
    assert time.perf_counter() - start < 30
