"""Clauses of data-processing and service-level agreements: `python benchmarks/genre_clauses.py`.

CUAD, the training corpus, holds no data-processing addendum and no standalone service-level
agreement, and a model trained on it reads their clauses as scope of services ("the Processor
processes Customer Personal Data to provide the Services"). tests/data/genre_clauses.jsonl holds
clauses of such documents, and ordinary scope clauses, written and labelled for this project by
another author than the training examples, and never used for training. This prints per-area
precision/recall/F1 of the classifier with body cues, as at run time, and which clauses it calls
scope of services when the label says otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpo_lint.areas import load_areas  # noqa: E402
from bpo_lint.nlp.classify import clause_areas  # noqa: E402
from bpo_lint.nlp.metrics import per_area, table  # noqa: E402
from bpo_lint.nlp.model import load_pipeline, pipeline_dir  # noqa: E402

CLAUSES = ROOT / "tests" / "data" / "genre_clauses.jsonl"
MIN_GOLD = 10


def main() -> int:
    """Print the per-area table and the clauses wrongly called scope."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", type=Path, default=pipeline_dir())
    args = parser.parse_args()
    nlp, thresholds = load_pipeline(str(args.pipeline))
    rows = [json.loads(line) for line in CLAUSES.read_text(encoding="utf-8").splitlines()]
    judged = clause_areas(nlp, [r["text"] for r in rows], thresholds, load_areas())
    found = [sorted(areas) for _, areas in judged]
    print(f"## {len(rows)} clauses of DPAs, SLAs and scope sections, body + cues")
    scores = per_area([r["areas"] for r in rows], found)
    # An area with a clause or two has no F1 worth averaging: the footer covers the rest.
    print("\n".join(table({a: s for a, s in scores.items() if s.tp + s.fn >= MIN_GOLD})))
    print(f"(areas with fewer than {MIN_GOLD} clauses left out)")
    wrong = [
        (r, s)
        for r, (s, a) in zip(rows, judged, strict=True)
        if "scope_of_services" in a and "scope_of_services" not in r["areas"]
    ]
    print(f"\n## Called scope of services against the label: {len(wrong)}")
    for row, scores in wrong:
        print(f"  {scores['scope_of_services']:.2f} {row['areas']} {row['text'][:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
