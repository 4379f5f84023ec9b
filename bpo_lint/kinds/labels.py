"""What parts a document has: the normalised labels of its sections, and of labelled lines.

Shared by the reference and structure rules. A label is a tuple key: ("num", (4, 2)) for clause
4.2 (or 4.02), ("art", 4) for Article IV, ("att", "schedule", "5") for Schedule 5. Lines that
start with a label count too, so a clause the sectioner did not split is still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from bpo_lint.kinds.base import Context
from bpo_lint.kinds.textutil import finditer_at
from bpo_lint.model import Document

ATTACHMENTS = ("schedule", "exhibit", "annex", "appendix", "attachment", "addendum")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ID = re.compile(
    r"^(?:(?P<word>Article|Section|Schedule|Exhibit|Annex|Appendix|Attachment|Addendum)\s+)?"
    r"(?P<label>[A-Za-z0-9.\-]+?)\.?(?:\(.*)?$"
)
_LINE_NUM = re.compile(
    r"^[ \t#*>_]*(?:(?:section|clause|article)\s+)?(?P<n>\d{1,3}(?:\.\d{1,3})*)(?=[.)\s:]|$)",
    re.IGNORECASE | re.MULTILINE,
)
# A dotted number standing alone in running text ("... 12.2.10 it will ...") or "5. TITLE":
# a clause the sectioner missed (numbers inside references are removed first).
# The first digit comes before the look-behind so that the engine skips to the next digit.
_BARE_NUM = re.compile(
    r"\d(?<![\w.$€£,/-]\d)(?:\d{0,2}(?:\.\d{1,3})+|\d?(?=\.\s+[A-Z]))(?![\w%]|\.\d|,\d)"
)
_LINE_ART = re.compile(
    r"^[ \t#*>_]*article\s+(?P<n>[IVXLC]+|\d{1,3})\b", re.IGNORECASE | re.MULTILINE
)
_LINE_ATT = re.compile(
    rf"^[ \t#*>_\[]*(?P<w>{'|'.join(ATTACHMENTS)})\s+(?:[-–—]\s+)?"  # "SCHEDULE - B" too
    r"(?P<n>[A-Z]{1,2}|\d{1,2}|[IVX]+)\b",
    re.IGNORECASE | re.MULTILINE,
)


# "... the registration statement. Section 1.2 The Fund agrees to ...": a clause run into the
# previous one's line, its label after a full stop or a capitals heading ("SECTION 1. SERVICES
# Section 1.1 The ...") and before a capitalised sentence.
_RUNIN_SECTION = re.compile(
    r"(?:(?<=[.:]\s)|(?<=[A-Z]{2}\s))\s?(?:Section|SECTION|Clause|CLAUSE)\s+(?P<n>\d{1,3}(?:\.\d{1,3})+)\.?\s+(?=[A-Z][a-z])"
)
_RUNIN_WORD = re.compile(r"Section|SECTION|Clause|CLAUSE")


def _runin_sections(text: str) -> Iterator[re.Match[str]]:
    """_RUNIN_SECTION.finditer(text), tried only where it may begin: at or just before its word."""
    starts = (p for m in _RUNIN_WORD.finditer(text) for p in (m.start() - 1, m.start()) if p >= 0)
    return finditer_at(_RUNIN_SECTION, text, starts)


def roman(s: str) -> int | None:
    """The value of a Roman numeral (I..CC), or None when s is not one."""
    s = s.upper()
    if not s or any(ch not in _ROMAN for ch in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


_DOTTED = re.compile(r"\d{1,3}(?:\.\d{1,3})*")


def num_key(label: str) -> tuple[int, ...] | None:
    """(4, 2) for "4.2" or "4.02"; None when the label is not dotted decimal numbers."""
    label = label.rstrip(".")
    if not _DOTTED.fullmatch(label):  # compiled once: called for every number of the text
        return None
    return tuple(map(int, label.split(".")))


def art_value(label: str) -> int | None:
    """The number of an article label: "IV" -> 4, "4" -> 4."""
    return int(label) if label.isdigit() else roman(label)


def att_label(label: str) -> str:
    """Schedule/exhibit labels compare by upper case, Roman numerals as numbers."""
    label = label.upper().rstrip(".")
    r = roman(label) if len(label) > 1 else None
    return str(r) if r else label


@dataclass(frozen=True)
class Labels:
    """Every label a document has: numbered clauses, articles, and attachments."""

    nums: frozenset[tuple[int, ...]]
    arts: frozenset[int]
    atts: frozenset[tuple[str, str]]
    numbered_sections: int  # how many sections carry a decimal number (trust in `nums`)
    # how many lines start with a printed dotted number ("4.2"): when none do, sub-clause
    # numbers come from list nesting ("1." under "6.") and "Section 6.3" cannot be resolved
    printed_dotted: int = 0


def _from_id(sec_id: str, nums: set, arts: set, atts: set) -> bool:
    parts = sec_id.split("/")
    found = False
    for k, part in enumerate(parts):
        m = _ID.match(part)
        if not m:
            continue
        word, label = (m["word"] or "").lower(), m["label"]
        if word in ATTACHMENTS:
            atts.add((word, att_label(label)))
        elif word == "article" and art_value(label) is not None:
            arts.add(art_value(label))
        elif (key := num_key(label)) is not None:
            nums.add(key)
            found = found or k == 0
    return found


def _blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each (start, end) span (ascending, disjoint) turned into spaces."""
    parts, last = [], 0
    for a, b in spans:
        parts += (text[last:a], " " * (b - a))
        last = b
    parts.append(text[last:])
    return "".join(parts)


def document_labels(
    doc: Document, reference_spans: re.Pattern[str] | Sequence[tuple[int, int]] | None = None
) -> Labels:
    """The labels of doc's sections and of every line that starts with a label; with
    `reference_spans` (a regex of cross-references, or the spans it matches), also numbers
    standing alone in the text."""
    nums: set[tuple[int, ...]] = set()
    arts: set[int] = set()
    atts: set[tuple[str, str]] = set()
    numbered = sum(_from_id(s.id, nums, arts, atts) for s in doc.sections)
    text = doc.text
    # The _LINE_* patterns match only at a line start: try those, not every offset.
    lines = [0, *(m.end() for m in re.finditer("\n", text))]
    line_keys = [k for m in finditer_at(_LINE_NUM, text, lines) if (k := num_key(m["n"]))]
    nums.update(line_keys)
    dotted = sum(len(k) > 1 for k in line_keys)
    # run-in labels resolve references but are too loosely found to enable sub-clause checks
    nums.update(k for m in _runin_sections(text) if (k := num_key(m["n"])))
    if reference_spans is not None:
        if isinstance(reference_spans, re.Pattern):
            reference_spans = [m.span() for m in reference_spans.finditer(text)]
        free = _blanked(text, reference_spans)
        nums.update(k for m in _BARE_NUM.finditer(free) if (k := num_key(m.group())))
    arts.update(v for m in finditer_at(_LINE_ART, text, lines) if (v := art_value(m["n"])))
    atts.update((m["w"].lower(), att_label(m["n"])) for m in finditer_at(_LINE_ATT, text, lines))
    return Labels(frozenset(nums), frozenset(arts), frozenset(atts), numbered, dotted)


def labels(
    ctx: Context, reference_spans: re.Pattern[str] | Sequence[tuple[int, int]] | None = None
) -> Labels:
    """document_labels(ctx.doc, reference_spans), computed once per document."""
    key = "document_labels" if reference_spans is None else "document_labels+bare"
    return ctx.memo(key, lambda: document_labels(ctx.doc, reference_spans))
