"""The `renewal_window` kind: notice of non-renewal longer than the renewal term it applies to.

If each renewal term lasts one month but notice must be given 60 days before it ends, notice
can never be given in time once a renewal has started. Both quantities are recognised with the
same cues as the `conflict` kind (see kinds/conflict.py), given as two option tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.conflict import ConflictOptions, claims, where
from bpo_lint.kinds.values import Value

_DAYS_PER = {"day": 1.0, "month": 30.44}


@dataclass(frozen=True)
class RenewalWindowOptions:
    """Cues for the notice period (`notice`) and for the renewal term (`term`)."""

    notice: dict = field(default_factory=dict)
    term: dict = field(default_factory=dict)
    _built: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("notice", "term"):
            table = getattr(self, name)
            if not isinstance(table, dict) or not table:
                raise ValueError(f"[options.{name}] must be a table of conflict cues")
            try:
                self._built[name] = ConflictOptions(**table)
            except TypeError as e:
                raise ValueError(f"[options.{name}]: {e}") from None


def _days(v: Value) -> float | None:
    unit, amount = v.norm()
    return amount * _DAYS_PER[unit] if unit in _DAYS_PER else None


def check(rule: Rule, ctx: Context) -> Iterator:
    """Report each non-renewal notice period longer than every renewal term stated."""
    terms = [c.value for c in claims(rule.options._built["term"], ctx)]
    term_days = [d for d in map(_days, terms) if d is not None]
    if not term_days:
        return
    longest = max(term_days)
    term = next(v for v in terms if _days(v) == longest)
    for c in claims(rule.options._built["notice"], ctx):
        days = _days(c.value)
        # Allow a day's slack: "one month" against "30 days" is the same period.
        if days is not None and days > longest + 1:
            yield make_finding(
                rule,
                ctx,
                c.value.start,
                c.value.end,
                related=[ctx.doc.locate(term.start, term.end)],
                value=c.value.display(),
                other=term.display(),
                where=where(ctx, term.start),
            )


KIND = Kind(
    "renewal_window",
    options=RenewalWindowOptions,
    check=check,
    summary="a non-renewal notice period longer than the renewal term",
)
