"""The matching logic of benchmarks/precision.py: findings paired with judgements."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "precision.py"
_SPEC = importlib.util.spec_from_file_location("precision_bench", _PATH)
precision = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = precision  # dataclasses look their module up there
_SPEC.loader.exec_module(precision)


def _finding(excerpt: str, rule: str = "references.missing-target", file: str = "a.txt"):
    return precision.Finding(file, rule, "references", excerpt)


def _judgement(excerpt: str, verdict: str = "correct", rule: str = "references.missing-target"):
    return precision.Judgement("a.txt", rule, excerpt, verdict)


def test_whitespace_does_not_matter_but_words_do():
    pairs, stale = precision.match(
        [_finding("Section  4.2\n(b)"), _finding("Section 4.3")], [_judgement("Section 4.2 (b)")]
    )
    assert [j is not None for _, j in pairs] == [True, False]
    assert stale == []


def test_identical_findings_need_one_judgement_each():
    findings = [_finding("Annex 1"), _finding("Annex 1"), _finding("Annex 1")]
    judgements = [_judgement("Annex 1", "correct"), _judgement("Annex 1", "wrong")]
    pairs, stale = precision.match(findings, judgements)
    assert [j.verdict if j else None for _, j in pairs] == ["correct", "wrong", None]
    assert stale == []
    t = precision.tally(pairs)
    assert (t.findings, t.judged, t.correct, t.wrong, t.share) == (3, 2, 1, 1, 0.5)


def test_rule_and_file_must_agree_and_leftovers_are_stale():
    other_rule = _judgement("Annex 1", rule="structure.numbering-gap")
    other_file = precision.Judgement("b.txt", "references.missing-target", "Annex 1", "wrong")
    pairs, stale = precision.match([_finding("Annex 1")], [other_rule, other_file])
    assert pairs[0][1] is None
    assert stale == [other_rule, other_file]
    assert precision.tally(pairs).share is None


def test_load_validates_entries(tmp_path):
    good = tmp_path / "references.toml"
    good.write_text('[[finding]]\nfile = "a.txt"\nrule = "r"\nexcerpt = "x \\"y\\""\n'
                    'verdict = "wrong"\nwhy = "because"\n')  # fmt: skip
    assert precision.load_judgements(good) == [precision.Judgement("a.txt", "r", 'x "y"', "wrong",
                                                                   "because")]  # fmt: skip
    bad = tmp_path / "bad.toml"
    bad.write_text('[[finding]]\nfile = "a.txt"\nrule = "r"\nexcerpt = "x"\nverdict = "maybe"\n')
    with pytest.raises(SystemExit, match="entry 1"):
        precision.load_judgements(bad)
    assert precision.load_judgements(tmp_path / "absent.toml") == []


def test_stub_round_trips_through_toml(tmp_path):
    finding = precision.Finding("zz.txt", "r", "references", 'odd "quote" \\ and\ttab', "m", 3, 1)
    path = tmp_path / "stub.toml"
    path.write_text(precision.stub(finding).replace('verdict = ""', 'verdict = "correct"'))
    (j,) = precision.load_judgements(path)
    assert precision.key(j) == precision.key(finding)
