"""The required kind: missing areas and missing elements, from the classifier's coverage."""

from __future__ import annotations

import pytest

from bpo_lint.areas import load_areas
from bpo_lint.kinds.base import Context, Rule
from bpo_lint.kinds.required import RequiredOptions, check
from bpo_lint.model import Analysis, AreaCoverage, Block, Document, Section, SectionLabel

TEXT = "1. Termination\nEither party may terminate for material breach."


def document() -> Document:
    """A two-line document with one section '1'."""
    lines = TEXT.split("\n")
    doc = Document.from_blocks("t", "text", [Block(t, line=i + 1) for i, t in enumerate(lines)])
    return doc.with_sections([Section("1", "Termination", 1, 0, len(TEXT), 15)])


def coverage(**overrides) -> dict:
    """Every area covered with all elements, except the given overrides."""
    cov = {
        a.id: AreaCoverage("covered", ("1",), {e.id: True for e in a.elements})
        for a in load_areas()
    }
    cov.update(overrides)
    return cov


def run(analysis, **options):
    """Findings of a required rule."""
    rule = Rule("c.r", "required", "{area}|{element}|{expect}", "error", "coverage", None)
    rule = Rule(**{**rule.__dict__, "options": RequiredOptions(**options)})
    return list(check(rule, Context(document(), analysis)))


def analysis(**overrides) -> Analysis:
    """An analysis with one label and the given coverage overrides."""
    return Analysis((SectionLabel(("termination_transition",)),), coverage(**overrides))


def test_no_analysis_reports_nothing():
    assert run(None) == []
    assert run(None, level="element") == []


def test_missing_area_is_reported_at_document_level():
    found = run(analysis(pricing_payment=AreaCoverage("missing")))
    assert len(found) == 1
    f = found[0]
    assert f.area == "pricing_payment" and f.location.line is None
    assert f.message.startswith("Pricing and payment")


def test_missing_element_is_reported_at_the_first_section_of_the_area():
    term = next(a for a in load_areas() if a.id == "termination_transition")
    elements = {e.id: e.id != "notice_period" for e in term.elements}
    found = run(
        analysis(termination_transition=AreaCoverage("partial", ("1",), elements)),
        level="element",
    )
    assert len(found) == 1
    f = found[0]
    notice = term.element("notice_period")
    assert f.area == "termination_transition" and f.location.line == 1
    assert f.message == f"{term.title}|{notice.title}|{notice.expect}"


def test_missing_element_is_reported_at_the_surest_section_of_the_area():
    # A contents page mentions termination first; the clause headed "Termination" is the one a
    # drafter would add the notice period to.
    text = "Contents: termination, fees\n2. Termination\nEither party may end it for breach."
    lines = text.split("\n")
    doc = Document.from_blocks("t", "text", [Block(t, line=i + 1) for i, t in enumerate(lines)])
    second = text.index("2.")
    doc = doc.with_sections(
        [
            Section("s1", "", 1, 0, second - 1, 0),
            Section("2", "Termination", 1, second, len(text), second + 15),
        ]
    )
    term = next(a for a in load_areas() if a.id == "termination_transition")
    elements = {e.id: e.id != "notice_period" for e in term.elements}
    cov = coverage(termination_transition=AreaCoverage("partial", ("s1", "2"), elements))
    labels = (
        SectionLabel(("termination_transition",), {"termination_transition": 0.6}),
        SectionLabel(("termination_transition",), {"termination_transition": 1.0}),
    )
    rule = Rule("c.r", "required", "{area}|{element}|{expect}", "error", "coverage", None)
    rule = Rule(**{**rule.__dict__, "options": RequiredOptions(level="element")})
    (found,) = check(rule, Context(doc, Analysis(labels, cov)))
    assert found.location.section == "2" and found.location.line == 2
    tied = (labels[0], SectionLabel(("termination_transition",), {"termination_transition": 0.6}))
    (found,) = check(rule, Context(doc, Analysis(tied, cov)))
    assert found.location.section == "s1"  # on a tie, the earliest


def test_areas_option_limits_the_check():
    missing = analysis(pricing_payment=AreaCoverage("missing"))
    assert run(missing, areas=["service_levels"]) == []
    assert len(run(missing, areas=["pricing_payment"])) == 1


def test_bad_level():
    with pytest.raises(ValueError, match="'level' must be one of area, element"):
        RequiredOptions(level="clause")
