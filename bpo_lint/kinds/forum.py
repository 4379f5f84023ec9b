"""Three kinds on law and forum: two governing laws, two exclusive venues, courts vs arbitration."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.clauses import document_sentences
from bpo_lint.kinds.conflict import where
from bpo_lint.kinds.law_venue import (
    Choice,
    arbitration_spans,
    differ,
    exclusive_venues,
    governing_laws,
)

# Words that let courts and arbitration live together: courts only support or enforce awards.
_CARVE_OUT = re.compile(
    r"injunct|equitable\s+relief|provisional|interim\s+(?:relief|measures)|specific\s+performance"
    r"|enforc\w*\s+(?:of\s+)?(?:any\s+|the\s+|an\s+)?(?:arbitra\w*\s+)?(?:award|decision|judgment)"
    r"|judgment\s+(?:on|upon)\s+(?:the\s+|any\s+)?award|confirm\w*\s+(?:the\s+|any\s+|an\s+)?award"
    r"|\bnotwithstanding\b|compel\s+arbitration|in\s+aid\s+of\s+arbitration|\bvacat|\bexcept\b"
    r"|subject\s+to\s+(?:section|clause|article|paragraph)|\bother\s+than\b|\bsmall\s+claims"
    r"|\bnot\s+subject\s+to\s+arbitration|\bif\s+(?:the\s+)?arbitration",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ForumOptions:
    """No settings: what counts as a choice of law or forum is fixed in kinds/law_venue.py."""


def _conflicts(rule: Rule, ctx: Context, choices: list[Choice]) -> Iterator:
    for i, c in enumerate(choices):
        # An exhibit is often a separate agreement (a form of guarantee, a state addendum)
        # with its own law and forum: compare choices within one part of the document only.
        earlier = [e for e in choices[:i] if e.part == c.part]
        if any(not differ(c, e) and e.words & c.words for e in earlier):
            continue  # the same place was named before: report a conflict once
        clash = [e for e in earlier if e.sentence != c.sentence and differ(c, e)]
        if clash:
            yield make_finding(
                rule,
                ctx,
                c.start,
                c.end,
                related=[ctx.doc.locate(e.start, e.end) for e in clash],
                value=c.place,
                other=clash[0].place,
                where=where(ctx, clash[0].start),
            )


def check_law(rule: Rule, ctx: Context) -> Iterator:
    """Report a governing law that names a different place from an earlier one."""
    return _conflicts(rule, ctx, governing_laws(ctx))


def check_venue(rule: Rule, ctx: Context) -> Iterator:
    """Report exclusive courts in a different place from earlier exclusive courts."""
    return _conflicts(rule, ctx, exclusive_venues(ctx))


def check_court_arbitration(rule: Rule, ctx: Context) -> Iterator:
    """Report exclusive courts in a contract that also requires binding arbitration."""
    venues, arbitration = exclusive_venues(ctx), arbitration_spans(ctx)
    if not venues or not arbitration:
        return
    text, sents = ctx.doc.text, document_sentences(ctx)
    # Look for a carve-out near either clause: their sentences and the sections holding them.
    spans = [sents.at(v.start) for v in venues] + [sents.at(a) for a, _ in arbitration]
    for offset in [v.start for v in venues] + [a for a, _ in arbitration]:
        sec = ctx.doc.section_at(offset)
        if sec is not None and sec.end - sec.start < 6000:
            spans.append((sec.start, sec.end))
    if any(_CARVE_OUT.search(text, a, b) for a, b in spans):
        return
    if any(re.search(r"arbitra", text[a:b], re.I) for a, b in (sents.at(v.start) for v in venues)):
        return  # the court clause speaks of the arbitration itself
    v, (a0, a1) = venues[0], arbitration[0]
    yield make_finding(
        rule,
        ctx,
        v.start,
        v.end,
        related=[ctx.doc.locate(a0, a1)],
        value=v.place,
        where=where(ctx, a0),
    )


LAW = Kind(
    "governing_law",
    options=ForumOptions,
    check=check_law,
    summary="two different governing laws for the agreement",
)
VENUE = Kind(
    "exclusive_venue",
    options=ForumOptions,
    check=check_venue,
    summary="two different exclusive venues for disputes",
)
COURT_ARBITRATION = Kind(
    "court_arbitration",
    options=ForumOptions,
    check=check_court_arbitration,
    summary="exclusive court jurisdiction alongside binding arbitration with no carve-out",
)
