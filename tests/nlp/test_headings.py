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
