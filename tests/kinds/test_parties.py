"""One party under several names: role words of the same side, and company suffix spellings."""

from __future__ import annotations

from bpo_lint.kinds.parties import PartyOptions
from tests.kinds.hygiene_helpers import findings

RULE = "consistency.party-names"
PREAMBLE = (
    'This agreement is made between Oakfield Retail Corporation (the "Customer") and '
    'Pemberton Support Limited (the "Supplier").\n\n'
)


def test_role_synonym_reported_once_with_the_definition_as_related():
    text = PREAMBLE + (
        "## 1. Services\n\n1.1 The Vendor shall answer calls.\n\n"
        "1.2 The Vendor shall keep records.\n\n"
        "## 2. Charges\n\n2.1 The Customer shall pay the Supplier."
    )
    found = findings(RULE, text)
    assert len(found) == 1 and '"Vendor"' in found[0].message and "(2 times)" in found[0].message
    assert found[0].related and found[0].related[0].line == 1


def test_defined_or_embedded_role_words_are_not_reported():
    text = PREAMBLE + (
        '## 1. Services\n\n1.1 The Supplier appoints a reseller (the "Vendor").\n\n'
        "1.2 The Vendor shall answer calls through an Internet Service Provider.\n\n"
        "1.3 Client contact handling is included."
    )
    assert findings(RULE, text) == []


def test_company_suffix_spelled_another_way():
    text = PREAMBLE + "## 1. Signatures\n\nSigned for Oakfield Retail Corp. by its director."
    found = findings(RULE, text)
    assert len(found) == 1 and "Oakfield Retail Corp" in found[0].message


def test_options_validate_role_groups():
    import pytest

    with pytest.raises(ValueError):
        PartyOptions(role_groups=(("Supplier",),))


def test_company_suffix_abbreviated_in_a_notice_address_is_not_reported():
    preamble = (
        'This agreement is made between Oakfield Retail Corporation (the "Customer") and '
        'Pemberton Support Limited (the "Supplier").\n\n## 1. Services\n\n1.1 The Supplier works.'
    )
    for tail in (
        "\n\n## 2. Notices\n\n2.1 Write to Oakfield Retail Corp., 1 High Street.",
        "\n\n## 2. General\n\n2.1 Copies go to 1 High Street, Attn: Legal, Oakfield Retail Corp.",
    ):
        assert findings("consistency.party-names", preamble + tail) == [], tail
    signed = preamble + "\n\n## 2. Signatures\n\nSigned for Oakfield Retail Corp. by its director."
    assert len(findings("consistency.party-names", signed)) == 1
