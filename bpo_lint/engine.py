"""Run the selected rules over one sectioned document and return its sorted findings.

A rule whose kind raises must not cost the user the other rules' findings: the error becomes a
warning line ("rule vague.efforts failed: ValueError: ...") that `run_rules_checked` returns
and `run_rules` writes to stderr. Pass `strict=True` (tests) to let the exception through.

The rules can also run in two passes (`rule_outputs` over the rules that do not need the
classifier, then over those that do, and `merge_outputs`), with the same result as one pass:
outputs are merged in the rules' order, so the classifier can work meanwhile elsewhere.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bpo_lint.kinds.base import Context, Rule
from bpo_lint.model import Finding

# What one rule produced: its findings, or the warning that says why it failed.
Output = tuple[tuple[Finding, ...], str | None]


def needs_analysis(rule: Rule) -> bool:
    """True when the rule's kind reads ctx.analysis (an unknown kind does not)."""
    from bpo_lint.kinds import KINDS

    kind = KINDS.get(rule.kind)
    return bool(kind and kind.needs_analysis)


def rule_outputs(rules: Sequence[Rule], ctx: Context, strict: bool = False) -> list[Output]:
    """What each rule produced over ctx, in the rules' order."""
    from bpo_lint.kinds import KINDS

    outputs: list[Output] = []
    for rule in rules:
        kind = KINDS.get(rule.kind)
        try:
            if kind is None:
                raise LookupError(f"unknown kind '{rule.kind}'")
            outputs.append((tuple(kind.check(rule, ctx)), None))  # all or nothing for a rule
        except Exception as exc:
            if strict:
                raise
            warning = f"rule {rule.id} failed on {ctx.doc.path}: {type(exc).__name__}: {exc}"
            outputs.append(((), warning))
    return outputs


def merge_outputs(outputs: Sequence[Output]) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """Findings of all outputs (sorted, exact duplicates dropped) and the warnings, in order."""
    findings = [f for produced, _ in outputs for f in produced]
    unique = dict.fromkeys(findings)  # keeps first-seen order; Finding is frozen and hashable
    warnings = tuple(w for _, w in outputs if w is not None)
    return tuple(sorted(unique, key=Finding.sort_key)), warnings


def run_rules_checked(
    rules: Sequence[Rule], ctx: Context, strict: bool = False
) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """Findings of all rules (sorted, exact duplicates dropped) and a warning per failed rule."""
    return merge_outputs(rule_outputs(rules, ctx, strict=strict))


def run_rules(rules: Sequence[Rule], ctx: Context, strict: bool = False) -> tuple[Finding, ...]:
    """Findings of all rules, sorted by location then rule; a failing rule is reported on stderr."""
    findings, warnings = run_rules_checked(rules, ctx, strict=strict)
    print_warnings(warnings)
    return findings


def print_warnings(warnings: Sequence[str]) -> None:
    """Write the failed rules' warnings to stderr."""
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
