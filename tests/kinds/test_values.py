"""Value extraction: durations, money and percentages, their normalisation and comparison."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpo_lint.kinds.clauses import actor, split_sentences
from bpo_lint.kinds.numwords import parse_number_words
from bpo_lint.kinds.values import (
    VALUE_RE,
    Value,
    extract_values,
    same_quantity,
    value_from_match,
)


@pytest.mark.parametrize(
    ("text", "kind", "amount", "unit"),
    [
        ("thirty (30) days", "duration", 30, "day"),
        ("30 days", "duration", 30, "day"),
        ("30 calendar days", "duration", 30, "day"),
        ("five (5) Business Days", "duration", 5, "business_day"),
        ("ten working days", "duration", 10, "business_day"),
        ("one month", "duration", 1, "month"),
        ("ninety days", "duration", 90, "day"),
        ("12 months", "duration", 12, "month"),
        ("one (1) year", "duration", 1, "year"),
        ("a 30-day period", "duration", 30, "day"),
        ("twenty-four (24) hours", "duration", 24, "hour"),
        ("$1,000,000", "money", 1_000_000, "USD"),
        ("USD 2 million", "money", 2_000_000, "USD"),
        ("EUR 500,000", "money", 500_000, "EUR"),
        ("£10,000", "money", 10_000, "GBP"),
        ("one million dollars", "money", 1_000_000, "USD"),
        ("One Million Dollars ($1,000,000)", "money", 1_000_000, "USD"),
        ("1.5% per month", "percent", 1.5, "month"),
        ("ten percent (10%)", "percent", 10, ""),
        ("eighteen percent (18%) per annum", "percent", 18, "year"),
    ],
)
def test_extracts_one_value(text, kind, amount, unit):
    values = extract_values(f"The party shall act within {text} of the request.")
    assert len(values) == 1
    v = values[0]
    assert (v.kind, v.amount, v.unit) == (kind, amount, unit)


def test_value_span_covers_words_and_numerals():
    text = "upon thirty (30) days' notice"
    (v,) = extract_values(text)
    assert text[v.start : v.end] == "thirty (30) days"


def test_no_values_in_plain_prose():
    assert extract_values("Section 3 of Schedule 2 applies to the 2nd Party.") == ()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("one month", "30 days", True),  # months compare with days only approximately
        ("one month", "90 days", False),
        ("one (1) year", "12 months", True),
        ("48 hours", "two days", True),
        ("two weeks", "14 days", True),
        ("5 business days", "7 days", None),  # business days are never calendar days
        ("5 business days", "5 business days", True),
        ("1.5% per month", "18% per annum", True),
        ("1.5% per month", "2% per month", False),
        ("1.5% per month", "10%", None),  # a rate without a period cannot be compared
        ("$100", "EUR 100", None),
        ("$100", "USD 100", True),
        ("30 days", "$30", None),
    ],
)
def test_same_quantity(a, b, expected):
    (va,) = extract_values(a)
    (vb,) = extract_values(b)
    assert same_quantity(va, vb) is expected


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Value("duration", 30, "day", 0, 1), "30 days"),
        (Value("duration", 1, "year", 0, 1), "1 year"),
        (Value("duration", 5, "business_day", 0, 1), "5 business days"),
        (Value("money", 1_000_000, "USD", 0, 1), "USD 1,000,000"),
        (Value("percent", 1.5, "month", 0, 1), "1.5% per month"),
    ],
)
def test_display(value, shown):
    assert value.display() == shown


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("thirty-six", 36),
        ("one hundred and twenty", 120),
        ("One Hundred Twenty-Five Thousand", 125_000),
        ("fourteen million, eight hundred sixty two thousand", 14_862_000),
        ("one and one-half", 1.5),
        ("eleven hundred", 1100),
        ("one two", None),  # a list, not a number
        ("twenty thirty", None),
        ("thirty, forty", None),
    ],
)
def test_parse_number_words(words, number):
    assert parse_number_words(words) == number


_PIECES = st.sampled_from(
    [
        "thirty (30) days",
        "5 Business Days",
        "$1,000",
        "ten percent (10%)",
        "one month",
        "the Supplier",
        "Section 3.2",
        "24 hours",
        "EUR 5 million",
        "within",
        "1.5% per month",
        "day",
        "year",
        "(2)",
        "twelve",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12), st.sampled_from([" ", ", ", "; ", "\n"]))
def test_windowed_scan_equals_full_scan(pieces, sep):
    """The anchored fast path finds exactly what the full pattern finds over the whole text."""
    text = sep.join(pieces)
    full = [value_from_match(m) for m in VALUE_RE.finditer(text)]
    assert extract_values(text) == tuple(v for v in full if v is not None)


def test_sentences_do_not_end_after_abbreviations_or_section_numbers():
    text = (
        "Acme Inc. shall pay the fees. The cap is $1,000,000. See Section 3. The term is one year."
    )
    spans = split_sentences(text).spans
    assert [text[a:b].strip() for a, b in spans] == [
        "Acme Inc. shall pay the fees.",
        "The cap is $1,000,000.",
        "See Section 3. The term is one year.",  # a heading number is not a full stop
    ]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Either party may terminate this Agreement upon", "either party"),
        ("The Client may, at any time, terminate upon", "client"),
        ("This Agreement may be terminated by the Supplier upon", "supplier"),
        ("This Agreement may be terminated upon", None),
    ],
)
def test_actor(text, party):
    assert actor(text) == party


def test_extraction_is_fast_on_a_long_text():
    import time

    text = " ".join(["The Supplier shall respond within thirty (30) days of a request."] * 2000)
    start = time.perf_counter()
    values = extract_values(text)
    assert len(values) == 2000
    assert time.perf_counter() - start < 1.0
    assert re.search("thirty", text)
