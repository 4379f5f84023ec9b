"""The engine: runs rules, sorts and de-duplicates findings, survives a failing rule."""

from __future__ import annotations

import pytest

from bpo_lint.engine import run_rules, run_rules_checked
from bpo_lint.kinds.base import Context, Rule
from bpo_lint.kinds.existence import ExistenceOptions
from bpo_lint.model import Block, Document
from tests.conftest import FIXTURES


def doc_of(text: str) -> Document:
    """A plain-text document, one block per line."""
    lines = text.split("\n")
    return Document.from_blocks(
        "t.txt", "text", [Block(t, line=i + 1) for i, t in enumerate(lines)]
    )


def existence(rule_id: str, *tokens: str, kind: str = "existence") -> Rule:
    """An existence rule flagging the given tokens."""
    opts = ExistenceOptions(tokens=tokens)
    return Rule(rule_id, kind, "{match}", "warning", "vague", opts)


def test_findings_are_sorted_by_location_then_rule():
    ctx = Context(doc_of("alpha beta\nbeta alpha"))
    found = run_rules([existence("z.alpha", "alpha"), existence("a.beta", "beta")], ctx)
    assert [(f.location.line, f.location.column, f.rule) for f in found] == [
        (1, 1, "z.alpha"),
        (1, 7, "a.beta"),
        (2, 1, "a.beta"),
        (2, 6, "z.alpha"),
    ]


def test_exact_duplicates_are_dropped():
    ctx = Context(doc_of("alpha"))
    rule = existence("x.alpha", "alpha")
    assert len(run_rules([rule, rule], ctx)) == 1


def test_a_failing_rule_becomes_a_warning_and_the_others_still_run(capsys):
    ctx = Context(doc_of("alpha"))
    broken = existence("x.broken", "alpha", kind="no-such-kind")
    found, warnings = run_rules_checked([broken, existence("x.alpha", "alpha")], ctx)
    assert [f.rule for f in found] == ["x.alpha"]
    assert len(warnings) == 1 and "rule x.broken failed on t.txt" in warnings[0]
    assert [f.rule for f in run_rules([broken], ctx)] == []
    assert "warning: rule x.broken failed" in capsys.readouterr().err


def test_strict_mode_raises():
    ctx = Context(doc_of("alpha"))
    with pytest.raises(LookupError):
        run_rules([existence("x.broken", "alpha", kind="no-such-kind")], ctx, strict=True)


def test_whole_builtin_pack_on_a_20000_word_agreement_is_fast():
    import time

    from bpo_lint.pack import load_pack

    clause = (
        "The Supplier shall use best efforts to promptly deliver the Services and/or reports "
        "herein described, including without limitation monthly reports, and the Customer shall "
        "pay each invoice within 30 days. Invoices shall be paid within 30 days. [AMOUNT] TBD "
    )
    text = "\n".join(f"{i}. Clause {i}\n{clause}" for i in range(1, 500))
    doc = doc_of(text)
    assert len(text.split()) > 20000
    rules = load_pack().rules
    run_rules(rules, Context(doc), strict=True)  # warm up (imports, regex cache)
    started = time.perf_counter()
    found = run_rules(rules, Context(doc), strict=True)
    assert time.perf_counter() - started < 2.0  # budget 0.5 s; slack for slow CI machines
    assert {"vague.efforts", "placeholder.brackets"} <= {f.rule for f in found}


def test_a_rule_failing_midway_contributes_no_partial_findings(monkeypatch):
    from bpo_lint.kinds import KINDS
    from bpo_lint.kinds.base import Kind

    def half(rule, ctx):
        yield from KINDS["existence"].check(rule, ctx)
        raise RuntimeError("boom")

    rule = existence("x.half", "alpha", kind="test-half")
    monkeypatch.setitem(KINDS, "test-half", Kind("test-half", ExistenceOptions, half))
    found, warnings = run_rules_checked([rule], Context(doc_of("alpha")))
    assert found == () and "RuntimeError: boom" in warnings[0]


def test_two_passes_merged_in_rule_order_equal_one_pass():
    from bpo_lint.engine import merge_outputs, needs_analysis, rule_outputs, run_rules_checked
    from bpo_lint.kinds.base import Context
    from bpo_lint.lint import read_and_section
    from bpo_lint.nlp import analyse, pipeline_available
    from bpo_lint.pack import load_pack

    rules = load_pack().rules
    late = [r for r in rules if needs_analysis(r)]
    assert {r.kind for r in late} == {"required", "numeric-target"}
    doc = read_and_section(str(FIXTURES / "deficient-msa.md"))
    analysis = analyse(doc) if pipeline_available() else None
    ctx = Context(doc=doc, analysis=analysis)
    early = rule_outputs([r for r in rules if not needs_analysis(r)], Context(doc=doc))
    by_rule = dict(zip([r.id for r in rules if not needs_analysis(r)], early, strict=True))
    by_rule.update(zip([r.id for r in late], rule_outputs(late, ctx), strict=True))
    two = merge_outputs([by_rule[r.id] for r in rules])
    assert two == run_rules_checked(rules, ctx)
    assert two[0]
