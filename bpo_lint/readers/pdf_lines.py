"""Physical text segments of one PDF page, read with pdfium (pypdfium2).

pdfium gives the page text in content order with "\\r\\n" between the lines it sees, and marks a
hyphen that ends a line as U+FFFE with no break after it. We split on both, then ask pdfium for
the rectangles of each line: a line whose rectangles leave a wide horizontal gap (a gutter, a
table cell) or change baseline is split again at the character level. Character-level boxes are
only fetched for those lines, which keeps a 100-page file well under a second. Characters a
font maps oddly (U+037E for ";", typographic spaces) are replaced one for one as the text is read.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import unicodedata
from dataclasses import dataclass

HYPHEN_MARK = "\ufffe"  # pdfium's stand-in for a hyphen at a line end
_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi")
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag
_BREAK = re.compile("\r\n|[\r\n\ufffe]")


def _same_characters() -> dict[int, str]:
    """One-for-one replacements for characters a PDF's font maps oddly: a character whose
    canonical form is another single character (U+037E GREEK QUESTION MARK is ";"), and the
    typographic spaces (en, em, thin, hair, narrow no-break), which are spaces."""
    table = {cp: " " for cp in [*range(0x2000, 0x200B), 0x202F, 0x205F]}
    for cp in range(0x80, 0x3000):
        nfc = unicodedata.normalize("NFC", chr(cp))
        if len(nfc) == 1 and nfc != chr(cp) and cp not in table:
            table[cp] = nfc
    return table


# Many PDFs (52 of the 62 in the corpus) print every semicolon as U+037E: left as it is, no
# rule that reads ";" (list items, sentence ends, "Exhibit D; and" in running text) sees one.
# Each replacement is one character for one, so offsets and column maps stay exact.
_SAME_CHARACTERS = _same_characters()


@dataclass(frozen=True)
class Seg:
    """A run of text on one baseline with no wide gap, in page coordinates measured from the top."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    upright: bool = True


class _Boxes:
    """Reusable ctypes out-parameters, so per-character calls do not allocate."""

    def __init__(self, raw_textpage):
        import pypdfium2.raw as pdfium_c

        self.c = pdfium_c
        self.tp = raw_textpage
        self.left, self.right, self.bottom, self.top = (ctypes.c_double() for _ in range(4))
        self.refs = tuple(ctypes.byref(v) for v in (self.left, self.right, self.bottom, self.top))
        self.frect = pdfium_c.FS_RECTF()
        self.frect_ref = ctypes.byref(self.frect)
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()

    def char(self, i: int) -> tuple[float, float, float, float]:
        """(x0, x1, bottom, top) of character i in PDF user space (y grows upwards)."""
        self.c.FPDFText_GetCharBox(self.tp, i, *self.refs)
        return self.left.value, self.right.value, self.bottom.value, self.top.value

    def loose(self, i: int) -> tuple[float, float, float, float]:
        """(x0, x1, bottom, top) of character i's font box: the same height for "." and "H"."""
        self.c.FPDFText_GetLooseCharBox(self.tp, i, self.frect_ref)
        r = self.frect
        return r.left, r.right, r.bottom, r.top

    def rect(self, i: int) -> tuple[float, float, float, float]:
        """(x0, x1, bottom, top) of rectangle i from the last FPDFText_CountRects call."""
        lf, tp, rt, bt = self.left, self.top, self.right, self.bottom
        self.c.FPDFText_GetRect(self.tp, i, *(ctypes.byref(v) for v in (lf, tp, rt, bt)))
        return lf.value, rt.value, bt.value, tp.value

    def font(self, i: int) -> tuple[float, bool]:
        """Font size and boldness of character i."""
        size = self.c.FPDFText_GetFontSize(self.tp, i)
        weight = self.c.FPDFText_GetFontWeight(self.tp, i)
        needed = self.c.FPDFText_GetFontInfo(self.tp, i, self.name, 128, ctypes.byref(self.flags))
        # pdfium leaves the buffer untouched when the name does not fit: do not reuse a stale one.
        name = self.name.value.decode("latin-1").lower() if 0 < needed <= 128 else ""
        bold = weight >= 600 or bool(self.flags.value & _FORCE_BOLD)
        return size, bold or any(w in name for w in _BOLD_WORDS)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Char-index spans of pdfium's lines; a hyphen mark ends its line (it stays in the span)."""
    spans, start = [], 0
    for m in _BREAK.finditer(text):
        end = m.end() if m.group() == HYPHEN_MARK else m.start()
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if not text[s:e].isspace() and e > s]


