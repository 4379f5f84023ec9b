"""Rule documentation for `bpo-lint rules` (a table) and `bpo-lint rule ID` (one rule explained).

Everything comes from the rule file itself, so a lawyer who edits a rule edits its docs too.
"""

from __future__ import annotations

from bpo_lint.kinds.base import Rule


def summary_of(rule: Rule) -> str:
    """The first sentence of the rule's description, or its message when it has none."""
    text = " ".join((rule.description or rule.message).split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def list_rules(pack) -> list[dict]:
    """One row per rule (id, code, category, severity, area, summary), sorted by id."""
    return [
        {
            "id": r.id,
            "code": r.code,
            "category": r.category,
            "severity": r.severity,
            "area": r.area,
            "summary": summary_of(r) + ("" if r.default else " (opt-in: select it to run it)"),
        }
        for r in sorted(pack.rules, key=lambda r: r.id)
    ]


def _quote(example: str) -> list[str]:
    return ["    " + line if line else "" for line in example.strip("\n").split("\n")] + [""]


def describe_rule(rule: Rule) -> str:
    """The rule explained: what it checks, why it matters, examples, how to fix."""
    from bpo_lint.kinds import KINDS

    kind = KINDS.get(rule.kind)
    head = [f"# {rule.id}" + (f" ({rule.code})" if rule.code else ""), ""]
    facts = f"Category: {rule.category}  Severity: {rule.severity}  Kind: {rule.kind}"
    if rule.area:
        facts += f"  Area: {rule.area}"
    lines = [*head, facts, ""]
    lines += ["## What it checks", "", kind.summary if kind and kind.summary else rule.kind, ""]
    lines += [f"Message: {rule.message}", ""]
    if rule.description:
        lines += ["## Why it matters", "", " ".join(rule.description.split()), ""]
    if rule.examples_fail:
        lines += ["## Reported", ""]
        for ex in rule.examples_fail:
            lines += _quote(ex)
    if rule.examples_pass:
        lines += ["## Not reported", ""]
        for ex in rule.examples_pass:
            lines += _quote(ex)
    if rule.suggestion:
        lines += ["## How to fix", "", " ".join(rule.suggestion.split()), ""]
    if rule.link:
        lines += [f"See also: {rule.link}", ""]
    lines += [f"Defined in {rule.path}; silence it with --ignore {rule.id}."]
    return "\n".join(lines) + "\n"
