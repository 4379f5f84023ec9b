"""Size limits hold for every way in: files, bytes in memory (stdin), and every format's text."""

from __future__ import annotations

import pytest

from bpo_lint import readers
from bpo_lint.model import ReadError
from bpo_lint.readers import read_document
from tests.conftest import FIXTURES


def test_bytes_in_memory_get_the_file_size_limit(monkeypatch):
    # stdin used to skip MAX_FILE_BYTES: 300 MB piped in was decoded in full before any check.
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 10)
    with pytest.raises(ReadError) as caught:
        read_document("-", data=b"1. Services and more")
    assert caught.value.code == "too-large"


@pytest.mark.parametrize(
    "name", ["deficient-msa.md", "deficient-msa.docx", "deficient-msa.pdf", "good-msa.docx"]
)
def test_text_longer_than_the_limit_is_refused_in_every_format(monkeypatch, name):
    monkeypatch.setattr(readers, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(ReadError) as caught:
        read_document(str(FIXTURES / name))
    assert caught.value.code == "too-large"
    assert "limit is 0.001 million" in caught.value.message


def test_text_at_the_limit_is_read(monkeypatch):
    monkeypatch.setattr(readers, "MAX_TEXT_CHARS", 20)
    doc = read_document("a.txt", data=b"1. Services\nPay now.")  # exactly 20 characters
    assert len(doc.text) == 20
