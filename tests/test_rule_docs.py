"""Rule documentation: the `bpo-lint rules` table and the `bpo-lint rule ID` page."""

from __future__ import annotations

from bpo_lint.pack import load_pack
from bpo_lint.rule_docs import describe_rule, list_rules

PACK = load_pack()


def test_list_rules_has_one_row_per_rule_with_the_documented_keys():
    rows = list_rules(PACK)
    assert [r["id"] for r in rows] == sorted(r.id for r in PACK.rules)
    row = next(r for r in rows if r["id"] == "vague.efforts")
    assert set(row) == {"id", "code", "category", "severity", "area", "summary"}
    assert row["code"] == "BPO301" and row["category"] == "vague"
    assert row["summary"].startswith("Courts read efforts standards differently")
    assert row["summary"].endswith(".") and "\n" not in row["summary"]


def test_describe_rule_explains_what_why_examples_and_fix():
    rule = PACK.get("vague.time")
    page = describe_rule(rule)
    assert page.startswith("# vague.time (BPO303)\n")
    for heading in ("## What it checks", "## Why it matters", "## Reported", "## Not reported"):
        assert heading in page
    assert "## How to fix" in page and "within five Business Days" in page
    assert "    " + rule.examples_fail[0] in page
    assert "    " + rule.examples_pass[0] in page
    assert "rules/vague/time.toml" in page


def test_every_builtin_rule_can_be_described():
    for rule in PACK.rules:
        assert describe_rule(rule).startswith(f"# {rule.id}")
