"""The `required` kind: report key areas (or their elements) the classifier found no clause for.

It reads `ctx.analysis.coverage`; with no analysis (no classifier) it reports nothing, so the
report shows coverage as "unknown" rather than claiming something is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.existence import as_strings
from bpo_lint.model import Finding, Section

LEVELS = ("area", "element")


@dataclass(frozen=True)
class RequiredOptions:
    """Whether to check whole areas or their elements, and which areas (empty: all)."""

    level: str = "area"
    areas: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"'level' must be one of {', '.join(LEVELS)}, not {self.level!r}")
        object.__setattr__(self, "areas", as_strings(self.areas, "areas"))


def anchor_section(ctx: Context, area_id: str, ids: tuple[str, ...]) -> Section | None:
    """The section a missing element is reported at: among the area's sections, the one with
    the surest evidence (a heading or key-terms row scores 1.0), the earliest on a tie.

    The earliest alone was often a contents page or a definition that mentions the area, not
    the clause a drafter would add the element to."""
    wanted = set(ids)
    labels = ctx.analysis.labels if ctx.analysis is not None else ()
    best: tuple[float, Section] | None = None
    for i, sec in enumerate(ctx.doc.sections):
        if sec.id not in wanted:
            continue
        score = labels[i].scores.get(area_id, 0.0) if i < len(labels) else 0.0
        if best is None or score > best[0]:
            best = (score, sec)
    return best[1] if best else None


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One finding per missing area, or per missing element of a present area."""
    if ctx.analysis is None:
        return
    from bpo_lint.areas import load_areas

    opts: RequiredOptions = rule.options
    for area in load_areas():
        cov = ctx.analysis.coverage.get(area.id)
        if cov is None or (opts.areas and area.id not in opts.areas):
            continue
        # The profile (Context.required) may not expect this area, or only some elements.
        wanted = None if ctx.required is None else ctx.required.get(area.id)
        if ctx.required is not None and wanted is None:
            continue
        if opts.level == "area":
            if cov.status == "missing":
                f = make_finding(
                    rule, ctx, None, None, area=area.title, area_id=area.id, expect=area.description
                )
                yield replace(f, area=area.id)
            continue
        if cov.status not in ("covered", "partial"):
            continue
        section = anchor_section(ctx, area.id, cov.sections)
        start = section.start if section else None
        end = section.body_start if section and section.body_start > section.start else None
        gaps = replace(cov, required_elements=wanted).gaps()
        for element in area.elements:
            if element.id not in gaps:
                continue
            f = make_finding(
                rule,
                ctx,
                start,
                end,
                area=area.title,
                area_id=area.id,
                element=element.title,
                element_id=element.id,
                expect=element.expect or element.description,
            )
            yield replace(f, area=area.id)


KIND = Kind.analysing(
    "required",
    RequiredOptions,
    check,
    summary="Report key areas, or elements of an area, that no clause of the document covers.",
)
