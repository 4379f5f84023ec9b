"""Word automatic numbering: the label ("1.", "12.3", "(a)", "(iv)") a user sees before a paragraph.

Word keeps one counter set per abstract list; a w:num with a w:startOverride restarts it the first
time that num is used. A level restarts when a shallower level advances unless w:lvlRestart says
otherwise. Labels are built from w:lvlText with %1..%9 replaced by each level's formatted count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bpo_lint.readers.docx_styles import Styles, W, style_numbering, to_int, wval

_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


@dataclass(frozen=True)
class Level:
    """One w:lvl of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart only after levels 1..restart (0 = never)
    legal: bool = False  # w:isLgl: show every level's count as a decimal
    pstyle: str | None = None  # paragraph style bound to this level


@dataclass(frozen=True)
class Num:
    """One w:num: the abstract list it uses and the levels it overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


@dataclass(frozen=True)
class Numbering:
    """numbering.xml parsed: abstract lists (levels by ilvl) and nums by numId."""

    abstracts: dict[str, dict[int, Level]]
    nums: dict[str, Num]

    def levels(self, num: Num) -> dict[int, Level]:
        """The effective levels of a num: its abstract's, with the num's own overrides."""
        return {**self.abstracts.get(num.abstract, {}), **num.levels}


@dataclass
class Counters:
    """Per-document numbering state (created fresh for each document read)."""

    values: dict[str, dict[int, int]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)


def _level(el) -> Level:
    fmt = wval(el, "w:numFmt")
    if fmt is None:  # newer Word files wrap numFmt in mc:AlternateContent; take the fallback
        fallback = el.find(f".//{{*}}Fallback/{W}numFmt")
        fmt = fallback.get(f"{W}val") if fallback is not None else "decimal"
    legal = el.find(f"{W}isLgl")
    start = to_int(wval(el, "w:start"))
    return Level(
        start=1 if start is None else start,
        fmt=fmt or "decimal",
        text=wval(el, "w:lvlText") or "",
        restart=to_int(wval(el, "w:lvlRestart")),
        legal=legal is not None and legal.get(f"{W}val", "1") not in ("0", "false", "off"),
        pstyle=wval(el, "w:pStyle"),
    )


def _levels(parent) -> dict[int, Level]:
    return {to_int(lvl.get(f"{W}ilvl")) or 0: _level(lvl) for lvl in parent.findall(f"{W}lvl")}


def parse_numbering(root, styles: Styles) -> Numbering:
    """Read numbering.xml's root element (None when the part is missing)."""
    if root is None:
        return Numbering({}, {})
    abstracts, links = {}, {}
    for el in root.findall(f"{W}abstractNum"):
        aid = el.get(f"{W}abstractNumId")
        abstracts[aid] = _levels(el)
        if link := wval(el, "w:numStyleLink"):
            links[aid] = link
    nums = {}
    for el in root.findall(f"{W}num"):
        starts, levels = {}, {}
        for ov in el.findall(f"{W}lvlOverride"):
            ilvl = to_int(ov.get(f"{W}ilvl")) or 0
            if (start := to_int(wval(ov, "w:startOverride"))) is not None:
                starts[ilvl] = start
            if (lvl := ov.find(f"{W}lvl")) is not None:
                levels[ilvl] = _level(lvl)
        nums[el.get(f"{W}numId")] = Num(wval(el, "w:abstractNumId") or "", starts, levels)
    # A list defined by a numbering style borrows the levels of the list that style points to.
    for aid, style_id in links.items():
        num_id, _ = style_numbering(styles, style_id)
        if num_id in nums and nums[num_id].abstract != aid:
            abstracts[aid] = abstracts.get(nums[num_id].abstract, {})
    return Numbering(abstracts, nums)


def format_count(n: int, fmt: str) -> str:
    """A count in a w:numFmt: decimal, decimalZero, lower/upperLetter, lower/upperRoman, ..."""
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # z, aa, bb: as Word counts
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        out = []
        for value, digits in _ROMAN:
            while n >= value:
                out.append(digits)
                n -= value
        return "".join(out).upper() if fmt == "upperRoman" else "".join(out)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt == "none":
        return ""
    return str(n)


def next_label(numbering: Numbering, counters: Counters, num_id: str, ilvl: int) -> str | None:
    """Advance the list for one numbered paragraph and return its label (None for bullets)."""
    num = numbering.nums.get(num_id)
    if num is None:
        return None
    levels = numbering.levels(num)
    level = levels.get(ilvl)
    if level is None:
        return None
    values = counters.values.setdefault(num.abstract, {})
    if num_id not in counters.seen:
        counters.seen.add(num_id)
        for overridden in num.starts:
            values.pop(overridden, None)

    def start(i: int) -> int:
        return num.starts.get(i, levels[i].start if i in levels else 1)

    values[ilvl] = values[ilvl] + 1 if ilvl in values else start(ilvl)
    for deeper in [d for d in values if d > ilvl]:
        restart = levels[deeper].restart if deeper in levels else None
        if restart is None or (restart > 0 and ilvl < restart):
            del values[deeper]
    if level.fmt == "bullet":
        return None

    def count(m: re.Match) -> str:
        i = int(m.group(1)) - 1
        fmt = levels[i].fmt if i in levels else "decimal"
        decimal = level.legal and i < ilvl and fmt not in ("none", "bullet")
        return format_count(values.get(i, start(i)), "decimal" if decimal else fmt)

    label = _PLACEHOLDER.sub(count, level.text).strip()
    return label or None


def ilvl_for_style(numbering: Numbering, num_id: str, style_id: str | None) -> int:
    """The level a style-numbered paragraph sits at: the level bound to its style, else 0."""
    num = numbering.nums.get(num_id)
    if num is None or style_id is None:
        return 0
    for ilvl, level in numbering.levels(num).items():
        if level.pstyle == style_id:
            return ilvl
    return 0
