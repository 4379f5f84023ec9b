"""Page layout: segments to lines in reading order, two-column pages, running headers/footers.

A page is two-column when some vertical gutter in its middle third has many left-aligned runs of
text on both sides and few runs crossing it; then each band of rows between full-width rows is
emitted left column first, then right column. Otherwise segments sharing a baseline form one
line (table cells joined by a space).

Running headers and footers are lines among the first or last three of a page, in the top or
bottom fifth of it, whose text (digits normalised) recurs on several pages, plus bare page
numbers ("3", "Page 3 of 10", "- 3 -", "iv").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from bpo_lint.readers.pdf_lines import Seg

_PAGE_NUMBER = re.compile(r"^[-–—\s]*(page\s*)?(#|[ivxlc]{1,6})(\s*(of|/)\s*#)?[-–—\s]*$")
_ZONE_LINES, _ZONE_FRACTION = 3, 0.2


@dataclass(frozen=True)
class Line:
    """One visual line: `number` counts every line of its page top to bottom, removed or not."""

    text: str
    page: int
    number: int
    top: float
    bottom: float
    size: float
    bold: bool


def _rows(segs: list[Seg]) -> list[list[Seg]]:
    """Group segments whose vertical extents overlap by half into rows, top to bottom."""
    rows: list[list[Seg]] = []
    for seg in sorted(segs, key=lambda s: (s.top, s.x0)):
        if rows and seg.upright and rows[-1][0].upright:  # sideways text stays one line per run
            last = rows[-1]
            top, bottom = min(s.top for s in last), max(s.bottom for s in last)
            overlap = min(bottom, seg.bottom) - max(top, seg.top)
            if overlap > 0.5 * min(bottom - top, seg.bottom - seg.top):
                last.append(seg)
                continue
        rows.append([seg])
    return [sorted(r, key=lambda s: s.x0) for r in rows]


def _aligned(segs: list[Seg]) -> bool:
    """Whether most segments start at one x (a column's left edge), unlike scattered cells."""
    counts = Counter(round(s.x0 / 3) for s in segs)
    k = counts.most_common(1)[0][0]
    return counts[k - 1] + counts[k] + counts[k + 1] >= 0.5 * len(segs)


def find_gutter(segs: list[Seg], width: float) -> float | None:
    """The x of a two-column gutter on this page, or None for a single-column page."""
    # Cheap exit for the common single-column page: hardly anything starts right of centre.
    if len(segs) < 8 or sum(1 for s in segs if s.x0 >= 0.3 * width) < 4:
        return None
    best: tuple[int, float] | None = None
    for step in range(int(width * 0.3), int(width * 0.7), 2):
        g = float(step)
        cross = sum(1 for s in segs if s.x0 < g < s.x1)
        if best is None or cross < best[0]:
            best = (cross, g)
    if best is None:
        return None
    cross, g = best
    left = [s for s in segs if s.x1 <= g]
    right = [s for s in segs if s.x0 >= g]
    if min(len(left), len(right)) < 4 or cross > 0.25 * (len(left) + len(right)):
        return None
    if sum(len(s.text) for s in right) / len(right) < 20 or not (
        _aligned(left) and _aligned(right)
    ):
        return None
    return g


def _line(row: list[Seg], page: int) -> Line:
    return Line(
        " ".join(s.text for s in row),
        page,
        0,
        min(s.top for s in row),
        max(s.bottom for s in row),
        row[0].size,
        all(s.bold for s in row),
    )


def order_page(segs: list[Seg], page: int, width: float) -> list[Line]:
    """Lines of one page in reading order, numbered from 1."""
    gutter = find_gutter(segs, width)
    out: list[Line] = []
    if gutter is None:
        out = [_line(r, page) for r in _rows(segs)]
    else:
        left: list[Line] = []
        right: list[Line] = []
        for row in _rows(segs):
            if any(s.x0 < gutter < s.x1 for s in row):
                out += left + right + [_line(row, page)]
                left, right = [], []
                continue
            lpart = [s for s in row if s.x1 <= gutter]
            rpart = [s for s in row if s.x0 >= gutter]
            left += [_line(lpart, page)] if lpart else []
            right += [_line(rpart, page)] if rpart else []
        out += left + right
    return [
        Line(ln.text, ln.page, i, ln.top, ln.bottom, ln.size, ln.bold)
        for i, ln in enumerate(out, 1)
    ]


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _zone(lines: list[Line], height: float) -> list[Line]:
    """Lines near the top or bottom of a page: candidates for running headers and footers."""
    # By position, not reading order: on a two-column page the footer ends the left column.
    lines = sorted(lines, key=lambda ln: ln.top)
    head = [ln for ln in lines[:_ZONE_LINES] if ln.top < _ZONE_FRACTION * height]
    foot = [ln for ln in lines[-_ZONE_LINES:] if ln.bottom > (1 - _ZONE_FRACTION) * height]
    return head + [ln for ln in foot if ln not in head]


def running_lines(pages: list[tuple[list[Line], float]]) -> set[tuple[int, int]]:
    """(page, number) of every running header, footer and page-number line to drop."""
    zones = [_zone(lines, height) for lines, height in pages]
    seen = Counter(k for zone in zones for k in {_key(ln.text) for ln in zone})
    with_text = sum(1 for lines, _ in pages if lines)
    need = 2 if with_text <= 3 else max(3, math.ceil(0.25 * with_text))
    drop = set()
    for zone in zones:
        for ln in zone:
            key = _key(ln.text)
            if sum(c.isalpha() for c in key) >= 3 and with_text > 1 and seen[key] >= need:
                drop.add((ln.page, ln.number))
    # A bare page number is dropped among a page's first or last two lines wherever they sit:
    # on a short last page the number floats in the middle of the paper.
    for lines, _ in pages:
        lines = sorted(lines, key=lambda ln: ln.top)
        for ln in lines[:2] + lines[-2:]:
            if _PAGE_NUMBER.match(_key(ln.text)):
                drop.add((ln.page, ln.number))
    return drop