def _cuts(boxes: _Boxes, text: str, s: int, e: int) -> list[int]:
    """Char indices in (s, e) where a new segment starts: a wide gap, a step back or a new line."""
    cuts, prev = [], None
    for i in range(s, e):
        if text[i].isspace():
            continue
        x0, x1, b, t = boxes.loose(i)
        if prev is not None:
            px1, pb, pt, ph = prev
            height = max(ph, t - b, 1.0)
            gap = x0 - px1
            off_line = b > pt - 0.2 * ph or t < pb + 0.2 * ph
            if gap > 1.8 * height or gap < -height or off_line:
                cuts.append(i)
        prev = (x1, b, t, t - b)
    return cuts


def _needs_cut(boxes: _Boxes, s: int, e: int) -> bool:
    """Whether pdfium's rectangles for chars [s, e) show a gap or a baseline change."""
    n = boxes.c.FPDFText_CountRects(boxes.tp, s, e - s)
    if n <= 1:
        return False
    prev = boxes.rect(0)
    for k in range(1, n):
        cur = boxes.rect(k)
        height = max(prev[3] - prev[2], cur[3] - cur[2], 1.0)
        mid = (cur[2] + cur[3]) / 2
        if cur[0] - prev[1] > 1.8 * height or cur[0] < prev[0] or not prev[2] < mid < prev[3]:
            return True
        prev = cur
    return False


def _seg(
    boxes: _Boxes, text: str, s: int, e: int, origin: tuple[float, float], upright: bool
) -> Seg | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s >= e:
        return None
    # Tight boxes for x (where the ink starts), font boxes for y (a "." is as tall as an "H").
    first, last = boxes.char(s), boxes.char(e - 1)
    lo_first, lo_last = boxes.loose(s), boxes.loose(e - 1)
    size, bold = boxes.font(s)
    if bold and e - 1 > s:
        bold = boxes.font(e - 1)[1]
    top, bottom = max(lo_first[3], lo_last[3]), min(lo_first[2], lo_last[2])
    left, page_top = origin
    piece = text[s:e].replace(HYPHEN_MARK, "-").replace("\xa0", " ")
    x0, x1 = first[0] - left, max(last[1], first[1]) - left
    return Seg(piece, x0, x1, page_top - top, page_top - bottom, size, bold, upright)


def page_segments(textpage, left: float, top: float) -> list[Seg]:
    """All text segments of a pdfium text page, in pdfium's order.

    Coordinates are made relative to the page's top-left corner (`left`, `top` in PDF space).
    """
    count = textpage.count_chars()
    if count <= 0:
        return []
    boxes = _Boxes(textpage.raw)
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters beyond the BMP: fall back to one call per character
        text = "".join(chr(boxes.c.FPDFText_GetUnicode(boxes.tp, i) or 32) for i in range(count))
    text = text.translate(_SAME_CHARACTERS)
    segs: list[Seg] = []
    for s, e in _line_spans(text):
        # Rotated text (a sideways table) runs along y: pdfium's line is the best we have.
        upright = abs(boxes.c.FPDFText_GetCharAngle(boxes.tp, s)) < 0.1
        cut = upright and _needs_cut(boxes, s, e)
        bounds = [s, *_cuts(boxes, text, s, e), e] if cut else [s, e]
        for a, b in itertools.pairwise(bounds):
            seg = _seg(boxes, text, a, b, (left, top), upright)
            if seg is not None:
                segs.append(seg)
    return segs
