"""Defined terms and the "defined twice with different meanings" rule."""

from __future__ import annotations

from bpo_lint.kinds.base import Context
from bpo_lint.kinds.terms import defined_terms, extract_defined_terms
from tests.kinds.contradiction_helpers import doc_of, run

TEXT = (
    "This Agreement is made between Acme Ltd, a company registered in England "
    '(the "Supplier"), and Beta Inc. ("Client").\n\n'
    '"Affiliate" means any entity that controls a party.\n\n'
    "“Business Day” shall mean a day other than a Saturday or Sunday.\n\n"
    "The services in each statement of work (each, a "
    '"Service" and collectively, the "Services") are provided.\n\n'
    '"Charges" has the meaning given in Schedule 3.\n'
)


def test_extracts_every_style_of_definition():
    doc = doc_of(TEXT)
    found = {d.term: d for d in extract_defined_terms(doc)}
    assert set(found) == {
        "Supplier",
        "Client",
        "Affiliate",
        "Business Day",
        "Service",
        "Services",
        "Charges",
    }
    aff = found["Affiliate"]
    assert doc.text[aff.start : aff.end] == "Affiliate"
    assert doc.text[aff.definition_start : aff.definition_end].strip() == (
        "any entity that controls a party."
    )
    assert found["Supplier"].style == "paren"
    assert "Acme Ltd" in doc.text[found["Supplier"].definition_start : found["Supplier"].end]
    assert "Beta Inc." in doc.text[found["Client"].definition_start : found["Client"].end]


def test_definitions_table_rows():
    text = (
        "# 1. Definitions\n\n| Term | Meaning |\n|---|---|\n| Deliverable | anything delivered |\n"
    )
    terms = [d for d in extract_defined_terms(doc_of(text)) if d.style == "table"]
    assert [t.term for t in terms] == ["Deliverable"]


def test_defined_terms_are_memoised_per_document():
    ctx = Context(doc_of(TEXT))
    assert defined_terms(ctx) is defined_terms(ctx)


RULE = "contradictions.defined-twice"


def test_a_term_defined_twice_differently():
    text = (
        '## 1. Definitions\n\n"Business Day" means a day other than a Saturday or Sunday.\n\n'
        '## 9. Service Levels\n\n"Business Day" means Monday to Friday, 8 am to 6 pm.\n\n'
        '## 10. Reports\n\n"Business Day" means any day on which banks open in London.\n'
    )
    (f,) = run(RULE, text)  # one finding per term, however many copies
    assert f.location.section == "9"
    assert f.message.startswith('"Business Day" is defined again here')


def test_same_meaning_cross_reference_or_proviso_is_not_reported():
    text = (
        '"Business Day" means a day other than a Saturday or Sunday.\n\n'
        '"Business Day" means a day other than a Saturday or Sunday.\n\n'
        '"Business Day" has the meaning given in Section 1.\n\n'
        '"Benchmark" means the base rate; but if the base rate ends, then "Benchmark" means the '
        "replacement rate.\n"
    )
    assert run(RULE, text) == []


SERVICE_LEVELS = (
    '## Schedule 2: Service Levels\n\n"Uptime" means that the measured service is reachable by '
    "the Customer.\n\n"
    'The "Portal Service Level" means that the Billing Portal shall have 99.5% Uptime. '
    '"Uptime" means that the Billing Portal accepts log-ins and returns invoices.\n\n'
    'The "Payroll Service Level" means that the Payroll Engine shall have 99.9% Uptime. '
    '"Uptime" means that the Payroll Engine accepts and completes payroll runs.\n'
)


def test_a_definition_local_to_one_item_of_a_schedule_is_not_a_second_meaning():
    assert run(RULE, SERVICE_LEVELS) == []


def test_a_second_general_definition_in_a_schedule_is_still_reported():
    text = SERVICE_LEVELS + '\n\n"Uptime" means the hours from 8 am to 6 pm on Business Days.\n'
    (f,) = run(RULE, text)
    # the local definitions of sections A and B are not the general one it contradicts
    assert (f.location.line, [r.line for r in f.related]) == (10, [3])
