"""Definitions kinds: capitalised terms never defined, defined terms never used, defined terms
used in lower case, and terms defined in another document.

Definitions come from bpo_lint.kinds.terms (shared with the contradiction rules); what counts
as defined and what looks like a term is in bpo_lint.kinds.capitalised. When the agreement says
its capitalised terms are defined in another document (an Order Form, a Cover Page), the
undefined-term rule stays silent and `terms-elsewhere` says so once instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.capitalised import (
    CANDIDATE,
    defined_elsewhere,
    heading_offsets,
    is_name,
    known_terms,
    variants,
)
from bpo_lint.kinds.terms import DefinedTerm, defined_terms
from bpo_lint.kinds.textutil import allowed


@dataclass(frozen=True)
class UndefinedOptions:
    """min_defined: defined terms a document needs before it is held to defined-term drafting;
    max_reported: terms reported per document (the rest are counted in the last message)."""

    min_defined: int = 3
    max_reported: int = 10

    def __post_init__(self) -> None:
        if self.min_defined < 0 or self.max_reported < 1:
            raise ValueError("min_defined must be >= 0 and max_reported >= 1")


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _ngrams(words: list[str]) -> set[str]:
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _covered_set(known: frozenset[str]) -> frozenset[str]:
    """Every run of words inside a defined term: a phrase held in a term counts as defined."""
    out: set[str] = set()
    for k in known:
        out.update(_ngrams(k.split()))
    return frozenset(out)


def _covered(phrase: str, known: frozenset[str], inside: frozenset[str]) -> bool:
    """Whether a defined term is the phrase, holds it, or is held in it ("Supplier Personnel")."""
    return phrase in inside or any(g in known for g in _ngrams(phrase.split()))


# Words that may follow a defined term ("the Services shall", "the Fees payable"): another
# lower-case word after the phrase may make it a modifier of a common noun, as a product or
# brand name is ("the Path Clear brand", "the Atlas software"). A phrase only ever used so is a
# name, not a term.
_FOLLOWERS = frozenset(
    re.findall(
        r"\S+",
        """
    shall will may must should can could would is are was were be been being has have had
    does do did of to and or nor in for with by as that which who whom whose under from on
    at if than then but so not only also including includes include within without upon
    after before during until unless hereunder thereunder hereof thereof herein therein
    hereto thereto pursuant set payable due applicable available attached described listed
    referred provided made agreed identified specified required together each any all such
    its their
    """,
    )
)
_NEXT_WORD = re.compile(r"[ \t]*([a-z][a-z'’-]*)")


def _modifier(text: str, end: int) -> bool:
    """Whether the phrase ending at `end` is followed by a common noun it modifies."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return word not in _FOLLOWERS and not word.endswith(("ed", "ing", "ly"))


def _check_undefined(rule: Rule, ctx: Context) -> Iterator:
    if defined_elsewhere(ctx) is not None:
        return
    if len(defined_terms(ctx)) < rule.options.min_defined:
        return
    text, known = ctx.doc.text, known_terms(ctx)
    heads = heading_offsets(ctx)
    inside = _covered_set(known)
    uses: dict[str, list[tuple[int, int]]] = {}
    forms: dict[str, str] = {}  # every singular/plural form -> the form first reported
    standalone: set[str] = set()  # phrases used at least once on their own, not as a modifier
    for m in CANDIDATE.finditer(text):
        phrase = " ".join(m["p"].split())
        phrase = forms.get(phrase, phrase)
        if phrase not in uses and (
            _covered(phrase, known, inside) or is_name(phrase) or allowed(ctx, phrase)
        ):
            continue
        if _in_spans(m.start("p"), heads):
            continue
        if not _modifier(text, m.end("p")):
            standalone.add(phrase)
        if phrase not in uses:
            forms.update(dict.fromkeys(variants(phrase), phrase))
        uses.setdefault(phrase, []).append((m.start("p"), m.end("p")))
    terms = [(p, spans) for p, spans in uses.items() if p in standalone]
    for phrase, spans in terms[: rule.options.max_reported]:
        s, e = spans[0]
        related = tuple(ctx.doc.locate(a, b) for a, b in spans[1:6])
        yield make_finding(rule, ctx, s, e, related=related, term=phrase, count=len(spans))


_TOKEN = re.compile(r"\w+(?:[-&]\w+)*")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class _WordIndex:
    words: tuple[str, ...]  # as written
    lower: tuple[str, ...]
    starts: tuple[int, ...]  # offset of each word in the text
    ends: tuple[int, ...]
    at: dict[str, list[int]]  # lower-cased word -> positions

    def find(self, phrase: str, exact_lower: bool = False) -> list[tuple[int, int]]:
        """Spans of a phrase in any case (or only where written in lower case)."""
        want = [w.lower() for w in _tokens(phrase)]
        if not want:
            return []
        n, out = len(want), []
        for i in self.at.get(want[0], ()):
            same = list(self.lower[i : i + n]) == want
            if same and (not exact_lower or self.words[i : i + n] == self.lower[i : i + n]):
                out.append((self.starts[i], self.ends[i + n - 1]))
        return out

    def count(self, phrase: str) -> int:
        """Occurrences of a phrase in any case."""
        return len(self.find(phrase))


