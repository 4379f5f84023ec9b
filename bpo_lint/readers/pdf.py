"""Read a PDF into a Document: one Block per visual text line, with its page and line number.

Text, boxes and fonts come from pdfium (pypdfium2): on a generated 100-page PDF this reader takes
~0.4-0.6 s where pdfplumber's extract_text alone takes 15-21 s (benchmarks/pdf_speed.py).

Line numbers: `Block.line` is the line's position on its page in reading order, counting every
visible text line, including the running header, footer and page-number lines that are removed
from the text. So "page 14, line 3" is the third line of text a reader sees on page 14 when
counting from the top (on a two-column page: down the left column, then down the right one).
`Block.column` is 1-based within the line as extracted; when a hyphenated word was joined,
`col_map` points the moved characters at the hyphen's position.

Every failure is a ReadError: corrupt-pdf, encrypted-pdf, no-text-layer, too-large.
"""

from __future__ import annotations

import os

from bpo_lint.model import Document, ReadError

MAX_PAGES = 5000
MAX_BYTES = 200 * 1024 * 1024


def _load_bytes(path: str) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            limit = MAX_BYTES // 2**20
            raise ReadError("too-large", f"file is {size // 2**20} MB; the limit is {limit} MB")
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise ReadError("not-found", "no such file") from exc
    except OSError as exc:
        raise ReadError("read-error", f"cannot read it ({exc.strerror or exc})") from exc


def _open(data: bytes, password: str | None):
    """A pdfium document, or the ReadError that explains why the bytes are not one."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            if password:
                msg = "the password given with --password is wrong"
                raise ReadError("encrypted-pdf", msg) from None
            raise ReadError(
                "encrypted-pdf", "the PDF is encrypted; give its password with --password"
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError("encrypted-pdf", "the PDF uses an unsupported encryption") from None
        raise ReadError("corrupt-pdf", "the PDF is damaged and cannot be opened") from None
    except (ValueError, OSError, RuntimeError) as exc:
        raise ReadError("corrupt-pdf", f"the PDF cannot be opened ({_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    """An exception's message cut to one line, for a one-line error report."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _load_page(pdf, number: int):
    """Page `number` (1-based); corrupt-pdf naming the page when pdfium cannot load it."""
    import pypdfium2 as pdfium

    try:
        return pdf[number - 1]
    except pdfium.PdfiumError as exc:
        raise ReadError("corrupt-pdf", f"page {number} of the PDF is damaged") from exc


def _check_complete(data: bytes) -> None:
    # pdfium silently rebuilds a truncated file from what is left; the user should know instead.
    if b"%%EOF" not in data[-4096:]:
        raise ReadError("corrupt-pdf", "the PDF is truncated (no end-of-file marker)")


def read_pdf(
    path: str, data: bytes | None = None, password: str | None = None, *, keep_running: bool = False
) -> Document:
    """Read a PDF (from `data` when given, else from `path`) into a Document of text lines.

    `keep_running=True` keeps running headers, footers and page numbers (for measuring).
    """
    if data is None:
        data = _load_bytes(path)
    if len(data) > MAX_BYTES:
        raise ReadError("too-large", f"file is larger than {MAX_BYTES // 2**20} MB")
    if not data.strip():
        raise ReadError("corrupt-pdf", "the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise ReadError("corrupt-pdf", "not a PDF file (no %PDF header)")
    _check_complete(data)
    pdf = _open(data, password)
    try:
        return _read_open(path, pdf, keep_running)
    except ReadError:
        raise
    except MemoryError as exc:
        raise ReadError("too-large", "ran out of memory reading the PDF") from exc
    except Exception as exc:  # pdfium surprises become a clean, reportable error
        raise ReadError("corrupt-pdf", f"the PDF could not be read ({_first_line(exc)})") from exc
    finally:
        pdf.close()


def _read_open(path: str, pdf, keep_running: bool) -> Document:
    from bpo_lint.readers.pdf_layout import order_page, running_lines
    from bpo_lint.readers.pdf_lines import page_segments
    from bpo_lint.readers.pdf_text import to_blocks

    count = len(pdf)
    if count <= 0:
        raise ReadError("corrupt-pdf", "the PDF has no pages")
    if count > MAX_PAGES:
        raise ReadError("too-large", f"the PDF has {count} pages; the limit is {MAX_PAGES}")
    pages = []
    for number in range(1, count + 1):
        page = _load_page(pdf, number)
        try:
            # The bounding box is in the same (unrotated) space as pdfium's character boxes.
            left, bottom, right, top = page.get_bbox()
            textpage = page.get_textpage()
            try:
                segs = page_segments(textpage, left, top)
            finally:
                textpage.close()
        finally:
            page.close()
        pages.append((order_page(segs, number, right - left), top - bottom))
    if not any(lines for lines, _ in pages):
        raise ReadError(
            "no-text-layer",
            "the PDF has no text layer (scanned images only); run OCR on it first",
        )
    drop = set() if keep_running else running_lines(pages)
    kept = [ln for lines, _ in pages for ln in lines if (ln.page, ln.number) not in drop]
    empty = [str(n) for n, (lines, _) in enumerate(pages, 1) if not lines]
    warnings = ()
    if empty:
        shown = ", ".join(empty[:10]) + (" ..." if len(empty) > 10 else "")
        warnings = (f"no text on page(s) {shown}: scanned? run OCR to read them",)
    return Document.from_blocks(path, "pdf", to_blocks(kept), pages=count, warnings=warnings)
