"""Heading normalisation and the heading kinds used for weak labels and at run time."""

from __future__ import annotations

import pytest

from bpo_lint.areas import load_areas
from bpo_lint.nlp.headings import heading_kind, normalise

AREAS = load_areas()


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("12.3 Termination for Convenience.", "Termination for Convenience"),
        ("ARTICLE 4 - FEES", "FEES"),
        ("(a) Governing Law.", "Governing Law"),
        ("Section 7.2: Audit", "Audit"),
        ("Confidentiality", "Confidentiality"),
    ],
)
def test_normalise_strips_numbering_and_punctuation(raw, words):
    assert normalise(raw) == words


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Miscellaneous", "general"),
        ("14. General Provisions", "general"),
        ("Notices", "none"),
        ("Definitions", "none"),
        ("Indemnification Procedures", "none"),
        ("Termination", "areas"),
        ("Assignment of Intellectual Property", "areas"),  # an area cue wins over a no-area word
        ("Chocolate", "unknown"),
        ("", "unknown"),
    ],
)
def test_heading_kind(title, kind):
    assert heading_kind(title, AREAS)[0] == kind


def test_compound_headings_name_each_topic():
    from bpo_lint.nlp.headings import heading_areas

    found = heading_areas("Services; Term and Termination", AREAS)
    assert found == ("scope_of_services", "termination_transition")
    assert heading_areas("Terms and Conditions", AREAS) == ()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('"Services" means the services described in Schedule 1.', True),
        ("“Service Levels” has the meaning given in Schedule 2.", True),
        ('"Response Time" shall mean the time taken to answer.', True),
        ("The Supplier shall provide the Services described in Schedule 1.", False),
        ("Each party means to act in good faith.", False),
    ],
)
def test_is_definition(body, expected):
    from bpo_lint.nlp.headings import is_definition

    assert is_definition(body) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # What AREAS.md means by scope and by service levels, not a word that merely looks alike.
        ("Scope of Warranty", ()),
        ("Outsourcing Base Agreement", ()),
        ("Consulting Services", ("scope_of_services",)),
        ("Quality of the Crude Oil", ()),
        ("Credit Quality of the Client", ()),
        ("Quality Assurance", ("service_levels",)),
        ("Availability of Spare Parts", ()),
        ("System Availability", ("service_levels",)),
        ("Rights in Deliverables", ("intellectual_property",)),
        ("Deliverables", ("scope_of_services",)),
    ],
)
def test_heading_cues_mean_the_area_not_a_lookalike(title, expected):
    from bpo_lint.nlp.headings import heading_areas

    assert heading_areas(title, AREAS) == expected


@pytest.mark.parametrize(
    "title", ["Representations and Warranties", "Contractor's Warranties", "Limited Warranty"]
)
def test_warranty_articles_are_judged_clause_by_clause(title):
    assert heading_kind(title, AREAS) == ("general", ())


def test_a_markdown_bold_defined_term_is_a_definition():
    from bpo_lint.nlp.headings import is_definition

    assert is_definition('**"Service"** means the software and support described in an Order.')
    assert not is_definition("**Service.** The Supplier shall provide the support services.")
