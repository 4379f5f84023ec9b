"""Words that disagree with the numerals after them."""

from __future__ import annotations

import pytest

from bpo_lint.kinds.numerals import mismatches
from tests.kinds.contradiction_helpers import run


@pytest.mark.parametrize(
    ("text", "words", "digits"),
    [
        ("within thirty (60) days", 30, 60),
        ("three (2) Business Days", 3, 2),
        ("ten percent (15%) of the Charges", 10, 15),
        ("one million dollars ($100,000)", 1_000_000, 100_000),
        ("Five Million Dollars ($5.5 million)", 5_000_000, 5_500_000),
        ("fifty-five (45) days", 55, 45),
    ],
)
def test_reports_a_mismatch(text, words, digits):
    assert [(w, d) for _, _, w, d in mismatches(text)] == [(words, digits)]


@pytest.mark.parametrize(
    "text",
    [
        "within thirty (30) days",
        "One Hundred Twenty-Five Thousand Dollars ($125,000)",
        "Two Hundred Fifty Thousand and 00/100 Dollars ($250,000.00)",
        "one and one-half percent (1.5%) per month",
        "Fourteen Million, Eight Hundred Sixty Two Thousand Dollars ($14,862,000)",
        "one-half of one percent (0.5%)",  # the words are only part of the number
        "three (3) million dollars ($3,000,000)",
        "Year One (2024)",  # a year, not a count
        "one of the five (5) members",
    ],
)
def test_agreeing_or_partial_numbers_are_not_reported(text):
    assert list(mismatches(text)) == []


def test_rule_message_names_both_numbers():
    (f,) = run(
        "contradictions.words-numerals", "Notice takes effect thirty (60) days after posting."
    )
    assert f.message == "The words say 30 but the numerals say 60."
    assert f.excerpt == "thirty (60)"
