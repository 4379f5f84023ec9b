"""Governing law and forum: where a contract says its law is, and which courts or tribunal decide.

Shared by three kinds (kinds/forum.py): two governing laws, two exclusive venues, and exclusive
courts alongside binding arbitration. Places are compared as sets of words, so "the State of New
York" and "New York County, New York" agree; only places with no word in common conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bpo_lint.kinds.base import Context
from bpo_lint.kinds.clauses import document_part, document_sentences, find_near

_PLACE = r"(?:the\s+)?(?:[A-Z][\w'’-]*)(?:(?:\s+|,\s*)(?:of\s+|and\s+|de\s+)?(?:[A-Z][\w'’-]*))*"
_LAW = re.compile(
    r"\b(?:governed|construed|interpreted|enforced)\b[^.;]{0,100}?\blaws?\s+(?:in\s+force\s+in\s+)?of\s+"
    rf"(?P<p>{_PLACE})"
    r"|\b(?:governed|construed|interpreted)\s+(?:by|under|in\s+accordance\s+with)\s+(?:the\s+)?"
    r"(?P<q>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+law\b"
    rf"|\blaws?\s+of\s+(?P<r>{_PLACE})\s+(?:shall|will)\s+govern\b"
)
_VENUE = re.compile(
    r"(?<!non-)(?<!non)\bexclusive(?:ly)?\s+(?:personal\s+)?(?:jurisdiction|venue|forum)\b"
    r"[^.;]{0,160}?\bcourts?\b[^.;]{0,60}?\b(?:in|of|for|at)\s+"
    rf"(?P<p>{_PLACE})"
    r"|\bcourts?\s+(?:located\s+|sitting\s+|situated\s+)?(?:in|of)\s+"
    rf"(?P<q>{_PLACE})[^.;]{{0,80}}?(?<!non-)(?<!non)\bexclusive\s+(?:jurisdiction|venue)"
    r"|\bvenue\b[^.;]{0,60}?\b(?:shall|will)\s+(?:lie|be)\s+exclusively\s+in\s+"
    rf"(?:the\s+courts?\s+(?:of|in)\s+)?(?P<r>{_PLACE})",
)
_ARBITRATION = re.compile(
    r"\bbinding\s+arbitration|\b(?:settled|resolved|determined|decided|submitted|referred)\s+"
    r"(?:exclusively\s+|finally\s+)?(?:to|by|through)\s+(?:binding\s+|final\s+)?arbitration"
    r"|\bshall\s+be\s+arbitrated\b|\bfinally\s+(?:settled|resolved)\s+(?:under|by|in\s+accordance)",
    re.IGNORECASE,
)
# What the law or forum applies to: the agreement itself, or disputes under it.
_WHOLE = re.compile(
    r"\b(?:this|the)\s+(?:agreement|contract|addendum|dpa|terms|msa)\b|\bdisputes?\b|\bclaims?\b"
    r"|\bcontrovers|\ball\s+matters\b|\bany\s+(?:action|suit|proceeding)",
    re.IGNORECASE,
)
# A law or forum chosen for a part only (model clauses, an order, one kind of claim).
_PART = re.compile(
    r"\bclauses\b|\bSCCs?\b|standard\s+contractual|\border\s+form|statement\s+of\s+work|\bSOW\b"
    r"|\bregarding\b|\bwith\s+respect\s+to\s+(?!this)|\bin\s+respect\s+of\s+(?!this)|\bdata\b"
    r"|\binjunct|\benforce?ment\s+of|\bpatent|\btrademark|\bcopyright|\bpersonal\s+data\b"
    r"|\bexcept\b|\bother\s+than\b|\bnotwithstanding\b|\bprivacy\b|\bguarant",
    re.IGNORECASE,
)
# Words that do not tell one place from another ("the State of", "federal courts located in").
_NOISE = frozenset(
    {"the", "of", "and", "state", "states", "commonwealth", "province", "county", "city"}
    | {"borough", "courts", "court", "federal", "district", "southern", "northern", "eastern"}
    | {"western", "central", "located", "sitting", "situated", "laws", "law", "republic"}
    | {"kingdom", "applicable", "therein", "thereof", "its", "any", "in", "for", "at", "to", "de"}
)
_FEDERAL = re.compile(r"united\s+states|\bu\.?s\.?a?\b|\bamerica\b|federal", re.IGNORECASE)


@dataclass(frozen=True)
class Choice:
    """A chosen law or forum: the place named, its words, where it is, and its sentence start."""

    place: str
    words: frozenset[str]
    start: int
    end: int
    sentence: int
    part: str  # the schedule or exhibit holding it ("" for the main body)


def place_words(place: str) -> frozenset[str]:
    """The words that identify a place ("State of New York" -> {"new", "york"})."""
    words = re.findall(r"[a-z]+", place.lower())
    return frozenset(w for w in words if w not in _NOISE and len(w) > 1)


def differ(a: Choice, b: Choice) -> bool:
    """True when two places have no identifying word in common (and neither is federal law)."""
    if not a.words or not b.words or _FEDERAL.search(a.place) or _FEDERAL.search(b.place):
        return False
    return not (a.words & b.words)


def _choices(
    ctx: Context, pattern: re.Pattern[str], words: tuple[str, ...], needed: str = ""
) -> list[Choice]:
    text, sents = ctx.doc.text, document_sentences(ctx)
    out = []
    # `needed` is a word every match of the (case-sensitive) pattern holds.
    for m in find_near(pattern, text, words, 200, 0, lambda lo, hi: text.find(needed, lo, hi) >= 0):
        name = next(g for g in ("p", "q", "r") if m.group(g))
        s0, s1 = sents.at(m.start())
        s0 = max(s0, m.start() - 300)
        sentence = text[s0 : min(s1, m.end() + 200)]
        if _PART.search(sentence) or not _WHOLE.search(sentence):
            continue
        place = re.split(r",?\s+(?:without|excluding|and\s+the\s+federal|applicable)\b", m[name])[0]
        start, end = m.start(name), m.end(name)
        part = document_part(ctx, start)
        out.append(Choice(place.strip(), place_words(place), start, end, s0, part))
    return out


def governing_laws(ctx: Context) -> list[Choice]:
    """Every choice of governing law for the whole agreement, in document order."""
    return ctx.memo("governing_laws", lambda: _choices(ctx, _LAW, ("law",)))


def exclusive_venues(ctx: Context) -> list[Choice]:
    """Every choice of exclusive courts for disputes under the agreement, in document order."""
    return ctx.memo(
        "exclusive_venues",
        lambda: _choices(ctx, _VENUE, ("exclusive", "venue", "court"), "exclusive"),
    )


def arbitration_spans(ctx: Context) -> list[tuple[int, int]]:
    """Where the document sends disputes to binding arbitration."""

    def compute() -> list[tuple[int, int]]:
        return [
            m.span() for m in find_near(_ARBITRATION, ctx.doc.text, ("arbitra", "finally"), 80, 0)
        ]

    return ctx.memo("arbitration", compute)
