"""What a section heading says about its areas: the heading cues of rules/areas, plus lists.

`GENERAL` headings ("Miscellaneous", "General Provisions") and `MIXED` ones ("Representations and
Warranties") hold clauses of several kinds, so they say nothing and are never used as negatives.
`NO_AREA` headings name clauses that belong to none of the eight areas (definitions, notices,
assignment...), so their bodies are useful negatives when training. The lists come from contract
drafting practice, not from any evaluation document.
"""

from __future__ import annotations

import re

from bpo_lint.areas import Area, any_cue

GENERAL = re.compile(
    r"^(miscellaneous|general|general provisions?|general terms( and conditions)?|"
    r"other provisions|boilerplate|miscellaneous provisions|additional terms|"
    r"standard terms|other terms)$",
    re.IGNORECASE,
)
# Warranty articles mix areas like Miscellaneous does: compliance with laws, non-infringement
# (an IP warranty in AREAS.md), data security, performance. Judged clause by clause, never a
# negative.
MIXED = re.compile(
    r"^([\w’']+\s){0,2}(representations|warranties|warranty)\b(?!\s+(period|claims?)\b)",
    re.IGNORECASE,
)
NO_AREA = re.compile(
    r"^(definitions?|certain definitions|defined terms|interpretation|construction|"
    r"recitals?|background|"
    r"notices?|addresses for notices|counterparts?|entire agreement|integration|"
    r"severability|severance|assignment|assignability|successors( and assigns)?|"
    r"binding effect|waivers?|no waiver|amendments?|modifications?|"
    r"amendments? and waivers?|headings|captions|titles and headings|"
    r"force majeure|insurance|indemni(ty|ties|fication|fy)|limitations? (of|on) liability|"
    r"disclaimers?|"
    r"relationship of (the )?parties|independent contractors?|no partnership|"
    r"non-?competition|non-?compete|exclusivity|non-?solicitation|publicity|"
    r"further assurances|third[- ]party beneficiar(y|ies)|no third[- ]party beneficiaries|"
    r"survival of representations|cumulative remedies|remedies|expenses of the parties|"
    r"signatures?|execution|authority|effective date|parties|witnesseth|"
    r"specific performance|costs and expenses of enforcement|language|"
    r"cooperation|good faith|no agency|order of precedence|precedence|"
    r"schedules and exhibits|exhibits|attachments|partial invalidity|non-?waiver|"
    r"public announcements?|press releases?|no joint venture|joint venture|"
    r"descriptive headings|section headings|no consequential damages|consequential damages|"
    r"liability|limitation of damages|no implied rights|no other rights|no conflict|"
    r"conflicts? of interest|covenants|mutual covenants|additional covenants|closing|"
    r"conditions( precedent)?|currency|legal fees|attorneys.? fees|reserved|"
    r"intentionally omitted|not used)\b",
    re.IGNORECASE,
)
_NUMBERED = re.compile(
    r"^\s*([\d(]|(article|section|clause|schedule|exhibit|annex|appendix|part)\s+\w)",
    re.IGNORECASE,
)
# Numbering, labels and trailing punctuation around the words of a heading.
_LEAD = re.compile(
    r"^\s*((article|section|clause|schedule|exhibit|annex|appendix|part)\s+)?"
    r"([0-9ivxlcIVXLC]+[.)]?|[A-Za-z][.)]|\([A-Za-z0-9]+\))?(\s*[0-9.]+)*[\s.:)\-–—]*",
    re.IGNORECASE,
)


# A defined term ("Service Levels" means ..., bold in Markdown or not) names a word, not a clause
# about the area.
_DEFINITION = re.compile(
    r"^[(\[]?(\*\*|__)?[\"“”‘'][^\"“”]{1,80}[\"“”’'](\*\*|__)?\s*(\([^)]{0,40}\)\s*)?,?\s*"
    r"(means|shall mean|mean|has the meaning|have the meaning|shall have the meaning|"
    r"refers to|is defined|includes)\b",
    re.IGNORECASE,
)


_PARTS = re.compile(r"\s*(?:[;,/&]|\band\b|\bor\b)\s*", re.IGNORECASE)


def is_definition(body: str) -> bool:
    """True when a section body starts like a definition: '"Term" means ...'."""
    return bool(_DEFINITION.match(body[:200].lstrip()))


def normalise(title: str) -> str:
    """A heading with numbering, case-noise and trailing punctuation removed."""
    text = re.sub(r"\s+", " ", title).strip()
    if _NUMBERED.match(text):
        text = _LEAD.sub("", text, count=1)
    return text.strip(" .:;-–—").strip()


def heading_areas(title: str, areas: tuple[Area, ...]) -> tuple[str, ...]:
    """Ids of the areas whose heading cues match this heading (in area order)."""
    words = normalise(title)
    if not words:
        return ()
    # "Services; Term and Termination" names three topics: anchored cues see each part alone.
    parts = [words, *(p.strip() for p in _PARTS.split(words) if p.strip())]
    return tuple(a.id for a in areas if any(any_cue(a.heading_cues, part) for part in parts))


def heading_kind(title: str, areas: tuple[Area, ...]) -> tuple[str, tuple[str, ...]]:
    """("areas", ids) | ("general", ()) | ("none", ()) | ("unknown", ()) for one heading."""
    words = normalise(title)
    if not words:
        return "unknown", ()
    if GENERAL.match(words):
        return "general", ()
    found = heading_areas(words, areas)
    if found:
        return "areas", found
    if MIXED.match(words):
        return "general", ()
    if NO_AREA.match(words):
        return "none", ()
    return "unknown", ()
