"""Company-level cross-validation of the area classifier: `python benchmarks/crossval.py`.

The held-out split holds a fifth of the training companies, which leaves rare areas with a
handful of sections (service levels: 2). Here the companies are cut into --folds parts by the same
hash as the split (fold 0 of 5 is exactly the shipped model's held-out split); for each fold a
model is trained with the shipped config and seed on the other folds (a tenth of those
companies picks the epoch and fits the thresholds), and scores the fold's sections. Every
section is then held out exactly once, and the per-area figures are pooled over all folds.

Nothing of corpus/eval is read except to keep it out (as in training).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import WEAK_LABEL_NOTE  # noqa: E402
from bpo_lint.areas import AREA_IDS, load_areas  # noqa: E402
from bpo_lint.nlp.classify import clause_areas  # noqa: E402
from bpo_lint.nlp.corpus import (  # noqa: E402
    DEFAULT_CORPUS,
    WRITTEN_DIR,
    TrainingSet,
    all_examples,
    training_files,
    weighted,
)
from bpo_lint.nlp.dataset import Example, fold_of, is_dev  # noqa: E402
from bpo_lint.nlp.metrics import macro_f1, per_area, table  # noqa: E402
from bpo_lint.nlp.model import load_pipeline  # noqa: E402
from bpo_lint.nlp.reader_labels import reader_examples  # noqa: E402
from bpo_lint.nlp.train import CONFIG, SEED, build  # noqa: E402

SUBSETS = (
    ("heading-labelled sections", lambda e: e.source == "heading"),
    ("CUAD only (headings + CUAD clause labels)", lambda e: e.source in ("heading", "cuad-label")),
    ("all training sources", lambda e: e.source != "reader-held"),
    ("reader-labelled sections, uniform random sample", lambda e: e.source == "reader"),
    ("reader-labelled sections, picked by service cues", lambda e: e.source == "reader-cue"),
    ("reader-labelled held-out sample (never trained on)", lambda e: e.source == "reader-held"),
)
HELD_OUT_LABELS = ROOT / "tests" / "data" / "heldout_sections.jsonl"


def run_fold(fold: int, folds: int, examples: list[Example], config: Path, seed: int) -> dict:
    """Train on the other folds and score this fold's examples (areas predicted, with scores)."""
    here = [e for e in examples if fold_of(e.group, seed, folds) == fold]
    # The reader's held-out labels are scored, never trained on.
    rest = [
        e for e in examples if fold_of(e.group, seed, folds) != fold and e.source != "reader-held"
    ]
    dev = tuple(e for e in rest if is_dev(e.group, seed))
    train = tuple(weighted([e for e in rest if not is_dev(e.group, seed)]))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pipeline"
        with open(os.devnull, "w") as quiet:  # spaCy's training log, per fold, is noise here
            stdout, sys.stdout = sys.stdout, quiet
            try:
                build(out, TrainingSet(train, dev, tuple(here), ()), config, seed, {})
            finally:
                sys.stdout = stdout
        nlp, thresholds = load_pipeline(str(out))
        judged = clause_areas(nlp, [e.text for e in here], thresholds, load_areas())
    scores = [s for s, _ in judged]
    return {
        "fold": fold,
        "seconds": round(time.perf_counter() - started, 1),
        "examples": len(here),
        "thresholds": thresholds,
        "scores": scores,
        "model": [sorted(a for a in AREA_IDS if s[a] >= thresholds[a]) for s in scores],
        "cues": [sorted(found) for _, found in judged],
    }


def report(examples: list[Example], results: list[dict], folds: int, seed: int) -> None:
    """Pooled per-area tables for each subset, and the spread of macro-F1 over the folds."""
    by_fold = {r["fold"]: r for r in results}
    rows = []  # (example, model prediction, prediction with body cues, fold)
    for fold, r in sorted(by_fold.items()):
        here = [e for e in examples if fold_of(e.group, seed, folds) == fold]
        rows += [(e, m, c, fold) for e, m, c in zip(here, r["model"], r["cues"], strict=True)]
    for title, keep in SUBSETS:
        part = [row for row in rows if keep(row[0])]
        gold = [row[0].areas for row in part]
        unknown = [row[0].unknown for row in part]
        print(f"\n## {title}: {len(part)} examples, each held out once ({len(by_fold)} folds)")
        if any(row[0].unknown for row in part):
            print(WEAK_LABEL_NOTE)
        model = per_area(gold, [row[1] for row in part], unknown)
        cues = per_area(gold, [row[2] for row in part], unknown)
        print("\n### model alone\n" + "\n".join(table(model)))
        print("\n### model + body cues (as at run time)\n" + "\n".join(table(cues)))
        spread = []
        for fold in sorted(by_fold):
            mine = [row for row in part if row[3] == fold]
            if not mine:
                continue
            gold, unknown = [r[0].areas for r in mine], [r[0].unknown for r in mine]
            s = per_area(gold, [r[1] for r in mine], unknown)
            spread.append(f"{macro_f1(s):.2f}")
        print(f"macro-F1 (model alone) per fold: {', '.join(spread)}")


def main() -> int:
    """Train one model per fold (in parallel), then print the pooled figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2, help="folds trained at once")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--save", type=Path, help="write the per-fold predictions as JSON")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    if not (corpus / "train" / "cuad-txt").is_dir():
        parser.error(f"no training corpus at {corpus}")
    examples, _inputs = all_examples(corpus, WRITTEN_DIR, load_areas())
    allowed = {p.name for p in training_files(corpus)}
    examples += [
        replace(e, source="reader-held")
        for e in reader_examples(HELD_OUT_LABELS, corpus / "train" / "cuad-txt", allowed)
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        jobs = [
            pool.submit(run_fold, f, args.folds, examples, args.config.resolve(), args.seed)
            for f in range(args.folds)
        ]
        results = [j.result() for j in jobs]
    for r in results:
        print(f"fold {r['fold']}: {r['examples']} held-out examples, trained in {r['seconds']} s")
    print(f"wall time {time.perf_counter() - started:.0f} s")
    if args.save:
        args.save.write_text(json.dumps(results) + "\n", encoding="utf-8")
    report(examples, results, args.folds, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
