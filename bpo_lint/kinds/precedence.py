"""The `precedence` kind: several contract documents referenced, but no order of precedence.

An MSA with statements of work, schedules or order forms needs a clause saying which document
wins when they conflict; without one, a court reads them together and the parties argue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.clauses import document_part, find_near
from bpo_lint.kinds.literal_scan import compile_scan, lowered_text, scan_text

# Capitalised references only: "schedule" as a verb or "exhibits" in prose are not documents.
# "this Statement of Work" is the document calling itself by its own name.
_DOCUMENT = re.compile(
    r"\b(?<!this\s)(?<!This\s)(?:Statements?\s+of\s+Work|SOWs?|Order\s+Forms?|Work\s+Orders?"
    r"|Service\s+Orders?)\b"
    r"|\b(?P<kind>Schedule|Exhibit|Appendix|Annex|Attachment|Addendum)\s+"
    r"(?P<label>[A-Z]{1,2}(?:-\d+)?|\d{1,2}|[IVX]{1,5})\b(?!\.\d)"
)
_DOCUMENT_SCAN = compile_scan(_DOCUMENT)  # found by the names' first words: 5x faster
# Attachments are numbered in ones and tens; "Pricing Schedule 50" in a contents list is a page.
_MAX_NUMBER = 30
_UNNUMBERED = re.compile(r"s\d+$")  # the sectioner's id for a part with no number
_PRECEDENCE = re.compile(
    r"order\s+of\s+priority|\bprecedence\b|\b(?:prevail|govern|control)s?\s+over\b"
    r"|\b(?:shall|will|should)\s+(?:prevail|control)\b(?!\s+(?:the|by|of|or|and)\b)|\bprevails\b"
    r"|(?:conflict|inconsisten\w*|discrepanc\w*|ambiguit\w*)[^.]{0,250}?"
    r"\b(?:prevail|control|govern|precedence|priority|supersede)",
    re.IGNORECASE,
)
# Every match of _PRECEDENCE holds one of these words.
_NEEDED = ("priority", "precedence", "prevail", "govern", "control", "supersede")


@dataclass(frozen=True)
class PrecedenceOptions:
    """How many documents must be referenced before a precedence clause is expected.

    Statements of work and order forms are where conflicting terms usually come from, so a
    contract that uses them needs only `min_with_orders` documents in all; schedules and
    exhibits alone need `min_documents`.
    """

    min_documents: int = 3
    min_with_orders: int = 2
    # A text whose body (outside its schedules and exhibits) is shorter than this is a set of
    # attachments, or a form of one, not an agreement that could hold a precedence clause.
    min_body_words: int = 150

    def __post_init__(self) -> None:
        if self.min_documents < 2 or self.min_with_orders < 2:
            raise ValueError("min_documents and min_with_orders must be at least 2")
        if self.min_body_words < 0:
            raise ValueError("min_body_words must be 0 or more")


def mentions(text: str) -> Iterator[tuple[str, tuple[int, int]]]:
    """Every reference to another document: its normalised name and span, in order."""
    for m in scan_text(_DOCUMENT_SCAN, text):
        if m["kind"] and m["label"].isdigit() and int(m["label"]) > _MAX_NUMBER:
            continue
        if m["kind"]:
            yield f"{m['kind'].lower()} {m['label'].upper()}", m.span()
        else:
            word = m.group(0).lower()
            yield ("order" if "order" in word else "statement of work"), m.span()


def referenced_documents(text: str) -> dict[str, tuple[int, int]]:
    """Each distinct document referenced (normalised name) and where it is first mentioned."""
    found: dict[str, tuple[int, int]] = {}
    for name, span in mentions(text):
        found.setdefault(name, span)
    return found


def only_attachments(ctx: Context, min_body_words: int) -> bool:
    """True for a text made of schedules or exhibits with (almost) no agreement body before them."""
    doc = ctx.doc
    if not any(document_part(ctx, s.start) for s in doc.sections):
        return False
    count = 0
    for block, start in zip(doc.blocks, doc.block_starts, strict=True):
        if block.text.strip() and not document_part(ctx, start):
            count += len(block.text.split())
            if count >= min_body_words:
                return False
    return True


def _first_in_body(ctx: Context, first: tuple[str, tuple[int, int]]) -> tuple[str, tuple[int, int]]:
    """The first reference made in a numbered clause of the body, else the very first.

    A title page or contents list comes first but sits outside any numbered clause.
    """
    for name, (s, e) in mentions(ctx.doc.text):
        sec = ctx.doc.section_at(s)
        if sec is not None and not _UNNUMBERED.match(sec.id) and not document_part(ctx, s):
            return name, (s, e)
    return first


def has_precedence_clause(ctx: Context) -> bool:
    """True when the text states an order of precedence (what clauses.find_near would find).

    A window around a cue word is searched only when it holds one of the words every match
    needs: the pattern's lazy scan of each window is what costs time in a long agreement.
    """
    lowered = lowered_text(ctx)

    def possible(lo: int, hi: int) -> bool:
        return lowered is None or any(lowered.find(w, lo, hi) >= 0 for w in _NEEDED)

    words = ("precedence", "prevail", "control", "priority", "conflict", "inconsisten")
    return bool(find_near(_PRECEDENCE, ctx.doc.text, words, 300, 0, possible, True))


def check(rule: Rule, ctx: Context) -> Iterator:
    """Report, once, a document that references several documents with no precedence clause."""
    text = ctx.doc.text
    docs = referenced_documents(text)
    orders = "order" in docs or "statement of work" in docs
    needed = rule.options.min_with_orders if orders else rule.options.min_documents
    if len(docs) < needed:
        return
    if has_precedence_clause(ctx):
        return
    if only_attachments(ctx, rule.options.min_body_words):
        return
    names = sorted(docs, key=lambda n: docs[n])
    listed = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
    primary, (start, end) = _first_in_body(ctx, (names[0], docs[names[0]]))
    others = [docs[n] for n in names if n != primary]
    yield make_finding(
        rule,
        ctx,
        start,
        end,
        related=[ctx.doc.locate(s, e) for s, e in others[:5]],
        value=len(docs),
        documents=listed,
    )


KIND = Kind(
    "precedence",
    options=PrecedenceOptions,
    check=check,
    summary="several contract documents referenced but no order-of-precedence clause",
)
