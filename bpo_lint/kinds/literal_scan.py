"""Fast scans of a whole document for a regex whose every match starts with a known literal.

Python's engine tries a case-insensitive pattern at every position of the text; a plain
substring search for the words a match must start with is 20-30x faster. The full pattern then
runs only at those places, so the matches are exactly those of `regex.finditer`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context
from bpo_lint.kinds.textutil import finditer_at

try:  # the regex parser, to find the literal a pattern starts with (a speed-up only)
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - older or other Pythons: plain scans
    _sre = _sre_parse = None

_MIN_PREFIX = 3  # shorter prefixes are so common that the plain scan is faster
_MAX_PREFIXES = 32
_MAX_HIT_RATE = 200  # more than one candidate per this many characters: use the plain scan
_MAX_SPOT_PREFIXES = 8
# Non-ASCII letters the engine's case folding equates with an ASCII letter (long s, Kelvin sign,
# dotless i...): where the text holds one, lowering it would hide a match, so scan plainly.
_ASCII_LETTER = re.compile(r"[a-z]", re.IGNORECASE)


@dataclass(frozen=True)
class Scan:
    """A compiled regex and the literals (lowered when it ignores case) each match starts with."""

    regex: re.Pattern[str]
    prefixes: tuple[str, ...] = ()  # empty (and no finder): no usable prefix, scan plainly
    # For prefixes whose first word is short ("to the"): a case-sensitive pattern of them,
    # searched in the (lowered) text alongside the plain search for the other prefixes.
    finder: re.Pattern[str] | None = None


_GAP = None  # a run of whitespace inside a prefix, in the tuples _prefixes builds
Prefix = tuple  # of single characters and _GAP


def _class_chars(items: list) -> list[str] | None:
    chars = []
    for op, av in items:
        if op is not _sre.LITERAL:
            return None  # a range, a category or a negation: too many characters
        chars.append(chr(av))
    return chars


def _is_gap(op, av) -> bool:
    r"""True for `\s+` (or \s{n,} with n >= 1): whitespace that must be there."""
    if op not in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or av[0] < 1:
        return False
    return list(av[2]) == [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_SPACE)])]


def _prefixes(items) -> set[Prefix] | None:
    """The starts every match of a parsed sequence begins with (None: not known)."""
    outs: set[Prefix] = {()}
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            if outs == {()}:
                continue  # zero-width: the next item decides
            break
        if outs == {()} and op is _sre.BRANCH:
            found: set[Prefix] = set()
            for branch in av[1]:
                sub = _prefixes(branch)
                if not sub or () in sub:
                    return None
                found |= sub
            return found
        if outs == {()} and op is _sre.SUBPATTERN:
            return None if av[1] or av[2] else _prefixes(av[3])  # local flags: give up
        chars = [chr(av)] if op is _sre.LITERAL else None
        if op is _sre.IN:
            chars = _class_chars(av)
        if chars is None and outs != {()} and _is_gap(op, av):
            chars = [_GAP]
        if chars is None or len(outs) * len(chars) > _MAX_PREFIXES:
            break
        outs = {(*o, c) for o in outs for c in chars}
    # A prefix that ends in a gap says no more than one without it.
    return {o[:-1] if o and o[-1] is _GAP else o for o in outs}


def _caseless(c: str) -> bool:
    # Lowering finds every case-insensitive match of ASCII and of uncased symbols (quotes).
    return c.isascii() or (c.lower() == c == c.upper() and not c.isalpha())


def compile_scan(regex: re.Pattern[str]) -> Scan:
    """The Scan for `regex`: its literal prefixes when they are long enough to pay off."""
    if _sre_parse is None:
        return Scan(regex)
    try:
        found = _prefixes(_sre_parse.parse(regex.pattern, regex.flags))
    except Exception:  # an internal API: never let it break a rule
        return Scan(regex)
    if not found or min(sum(c is not _GAP for c in p) for p in found) < _MIN_PREFIX:
        return Scan(regex)
    if regex.flags & re.IGNORECASE:
        if not all(_caseless(c) for p in found for c in p if c is not _GAP):
            return Scan(regex)
        found = {tuple(c if c is _GAP else c.lower() for c in p) for p in found}
    # A first word of three letters or more is searched for as it is (the fastest search);
    # shorter ones only with the words after them, by a pattern.
    heads = {"".join(p[: p.index(_GAP)] if _GAP in p else p) for p in found}
    words = sorted(h for h in heads if len(h) >= _MIN_PREFIX)
    short = sorted(
        "".join(r"\s+" if c is _GAP else re.escape(c) for c in p)
        for p in found
        if len("".join(p[: p.index(_GAP)] if _GAP in p else p)) < _MIN_PREFIX
    )
    return Scan(regex, tuple(words), re.compile("|".join(short)) if short else None)


def _lowered(text: str) -> str | None:
    """text.lower() when it keeps every offset and hides no case-insensitive ASCII match."""
    low = text.lower()
    if len(low) != len(text):
        return None
    if not text.isascii():
        odd = {c for c in text if not c.isascii()}
        if any(_ASCII_LETTER.match(c) for c in odd):
            return None
    return low


def scan(s: Scan, ctx: Context) -> Iterator[re.Match[str]]:
    """Exactly the matches of `s.regex.finditer(ctx.doc.text)`, found faster when possible."""
    lowered = None
    if (s.prefixes or s.finder) and s.regex.flags & re.IGNORECASE:
        lowered = lowered_text(ctx)
    return scan_text(s, ctx.doc.text, lowered)


def lowered_text(ctx: Context) -> str | None:
    """The document lowered, once per document, when a lowered search finds every match."""
    return ctx.memo("literal_scan:lowered", lambda: _lowered(ctx.doc.text))


def scan_text(s: Scan, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
    """Exactly the matches of `s.regex.finditer(text)`; `lowered` is _lowered(text) if known."""
    hay = text
    if (s.prefixes or s.finder) and s.regex.flags & re.IGNORECASE:
        hay = _lowered(text) if lowered is None else lowered
    starts = _starts(s, hay, len(text) // _MAX_HIT_RATE) if hay is not None else None
    if starts is None:
        yield from s.regex.finditer(text)
        return
    # Every match begins with a prefix, so trying the pattern only there gives what finditer
    # gives; prefixes make no match empty.
    yield from finditer_at(s.regex, text, sorted(starts))


def _starts(s: Scan, hay: str, limit: int) -> set[int] | None:
    """Where a prefix of `s` begins in `hay`; None when unknown or there are over `limit`."""
    if not s.prefixes and s.finder is None:
        return None
    starts: set[int] = set()
    for p in s.prefixes:
        i = hay.find(p)
        while i >= 0:
            if len(starts) >= limit:
                return None
            starts.add(i)
            i = hay.find(p, i + 1)
    m = s.finder.search(hay) if s.finder is not None else None
    while m:
        if len(starts) >= limit:
            return None
        starts.add(m.start())  # the next search starts one further: overlaps are found too
        m = s.finder.search(hay, m.start() + 1)
    return starts


@dataclass(frozen=True)
class Spots:
    """Where a Scan's prefixes occur in a document: a match can only be where one of them is."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]  # the end of the prefix starting at the same index of `starts`


