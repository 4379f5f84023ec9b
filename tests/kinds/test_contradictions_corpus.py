"""All contradiction rules on real agreements (training part of the corpus): quiet and fast."""

from __future__ import annotations

import time

import pytest

from bpo_lint.kinds import KINDS
from bpo_lint.kinds.base import Context
from tests.conftest import CORPUS
from tests.kinds.contradiction_helpers import doc_of, pack

SAMPLE = 3  # the largest training contracts: the worst case for both noise and speed


@pytest.fixture(scope="module")
def contracts():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    files = sorted((CORPUS / "train" / "cuad-txt").glob("*.txt"), key=lambda p: -p.stat().st_size)
    if not files:
        pytest.skip("no training contracts")
    return [doc_of(p.read_text(encoding="utf-8", errors="replace")) for p in files[:SAMPLE]]


def test_few_findings_and_fast_on_real_contracts(contracts):
    rules = [r for r in pack().rules if r.id.startswith("contradictions.")]
    assert len(rules) >= 15
    words = findings = 0
    slowest = 0.0
    for doc in contracts:
        start = time.perf_counter()
        found = [f for r in rules for f in KINDS[r.kind].check(r, Context(doc))]
        slowest = max(slowest, (time.perf_counter() - start) / max(len(doc.text.split()), 1))
        words += len(doc.text.split())
        findings += len(found)
        assert all(f.category == "contradiction" for f in found)
    assert findings * 1000 / words <= 15
    # per word; 20,000 words must take well under a second even on a slow CI machine
    assert slowest * 20_000 < 1.0
