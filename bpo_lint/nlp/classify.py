"""Section labels: heading cues and the trained classifier combined.

A clear heading ("Termination") is strong evidence and decides alone. The classifier judges
every section by its own body (heading and subsections removed), so a headless or misleadingly
headed clause is still found. "Miscellaneous"/"General" sections are judged clause by clause:
through their subsections when the sectioner split them, else sentence by sentence.
"""

from __future__ import annotations

import re

from bpo_lint.areas import AREA_IDS, Area, any_cue
from bpo_lint.model import Document, SectionLabel
from bpo_lint.nlp.dataset import MIN_CHARS, model_text, own_text
from bpo_lint.nlp.headings import heading_kind, is_definition
from bpo_lint.nlp.key_terms import cell_areas, row_areas
from bpo_lint.nlp.model import score_texts

# A section headed as outside all areas ("Notices", "Definitions") needs a surer classifier.
NO_AREA_MARGIN = 0.5
# A section whose own heading names an area ("Deliverables", "Fees") is about that area; the
# classifier adds another area there only with a surer score. Without it, the word "Service" in a
# list of deliverables made that list a service level. Neutral on the reader-labelled dev sections.
HEADED_MARGIN = 0.3
# A clause shorter than this (characters) is read in the context of its parent's heading.
SHORT_CLAUSE = 300
# A body cue lets the classifier count from this fraction of its threshold.
BODY_CUE_FACTOR = 0.6
# A long section mixes clauses, and the sentence that names its topic weighs little among the
# words of the others: the classifier reads pieces this long and keeps each area's best score.
PIECE_CHARS = 600
# An area that no heading or key-terms row names needs, somewhere in the document, one call that
# clears its bar without a body cue's help, raised by this fraction of the way to 1.0. Chosen on
# 30 reader-labelled held-out training documents (benchmarks/presence_train.py): 0.0 agreed best
# (221/240 against 219/240 without the rule); higher margins lost areas a reader found.
LONE_CALL_MARGIN = 0.0
_SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=\(?[A-Z0-9])")


def clause_pieces(text: str, size: int = 600) -> list[str]:
    """An unsplit general section cut into sentence groups of about `size` characters."""
    pieces, current = [], ""
    for sentence in _SENTENCE_END.split(model_text(text)):
        if current and len(current) + len(sentence) > size:
            pieces.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces


def _pieces_of(texts: list[str], size: int) -> tuple[list[str], list[int]]:
    # Every text's pieces in one list, for one batched pass of the model, with their owners.
    pieces: list[str] = []
    owner: list[int] = []
    for i, text in enumerate(texts):
        for piece in clause_pieces(text, size) or [text]:
            pieces.append(piece)
            owner.append(i)
    return pieces, owner


def clause_scores(nlp, texts: list[str], size: int = PIECE_CHARS) -> list[dict[str, float]]:
    """Area scores of each text: each area's best score over the text's clause-size pieces."""
    pieces, owner = _pieces_of(texts, size)
    out = [dict.fromkeys(AREA_IDS, 0.0) for _ in texts]
    for i, scores in zip(owner, score_texts(nlp, pieces), strict=True):
        out[i] = {a: max(out[i][a], scores[a]) for a in AREA_IDS}
    return out


def clause_areas(
    nlp,
    texts: list[str],
    thresholds: dict[str, float],
    areas: tuple[Area, ...],
    margins: list[float] | None = None,
) -> list[tuple[dict[str, float], set[str]]]:
    """Each text's best area scores and the areas its clause-size pieces support.

    A body cue lowers the bar only for the piece it stands in: a long section that names
    "service levels" once must not let an unrelated paragraph of it count as a service level.
    """
    pieces, owner = _pieces_of(texts, PIECE_CHARS)
    out = [(dict.fromkeys(AREA_IDS, 0.0), set()) for _ in texts]
    for i, piece, scores in zip(owner, pieces, score_texts(nlp, pieces), strict=True):
        best, found = out[i]
        for a in AREA_IDS:
            best[a] = max(best[a], scores[a])
        found |= decide(scores, piece, thresholds, areas, margins[i] if margins else 0.0)
    return out


def _context(doc: Document, kinds: list, i: int) -> tuple[str, tuple[str, ...]]:
    # An untitled sub-clause takes the kind of its nearest headed ancestor ("unknown" if none).
    parent = doc.sections[i].parent
    while parent is not None:
        if kinds[parent][0] != "unknown":
            return kinds[parent]
        parent = doc.sections[parent].parent
    return "unknown", ()


def _short(body: str) -> bool:
    return len(body.strip()) < SHORT_CLAUSE


def _untitled(doc: Document, i: int) -> bool:
    return not doc.sections[i].title.strip()


def _has_children(doc: Document, i: int) -> bool:
    return i + 1 < len(doc.sections) and doc.sections[i + 1].parent == i


