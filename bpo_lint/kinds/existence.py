"""The `existence` kind: flag words or patterns that should not appear, unless context excuses them.

Context options keep precision high: a deadline later in the same sentence, a term the contract
defines, a quoted definition, a whole-document escape (e.g. an interpretation clause).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

try:  # the regex parser, to find which characters a pattern can start with (a speed-up only)
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - older or other Pythons: no prefilter
    _sre = _sre_parse = None

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.literal_scan import Scan, compile_scan, scan, search
from bpo_lint.kinds.textutil import (
    allowed,
    compile_regex,
    defines,
    is_quoted,
    phrase_regex,
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


def _first_of(items) -> tuple[set[str] | None, bool]:
    """Characters a parsed regex sequence can start with (None: any) and whether it can be empty."""
    out: set[str] = set()
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width: the next item decides
        if op is _sre.LITERAL:
            return out | {chr(av)}, False
        if op is _sre.IN:
            for o, a in av:
                if o is _sre.LITERAL:
                    out.add(chr(a))
                elif o is _sre.RANGE and a[1] - a[0] < 128:
                    out.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return None, False
            return out, False
        if op is _sre.SUBPATTERN:
            sub, empty = _first_of(av[-1])
        elif op is _sre.BRANCH:
            sub, empty = set(), False
            for branch in av[1]:
                first, can_be_empty = _first_of(branch)
                if first is None:
                    return None, False
                sub |= first
                empty = empty or can_be_empty
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            sub, empty = _first_of(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not empty:
            return out, False
    return out, True


def first_chars(patterns: tuple[str, ...], flags: int) -> set[str] | None:
    """Every character a match of one of `patterns` can start with, or None if unknown."""
    if _sre_parse is None:
        return None
    chars: set[str] = set()
    for p in patterns:
        try:
            first, empty = _first_of(_sre_parse.parse(p, flags))
        except Exception:  # an internal API: never let it break a rule
            return None
        if first is None or empty:
            return None
        chars |= first
    return chars


def with_prefilter(regex: re.Pattern[str], patterns: tuple[str, ...]) -> re.Pattern[str]:
    """`regex` behind a lookahead on its possible first letters, when that makes it faster.

    The engine then skips most positions with one set test (2-3x faster for patterns that start
    with a word boundary). A pattern that starts with a fixed symbol ("[", "_") is already fast
    and is left alone, as is one whose first characters cannot be worked out.
    """
    chars = first_chars(patterns, regex.flags)
    if not chars or not any(c.isalpha() for c in chars) or regex.pattern.startswith("(?=["):
        return regex
    chars |= {c.swapcase() for c in chars}
    prefix = "".join(sorted(chars))
    return re.compile(f"(?=[{re.escape(prefix)}])(?:{regex.pattern})", regex.flags)


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
    # > 0: the same words again within this many characters of the previous use (a column of a
    # table, a list) join one finding at the first use, the others as related; {repeats} says so
    group_within: int = 0
    regex: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    compiled: tuple = field(default=(), init=False, repr=False, compare=False)
    scans: tuple[Scan | None, Scan | None] = field(
        default=(None, None), init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "tokens", as_strings(self.tokens, "tokens"))
        set_(self, "patterns", as_strings(self.patterns, "patterns"))
        if not self.tokens and not self.patterns:
            raise ValueError("give at least one of 'tokens' or 'patterns'")
        for name in ("max_findings", "group_within"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"'{name}' must be a whole number >= 0")
        for name in ("ignorecase", "skip_quoted", "skip_defined", "once"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"'{name}' must be true or false")
        regex = union_regex(self.tokens, self.patterns, self.ignorecase, "'patterns'")
        if regex is not None and self.patterns:
            parts = tuple(phrase_regex(t) for t in self.tokens) + self.patterns
            regex = with_prefilter(regex, parts)
        set_(self, "regex", regex)
        names = ("unless_after", "unless_before", "unless_line", "unless_document")
        set_(self, "compiled", tuple(optional_regex(getattr(self, n), n) for n in names))
        document = self.compiled[3]
        set_(self, "scans", tuple(compile_scan(r) if r else None for r in (regex, document)))


def matches(rule: Rule, ctx: Context) -> Iterator[tuple[int, int]]:
    """The spans of `rule`'s pattern in the document that no context option excuses."""
    opts: ExistenceOptions = rule.options
    after, before, line, _ = opts.compiled
    main, document = opts.scans
    text = ctx.doc.text
    if main is None:
        return
    definitions: dict[str, bool] = {}
    for m in scan(main, ctx):
        if document is not None:
            # The document-wide escape is a slow search: make it only once there is a match.
            if search(document, ctx):
                return
            document = None
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


def group_runs(text: str, spans: list[tuple[int, int]], within: int) -> list[list[tuple[int, int]]]:
    """Spans in runs: the same words (case and spacing aside) within `within` characters."""
    runs: list[list[tuple[int, int]]] = []
    open_runs: dict[str, list[tuple[int, int]]] = {}
    for s, e in spans:
        word = " ".join(text[s:e].lower().split())
        run = open_runs.get(word)
        if run is not None and s - run[-1][1] <= within:
            run.append((s, e))
            continue
        open_runs[word] = [(s, e)]
        runs.append(open_runs[word])
    return runs


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
    runs = group_runs(text, spans, opts.group_within) if opts.group_within else [[s] for s in spans]
    if opts.max_findings:
        runs = runs[: opts.max_findings]
    for (s, e), *rest in runs:
        related = [ctx.doc.locate(rs, re_) for rs, re_ in rest[:MAX_RELATED]]
        repeats = f" (and {len(rest)} more time(s) close by)" if rest else ""
        yield make_finding(rule, ctx, s, e, related=related, repeats=repeats, **values)


KIND = Kind(
    "existence",
    ExistenceOptions,
    check,
    summary="Flag words or patterns that should not appear, unless their context excuses them.",
)
