"""Markdown reader: one Block per source line, with markup removed and true columns in col_map.

Only what changes the words a reader sees is handled: ATX and setext headings, emphasis markers,
inline links and HTML comments. List markers, table pipes and blank placeholders (`____`, `[*]`)
stay, because the linter must see them.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace

from bpo_lint.model import Block, Document
from bpo_lint.readers.text import decode_nonempty, split_lines

_ATX = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_NOT_PARAGRAPH = re.compile(r"^\s*$|^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^ {0,3}>")
_LINK = re.compile(
    r"!?\[([^\[\]]*)\]\((?:[^()\s\"“”‘’']|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_CODE = re.compile(r"(`+)(.+?)\1")
_ESCAPABLE = set(string.punctuation)
_MAX_EMPHASIS = 500
_MARKUP = re.compile(r"[*_\[\\`<]")  # a line without these has no inline markup to remove
_LITERAL = "\ue000"  # stands in for an escaped character so no pattern can treat it as markup


def _emphasis(delim: str) -> re.Pattern[str]:
    c = re.escape(delim[0])
    # `_` never works inside a word (snake_case, blanks like ____); `*` may, as in CommonMark.
    before, after = (r"(?<!\w)", r"(?!\w)") if delim[0] == "_" else (rf"(?<!{c})", rf"(?!{c})")
    d = re.escape(delim)
    # Content may not start with a closing bracket nor end with an opening one: keeps `[*]` literal.
    # Bounded content keeps a line full of redaction asterisks linear, not quadratic.
    return re.compile(
        rf"{before}{d}(?=[^\s{c}\])}}])(.{{1,{_MAX_EMPHASIS}}}?)(?<=[^\s{c}\[({{]){d}{after}"
    )


_EMPHASIS = tuple(_emphasis(d) for d in ("***", "___", "**", "__", "*", "_"))


@dataclass
class _Line:
    """A line being cleaned: its characters, their file columns, and which were escaped."""

    chars: list[str]
    cols: list[int]
    literal: list[bool]

    def mask(self) -> str:
        """The text as patterns should see it: escaped characters hidden."""
        if not any(self.literal):
            return "".join(self.chars)
        pairs = zip(self.chars, self.literal, strict=True)
        return "".join(_LITERAL if lit else ch for ch, lit in pairs)

    def keep(self, start: int, end: int) -> None:
        """Keep only characters start..end."""
        self.chars, self.cols = self.chars[start:end], self.cols[start:end]
        self.literal = self.literal[start:end]

    def drop(self, spans: list[tuple[int, int]]) -> None:
        """Remove the characters in the given (start, end) spans."""
        if not any(s < e for s, e in spans):  # most lines have no markup to remove
            return
        gone = {i for s, e in spans for i in range(s, e)}
        keep = [i for i in range(len(self.chars)) if i not in gone]
        self.chars = [self.chars[i] for i in keep]
        self.cols = [self.cols[i] for i in keep]
        self.literal = [self.literal[i] for i in keep]

    def block(self, n: int, level: int | None = None) -> Block:
        """The Block for file line n; col_map only when columns are not simply consecutive."""
        text = "".join(self.chars)
        first = self.cols[0] if self.cols else 1
        simple = self.cols == list(range(first, first + len(self.cols)))
        return Block(
            text=text,
            line=n,
            column=first,
            col_map=None if simple else tuple(self.cols),
            heading_level=level,
            style="heading" if level else "",
        )


def _strip_comments(line: str, in_comment: bool) -> tuple[list[tuple[int, int]], bool]:
    """Spans of `line` inside HTML comments, and whether a comment is still open at its end."""
    spans, pos = [], 0
    while pos <= len(line):
        if in_comment:
            end = line.find("-->", pos)
            if end < 0:
                spans.append((pos, len(line)))
                return spans, True
            spans.append((pos, end + 3))
            pos, in_comment = end + 3, False
        else:
            start = line.find("<!--", pos)
            if start < 0:
                return spans, False
            pos, in_comment = start + 4, True
            spans.append((start, pos))
    return spans, in_comment


def _clean_inline(ln: _Line) -> None:
    """Unescape, protect code spans, reduce links to their text, drop emphasis markers."""
    if not _MARKUP.search("".join(ln.chars)):
        return
    i, drop = 0, []
    while "\\" in ln.chars and i < len(ln.chars) - 1:
        if ln.chars[i] == "\\" and ln.chars[i + 1] in _ESCAPABLE:
            drop.append((i, i + 1))
            ln.literal[i + 1] = True
            i += 1
        i += 1
    ln.drop(drop)
    for m in _CODE.finditer(ln.mask()):
        # Code spans are shown verbatim: nothing in them is markup.
        ln.literal[m.start(2) : m.end(2)] = [True] * (m.end(2) - m.start(2))
    links = list(_LINK.finditer(ln.mask()))
    ln.drop([s for m in links for s in ((m.start(), m.start(1)), (m.end(1), m.end()))])
    for pattern in _EMPHASIS:
        pos, mask = 0, ln.mask()
        while m := pattern.search(mask, pos):
            ln.drop([(m.start(), m.start(1)), (m.end(1), m.end())])
            pos, mask = m.start(), ln.mask()


def markdown_blocks(lines: list[str]) -> list[Block]:
    """One Block per Markdown source line, numbered from 1."""
    blocks: list[Block] = []
    in_comment, fence, prev_paragraph = False, "", False
    for n, raw in enumerate(lines, start=1):
        ln = _Line(list(raw), list(range(1, len(raw) + 1)), [False] * len(raw))
        if fence:
            fence = "" if raw.strip().startswith(fence) else fence
            blocks.append(ln.block(n))
            prev_paragraph = False
            continue
        if m := _FENCE.match(raw):
            fence = m.group(1)
            blocks.append(ln.block(n))
            prev_paragraph = False
            continue
        spans, in_comment = _strip_comments(raw, in_comment)
        ln.drop(spans)
        shown = "".join(ln.chars)
        if prev_paragraph and (m := _SETEXT.match(shown)):
            level = 1 if m.group(1)[0] == "=" else 2
            blocks[-1] = replace(blocks[-1], heading_level=level, style="heading")
            blocks.append(Block(text="", line=n))
            prev_paragraph = False
            continue
        level = None
        if m := _ATX.match(shown):
            level = len(m.group(1))
            ln.keep(m.start(2), m.end(2))
        _clean_inline(ln)
        blocks.append(ln.block(n, level))
        prev_paragraph = level is None and not _NOT_PARAGRAPH.match(shown)
    return blocks


def read_markdown(path: str, data: bytes) -> Document:
    """Read a Markdown file's bytes into a Document of format "markdown"."""
    text, warnings = decode_nonempty(data)
    blocks = markdown_blocks(split_lines(text))
    return Document.from_blocks(path, "markdown", blocks, warnings=warnings)
