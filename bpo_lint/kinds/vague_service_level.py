"""The `numeric-target` kind: a service-level clause that states no number at all.

A section headed like "Service Levels" (or classified into the service_levels area and talking
about service levels) whose whole text, subsections included, has no figure, percentage or
duration promises nothing measurable. A clause that points to a schedule or exhibit for the
levels is not reported: the numbers live there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.existence import optional_regex
from bpo_lint.model import Finding, Section

NUMBER = (
    r"(?ix)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|sixty|ninety|hundred|percent|per\s+cent)\b"
)
ELSEWHERE = (
    r"(?ix)\b(?:schedule|exhibit|annex|appendix|attachment|statement\s+of\s+work|SOW"
    r"|service\s+level\s+agreement|SLA\s+document)\b"
    r"|\b(?:set\s+forth|set\s+out|specified|described|defined|agreed)\s+in\b"
    r"|\[\s*\*"  # redacted by the filer: the numbers may be under the redaction
)
# A definition ('"Service Levels" means ...') names the term; it is not the clause itself.
DEFINITION = r"(?i)[\"“”]|\bmeans\b"
# ... nor is a numbered definition whose quotes the reader dropped ("5. SLA means these terms").
_DEFINES = re.compile(r"[\W\d]*[\w /-]{1,60}?[\W]*\s+(?:means|shall\s+mean)\b", re.IGNORECASE)
# A duty to meet "the Service Levels" (capitalised: a defined term) refers to levels set
# elsewhere in the agreement; the clause that sets them is the one to check.
_DEFINED_LEVELS = re.compile(r"\b(?:Service\s+Levels?|SLAs?)\b")


@dataclass(frozen=True)
class NumericTargetOptions:
    """Which sections are service-level clauses, and what counts as a number or a pointer."""

    heading: str = r"(?i)\bservice[\s-]+levels?\b|\bSLAs?\b|\bperformance\s+standards?\b"
    area: str = "service_levels"  # sections the classifier put in this area also count ...
    area_body: str = r"(?i)\bservice[\s-]+levels?\b|\bSLAs?\b"  # ... when their body says this
    number: str = NUMBER
    elsewhere: str = ELSEWHERE  # a pointer to where the levels are set out
    unless_title: str = DEFINITION  # headings that are not service-level clauses
    compiled: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = ("heading", "area_body", "number", "elsewhere", "unless_title")
        regexes = tuple(optional_regex(getattr(self, n), n, ignorecase=False) for n in names)
        if regexes[0] is None or regexes[2] is None:
            raise ValueError("'heading' and 'number' must be regular expressions")
        object.__setattr__(self, "compiled", regexes)


def candidates(rule: Rule, ctx: Context) -> list[int]:
    """Indexes of sections that are service-level clauses, outermost only."""
    opts: NumericTargetOptions = rule.options
    heading, area_body, _, _, not_title = opts.compiled
    doc = ctx.doc
    labels = ctx.analysis.labels if ctx.analysis else ()
    found: set[int] = set()
    for i, s in enumerate(doc.sections):
        if not_title and not_title.search(s.title):
            continue
        classified = i < len(labels) and opts.area in labels[i].areas
        if heading.search(s.title) or (
            classified and area_body and area_body.search(doc.text[s.body_start : s.end])
        ):
            found.add(i)
    return [i for i in sorted(found) if not _has_ancestor(doc.sections, i, found)]


def _has_ancestor(sections: tuple[Section, ...], i: int, among: set[int]) -> bool:
    parent = sections[i].parent
    while parent is not None:
        if parent in among:
            return True
        parent = sections[parent].parent
    return False


def span_end(sections: tuple[Section, ...], i: int) -> int:
    """Where section i ends, subsections included (whatever the sectioner's nesting)."""
    end = sections[i].end
    for j in range(i + 1, len(sections)):
        if not _has_ancestor(sections, j, {i}):
            break
        end = max(end, sections[j].end)
    return end


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Report each service-level section whose text has no number and points nowhere else."""
    opts: NumericTargetOptions = rule.options
    heading, _, number, elsewhere, _ = opts.compiled
    doc = ctx.doc
    for i in candidates(rule, ctx):
        s = doc.sections[i]
        body = doc.text[s.body_start : span_end(doc.sections, i)]
        if not body.strip() or number.search(body) or (elsewhere and elsewhere.search(body)):
            continue
        if _DEFINES.match(doc.text, s.start):
            continue
        if not heading.search(s.title) and _DEFINED_LEVELS.search(body):
            continue  # classified as a service-level clause only because it names them
        end = s.body_start if s.body_start > s.start else s.end
        yield make_finding(rule, ctx, s.start, end, section=s.title or s.id)


KIND = Kind.analysing(
    "numeric-target",
    NumericTargetOptions,
    check,
    summary="Flag service-level clauses that state no numeric target and point to none.",
)
