"""Repeated article headings within one part of an agreement."""

from __future__ import annotations

from tests.kinds.hygiene_helpers import findings

HEADING = "structure.duplicate-heading"


def test_duplicate_article_heading_but_not_sub_clause_titles():
    text = (
        "## 1. Confidentiality\n\nKeep secrets.\n\n## 2. Charges\n\nPay.\n\n"
        "## 3. Confidentiality\n\nStill keep secrets."
    )
    found = findings(HEADING, text)
    assert len(found) == 1 and found[0].location.section == "3"
    sub = "## 1. Services\n\n1.1 General. Do it.\n\n## 2. Charges\n\n2.1 General. Pay it."
    assert findings(HEADING, sub) == []


def test_reserved_headings_are_not_repeats_but_case_and_punctuation_do_not_hide_one():
    reserved = "## 1. Reserved\n\nNothing.\n\n## 2. Charges\n\nPay.\n\n## 3. Reserved\n\nNothing."
    assert findings(HEADING, reserved) == []
    cased = (
        "## 1. Confidentiality.\n\nKeep.\n\n## 2. Charges\n\nPay.\n\n## 3. CONFIDENTIALITY\n\nKeep."
    )
    found = findings(HEADING, cased)
    assert len(found) == 1 and found[0].location.section == "3"
