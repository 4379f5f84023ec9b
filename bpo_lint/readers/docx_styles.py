"""What a DOCX paragraph inherits from its style chain: heading level and list numbering."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
BODY_OUTLINE = 9  # w:outlineLvl 9 means "body text"


@dataclass(frozen=True)
class Style:
    """The parts of one w:style that matter to reading text."""

    id: str
    name: str
    based_on: str | None = None
    outline: int | None = None  # w:outlineLvl, 0-based
    num_id: str | None = None  # w:numPr/w:numId
    ilvl: int | None = None  # w:numPr/w:ilvl


@dataclass(frozen=True)
class Styles:
    """All styles by id, and the paragraph style used when a paragraph names none."""

    by_id: dict[str, Style]
    default_paragraph: str | None = None


def wval(el, path: str) -> str | None:
    """The w:val attribute of the element at `path` under `el` (w: prefixed), or None."""
    found = el.find(path.replace("w:", W)) if el is not None else None
    return found.get(f"{W}val") if found is not None else None


def to_int(value: str | None) -> int | None:
    """An integer attribute, or None when missing or malformed."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def parse_styles(root) -> Styles:
    """Read styles.xml's root element (None when the part is missing)."""
    if root is None:
        return Styles({})
    by_id, default = {}, None
    for el in root.iter(f"{W}style"):
        sid = el.get(f"{W}styleId")
        if not sid:
            continue
        by_id[sid] = Style(
            id=sid,
            name=wval(el, "w:name") or sid,
            based_on=wval(el, "w:basedOn"),
            outline=to_int(wval(el, "w:pPr/w:outlineLvl")),
            num_id=wval(el, "w:pPr/w:numPr/w:numId"),
            ilvl=to_int(wval(el, "w:pPr/w:numPr/w:ilvl")),
        )
        if el.get(f"{W}type") == "paragraph" and el.get(f"{W}default") in ("1", "true", "on"):
            default = sid
    return Styles(by_id, default)


def chain(styles: Styles, style_id: str | None) -> Iterator[Style]:
    """The style and the styles it is based on, nearest first (cycles cut)."""
    seen: set[str] = set()
    sid = style_id or styles.default_paragraph
    while sid and sid not in seen and sid in styles.by_id:
        seen.add(sid)
        style = styles.by_id[sid]
        yield style
        sid = style.based_on


def heading_level(styles: Styles, style_id: str | None, outline: int | None) -> int | None:
    """1-based heading level from a Heading N / Title style or an outline level, else None."""
    for style in chain(styles, style_id):
        if m := _HEADING_NAME.match(style.name.strip()):
            return int(m.group(1))
        if style.name.strip().lower() == "title":
            return 1
    if outline is None:
        outline = next((s.outline for s in chain(styles, style_id) if s.outline is not None), None)
    if outline is not None and 0 <= outline < BODY_OUTLINE:
        return outline + 1
    return None


def style_numbering(styles: Styles, style_id: str | None) -> tuple[str | None, int | None]:
    """The numId and ilvl a paragraph inherits from its style chain (each may be None)."""
    num_id = ilvl = None
    for style in chain(styles, style_id):
        num_id = num_id if num_id is not None else style.num_id
        ilvl = ilvl if ilvl is not None else style.ilvl
    return num_id, ilvl
