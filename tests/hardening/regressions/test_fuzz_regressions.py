"""Every crash the fuzzer found, replayed: each must now be a specific, clean ReadError."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from bpo_lint.model import ReadError
from bpo_lint.readers import read_document
from tests.readers.docx_builder import CONTENT_TYPES, PACKAGE_RELS, W_NS

HERE = Path(__file__).resolve().parent


def _docx(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def docx_root_not_document() -> bytes:
    """The main part's root is a paragraph, not w:document: python-docx gives it no body."""
    return _docx(f'<w:p xmlns:w="{W_NS}"><w:r><w:t>1. Services</w:t></w:r></w:p>')


def docx_unsupported_zip_version() -> bytes:
    """A central directory entry that claims it needs zip version 12.3 to extract."""
    data = bytearray(_docx(f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>'))
    at = data.index(b"PK\x01\x02")  # the first central directory header
    struct.pack_into("<H", data, at + 6, 123)  # "version needed to extract"
    return bytes(data)


def docx_lying_size_bomb() -> bytes:
    """64 MiB of XML whose zip headers declare 1000 bytes."""
    from tests.hardening.zipbomb import bomb_docx

    return bomb_docx(64, declared=1000)


CASES = {
    "pdf-page-fails-to-load.pdf": (
        lambda: (HERE / "pdf-page-fails-to-load.pdf").read_bytes(),
        "corrupt-pdf",
        "page 1 of the PDF is damaged",
    ),
    "root-not-document.docx": (docx_root_not_document, "corrupt-docx", "has no body"),
    "zip-version.docx": (docx_unsupported_zip_version, "corrupt-docx", "broken zip archive"),
    "lying-size.docx": (docx_lying_size_bomb, "too-large", "inflates past the size"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fuzz_crash_is_now_a_specific_read_error(name):
    build, code, words = CASES[name]
    with pytest.raises(ReadError) as caught:
        read_document(name, data=build())
    assert caught.value.code == code, caught.value.message
    assert words in caught.value.message
