"""Bad input: every case is a ReadError with a stable code, never a traceback or a hang."""

from __future__ import annotations

import io
import os
import time
import zipfile

import pytest

from bpo_lint import readers
from bpo_lint.model import ReadError
from bpo_lint.readers import SUPPORTED_SUFFIXES, detect_format, read_document, safezip
from tests.readers.docx_builder import build_docx, para


def _code(path, data=None) -> str:
    with pytest.raises(ReadError) as info:
        read_document(str(path), data=data)
    assert info.value.message and "\n" not in info.value.message
    assert not info.value.message.startswith(str(path))  # the CLI adds the path itself
    return info.value.code


def _docx_bytes(tmp_path, body: str | None = None, **kw) -> bytes:
    return build_docx(tmp_path / "src.docx", body or para("Hello"), **kw).read_bytes()


def test_missing_file_directory_and_unsupported_suffix(tmp_path):
    assert _code(tmp_path / "nope.docx") == "not-found"
    assert _code(tmp_path) == "is-directory"
    rtf = tmp_path / "a.rtf"
    rtf.write_text("{\\rtf1 hello}")
    assert _code(rtf) == "unsupported-format"
    assert _code(tmp_path / "missing.rtf") == "not-found"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("text")
    path.chmod(0)
    assert _code(path) == "permission-denied"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf"])
def test_zero_byte_file_is_empty(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert _code(path) == "empty-file"


def test_whitespace_only_text_is_empty(tmp_path):
    path = tmp_path / "blank.md"
    path.write_text("\n  \n\t\n")
    assert _code(path) == "empty-file"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_binary_named_as_text_is_a_decode_error(tmp_path, suffix):
    path = tmp_path / f"bin{suffix}"
    path.write_bytes(bytes(range(256)) * 20)
    assert _code(path) == "decode-error"
    path.write_bytes(b"plain words\x00 and a NUL")
    assert _code(path) == "decode-error"


def test_random_bytes_and_non_word_zip_are_not_a_docx(tmp_path):
    path = tmp_path / "random.docx"
    path.write_bytes(os.urandom(4096).replace(b"PK", b"pk"))
    assert _code(path) == "not-a-docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a Word document")
    path.write_bytes(buf.getvalue())
    assert _code(path) == "not-a-docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)  # legacy .doc
    assert _code(path) == "not-a-docx"


def test_truncated_and_damaged_docx_are_corrupt(tmp_path):
    data = _docx_bytes(tmp_path)
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert _code(path) == "corrupt-docx"
    broken = _docx_bytes(tmp_path, body="<w:p><w:r><w:t>unclosed</w:r></w:p>")
    path.write_bytes(broken)
    assert _code(path) == "corrupt-docx"


def test_zip_bomb_is_refused_before_unpacking(tmp_path, monkeypatch):
    data = _docx_bytes(tmp_path)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            out.writestr(name, src.read(name))
        out.writestr("word/media/zeros.bin", b"\x00" * (4 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    path = tmp_path / "bomb.docx"
    path.write_bytes(buf.getvalue())
    assert _code(path) == "too-large"
    # A plain bitmap compresses as well as a bomb, but images are never parsed: not refused.
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            out.writestr(name, src.read(name))
        out.writestr("word/media/blank.bmp", b"\x00" * (4 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    assert read_document("-", data=buf.getvalue()).text == "Hello"
    # The total-size guard, exercised with a lowered limit rather than 200 MB of test data.
    monkeypatch.setattr(safezip, "MAX_TOTAL_BYTES", 1000)
    path.write_bytes(data)
    assert _code(path) == "too-large"


def test_billion_laughs_and_external_entity_are_harmless(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    prolog = (
        f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    )
    data = _docx_bytes(tmp_path, body=para("<w:r><w:t>&xxe; &lol9;</w:t></w:r>"), prolog=prolog)
    path = tmp_path / "evil.docx"
    path.write_bytes(data)
    started = time.perf_counter()
    with pytest.raises(ReadError) as info:
        read_document(str(path))
    assert time.perf_counter() - started < 5
    assert info.value.code == "corrupt-docx"
    assert "DTD" in info.value.message and "TOP-SECRET" not in info.value.message


def test_unexpected_reader_failure_becomes_read_error(tmp_path, monkeypatch):
    import bpo_lint.readers.text as text_reader

    def boom(path, data):
        raise RuntimeError("reader bug\nsecond line")

    monkeypatch.setattr(text_reader, "read_text", boom)
    path = tmp_path / "a.txt"
    path.write_text("hello")
    assert _code(path) == "read-error"


def test_stdin_is_sniffed(tmp_path):
    docx_bytes = _docx_bytes(tmp_path)
    assert detect_format("-", b"%PDF-1.7\n...") == "pdf"
    assert detect_format("-", docx_bytes) == "docx"
    assert detect_format("-", b"Intro\n\n# 1. Services\nText") == "markdown"
    assert detect_format("-", b"1. Services\nText #1") == "text"
    assert detect_format("-", bytes(range(256))) == "text"
    assert read_document("-", data=docx_bytes).format == "docx"
    assert read_document("-", data=b"# Title\nbody").blocks[0].text == "Title"
    assert _code("-", data=b"") == "empty-file"


def test_format_by_suffix_and_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (".pdf", ".docx", ".md", ".markdown", ".txt", ".text")
    assert [detect_format(f"a{s.upper()}") for s in SUPPORTED_SUFFIXES] == [
        "pdf", "docx", "markdown", "markdown", "text", "text",
    ]  # fmt: skip
    with pytest.raises(ReadError) as info:
        detect_format("contract.doc")
    assert info.value.code == "unsupported-format"


def test_oversized_file_refused_without_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("more than ten bytes of text")
    assert _code(path) == "too-large"


def test_unreadable_file_is_permission_denied(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Runs as root in CI too, where chmod cannot make a file unreadable.
    monkeypatch.setattr(readers, "open", refuse, raising=False)
    path = tmp_path / "locked.md"
    path.write_text("# Title")
    assert _code(path) == "permission-denied"


def test_pdf_is_dispatched_with_its_password(tmp_path, monkeypatch):
    import bpo_lint.readers.pdf as pdf_reader
    from bpo_lint.model import Document

    calls = []

    def fake(path, data=None, password=None):
        calls.append((path, data, password))
        return Document.from_blocks(path, "pdf", [])

    monkeypatch.setattr(pdf_reader, "read_pdf", fake)
    path = tmp_path / "a.PDF"
    path.write_bytes(b"%PDF-1.4 stub")
    assert read_document(str(path), password="pw").format == "pdf"
    assert read_document("-", data=b"%PDF-1.4 stub").format == "pdf"
    assert calls == [(str(path), None, "pw"), ("-", b"%PDF-1.4 stub", None)]
