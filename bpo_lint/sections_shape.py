"""The shape of a heading: Title Case phrases, short all-caps lines, where a title stops."""

from __future__ import annotations

import re

MARKUP = " \t*#_>|\u00a0"
_SMALL = frozenset(
    {
        *("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"),
        *("the", "to", "with", "under", "upon", "between", "its", "their", "our", "your"),
        *("this", "that", "these", "non", "vs", "etc"),
    }
)
_COMPANY = re.compile(r"\b(INC|LLC|L\.L\.C|CORP|CORPORATION|LTD|LIMITED|L\.P|PLC|N\.A)\b\.?")
# A table row as a PDF lays it out: three or more cells parted by wide runs of spaces or tabs.
# One gap is not enough: "ITEM 100:     CHARGES" is a label and its heading.
_THREE_CELLS = re.compile(r"\S(?: {3,}|\t)\s*\S.*?\S(?: {3,}|\t)\s*\S")
TITLE_STOP = re.compile(
    r"\.(?=\s|$)|:(?=\s|$)|[ \t]{2,}|\s[-–—]\s|\n"
    r"|[ \t]+(?=(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\([a-zA-Z0-9]{1,4}\))[ \t]+[A-Z(])"
)


def is_title_text(s: str, max_words: int = 12) -> bool:
    """Whether a phrase reads like a heading: short, every significant word capitalised."""
    words = re.findall(r"[^\s/]+", s.replace("*", " "))
    if not words or len(words) > max_words or len(s) > 100:
        return False
    letters = sum(ch.isalpha() for ch in s)
    if letters < 3:
        return False
    for k, w in enumerate(words):
        core = w.strip("\"“”'‘’()[],;&-–—")
        if not core or not core[0].isalpha():
            continue
        if core[0].islower() and (k == 0 or core.lower() not in _SMALL):
            return False
    return True


def is_caps_heading(s: str) -> bool:
    """A short stand-alone all-caps line ("TERMINATION"), not a company name or page mark."""
    if len(s) > 80:
        return False
    s = s.strip(MARKUP + ".:")
    if len(s) > 60 or s.upper() != s or len(s.split()) > 8:
        return False
    if sum(ch.isalpha() for ch in s) < 4 or _THREE_CELLS.search(s):
        return False
    return not (s.endswith(",") or _COMPANY.search(s) or s[0].isdigit())


def is_caps_table_row(s: str) -> bool:
    """A caps line of three or more table cells ("LEVEL    RESPONSE    FIX"): a header row."""
    s = s.strip(MARKUP)
    return s.upper() == s and any(ch.isalpha() for ch in s) and bool(_THREE_CELLS.search(s))


def title_part(text: str, pos: int) -> str:
    """The words after a label up to the first stop (". ", ": ", a gap, a dash or line end)."""
    rest = text[pos : pos + 120].lstrip(" \t*_")
    m = TITLE_STOP.search(rest)
    return rest[: m.start()] if m else rest
