"""The `redefinition` kind: one term given two different explicit definitions.

Only explicit definitions are compared (`"X" means ...` and definitions-table rows): a term
named again in brackets, or defined by reference ("has the meaning given in ..."), is not a
second meaning. Definitions are compared within one part of the document (the body, or one
schedule), because an attached form of another agreement may define its own terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.clauses import document_part
from bpo_lint.kinds.conflict import where
from bpo_lint.kinds.terms import DefinedTerm, defined_terms

_BY_REFERENCE = re.compile(r"meaning|defined|set\s+forth|given|refer", re.IGNORECASE)
# A definition limited to one context ("with respect to a country", "when used as a verb",
# "Supplier's X means"): a second definition for another context is deliberate.
_SCOPED = re.compile(
    r"(?:with\s+respect\s+to|in\s+relation\s+to|for\s+(?:the\s+)?purposes?\s+of|as\s+used\s+in"
    r"|in\s+the\s+case\s+of|when\s+used|as\s+a\s+(?:verb|noun)|with\s+regard\s+to|in\s+respect\s+of"
    r"|applicable\s+to|['’]s)\b[^.;\n]{0,60}$",
    re.IGNORECASE,
)
_SCOPED_START = re.compile(
    r"[\s,]*(?:with\s+respect\s+to|in\s+relation\s+to|for\s+(?:the\s+)?purposes?\s+of|when\s+used"
    r"|in\s+the\s+case\s+of|as\s+used\s+in|with\s+regard\s+to|in\s+respect\s+of)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RedefinitionOptions:
    """How much of each definition to compare (characters, after normalising)."""

    compare_chars: int = 200

    def __post_init__(self) -> None:
        if self.compare_chars < 20:
            raise ValueError("compare_chars must be at least 20")


def _meaning(text: str, d: DefinedTerm, limit: int) -> str | None:
    """The definition's words, lowercased and without punctuation; None for a cross-reference."""
    if _BY_REFERENCE.search(text[d.end : d.definition_start]):
        return None
    if _SCOPED.search(text[max(0, d.start - 80) : d.start]):
        return None
    if _SCOPED_START.match(text, d.definition_start):
        return None
    body = text[d.definition_start : d.definition_end]
    # Compare first sentences: a second copy often runs on into the next, unquoted, definition.
    body = re.split(r"\.\s+(?=[\"“A-Z])", body, maxsplit=1)[0]
    words = re.findall(r"[a-z0-9]+", body.lower())
    while words and words[0] in ("the", "a", "an", "means", "mean", "shall"):
        words.pop(0)
    return " ".join(words)[:limit] or None


# A term defined in the lead-in of the same paragraph ("The "CMS Service Level" means ...").
_ITEM = re.compile(r"[\"“][^\"“”\n]{2,80}[\"”]\s*(?:shall\s+)?means?\b")
_NAME = re.compile(r"\b[A-Z][\w/&-]*(?:\s+[A-Z][\w/&-]*)*")


def item_names(text: str, d: DefinedTerm) -> set[str]:
    """Names of the item a definition is given for, or none for a definition of general reach.

    A service-level schedule defines "Availability" once per service, right after the clause
    defining that service's level ("The "CMS Service Level" means that CMS shall have 99.5%
    Availability. "Availability" means that CMS is available ..."). Such a definition is local
    to its item: it names, in its first sentence, a thing its paragraph's lead-in names.
    """
    lead = text[max(text.rfind("\n\n", 0, d.start), d.start - 300) : d.start]
    if not _ITEM.search(lead):
        return set()
    body = re.split(r"\.\s", text[d.definition_start : d.definition_end], maxsplit=1)[0]
    names = {m.group(0) for m in _NAME.finditer(body)} - {d.term}
    return {n for n in names if re.search(rf"\b{re.escape(n)}\b", lead)}


def for_other_items(text: str, new: DefinedTerm, old: DefinedTerm) -> bool:
    """True when one of two definitions is local to an item the other does not mention."""
    for d, other in ((new, old), (old, new)):
        other_body = text[other.definition_start : other.definition_end]
        if any(name not in other_body for name in item_names(text, d)):
            return True
    return False


def check(rule: Rule, ctx: Context) -> Iterator:
    """Report each explicit definition of a term that differs from an earlier one."""
    text = ctx.doc.text
    seen: dict[tuple[str, str], list[tuple[DefinedTerm, str]]] = {}
    reported: set[tuple[str, str]] = set()
    for d in defined_terms(ctx):
        if d.style == "paren":
            continue
        meaning = _meaning(text, d, rule.options.compare_chars)
        if meaning is None:
            continue
        key = (d.term.lower(), document_part(ctx, d.start))
        earlier = seen.setdefault(key, [])
        if any(m == meaning for _, m in earlier):
            continue
        # A second definition in the same paragraph is a proviso ("... then X means ..."),
        # not a contradiction.
        block = ctx.doc.block_index(d.start)
        others = [
            e
            for e in earlier
            if ctx.doc.block_index(e[0].start) != block and not for_other_items(text, d, e[0])
        ]
        if others and key not in reported:
            reported.add(key)  # one finding per term: the fix is the same for every copy
            first = others[0][0]
            yield make_finding(
                rule,
                ctx,
                d.start,
                d.end,
                related=[ctx.doc.locate(e.start, e.end) for e, _ in others],
                term=d.term,
                where=where(ctx, first.start),
            )
        earlier.append((d, meaning))


KIND = Kind(
    "redefinition",
    options=RedefinitionOptions,
    check=check,
    summary="a term given two different explicit definitions",
)