def _index(ctx: Context) -> _WordIndex:
    """The document's words and where each occurs, computed once."""

    def build() -> _WordIndex:
        matches = list(_TOKEN.finditer(ctx.doc.text))
        words = tuple(m.group() for m in matches)
        lower = tuple(w.lower() for w in words)
        at: dict[str, list[int]] = {}
        for i, w in enumerate(lower):
            at.setdefault(w, []).append(i)
        starts = tuple(m.start() for m in matches)
        return _WordIndex(words, lower, starts, tuple(m.end() for m in matches), at)

    return ctx.memo("word_index", build)


def _term_regex(term: str) -> re.Pattern[str]:
    forms = sorted(variants(term), key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.I
    )


def _uses(text: str, term: str, skip: list[tuple[int, int]]) -> list[re.Match[str]]:
    return [m for m in _term_regex(term).finditer(text) if not _in_spans(m.start(), skip)]


def _grouped(ctx: Context) -> dict[str, list[DefinedTerm]]:
    out: dict[str, list[DefinedTerm]] = {}
    for d in defined_terms(ctx):
        out.setdefault(d.term, []).append(d)
    return out


_POINTER = re.compile(
    r"[\"”]?\s*(?:shall\s+)?(?:have|has)\s+the\s+meaning|[\"”]?\s*(?:is|are)\s+defined\s+in",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class UnusedOptions:
    """max_reported: unused terms reported per document."""

    max_reported: int = 10

    def __post_init__(self) -> None:
        if self.max_reported < 1:
            raise ValueError("max_reported must be at least 1")


def _check_unused(rule: Rule, ctx: Context) -> Iterator:
    text, reported = ctx.doc.text, 0
    index = _index(ctx)
    for term, defs in _grouped(ctx).items():
        if reported == rule.options.max_reported:
            return
        if not re.search(r"[a-z]", term) or allowed(ctx, term) or re.search(r"[()]| or ", term):
            continue  # "AS IS": quoted words; "Third Party(ies)": forms we do not expand
        if any(_POINTER.match(text, d.end, d.end + 60) for d in defs):
            continue  # "has the meaning set forth in Section 9.2": defined (and used) there
        if sum(index.count(v) for v in variants(term)) > len(
            defs
        ):  # quick: more occurrences than definitions, so it is used
            continue
        skip = [(d.start - 1, d.end + 1) for d in defs]
        if _uses(text, term, skip):
            continue
        reported += 1
        d = defs[0]
        yield make_finding(rule, ctx, d.start, d.end, term=term)


def _check_lowercase(rule: Rule, ctx: Context) -> Iterator:
    text = ctx.doc.text
    index = _index(ctx)
    for term, defs in _grouped(ctx).items():
        if " " not in term or not term[0].isupper() or term.isupper() or allowed(ctx, term):
            continue
        if not all(w[0].isupper() for w in term.split() if w not in ("of", "and", "the", "or")):
            continue
        # the definition's own words ("Development Work" means the development work ...)
        skip = [
            (min(d.start - 1, d.definition_start), max(d.end + 1, d.definition_end)) for d in defs
        ]
        lower = sorted(
            span
            for v in variants(term)
            for span in index.find(v, exact_lower=True)
            if not _in_spans(span[0], skip)
            and _THE_BEFORE.search(text, max(0, span[0] - 5), span[0])
        )
        if not lower:
            continue
        capital = sum(index.count(v) for v in variants(term)) - len(defs) - len(lower)
        if capital < max(2, 2 * len(lower)):
            continue  # the lower-case form is as common as the term: a deliberate usage
        (s, e), related = lower[0], (ctx.doc.locate(defs[0].start, defs[0].end),)
        yield make_finding(rule, ctx, s, e, related=related, term=term, count=len(lower))


# "the effective date" when "Effective Date" is defined: that date is meant. Without "the"
# ("its own confidential information", "intellectual property rights") the words are often
# the ordinary ones, on purpose.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


@dataclass(frozen=True)
class NoOptions:
    """This kind has no options."""


def _check_elsewhere(rule: Rule, ctx: Context) -> Iterator:
    found = defined_elsewhere(ctx)
    if found is not None:
        s, e, name = found
        yield make_finding(rule, ctx, s, e, other=name)


UNDEFINED = Kind(
    "undefined-term",
    UndefinedOptions,
    _check_undefined,
    "A capitalised term used like a defined term but defined nowhere in the document.",
)
UNUSED = Kind(
    "unused-term", UnusedOptions, _check_unused, "A defined term never used after its definition."
)
LOWERCASE = Kind(
    "lowercase-term",
    NoOptions,
    _check_lowercase,
    "A multi-word defined term also written in lower case.",
)
ELSEWHERE = Kind(
    "terms-elsewhere",
    NoOptions,
    _check_elsewhere,
    "The document says its capitalised terms are defined in another document.",
)
