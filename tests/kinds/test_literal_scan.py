"""The literal-prefix scan gives exactly what finditer gives, and the window shortcuts agree."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bpo_lint.kinds.base import Context
from bpo_lint.kinds.clauses import find_near
from bpo_lint.kinds.dates import _EFFECTIVE, _EXPIRY, find_dated
from bpo_lint.kinds.literal_scan import compile_scan, scan, scan_text, search
from bpo_lint.kinds.precedence import _PRECEDENCE, has_precedence_clause
from bpo_lint.model import Block, Document

PATTERNS = [
    (r"\bbest\s+efforts\b", re.I),
    (r"\b(?:to\s+the\s+satisfaction|in\s+due\s+course|promptly)\b", re.I),
    (r"(?=[ai])(?:\bincluding\b(?!\s+without)|\babsolute\s+discretion)", re.I),
    (r"[\"“']includ(?:e|es|ing)[\"”']|\b(?:words|term)s?\s+[\"“']includ", re.I),
    (r"\b(?:Schedule|Exhibit)\s+(?P<n>\d{1,2})\b", 0),
    (r"(aaa)+b", re.I),
]


def _ctx(text: str) -> Context:
    return Context(Document.from_blocks("<t>", "text", [Block(t) for t in text.split("\n")]))


def _same(pattern: str, flags: int, text: str) -> None:
    regex = re.compile(pattern, flags)
    want = [m.span() for m in regex.finditer(text)]
    s = compile_scan(regex)
    assert [m.span() for m in scan(s, _ctx(text))] == want
    assert [m.span() for m in scan_text(s, text)] == want
    first = search(s, _ctx(text))
    assert (first.span() if first else None) == (want[0] if want else None)


def test_prefixes_are_found_for_literal_starts_and_not_otherwise():
    assert compile_scan(re.compile(r"\bbest\s+efforts", re.I)).prefixes == ("best",)
    assert compile_scan(re.compile(r"[\"“]includ", re.I)).prefixes == ('"includ', "“includ")
    # a short first word is found only together with the words after it
    to_the = compile_scan(re.compile(r"\bto\s+the\b", re.I))
    assert to_the.prefixes == () and to_the.finder.pattern == r"to\s+the"
    plain = compile_scan(re.compile(r"\bto\b", re.I))
    assert plain.prefixes == () and plain.finder is None
    assert compile_scan(re.compile(r"\w+ing", re.I)).prefixes == ()
    assert compile_scan(re.compile(r"(?i:best) efforts")).prefixes == ()


def test_same_matches_as_finditer_on_contract_wording():
    text = (
        "The Supplier shall use Best Efforts, including without limitation X. "
        "The word “including” is not limiting; see Schedule 2 and Exhibit 14. "
        "INCLUDING this; aaaaaab and AAAb. The terms 'include' mean it. To\nthe satisfaction "
        "of the Client, in  Due course; to to the satisfaction; PROMPTLY."
    )
    for pattern, flags in PATTERNS:
        _same(pattern, flags, text)


def test_case_folding_letters_outside_ascii_fall_back_to_the_plain_scan():
    # The long s and the Kelvin sign match "s" and "k" when case is ignored; the dotted
    # capital I lowers to two characters. Each must still be found.
    for text in ("be\u017ft efforts", "Best Efforts \u212a", "\u0130NCLUDING and including"):
        for pattern, flags in [*PATTERNS, (r"\bbest\s+effort", re.I)]:
            _same(pattern, flags, text)
    assert [m.span() for m in scan(compile_scan(re.compile("best", re.I)), _ctx("be\u017ft"))]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="aAbBinclud gst'\"“”Efor\u017f\u212a\nTohe", max_size=60))
def test_same_matches_as_finditer_on_any_text(text):
    for pattern, flags in PATTERNS:
        _same(pattern, flags, text)


EXPIRY_TEXT = (
    "This Agreement is effective as of March 1, 2025 (the Effective Date). The end of the "
    "matter is near and it continues. The Term ends on 28 February 2024. It will end on "
    "2023-01-05 and remains in force until June 3, 2030. " * 3
)


def test_dated_search_agrees_with_find_near():
    words = ("expir", "terminat", "until", "through", "end", "continu", "remain")
    for text in (EXPIRY_TEXT, EXPIRY_TEXT.replace("20", "x"), "end " * 50):
        got = [m.span() for m in find_dated(_EXPIRY, text, words, 0, 40)]
        assert got == [m.span() for m in find_near(_EXPIRY, text, words, 0, 40)]
        got = [m.span() for m in find_dated(_EFFECTIVE, text, ("effective",), 40, 200)]
        assert got == [m.span() for m in find_near(_EFFECTIVE, text, ("effective",), 40, 200)]
    assert find_dated(_EXPIRY, EXPIRY_TEXT, words, 0, 40)


def test_precedence_shortcut_agrees_with_find_near():
    words = ("precedence", "prevail", "control", "priority", "conflict", "inconsisten")
    texts = (
        "In case of conflict the Schedule applies. Control of the data stays with the Client.",
        "If there is a conflict between these terms and a Schedule, these terms prevail.",
        "Any inconsistency is resolved in favour of the order of PRIORITY set out below.",
        "In a conflict, the SOW \u017fupersedes.",  # the long s: no shortcut may hide it
    )
    for text in texts:
        want = bool(find_near(_PRECEDENCE, text, words, 300, 0))
        assert has_precedence_clause(_ctx(text)) is want
    assert [has_precedence_clause(_ctx(t)) for t in texts] == [False, True, True, True]


def test_venue_windows_without_the_needed_word_are_skipped_safely():
    from bpo_lint.kinds.law_venue import _VENUE, _choices

    text = (
        "## 1. Law\n\nThe courts of England decide nothing here. Any court may hear it.\n\n"
        "## 2. Venue\n\nEach party submits to the exclusive jurisdiction of the courts of "
        "England over any dispute under this Agreement.\n\n"
        "## 3. Other\n\nThe courts located in New York shall have exclusive jurisdiction over "
        "any claim under this Agreement."
    )
    words = ("exclusive", "venue", "court")
    ctx = _ctx(text)
    fast = _choices(ctx, _VENUE, words, "exclusive")
    assert [c.place for c in fast] == ["England", "New York"]
    assert fast == _choices(ctx, _VENUE, words)
