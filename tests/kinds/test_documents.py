"""Order of precedence, expiry before the effective date, and renewal notice vs renewal term."""

from __future__ import annotations

import datetime as dt

from bpo_lint.kinds.dates import parse_date
from bpo_lint.kinds.precedence import referenced_documents
from tests.kinds.contradiction_helpers import run

PRECEDENCE = "contradictions.order-of-precedence"


def test_referenced_documents_are_named_once_each():
    text = "See Schedule 3, Schedule 3 again, Exhibit A, each Statement of Work and an Order Form."
    assert list(referenced_documents(text)) == [
        "schedule 3",
        "exhibit A",
        "statement of work",
        "order",
    ]


def test_no_precedence_clause():
    text = "The Services are described in each Statement of Work and the Charges in Schedule 2.\n"
    (f,) = run(PRECEDENCE, text)
    assert "2 other documents (statement of work, schedule 2)" in f.message


def test_precedence_clause_present_or_too_few_documents():
    with_clause = (
        "The Services are described in each Statement of Work and the Charges in Schedule 2.\n\n"
        "In the event of any conflict between this Agreement and a Statement of Work, this "
        "Agreement shall prevail.\n"
    )
    assert run(PRECEDENCE, with_clause) == []
    assert run(PRECEDENCE, "The Charges are in Schedule 2 and the Services in Schedule 1.\n") == []


SCHEDULES_ONLY = (
    "Example Schedules\n\n## Schedule 1: Processing Details\n\nThe data are listed in Schedule 2."
    "\n\n## Schedule 2: Data Categories\n\nContact details; see Annex 1 and Schedule 3.\n\n"
    "## Schedule 3: Security Measures\n\nEncryption at rest.\n"
)


def test_a_set_of_schedules_alone_needs_no_precedence_clause():
    assert run(PRECEDENCE, SCHEDULES_ONLY) == []
    # the same schedules after an agreement body are the usual case, and are reported
    body = "## 1. Services\n\n" + "The Supplier shall provide the Services. " * 40 + "\n\n"
    (f,) = run(PRECEDENCE, body + SCHEDULES_ONLY.split("\n\n", 1)[1])
    assert "4 other documents (schedule 1, schedule 2, annex 1, schedule 3)" in f.message


def test_self_reference_and_contents_page_numbers_are_not_documents():
    text = "This Statement of Work covers Schedule A. Contents: Pricing Schedule 50, Annex 2"
    assert list(referenced_documents(text)) == ["schedule A", "annex 2"]


def test_the_finding_points_at_a_reference_in_the_body_not_the_contents():
    text = (
        "Contents: Schedule A Assets, Schedule B Service Levels, Schedule C Charges\n\n"
        "## 1. Services\n\nThe Supplier maintains the assets in Schedule A to the levels in "
        "Schedule B for the Charges in Schedule C.\n"
    )
    (f,) = run(PRECEDENCE, text)
    assert (f.location.section, f.excerpt) == ("1", "Schedule A")
    assert [r.line for r in f.related] == [1, 1]


def test_parse_date_formats():
    assert parse_date("March 1, 2025") == dt.date(2025, 3, 1)
    assert parse_date("1st day of March, 2025") == dt.date(2025, 3, 1)
    assert parse_date("2025-03-01") == dt.date(2025, 3, 1)
    assert parse_date("February 30, 2025") is None


EXPIRY = "contradictions.expiry-before-effective"


def test_expiry_before_effective_date():
    text = (
        'This Agreement is effective as of March 1, 2025 (the "Effective Date").\n\n'
        "## 3. Term\n\nThis Agreement expires on February 28, 2024.\n"
    )
    (f,) = run(EXPIRY, text)
    assert f.message.startswith("The agreement expires on 2024-02-28, before its effective date")


def test_expiry_of_something_else_is_ignored():
    text = (
        "This Agreement is effective as of March 1, 2025.\n\n"
        "The licence to the legacy software expires on 31 December 2024.\n\n"
        "This Agreement expires on March 1, 2028.\n"
    )
    assert run(EXPIRY, text) == []


WINDOW = "contradictions.renewal-window"


def test_notice_longer_than_renewal_term():
    text = (
        "This Agreement renews automatically for successive periods of one (1) month. Either "
        "party may prevent a renewal by giving notice of non-renewal at least ninety (90) days "
        "before the end of the then-current term.\n"
    )
    (f,) = run(WINDOW, text)
    assert f.message.startswith("Notice of non-renewal (90 days) is longer than the renewal term")


def test_notice_within_renewal_term():
    text = (
        "This Agreement renews automatically for successive periods of one (1) year. Either "
        "party may prevent a renewal by giving notice of non-renewal at least ninety (90) days "
        "before the end of the then-current term.\n"
    )
    assert run(WINDOW, text) == []
