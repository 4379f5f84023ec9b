"""The values every part of bpo-lint passes around: blocks, documents, sections, findings.

Readers produce `Block`s, the sectioner turns a `Document` into one with `Section`s, the
classifier produces an `Analysis`, rules produce `Finding`s, and formatters read a `FileResult`.
All are frozen: nothing downstream may change what an earlier stage saw.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

SEVERITIES = ("error", "warning", "info")
CATEGORIES = (
    "coverage",
    "contradiction",
    "vague",
    "definitions",
    "references",
    "structure",
    "consistency",
    "placeholder",
)
FORMATS = ("pdf", "docx", "text", "markdown")


class ReadError(Exception):
    """A file that cannot be read; `code` is stable and appears in the JSON report."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Location:
    """A place in a source file; every field is optional and 1-based (see REPORT-SCHEMA.md)."""

    page: int | None = None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    paragraph: int | None = None
    section: str | None = None

    def to_dict(self) -> dict:
        """The JSON form: only the fields that are known, in a fixed order."""
        keys = ("page", "paragraph", "line", "column", "end_line", "end_column", "section")
        return {k: getattr(self, k) for k in keys if getattr(self, k) is not None}

    def sort_key(self) -> tuple:
        """Order findings by where they are; unknown positions sort first (document level)."""
        return (
            self.page or 0,
            self.paragraph or 0,
            self.line or 0,
            self.column or 0,
        )


@dataclass(frozen=True)
class Block:
    """One physical unit of a source: a line of a text file, a line on a PDF page, a DOCX paragraph.

    `column` is the 1-based source column of text[0]. When a reader changed the text (Markdown
    markup removed, a Word list number prepended, a hyphenated word joined) `col_map` gives the
    source column of every character of `text`; otherwise column + i is exact.
    """

    text: str
    line: int | None = None
    page: int | None = None
    paragraph: int | None = None
    column: int = 1
    col_map: tuple[int, ...] | None = None
    heading_level: int | None = None  # set when the source marks a heading (#, Heading 2, big bold)
    style: str = ""  # "heading", "table", "list", "title", or "" for body text

    def column_at(self, i: int) -> int:
        """Source column (1-based) of character i of this block's text."""
        if self.col_map:
            if i < len(self.col_map):
                return self.col_map[i]
            return (self.col_map[-1] + 1 + i - len(self.col_map)) if self.col_map else self.column
        return self.column + i


@dataclass(frozen=True)
class Section:
    """A numbered or headed part of a document; offsets index `Document.text` (end exclusive)."""

    id: str
    title: str
    level: int
    start: int
    end: int
    body_start: int  # where the heading stops and the body begins
    parent: int | None = None  # index of the parent section in Document.sections


