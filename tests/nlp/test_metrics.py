"""Per-area scores, with areas an example says nothing about left out."""

from __future__ import annotations

import pytest

from bpo_lint.nlp.dataset import Example, unknown_for
from bpo_lint.nlp.metrics import macro_f1, per_area, table


def test_per_area_counts_and_unknown_areas_are_skipped():
    gold = [("pricing_payment",), (), ("pricing_payment",)]
    predicted = [("pricing_payment", "scope_of_services"), ("pricing_payment",), ()]
    scores = per_area(gold, predicted)
    assert (scores["pricing_payment"].tp, scores["pricing_payment"].fp) == (1, 1)
    assert scores["pricing_payment"].fn == 1
    assert scores["scope_of_services"].fp == 1
    skipped = per_area(gold, predicted, [unknown_for(g) for g in gold])
    assert skipped["scope_of_services"].fp == 0  # a "Fees" clause may also describe services
    assert scores["pricing_payment"].f1 == pytest.approx(0.5)


def test_macro_f1_and_table():
    scores = per_area([("service_levels",)], [("service_levels",)])
    assert macro_f1(scores) == pytest.approx(1 / 8)
    assert table(scores)[-1].split()[-1] == "0.12"


def test_to_docbin_leaves_unknown_areas_missing():
    import spacy

    from bpo_lint.nlp.train import to_docbin

    nlp = spacy.blank("en")
    example = Example(
        "Fees are due monthly.",
        ("pricing_payment",),
        "heading",
        "g",
        "f",
        unknown_for(("pricing_payment",)),
    )
    [doc] = list(to_docbin(nlp, (example,)).get_docs(nlp.vocab))
    assert doc.cats["pricing_payment"] == 1.0 and doc.cats["termination_transition"] == 0.0
    assert "scope_of_services" not in doc.cats and "service_levels" not in doc.cats
