"""Structure kind: two numbered top-level sections of one part under the same heading.

Headings are compared within one part (the body, or one schedule), case and punctuation aside;
sub-clause titles ("General") repeat by design and are not compared, nor are headings that
mark a clause reserved or omitted. Why it matters is in rules/structure/duplicate-heading.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.structure import clause_number
from bpo_lint.model import Section


@dataclass(frozen=True)
class HeadingOptions:
    """min_chars: shorter headings ("Term") are not compared."""

    min_chars: int = 4

    def __post_init__(self) -> None:
        if self.min_chars < 1:
            raise ValueError("min_chars must be at least 1")


def _part(secs: tuple[Section, ...], i: int) -> int:
    """The top-level ancestor of section i: headings are compared within one part."""
    while secs[i].parent is not None:
        i = secs[i].parent
    return i


def _norm_title(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", title.lower()))


def _check_headings(rule: Rule, ctx: Context) -> Iterator:
    secs = ctx.doc.sections
    seen: dict[tuple, Section] = {}
    for i, sec in enumerate(secs):
        title = _norm_title(sec.title)
        if sec.level != 1 or len(title) < rule.options.min_chars or clause_number(sec) is None:
            continue
        if re.search(r"\b(?:reserved|omitted|deleted|intentionally)\b", title):
            continue
        top = _part(secs, i)
        # The body is one part, and each schedule is one.
        part = top if not clause_number(secs[top]) else None
        key = (part, sec.level, title)
        first = seen.get(key)
        if first is None:
            seen[key] = sec
            continue
        yield make_finding(
            rule,
            ctx,
            sec.start,
            sec.body_start if sec.body_start > sec.start else None,
            related=(ctx.doc.locate(first.start),),
            value=sec.title.strip(),
            other=first.id,
        )


DUPLICATE_HEADING = Kind(
    "duplicate-heading",
    HeadingOptions,
    _check_headings,
    "Two numbered top-level sections (articles) of one part with the same heading.",
)
