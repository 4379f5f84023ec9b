"""The `numerals` kind: a number in words that disagrees with the numerals after it.

"thirty (60) days", "ten percent (15%)", "One Million Dollars ($100,000)": one of the two is a
drafting error, and which one the parties meant is exactly what they will argue about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.numwords import NUMBER_WORDS, parse_digits, parse_number_words

_CENTS = r"(?:\s+and\s+(?:no|\d{1,2})/100(?:ths)?)?"
_PAIR = re.compile(
    rf"(?P<w>{NUMBER_WORDS}){_CENTS}"
    r"(?:\s+(?:percent|per\s+cent))?"
    rf"(?:\s+(?:U\.?S\.?\s+)?(?:dollars|euros?|pounds(?:\s+sterling)?){_CENTS})?"
    r"\s*\(\s*(?:US\s?\$|U\.S\.\s?\$|C\$|A\$|\$|€|£|USD|EUR|GBP)?\s*"
    r"(?P<d>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(?P<m>million|billion|thousand)?\s*%?\s*\)",
    re.IGNORECASE,
)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# The pair pattern is slow to try at every position; numerals in brackets are rare and cheap to
# find, so it runs only from the number words shortly before each of them.
_PAREN = re.compile(r"\(\s*(?:US\s?\$|U\.S\.\s?\$|C\$|A\$|\$|€|£|USD|EUR|GBP)?\s*\d")
# The lookahead holds the words' initials: the engine skips most positions with one set test.
_WORD_START = re.compile(
    r"(?=[ZOTFSENHMB])\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|fou?rty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumeralsOptions:
    """No settings: the check is the same for every contract."""


def mismatches(text: str) -> Iterator[tuple[int, int, float, float]]:
    """(start, end, words value, numeral value) for each words-and-numerals pair that disagree."""
    last = 0
    for p in _PAREN.finditer(text):
        m = None
        for h in _WORD_START.finditer(text, max(last, p.start() - 150), p.start()):
            m = _PAIR.match(text, h.start())
            if m and m.end() > p.start():
                break
            m = None
        if m is None:
            continue
        last = m.end()
        words = parse_number_words(m["w"])
        digits = parse_digits(m["d"])
        if words is None or digits is None or _partial(text, m):
            continue
        if m["m"]:
            digits *= _SCALE[m["m"].lower()]
        if words < 1000 <= digits and "," not in m["d"]:
            continue  # "Year One (1998)", or a page number run into the text
        if abs(words - digits) > 1e-9:
            yield m.start(), m.end(), words, digits


_SCALE_WORD = re.compile(r"(?:hundred|thousand|million|billion)\b", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"\s*(?:hundred|thousand|million|billion)\b", re.IGNORECASE)
_PART_BEFORE = re.compile(r"(?:\bpoint|\bof|\)|\d|\bminus|\bpoint\s+zero)\s*$")


def _partial(text: str, m: re.Match[str]) -> bool:
    """True when the words are only part of the number: "(3) million dollars", "point five"."""
    if _SCALE_WORD.match(m["w"]):
        return True
    before = text[max(0, m.start() - 20) : m.start()].lower()
    if _PART_BEFORE.search(before):
        return True
    # Matching at m.end() in place sees what slicing the rest of the text off would see (the
    # pattern looks at nothing before it), without copying the rest of a long document.
    return _SCALE_AFTER.match(text, m.end()) is not None


def _show(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def check(rule: Rule, ctx: Context) -> Iterator:
    """Report each place where the words and the numerals give different numbers."""
    for start, end, words, digits in mismatches(ctx.doc.text):
        yield make_finding(rule, ctx, start, end, words=_show(words), numerals=_show(digits))


KIND = Kind(
    "numerals",
    options=NumeralsOptions,
    check=check,
    summary="a number in words that disagrees with its numerals, as in thirty (60) days",
)
