"""Sections of CUAD contracts labelled by a reader, named by file, offset and text hash.

Heading labels are weak (a "Services" heading says nothing about the clauses that describe the
work under "Obligations of Operator"), so a reader labelled a uniform random sample of section
bodies from the training companies with the areas they are about. The label files never hold
contract text: each row names the CUAD file, the section body's offset and a hash of its cleaned
text, and the text is read from corpus/train when training. The same format holds the reader's
labels of held-out sections in tests/data/, which only measure.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from bpo_lint.areas import AREA_IDS
from bpo_lint.model import Document
from bpo_lint.nlp.dataset import Example, clean, company, own_text
from bpo_lint.nlp.sectioning import sectioned


def text_hash(text: str) -> str:
    """The short hash that names a section's cleaned body in a label file."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def read_rows(path: Path) -> list[dict]:
    """The rows of a label file: {"file", "start", "sha", "areas", "borderline", "note"}."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        bad = [a for a in row["areas"] if a not in AREA_IDS]
        if bad:
            raise ValueError(f"{path.name}:{n}: unknown area(s) {bad}")
        rows.append(row)
    return rows


def locate(doc: Document, rows: list[dict], bodies: list[str]) -> list[int | None]:
    """Index of each row's section in `doc` (by offset and hash, else by hash; None if gone).

    `bodies` are the cleaned own texts of doc's sections, as the model reads them.
    """
    hashes = [text_hash(t) for t in bodies]
    at = {(s.body_start, h): i for i, (s, h) in enumerate(zip(doc.sections, hashes, strict=True))}
    first = {h: i for i, h in reversed(list(enumerate(hashes)))}
    # A section is found by its offset, or by its text alone when the sectioner moved it.
    return [at.get((r["start"], r["sha"]), first.get(r["sha"])) for r in rows]


def labelled_sections(
    path: Path, cuad_dir: Path, allowed: set[str] | None = None
) -> Iterator[tuple[dict, Document, int, str]]:
    """(row, document, section index, cleaned body) of every row found.

    Files outside `allowed` are skipped.
    """
    rows = read_rows(path)
    for name in sorted({r["file"] for r in rows}):
        if allowed is not None and name not in allowed:
            continue  # not a training file (an eval document's original is never read)
        source = cuad_dir / name
        if not source.is_file():
            continue
        doc = sectioned(source.read_text(encoding="utf-8", errors="replace"), name)
        mine = [r for r in rows if r["file"] == name]
        bodies = [clean(own_text(doc, i)) for i in range(len(doc.sections))]
        for row, index in zip(mine, locate(doc, mine, bodies), strict=True):
            if index is not None:
                yield row, doc, index, bodies[index]


def reader_examples(path: Path, cuad_dir: Path, allowed: set[str]) -> Iterator[Example]:
    """Training examples from a reader's label file (sections of `allowed` files only)."""
    for row, _doc, _index, text in labelled_sections(path, cuad_dir, allowed):
        areas = tuple(a for a in AREA_IDS if a in row["areas"])
        # A cue-picked section is not a random draw: keep it apart so measurements can tell.
        source = "reader-cue" if row.get("sample") == "cue" else "reader"
        yield Example(text, areas, source, company(row["file"]), row["file"])
