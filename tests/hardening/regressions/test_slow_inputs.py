"""Inputs that once made a rule take time quadratic in the text, found by timing every rule."""

from __future__ import annotations

import time

from bpo_lint.kinds.textutil import sentence_bounds


def test_sentence_bounds_stop_600_characters_back_without_punctuation():
    # Before the fix the left bound fell back to 0, so a rule with `unless_before` searched the
    # whole text so far at every match: "[TBD] " x 8,000 took 14 s in placeholder.brackets.
    text = "[TBD] " * 2000
    start = len(text) - 6
    left, right = sentence_bounds(text, start, start + 5)
    assert left == start - 600
    assert right == len(text)


def test_sentence_bounds_still_stop_at_a_sentence_end():
    text = "The fee is due. The Supplier shall pay [AMOUNT] now. Then more."
    start = text.index("[AMOUNT]")
    left, right = sentence_bounds(text, start, start + 8)
    assert text[left:right].strip() == "The Supplier shall pay [AMOUNT] now"


def test_unpunctuated_placeholders_take_linear_time():
    from bpo_lint.engine import run_rules_checked
    from bpo_lint.kinds.base import Context
    from bpo_lint.pack import load_pack, select_rules
    from bpo_lint.readers.text import document_from_string
    from bpo_lint.sections import split_sections

    rules = select_rules(load_pack().rules, select=("placeholder.brackets",))
    seconds = []
    for n in (1000, 8000):
        doc = split_sections(document_from_string("[TBD] " * n))
        started = time.perf_counter()
        findings, _ = run_rules_checked(rules, Context(doc=doc), strict=True)
        seconds.append(time.perf_counter() - started)
        assert len(findings) == n
    # 8x the text: linear is ~8x the time; the quadratic version was ~64x.
    assert seconds[1] < 30 * max(seconds[0], 0.01)