@dataclass(frozen=True)
class Document:
    """A file as read: its blocks, their text joined by newlines, and (once split) sections."""

    path: str
    format: str
    blocks: tuple[Block, ...]
    text: str
    block_starts: tuple[int, ...]
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    _section_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_blocks(
        cls,
        path: str,
        format: str,
        blocks: list[Block] | tuple[Block, ...],
        pages: int | None = None,
        warnings: tuple[str, ...] = (),
    ) -> Document:
        """Join blocks with newlines and remember where each starts."""
        starts, pos = [], 0
        for b in blocks:
            starts.append(pos)
            pos += len(b.text) + 1
        text = "\n".join(b.text for b in blocks)
        return cls(path, format, tuple(blocks), text, tuple(starts), pages, tuple(warnings))

    def with_sections(self, sections: list[Section] | tuple[Section, ...]) -> Document:
        """A copy of this document carrying the given sections (in document order)."""
        return replace(
            self, sections=tuple(sections), _section_starts=tuple(s.start for s in sections)
        )

    def block_index(self, offset: int) -> int:
        """Index of the block holding character `offset` of `text`."""
        return max(0, bisect.bisect_right(self.block_starts, offset) - 1)

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose span holds `offset`, or None before the first section."""
        i = bisect.bisect_right(self._section_starts, offset) - 1
        while i >= 0:
            s = self.sections[i]
            if s.start <= offset < max(s.end, s.start + 1):
                return s
            i = s.parent if s.parent is not None else -1
        return None

    def _point(self, offset: int) -> tuple[Block, int]:
        if not self.blocks:
            return Block(""), 1
        offset = min(max(offset, 0), max(len(self.text) - 1, 0))
        bi = self.block_index(offset)
        block = self.blocks[bi]
        i = min(offset - self.block_starts[bi], max(len(block.text) - 1, 0))
        return block, block.column_at(i)

    def locate(self, start: int, end: int | None = None) -> Location:
        """Map a span of `text` (end exclusive) to a source Location with its innermost section."""
        block, col = self._point(start)
        sec = self.section_at(start)
        loc = Location(
            page=block.page,
            line=block.line,
            paragraph=block.paragraph,
            column=col,
            section=sec.id if sec else None,
        )
        if end is None or end <= start:
            return loc
        end_block, end_col = self._point(end - 1)
        if self.format in ("text", "markdown") or self.format == "pdf":
            same_page = end_block.page == block.page
            return replace(
                loc,
                end_line=end_block.line if same_page else None,
                end_column=end_col + 1 if same_page else None,
            )
        return loc

    def section_text(self, section: Section, with_heading: bool = True) -> str:
        """The text of a section, with or without its heading."""
        return self.text[section.start if with_heading else section.body_start : section.end]


@dataclass(frozen=True)
class SectionLabel:
    """What the classifier concluded about one section: its areas and the score of each area."""

    areas: tuple[str, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class AreaCoverage:
    """Coverage of one key area over the whole document."""

    status: str  # "covered" | "partial" | "missing" | "unknown"
    sections: tuple[str, ...] = ()
    elements: Mapping[str, bool] = field(default_factory=dict)
    # where each element was found: element id -> (start, end) offsets in Document.text
    element_spans: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False)
    # False when the file's profile does not expect the area (scope of services in a DPA): its
    # coverage is still shown, but its absence is not a gap.
    required: bool = True
    # The elements the profile expects in the area (None: all of them).
    required_elements: frozenset[str] | None = None

    def gaps(self) -> list[str]:
        """The element ids not found that the profile expects (in the area's order)."""
        wanted = self.required_elements
        return [e for e, ok in self.elements.items() if not ok and (wanted is None or e in wanted)]


@dataclass(frozen=True)
class Analysis:
    """The classifier's output: one label per section (aligned with Document.sections), coverage."""

    labels: tuple[SectionLabel, ...]
    coverage: Mapping[str, AreaCoverage]


@dataclass(frozen=True)
class Finding:
    """One problem found in a document: the only thing rules produce and formatters read."""

    rule: str
    category: str
    severity: str
    message: str
    location: Location
    excerpt: str = ""
    suggestion: str = ""
    area: str | None = None
    code: str | None = None
    related: tuple[Location, ...] = ()

    def sort_key(self) -> tuple:
        """Findings are reported by location, then rule id, then message."""
        return (self.location.sort_key(), self.rule, self.message)


@dataclass(frozen=True)
class SectionReport:
    """A section as reported: its place in the source and the areas it was classified into."""

    id: str
    title: str
    level: int
    location: Location
    end: Location
    areas: tuple[str, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class FileError:
    """Why a file could not be linted; `code` is stable."""

    code: str
    message: str


@dataclass(frozen=True)
class FileResult:
    """Everything reported about one input file."""

    path: str
    format: str
    error: FileError | None = None
    stats: Mapping[str, int] = field(default_factory=dict)
    sections: tuple[SectionReport, ...] = ()
    coverage: Mapping[str, AreaCoverage] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0  # time taken; shown in the text report only, never in JSON

    def summary(self) -> dict[str, int]:
        """Count of findings per severity."""
        counts = dict.fromkeys(SEVERITIES, 0)
        for f in self.findings:
            counts[f.severity] += 1
        return counts
