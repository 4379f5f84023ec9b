"""Kept PDF lines to Blocks: words hyphenated across line ends joined, headings from fonts.

Hyphen rule: a line ending in "letters-" followed by a line starting with a lower-case word is
one word broken by the typesetter. The fragment moves up to the first line (and is removed from
the second). The hyphen is dropped ("termi-" + "nation" -> "termination") unless the part before
it is a common compound prefix (third, non, self, co, ...) or already hyphenated ("end-to-"),
in which case it stays ("third-" + "party" -> "third-party"). A soft hyphen is always dropped.
A line whose next line starts with a capital, a digit or a symbol is left alone.

Headings: a short line set at least 15% larger than the body text is a heading, level 1 when in
the largest size used, else level 2; a short line wholly in bold at body size is level 2, unless
bold runs on for more than three lines (a bold paragraph, not a heading) or most of the document
is bold. A line that starts in lower case goes on with a sentence and is never a heading.
"""

from __future__ import annotations

import re
from collections import Counter

from bpo_lint.model import Block
from bpo_lint.readers.pdf_layout import Line

# Prefixes that form hyphenated compounds in contracts (third-party, non-exclusive, co-operate).
_COMPOUND_PREFIXES = frozenset(
    {"third", "non", "self", "co", "cross", "well", "long", "short", "full", "part", "multi", "ex"}
)
_BROKEN = re.compile(r"(?:^|[^\w-])((?:\w+-)*)([A-Za-z]+)([-\u00ad])$")
_FRAGMENT = re.compile(r"^([a-z]+)(?=[\s.,;:)\]'\u2019\"]|$)")
_MAX_BOLD_RUN = 3


def _join_hyphens(lines: list[Line]) -> list[tuple[str, list[int] | None]]:
    """Each line's text and source columns (None: 1, 2, 3, ...) after joining broken words."""
    out: list[tuple[str, list[int] | None]] = [(ln.text, None) for ln in lines]
    for i in range(len(out) - 1):
        text, cols = out[i]
        nxt, ncols = out[i + 1]
        broken = _BROKEN.search(text) if text.endswith(("-", "\u00ad")) else None
        frag = _FRAGMENT.match(nxt) if broken else None
        if not broken or not frag:
            continue
        cols = cols if cols is not None else list(range(1, len(text) + 1))
        ncols = ncols if ncols is not None else list(range(1, len(nxt) + 1))
        keep = broken.group(3) == "-" and (
            bool(broken.group(1)) or broken.group(2).lower() in _COMPOUND_PREFIXES
        )
        hyphen_col = cols[-1]
        word = frag.group(1)
        head, head_cols = (text, cols) if keep else (text[:-1], cols[:-1])
        out[i] = (head + word, head_cols + [hyphen_col] * len(word))
        rest = nxt[len(word) :]
        skip = len(word) + len(rest) - len(rest.lstrip())
        out[i + 1] = (nxt[skip:], ncols[skip:])
    return out


def _goes_on(line: Line) -> bool:
    # A line that starts in lower case carries on a sentence from the line before, whatever its
    # font: "payment based on the Indemnified Parties' fault." is not a heading.
    first = line.text.lstrip(" \t\"“‘'([")[:1]
    return first.islower()


def _levels(lines: list[Line]) -> list[int | None]:
    """Heading level of each line from its font size and weight relative to the body text."""
    sizes: Counter[float] = Counter()
    bold_chars = total = 0
    for ln in lines:
        sizes[round(ln.size * 2) / 2] += len(ln.text)
        total += len(ln.text)
        bold_chars += len(ln.text) if ln.bold else 0
    if not sizes:
        return []
    body = sizes.most_common(1)[0][0]
    bold_ok = bold_chars < 0.5 * total
    big = [ln.size for ln in lines if body > 0 and ln.size >= 1.15 * body]
    top = max(big, default=0.0)
    levels: list[int | None] = []
    for ln in lines:
        words = len(ln.text.split())
        if body > 0 and ln.size >= 1.15 * body and words <= 25:
            levels.append(1 if ln.size >= 0.9 * top else 2)
        elif bold_ok and ln.bold and words <= 12 and ln.size >= 0.95 * body:
            levels.append(2)
        else:
            levels.append(None)
    # A long run of bold lines is an emphasised paragraph, not a stack of headings.
    i = 0
    while i < len(levels):
        j = i
        while j < len(levels) and levels[j] == 2:
            j += 1
        if j - i > _MAX_BOLD_RUN:
            levels[i:j] = [None] * (j - i)
        i = max(j, i + 1)
    # Only after the runs are judged: dropping a line first would split a bold paragraph into
    # short runs that pass for headings.
    return [None if _goes_on(ln) else level for ln, level in zip(lines, levels, strict=True)]


def to_blocks(lines: list[Line]) -> list[Block]:
    """Blocks for the kept lines of a document, in reading order."""
    levels = _levels(lines)
    blocks = []
    for ln, level, (text, cols) in zip(lines, levels, _join_hyphens(lines), strict=True):
        if not text.strip():
            continue
        exact = cols is None or cols == list(range(cols[0], cols[0] + len(cols)))
        blocks.append(
            Block(
                text=text,
                line=ln.number,
                page=ln.page,
                column=cols[0] if cols else 1,
                col_map=None if exact else tuple(cols),
                heading_level=level,
                style="heading" if level else "",
            )
        )
    return blocks
