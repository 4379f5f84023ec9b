"""Every evaluation agreement in text or DOCX form reads without error (measuring only)."""

from __future__ import annotations

import difflib

import pytest

from bpo_lint.readers import read_document


def test_eval_texts_read(corpus):
    paths = sorted((corpus / "eval" / "texts").glob("*.txt"))
    assert paths
    for path in paths:
        doc = read_document(str(path))
        assert doc.format == "text" and len(doc.text.split()) > 100, path.name
        assert doc.blocks[-1].line == len(doc.blocks)


def test_eval_docx_words_match_their_text_versions(corpus):
    originals = sorted((corpus / "eval" / "originals").glob("*.docx"))
    if not originals:
        pytest.skip("no DOCX originals in the corpus")
    for path in originals:
        doc = read_document(str(path))
        number = path.name.split("-", 1)[0]
        [text_path] = (corpus / "eval" / "texts").glob(f"{number}-*.txt")
        # The text versions lack Word's automatic numbers, so drop numbered blocks' labels.
        words = [
            w
            for b in doc.blocks
            for w in (b.text.split(" ", 1)[-1] if b.col_map else b.text).split()
        ]
        expected = text_path.read_text(encoding="utf-8").split()
        ratio = difflib.SequenceMatcher(None, words, expected, autojunk=False).ratio()
        assert ratio > 0.98, (path.name, ratio)
