"""The `expiry_date` kind: an agreement stated to expire before the date it takes effect.

Only explicit calendar dates are compared ("January 1, 2025", "1 January 2025", "2025-01-01"),
never dates computed from periods; the effective date is the first one the contract gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.clauses import document_sentences, find_near
from bpo_lint.kinds.conflict import where

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
# The same date shape without group names, to embed several times in one pattern.
_D = re.sub(r"\(\?P<\w+>", "(?:", _DATE)
_EFFECTIVE = re.compile(
    rf"\beffective\s+(?:as\s+of\s+|on\s+|from\s+)(?:the\s+)?(?P<a>{_D})"
    rf"|(?P<b>{_D})\s*\(\s*(?:the\s+)?[\"“]Effective\s+Date[\"”]\s*\)"
    rf"|[\"“]?Effective\s+Date[\"”]?\s+(?:means|shall\s+mean|is|shall\s+be)\s+(?P<c>{_D})",
    re.IGNORECASE,
)
_EXPIRY = re.compile(
    r"\b(?:expire[sd]?|expiring|terminate[sd]?|end(?:s|ed)?|continu(?:e|es|ing)\s+in\s+effect"
    r"|remain(?:s)?\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?|continu(?:e|es))"
    rf"\s+(?:on|until|through|to)\s+(?:and\s+including\s+)?(?:the\s+)?(?P<a>{_D})",
    re.IGNORECASE,
)
# Whose expiry: the agreement or its term, not a licence, a lease, an order or an offer.
_SUBJECT = re.compile(r"\bthis\s+(?:agreement|contract)\b|\b(?:initial\s+)?term\b", re.I)
_OTHER = re.compile(
    r"\blicen[cs]e|\blease|\border|\bstatement\s+of\s+work|\bSOW\b|\boffer|\bwarrant|\boption"
    r"|\bunless\b|\bextend|\brenew|\bsurviv|\bpromotion|\bcampaign|\bpilot|\btrial|\bphase",
    re.I,
)

# Every date shape holds a year: a window without one cannot hold a match.
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class ExpiryOptions:
    """No settings: only explicit dates are compared."""


def parse_date(words: str) -> dt.date | None:
    """The date written as "March 1, 2025", "1st day of March, 2025" or "2025-03-01", or None."""
    m = _DATE_RE.fullmatch(words.strip())
    if m is None:
        return None
    try:
        if m["y3"]:
            return dt.date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        month, day, year = (m["m"], m["d"], m["y"]) if m["m"] else (m["m2"], m["d2"], m["y2"])
        key = month.lower().rstrip(".")[:3]
        index = next(i for i, name in enumerate(_MONTHS) if name.startswith(key))
        return dt.date(int(year), index + 1, int(day))
    except (ValueError, StopIteration):
        return None


def find_dated(
    pattern: re.Pattern[str], text: str, words: tuple[str, ...], back: int, ahead: int
) -> list[re.Match[str]]:
    """What clauses.find_near gives for a pattern that holds a date: windows with no year in
    them (most, in a long agreement) are not searched."""
    return find_near(
        pattern, text, words, back, ahead, lambda lo, hi: _YEAR.search(text, lo, hi) is not None
    )


def _date_of(m: re.Match[str]) -> dt.date | None:
    group = next((g for g in ("a", "b", "c") if m.groupdict().get(g)), None)
    return parse_date(m[group]) if group else None


def check(rule: Rule, ctx: Context) -> Iterator:
    """Report an expiry date of the agreement that falls before its effective date."""
    text = ctx.doc.text
    candidates = find_dated(_EFFECTIVE, text, ("effective",), 40, 200)
    effective = next(((m, d) for m in candidates if (d := _date_of(m))), None)
    if effective is None:
        return
    (em, edate), sents = effective, document_sentences(ctx)
    words = ("expir", "terminat", "until", "through", "end", "continu", "remain")
    for m in find_dated(_EXPIRY, text, words, 0, 40):
        date = _date_of(m)
        s0, _ = sents.at(m.start())
        before = text[max(s0, m.start() - 200) : m.start()]
        if date is None or date >= edate or not _SUBJECT.search(before) or _OTHER.search(before):
            continue
        yield make_finding(
            rule,
            ctx,
            m.start(),
            m.end(),
            related=[ctx.doc.locate(em.start(), em.end())],
            value=date.isoformat(),
            other=edate.isoformat(),
            where=where(ctx, em.start()),
        )


KIND = Kind(
    "expiry_date",
    options=ExpiryOptions,
    check=check,
    summary="an agreement that expires before its effective date (explicit dates only)",
)
