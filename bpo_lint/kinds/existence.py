"""The `existence` kind: flag words or patterns that should not appear, unless context excuses them.

Context options keep precision high: a deadline later in the same sentence, a term the contract
defines, a quoted definition, a whole-document escape (e.g. an interpretation clause).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.textutil import (
    allowed,
    compile_regex,
    defines,
    is_quoted,
    sentence_bounds,
    union_regex,
)
from bpo_lint.model import Finding

MAX_RELATED = 10


def as_strings(value: object, name: str) -> tuple[str, ...]:
    """Coerce a TOML list (or a single string) of strings to a tuple, or raise ValueError."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{name}' must be a list of strings")
    return tuple(value)


def optional_regex(pattern: str, name: str, ignorecase: bool = True) -> re.Pattern[str] | None:
    """Compile an optional regex option ("" means unset)."""
    if not isinstance(pattern, str):
        raise ValueError(f"'{name}' must be a string (a regular expression)")
    return compile_regex(pattern, ignorecase, f"'{name}'") if pattern else None


@dataclass(frozen=True)
class ExistenceOptions:
    """What to look for, and the context that excuses a match."""

    tokens: tuple[str, ...] = ()  # phrases, matched as whole words, any whitespace between words
    patterns: tuple[str, ...] = ()  # raw regular expressions
    ignorecase: bool = True
    unless_after: str = ""  # regex: skip when the rest of the sentence matches (a deadline follows)
    unless_before: str = ""  # regex: skip when the sentence up to the match matches
    unless_line: str = ""  # regex: skip when the source line holding the match matches
    unless_document: str = ""  # regex: report nothing when the document matches anywhere
    skip_quoted: bool = True  # a quoted term is being defined or mentioned, not used
    skip_defined: bool = False  # skip a term the document defines ("Material Breach" means ...)
    once: bool = False  # one finding per document at the first use; {count} gives the total
    max_findings: int = 0  # 0: no cap
    regex: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    compiled: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "tokens", as_strings(self.tokens, "tokens"))
        set_(self, "patterns", as_strings(self.patterns, "patterns"))
        if not self.tokens and not self.patterns:
            raise ValueError("give at least one of 'tokens' or 'patterns'")
        if not isinstance(self.max_findings, int) or self.max_findings < 0:
            raise ValueError("'max_findings' must be a whole number >= 0")
        for name in ("ignorecase", "skip_quoted", "skip_defined", "once"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"'{name}' must be true or false")
        set_(self, "regex", union_regex(self.tokens, self.patterns, self.ignorecase, "'patterns'"))
        names = ("unless_after", "unless_before", "unless_line", "unless_document")
        set_(self, "compiled", tuple(optional_regex(getattr(self, n), n) for n in names))


def matches(rule: Rule, ctx: Context) -> Iterator[tuple[int, int]]:
    """The spans of `rule`'s pattern in the document that no context option excuses."""
    opts: ExistenceOptions = rule.options
    after, before, line, document = opts.compiled
    text = ctx.doc.text
    if opts.regex is None or (document and document.search(text)):
        return
    definitions: dict[str, bool] = {}
    for m in opts.regex.finditer(text):
        start, end = m.span()
        word = " ".join(m.group(0).lower().split())
        if start == end or allowed(ctx, word):
            continue
        if opts.skip_quoted and is_quoted(text, start, end):
            continue
        if opts.skip_defined:
            if word not in definitions:
                definitions[word] = defines(text, word)
            if definitions[word]:
                continue
        if after or before:
            s_start, s_end = sentence_bounds(text, start, end)
            if after and after.search(text, end, s_end):
                continue
            if before and before.search(text[s_start:start]):
                continue
        if line:
            block = ctx.doc.blocks[ctx.doc.block_index(start)]
            if line.search(block.text):
                continue
        yield start, end


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Report each unexcused match (or one finding per document when `once` is set)."""
    opts: ExistenceOptions = rule.options
    spans = list(matches(rule, ctx))
    if not spans:
        return
    text = ctx.doc.text
    terms = sorted({" ".join(text[s:e].lower().split()) for s, e in spans})
    values = {"count": len(spans), "terms": ", ".join(f"'{t}'" for t in terms)}
    if opts.once:
        s, e = spans[0]
        related = [ctx.doc.locate(rs, re_) for rs, re_ in spans[1 : 1 + MAX_RELATED]]
        yield make_finding(rule, ctx, s, e, related=related, **values)
        return
    if opts.max_findings:
        spans = spans[: opts.max_findings]
    for s, e in spans:
        yield make_finding(rule, ctx, s, e, **values)


KIND = Kind(
    "existence",
    ExistenceOptions,
    check,
    summary="Flag words or patterns that should not appear, unless their context excuses them.",
)
