"""The passive kind: passive obligations with no actor."""

from __future__ import annotations

import pytest

from bpo_lint.kinds.base import Context, Rule
from bpo_lint.kinds.vague_passive import PassiveOptions, check
from bpo_lint.model import Block, Document


def run(text: str, **options):
    """Findings of a passive rule (participles paid/returned) on `text`."""
    doc = Document.from_blocks("t", "text", [Block(text, line=1)])
    opts = PassiveOptions(**{"participles": ("paid", "returned", "carried out"), **options})
    return list(check(Rule("t.p", "passive", "{match}", "info", "vague", opts), Context(doc)))


def test_passive_without_actor_is_reported():
    found = run("Invoices shall be paid within 30 days. Data must be promptly returned.")
    assert [f.excerpt for f in found] == ["shall be paid", "must be promptly returned"]


def test_named_actor_or_prohibition_is_not_reported():
    assert run("Invoices shall be paid by the Client within 30 days.") == []
    assert run("Data shall not be returned to third parties.") == []
    assert run("The Customer shall pay invoices within 30 days.") == []


def test_between_the_parties_names_who_takes_part():
    assert run("Reviews shall be carried out between the Parties' managers each quarter.") == []
    assert len(run("Reviews shall be carried out between 1 and 5 March.")) == 1


def test_by_a_method_or_a_date_is_not_an_actor():
    assert len(run("Invoices shall be paid by wire transfer within 30 days.")) == 1
    assert len(run("Invoices shall be paid by 5 March.")) == 1


def test_require_after_and_unless_subject_and_multiword_participles():
    opts = {"require_after": r"\bwithin\b"}
    assert run("Fees shall be paid in euros.", **opts) == []
    assert len(run("Fees shall be paid within 5 days.", **opts)) == 1
    assert run("Notices shall be returned within 5 days.", unless_subject=r"\bnotices?\b") == []
    assert len(run("Audits shall be carried out yearly.")) == 1


def test_bad_options():
    with pytest.raises(ValueError, match="'participles' and 'modals'"):
        PassiveOptions()
    with pytest.raises(ValueError, match="bad regex in 'actor'"):
        PassiveOptions(participles=("paid",), actor="(")
