"""Every rule of the built-in pack proves itself: its fail examples fire, its pass examples don't.

Each example goes through the real path (reader -> sectioner -> classifier for coverage rules ->
the one rule), so a rule whose examples pass here works on a document the way users see it.
"""

from __future__ import annotations

import re

import pytest

from bpo_lint.engine import run_rules
from bpo_lint.kinds.base import Context
from bpo_lint.model import Block, Document
from bpo_lint.pack import load_pack

PACK = load_pack()


def example_document(text: str) -> Document:
    """Read an example as a Markdown file would be read, then section it."""
    try:
        from bpo_lint.readers.text import document_from_string

        doc = document_from_string(text, path="<example>", markdown=True)
    except ImportError:  # the readers land separately; fall back to one block per line
        blocks = [Block(line, line=i + 1) for i, line in enumerate(text.split("\n"))]
        doc = Document.from_blocks("<example>", "markdown", blocks)
    try:
        from bpo_lint.sections import split_sections
    except ImportError:
        return doc
    return split_sections(doc)


def _sectioner_available() -> bool:
    try:
        from bpo_lint.sections import split_sections  # noqa: F401
    except ImportError:
        return False
    return True


def example_context(rule, text: str) -> Context:
    """The Context a rule sees for one example (classified when the rule needs coverage)."""
    doc = example_document(text)
    if rule.scope == "section" and not doc.sections and not _sectioner_available():
        pytest.skip(f"{rule.id}: needs the sectioner (bpo_lint.sections), not available yet")
    if rule.category != "coverage":
        return Context(doc=doc)
    try:
        from bpo_lint import nlp
    except ImportError:
        pytest.skip("the classifier (bpo_lint.nlp) is not available yet")
    if not hasattr(nlp, "pipeline_available") or not nlp.pipeline_available():
        pytest.skip(f"{rule.id}: coverage examples need the trained classifier pipeline")
    return Context(doc=doc, analysis=nlp.analyse(doc))


def cases(which: str):
    """(rule, example) pairs, parametrised by rule id and example number."""
    for rule in PACK.rules:
        examples = rule.examples_fail if which == "fail" else rule.examples_pass
        for i, text in enumerate(examples):
            yield pytest.param(rule, text, id=f"{rule.id}[{which}{i}]")


def findings_of(rule, text: str):
    """The findings of this one rule on one example (the rule may not crash)."""
    return [
        f for f in run_rules([rule], example_context(rule, text), strict=True) if f.rule == rule.id
    ]


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_rule_has_examples(rule):
    assert rule.examples_fail, f"{rule.path}: [examples] needs at least one 'fail' example"
    assert rule.examples_pass, f"{rule.path}: [examples] needs at least one 'pass' example"


@pytest.mark.parametrize(("rule", "text"), list(cases("fail")))
def test_fail_example_is_reported(rule, text):
    found = findings_of(rule, text)
    assert found, f"{rule.path}: fail example gave no finding:\n{text}"
    assert all(f.category == rule.category and f.severity == rule.severity for f in found)
    # a {name} left in the text means the message names a value the kind does not provide
    texts = [(f.message + " " + f.suggestion).replace(f.excerpt, "") for f in found]
    unfilled = [t for t in texts if re.search(r"\{\w+\}", t)]
    assert not unfilled, f"{rule.path}: message or suggestion has an unknown {{placeholder}}"


@pytest.mark.parametrize(("rule", "text"), list(cases("pass")))
def test_pass_example_is_clean(rule, text):
    found = findings_of(rule, text)
    assert not found, f"{rule.path}: pass example gave {[f.message for f in found]}:\n{text}"
