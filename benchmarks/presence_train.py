"""Area presence on reader-labelled TRAINING documents: `python benchmarks/presence_train.py`.

Coverage ORs an area over every section of a document, so how much evidence makes an area
present is a document-level choice. This script shows it for the 30 whole CUAD contracts a reader
labelled (bpo_lint/nlp/data/reader/documents.toml, companies the shipped model holds out): per
(document, area) agreement with the reader for each value of the support rule's margin
(classify.LONE_CALL_MARGIN; "off" = no rule), how often an area the reader found without
hesitation is lost, and the disagreements at the shipped value.

This is where LONE_CALL_MARGIN was chosen. The eval agreements are measured only by
benchmarks/accuracy.py, with the shipped value.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpo_lint.areas import AREA_IDS, load_areas  # noqa: E402
from bpo_lint.nlp.classify import LONE_CALL_MARGIN, label_sections  # noqa: E402
from bpo_lint.nlp.corpus import DEFAULT_CORPUS  # noqa: E402
from bpo_lint.nlp.model import load_pipeline, pipeline_dir  # noqa: E402
from bpo_lint.readers import read_document  # noqa: E402
from bpo_lint.sections import split_sections  # noqa: E402

LABELS = ROOT / "bpo_lint" / "nlp" / "data" / "reader" / "documents.toml"
MARGINS = (None, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def sweep(pipeline: Path, corpus: Path) -> dict:
    """{margin: (agreements, plain misses, disagreements)} over the labelled documents."""
    nlp, thresholds = load_pipeline(str(pipeline))
    areas = load_areas()
    rows = tomllib.loads(LABELS.read_text(encoding="utf-8"))["agreements"]
    out = {m: [0, 0, []] for m in MARGINS}
    for row in rows:
        doc = split_sections(read_document(str(corpus / "train" / "cuad-txt" / row["file"])))
        for margin in MARGINS:
            labels = label_sections(doc, nlp, thresholds, areas, margin)
            present = {a for label in labels for a in label.areas}
            for area in AREA_IDS:
                gold = row["areas"][area]
                if (area in present) == gold["present"]:
                    out[margin][0] += 1
                    continue
                if gold["present"] and not gold["note"].startswith("borderline"):
                    out[margin][1] += 1
                said = "present" if area in present else "MISSING"
                out[margin][2].append(f"{row['file'][:50]} {area}: we say {said}; {gold['note']}")
    return {"documents": len(rows), **{m: tuple(v) for m, v in out.items()}}


def main() -> int:
    """Print the sweep and the shipped value's disagreements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", type=Path, default=pipeline_dir())
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not (args.corpus / "train" / "cuad-txt").is_dir():
        parser.error(f"no training corpus at {args.corpus}")
    result = sweep(args.pipeline, args.corpus)
    total = 8 * result["documents"]
    print(f"## Presence on {result['documents']} reader-labelled training documents")
    print("margin   agreement          areas lost that the reader found plainly")
    for margin in MARGINS:
        agree, lost, _ = result[margin]
        name = "off" if margin is None else f"{margin:.1f}"
        shipped = "  <- shipped" if margin == LONE_CALL_MARGIN else ""
        print(f"{name:>6}   {agree}/{total} = {agree / total:.1%}   {lost}{shipped}")
    print(f"\n## Disagreements at the shipped margin ({LONE_CALL_MARGIN})")
    for line in result[LONE_CALL_MARGIN][2]:
        print(f"  {line[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
