"""What every rule kind shares: the loaded `Rule`, the `Context` it runs in, and `Kind` itself.

A kind is an options dataclass plus one function `check(rule, ctx) -> Iterable[Finding]`.
Kinds see only bpo_lint.model values (never spaCy objects), so the classifier can change
without touching a rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bpo_lint.model import Analysis, Document, Finding, Location


@dataclass(frozen=True)
class Rule:
    """One rule of the pack, as loaded from its TOML file (the id comes from the path)."""

    id: str
    kind: str
    message: str
    severity: str
    category: str
    options: Any  # the kind's options dataclass instance
    area: str | None = None
    description: str = ""
    suggestion: str = ""
    link: str = ""
    scope: str = "text"  # "text" (the whole document), "section", "heading", ...
    code: str | None = None
    examples_fail: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    path: str = ""
    # False for opt-in rules: they run only when a selector names them (ruff's "preview" idea),
    # for checks whose precision on real agreements is not yet good enough to be on for all.
    default: bool = True


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the sectioned document and (when available) the classification."""

    doc: Document
    analysis: Analysis | None = None
    # Terms the user allows (config allow-list); rules that flag terms must skip these.
    allowed_terms: frozenset[str] = frozenset()
    # The profile's required coverage: area id -> element ids a reviewer expects for this kind
    # of document (a statement of work needs less than an MSA). None means every area and
    # every element of AREAS.md (the master services agreement default).
    required: Mapping[str, frozenset[str]] | None = None
    # Shared, lazily computed facts (defined terms, extracted values...) keyed by name, so two
    # rules needing the same extraction do it once per document.
    cache: dict[str, Any] = field(default_factory=dict, compare=False)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a per-document fact once and share it between rules."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


CheckFn = Callable[[Rule, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Kind:
    """A kind of rule: the options a rule file may set, and the function that applies them."""

    name: str
    options: type
    check: CheckFn
    summary: str = ""
    # True for kinds that read ctx.analysis (the classifier's labels and coverage): the engine
    # runs every other rule while the classifier is still working in another process.
    needs_analysis: bool = False

    @classmethod
    def analysing(cls, name: str, options: type, check: CheckFn, summary: str = "") -> Kind:
        """A kind that reads ctx.analysis (needs_analysis=True)."""
        return cls(name, options, check, summary, needs_analysis=True)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def format_message(template: str, values: Mapping[str, object]) -> str:
    """Fill {named} placeholders; an unknown placeholder is left as written."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)


def excerpt_of(doc: Document, start: int, end: int, limit: int = 160) -> str:
    """The matched words with whitespace collapsed, cut to `limit` characters."""
    text = " ".join(doc.text[start:end].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def make_finding(
    rule: Rule,
    ctx: Context,
    start: int | None,
    end: int | None,
    related: Iterable[Location] = (),
    suggestion: str | None = None,
    **values: object,
) -> Finding:
    """Build the Finding for a match of `rule` at doc.text[start:end] (None: the whole document)."""
    doc = ctx.doc
    if start is None:
        location, excerpt = Location(), ""
    else:
        end = start if end is None else end
        location, excerpt = doc.locate(start, end), excerpt_of(doc, start, end)
    values.setdefault("match", excerpt)
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        message=format_message(rule.message, values),
        location=location,
        excerpt=excerpt,
        suggestion=format_message(rule.suggestion if suggestion is None else suggestion, values),
        area=rule.area,
        code=rule.code,
        related=tuple(related),
    )
