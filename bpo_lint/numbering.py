"""Section labels as contracts print them: "12.3", "(a)", "Article IV", "Exhibit B", headings.

`find_candidates` scans a document's text for every place a section could start and says what
kind of label it carries; it judges only local evidence (what precedes and follows the label).
Whether a candidate fits the numbering sequence is decided by `bpo_lint.sections`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bpo_lint.label_context import (
    after_caps,
    after_sentence_end,
    follow_ok,
    line_context,
    next_word,
    runs_on,
)
from bpo_lint.model import Document
from bpo_lint.sections_shape import is_title_text, title_part

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_WORD_NUM = {w: i + 1 for i, w in enumerate((_WORDS + " fifteen sixteen").split())}
_SCHEDULE_KW = {
    "schedule": "Schedule",
    "exhibit": "Exhibit",
    "annex": "Annex",
    "appendix": "Appendix",
    "attachment": "Attachment",
    "addendum": "Addendum",
}

# Labels of the parts of an agreement, whose false start would swallow everything after them.
_PART_KW = {*_SCHEDULE_KW, "article"}

# One regex per label family: alternations of look-behinds at every position were 3x slower.
_KW = re.compile(
    r"(?P<kw>\b(?:ARTICLE|Article|SECTION|Section|SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex"
    r"|APPENDIX|Appendix|ATTACHMENT|Attachment|ADDENDUM|Addendum))[ \t]+"
    # "Schedule 7L" is not Schedule 7: a number runs to its end (possessive, no backtracking)
    r"(?P<kwnum>\d{1,3}+(?:\.\d{1,3}+){0,3}+(?![A-Za-z\d])|[IVXLC]{1,7}\b|[IVX]{1,3}[1l][IVX1l]{0,3}\b|[A-Z]{1,2}\b"
    r"|[A-Za-z]+)(?P<kwdot>\.?)"
)
_DEC = re.compile(
    r"(?P<dec>\d{1,3}(?:\.\d{1,3}){0,4})(?P<decdot>[.)]?)(?=[ \t\u00a0*]|(?<=\.)[A-Z][a-z])"
)
_PAR = re.compile(r"\((?P<par>[a-z]{1,2}|[ivxl]{1,6}|[A-Z]{1,2}|[IVXL]{1,6}|\d{1,2})\)(?=[ \t*])")
_LET = re.compile(r"[\s*](?P<let>[A-Za-z]|[IVX]{1,5}|[ivx]{1,5})(?P<letend>[.)])(?=[ \t])")
# A word that makes the number after it a reference, not a label.
_NUMBER_WORD = re.compile(
    r"\b(?:No|Nos|Number|Paragraphs?|Para|Clauses?|Sections?|Articles?|Subsections?|Items?|Rule"
    r"|Page|Volume|Vol|Chapter|Version)\.?[ \t]*$",
    re.IGNORECASE,
)
# A word that makes the label after it part of a sentence ("and Section 18", "under Article 4").
_LINKING_WORD = re.compile(
    r"\b(?:and|or|in|under|to|of|see|per|with|by|from|than|pursuant|including)[ \t]*$",
    re.IGNORECASE,
)
# A roman numeral whose I was scanned as a digit one or a lower-case L: "I1", "Il", "V1".
_OCR_ROMAN = re.compile(r"[IVX]{1,3}[1l][IVX1l]{0,3}")
_REF_AFTER = re.compile(r"[ \t]*\([^()\n]{1,80}\)[ \t]*[,;]?[ \t]*[a-z]")
_FOOTER = re.compile(r"Source:[^\n]{0,300}?Page \d+")


@dataclass(frozen=True)
class Candidate:
    """A place where a section may start, with its label parsed.

    kind is "dec" (1, 1.2, Section 4.2), "art" (Article IV), "sch" (Exhibit B), "list"
    ((a), (i), A.) or "head" (an unnumbered heading line). For "list", `letter` and `roman` hold
    the value under each reading (either may be None) and `scheme` the style ("(a", "a.", "(A"...).
    """

    start: int
    label_end: int
    kind: str
    label: str
    parts: tuple[int, ...] = ()
    value: int = 0
    scheme: str = ""
    letter: int | None = None
    roman: int | None = None
    line_start: bool = False
    gap: bool = False
    strong: bool = False
    indent: int = 0
    head_level: int = 1


def roman_value(s: str) -> int | None:
    """The value of a roman numeral (i..cccxc), or None when it is not one."""
    s = s.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if total > 0 else None


def number_value(s: str) -> int | None:
    """Value of a keyword number: 4, IV, B, FOUR (None when unreadable)."""
    if s.isdigit():
        return int(s)
    if s.lower() in _WORD_NUM:
        return _WORD_NUM[s.lower()]
    if s.isupper() and roman_value(s) and len(s) > 1:
        return roman_value(s)
    if len(s) == 1 and s.isalpha():
        return ord(s.upper()) - 64
    return roman_value(s)


def _list_values(raw: str) -> tuple[int | None, int | None]:
    """(letter value, roman value) for a list label such as a, i, B, IV, 3."""
    letter = ord(raw.lower()) - 96 if len(raw) == 1 and raw.isalpha() else None
    if len(raw) == 2 and raw[0] == raw[1] and raw.isalpha():
        letter = ord(raw[0].lower()) - 96 + 26  # (aa) follows (z)
    return letter, roman_value(raw)


def find_candidates(doc: Document) -> list[Candidate]:
    """Every plausible section start in the document, in order, judged on local evidence."""
    text = doc.text
    footers = [m.span() for m in _FOOTER.finditer(text)]
    strong_starts = {
        doc.block_starts[i]: (b.heading_level or 1)
        for i, b in enumerate(doc.blocks)
        if b.heading_level or b.style == "heading"
    }
    out: list[Candidate] = []
    fi, prev_end = 0, -1000
    for start, end, groups in _label_hits(text):
        while fi < len(footers) and footers[fi][1] < start:
            fi += 1
        if fi < len(footers) and footers[fi][0] <= start < footers[fi][1]:
            continue
        line_start, gap, _prev, indent = line_context(text, start)
        if not gap and fi > 0 and 0 <= start - footers[fi - 1][1] <= 3:
            gap = True
        if not gap and 0 < start - prev_end <= 60 and is_title_text(text[prev_end:start]):
            gap = True  # "1.0 Services 1.1. Client...": right after a run-in heading's title
        prev_end = end
        strong = line_start and (text.rfind("\n", 0, start) + 1) in strong_starts
        cand = _classify(start, end, groups, text, (line_start, gap, indent, strong))
        if cand is not None:
            out.append(cand)
    return out


def _label_hits(text: str) -> list[tuple[int, int, dict]]:
    """(start, end, named groups) of every label-shaped match, in order, without overlaps."""
    hits = [(m.start(), m.end(), m.groupdict()) for m in _KW.finditer(text)]
    taken = {k for s, e, _ in hits for k in range(s, e)}
    for m in _DEC.finditer(text):
        prev = text[m.start() - 1] if m.start() else " "
        if m.start() not in taken and not (prev.isalnum() or prev in "_$.,/-("):
            hits.append((m.start(), m.end(), m.groupdict()))
    for m in _PAR.finditer(text):
        prev = text[m.start() - 1] if m.start() else " "
        if not (prev.isalnum() or prev in "_("):
            hits.append((m.start(), m.end(), m.groupdict()))
    for m in _LET.finditer("\n" + text):
        if m.start() not in taken:  # offsets in "\n" + text are one more than in text
            hits.append((m.start(), m.end() - 1, m.groupdict()))
    hits.sort(key=lambda h: h[0])
    return hits


def _classify(
    start: int, end: int, g: dict, text: str, where: tuple[bool, bool, int, bool]
) -> Candidate | None:
    """Turn one label match into a Candidate, or None when the context rules it out."""
    line_start, gap, indent, strong = where
    sent = after_sentence_end(text, start)
    nxt = next_word(text, end)
    common = {"line_start": line_start, "gap": gap, "strong": strong, "indent": indent}
    if g.get("kw"):
        kw, num = g["kw"], g["kwnum"]
        if not (line_start or gap or sent) or nxt[:1] in (",", ")", ";"):
            return None
        if not line_start and _LINKING_WORD.search(text, max(0, start - 12), start):
            return None  # "Section 12 (Competition); and Section 18 (Covenants)": references
        if nxt[:1].isalpha() and nxt[:1].islower():
            return None  # "Section 4.2 of this Agreement" is a reference
        if _REF_AFTER.match(text, end):
            return None  # "Schedule 1 (Details of Processing) to this DPA" too
        low = kw.lower()
        if low in _PART_KW and line_start and not strong and runs_on(text, start, end):
            return None  # "...set forth in attached\nExhibit A. Customer shall execute..."
        if low in _SCHEDULE_KW:
            if not (line_start or kw.isupper()):
                return None
            if low == "exhibit" and num.isdigit() and not text[:start].strip():
                return None  # "Exhibit 10" atop an SEC filing labels the filing, not a part
            value = number_value(num)
            if value is None or (len(num) > 2 and not num.isdigit() and num.upper() != num):
                return None
            label = f"{_SCHEDULE_KW[low]} {num.upper() if not num.isdigit() else num}"
            return Candidate(start, end, "sch", label, value=value, **common)
        if low == "article":
            if _OCR_ROMAN.fullmatch(num):
                num = num.replace("1", "I").replace("l", "I")  # scanned "ARTICLE I1" is II
            value = roman_value(num) if num.isupper() else None
            value = value or number_value(num)
            if value is None or "." in num:
                return None
            if not num.isdigit() and num.lower() in _WORD_NUM:
                num = str(value)
            return Candidate(start, end, "art", f"Article {num.upper()}", value=value, **common)
        if not re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", num):
            return None
        parts = tuple(int(p) for p in num.split("."))
        return Candidate(start, end, "dec", num, parts=parts, **common)
    if g.get("dec"):
        num, dot = g.get("dec"), g.get("decdot")
        if not (line_start or gap or sent or after_caps(text, start, end)):
            return None
        if not line_start and _NUMBER_WORD.search(text, max(0, start - 16), start):
            return (
                None  # "Volume No. 1.", "AS PROVIDED IN PARAGRAPH 11.04 (EXCEPTIONS": a reference
            )
        if not dot and "." not in num and not line_start:
            return None  # "1 Definitions" is a heading only at the start of a line
        if not follow_ok(nxt, line_start and bool(dot or "." in num)):
            return None
        if not dot and "." not in num:
            after = text[end : end + 5]
            if after.startswith("    ") or not is_title_text(title_part(text, end)):
                return None  # a page number before a wide gap, or not a heading
        parts = tuple(int(p) for p in num.split("."))
        while len(parts) > 1 and parts[-1] == 0:
            parts = parts[:-1]  # "1.0 Services" is clause 1
        if parts[0] == 0 or parts[0] > 200:
            return None
        return Candidate(start, end, "dec", num, parts=parts, **common)
    raw = g.get("par") or g.get("let")
    paren = bool(g.get("par"))
    if not (line_start or gap or (sent and text[start - 2 : start].strip() != ":")):
        return None
    if not paren and not line_start and not (gap or sent):
        return None
    if not follow_ok(nxt, line_start or paren):
        return None
    if raw.isdigit():
        if not paren:
            return None
        return Candidate(start, end, "list", raw, scheme="(1", letter=int(raw), **common)
    letter, roman = _list_values(raw)
    if letter is None and roman is None:
        return None
    case = "A" if raw.isupper() else "a"
    scheme = ("(" + case) if paren else (case + g.get("letend", "."))
    return Candidate(start, end, "list", raw, scheme=scheme, letter=letter, roman=roman, **common)
