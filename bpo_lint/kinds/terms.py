"""Defined terms: where a contract defines a capitalised term, and the words that define it.

Covers `"X" means ...` (and "shall mean", "has the meaning"), parenthetical definitions
(`Acme Ltd (the "Supplier")`, `(each, a "Service")`, `(collectively, the "Services")`,
`(hereinafter "Client")`), and rows of a definitions table (`Term | meaning`).
Shared with the definitions rules: use `defined_terms(ctx)`, which memoises per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bpo_lint.kinds.base import Context
from bpo_lint.model import Document

_OPEN, _CLOSE = '"“', '"”'
_TERM = r"[A-Z0-9][^\"“”\n]{0,79}?"
_MEANS = re.compile(
    rf"(?:(?<=[\s(\-–.:;*])|^)[{_OPEN}](?P<t>{_TERM})[{_CLOSE}]\s*(?:\)\s*)?,?\s*"
    r"(?P<v>(?:shall|will|should)\s+(?:mean|refer\s+to|have\s+the\s+meaning)|means?\b|refers?\s+to"
    r"|has\s+the\s+meaning|have\s+the\s+meaning|is\s+defined"
    rf"|(?<=[{_CLOSE}]):\s)",
    re.MULTILINE,
)
_PAREN = re.compile(
    r"\(\s*(?:(?:each|individually|collectively|together|jointly|hereinafter|herein|hereafter"
    r"|the|a|an|as|such|referred\s+to|called|in\s+such\s+capacity|and|or|each\s+of\s+which)"
    rf"[\s,:]+)*[{_OPEN}](?P<t>{_TERM})[{_CLOSE}]"
    r"(?P<more>(?:\s*(?:,|;|or|and|and/or)\s*(?:(?:each|individually|collectively|together"
    rf"|the|a|an)[\s,]+)*[{_OPEN}]{_TERM}[{_CLOSE}])*)"
    r"\s*\)",
)
# A full stop ending a sentence (not "Inc." or "Co."): where a parenthetical definition starts.
_STOP = re.compile(r"(?<!\bInc)(?<!\bCo)(?<!\bLtd)(?<!\bCorp)(?<!\bNo)(?<!\b[A-Z])\.\s+(?=[A-Z])")
_QUOTED = re.compile(rf"[{_OPEN}](?P<t>{_TERM})[{_CLOSE}]")
_ROW = re.compile(
    r"^\s*\|?\s*[*_]*[\"“]?(?P<t>[A-Z][\w&/’' -]{0,60}?)[\"”]?[*_]*\s*(?:\||\t)\s*(?P<d>\S.{9,})$"
)
_TABLE_HEAD = re.compile(r"\b(?:term|defined\s+term)\b.*\b(?:meaning|definition)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DefinedTerm:
    """A term and where it is defined: term at text[start:end], its definition at the other span.

    style is "means" (`"X" means ...`), "paren" (`... (the "X")`; the definition is the words
    before the bracket) or "table" (a row of a definitions table).
    """

    term: str
    start: int
    end: int
    definition_start: int
    definition_end: int
    style: str = "means"


def _ok(term: str) -> bool:
    term = term.strip()
    return bool(term) and len(term.split()) <= 8 and not term.endswith((".", ",", ";"))


def _means(text: str) -> list[DefinedTerm]:
    out = []
    matches = [m for m in _MEANS.finditer(text) if _ok(m["t"])]
    for i, m in enumerate(matches):
        d0 = m.end("v") if not m["v"].startswith(":") else m.start("v") + 1
        nl = text.find("\n", d0)
        d1 = nl if nl != -1 else len(text)
        if i + 1 < len(matches):  # several definitions may share a line: stop at the next one
            d1 = min(d1, matches[i + 1].start("t") - 1)
        out.append(DefinedTerm(m["t"].strip(), m.start("t"), m.end("t"), d0, min(d1, d0 + 2000)))
    return out


def _parens(text: str) -> list[DefinedTerm]:
    out = []
    for m in _PAREN.finditer(text):
        # The defining words run back to the sentence or line start, at most 300 characters.
        lo = max(0, m.start() - 300)
        d0 = max(
            [lo, text.rfind("\n", lo, m.start()) + 1, text.rfind(")", lo, m.start()) + 1]
            + [e.end() for e in _STOP.finditer(text, lo, m.start())]
        )
        for q in [m, *_QUOTED.finditer(m["more"] or "")]:
            if q is m:
                t0, t1, term = m.start("t"), m.end("t"), m["t"]
            else:
                base = m.start("more")
                t0, t1, term = base + q.start("t"), base + q.end("t"), q["t"]
            if _ok(term):
                out.append(DefinedTerm(term.strip(), t0, t1, d0, m.start(), "paren"))
    return out


def _table_rows(doc: Document) -> list[DefinedTerm]:
    out = []
    in_table = False
    for block, start in zip(doc.blocks, doc.block_starts, strict=True):
        text = block.text
        if "|" not in text and "\t" not in text:
            in_table = False
            continue
        if _TABLE_HEAD.search(text):
            in_table = True
            continue
        sec = doc.section_at(start)
        if not in_table and not (sec and re.search(r"definition", sec.title, re.I)):
            continue
        m = _ROW.match(text)
        if m and _ok(m["t"]) and not set(m["d"].strip()) <= set("|-: "):
            out.append(
                DefinedTerm(
                    m["t"].strip(),
                    start + m.start("t"),
                    start + m.end("t"),
                    start + m.start("d"),
                    start + len(text),
                    "table",
                )
            )
    return out


def extract_defined_terms(doc: Document) -> list[DefinedTerm]:
    """Every definition in the document, in order of position (a term may appear twice)."""
    text = doc.text
    found = _means(text) + _table_rows(doc)
    taken = {d.start for d in found}
    found += [d for d in _parens(text) if d.start not in taken]
    return sorted(found, key=lambda d: d.start)


def defined_terms(ctx: Context) -> list[DefinedTerm]:
    """The defined terms of ctx.doc, extracted once per document and shared by every rule."""
    return ctx.memo("defined_terms", lambda: extract_defined_terms(ctx.doc))
