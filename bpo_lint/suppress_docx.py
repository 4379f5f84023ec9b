"""Suppressions in Word files: a comment whose text starts with `bpo-lint: ignore [RULES]`.

The comment silences the listed rules (none listed: every rule) in the paragraphs its range
covers (w:commentRangeStart .. w:commentRangeEnd, or the paragraph of its reference mark).
Paragraphs are counted exactly as the DOCX reader counts them, so they match Location.paragraph.
"""

from __future__ import annotations

import io
import re

from bpo_lint.readers.docx_styles import W
from bpo_lint.suppress import Suppression, split_selectors

_IGNORE = re.compile(r"^\s*bpo-lint:\s*([\w-]*)(.*)", re.IGNORECASE | re.DOTALL)
_MARKS = (f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference")


def comment_directives(document) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Comment id -> (directive as written, selectors) for every bpo-lint comment."""
    out = {}
    for comment in document.comments:
        m = _IGNORE.match(comment.text or "")
        if m:
            # Only the first line is the directive; the rest may explain why.
            selectors = split_selectors(m.group(2).splitlines()[0] if m.group(2) else "")
            out[str(comment.comment_id)] = (m.group(1).lower(), selectors)
    return out


def comment_paragraphs(body) -> dict[str, tuple[int, int]]:
    """Comment id -> (first, last) paragraph number its range or reference mark touches."""
    from bpo_lint.readers.docx import _paragraphs, _text

    spans: dict[str, tuple[int, int]] = {}
    index = 0
    for p, _in_table in _paragraphs(body, False):
        out: list[str] = []
        _text(p, out)
        ppr = p.find(f"{W}pPr")
        if not out and ppr is not None and ppr.find(f"{W}rPr/{W}del") is not None:
            continue  # the reader drops a paragraph deleted with tracked changes on
        index += 1
        for el in p.iter(*_MARKS):
            cid = el.get(f"{W}id")
            first, last = spans.get(cid, (index, index))
            spans[cid] = (min(first, index), max(last, index))
    return spans


def docx_suppressions(data: bytes) -> tuple[list[Suppression], list[str]]:
    """Suppressions from the Word comments of a .docx, and warnings for malformed ones."""
    import docx

    document = docx.Document(io.BytesIO(data))
    directives = comment_directives(document)
    if not directives:
        return [], []
    spans = comment_paragraphs(document.element.body)
    found: list[Suppression] = []
    warnings: list[str] = []
    for cid, (action, selectors) in sorted(directives.items()):
        first, last = spans.get(cid, (None, None))
        if action != "ignore":
            warnings.append(f"comment {cid}: unknown bpo-lint directive '{action}' (use 'ignore')")
        elif first is None:
            warnings.append(f"comment {cid}: bpo-lint comment is not anchored to any paragraph")
        else:
            directive = " ".join(("ignore", *selectors))
            found += [
                Suppression(s, directive, first, first, last, unit="paragraph")
                for s in selectors or ("",)
            ]
    return found, warnings
