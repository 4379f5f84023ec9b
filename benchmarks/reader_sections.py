"""The classifier against a reader's section labels: `python benchmarks/reader_sections.py`.

Heading labels are weak: a "Confidentiality" heading over a shipping clause, or a termination
clause that also returns Confidential Information, count as errors of the model when the label
is wrong. Two files hold a reader's areas for a uniform random sample of 450 sections each
(bodies without headings or subsections, as the model reads them), named by offset and a hash
of the text, never the text itself:

- `--set heldout` (default): tests/data/heldout_sections.jsonl, sections of the training-corpus
  contracts of the companies the shipped model holds out;
- `--set eval`: tests/data/eval_sections.jsonl, sections of the 28 evaluation agreements
  (outsourcing, BPO, MSAs, standard forms), where service levels and scope are common.

For each it prints per-area precision/recall/F1 of the model alone and with body cues (body
without heading), the full run-time labelling (headings + classifier), and, on the sections
whose heading the area map recognises, the weak heading label itself.

Measurement only: nothing here is read by training.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpo_lint.areas import load_areas  # noqa: E402
from bpo_lint.nlp.classify import clause_areas, label_sections  # noqa: E402
from bpo_lint.nlp.corpus import DEFAULT_CORPUS  # noqa: E402
from bpo_lint.nlp.dataset import company, section_labels  # noqa: E402
from bpo_lint.nlp.metrics import per_area, table  # noqa: E402
from bpo_lint.nlp.model import MANIFEST_FILE, load_pipeline, pipeline_dir  # noqa: E402
from bpo_lint.nlp.reader_labels import labelled_sections, read_rows  # noqa: E402

SETS = {
    "heldout": (ROOT / "tests" / "data" / "heldout_sections.jsonl", ("train", "cuad-txt")),
    "eval": (ROOT / "tests" / "data" / "eval_sections.jsonl", ("eval", "texts")),
}
# The same held-out sections labelled again, independently, by a second reader with the same
# brief: how far two careful readers agree is the most any model can be expected to reach.
SECOND_READER = ROOT / "tests" / "data" / "heldout_sections_second_reader.jsonl"


def load_rows(labels: Path, texts: Path, nlp, thresholds: dict) -> list[dict]:
    """Each labelled section with the predictions of every method; stale rows are counted."""
    areas = load_areas()
    out, docs = [], {}
    for row, doc, i, body in labelled_sections(labels, texts):
        if doc.path not in docs:
            docs[doc.path] = (
                label_sections(doc, nlp, thresholds, areas),
                section_labels(doc, areas),
            )
        runtime, weak = docs[doc.path]
        out.append({**row, "body": body, "runtime": runtime[i].areas, "weak": weak[i]})
    stale = len(read_rows(labels)) - len(out)
    if stale:
        print(f"({stale} labelled sections no longer found: the sectioner changed)")
    judged = clause_areas(nlp, [r["body"] for r in out], thresholds, areas)
    for row, (s, found) in zip(out, judged, strict=True):
        row["model"] = [a for a, v in s.items() if v >= thresholds[a]]
        row["cues"] = sorted(found)
    return out


def _key(row: dict) -> tuple:
    return row["file"], row["start"], row["sha"]


def show(title: str, rows: list[dict], key: str) -> None:
    """One per-area table of `key` predictions against the reader's areas."""
    print(f"\n### {title} ({len(rows)} sections)")
    print("\n".join(table(per_area([r["areas"] for r in rows], [r[key] for r in rows]))))


def main() -> int:
    """Print the tables; warn when a labelled file is not held out from the pipeline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", type=Path, default=pipeline_dir())
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--set", choices=sorted(SETS), default="heldout")
    args = parser.parse_args()
    labels, folder = SETS[args.set]
    texts = args.corpus.resolve().joinpath(*folder)
    manifest = json.loads((args.pipeline / MANIFEST_FILE).read_text(encoding="utf-8"))
    nlp, thresholds = load_pipeline(str(args.pipeline))
    rows = load_rows(labels, texts, nlp, thresholds)
    if args.set == "heldout":
        held = set(manifest["heldout_groups"])
        trained_on = [r["file"] for r in rows if company(r["file"]) not in held]
        if trained_on:
            print(f"WARNING: {len(trained_on)} labelled sections come from training companies")
    print(f"## {len(rows)} sections of {labels.name} labelled by a reader")
    sure = [r for r in rows if not r.get("borderline")]
    show("model alone, body without heading", rows, "model")
    show("model + body cues, body without heading", rows, "cues")
    show("same, without the sections the reader marked borderline", sure, "cues")
    show("run time: headings + classifier", rows, "runtime")
    if args.set == "heldout" and SECOND_READER.is_file():
        second = {_key(r): r["areas"] for r in read_rows(SECOND_READER)}
        both = [{**r, "second": second[key]} for r in rows if (key := _key(r)) in second]
        show("a second reader, labelling alone, against the first", both, "second")
    headed = [{**r, "weak": list(r["weak"])} for r in rows if r["weak"] is not None]
    show("the weak heading labels, where a heading gives one", headed, "weak")
    show("model + body cues on those same sections", headed, "cues")
    return 0


if __name__ == "__main__":
    sys.exit(main())
