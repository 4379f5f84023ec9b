"""Undefined capitalised terms, unused and lower-case defined terms, terms defined elsewhere."""

from __future__ import annotations

import time

from bpo_lint.kinds.capitalised import is_name, variants
from tests.kinds.hygiene_helpers import doc_of, findings

DEFS = (
    '## 1. Definitions\n\n"Services" means the support services.\n\n'
    '"Charges" means the fees for the Services.\n\n'
    '"Effective Date" means 1 March 2026.\n\n'
)


def test_variants_cover_plural_and_singular():
    assert {"Party", "Parties"} <= variants("Party") and "Service" in variants("Services")


def test_names_of_laws_places_and_documents_are_not_terms():
    assert is_name("Data Protection Act") and is_name("New York") and is_name("Purchase Agreement")
    assert not is_name("Key Personnel")


def test_undefined_term_is_reported_once_with_its_other_uses():
    text = (
        DEFS
        + "## 2. Staff\n\n2.1 The Key Personnel serve the Services.\n\n"
        + "2.2 Any Key Personnel may leave."
    )
    found = findings("definitions.undefined", text)
    assert len(found) == 1 and '"Key Personnel"' in found[0].message and len(found[0].related) == 1


def test_defined_headed_quoted_and_allowed_phrases_are_not_reported():
    text = (
        DEFS + '## 2. Staff\n\n2.1 The staff (the "Key Personnel") serve.\n\n'
        "2.2 The Key Personnel and the Service Manager comply with the Data Protection Act.\n\n"
        "2.3 The Account Team meets monthly."
    )
    found = findings("definitions.undefined", text, allowed_terms=frozenset({"account team"}))
    assert found == []  # "Service Manager" holds the defined "Service"; the Act is a name


def test_terms_defined_elsewhere_silence_the_undefined_rule():
    text = (
        "## 1. Terms\n\nCapitalised terms used here have the meanings given in the Cover Page.\n\n"
        + DEFS
        + "## 2. Staff\n\n2.1 The Key Personnel serve."
    )
    assert findings("definitions.undefined", text) == []
    elsewhere = findings("definitions.defined-elsewhere", text)
    assert len(elsewhere) == 1 and "Cover Page" in elsewhere[0].message


def test_unused_term_but_not_plural_or_pointer_definitions():
    text = (
        DEFS + '"Service Credit" means a reduction.\n\n"Fee" means a charge.\n\n'
        '"Deposit" has the meaning given in Section 2.1.\n\n'
        "## 2. Payment\n\n2.1 Fees and Charges are due from the Effective Date for the Services."
    )
    found = findings("definitions.unused", text)
    assert [f.message for f in found] == ['"Service Credit" is defined but never used.']


def test_lowercase_use_of_a_multiword_term_after_the():
    body = "## 2. Term\n\n2.1 It starts on the Effective Date.\n\n"
    body += "2.2 Fees run from the Effective Date.\n\n"
    found = findings(
        "definitions.lowercase", DEFS + body + "2.3 Prices hold from the effective date."
    )
    assert len(found) == 1 and found[0].severity == "info" and found[0].excerpt == "effective date"
    assert (
        findings("definitions.lowercase", DEFS + body + "2.3 Its own effective date differs.") == []
    )


def test_good_fixture_has_no_definitions_findings():
    from bpo_lint.readers import read_document
    from bpo_lint.sections import split_sections
    from tests.conftest import FIXTURES

    doc = split_sections(read_document(str(FIXTURES / "good-msa.md")))
    for rule_id in ("undefined", "unused", "lowercase", "defined-elsewhere"):
        assert findings(f"definitions.{rule_id}", doc) == [], rule_id
    assert doc_of("x").text == "x"


def test_terms_defined_in_passing_are_known():
    text = DEFS + (
        "## 2. Staff\n\n2.1 The Account Managers (as defined in Section 3) meet.\n\n"
        "2.2 The Local Area Network (LAN) is the Services network.\n\n"
        "2.3 The Local Area Network is monitored. The Account Managers report."
    )
    assert findings("definitions.undefined", text) == []


