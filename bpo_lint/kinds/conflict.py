"""The `conflict` kind: one subject (a notice period, a cap, a rate) stated with different values.

A value becomes a claim about the rule's subject when the words around it match the rule's cues;
claims are grouped by their qualifiers (acting party, ground, ...) so that, for example, a
convenience notice is never compared with a cure period or with another party's notice.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.clauses import actor, clause_bounds, document_sentences
from bpo_lint.kinds.literal_scan import compile_scan, may_match, prefix_spots
from bpo_lint.kinds.textutil import compile_regex
from bpo_lint.kinds.values import Value, document_values, same_quantity

_VALUE_KINDS = ("duration", "money", "percent")
_REACH_BACK, _REACH_AHEAD = 400, 300  # flattened tables make "sentences" of pages


@dataclass(frozen=True)
class ConflictOptions:
    """Cues that make a value a claim about the subject, and the qualifiers that group claims."""

    value: str = "duration"  # duration | money | percent
    sentence: str = ""  # must match somewhere in the value's sentence
    clause: str = ""  # must match in the value's local clause
    before: str = ""  # must match in the local clause before the value
    after: str = ""  # must match right after the value (anchored)
    exclude: str = ""  # must not match in the local clause
    exclude_before: str = ""  # must not match in the local clause before the value
    exclude_sentence: str = ""  # must not match in the sentence
    exclude_unqualified: str = ""  # must not match the sentence when the first key is not found
    party: bool = False  # group claims by the acting party
    keys: dict = field(default_factory=dict)  # qualifier -> {label: regex}
    _re: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.value not in _VALUE_KINDS:
            raise ValueError(f"value must be one of {', '.join(_VALUE_KINDS)}, not {self.value!r}")
        names = ("sentence", "clause", "before", "after", "exclude", "exclude_before")
        names += ("exclude_sentence", "exclude_unqualified")
        for name in names:
            pattern = getattr(self, name)
            self._re[name] = compile_regex(pattern, True, name) if pattern else None
        if self.sentence:
            self._re["scan:sentence"] = compile_scan(self._re["sentence"])
        if not isinstance(self.keys, dict):
            raise ValueError("keys must be a table of qualifier -> {label = regex}")
        for key, labels in self.keys.items():
            if not isinstance(labels, dict) or not labels:
                raise ValueError(f"keys.{key} must be a table of label = regex")
            for label, pattern in labels.items():
                self._re[f"key:{key}:{label}"] = compile_regex(pattern, True, f"keys.{key}.{label}")


@dataclass(frozen=True)
class Claim:
    """A value that states the subject, with the qualifiers it is compared under."""

    value: Value
    key: tuple[str, ...]
    sentence: int  # start of the sentence: two values in one sentence are never compared


def _qualifier(opts: ConflictOptions, key: str, clause: str, sentence: str) -> str | None:
    """The one label of `key` found in the clause (else the sentence); "" if none, None if many."""
    for text in (clause, sentence):
        hits = [lab for lab in opts.keys[key] if opts._re[f"key:{key}:{lab}"].search(text)]
        if len(hits) > 1:
            return None
        if hits:
            return hits[0]
    return ""


def claims(opts: ConflictOptions, ctx: Context) -> list[Claim]:
    """Every value in the document that the options recognise as a statement of the subject."""
    text, sents = ctx.doc.text, document_sentences(ctx)
    values = [v for v in document_values(ctx) if v.kind == opts.value]
    everything = document_values(ctx)
    starts = [v.start for v in everything]
    r = opts._re
    # Where the sentence cue's first words occur: a sentence holding none of them cannot match,
    # so most values skip the regex search (the costly part on a long agreement).
    spots = prefix_spots(r["scan:sentence"], ctx) if r["sentence"] else None
    out = []
    for v in values:
        sent_start, s1 = sents.at(v.start)
        s0, s1 = max(sent_start, v.start - _REACH_BACK), min(s1, v.end + _REACH_AHEAD)
        sentence = text[s0:s1]
        if r["sentence"] and not (may_match(spots, s0, s1) and r["sentence"].search(sentence)):
            continue
        if r["exclude_sentence"] and r["exclude_sentence"].search(sentence):
            continue
        c0, c1 = clause_bounds(text, (s0, s1), v.start, v.end)
        # A neighbouring value is a boundary too: the words next to it are its own cues.
        i = bisect.bisect_left(starts, v.start)
        if i > 0 and everything[i - 1].end >= s0:
            c0 = max(c0, everything[i - 1].end)
        if i + 1 < len(everything) and everything[i + 1].start < c1:
            c1 = everything[i + 1].start
        clause = text[c0:c1]
        if r["clause"] and not r["clause"].search(clause):
            continue
        if r["before"] and not r["before"].search(text[c0 : v.start]):
            continue
        if r["after"] and not r["after"].match(text[v.end : s1]):
            continue
        if r["exclude"] and r["exclude"].search(clause):
            continue
        if r["exclude_before"] and r["exclude_before"].search(text[c0 : v.start]):
            continue
        key = []
        for name in opts.keys:
            label = _qualifier(opts, name, clause, sentence)
            if label is None:
                break
            key.append(label)
        else:
            unqualified = not key or not key[0]
            if (
                unqualified
                and r["exclude_unqualified"]
                and r["exclude_unqualified"].search(sentence)
            ):
                continue
            if opts.party:
                key.append(actor(text[s0 : v.start]) or "")
            out.append(Claim(v, tuple(key), sent_start))
    return out


def where(ctx: Context, offset: int) -> str:
    """How a message names the place of an offset: its section id, else its line."""
    sec = ctx.doc.section_at(offset)
    if sec is not None:
        return sec.id
    loc = ctx.doc.locate(offset)
    return f"line {loc.line}" if loc.line else f"paragraph {loc.paragraph or '?'}"


def check(rule: Rule, ctx: Context) -> Iterator:
    """Report each claim whose value differs from an earlier claim under the same qualifiers."""
    groups: dict[tuple[str, ...], list[Claim]] = {}
    for c in claims(rule.options, ctx):
        groups.setdefault(c.key, []).append(c)
    for group in groups.values():
        for i, c in enumerate(group):
            # A drafter who gives two values in one sentence means two things (a case, an
            # exception): only statements in separate sentences can contradict each other.
            if any(same_quantity(c.value, e.value) for e in group[:i]):
                continue  # this value was stated before: the conflict is reported once
            earlier = [e for e in group[:i] if e.sentence != c.sentence]
            differ = [e for e in earlier if same_quantity(c.value, e.value) is False]
            if not differ:
                continue
            first = differ[0].value
            yield make_finding(
                rule,
                ctx,
                c.value.start,
                c.value.end,
                related=[ctx.doc.locate(e.value.start, e.value.end) for e in differ],
                value=c.value.display(),
                other=first.display(),
                where=where(ctx, first.start),
            )


KIND = Kind(
    "conflict",
    options=ConflictOptions,
    check=check,
    summary="one subject (notice period, cap, rate) stated with different values",
)
