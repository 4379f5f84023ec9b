"""The `internal-reference` kind: a cross-reference to a clause or attachment the document lacks.

Recognises "Section 4.2(b)", "Sections 3 through 5", "Clause 7", "Article IV", "Schedule 5",
"Exhibit C" and resolves each against the document's labels (bpo_lint.kinds.labels). Only what
can be resolved is reported: a reference to another document ("Section 3 of the SOW", "Article
28 GDPR", "Code Section 409A"), a statute-sized number, or a document whose clauses the sectioner
could not number is skipped. Sub-clauses are resolved by their base ("4.2(b)" needs 4.2), since
the sectioner does not always split them. Each missing target is reported once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bpo_lint.kinds.base import Context, Kind, Rule, make_finding
from bpo_lint.kinds.labels import ATTACHMENTS, Labels, art_value, att_label, labels, num_key
from bpo_lint.kinds.textutil import finditer_at

_NUM = r"\d{1,3}(?:\.\d{1,3})*(?!\w)"
_SUB = r"(?:\s?\([a-zA-Z0-9]{1,5}\))*"
_CONNECT = r"\s*(?:,\s*(?:and|or)?|and|or|and/or|through|thru|to|-|–|—)\s*"
_REF = re.compile(
    rf"\b(?P<word>Sections?|Clauses?|Articles?|{'|'.join(a.title() + 's?' for a in ATTACHMENTS)})"
    rf"(?:[ \t]+|[ \t]*\n[ \t]*)(?P<list>(?:{_NUM}|[A-Z]{{1,2}}\b|[IVXLC]+\b){_SUB}"
    rf"(?:{_CONNECT}(?:{_NUM}|[A-Z]{{1,2}}\b|[IVXLC]+\b){_SUB})*)(?![\w.]\w|%)",
    re.IGNORECASE,
)
# Where a reference may begin: a word starting like one of _REF's words, after a non-word
# character. Case-sensitive on purpose (the engine skips to the next candidate letter only then),
# so the first letter lists each character that matches it ignoring case ("ſ" is an "s").
_WORDS = ("section", "clause", "article", *ATTACHMENTS)
_FOLDS = {"s": "ſ", "k": "\u212a"}
_FIRST = "".join(sorted({c for w in _WORDS for c in w[0] + w[0].upper() + _FOLDS.get(w[0], "")}))
_REF_START = re.compile(
    rf"[{_FIRST}](?<!\w[{_FIRST}])(?i:{'|'.join(sorted({w[1:] for w in _WORDS}))})"
)
_ITEM = re.compile(rf"(?P<label>{_NUM}|[A-Z]{{1,2}}\b|[IVXLC]+\b)(?P<sub>{_SUB})", re.IGNORECASE)
_COMPOUND = re.compile(r"[A-Z0-9]{1,4}-[A-Z0-9]|\d{1,3}(?:\.\d{1,3})*\.[a-zA-Z]\b")
# The first lines of an amendment: its section references are to the amended agreement.
_AMENDMENT = re.compile(r"\bamendment\b|\bamend\s+no\b|\bamending\b", re.IGNORECASE)
# An amendment's own attachment: "attached hereto as Exhibit C", "Schedule 2 attached".
_ATTACHED_BEFORE = re.compile(r"\b(?:attached|hereto)\b[^.;]{0,20}$", re.IGNORECASE)
_ATTACHED_AFTER = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:attached|hereto|to\s+this\s+amendment)\b", re.IGNORECASE
)
_NAMED_BEFORE = re.compile(
    r"\b(?!(?:The|See|In|Under|Per|As|Pursuant|Notwithstanding|Subject|Except|With|Of|On|And|Or"
    r"|By|For|From|To|Upon|If|Unless|Each|Any|This|That|Such|Attached|Refer)\b)[A-Z][a-z]+\s+$"
    # the same in capitals ("TRANSPORTATION SCHEDULE 33" in a contents line)
    r"|\b(?!(?:THE|SEE|IN|UNDER|PER|AS|PURSUANT|TO|AND|OR|BY|ON|OF|WITH|THIS|ATTACHED|REFER|HEREIN"
    r"|HERETO|AN?)\b)[A-Z]{2,}\s+$"
)
# Between two references of a series: "Section 6.4 (Record Retention), Section 6.5 (...) and",
# "Section 10.2 (Governing Law) through Section 10.19 (...) of the Separation Agreement".
_SERIES = re.compile(
    r"(?:\s*\([^()\n]{1,80}\))?\s*,?\s*(?:(?:and|or|and/or|through|to)\s+)?", re.IGNORECASE
)
_THIS_BEFORE = re.compile(r"\b[Tt]his\s+$")
_CONTENTS = re.compile(r"[ \t]*(?:\n|$)")
_LINE_LABEL = re.compile(r"[ \t]*\d{1,3}(?:\.\d{1,3})*\.?[ \t]+(?:[A-Z].{0,60})?")
# After the reference: "of the SOW", "to the Purchase Agreement", "GDPR", "of Regulation (EU)":
# it points into another document. "of this Agreement" and "hereof" stay internal.
_ELSEWHERE_AFTER = re.compile(
    r"\s*(?:\([^()]{0,30}\))?\s*,?\s*(?:(?i:of)\s+(?!(?i:this|these|hereof|herein|above|below)\b)"
    r"|(?:thereto|thereof|thereunder|therein)\b"
    r"|(?:in|under|on)\s+(?!this\b|these\b)(?:the\s+|such\s+|any\s+|each\s+|that\s+|an?\s+)?[A-Z\d]"
    r"|to\s+(?:the\s+|an?\s+|each\s+|any\s+)?(?:[A-Z][\w-]*\s+){0,4}"
    r"(?:Agreement|Contract|Order|SOW|Statement|Plan|Form|Lease|Amendment|Addendum|Indenture)\b"
    r"|(?:of|to)\s+(?:the\s+)?(?:said|applicable|relevant|respective)\b"
    r"|(?:UK\s+|EU\s+)?(?:GDPR|CCPA|HIPAA|U\.?S\.?C|C\.?F\.?R)\b|et\s+seq)",
)
# Before the reference: "Code Section 409A", "U.S.C. Section", "§", "GDPR Article".
_ELSEWHERE_BEFORE = re.compile(
    r"(?:\b(?:Code|Act|Acts|U\.S\.C\.?|C\.F\.R\.?|Regulations?|Directive|GDPR|Law|Rules?|Treas\.?"
    r"|Bankruptcy|Reg\.?|Form|SOW|Order|Agreement['’]s|Item)\s*,?|§)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReferenceOptions:
    """min_numbered: numbered sections a document needs before its clause references are trusted;
    max_top: a clause number above this is a statute ("section 1981"), never checked."""

    min_numbered: int = 3
    max_top: int = 99
    check_attachments: bool = True

    def __post_init__(self) -> None:
        if self.min_numbered < 1 or self.max_top < 1:
            raise ValueError("min_numbered and max_top must be at least 1")


def _target(word: str, label: str, lab: Labels, opts: ReferenceOptions) -> str | None:
    """The name of a missing target ("Section 14.2"), or None when it exists or is unsure."""
    word = singular(word)
    if word in ("section", "clause"):
        key = num_key(label)
        if key is None or key[0] > opts.max_top or lab.numbered_sections < opts.min_numbered:
            return None
        if len(key) > 1 and lab.printed_dotted < opts.min_numbered:
            return None  # sub-clauses numbered by list nesting: "6.3" is not printed anywhere
        if key in lab.nums or (len(key) > 1 and key[0] == 0) or _has_children(key, lab):
            return None
        return f"{word.title()} {label.rstrip('.')}"
    if word == "article":
        value = art_value(label) if label.isdigit() or label.isupper() else None
        if value is None or value > opts.max_top:
            return None
        if (value,) in lab.nums or _has_children((value,), lab):
            return None  # "Article 16" of a document whose clauses are 16.1, 16.2...
        if lab.arts:
            return None if value in lab.arts else f"Article {label}"
        if lab.numbered_sections >= opts.min_numbered and (value,) not in lab.nums:
            return f"Article {label}"
        return None
    if word in ATTACHMENTS and opts.check_attachments:
        if not re.fullmatch(r"[A-Z]|([A-Z])\1|\d{1,2}|[IVX]+", label) or label == "XX":
            return None  # "Schedule 13D" (a securities form), "schedule a" (not a label)
        if (word, att_label(label)) in lab.atts:
            return None
        # Exhibits, annexes... are often numbered alike: "Exhibit A" may be headed "Annex A".
        return f"{word.title()} {label}"
    return None


def _has_children(key: tuple[int, ...], lab: Labels) -> bool:
    """Section 14 exists when clauses 14.1, 14.2... do, even if no heading "14" was found."""
    n = len(key)
    return any(len(k) > n and k[:n] == key for k in lab.nums)


def singular(word: str) -> str:
    """ "Sections" -> "section", "Annexes" -> "annex"."""
    w = word.lower()
    if w.endswith("es") and w[:-2] in ATTACHMENTS:
        return w[:-2]
    return w[:-1] if w.endswith("s") else w


def _labels_of(m: re.Match[str]) -> list[str]:
    """The labels of a (possibly plural) reference; a range keeps its two ends."""
    return [i["label"] for i in _ITEM.finditer(m["list"])]


def _chain_end(text: str, after: int, memo: dict[int, int]) -> int:
    """Where a series of references ends ("Annex I, Annex II and Annex III of the SCCs": the last
    one decides whether all point elsewhere). `memo` maps each reference's end to its series'
    end, so that thousands of back-to-back references are walked once, not once each."""
    path = []
    while after not in memo:
        path.append(after)
        sep = _SERIES.match(text, after).end()
        chained = _REF.match(text, sep) if sep > after else None
        if chained is None:
            break
        after = chained.end()
    end = memo.get(after, after)
    memo.update(dict.fromkeys(path, end))
    return end


def references(ctx: Context) -> list[re.Match[str]]:
    """Every match of _REF in the document, in order, found once."""

    def find() -> list[re.Match[str]]:
        text = ctx.doc.text
        return list(finditer_at(_REF, text, (m.start() for m in _REF_START.finditer(text))))

    return ctx.memo("reference_matches", find)


def _check(rule: Rule, ctx: Context) -> Iterator:
    text, opts = ctx.doc.text, rule.options
    refs = references(ctx)
    lab = labels(ctx, [m.span() for m in refs])
    amendment = bool(_AMENDMENT.search(text[:400]))
    seen: dict[str, list[tuple[int, int]]] = {}
    chain_ends: dict[int, int] = {}
    for m in refs:
        word = m["word"]
        if word[0].islower() and singular(word) not in ("section", "clause"):
            continue  # "schedule 2 meetings", "article of clothing": not labels
        if singular(word) in ATTACHMENTS and _NAMED_BEFORE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            continue  # "Pricing Schedule 50", "Disclosure Schedule": a title, not a label
        if _COMPOUND.match(text, m.start("list")):
            continue  # "Exhibit A-1", "Section 4.2.b": a label we do not model
        after = _chain_end(text, m.end(), chain_ends)
        if _ELSEWHERE_AFTER.match(text, after) or _ELSEWHERE_BEFORE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            continue
        if _CONTENTS.match(text, m.end()) and _LINE_LABEL.fullmatch(
            text, text.rfind("\n", 0, m.start()) + 1, m.start()
        ):
            continue  # "1.5  Exhibits   11": a line of a table of contents
        if singular(word) in ATTACHMENTS and _THIS_BEFORE.search(
            text, max(0, m.start() - 6), m.start()
        ):
            continue  # "this Exhibit 1": the attachment the sentence is in
        if ctx.doc.sections and ctx.doc.section_at(m.start()) is None:
            continue  # before the first section: a table of contents or the cover
        if amendment and singular(word) in ("section", "clause", "article"):
            continue
        if amendment and not (
            _ATTACHED_BEFORE.search(text, max(0, m.start() - 30), m.start())
            or _ATTACHED_AFTER.match(text, m.end())
        ):
            continue  # "Exhibit A is amended to...": the amended agreement's attachment
        items = _labels_of(m)
        if word[-1] not in "sS" and len(items) > 1:
            items = items[:1]  # "Section 5 or 6" is rare; "Clause 7 and other..." is not a list
        for label in items:
            missing = _target(word, label, lab, opts)
            if missing:
                seen.setdefault(missing, []).append((m.start(), m.end()))
    for name, spans in seen.items():
        (s, e), rest = spans[0], spans[1:6]
        related = tuple(ctx.doc.locate(a, b) for a, b in rest)
        yield make_finding(rule, ctx, s, e, related=related, target=name, count=len(spans))


KIND = Kind(
    "internal-reference",
    ReferenceOptions,
    _check,
    "A cross-reference to a section, article or attachment that is not in the document.",
)
