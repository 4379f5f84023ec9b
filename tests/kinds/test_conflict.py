"""The conflict kind and the rules built on it: same subject, different values."""

from __future__ import annotations

import pytest

from bpo_lint.kinds.base import Context, Rule
from bpo_lint.kinds.conflict import KIND, ConflictOptions, claims
from tests.kinds.contradiction_helpers import doc_of, run

TERMINATION = "contradictions.termination-notice"


def test_reports_the_later_clause_and_names_the_earlier_one():
    text = (
        "## 12. Termination\n\n"
        "12.1 Either party may terminate this Agreement for convenience upon thirty (30) days' "
        "prior written notice.\n\n"
        "## 18. General\n\n"
        "18.2 Either party may terminate this Agreement for convenience on ninety (90) days' "
        "written notice.\n"
    )
    (f,) = run(TERMINATION, text)
    assert f.message == "Termination notice is 90 days here but 30 days in 12.1."
    assert f.location.section == "18.2"
    assert f.excerpt == "ninety (90) days"
    assert len(f.related) == 1 and f.related[0].section == "12.1"
    assert f.category == "contradiction" and f.severity == "error"


@pytest.mark.parametrize(
    "second",
    [
        # another party's notice is a different subject
        "The Supplier may terminate this Agreement for convenience on 90 days' written notice.",
        # a cure period is not a convenience notice
        "Either party may terminate this Agreement if the other party materially breaches it and "
        "fails to cure the breach within 90 days after written notice.",
        # one month and thirty days are the same period
        "The Client may terminate this Agreement for convenience on one month's written notice.",
        # a statement of work is not the agreement
        "The Client may terminate any Statement of Work for convenience on 90 days' notice.",
        # no ground stated in one clause, convenience in the other
        "The Client may terminate this Agreement on 90 days' written notice.",
    ],
)
def test_different_subjects_are_not_compared(second):
    first = "The Client may terminate this Agreement for convenience upon 30 days' written notice."
    assert run(TERMINATION, f"{first}\n\n{second}\n") == []


def test_two_values_in_one_sentence_are_a_case_and_an_exception():
    text = (
        "The Client shall pay each invoice within 30 days of receipt of the invoice, or within "
        "60 days of receipt of the invoice where the invoice exceeds the monthly budget.\n"
    )
    assert run("contradictions.payment-due", text) == []


def test_a_repeated_conflict_is_reported_once():
    text = (
        "Either party may terminate this Agreement for convenience upon 30 days' notice.\n\n"
        "Either party may terminate this Agreement for convenience upon 90 days' notice.\n\n"
        "Either party may terminate this Agreement for convenience upon 30 days' notice.\n"
    )
    assert [f.excerpt for f in run(TERMINATION, text)] == ["90 days"]


@pytest.mark.parametrize(
    ("rule_id", "first", "second", "message"),
    [
        (
            "contradictions.payment-due",
            "The Client shall pay each invoice within thirty (30) days of the invoice date.",
            "Invoices are payable within forty-five (45) days of the invoice date.",
            "Payment is due within 45 days here but within 30 days in",
        ),
        (
            "contradictions.cure-period",
            "Either party may terminate this Agreement if the other party materially breaches this "
            "Agreement and fails to cure the breach within 30 days after notice.",
            "Either party may terminate this Agreement if the other party materially breaches this "
            "Agreement and the breach remains uncured for 15 days after notice.",
            "The cure period is 15 days here but 30 days in",
        ),
        (
            "contradictions.term-length",
            "This Agreement shall continue for an initial term of three (3) years.",
            "The initial term of this Agreement is five (5) years.",
            "The initial term is 5 years here but 3 years in",
        ),
        (
            "contradictions.renewal-notice",
            "This Agreement renews for successive one-year terms unless either party gives notice "
            "of non-renewal at least 60 days before the end of the then-current term.",
            "Either party may elect not to renew this Agreement by notice given at least 90 days "
            "before the end of the then-current term.",
            "Notice of non-renewal is 90 days here but 60 days in",
        ),
        (
            "contradictions.liability-cap",
            "In no event shall the Supplier's total liability hereunder exceed $500,000.",
            "The Supplier's aggregate liability under this Agreement shall not exceed $750,000.",
            "The liability cap is USD 750,000 here but USD 500,000 in",
        ),
        (
            "contradictions.late-interest",
            "Overdue amounts bear interest at 1.5% per month.",
            "Any amount not paid when due bears interest at the rate of 24% per annum.",
            "Late-payment interest is 24% per year here but 1.5% per month in",
        ),
        (
            "contradictions.audit-notice",
            "The Client may audit the Supplier's records upon thirty (30) days' prior notice.",
            "The Client may audit the Supplier's records on ten (10) days' notice.",
            "Audit notice is 10 days here but 30 days in",
        ),
        (
            "contradictions.breach-notification",
            "The Supplier shall notify the Client of any Security Breach within 24 hours.",
            "The Supplier shall notify the Client of a personal data breach within 72 hours.",
            "Breach notification is due within 72 hours here but within 24 hours in",
        ),
    ],
)
def test_each_subject_rule_finds_its_conflict(rule_id, first, second, message):
    text = f"## 1. First\n\n{first}\n\n## 2. Second\n\n{second}\n"
    (f,) = run(rule_id, text)
    assert f.message.startswith(message)
    assert f.location.section == "2"


def test_late_interest_rates_agree_once_annualised():
    text = (
        "Overdue amounts bear interest at 1.5% per month.\n\n"
        "Any amount not paid when due bears interest at the rate of 18% per annum.\n"
    )
    assert run("contradictions.late-interest", text) == []


def test_breach_notice_to_an_authority_is_another_subject():
    text = (
        "The Supplier shall notify the Client of any Security Breach within 24 hours.\n\n"
        "The Supplier shall notify the supervisory authority of a personal data breach within "
        "72 hours.\n"
    )
    assert run("contradictions.breach-notification", text) == []


def test_options_validate_themselves():
    with pytest.raises(ValueError, match="value must be one of"):
        ConflictOptions(value="length")
    with pytest.raises(ValueError, match="bad regex"):
        ConflictOptions(sentence="(unclosed")
    with pytest.raises(ValueError, match=r"keys\.ground"):
        ConflictOptions(keys={"ground": "convenience"})


def test_claims_are_grouped_by_party_and_keys():
    opts = ConflictOptions(
        sentence="terminat",
        after=r"\s*(?:['’]s?)?\s*(?:written\s+)?notice",
        party=True,
        keys={"ground": {"convenience": "convenience"}},
    )
    doc = doc_of(
        "The Client may terminate for convenience on 30 days' notice.\n\n"
        "The Supplier may terminate on 60 days' notice.\n"
    )
    found = claims(opts, Context(doc))
    assert [(c.value.amount, c.key) for c in found] == [
        (30, ("convenience", "client")),
        (60, ("", "supplier")),
    ]
    rule = Rule("t.x", "conflict", "{value} vs {other}", "error", "contradiction", opts)
    assert list(KIND.check(rule, Context(doc))) == []
