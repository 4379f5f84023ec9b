"""Numbers written in words ("thirty-six", "one hundred and twenty", "one and a half")."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTIONS = {"half": 0.5, "one-half": 0.5, "quarter": 0.25, "one-quarter": 0.25}

_FIRST = "|".join(sorted(_UNITS, key=len, reverse=True))
_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
# A run of number words, starting with a unit or tens word ("million thirty" is no number);
# "and" may join them ("one hundred and twenty"), and a trailing
# fraction is allowed ("one and one-half"). Case-insensitive callers compile it with re.I.
NUMBER_WORDS = (
    rf"(?:\b(?:{_FIRST})\b(?:,?[\s-]+(?:and[\s-]+)?\b(?:{_WORD})\b)*"
    rf"(?:[\s-]+and[\s-]+(?:a|one)[\s-]+(?:half|quarter)\b)?)"
)
_SPLIT = re.compile(r"[\s-]+")
_BAD_COMMA = re.compile(r"\b(?!million|thousand|billion)[a-z]+,")


def parse_number_words(words: str) -> float | None:
    """The value of a phrase of number words, or None when it is not a well-formed number."""
    low = words.lower().strip()
    if _BAD_COMMA.search(low):
        return None  # a comma only follows a scale word ("one million, two hundred")
    tokens = [t for t in _SPLIT.split(low.replace(",", " ")) if t]
    total, current, fraction, seen = 0.0, 0.0, 0.0, False
    prev = ""  # kind of the previous word: "unit", "teen", "tens", "hundred", "scale"
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t == "and":
            # "and a half" / "and one-half" ends the number with a fraction.
            rest = tokens[i + 1 : i + 3]
            if len(rest) == 2 and rest[0] in ("a", "one") and rest[1] in _FRACTIONS:
                fraction = _FRACTIONS[rest[1]]
                i += 3
                continue
            i += 1
            continue
        if t in _UNITS:
            n = _UNITS[t]
            kind = "unit" if n < 10 else "teen" if n < 20 else "tens"
            # "one two" or "twenty thirty" is a list, not a number
            if prev in ("unit", "teen") or (prev == "tens" and kind != "unit"):
                return None
            current += n
        elif t == "hundred":
            if prev in ("hundred", "tens"):
                return None
            kind, current = "hundred", (current or 1) * 100
        elif t in _SCALES:
            if prev == "scale":
                return None
            kind = "scale"
            total += (current or 1) * _SCALES[t]
            current = 0
        else:
            return None
        prev, seen = kind, True
        i += 1
    if not seen:
        return None
    return total + current + fraction


def parse_digits(digits: str) -> float | None:
    """The value of "1,000,000" or "1.5" (thousands commas allowed), or None."""
    s = digits.replace(",", "").strip()
    try:
        return float(s)
    except ValueError:
        return None
