"""The `passive` kind: an obligation in the passive voice that never says who must act.

"Invoices shall be paid within 30 days" leaves open who pays; "... shall be paid by the Client"
does not. A prohibition ("shall not be disclosed") is a condition, not a duty to act, and is
left alone. Only participles of actions someone must perform are checked (paid, delivered,
returned...), never "shall be deemed" or "shall be governed", which need no actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.existence import as_strings, optional_regex
from bpo_lint.kinds.literal_scan import Scan, compile_scan, scan
from bpo_lint.kinds.textutil import allowed, compile_regex, sentence_bounds
from bpo_lint.model import Finding

# "by" followed by a way or a time is not an actor: "paid by wire transfer", "delivered by 5 pm".
DEFAULT_ACTOR = r"""(?ix)
  \bby\s+(?!(?:wire|bank|electronic|e-?mail|fax|facsimile|registered|certified|first[\s-]class
           |overnight|courier|post|mail|hand|cheque|check|credit|direct|means|way|reference|virtue
           |operation|law|the\s+(?:date|end|time|deadline|last|first)|no\s+later|not\s+later
           |\d|jan|feb|mar|apr|may\b|jun|jul|aug|sep|oct|nov|dec)\b)
  # "meetings shall be held between the Parties' managers" names who takes part
  | \bbetween\s+(?:the\s+|each\s+)?part(?:y|ies)\b
"""


@dataclass(frozen=True)
class PassiveOptions:
    """The participles to check, what counts as naming an actor, and context that excuses."""

    participles: tuple[str, ...] = ()
    modals: tuple[str, ...] = ("shall", "must")
    actor: str = DEFAULT_ACTOR  # regex searched in the rest of the sentence
    require_after: str = ""  # regex: only report when the rest of the sentence matches
    unless_after: str = ""  # regex: skip when the rest of the sentence matches
    unless_subject: str = ""  # regex: skip when the sentence before the modal matches
    max_findings: int = 0  # 0: no cap
    compiled: tuple = field(default=(), init=False, repr=False, compare=False)
    # The participle pattern, found from its modals ("shall", "must"): 5x faster than finditer.
    scanner: Scan | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = as_strings(self.participles, "participles")
        modals = as_strings(self.modals, "modals")
        if not parts or not modals:
            raise ValueError("'participles' and 'modals' must each list at least one word")
        if not isinstance(self.max_findings, int) or self.max_findings < 0:
            raise ValueError("'max_findings' must be a whole number >= 0")
        verbs = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(parts, key=len)[::-1])
        mods = "|".join(re.escape(m) for m in modals)
        pattern = rf"\b(?:{mods})\s+(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?(?:{verbs})\b"
        object.__setattr__(self, "participles", parts)
        object.__setattr__(self, "modals", modals)
        object.__setattr__(
            self,
            "compiled",
            (
                compile_regex(pattern, True, "'participles'"),
                optional_regex(self.actor, "actor"),
                optional_regex(self.require_after, "require_after"),
                optional_regex(self.unless_after, "unless_after"),
                optional_regex(self.unless_subject, "unless_subject"),
            ),
        )
        object.__setattr__(self, "scanner", compile_scan(self.compiled[0]))


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Report each passive obligation whose sentence names no actor."""
    opts: PassiveOptions = rule.options
    _, actor, required, after, subject = opts.compiled
    text = ctx.doc.text
    reported = 0
    for m in scan(opts.scanner, ctx):
        start, end = m.span()
        if allowed(ctx, m.group(0)):
            continue
        s_start, s_end = sentence_bounds(text, start, end)
        if actor and actor.search(text, end, s_end):
            continue
        if required and not required.search(text, end, s_end):
            continue
        if after and after.search(text, end, s_end):
            continue
        if subject and subject.search(text[s_start:start]):
            continue
        yield make_finding(rule, ctx, start, end)
        reported += 1
        if opts.max_findings and reported >= opts.max_findings:
            return


KIND = Kind(
    "passive",
    PassiveOptions,
    check,
    summary="Flag passive obligations ('shall be paid') whose sentence never names who must act.",
)
