"""Sentence and clause spans around a value, and the party that acts in a clause.

Contradiction rules decide a value's subject from the words around it; these helpers fix what
"around" means: the sentence (never crossing a section start or a blank line) and, inside it,
the local clause between the nearest boundaries (";", another value, "(b)", ", or", ", and").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from bpo_lint.kinds.base import Context

_END = re.compile(r"[.!?][\"”’)]?(?=\s+[\"“(\[A-Z0-9])|\n[ \t]*\n")
# Words a sentence never ends after, though a period follows them.
_ABBREV = frozenset(
    {"inc", "co", "corp", "ltd", "llc", "lp", "no", "nos", "sec", "secs", "art", "para"}
    | {"e.g", "i.e", "etc", "st", "mr", "ms", "dr", "vs", "v", "u.s", "n.a", "s.a", "cf"}
    | {"b.v", "n.v", "s.p.a", "l.p", "l.l.c", "a.g", "approx"}
)
_NUMBERING = re.compile(
    r"(?:^|\n)[ \t#]*$|\b(?:sections?|articles?|clauses?|paragraphs?|schedules?|exhibits?)\s*$",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r";|:\s|\(\s*(?:[a-h]|[ivx]{1,4}|\d{1,2})\s*\)\s|,\s+(?:or|and|but|provided)\b|\bprovided\s+that\b"
)
_ACTOR = re.compile(
    r"(?P<a>(?i:either|each|any|the\s+other|neither)\s+part(?:y|ies)|(?i:the)\s+parties"
    r"|(?:the\s+)?[A-Z][A-Za-z&'’.-]*(?:\s+[A-Z][A-Za-z&'’.-]*){0,3})"
    r"(?:\s*\([^)]{0,40}\))?\s*,?\s+(?:may|shall|will|can|must|is\s+entitled|gives?|provides?"
    r"|delivers?|notif(?:y|ies)|serves?|sends?|"
    r"(?:shall\s+)?(?:have|has)\s+the\s+right|reserves\s+the\s+right)\b"
)
_PASSIVE = re.compile(
    r"\bterminated\s+(?:[\w\s,]{0,30}?\s)?by\s+(?P<a>(?i:either|each|any)\s+party"
    r"|(?:the\s+)?[A-Z][A-Za-z&'’.-]*(?:\s+[A-Z][A-Za-z&'’.-]*){0,3})"
)
_NOT_ACTOR = re.compile(
    r"^(?:this|such|it|that|these|any|each|all|no|if|in|upon|the)$|agreement|order|statement"
    r"|term\b|notice|schedule|exhibit|section|article|sow\b|services?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentences:
    """Sentence spans of a text, with a bisect index for finding the one holding an offset."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]

    def at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding `offset`."""
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.spans[i] if self.spans else (0, 0)


def split_sentences(text: str, breaks: tuple[int, ...] = ()) -> Sentences:
    """Split text into sentences; `breaks` are extra offsets (section starts) that end one."""
    cuts = {0, len(text), *(b for b in breaks if 0 < b < len(text))}
    for m in _END.finditer(text):
        if m.group().startswith(("\n", "\r")):
            cuts.add(m.end())
            continue
        before = text[max(0, m.start() - 30) : m.start() + 1]
        word = re.search(r"([\w.]+)\.$", before)
        token = word.group(1).lower() if word else ""
        if token in _ABBREV or (len(token) == 1 and token.isalpha()):
            continue
        if token.replace(".", "").isdigit() and _NUMBERING.search(before[: word.start()]):
            continue  # "Section 3." or a "3.2." heading number, not a full stop
        cuts.add(m.end())
    ordered = sorted(cuts)
    spans = tuple((a, b) for a, b in itertools.pairwise(ordered) if b > a)
    return Sentences(spans, tuple(s for s, _ in spans))


def document_sentences(ctx: Context) -> Sentences:
    """The sentences of ctx.doc, split once per document (sections and headings end them)."""

    def compute() -> Sentences:
        breaks = tuple(b for s in ctx.doc.sections for b in (s.start, s.body_start))
        return split_sentences(ctx.doc.text, breaks)

    return ctx.memo("sentences", compute)


def clause_bounds(text: str, sent: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The local clause around text[start:end] inside the sentence `sent`."""
    left = sent[0]
    for m in _BOUNDARY.finditer(text, sent[0], start):
        left = m.end()
    m = _BOUNDARY.search(text, end, sent[1])
    return left, (m.start() if m else sent[1])


def actor(text: str) -> str | None:
    """The party acting in `text` (the last one named before a modal verb), normalised."""
    found = None
    for m in _PASSIVE.finditer(text):
        found = m["a"]
    if found is None:
        for m in _ACTOR.finditer(text):
            name = m["a"].strip()
            if not _NOT_ACTOR.search(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)):
                found = name
    if found is None:
        return None
    key = re.sub(r"^the\s+", "", " ".join(found.lower().split()))
    if re.match(r"(?:either|each|any)\s+part", key):
        return "either party"
    return key


_ATTACHMENT = re.compile(
    r"^(?:schedule|exhibit|attachment|annex|appendix|addendum|rider|statement\s+of\s+work|sow)\b",
    re.IGNORECASE,
)


def document_part(ctx: Context, offset: int) -> str:
    """The id of the schedule, exhibit or annex holding `offset`, or "" for the main body."""
    sections = ctx.doc.sections
    sec = ctx.doc.section_at(offset)
    i = sections.index(sec) if sec is not None else None
    while i is not None:
        s = sections[i]
        if _ATTACHMENT.match(s.id) or _ATTACHMENT.match(s.title.strip()):
            return s.id
        i = s.parent
    return ""


def find_near(
    pattern: re.Pattern[str],
    text: str,
    words: tuple[str, ...],
    back: int,
    ahead: int,
    possible: Callable[[int, int], bool] | None = None,
    first_only: bool = False,
) -> list[re.Match[str]]:
    """Matches of `pattern` that start within `back` characters before, or `ahead` after, one of
    `words` (lowercase substrings): a cheap pre-filter for slow patterns over long documents.

    `possible(lo, hi)`, when given, is a test every match inside text[lo:hi] passes (e.g. "holds
    a year"): a window that fails it cannot hold a match and is not searched. With `first_only`
    the list stops at the first match.
    """
    lower = text.lower()
    hits = sorted(m.start() for w in words for m in re.finditer(re.escape(w), lower))
    out: list[re.Match[str]] = []
    pos = 0
    for h in hits:
        lo = max(pos, h - back)
        if lo > h + ahead:
            continue
        hi = min(len(text), h + ahead + 400)
        if possible is not None and not possible(lo, hi):
            continue
        m = pattern.search(text, lo, hi)
        if m and m.start() <= h + ahead:
            out.append(m)
            if first_only:
                break  # the caller asks only whether there is one
            pos = m.end()
    return out
