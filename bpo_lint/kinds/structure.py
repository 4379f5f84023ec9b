"""Structure kind: numbering gaps and duplicates among sibling clauses.

Both work on the sectioner's tree (bpo_lint.sections): siblings share a parent. A gap is
reported only when small (8.3 then 8.5, or a branch opening at 8.2 after clause 8 or after 7.4;
at most two numbers missing) and when the missing number does not appear as a label in the
text (a clause the sectioner did not split is not a gap). A duplicate is a clause whose printed
number repeats a sibling's (the sectioner gives the second an id ending "#2"). Attachments
("Exhibit A" printed twice) are not checked: a cover page and its continuation often repeat
the label.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.labels import art_value
from bpo_lint.kinds.textutil import finditer_at, line_starts
from bpo_lint.model import Section

_LAST_NUM = re.compile(r"^(?P<head>(?:.*/)?(?:\d{1,3}\.)*)(?P<n>\d{1,3})$")
# Prose, not a contents line. The look-behind (a word start) follows the first letter, so the
# engine skips to the next lower-case letter instead of trying every offset.
_SENTENCE = re.compile(r"[a-z](?<!\w[a-z])[a-z]* [a-z]+ [a-z]+ [a-z]+ [a-z]+\b")
# A table-of-contents line: ends with a page number, or lists several clause numbers. The
# shared first "\s" lets the engine skip from space to space (3x faster on long lines).
_CONTENTS_LINE = re.compile(r"\s(?:\d{1,3}$|\d{1,3}\.\d{1,3}\s.*\s\d{1,3}\.\d{1,3}\s)")
_LINE_NUMBER = re.compile(
    r"(?:^|(?<=[.;:]\n)|(?<=\n\n))[ \t]*(\d{1,3}(?:\.\d{1,3})+)\.?[ \t]+(?=[A-Z])", re.MULTILINE
)
_SUBCLAUSE = re.compile(r"\d{1,3}(?:\.\d{1,3})+")
_REDACTED = re.compile(r"redacted|\*\*\*|\bomitted\b|intentionally", re.IGNORECASE)
_LAST_ART = re.compile(r"^Article (?P<n>[IVXLC]+|\d{1,3})$")


@dataclass(frozen=True)
class NumberingOptions:
    """max_missing: the largest run of missing numbers still reported as a gap."""

    max_missing: int = 2
    check_gaps: bool = True
    check_duplicates: bool = True

    def __post_init__(self) -> None:
        if self.max_missing < 1:
            raise ValueError("max_missing must be at least 1")


def clause_number(sec: Section) -> tuple[str, int] | None:
    """(prefix, last number) of a numbered clause id: "8.5" -> ("8.", 5); None otherwise."""
    m = _LAST_NUM.match(sec.id)
    if m:
        return m["head"], int(m["n"])
    m = _LAST_ART.match(sec.id)
    if m:
        value = art_value(m["n"])
        return ("Article ", value) if value else None
    return None


def _children(doc_sections: tuple[Section, ...]) -> dict[int | None, list[int]]:
    kids: dict[int | None, list[int]] = {}
    for i, s in enumerate(doc_sections):
        kids.setdefault(s.parent, []).append(i)
    return kids


def _label_in_text(text: str, label: str) -> bool:
    """Whether `label` ("8.4") stands alone somewhere: a clause the sectioner left unsplit."""
    lab = re.escape(label)  # the literal first, its look-behind after: a fast literal scan
    return re.search(rf"{lab}(?<![\w.]{lab})(?!\d|\.\d)", text) is not None


def _missing_label(head: str, n: int, article: bool) -> str:
    prefix = head.rsplit("/", 1)[-1]
    return f"Article {n}" if article else f"{prefix}{n}"


def _first_sub(before: Section | None, parent: Section | None, head: str) -> Section | None:
    """The clause that a first sub-clause numbered `head`1 would follow, when that is where the
    numbering continues from: its parent "8" (8 then 8.2), or the clause just before it when
    that ends the previous branch (1.2 then 2.2); None otherwise."""
    if not head.endswith("."):
        return None
    if parent is not None and parent.id == head[:-1]:
        return parent
    last_num = clause_number(before) if before is not None else None
    if (
        last_num is None
        or not last_num[0].endswith(".")
        or last_num[0].count(".") != head.count(".")
    ):
        return None
    where, _, numbers = last_num[0][:-1].rpartition("/")  # "Schedule 1/" stays as it is
    *stem, last = numbers.split(".")
    following = ".".join([*stem, str(int(last) + 1)]) + "."
    return before if head == (f"{where}/{following}" if where else following) else None


def _gaps(rule: Rule, ctx: Context, secs: tuple[Section, ...], group: list[int]) -> Iterator:
    opts = rule.options
    prev: tuple[str, int] | None = None
    prev_sec: Section | None = None
    for i in group:
        sec = secs[i]
        cur = clause_number(sec)
        if cur is None:
            prev = None
            continue
        if (prev is None or prev[0] != cur[0]) and 2 <= cur[1] <= opts.max_missing + 1:
            parent = secs[sec.parent] if sec.parent is not None else None
            # A branch that opens at its second sub-clause (3.2 after 2.4, or under 3) lost its
            # first: compared as if "x.0" came just before it.
            anchor = _first_sub(secs[i - 1] if i else None, parent, cur[0])
            if anchor is not None:
                prev, prev_sec = (cur[0], 0), anchor
        if prev and prev[0] == cur[0] and 2 <= cur[1] - prev[1] <= opts.max_missing + 1:
            article = cur[0] == "Article "
            missing = [_missing_label(cur[0], k, article) for k in range(prev[1] + 1, cur[1])]
            span = ctx.doc.text[prev_sec.start : sec.start] if prev_sec else ""
            # A redacted or omitted clause is missing from this copy only, not from the contract.
            unsplit = any(_label_in_text(span, m) for m in missing)
            # A clause without a sentence is a line of a table of contents, whose slips
            # ("14.1" printed for 14.10) the body does not share.
            contents = not _SENTENCE.search(ctx.doc.text, sec.start, sec.end)
            if not _REDACTED.search(span) and (article or not unsplit) and not contents:
                yield make_finding(
                    rule,
                    ctx,
                    sec.start,
                    sec.body_start if sec.body_start > sec.start else sec.start + len(sec.id),
                    related=(ctx.doc.locate(prev_sec.start),) if prev_sec else (),
                    value=", ".join(missing),
                    other=_missing_label(prev[0], prev[1], article)
                    if prev[1]
                    else prev_sec.id.rsplit("/", 1)[-1],  # the clause a branch continues from
                    number=_missing_label(cur[0], cur[1], article),
                )
        prev, prev_sec = cur, sec


def _repeated_label(text: str, sec: Section, lines: list[int]) -> int | None:
    """Offset of a second clause printed with this section's number inside its span (the
    sectioner keeps one clause per number, so a repeated 5.2 ends up inside the first 5.2)."""
    label = sec.id
    if not _SUBCLAUSE.fullmatch(label):
        return None
    if text[text.rfind("\n", 0, sec.start) + 1 : sec.start].strip():
        return None  # the sectioner started this clause mid-line: maybe at a cross-reference
    line_end = text.find("\n", sec.start)
    first_line = text[sec.start : line_end if line_end != -1 else len(text)].strip()
    if not first_line.startswith(label) or _CONTENTS_LINE.search(first_line):
        return None
    # One shared pattern for every label (compiling one per section cost seconds on long
    # agreements); a match for another number cannot hide one for this label, as both start
    # only just after a line break.
    # _LINE_NUMBER matches only at a line start: try those of the body, not every offset.
    starts = lines[bisect.bisect_left(lines, sec.body_start) : bisect.bisect_right(lines, sec.end)]
    found = finditer_at(_LINE_NUMBER, text, starts, sec.end)
    m = next((m for m in found if m.group(1) == label), None)
    if m is None or not _SENTENCE.search(text, sec.start, m.start()):
        return None  # no sentence before the repeat: a table of contents line
    return m.start() + len(m.group()) - len(m.group().lstrip())


def _duplicates(rule: Rule, ctx: Context, secs: tuple[Section, ...], group: list[int]) -> Iterator:
    text = ctx.doc.text
    by_id = {secs[i].id: secs[i] for i in group}
    for i in group:
        sec = secs[i]
        base, sep, _ = sec.id.partition("#")
        first, at = None, None
        if sep and base in by_id and clause_number(by_id[base]) and "/" not in base:
            first, at = by_id[base], sec.start
        elif (offset := _repeated_label(text, sec, line_starts(ctx))) is not None:
            first, at = sec, offset
        if first is not None and at is not None:
            yield make_finding(
                rule,
                ctx,
                at,
                at + len(base),
                related=(ctx.doc.locate(first.start),),
                value=base,
                other=first.id,
            )


def _check_numbering(rule: Rule, ctx: Context) -> Iterator:
    secs = ctx.doc.sections
    for group in _children(secs).values():
        if rule.options.check_gaps:
            yield from _gaps(rule, ctx, secs, group)
        if rule.options.check_duplicates:
            yield from _duplicates(rule, ctx, secs, group)


NUMBERING = Kind(
    "numbering",
    NumberingOptions,
    _check_numbering,
    "Sibling clauses whose numbers skip (8.3, 8.5) or repeat (two 5.2).",
)
