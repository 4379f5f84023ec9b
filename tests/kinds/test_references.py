"""Cross-references to clauses and attachments that the document does not contain."""

from __future__ import annotations

import time

import pytest

from bpo_lint.kinds.labels import att_label, document_labels, num_key, roman
from tests.kinds.hygiene_helpers import clauses, doc_of, findings

RULE = "references.missing-target"


def targets(text: str) -> list[str]:
    return [f.message.split(" is referred")[0] for f in findings(RULE, text)]


def test_labels_normalise_numbers_and_roman_numerals():
    assert num_key("4.02") == (4, 2) and num_key("4.2.") == (4, 2) and num_key("4A") is None
    assert roman("IV") == 4 and roman("XIV") == 14 and roman("ABC") is None
    assert att_label("ii") == "2" and att_label("c") == "C"


def test_document_labels_include_lines_the_sectioner_did_not_split():
    doc = doc_of(clauses("Services.", "Charges.", "Term.") + "\n\nSchedule 2 - Prices\n")
    labels = document_labels(doc)
    assert (2, 1) in labels.nums and ("schedule", "2") in labels.atts


def test_reports_missing_section_and_schedule_once_each():
    text = clauses(
        "Subject to Section 7.2, the supplier provides the services in Schedule 5.",
        "Section 7.2 and Schedule 5 apply again here.",
        "The term is two years.",
    )
    found = findings(RULE, text)
    assert sorted(f.message.split(" is referred")[0] for f in found) == [
        "Schedule 5",
        "Section 7.2",
    ]
    assert all(f.severity == "error" and len(f.related) == 1 for f in found)


@pytest.mark.parametrize(
    "ref",
    [
        "Section 2.1",
        "Section 2.1(b)",  # resolved by its clause when sub-clauses are not split
        "Clause 3",
        "Sections 1 through 3",
        "Article 2",
        "Section 4.2 of the Statement of Work",
        "Section 2.1 of the Order Form",
        "section 1981 of the Code",
        "Article 28 GDPR",
        "Code Section 409A",
        "Schedule 13D",
        "this Section",
    ],
)
def test_existing_and_external_references_are_not_reported(ref):
    assert targets(clauses(f"As {ref} says, the supplier acts.", "Charges.", "Term.")) == []


def test_range_checks_both_ends():
    text = clauses("Sections 2 through 6 survive.", "Charges.", "Term.")
    assert targets(text) == ["Section 6"]


def test_roman_article_resolves_against_articles():
    text = (
        "## Article I Services\n\nThe supplier acts under Article II and Article IV.\n\n"
        "## Article II Charges\n\nThe customer pays.\n\n## Article III Term\n\nTwo years."
    )
    assert targets(text) == ["Article IV"]


def test_few_numbered_sections_means_no_clause_checks():
    assert targets("The supplier shall comply with Section 12.4.\n\nThe customer pays.") == []


def test_amendment_section_references_point_into_the_amended_agreement():
    text = "# First Amendment\n\n" + clauses("Section 9.3 is deleted.", "Charges.", "Term.")
    assert targets(text) == []


def test_section_resolves_through_its_clauses_and_titles_are_not_labels():
    text = clauses("Either party may give notice under section 2.", "Charges.", "Term.")
    assert targets(text) == []  # 2.1 exists, so Section 2 does
    text = clauses("Prices are in the Pricing Schedule 50 of the rate card.", "Charges.", "Term.")
    assert targets(text) == []


def test_table_of_contents_lines_are_not_references():
    text = "1.5  Exhibits   11\n\n1.6  Applicable Law   12\n\n" + clauses(
        "Services.", "Fees.", "Term."
    )
    assert targets(text) == []


def test_self_reference_and_a_heading_above_a_numbered_clause_are_not_references():
    text = clauses("Contracts disclosed under this Exhibit 1 are listed.", "Fees.", "Term.")
    assert targets(text) == []
    assert (
        targets(clauses("Services.", "Fees.", "Term.") + "\n\nSERVICE LEVEL SCHEDULE\n\n1. General")
        == []
    )


def test_a_series_of_attachments_of_another_document_is_external():
    text = clauses(
        "The form holds Annex I, Annex II, and Annex III of the Clauses.", "Fees.", "Term."
    )
    assert targets(text) == []


def test_thousands_of_back_to_back_references_are_checked_in_linear_time():
    # Each reference used to walk the whole series after it: 8,000 took about a minute.
    doc = doc_of(clauses("See " + "Annex 1 " * 8000 + "of the Clauses.", "Fees.", "Term."))
    start = time.perf_counter()
    assert targets(doc) == []
    assert time.perf_counter() - start < 3


@pytest.mark.parametrize(
    "ref",
    [
        "Section 6.4 (Record Keeping), Section 6.5 (Liability) and Section 6.6 (Audit) of the"
        " Master Agreement",
        "Section 8.2 (Governing Law) through Section 8.9 (Drafting) of the Master Agreement",
        "ARTICLE 34 OF THE LABOUR CODE",
        "the suppliers listed on Schedule 7 thereto",
    ],
)
def test_series_with_titles_capitals_and_thereto_point_elsewhere(ref):
    assert targets(clauses(f"As {ref} provides, the supplier acts.", "Fees.", "Term.")) == []


def test_a_capitals_title_before_an_attachment_word_is_a_name():
    text = "CLAUSE 9 CHARGES SCHEDULE 33\n\n" + clauses("Services.", "Fees.", "Term.")
    assert targets(text) == []


def test_an_article_exists_when_its_clauses_do():
    text = (
        "ARTICLE I SERVICES\n\n1.1 The supplier acts.\n\nARTICLE II FEES\n\n2.1 The customer pays."
        "\n\n3.1 Either party may end this agreement under Article 3 or Article 5."
    )
    assert targets(text) == ["Article 5"]


def test_an_amendment_refers_to_the_amended_agreements_attachments():
    head = "# Amendment No. 2\n\n"
    text = head + clauses("Exhibit A is amended to add the new site.", "Fees.", "Term.")
    assert targets(text) == []
    text = head + clauses("The new prices are attached hereto as Exhibit C.", "Fees.", "Term.")
    assert targets(text) == ["Exhibit C"]


def test_labels_of_clauses_run_into_one_line_and_dashed_attachment_headings():
    text = (
        "SECTION 1. SERVICES Section 1.1 The agent sells the shares. Section 1.2 The agent"
        " reports monthly under Section 1.1 and Schedule B.\n\n"
        + clauses("Fees.", "Term.", "Law.").replace("## 1.", "## 2.", 1)
        + "\n\nSCHEDULE - B Reports\n\nThe report lists sales."
    )
    labels = document_labels(doc_of(text))
    assert {(1, 1), (1, 2)} <= labels.nums and ("schedule", "B") in labels.atts
