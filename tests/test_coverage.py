"""Coverage from section labels: statuses, elements and their evidence spans (no model needed)."""

from __future__ import annotations

from bpo_lint.areas import AREA_IDS, load_areas
from bpo_lint.model import SectionLabel
from bpo_lint.nlp.coverage import document_coverage, flat_text
from bpo_lint.readers.text import document_from_string
from bpo_lint.sections import split_sections

AREAS = load_areas()

TEXT = """# Services Agreement

## 1. Termination

Either party may terminate this Agreement for material breach that is not cured.

Either party may terminate this Agreement on ninety (90) days' prior written
notice to the other party.

## 2. Governing Law

This Agreement is governed by the laws of the State of New York.
"""


def _doc(text=TEXT):
    return split_sections(document_from_string(text, "<test>", markdown=True))


def _labels(doc, mapping):
    return tuple(SectionLabel(mapping.get(s.title, ())) for s in doc.sections)


def test_every_area_and_element_is_reported():
    doc = _doc()
    cov = document_coverage(doc, _labels(doc, {}), AREAS)
    assert tuple(cov) == AREA_IDS
    for area in AREAS:
        assert cov[area.id].status == "missing"
        assert set(cov[area.id].elements) == {e.id for e in area.elements}
        assert not any(cov[area.id].elements.values())


def test_present_area_with_a_missing_element_is_partial_with_spans():
    doc = _doc()
    labels = _labels(doc, {"Termination": ("termination_transition",)})
    cov = document_coverage(doc, labels, AREAS)["termination_transition"]
    assert cov.status == "partial"
    assert cov.elements["notice_period"] and cov.elements["termination_for_cause"]
    assert not cov.elements["transition_assistance"]
    start, end = cov.element_spans["notice_period"]
    # The evidence runs over a line break and points at the real words.
    assert "ninety (90) days' prior written" in flat_text(doc)[start:end]
    assert doc.text[start:end].replace("\n", " ") == flat_text(doc)[start:end]
    assert [s for s in cov.sections] == [doc.sections[1].id]


def test_covered_only_when_all_elements_are_found():
    doc = _doc()
    labels = _labels(doc, {"Governing Law": ("governance_dispute_resolution",)})
    cov = document_coverage(doc, labels, AREAS)["governance_dispute_resolution"]
    assert cov.status == "partial"  # governing law, but no governance or escalation
    assert cov.elements["governing_law"] and not cov.elements["escalation"]


def test_area_scope_elements_are_only_searched_in_the_area():
    doc = _doc()
    # The notice period sits in section 1; labelling only section 2 must not find it.
    labels = _labels(doc, {"Governing Law": ("termination_transition",)})
    cov = document_coverage(doc, labels, AREAS)["termination_transition"]
    assert not cov.elements["notice_period"]


def test_whole_text_areas_for_an_unsectioned_document():
    doc = document_from_string("Fees are payable within 30 days of invoice.\n", "<t>", False)
    cov = document_coverage(doc, (), AREAS, frozenset({"pricing_payment"}))
    assert cov["pricing_payment"].status in ("partial", "covered")
    assert cov["pricing_payment"].elements["payment_terms"]
    assert cov["service_levels"].status == "missing"
