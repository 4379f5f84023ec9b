"""Coverage of the eight areas over a whole document, with the elements found in each.

An area is "missing" when no section belongs to it, "partial" when it is present but an
element's cues match nowhere they are looked for, and "covered" only when every element was
found: a false "covered" would hide a gap from the reviewer, so doubt always means "partial".
"""

from __future__ import annotations

from bpo_lint.areas import Area, Element, first_cue_match
from bpo_lint.model import AreaCoverage, Document, SectionLabel


def flat_text(doc: Document) -> str:
    """The document text with line breaks read as spaces (same length, same offsets)."""
    return doc.text.replace("\n", " ").replace("\r", " ")


def find_element(
    text: str, regions: list[tuple[int, int]], element: Element
) -> tuple[int, int] | None:
    """The first span inside `regions` (in order) where one of the element's cues matches."""
    for start, end in regions:
        span = first_cue_match(element.cues, text, start, end)
        if span is not None:
            return span
    return None


def _merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Parent sections contain their children: search each stretch of text once.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def area_coverage(
    doc: Document,
    text: str,
    area: Area,
    section_ids: tuple[str, ...],
    regions: list[tuple[int, int]],
) -> AreaCoverage:
    """Coverage of one area, given the sections (ids and spans) that belong to it."""
    elements: dict[str, bool] = {}
    spans: dict[str, tuple[int, int]] = {}
    present = bool(regions)
    for element in area.elements:
        where = [(0, len(text))] if element.scope == "document" else _merge(regions)
        span = find_element(text, where, element) if present else None
        elements[element.id] = span is not None
        if span is not None:
            spans[element.id] = span
    if not present:
        status = "missing"
    elif all(elements.values()):
        status = "covered"
    else:
        status = "partial"
    return AreaCoverage(status, section_ids, elements, spans)


def document_coverage(
    doc: Document,
    labels: tuple[SectionLabel, ...],
    areas: tuple[Area, ...],
    whole_text_areas: frozenset[str] = frozenset(),
) -> dict[str, AreaCoverage]:
    """Coverage of every area; `whole_text_areas` are areas found in an unsectioned document."""
    text = flat_text(doc)
    out = {}
    for area in areas:
        ids: list[str] = []
        regions: list[tuple[int, int]] = []
        for section, label in zip(doc.sections, labels, strict=True):
            if area.id in label.areas:
                if section.id not in ids:
                    ids.append(section.id)
                regions.append((section.start, section.end))
        if area.id in whole_text_areas:
            regions.append((0, len(text)))
        out[area.id] = area_coverage(doc, text, area, tuple(ids), regions)
    return out