def test_singular_and_plural_of_one_undefined_term_give_one_finding():
    text = DEFS + "## 2. Tax\n\n2.1 All the Tax Returns are filed.\n\n2.2 No Tax Return is late."
    found = findings("definitions.undefined", text)
    assert len(found) == 1 and "(2" not in found[0].message and len(found[0].related) == 1


def test_a_phrase_only_used_to_modify_a_noun_is_a_name():
    text = DEFS + "## 2. Tools\n\n2.1 The supplier uses the Path Clear software for the Services."
    assert findings("definitions.undefined", text) == []
    text += "\n\n2.2 The Path Clear shall be licensed."
    assert len(findings("definitions.undefined", text)) == 1


def test_long_runs_without_spaces_are_scanned_in_linear_time():
    # A capital then 96 KB of underscores or capitals used to take over half a minute.
    from bpo_lint.kinds.base import Context
    from bpo_lint.kinds.capitalised import known_terms

    for run in (" A" + "_" * 96_000, "A" * 96_000):
        doc = doc_of(DEFS + "## 2. Blank\n\n2.1 " + run + '\n\n2.2 "Fee" means the fee.')
        start = time.perf_counter()
        assert "Fee" in known_terms(Context(doc=doc))
        assert time.perf_counter() - start < 2


def test_a_term_used_by_its_initials_or_respaced_is_used():
    text = DEFS + (
        '"Managed Network Provider" means the carrier.\n\n"Hub/R2D2" means the router.\n\n'
        '"Spare Parts Pool" means the stock of parts.\n\n'
        "## 2. Network\n\n2.1 The MNP runs Hub/r2 d 2 for the Services from the Effective Date."
        "\n\n2.2 The Charges cover it. The SPP is an acronym in lower-case letters elsewhere: spp."
    )
    unused = [f.excerpt for f in findings("definitions.unused", text)]
    assert unused == []
    # initials written in lower case are an ordinary word, not the term
    text = text.replace("The SPP is", "The pool is")
    assert [f.excerpt for f in findings("definitions.unused", text)] == ["Spare Parts Pool"]


def test_lower_case_words_naming_another_thing_are_not_reported():
    uses = "2.1 It starts on the Effective Date.\n\n2.2 Fees run from the Effective Date.\n\n"
    for other in (
        "the effective date of termination",
        "the effective date for the new prices",
        "the effective date as notified",
    ):
        text = DEFS + "## 2. Term\n\n" + uses + f"2.3 Fees due before {other} stay due."
        assert findings("definitions.lowercase", text) == [], other
    # a date "of this Agreement" is the defined one; other nouns keep their meaning with "of"
    text = (
        DEFS
        + "## 2. Term\n\n"
        + uses
        + "2.3 Prices hold from the effective date of this Agreement."
    )
    assert len(findings("definitions.lowercase", text)) == 1
    info = '"Confidential Information" means marked information.\n\n'
    body = "## 2. Secrecy\n\n2.1 Keep the Confidential Information safe.\n\n"
    body += "2.2 Return the Confidential Information.\n\n2.3 Do not copy the confidential "
    body += "information of the other party."
    assert len(findings("definitions.lowercase", DEFS + info + body)) == 1


def test_a_description_named_later_in_its_sentence_is_not_reported():
    text = DEFS + (
        '## 2. Desk\n\n2.1 The help desk in Schedule 2 (the "Help Desk") opens on the Effective'
        " Date.\n\n2.2 The Help Desk is charged. The Help Desk is reviewed.\n\n"
        "2.3 The Help Desk is renewed.\n\n2.4 The Help Desk closes on holidays."
    )
    assert findings("definitions.lowercase", text) == []
    found = findings(
        "definitions.lowercase", text.replace("2.4 The Help Desk", "2.4 The help desk")
    )
    assert [f.location.section for f in found] == ["2.4"]


def test_quoted_words_of_a_sentence_are_not_unused_terms():
    text = DEFS + (
        '## 2. Scope\n\n2.1 The parts listed as ("Spares held in stock by the supplier") are'
        " repaired for the Charges from the Effective Date.\n\n"
        '2.2 "Service Window" means 8:00 to 18:00.'
    )
    found = [f.excerpt for f in findings("definitions.unused", text)]
    assert found == ["Service Window"]
