"""Text helpers shared by the core kinds: phrase regexes, sentence bounds, definitions, quotes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bpo_lint.kinds.base import Context

# A sentence ends at . ; : ! ? followed by space, or at a blank line; "\n" alone is a soft wrap.
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n\s*\n|:\s*\n")
_QUOTES = "\"“”'‘’"


def phrase_regex(phrase: str) -> str:
    """A regex for `phrase` as whole words, where any run of whitespace may separate the words."""
    words = [re.escape(w) for w in phrase.split()]
    body = r"\s+".join(words)
    left = r"\b" if phrase[:1].isalnum() else ""
    right = r"\b" if phrase[-1:].isalnum() else ""
    return f"{left}{body}{right}"


def compile_regex(pattern: str, ignorecase: bool, what: str) -> re.Pattern[str]:
    """Compile `pattern`, turning a syntax error into a ValueError that names the option."""
    try:
        return re.compile(pattern, re.IGNORECASE if ignorecase else 0)
    except re.error as e:
        raise ValueError(f"bad regex in {what} {pattern!r}: {e}") from None


def union_regex(
    tokens: Iterable[str], patterns: Iterable[str], ignorecase: bool, what: str
) -> re.Pattern[str] | None:
    """One alternation of phrase tokens (longest first) and raw patterns; None if both empty."""
    parts = [phrase_regex(t) for t in sorted(set(tokens), key=len, reverse=True) if t.strip()]
    for p in patterns:
        compile_regex(p, ignorecase, what)  # report the faulty pattern itself, not the union
        parts.append(f"(?:{p})")
    if not parts:
        return None
    union = "|".join(parts)
    firsts = {t.strip()[0] for t in tokens if t.strip()}
    if firsts and not list(patterns):
        # A cheap first-character test lets the engine skip most positions (3-4x faster).
        chars = "".join(sorted({c.lower() for c in firsts} | {c.upper() for c in firsts}))
        union = f"(?=[{re.escape(chars)}])(?:{union})"
    return compile_regex(union, ignorecase, what)


def finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, 0, endpos), trying only the offsets `starts` (ascending): the same
    matches when every match can only begin at one of them and none is empty."""
    # Python's engine has no fast skip for a pattern that opens with a look-behind, an anchor
    # or a case-insensitive word: it runs the pattern at every offset of a long text. A cheap
    # scan for where a match may begin, then a match there, does the same work on far fewer.
    pos = 0
    for p in starts:
        if p < pos:
            continue
        m = pattern.match(text, p) if endpos is None else pattern.match(text, p, endpos)
        if m is not None:
            yield m
            pos = m.end()


def line_starts(ctx: Context) -> list[int]:
    """The offset of every line of the document's text, computed once."""
    text = ctx.doc.text
    return ctx.memo("line_starts", lambda: [0, *(m.end() for m in re.finditer("\n", text))])


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding text[start:end] (sentence-final punctuation excluded)."""
    # With no sentence end in reach, stop 600 characters back as on the right: falling back to
    # the start of the text made every match in an unpunctuated run cost O(n), O(n^2) in all.
    left = max(0, start - 600)
    for m in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        left = m.end()
    m = _SENTENCE_END.search(text, end, end + 600)
    right = m.start() if m else min(len(text), end + 600)
    return left, right


def is_quoted(text: str, start: int, end: int) -> bool:
    """True when the match sits directly inside quotes, as in a definition ("Best Efforts")."""
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 1]
    return bool(before) and before in _QUOTES and after in _QUOTES + ","


def defines(text: str, term: str) -> bool:
    """True when the document defines `term`: quoted with a capital, or followed by "means"."""
    body = phrase_regex(term)
    quoted = rf"[\"“]{body}[\"”]"
    means = rf"{body}[\"”]?\s*(?:\)\s*)?(?:shall\s+)?(?:means?|has\s+the\s+meaning|is\s+defined)"
    return re.search(f"{quoted}|{means}", text, re.IGNORECASE) is not None


def allowed(ctx: Context, matched: str) -> bool:
    """True when the user's allow-list holds the matched words (compared case-insensitively)."""
    if not ctx.allowed_terms:
        return False
    key = " ".join(matched.lower().split())
    return any(key == " ".join(t.lower().split()) for t in ctx.allowed_terms)
