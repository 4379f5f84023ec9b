"""Read any supported file into a Document; every failure becomes a ReadError with a stable code.

The PDF and DOCX readers pull in heavy libraries, so they are imported only when a file needs them.
"""

from __future__ import annotations

import os
import re

from bpo_lint.model import Document, ReadError

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".md", ".markdown", ".txt", ".text")
_FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}
MAX_FILE_BYTES = 200 * 1024 * 1024
# ~1,250 dense pages, ten times the longest agreement we have seen; sectioning, the rules and the
# classifier take time and memory in proportion to the text (5 MB of text: ~20 s and 0.5 GB).
MAX_TEXT_CHARS = 5_000_000
_ATX_HEADING = re.compile(rb"^ {0,3}#{1,6} ", re.MULTILINE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(path: str, data: bytes | None = None) -> str:
    """The format of a file: by suffix, or sniffed from `data` when `path` is "-" (stdin)."""
    if path == "-":
        return _sniff(data or b"")
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in _FORMATS:
        shown = f"'{suffix}'" if suffix else "with no suffix"
        raise ReadError(
            "unsupported-format",
            f"unsupported file type {shown} (supported: {', '.join(SUPPORTED_SUFFIXES)})",
        )
    return _FORMATS[suffix]


def _sniff(data: bytes) -> str:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    # Any zip or legacy Word file goes to the DOCX reader, which says plainly what it is instead.
    if head.startswith((b"PK\x03\x04", _OLE_MAGIC)):
        return "docx"
    from bpo_lint.readers.encoding import looks_binary

    if not looks_binary(data) and _ATX_HEADING.search(data[:65536].lstrip(b"\xef\xbb\xbf")):
        return "markdown"
    return "text"


def read_document(path: str, data: bytes | None = None, password: str | None = None) -> Document:
    """Read a PDF, DOCX, Markdown or text file (or stdin when path is "-") into a Document."""
    try:
        doc = _read(path, data, password)
        check_text_size(len(doc.text))
        return doc
    except ReadError:
        raise
    except MemoryError as exc:
        raise ReadError("too-large", "ran out of memory reading it") from exc
    except Exception as exc:  # a reader bug must still surface as a clean, reportable error
        detail = str(exc).splitlines()[0] if str(exc) else ""
        message = f"could not read it ({type(exc).__name__}: {detail})"
        raise ReadError("read-error", message) from exc


def check_text_size(chars: int) -> None:
    """ReadError("too-large") when a document's text is longer than MAX_TEXT_CHARS."""
    if chars > MAX_TEXT_CHARS:
        shown, limit = chars / 1e6, MAX_TEXT_CHARS / 1e6
        raise ReadError(
            "too-large",
            f"the text is {shown:.1f} million characters; the limit is {limit:g} million",
        )


def _read(path: str, data: bytes | None, password: str | None) -> Document:
    if path == "-":
        data = data if data is not None else b""
    size = _check_file(path) if data is None else len(data)
    if size > MAX_FILE_BYTES:  # bytes given in memory (stdin) get the same limit as a file
        raise ReadError("too-large", f"input is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    fmt = detect_format(path, data)
    if size == 0:
        raise ReadError("empty-file", "file is empty (0 bytes)")
    if fmt == "pdf":
        from bpo_lint.readers.pdf import read_pdf

        return read_pdf(path, data=data, password=password)
    if data is None:
        data = _read_bytes(path)
    if not data:
        raise ReadError("empty-file", "file is empty (0 bytes)")
    if fmt == "docx":
        from bpo_lint.readers.docx import read_docx

        return read_docx(path, data)
    if fmt == "markdown":
        from bpo_lint.readers.markdown import read_markdown

        return read_markdown(path, data)
    from bpo_lint.readers.text import read_text

    return read_text(path, data)


def _check_file(path: str) -> int:
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise ReadError("not-found", "no such file") from exc
    except PermissionError as exc:
        raise ReadError("permission-denied", "permission denied") from exc
    except OSError as exc:
        raise ReadError("read-error", f"cannot open it ({exc.strerror or exc})") from exc
    if os.path.isdir(path):
        raise ReadError("is-directory", "is a directory, not a file")
    if st.st_size > MAX_FILE_BYTES:
        size_mb, limit_mb = st.st_size // (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)
        raise ReadError("too-large", f"file is {size_mb} MB; the limit is {limit_mb} MB")
    # Special files (pipes, /dev/stdin) report size 0 but may hold data: let the read decide.
    return st.st_size if os.path.isfile(path) else -1


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            # Read one byte past the limit so a file that grew since stat() is still refused.
            data = fh.read(MAX_FILE_BYTES + 1)
    except PermissionError as exc:
        raise ReadError("permission-denied", "permission denied") from exc
    except IsADirectoryError as exc:
        raise ReadError("is-directory", "is a directory, not a file") from exc
    except OSError as exc:
        raise ReadError("read-error", f"cannot read it ({exc.strerror or exc})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise ReadError("too-large", f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return data
