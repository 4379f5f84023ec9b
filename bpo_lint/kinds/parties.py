"""The `party-names` kind: one party called by several names.

Parties are the parenthetical definitions of the preamble (`Acme Ltd (the "Supplier")`). Two
kinds of second name are reported, each once per name, with the defining clause as related
location: a role word of the same side that the document never defines ("Vendor" or "Service
Provider" when the party is the "Supplier"), and the party's legal name with another spelling of
the same company suffix ("Acme Corp." when the preamble says "Acme Corporation").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.capitalised import known_terms
from bpo_lint.kinds.terms import DefinedTerm, defined_terms
from bpo_lint.kinds.textutil import allowed

_SUFFIX_FAMILIES = (
    ("inc", "incorporated"),
    ("corp", "corporation"),
    ("ltd", "limited"),
    ("co", "company"),
    ("llc", "l.l.c"),
)
_SUFFIX = re.compile(
    r"(?P<core>(?:[A-Z][\w&'’-]*\s+){0,4}[A-Z][\w&'’-]*),?\s+"
    r"(?P<suffix>Incorporated|Inc\b\.?|Corporation|Corp\b\.?|Limited|Ltd\b\.?|L\.L\.C\.|LLC\b"
    r"|Company|Co\b\.?)",
)


@dataclass(frozen=True)
class PartyOptions:
    """Role words that name the same side of a contract; the preamble is at most
    `preamble_chars` long (it ends earlier, at the first numbered clause)."""

    role_groups: tuple[tuple[str, ...], ...] = (
        ("Supplier", "Vendor", "Service Provider", "Provider", "Contractor", "Seller"),
        ("Customer", "Client", "Buyer", "Purchaser"),
    )
    preamble_chars: int = 4000

    def __post_init__(self) -> None:
        groups = tuple(tuple(g) for g in self.role_groups)
        object.__setattr__(self, "role_groups", groups)
        if any(len(g) < 2 for g in groups):
            raise ValueError("each entry of role_groups needs at least two role words")
        if self.preamble_chars < 200:
            raise ValueError("preamble_chars must be at least 200")


def _preamble_end(ctx: Context, limit: int) -> int:
    for s in ctx.doc.sections:
        if s.id[:1].isdigit() or s.id.startswith("Article"):
            return min(s.start, limit)
    return limit


def party_definitions(ctx: Context, limit: int) -> list[DefinedTerm]:
    """The parenthetical definitions of the preamble: the parties and their short names."""
    end = _preamble_end(ctx, limit)
    return [d for d in defined_terms(ctx) if d.style == "paren" and d.start < end]


# A role word names a party after "the" ("The Vendor shall"); "Customer contact handling" at
# the start of a list item, or "Acme Vendor" (a longer name), does not.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _role_uses(text: str, word: str) -> list[re.Match[str]]:
    """Capitalised uses of a role word on its own: not part of a longer name ("Internet Service
    Provider", "Vendor Code"), not quoted (a definition)."""
    # The word comes first and the look-behind after it, so the engine can jump between
    # occurrences of the literal instead of trying every offset (20x faster on long text).
    w = re.escape(word)
    out = []
    for m in re.finditer(rf"{w}(?<![\w\"“'-]{w})(?![\w\"”-]|\s+[A-Z])", text):
        if _THE_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            out.append(m)
    return out


def _roles(rule: Rule, ctx: Context, parties: list[DefinedTerm]) -> Iterator:
    text, known = ctx.doc.text, known_terms(ctx)
    for d in parties:
        group = next((g for g in rule.options.role_groups if d.term in g), None)
        if group is None:
            continue
        for word in group:
            if word == d.term or word in known or word in d.term or d.term in word:
                continue
            if allowed(ctx, word) or any(word in k for k in known if " " in k):
                continue  # "Vendor Management Office" is defined: "Vendor" is part of a term
            uses = _role_uses(text, word)
            if uses:
                first = uses[0]
                yield make_finding(
                    rule,
                    ctx,
                    first.start(),
                    first.end(),
                    related=(ctx.doc.locate(d.start, d.end),),
                    term=d.term,
                    other=word,
                    count=len(uses),
                )


def _family(suffix: str) -> int | None:
    key = suffix.lower().rstrip(".")
    return next((i for i, fam in enumerate(_SUFFIX_FAMILIES) if key in fam), None)


# A notice address ("Attn: General Counsel, Acme Corp.") abbreviates names as post does; the
# name that binds is the one in the preamble, the operative clauses and the signature block.
_ATTENTION = re.compile(r"\b(?:Attn|Attention|c/o|[Cc]opy\s+to)\b")


def _in_address(ctx: Context, offset: int) -> bool:
    """Whether the offset is in a notice address: the notices clause or an "Attn:" line."""
    section = ctx.doc.section_at(offset)
    while section is not None:  # the clause or any article holding it
        if "notice" in section.title.lower():
            return True
        parent = section.parent
        section = ctx.doc.sections[parent] if parent is not None else None
    return bool(_ATTENTION.search(ctx.doc.text, max(0, offset - 120), offset))


def _legal_names(rule: Rule, ctx: Context, parties: list[DefinedTerm]) -> Iterator:
    text = ctx.doc.text
    for d in parties:
        names = list(_SUFFIX.finditer(text, d.definition_start, d.start))
        if not names:
            continue
        name = names[-1]
        core, family = name["core"], _family(name["suffix"])
        if family is None or len(core) < 3:
            continue
        c = re.escape(core)  # the name before its look-behind, as in _role_uses (2x faster)
        pattern = re.compile(rf"{c}(?<![\w-]{c}),?\s+(?P<s>[A-Za-z.]+)", re.IGNORECASE)
        forms: dict[str, list[re.Match[str]]] = {}
        for m in pattern.finditer(text):
            if _in_address(ctx, m.start()):
                continue
            suffix = m["s"].rstrip(".,").lower()
            if _family(suffix) == family:
                forms.setdefault(suffix, []).append(m)
        if len(forms) < 2:
            continue
        main = name["suffix"].rstrip(".").lower()
        for suffix, uses in forms.items():
            if suffix == main or len(uses) > len(forms.get(main, ())):
                continue
            first = uses[0]
            yield make_finding(
                rule,
                ctx,
                first.start(),
                first.end(),
                related=(ctx.doc.locate(name.start(), name.end()),),
                term=" ".join(name.group().split()),
                other=" ".join(first.group().split()),
                count=len(uses),
            )


def _check(rule: Rule, ctx: Context) -> Iterator:
    parties = party_definitions(ctx, rule.options.preamble_chars)
    yield from _roles(rule, ctx, parties)
    yield from _legal_names(rule, ctx, parties)


KIND = Kind(
    "party-names",
    PartyOptions,
    _check,
    "A party defined in the preamble but also called by another role word or name spelling.",
)
