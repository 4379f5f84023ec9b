"""Numbering gaps and duplicates among sibling clauses."""

from __future__ import annotations

from tests.kinds.hygiene_helpers import findings

GAP, DUP = "structure.numbering-gap", "structure.duplicate-number"


def article(numbers: list[str]) -> str:
    lines = [
        f"{n} The supplier shall keep the records that the customer asks for." for n in numbers
    ]
    return "## 8. Termination\n\n" + "\n\n".join(lines)


def test_gap_is_reported_at_the_clause_after_it():
    found = findings(GAP, article(["8.1", "8.2", "8.3", "8.5"]))
    assert [f.message for f in found] == ["Clause numbering jumps from 8.3 to 8.5: 8.4 is missing."]
    assert found[0].location.section == "8.5" and found[0].related


def test_a_branch_that_opens_at_its_second_sub_clause_lost_its_first():
    under_heading = findings(GAP, article(["8.2", "8.3"]))
    assert [f.message for f in under_heading] == [
        "Clause numbering jumps from 8 to 8.2: 8.1 is missing."
    ]
    clause = "{} Title\n\nThe supplier shall keep the records that the customer asks for."
    branches = "\n\n".join(clause.format(n) for n in ["1.1", "1.2", "2.2", "2.3"])
    found = findings(GAP, branches)
    assert [f.message for f in found] == ["Clause numbering jumps from 1.2 to 2.2: 2.1 is missing."]
    assert found[0].location.section == "2.2"
    sched = "## Schedule 1\n\n" + branches
    assert [f.message for f in findings(GAP, sched)] == [
        "Clause numbering jumps from 1.2 to 2.2: 2.1 is missing."
    ]


def test_a_branch_that_opens_at_its_first_sub_clause_or_far_off_is_not_a_gap():
    assert findings(GAP, article(["8.1", "8.2"])) == []
    assert findings(GAP, article(["8.5", "8.6"])) == []  # 8.1 to 8.4 gone: not a gap we trust
    unsplit = "## 8. Termination\n\nThe parties agree as 8.1 says.\n\n" + "\n\n".join(
        f"{n} The supplier shall keep the records that the customer asks for." for n in ["8.2"]
    )
    assert findings(GAP, unsplit) == []


def test_no_gap_in_a_continuous_sequence_or_a_large_jump():
    assert findings(GAP, article(["8.1", "8.2", "8.3", "8.4"])) == []
    assert findings(GAP, article(["8.1", "8.2", "8.9"])) == []  # a jump of 7: not a gap we trust


def test_duplicate_clause_number():
    found = findings(DUP, article(["8.1", "8.2", "8.2", "8.3"]))
    assert len(found) == 1 and "8.2" in found[0].message
    assert findings(DUP, article(["8.1", "8.2", "8.3"])) == []


def test_redacted_or_unsplit_clause_is_not_a_gap():
    redacted = (
        article(["8.1", "8.2"]) + "\n\n[REDACTED]\n\n8.4 The supplier shall keep the records."
    )
    assert findings(GAP, redacted) == []
    glued = (
        article(["8.1", "8.2"]) + "\n\n8.3monitor the records.\n\n8.4 The supplier keeps them all."
    )
    assert findings(GAP, glued) == []


def test_a_contents_list_slip_is_not_a_gap():
    contents = "1.1 Services 2\n\n1.2 Charges 3\n\n1.4 Term 4\n\n"
    found = findings(GAP, contents + article(["8.1", "8.2", "8.3", "8.4"]))
    assert found == []


def test_references_in_a_sentence_are_not_clauses_that_make_a_gap():
    body = [
        "8.1 The supplier keeps records under the Rate Tariff Volume No. 1.   ARTICLE IX - FEES",
        "8.2 EXCEPT AS PROVIDED IN PARAGRAPH 8.04 (EXCLUSIONS), NO WARRANTY IS GIVEN.",
        "8.3 The obligations in Section 11 (Secrecy); and  Section 13 (Non-Solicitation). Apply.",
    ]
    text = "## 8. Termination\n\n" + "\n\n".join(body)
    assert findings(GAP, text) == []
