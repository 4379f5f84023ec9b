"""Gathering the training examples from corpus/train, with the guard that keeps eval out.

The evaluation files are read here only to hash them: a training file whose name or content
matches an eval document is refused, so nothing of corpus/eval can reach the model.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bpo_lint.areas import Area
from bpo_lint.nlp.dataset import (
    Example,
    cuad_label_examples,
    heading_examples,
    sha256_file,
    split_groups,
    written_examples,
)
from bpo_lint.nlp.reader_labels import reader_examples

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
WRITTEN_DIR = Path(__file__).resolve().parent / "data" / "written"
WRITTEN_WEIGHT = 5  # each written training example is seen this many times per epoch
READER_FILE = Path(__file__).resolve().parent / "data" / "reader" / "sections.jsonl"
READER_WEIGHT = 2  # a reader-labelled section is seen this many times per epoch


@dataclass(frozen=True)
class TrainingSet:
    """Examples per split plus the list of input files (name, sha256, kind)."""

    train: tuple[Example, ...]
    dev: tuple[Example, ...]
    heldout: tuple[Example, ...]
    inputs: tuple[dict, ...]


def eval_fingerprints(corpus: Path) -> tuple[set[str], set[str]]:
    """(stems, sha256s) of every eval file and of the CUAD originals the eval texts came from."""
    stems: set[str] = set()
    hashes: set[str] = set()
    eval_dir = corpus / "eval"
    for path in sorted(eval_dir.rglob("*")) if eval_dir.is_dir() else []:
        if path.is_file():
            stems.add(path.stem)
            hashes.add(sha256_file(path))
    sources = corpus / "SOURCES.md"
    if sources.is_file():
        # The eval table names each CUAD original ("full_contract_txt/NAME.txt").
        text = sources.read_text(encoding="utf-8")
        eval_part = text.split("## Evaluation texts", 1)[-1].split("\n## ", 1)[0]
        stems |= {Path(m).stem for m in re.findall(r"full_contract_txt/([^`|]+?)\.txt", eval_part)}
    return stems, hashes


def training_files(corpus: Path) -> list[Path]:
    """The CUAD texts of corpus/train, minus anything matching an eval document."""
    stems, hashes = eval_fingerprints(corpus)
    # One CUAD file name ends in '.txt"': take it too.
    files = sorted((corpus / "train" / "cuad-txt").glob("*.txt*"))
    return [p for p in files if p.stem not in stems and sha256_file(p) not in hashes]


def all_examples(
    corpus: Path, written: Path, areas: tuple[Area, ...]
) -> tuple[list[Example], list[dict]]:
    """Every example of the three sources, unsplit, and the input files (name, sha256)."""
    files = training_files(corpus)
    examples: list[Example] = [e for p in files for e in heading_examples(p, areas)]
    inputs = [{"file": f"train/cuad-txt/{p.name}", "sha256": sha256_file(p)} for p in files]
    labels_csv = corpus / "train" / "cuad-labels" / "master_clauses.csv"
    if labels_csv.is_file():
        examples += cuad_label_examples(labels_csv, {p.stem for p in files})
        inputs.append(
            {"file": "train/cuad-labels/master_clauses.csv", "sha256": sha256_file(labels_csv)}
        )
    if READER_FILE.is_file():
        allowed = {p.name for p in files}
        examples += reader_examples(READER_FILE, corpus / "train" / "cuad-txt", allowed)
        inputs.append({"file": "reader/sections.jsonl", "sha256": sha256_file(READER_FILE)})
    if written.is_dir():
        examples += written_examples(written)
        inputs += [
            {"file": f"written/{p.name}", "sha256": sha256_file(p)}
            for p in sorted(written.glob("*.jsonl"))
        ]
    return examples, inputs


def weighted(train: list[Example]) -> list[Example]:
    """The training examples with the written and reader-labelled ones repeated."""
    # The written examples and the reader's labels are the only clean labels: weigh them.
    return (
        train
        + [e for e in train if e.source == "written"] * (WRITTEN_WEIGHT - 1)
        + [e for e in train if e.source.startswith("reader")] * (READER_WEIGHT - 1)
    )


def gather(corpus: Path, written: Path, areas: tuple[Area, ...], seed: int) -> TrainingSet:
    """All examples of the three sources, split 80/20 by group (company) with `seed`."""
    examples, inputs = all_examples(corpus, written, areas)
    where = split_groups((e.group for e in examples), seed)
    parts = {k: [e for e in examples if where[e.group] == k] for k in ("train", "dev", "heldout")}
    return TrainingSet(
        tuple(weighted(parts["train"])), tuple(parts["dev"]), tuple(parts["heldout"]), tuple(inputs)
    )


def counts(examples: tuple[Example, ...]) -> dict[str, dict[str, int]]:
    """Examples per source and area ("none" for examples outside all areas)."""
    out: dict[str, Counter] = {}
    for e in examples:
        c = out.setdefault(e.source, Counter())
        for a in e.areas or ("none",):
            c[a] += 1
    return {source: dict(sorted(c.items())) for source, c in sorted(out.items())}
