"""The sectioner: a read `Document` -> the same document with a tree of `Section`s.

Candidates (bpo_lint.numbering, bpo_lint.sections_headings) are accepted only when they continue
a plausible numbering sequence; a table of contents and lists of exhibits are skipped.

Section ids:
  * numbered clauses keep their printed number: "4", "12.3", "1.01" ("Section 4.2" -> "4.2");
  * articles: "Article IV" / "Article 4" (as printed, "Article" capitalised);
  * schedules and the like: "Schedule 3", "Exhibit B", "Annex 1", "Appendix A"; numbering
    restarts inside them and their clauses are prefixed: "Schedule 3/1.2";
  * sub-clauses append to their parent: "(a)" under 12.3 -> "12.3(a)", then "12.3(a)(i)";
    "A." under 2 -> "2.A";
  * unnumbered headings get "s" + their ordinal among unnumbered sections: "s1", "s2"...;
  * an id already used gets its parent's id in front ("Article II/1"), else "#2", "#3"...
Level is the depth in the tree (1 = top). Text before the first section belongs to no section.
"""

from __future__ import annotations

import re

from bpo_lint.model import Document, Section
from bpo_lint.numbering import Candidate, find_candidates
from bpo_lint.sections_headings import heading_candidates, heading_title
from bpo_lint.sections_seq import sequence

# A sentence end in prose: ". ", or "; " before a lower-case word ("; and"). A semicolon between
# the words of a title ("Payment; Records; Audits") is not one.
_SENTENCE = re.compile(r"[a-z]{2}(?:\.\s|;\s+[a-z])")
# A line of a table of contents: a heading, dot leaders, a page number ("Termination .... 7").
CONTENTS_LINE = re.compile(
    r"^[^\n]*(?:\.{4,}|…{2,})[ \t]*(?:Page[ \t]+)?\d{1,4}[ \t]*$", re.MULTILINE
)


def split_sections(doc: Document) -> Document:
    """Split a document into a tree of sections (in document order) and return the copy."""
    labels = find_candidates(doc)
    starts = {doc.block_index(c.start) for c in labels if c.line_start}
    for loose in (False, True):
        heads = heading_candidates(doc, starts, loose)
        cands = sorted(labels + heads, key=lambda c: (c.start, c.kind))
        cands = _drop_toc(doc.text, _drop_exhibit_lists(cands))
        titles = [heading_title(doc.text, c) for c in cands]
        accepted, parents, ids = sequence(cands, titles)
        if len(accepted) >= 3:
            break  # a document with almost no numbering retries with Title Case headings
    return doc.with_sections(_build(doc.text, cands, titles, accepted, parents, ids))


def _drop_exhibit_lists(cands: list[Candidate]) -> list[Candidate]:
    """Drop a schedule label that is only a line of a list of exhibits (it appears again later)."""
    first_body = next((c.start for c in cands if c.kind in ("dec", "art")), 0)
    out = []
    for k, c in enumerate(cands):
        if c.kind == "sch":
            later = any(d.kind == "sch" and d.label == c.label for d in cands[k + 1 :])
            nxt = cands[k + 1] if k + 1 < len(cands) else None
            close = nxt is not None and nxt.kind == "sch" and nxt.start - c.start < 200
            if later and (close or c.start < first_body):
                continue
        out.append(c)
    return out


def _key(c: Candidate) -> tuple:
    return (c.kind, c.parts or (c.value,))


def _drop_toc(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop the candidates of a table of contents: a run of labels without bodies that starts
    again with the same first label ("1. Definitions ..... 1" ... "1. Definitions")."""
    for i, c in enumerate(cands[:80]):
        if c.kind not in ("dec", "art") or _key(c)[1] not in ((1,), (1, 1)):
            continue
        for j in range(i + 1, len(cands)):
            d = cands[j]
            if d.kind == "sch":
                break
            if _key(d) != _key(c):
                continue
            n, span = j - i, text[c.start : d.start]
            # Dot leaders to page numbers mark a table of contents even when its first line is
            # indented differently from the clause it lists; otherwise the indents must match.
            if d.indent != c.indent and len(CONTENTS_LINE.findall(span)) * 2 < n:
                continue
            sparse = len(_SENTENCE.findall(span)) * 400 < len(span)
            if n >= 2 and sparse:
                while j - 1 > i and cands[j - 1].kind == "dec" and cands[j - 1].parts == (1,):
                    j -= 1  # the TOC matched on 1.1: keep the heading "1." just before it
                return cands[:i] + cands[j:]
            break
        return cands
    return cands


def _build(
    text: str,
    cands: list[Candidate],
    titles: list[tuple[str, int]],
    accepted: list[int],
    parents: list[int | None],
    ids: list[str],
) -> list[Section]:
    """Turn the accepted candidates into Sections with nested, whitespace-trimmed spans."""
    ends = [len(text)] * len(accepted)
    open_: list[int] = []
    for j, p in enumerate(parents):
        while open_ and open_[-1] != p:
            ends[open_.pop()] = cands[accepted[j]].start
        open_.append(j)
    levels: list[int] = []
    out = []
    for j, k in enumerate(accepted):
        c, (title, body) = cands[k], titles[k]
        end = ends[j]
        while end > c.label_end and text[end - 1].isspace():
            end -= 1
        p = parents[j]
        levels.append(levels[p] + 1 if p is not None else 1)
        out.append(Section(ids[j], title, levels[j], c.start, end, min(body, end), p))
    return out


def _where(doc: Document, offset: int) -> str:
    """A short location: "12:5" for text, "p.3 l.7" for PDF, "¶45" for DOCX."""
    loc = doc.locate(offset)
    if loc.page is not None:
        return f"p.{loc.page}" + (f" l.{loc.line}" if loc.line else "")
    if loc.paragraph is not None:
        return f"¶{loc.paragraph}"
    return f"{loc.line}:{loc.column}" if loc.line is not None else "document"


def section_tree_lines(doc: Document) -> list[str]:
    """An indented outline of the sections: "id  title  [start location]" per line."""
    lines = []
    for s in doc.sections:
        title = f"  {s.title}" if s.title else ""
        lines.append(f"{'  ' * (s.level - 1)}{s.id}{title}  [{_where(doc, s.start)}]")
    return lines
