"""Unnumbered headings and section titles: "TERMINATION", "## Fees", "(a) Governing Law. ..."."""

from __future__ import annotations

import re

from bpo_lint.model import Document
from bpo_lint.numbering import Candidate
from bpo_lint.sections_shape import TITLE_STOP, is_caps_heading, is_caps_table_row, is_title_text

_MD_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+\S")
_BOLD_LINE = re.compile(r"[ \t]*\*\*([^*\n]{3,80})\*\*[ \t.:]*$")
_SKIP = " \t.:;-–—*_"
_DEFINED = re.compile(
    r"\**[\"“]\**([^\"”*\n]{1,60})\**[\"”]\**\s+(?:means|shall mean|has the meaning)\b"
)
_RUN_IN = re.compile(r"([A-Z][^.:;\n]{2,50}):\s+[A-Z]")
_LABEL_START = re.compile(
    r"\d|\(|[A-Za-z]{1,4}[.)]\s|(?i:article|section|schedule|exhibit|annex|appendix)\s"
)


def heading_candidates(doc: Document, labelled: set[int], loose: bool = False) -> list[Candidate]:
    """Unnumbered heading lines: marked by the reader, "#"-prefixed, bold or short all-caps.

    `labelled` holds the indices of the blocks that start with a numbered label. `loose` also
    takes short Title Case lines standing alone between blank lines (for unnumbered documents).
    """
    out = []
    for i, block in enumerate(doc.blocks):
        start = doc.block_starts[i]
        raw = block.text
        body = raw.strip()
        if not body or i in labelled:
            continue
        level = None
        md = _MD_HEADING.match(raw)
        if block.heading_level or block.style == "heading":
            level = block.heading_level or 1
        elif md and doc.format in ("text", "markdown"):
            level = len(md.group(1))
        elif _BOLD_LINE.match(raw) and is_title_text(_BOLD_LINE.match(raw).group(1)):
            level = 2
        elif (is_caps_heading(body) and _standalone(doc, i)) or (
            loose and _loose_heading(doc, i, body)
        ):
            level = 1
        if level is None:
            continue
        lead = start + len(raw) - len(raw.lstrip())
        scheme = "caps" if level == 1 and not (md or block.heading_level) else ""
        out.append(
            Candidate(
                lead, start + len(raw), "head", "", scheme=scheme, line_start=True, head_level=level
            )
        )
    return out


def _standalone(doc: Document, i: int) -> bool:
    """An all-caps line counts as a heading unless it sits inside a run of caps lines (a title
    page or signature block) longer than three lines, or wraps a table's caps header row."""
    if i > 0 and is_caps_table_row(doc.blocks[i - 1].text):
        return False
    run = 1
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc.blocks) and is_caps_heading(doc.blocks[j].text):
            run += 1
    return run < 3


def _loose_heading(doc: Document, i: int, body: str) -> bool:
    """A short Title Case line with a blank line before it and text after it, or a paragraph
    led by a run-in "Title Case:" label ("Banners: Sponsors are responsible...")."""
    runin = _RUN_IN.match(body)
    if runin and is_title_text(runin.group(1), 5) and runin.group(1) != "Source":
        return True
    if len(body) > 60 or body[-1] in ".,;:" or not is_title_text(body, 7):
        return False
    prev_blank = i == 0 or not doc.blocks[i - 1].text.strip()
    nxt = next((b.text.strip() for b in doc.blocks[i + 1 : i + 3] if b.text.strip()), "")
    return prev_blank and len(nxt) > len(body)


def heading_title(text: str, cand: Candidate) -> tuple[str, int]:
    """(title, body_start) for a section starting at `cand`; the title is "" when none.

    Handles a heading alone on its line ("12. TERMINATION"), a bold heading ("**Fees**."), a
    run-in heading ("(a) Governing Law. This Agreement...") and a label alone on its line whose
    title is the next line ("ARTICLE 4" / "TERMINATION").
    """
    line_end = text.find("\n", cand.label_end)
    line_end = len(text) if line_end < 0 else line_end
    if cand.kind == "head":
        title = text[cand.start : line_end].strip(" \t#*_.:")
        runin = _RUN_IN.match(title) if len(title) > 80 else None
        if runin:
            return runin.group(1), cand.start + runin.end(1) + 1
        return title[:80], min(line_end + 1, len(text))
    pos = cand.label_end
    while pos < line_end and text[pos] in " \t.:-–—\u00a0":
        pos += 1
    rest = text[pos:line_end]
    if rest.startswith("**"):
        close = rest.find("**", 2)
        inner = rest[2:close] if close > 0 else ""
        if 0 < close <= 100 and inner.strip() and not inner.lstrip().startswith(("“", '"')):
            return inner.strip(" .:"), _skip(text, pos + close + 2, line_end)
    term = _DEFINED.match(rest)
    if term:
        return term.group(1).strip("*"), pos
    if not rest.strip(_SKIP):
        return _title_from_next_line(text, line_end, pos)
    m = TITLE_STOP.search(rest)
    seg = rest[: m.start()] if m else rest
    if not m or m.group() == "\n":
        if _whole_line_title(seg):
            return seg.strip(" *_"), min(line_end + 1, len(text))
    elif len(seg) <= 80 and is_title_text(seg, max_words=10):
        return seg.strip(" *_"), _skip(text, pos + m.end(), line_end)
    return "", pos


def _whole_line_title(seg: str) -> bool:
    """A heading alone on its line: Title Case, or a short phrase ("Term and termination")."""
    seg = seg.strip(" *_")
    if not seg or seg[-1] in ",;" or not seg[0].isupper():
        return False
    return is_title_text(seg) or (len(seg.split()) <= 5 and seg[-1] != "." and len(seg) < 60)


def _skip(text: str, pos: int, line_end: int) -> int:
    """Move past separators and spaces after a title, to the first character of the body."""
    while pos < line_end and text[pos] in _SKIP:
        pos += 1
    return pos if pos < line_end else min(line_end + 1, len(text))


def _title_from_next_line(text: str, line_end: int, pos: int) -> tuple[str, int]:
    """A label alone on its line takes the next non-blank line as title when it reads as one."""
    k = line_end + 1
    for _ in range(3):
        if k >= len(text):
            break
        nl = text.find("\n", k)
        nl = len(text) if nl < 0 else nl
        line = text[k:nl].strip(" \t*_#")
        if line:
            if _LABEL_START.match(line):
                break
            if (is_caps_heading(line) or is_title_text(line, 10)) and not line.endswith(","):
                return line.rstrip(" .:"), min(nl + 1, len(text))
            break
        k = nl + 1
    return "", min(line_end + 1, len(text)) if pos >= line_end else pos
