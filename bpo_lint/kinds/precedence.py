"""The `precedence` kind: several contract documents referenced, but no order of precedence.

An MSA with statements of work, schedules or order forms needs a clause saying which document
wins when they conflict; without one, a court reads them together and the parties argue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.clauses import find_near

# Capitalised references only: "schedule" as a verb or "exhibits" in prose are not documents.
_DOCUMENT = re.compile(
    r"\b(?:Statements?\s+of\s+Work|SOWs?|Order\s+Forms?|Work\s+Orders?|Service\s+Orders?)\b"
    r"|\b(?P<kind>Schedule|Exhibit|Appendix|Annex|Attachment|Addendum)\s+"
    r"(?P<label>[A-Z]{1,2}(?:-\d+)?|\d{1,2}|[IVX]{1,5})\b(?!\.\d)"
)
_PRECEDENCE = re.compile(
    r"order\s+of\s+priority|\bprecedence\b|\b(?:prevail|govern|control)s?\s+over\b"
    r"|\b(?:shall|will|should)\s+(?:prevail|control)\b(?!\s+(?:the|by|of|or|and)\b)|\bprevails\b"
    r"|(?:conflict|inconsisten\w*|discrepanc\w*|ambiguit\w*)[^.]{0,250}?"
    r"\b(?:prevail|control|govern|precedence|priority|supersede)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PrecedenceOptions:
    """How many documents must be referenced before a precedence clause is expected.

    Statements of work and order forms are where conflicting terms usually come from, so a
    contract that uses them needs only `min_with_orders` documents in all; schedules and
    exhibits alone need `min_documents`.
    """

    min_documents: int = 3
    min_with_orders: int = 2

    def __post_init__(self) -> None:
        if self.min_documents < 2 or self.min_with_orders < 2:
            raise ValueError("min_documents and min_with_orders must be at least 2")


def referenced_documents(text: str) -> dict[str, tuple[int, int]]:
    """Each distinct document referenced (normalised name) and where it is first mentioned."""
    found: dict[str, tuple[int, int]] = {}
    for m in _DOCUMENT.finditer(text):
        if m["kind"]:
            name = f"{m['kind'].lower()} {m['label'].upper()}"
        else:
            word = m.group(0).lower()
            name = "order" if "order" in word else "statement of work"
        found.setdefault(name, m.span())
    return found


def check(rule: Rule, ctx: Context) -> Iterator:
    """Report, once, a document that references several documents with no precedence clause."""
    text = ctx.doc.text
    docs = referenced_documents(text)
    orders = "order" in docs or "statement of work" in docs
    needed = rule.options.min_with_orders if orders else rule.options.min_documents
    if len(docs) < needed:
        return
    words = ("precedence", "prevail", "control", "priority", "conflict", "inconsisten")
    if find_near(_PRECEDENCE, text, words, 300, 0):
        return
    spans = sorted(docs.values())
    names = sorted(docs, key=lambda n: docs[n])
    listed = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
    start, end = spans[0]
    yield make_finding(
        rule,
        ctx,
        start,
        end,
        related=[ctx.doc.locate(s, e) for s, e in spans[1:6]],
        value=len(docs),
        documents=listed,
    )


KIND = Kind(
    "precedence",
    options=PrecedenceOptions,
    check=check,
    summary="several contract documents referenced but no order-of-precedence clause",
)
