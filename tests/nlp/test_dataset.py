"""Weak labels, the CUAD clause table, written examples and the split by company."""

from __future__ import annotations

import json

import pytest

from bpo_lint.areas import load_areas
from bpo_lint.nlp.dataset import (
    company,
    cuad_label_examples,
    heading_examples,
    own_text,
    section_labels,
    split_groups,
    unknown_for,
    written_examples,
)
from bpo_lint.nlp.sectioning import sectioned

AREAS = load_areas()

CONTRACT = """1. Termination. 1.1 Term. This Agreement runs for three years from the Effective Date.
1.2 Force Majeure. Neither party is liable for delays caused by events beyond its control.
1.3 Other Matters. The parties will cooperate during any wind-down of the arrangements.
2. Miscellaneous. 2.1 Counterparts. This Agreement may be signed in counterparts by the parties.
2.2 Governing Law. This Agreement is governed by the laws of the State of Delaware.
2.3 Odd Heading. Something that is not about any particular area of the contract at all.
"""


def _labels(text):
    doc = sectioned(text, "<test>")
    return doc, dict(zip((s.id for s in doc.sections), section_labels(doc, AREAS), strict=True))


def test_weak_labels_follow_headings():
    _doc, labels = _labels(CONTRACT)
    assert labels["1"] == ("termination_transition",)
    assert labels["1.1"] == ("termination_transition",)
    assert labels["1.2"] == ()  # Force Majeure: a no-area heading is a negative
    assert labels["1.3"] is None  # an unknown heading is left out, not guessed from its parent
    assert labels["2"] is None  # Miscellaneous is never a negative
    assert labels["2.1"] == ()
    assert labels["2.2"] == ("governance_dispute_resolution",)
    assert labels["2.3"] is None  # unknown under Miscellaneous: left out


def test_heading_examples_use_the_body_without_the_heading(tmp_path):
    path = tmp_path / "ACME_2020-EX-10.1-SERVICES AGREEMENT.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    examples = {e.text[:30]: e for e in heading_examples(path, AREAS)}
    law = next(e for e in examples.values() if "governed by" in e.text)
    assert law.text.startswith("This Agreement is governed")  # heading removed
    assert law.areas == ("governance_dispute_resolution",) and law.group == "ACME"
    parent = next(e for e in examples.values() if e.text.startswith("1.1 Term."))
    assert "three years" in parent.text  # a parent's body includes its subsections


def test_own_text_excludes_heading_and_subsections():
    doc, _ = _labels(CONTRACT)
    first = next(i for i, s in enumerate(doc.sections) if s.id == "1")
    assert "Term." not in own_text(doc, first) and "three years" not in own_text(doc, first)
    sub = next(i for i, s in enumerate(doc.sections) if s.id == "1.1")
    assert own_text(doc, sub).strip().startswith("This Agreement runs for three years")


def test_company_is_the_file_name_prefix():
    assert company("ACMECORP_01_02_2003-EX-10.1-SERVICES AGREEMENT.txt") == "ACMECORP"
    assert company("AcmeInc_20200101_8-K_EX-10.3_123_EX-10.3_Agreement.txt") == "ACMEINC"


def test_split_is_by_group_fixed_and_about_one_fifth_held_out():
    groups = [f"g{i}" for i in range(100)]
    first, again = split_groups(groups, 7), split_groups(reversed(groups), 7)
    assert first == again
    assert 12 <= sum(v == "heldout" for v in first.values()) <= 28
    assert 3 <= sum(v == "dev" for v in first.values()) <= 14
    assert split_groups(groups, 8) != first
    # A group keeps its place when other groups come and go.
    fewer = split_groups(groups[::2], 7)
    assert all(first[g] == where for g, where in fewer.items())


def test_cuad_clause_table(tmp_path):
    path = tmp_path / "master_clauses.csv"
    gl = "['This Agreement is governed by the laws of the State of Ohio, without conflict rules.']"
    path.write_text(
        "Filename,Governing Law,Insurance\n"
        f'KEEPCO_1.pdf,"{gl}","[\'The Supplier shall carry insurance of one million.\']"\n'
        f'DROPCO_2.pdf,"{gl}",[]\n',
        encoding="utf-8",
    )
    examples = list(cuad_label_examples(path, {"KEEPCO_1"}))
    assert [(e.areas, e.group) for e in examples] == [
        (("governance_dispute_resolution",), "KEEPCO"),
        ((), "KEEPCO"),
    ]


def test_written_examples_and_unknown_area(tmp_path):
    rows = [
        {
            "text": "The Customer shall pay invoices within 30 days.",
            "areas": ["pricing_payment"],
            "source": "written",
        }
    ]
    (tmp_path / "pricing_payment.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows), encoding="utf-8"
    )
    [example] = written_examples(tmp_path)
    assert example.areas == ("pricing_payment",) and example.source == "written"
    (tmp_path / "bad.jsonl").write_text(json.dumps({"text": "x" * 20, "areas": ["pricing"]}))
    with pytest.raises(ValueError, match=r"bad.jsonl:1: unknown area"):
        list(written_examples(tmp_path))


def test_scope_and_service_levels_come_from_services_contracts_only(tmp_path):
    text = "1. Services. The Distributor shall market the Products in the Territory at its cost.\n"
    other = tmp_path / "ACME_2020-EX-10.1-DISTRIBUTOR AGREEMENT.txt"
    other.write_text(text, encoding="utf-8")
    assert list(heading_examples(other, AREAS)) == []  # dropped, and not used as a negative
    services = tmp_path / "ACME_2020-EX-10.1-SERVICES AGREEMENT.txt"
    services.write_text(text, encoding="utf-8")
    assert [e.areas for e in heading_examples(services, AREAS)] == [("scope_of_services",)]


def test_contents_pages_are_not_training_examples():
    from bpo_lint.nlp.dataset import looks_like_contents

    assert looks_like_contents("4.1 Duties of the Operator 7 4.2 Standard of Care 11 4.3 Fees 12")
    table = "Priority 1: respond within 15 minutes; Priority 2: within 1 hour; Priority 3: 4 hours"
    assert not looks_like_contents(table)
    assert not looks_like_contents("The Supplier shall meet 99.5% availability under 4.2 and 4.3.")


def test_weak_labels_leave_scope_and_service_levels_unknown_unless_they_name_them():
    assert unknown_for(("governance_dispute_resolution",)) == (
        "scope_of_services",
        "service_levels",
    )
    assert unknown_for(("pricing_payment",)) == ("scope_of_services", "service_levels")
    assert unknown_for(("scope_of_services", "termination_transition")) == ("service_levels",)
    assert unknown_for(("scope_of_services", "service_levels")) == ()
    assert unknown_for(()) == ("scope_of_services", "service_levels")
