"""Definitions kinds: capitalised terms never defined, and terms defined in another document;
the kinds for defined terms never used or used in lower case are in bpo_lint.kinds.term_uses.

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
from bpo_lint.kinds.term_uses import LOWERCASE, UNUSED, NoOptions
from bpo_lint.kinds.terms import defined_terms
from bpo_lint.kinds.textutil import allowed

__all__ = ["ELSEWHERE", "LOWERCASE", "UNDEFINED", "UNUSED"]


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
ELSEWHERE = Kind(
    "terms-elsewhere",
    NoOptions,
    _check_elsewhere,
    "The document says its capitalised terms are defined in another document.",
)
