"""Run the selected rules over one sectioned document and return its sorted findings.

A rule whose kind raises must not cost the user the other rules' findings: the error becomes a
warning line ("rule vague.efforts failed: ValueError: ...") that `run_rules_checked` returns
and `run_rules` writes to stderr. Pass `strict=True` (tests) to let the exception through.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bpo_lint.kinds.base import Context, Rule
from bpo_lint.model import Finding


def run_rules_checked(
    rules: Sequence[Rule], ctx: Context, strict: bool = False
) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """Findings of all rules (sorted, exact duplicates dropped) and a warning per failed rule."""
    from bpo_lint.kinds import KINDS

    findings: list[Finding] = []
    warnings: list[str] = []
    for rule in rules:
        kind = KINDS.get(rule.kind)
        try:
            if kind is None:
                raise LookupError(f"unknown kind '{rule.kind}'")
            produced = list(kind.check(rule, ctx))  # all or nothing for a failing rule
            findings.extend(produced)
        except Exception as exc:
            if strict:
                raise
            warnings.append(f"rule {rule.id} failed on {ctx.doc.path}: {type(exc).__name__}: {exc}")
    unique = dict.fromkeys(findings)  # keeps first-seen order; Finding is frozen and hashable
    return tuple(sorted(unique, key=Finding.sort_key)), tuple(warnings)


def run_rules(rules: Sequence[Rule], ctx: Context, strict: bool = False) -> tuple[Finding, ...]:
    """Findings of all rules, sorted by location then rule; a failing rule is reported on stderr."""
    findings, warnings = run_rules_checked(rules, ctx, strict=strict)
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    return findings
