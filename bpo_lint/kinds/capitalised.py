"""Capitalised phrases that look like defined terms, and what counts as defined in a document.

Shared by the definitions rules. "Defined" is generous on purpose (precision first): a term
found by bpo_lint.kinds.terms, any quoted capitalised phrase, `Term means` / `Term:` at a line
start, an unquoted `(the Term)`, and the singular/plural forms of each. A candidate is a phrase
of two to four Capitalised words after a lower-case determiner ("the Key Personnel"), which is
how a defined term is used; names of laws, places, organisations and documents are left out.
"""

from __future__ import annotations

import re

from bpo_lint.kinds.base import Context
from bpo_lint.kinds.terms import defined_terms
from bpo_lint.kinds.textutil import finditer_at

# Defined in passing: "Account Representatives (as defined in Section 18.1)", "Local Area
# Network (LAN)".
# Possessive word runs (*+) and a word start keep the scans linear on long runs of letters.
# The look-behind comes after the first capital (here and in _MEANS_PLAIN) so that the engine
# skips to the next capital instead of trying every offset.
_IN_PASSING = re.compile(
    r"(?P<t>[A-Z](?<![\w-].)[\w-]*+(?:\s+[A-Z][\w-]*+){1,4})\s*\((?:as\s+(?:such\s+term\s+is\s+)?defined"
    r"|[\"“]?[A-Z]{2,}[\"”]?\))"
)
_QUOTED = re.compile(r"[\"“'‘](?:the\s+)?(?P<t>[A-Z][^\"“”'‘’\n]{0,79}?)[\"”'’]")
_MEANS_PLAIN = re.compile(
    r"(?P<t>[A-Z](?<![^\s(].)[\w&/-]*+(?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][\w&/-]*+){0,5})[*_]*"
    r"\s*(?::\s|\s(?:shall\s+)?means?\b|\shas\s+the\s+meaning|\sis\s+defined)",
    re.MULTILINE,
)
_PAREN_PLAIN = re.compile(
    r"\((?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?|each\s+a\s+|together\s+the\s+)"
    r"(?P<t>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\)"
)
_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
CANDIDATE = re.compile(
    r"\b(?:[Tt]he|[Aa]ny|[Ee]ach|[Aa]ll|[Ss]uch|a|an|its|their|[Nn]o|[Ee]very|other|relevant"
    r"|applicable|said)\s+"
    # words on one line: a heading followed by a capitalised sentence start is not a phrase
    rf"(?P<p>{_WORD}(?:[ \t]+{_WORD}){{1,3}})\b(?![-’'](?:s\b)?\w|[ \t]+[A-Z\d])"
    # part of a longer name ("International Chamber of Commerce"), or defined by reference
    r"(?!\s+(?:of|for|and|on|in|&|de|du)\s+(?:the\s+)?[A-Z])"
    r"(?!\s*\(as\s+(?:such\s+term\s+is\s+)?defined)"
)
# A run-in definition or clause title at a line start: "Business Day. Any day other than ..."
_RUNIN = re.compile(
    r"(?:^[ \t]*|(?<=\s\s)(?=[(\dA-Z]))(?:\(?[\dA-Za-z]{1,4}(?:\.\d{1,3})*[.)]?\s+)?"
    r"(?P<t>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})\.\s",
    re.MULTILINE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A phrase with one of these words is a name, not a defined term (laws, places, bodies).
_NAME_WORDS = _words(
    """
    united states kingdom republic federal national european america american english
    british new north south east west northern southern eastern western central state county
    city january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday christmas easter
    internal revenue securities exchange reserve nasdaq york california delaware texas
    florida england wales scotland ireland canada china india japan germany france supreme
    district circuit federal bankruptcy uniform commercial privacy shield international
    chief officer president vice director directors journal index statute web world wide
    internet stock street wall global worldwide third
    """
)
_NAME_ENDS = _words(
    """
    act acts code law laws regulation regulations directive rules rule court courts inc corp
    corporation company limited ltd llc plc bank university association commission board
    office department agency authority government group institute foundation council
    committee agreement agreements contract amendment addendum schedule exhibit annex
    appendix attachment form forms certificate policy policies plan guide guidelines manual
    handbook procedures street avenue road drive boulevard square building center centre
    tower house suite
    """
)
# The document's name must be capitalised (case-sensitive): "defined in context" is not one.
_ELSEWHERE = re.compile(
    r"(?i:capitali[sz]ed\s+terms?)\b[^.]{0,160}?\b(?i:meanings?|defined|definitions?)\b"
    r"[^.]{0,120}?\b(?:in|on|by)\s+(?:the\s+|each\s+|any\s+|an?\s+|such\s+)?"
    r"(?P<doc>(?!this\b|these\b|Section\b|Clause\b|Article\b|herein\b)"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})",
)


def variants(term: str) -> set[str]:
    """The term and its plural/singular forms: Service/Services, Party/Parties, Fee/Fees."""
    out = {term}
    if term.endswith("ies"):
        out.add(term[:-3] + "y")
    elif term.endswith("s"):
        out.add(term[:-1])
    if term.endswith("y") and not term.endswith(("ay", "ey", "oy", "uy")):
        out.add(term[:-1] + "ies")
    else:
        out.add(term + "s")
        out.add(term + "es")
    return out


_SPACE_RUN = re.compile(r"\s\s+")


def _runin_starts(text: str) -> list[int]:
    """Where a _RUNIN match may begin: a line start, or the end of a run of 2+ spaces."""
    lines = [0, *(m.end() for m in re.finditer("\n", text))]
    return sorted({*lines, *(m.end() for m in _SPACE_RUN.finditer(text))})


def _known_terms(ctx: Context) -> frozenset[str]:
    text = ctx.doc.text
    found = {d.term for d in defined_terms(ctx)}
    found.update(m["t"].strip() for m in _QUOTED.finditer(text))
    found.update(m["t"].strip() for m in _MEANS_PLAIN.finditer(text))
    found.update(m["t"].strip() for m in _PAREN_PLAIN.finditer(text))
    found.update(m["t"].strip() for m in finditer_at(_RUNIN, text, _runin_starts(text)))
    found.update(m["t"].strip() for m in _IN_PASSING.finditer(text))
    out: set[str] = set()
    for term in found:
        term = term.strip(" .,;:*_")
        if term:
            out.update(variants(term))
    return frozenset(out)


def known_terms(ctx: Context) -> frozenset[str]:
    """Every form of every term the document defines (generously), computed once."""
    return ctx.memo("known_terms", lambda: _known_terms(ctx))


def defined_elsewhere(ctx: Context) -> tuple[int, int, str] | None:
    """(start, end, document name) of a clause saying capitalised terms are defined in another
    document ("... have the meanings given in the Order Form"), or None."""

    def find() -> tuple[int, int, str] | None:
        m = _ELSEWHERE.search(ctx.doc.text)
        return (m.start(), m.end(), m["doc"].strip()) if m else None

    return ctx.memo("terms_defined_elsewhere", find)


def is_name(phrase: str) -> bool:
    """A place, law, body or document name rather than a defined term."""
    words = phrase.lower().replace("-", " ").split()
    return words[-1] in _NAME_ENDS or any(w in _NAME_WORDS for w in words)


def heading_offsets(ctx: Context) -> list[tuple[int, int]]:
    """Spans of section headings (label and title): capitals there are titles, not terms."""
    return ctx.memo("heading_spans", lambda: [(s.start, s.body_start) for s in ctx.doc.sections])
