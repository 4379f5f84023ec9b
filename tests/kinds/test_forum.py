"""Governing law, exclusive venue, and courts alongside arbitration."""

from __future__ import annotations

import pytest

from bpo_lint.kinds.base import Context
from bpo_lint.kinds.law_venue import governing_laws, place_words
from tests.kinds.contradiction_helpers import doc_of, run

LAW = "contradictions.governing-law"
VENUE = "contradictions.exclusive-venue"
COURTS = "contradictions.court-arbitration"


def test_two_governing_laws():
    text = (
        "## 1. Law\n\nThis Agreement is governed by the laws of the State of New York.\n\n"
        "## 2. Other\n\nThis Agreement shall be governed by the laws of England and Wales.\n"
    )
    (f,) = run(LAW, text)
    assert "England and Wales" in f.message and "State of New York" in f.message
    assert f.location.section == "2" and f.related[0].section == "1"


@pytest.mark.parametrize(
    "second",
    [
        "Any dispute under this Agreement is governed by the laws of New York, without regard to "
        "its conflict of laws rules.",
        "The Standard Contractual Clauses shall be governed by the laws of Ireland.",
        "This Agreement is governed by the federal laws of the United States.",
        "The Supplier shall process personal data in accordance with the laws of Ireland.",
    ],
)
def test_same_or_partial_law_is_not_a_conflict(second):
    first = "This Agreement is governed by the laws of the State of New York."
    assert run(LAW, f"{first}\n\n{second}\n") == []


def test_a_law_in_an_exhibit_is_not_compared_with_the_body():
    text = (
        "## 1. Law\n\nThis Agreement is governed by the laws of the State of New York.\n\n"
        "# Exhibit A\n\nForm of Guarantee\n\n"
        "This Agreement is governed by the laws of the State of Texas.\n"
    )
    doc = doc_of(text)
    assert len(governing_laws(Context(doc))) == 2
    assert run(LAW, text) == []


def test_place_words_ignore_the_kind_of_place():
    assert place_words("the State of New York") == {"new", "york"}
    assert place_words("New York County, New York") == {"new", "york"}


def test_two_exclusive_venues():
    text = (
        "The parties submit to the exclusive jurisdiction of the courts of Delaware for any "
        "dispute arising under this Agreement.\n\n"
        "The courts of England shall have exclusive jurisdiction over any claim under this "
        "Agreement.\n"
    )
    (f,) = run(VENUE, text)
    assert "England" in f.message and "Delaware" in f.message


def test_non_exclusive_venue_is_not_compared():
    text = (
        "The parties submit to the exclusive jurisdiction of the courts of Delaware for any "
        "dispute arising under this Agreement.\n\n"
        "The parties submit to the non-exclusive jurisdiction of the courts of England for any "
        "claim under this Agreement.\n"
    )
    assert run(VENUE, text) == []


ARBITRATION = "Any dispute under this Agreement shall be finally resolved by binding arbitration."
COURT = (
    "The parties submit to the exclusive jurisdiction of the courts of the State of New York "
    "for any dispute arising under this Agreement."
)


def test_courts_and_arbitration_without_carve_out():
    (f,) = run(COURTS, f"## 1. Arbitration\n\n{ARBITRATION}\n\n## 2. Courts\n\n{COURT}\n")
    assert f.location.section == "2"
    assert "binding arbitration in 1" in f.message


def test_courts_only_to_enforce_the_award_is_a_carve_out():
    text = (
        f"## 1. Arbitration\n\n{ARBITRATION} Judgment on the award may be entered in any court "
        f"having jurisdiction.\n\n## 2. Courts\n\n{COURT}\n"
    )
    assert run(COURTS, text) == []