def raised(bar: float, margin: float) -> float:
    """`bar` moved `margin` of the way up to 1.0 (a margin of 0 leaves it as it is)."""
    return bar + margin * (1 - bar)


def decide(
    scores: dict[str, float],
    text: str,
    thresholds: dict[str, float],
    areas: tuple[Area, ...],
    margin: float = 0.0,
) -> set[str]:
    """Areas the classifier's scores support, with body cues lowering the bar a little."""
    found = set()
    for area in areas:
        bar = raised(thresholds[area.id], margin)
        score = scores.get(area.id, 0.0)
        if score >= bar or (score >= bar * BODY_CUE_FACTOR and any_cue(area.body_cues, text)):
            found.add(area.id)
    return found


def label_sections(
    doc: Document,
    nlp,
    thresholds: dict[str, float],
    areas: tuple[Area, ...],
    lone_margin: float | None = LONE_CALL_MARGIN,
) -> tuple[SectionLabel, ...]:
    """One SectionLabel per section of `doc`, in order."""
    own = [
        ("none", ())
        if is_definition(doc.text[s.body_start : s.end])
        else heading_kind(s.title, areas)
        for s in doc.sections
    ]
    kinds = [k if k[0] != "unknown" else _context(doc, own, i) for i, k in enumerate(own)]
    bodies = [own_text(doc, i) for i in range(len(doc.sections))]
    units: list[tuple[int, str, float]] = []  # (section index, text, margin)
    for i, ((kind, _ids), body) in enumerate(zip(kinds, bodies, strict=True)):
        if len(model_text(body)) < MIN_CHARS:  # a contents page or a table's rules alone
            continue
        if kind == "general" and not _has_children(doc, i):
            units.extend((i, piece, 0.0) for piece in clause_pieces(body))
        elif kind == "none" or (_untitled(doc, i) and kind == "areas" and _short(body)):
            # A short untitled clause under a clearly headed parent belongs to the parent's
            # areas; the classifier adds another area only when it is sure. A clause with a title
            # of its own ("Scope of DPA") is judged on its own.
            units.append((i, body, NO_AREA_MARGIN))
        elif own[i][0] == "areas":
            units.append((i, body, HEADED_MARGIN))
        else:
            units.append((i, body, 0.0))
    judged = clause_areas(nlp, [u[1] for u in units], thresholds, areas, [u[2] for u in units])
    best = [dict.fromkeys(AREA_IDS, 0.0) for _ in doc.sections]
    chosen: list[set[str]] = [set() for _ in doc.sections]
    clear: list[set[str]] = [set() for _ in doc.sections]
    for (i, _text, margin), (scores, found) in zip(units, judged, strict=True):
        chosen[i] |= found
        clear[i] |= clear_calls(scores, thresholds, margin, lone_margin)
        for a, s in scores.items():
            best[i][a] = max(best[i][a], s)
    named: list[set[str]] = []
    for i, ((kind, ids), body) in enumerate(zip(kinds, bodies, strict=True)):
        start = doc.sections[i].body_start
        by_heading = set(ids) if kind == "areas" else set()
        named.append(
            by_heading | row_areas(body, areas) | cell_areas(doc, start, start + len(body), areas)
        )
    # Coverage ORs an area over every section, so one call that only a body cue let through
    # would make an area present in a document that never deals with it: such calls count
    # only where a heading, a key-terms row or a clear call elsewhere supports the area.
    supported = set().union(*named, *clear) if lone_margin is not None else set(AREA_IDS)
    labels = []
    for i in range(len(doc.sections)):
        found = named[i] | (chosen[i] & supported)
        scores = {a: round(1.0 if a in named[i] else best[i][a], 3) for a in AREA_IDS}
        labels.append(SectionLabel(tuple(a for a in AREA_IDS if a in found), scores))
    return tuple(labels)


def clear_calls(
    scores: dict[str, float], thresholds: dict[str, float], margin: float, lone_margin: float | None
) -> set[str]:
    """Areas whose score clears the unit's bar, raised by `lone_margin`, with no cue's help."""
    bars = {a: raised(raised(t, margin), lone_margin or 0.0) for a, t in thresholds.items()}
    return {a for a, bar in bars.items() if scores.get(a, 0.0) >= bar}


def label_whole_text(doc: Document, nlp, thresholds: dict[str, float]) -> set[str]:
    """Areas of a document the sectioner could not split: judged paragraph by paragraph."""
    # With no headings, an area is supported only by a clear call, and a clear call is always
    # one the cues would also accept: the areas are exactly those some paragraph clearly shows.
    pieces = clause_pieces(doc.text, size=1200)
    scores = clause_scores(nlp, pieces)
    return set().union(*(clear_calls(s, thresholds, 0.0, LONE_CALL_MARGIN) for s in scores))