def prefix_spots(s: Scan, ctx: Context) -> Spots | None:
    """The places of `s`'s prefixes in ctx.doc.text; None when unknown (every span may match).

    Each prefix costs a pass over the text: many prefixes, or common ones, cost more than the
    searches they would save, so those give None too.
    """
    hay: str | None = ctx.doc.text
    if s.prefixes and s.regex.flags & re.IGNORECASE:
        hay = lowered_text(ctx)
    if not s.prefixes or s.finder or hay is None or len(s.prefixes) > _MAX_SPOT_PREFIXES:
        return None
    found = _starts_with_ends(s.prefixes, hay, len(hay) // _MAX_HIT_RATE)
    if found is None:
        return None
    found.sort()
    return Spots(tuple(a for a, _ in found), tuple(b for _, b in found))


def _starts_with_ends(prefixes: tuple[str, ...], hay: str, limit: int) -> list | None:
    found = []
    for p in prefixes:
        for i in _find_all(hay, p):
            if len(found) >= limit:
                return None
            found.append((i, i + len(p)))
    return found


def _find_all(hay: str, p: str) -> Iterator[int]:
    i = hay.find(p)
    while i >= 0:
        yield i
        i = hay.find(p, i + 1)


def may_match(spots: Spots | None, start: int, end: int) -> bool:
    """False when no prefix lies wholly in text[start:end], so the Scan's regex cannot match
    anywhere in that slice; True when it may (or when the spots are unknown)."""
    if spots is None:
        return True
    i = bisect.bisect_left(spots.starts, start)
    while i < len(spots.starts) and spots.starts[i] < end:
        if spots.ends[i] <= end:
            return True
        i += 1
    return False


def search(s: Scan, ctx: Context) -> re.Match[str] | None:
    """Exactly `s.regex.search(ctx.doc.text)`, found faster when possible."""
    return next(scan(s, ctx), None)
