"""The variants kind: one finding per document when several variants are mixed."""

from __future__ import annotations

import pytest

from bpo_lint.kinds.base import Context, Rule
from bpo_lint.kinds.variants import VariantsOptions, check
from bpo_lint.model import Block, Document

EFFORTS = {
    "best": [r"\bbest\s+efforts\b"],
    "reasonable": [r"\breasonable\s+efforts\b"],
    "commercial": [r"\bcommercially\s+reasonable\s+efforts\b"],
}


def run(text: str, **options):
    """Findings of a variants rule on a one-block-per-line document."""
    lines = text.split("\n")
    doc = Document.from_blocks("t", "text", [Block(t, line=i + 1) for i, t in enumerate(lines)])
    opts = VariantsOptions(**{"variants": EFFORTS, **options})
    rule = Rule("t.mixed", "variants", "{count}: {variants}", "warning", "vague", opts)
    return list(check(rule, Context(doc)))


def test_mixed_variants_give_one_finding_at_the_second_variant():
    found = run("use best efforts\nuse commercially reasonable efforts\nbest efforts again")
    assert len(found) == 1
    f = found[0]
    assert f.location.line == 2
    assert f.message == "2: 'best' (2x), 'commercial' (1x)"
    assert [loc.line for loc in f.related] == [1]


def test_a_variant_nested_in_a_longer_one_does_not_count():
    assert run("commercially reasonable efforts\ncommercially reasonable efforts") == []


def test_quoted_uses_and_unless_document():
    assert run('"best efforts" means X\ncommercially reasonable efforts') == []
    text = "best efforts\nreasonable efforts\nOne standard applies."
    assert len(run(text)) == 1
    assert run(text, unless_document="One standard applies") == []
    assert run(text, min_variants=3) == []


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"variants": {"a": ["x"]}}, "at least two variants"),
        ({"min_variants": 1}, "min_variants"),
        ({"variants": {"a": ["("], "b": ["y"]}}, "bad regex in 'variants.a'"),
        ({"variants": {"a": [1], "b": ["y"]}}, "must be a list of strings"),
    ],
)
def test_bad_options(options, error):
    with pytest.raises(ValueError, match=error):
        VariantsOptions(**{"variants": EFFORTS, **options})
