"""The `variants` kind: one finding when a document mixes several variants of the same thing.

Mixing "best efforts" with "commercially reasonable efforts", or "including" with "including
without limitation", invites the argument that different words mean different duties. The
finding is raised once per document, at the first use of the second variant.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.existence import as_strings, optional_regex
from bpo_lint.kinds.literal_scan import Scan, compile_scan, scan, search
from bpo_lint.kinds.textutil import allowed, compile_regex, is_quoted
from bpo_lint.model import Finding


@dataclass(frozen=True)
class VariantsOptions:
    """Named variants (each a list of regexes) and how many distinct ones make a finding."""

    variants: dict = field(default_factory=dict)  # label -> list of regular expressions
    min_variants: int = 2
    ignorecase: bool = True
    unless_document: str = ""  # regex: report nothing when the document matches anywhere
    compiled: tuple = field(default=(), init=False, repr=False, compare=False)
    document: Scan | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.variants, dict) or len(self.variants) < 2:
            raise ValueError("'variants' must be a table naming at least two variants")
        if not isinstance(self.min_variants, int) or self.min_variants < 2:
            raise ValueError("'min_variants' must be a whole number >= 2")
        compiled = []
        for label, pats in self.variants.items():
            pats = as_strings(pats, f"variants.{label}")
            what = f"'variants.{label}'"
            regex = "|".join(f"(?:{compile_regex(p, self.ignorecase, what).pattern})" for p in pats)
            compiled.append((label, compile_scan(compile_regex(regex, self.ignorecase, what))))
        object.__setattr__(self, "compiled", tuple(compiled))
        document = optional_regex(self.unless_document, "unless_document")
        object.__setattr__(self, "document", document and compile_scan(document))


def first_uses(rule: Rule, ctx: Context) -> list[tuple[int, int, str, int]]:
    """(start, end, label, count) of each variant's first unquoted use, in document order.

    A match inside a longer match of another variant belongs to the longer one, so "reasonable
    efforts" inside "commercially reasonable efforts" is not a second variant.
    """
    opts: VariantsOptions = rule.options
    text = ctx.doc.text
    spans = sorted(
        (m.start(), -m.end(), label)
        for label, regex in opts.compiled
        for m in scan(regex, ctx)
        if m.end() > m.start() and not is_quoted(text, *m.span()) and not allowed(ctx, m.group(0))
    )
    first: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = {}
    reach = -1
    for start, neg_end, label in spans:
        if -neg_end <= reach:
            continue  # nested in a longer match already counted
        reach = max(reach, -neg_end)
        first.setdefault(label, (start, -neg_end))
        counts[label] = counts.get(label, 0) + 1
    return sorted((s, e, label, counts[label]) for label, (s, e) in first.items())


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One finding when at least `min_variants` variants occur in the document."""
    opts: VariantsOptions = rule.options
    if opts.document and search(opts.document, ctx):
        return
    uses = first_uses(rule, ctx)
    if len(uses) < opts.min_variants:
        return
    start, end, _, _ = uses[1]
    related = [ctx.doc.locate(s, e) for i, (s, e, _, _) in enumerate(uses) if i != 1]
    listed = ", ".join(f"'{label}' ({n}x)" for _, _, label, n in uses)
    yield make_finding(rule, ctx, start, end, related=related, variants=listed, count=len(uses))


KIND = Kind(
    "variants",
    VariantsOptions,
    check,
    summary="One finding when a document mixes several variants of the same expression.",
)
