"""Defined terms never used, and defined terms written in lower case (the `unused-term` and
`lowercase-term` kinds), over an index of the document's words built once per document.

A term counts as used in its singular or plural form, with its spacing or case changed
("Tandem/BASE24" used as "Tandem/Base 24"), or by its initials ("RDFI" for "Receiving
Depository Financial Institution"). Lower-case words are not reported where they are a
different thing ("the effective date of termination") or the description that a definition in
the same sentence names ("the initial term of this Agreement shall be one year (the "Initial
Term")").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.capitalised import variants
from bpo_lint.kinds.terms import DefinedTerm, defined_terms
from bpo_lint.kinds.textutil import allowed

_TOKEN = re.compile(r"\w+(?:[-&]\w+)*")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


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
        # map() over unbound methods, not generator expressions: ~80,000 words in a long MSA
        matches = list(_TOKEN.finditer(ctx.doc.text))
        words = tuple(map(re.Match.group, matches))
        lower = tuple(map(str.lower, words))
        at: dict[str, list[int]] = {}
        for i, w in enumerate(lower):
            found = at.get(w)
            if found is None:
                at[w] = [i]
            else:
                found.append(i)
        starts = tuple(map(re.Match.start, matches))
        return _WordIndex(words, lower, starts, tuple(map(re.Match.end, matches)), at)

    return ctx.memo("word_index", build)


def _term_regex(term: str) -> re.Pattern[str]:
    """The term's singular and plural forms, in any case; spacing may differ where the term has
    a space, a symbol or a letter-digit boundary ("BASE24", "Base 24")."""
    forms = sorted(variants(term), key=len, reverse=True)
    loose = [r"\s*".join(map(re.escape, re.findall(r"[^\W\d_]+|\d+|[^\w\s]", f))) for f in forms]
    return re.compile(r"(?<![\w-])(?:" + "|".join(loose) + r")(?![\w-])", re.I)


def _uses(text: str, term: str, skip: list[tuple[int, int]]) -> list[re.Match[str]]:
    return [m for m in _term_regex(term).finditer(text) if not _in_spans(m.start(), skip)]


def _initials(term: str) -> str:
    """ "Receiving Depository Financial Institution" -> "RDFI"; "" when too short to trust."""
    caps = [w[0] for w in term.split() if w[0].isupper()]
    return "".join(caps) if len(caps) >= 3 else ""


_GLUE = frozenset({"of", "and", "or", "the", "for", "to", "in", "on", "a", "an", "by", "with"})


def _prose(term: str) -> bool:
    """Whether a quoted phrase reads as words of a sentence: two or more lower-case words that
    are not the glue of a name ("Statement of Work", "Terms and Conditions")."""
    return sum(w[0].islower() and w not in _GLUE for w in term.split()) >= 2


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
class NoOptions:
    """This kind has no options."""


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
        if _prose(term):
            continue  # "Elements covered under this Agreement": quoted words, not a term
        if any(_POINTER.match(text, d.end, d.end + 60) for d in defs):
            continue  # "has the meaning set forth in Section 9.2": defined (and used) there
        if sum(index.count(v) for v in variants(term)) > len(defs):
            continue  # quick: more occurrences than definitions, so it is used
        skip = [(d.start - 1, d.end + 1) for d in defs]
        if _uses(text, term, skip):
            continue
        short = _initials(term)
        if short and any(index.words[i] == short for i in index.at.get(short.lower(), ())):
            continue  # used by its initials, even if the definition forgot to say so
        reported += 1
        d = defs[0]
        yield make_finding(rule, ctx, d.start, d.end, term=term)


# "the effective date" when "Effective Date" is defined: that date is meant. Without "the"
# ("its own confidential information", "intellectual property rights") the words are often
# the ordinary ones, on purpose.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# "the effective date of termination", "the effective date for the new fees": a defined date or
# period is one date, so qualified words name some other thing's date ("of this Agreement" is
# the term's own). Other nouns keep their meaning: "the confidential information of the other
# party" is the defined term. "the applicable law as then in force" is never the term.
_OF_OTHER = re.compile(r"\s+(?:of|for)\s+(?!(?:this|these|the)\s+(?:Agreement|Contract)\b)", re.I)
_QUALIFIED = re.compile(r"\s+(?:as|[io]n\s+which|when)\b", re.I)
_WHEN_WORDS = frozenset({"date", "day", "period", "term", "time", "year", "month", "deadline"})
# The words are the description a definition in the same sentence names: "the administrative
# services in Schedule B (the "Services")", "the initial term ... one year (the "Initial Term")".
_NAMED_LATER = re.compile(r"[^.;:\n]{0,120}?\((?:[\w,]+\s+){0,3}[\"“][A-Z]")


def _lower_uses(ctx: Context, term: str, defs: list[DefinedTerm]) -> list[tuple[int, int]]:
    """Where the term is written in lower case after "the" and means the defined term."""
    text, index = ctx.doc.text, _index(ctx)
    when = term.split()[-1].lower().rstrip("s") in _WHEN_WORDS
    # the definition's own words ("Development Work" means the development work ...)
    skip = [(min(d.start - 1, d.definition_start), max(d.end + 1, d.definition_end)) for d in defs]
    return sorted(
        span
        for v in variants(term)
        for span in index.find(v, exact_lower=True)
        if not _in_spans(span[0], skip)
        and _THE_BEFORE.search(text, max(0, span[0] - 5), span[0])
        and not _QUALIFIED.match(text, span[1])
        and not (when and _OF_OTHER.match(text, span[1]))
        and not _NAMED_LATER.match(text, span[1])
    )


def _check_lowercase(rule: Rule, ctx: Context) -> Iterator:
    index = _index(ctx)
    for term, defs in _grouped(ctx).items():
        if " " not in term or not term[0].isupper() or term.isupper() or allowed(ctx, term):
            continue
        if not all(w[0].isupper() for w in term.split() if w not in ("of", "and", "the", "or")):
            continue
        lower = _lower_uses(ctx, term, defs)
        if not lower:
            continue
        written_lower = sum(len(index.find(v, exact_lower=True)) for v in variants(term))
        capital = sum(index.count(v) for v in variants(term)) - len(defs) - written_lower
        if capital < max(2, 2 * len(lower)):
            continue  # the lower-case form is as common as the term: a deliberate usage
        (s, e), related = lower[0], (ctx.doc.locate(defs[0].start, defs[0].end),)
        yield make_finding(rule, ctx, s, e, related=related, term=term, count=len(lower))


UNUSED = Kind(
    "unused-term", UnusedOptions, _check_unused, "A defined term never used after its definition."
)
LOWERCASE = Kind(
    "lowercase-term",
    NoOptions,
    _check_lowercase,
    "A multi-word defined term also written in lower case.",
)
