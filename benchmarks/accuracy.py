"""Accuracy and speed of the area classifier: `python benchmarks/accuracy.py [--pipeline DIR]`.

1. Per-area precision/recall/F1 on the held-out 20% of the TRAINING corpus (section bodies without
   headings, split by company as recorded in the pipeline's manifest), read in clause-size pieces
   as at run time, with the shipped thresholds (fitted on the dev split of the training
   companies, never on the held-out ones) and, for comparison, with thresholds cross-fitted on
   the other half of the held-out companies.
2. The coverage table (8 areas x status) of every agreement in corpus/eval/texts.
3. Presence agreement with the hand labels in tests/data/eval_areas.toml (the file may be absent
   or partial), listing every disagreement.
4. The deletion check: for every area found in an eval agreement, delete the sections that cover
   it (twice at most, re-sectioning in between) and count how often the area becomes `missing`.
5. Start-up (spaCy import + model load, fresh process) and classification time of the longest
   eval agreement.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpo_lint.areas import AREA_IDS, load_areas  # noqa: E402
from bpo_lint.nlp import analyse  # noqa: E402
from bpo_lint.nlp.classify import clause_areas, clause_scores  # noqa: E402
from bpo_lint.nlp.corpus import DEFAULT_CORPUS, WRITTEN_DIR, gather  # noqa: E402
from bpo_lint.nlp.metrics import per_area, table  # noqa: E402
from bpo_lint.nlp.model import MANIFEST_FILE, load_pipeline, pipeline_dir  # noqa: E402
from bpo_lint.nlp.train import fit_thresholds  # noqa: E402
from bpo_lint.readers import read_document  # noqa: E402
from bpo_lint.sections import split_sections  # noqa: E402

SHORT = {
    "scope_of_services": "scope",
    "service_levels": "sla",
    "pricing_payment": "price",
    "confidentiality_data_protection": "conf",
    "intellectual_property": "ip",
    "termination_transition": "term",
    "governance_dispute_resolution": "gov",
    "compliance_regulatory": "compl",
}
HAND_LABELS = ROOT / "tests" / "data" / "eval_areas.toml"
WEAK_LABEL_NOTE = (
    "note: a heading or CUAD label leaves scope and service levels unknown unless it names them,"
    "\nso on weak labels their precision counts only sections labelled with them (P 1.00 is not"
    "\na measurement); benchmarks/reader_sections.py measures them against a reader's labels."
)


def heldout_report(pipeline: Path, corpus: Path) -> None:
    """Section 1: per-area P/R/F1 on the held-out split."""
    manifest = json.loads((pipeline / MANIFEST_FILE).read_text(encoding="utf-8"))
    nlp, thresholds = load_pipeline(str(pipeline))
    data = gather(corpus, WRITTEN_DIR, load_areas(), manifest["seed"])
    if sorted({e.group for e in data.heldout}) != manifest["heldout_groups"]:
        print("WARNING: held-out companies differ from the manifest (inputs changed?)")
    print(WEAK_LABEL_NOTE)
    areas = load_areas()
    for title, examples in (
        ("heading-labelled sections", [e for e in data.heldout if e.source == "heading"]),
        (
            "CUAD only (headings + CUAD clause labels, no written examples)",
            [e for e in data.heldout if e.source != "written"],
        ),
        ("all held-out examples (headings + CUAD clause labels + written)", list(data.heldout)),
    ):
        scores = clause_scores(nlp, [e.text for e in examples])
        gold = [e.areas for e in examples]
        unknown = [e.unknown for e in examples]
        print(f"\n## Held-out, {title}: {len(examples)} examples")
        print("\n### model alone, shipped thresholds")
        print("\n".join(table(per_area(gold, _predict(scores, thresholds), unknown))))
        print("\n### model + body cues (as at run time), shipped thresholds")
        both = [f for _, f in clause_areas(nlp, [e.text for e in examples], thresholds, areas)]
        print("\n".join(table(per_area(gold, both, unknown))))
        print("\n### model alone, thresholds cross-fitted on the other half of the companies")
        print("\n".join(table(per_area(gold, _crossfit(nlp, examples, scores), unknown))))


def _predict(scores: list[dict], thresholds: dict) -> list[set[str]]:
    return [{a for a in AREA_IDS if s[a] >= thresholds[a]} for s in scores]


def _crossfit(nlp, examples: list, scores: list[dict]) -> list[set[str]]:
    groups = sorted({e.group for e in examples})
    half = set(groups[::2])
    a = tuple(e for e in examples if e.group in half)
    b = tuple(e for e in examples if e.group not in half)
    t_a, t_b = fit_thresholds(nlp, a), fit_thresholds(nlp, b)
    return [
        {x for x in AREA_IDS if s[x] >= (t_b if e.group in half else t_a)[x]}
        for e, s in zip(examples, scores, strict=True)
    ]


def coverage_table(pipeline: Path, corpus: Path) -> dict[str, dict]:
    """Section 2: status of each area for each eval text; returns {file: coverage}."""
    print("\n## Coverage of the eval agreements (C covered, p partial, - missing)")
    print(f"{'file':58} " + " ".join(f"{SHORT[a]:>5}" for a in AREA_IDS))
    out = {}
    for path in sorted((corpus / "eval" / "texts").glob("*.txt")):
        doc = split_sections(read_document(str(path)))
        cov = analyse(doc, pipeline).coverage
        out[path.name] = cov
        mark = {"covered": "C", "partial": "p", "missing": "-"}
        print(f"{path.name[:58]:58} " + " ".join(f"{mark[cov[a].status]:>5}" for a in AREA_IDS))
        gaps = [f"{a}.{e}" for a in AREA_IDS for e, ok in cov[a].elements.items() if not ok]
        print(f"    elements not found: {', '.join(gaps) or 'none'}")
    return out


def hand_label_agreement(coverage: dict[str, dict]) -> None:
    """Section 3: per-(document, area) presence agreement with the hand labels."""
    print("\n## Agreement with the hand labels (tests/data/eval_areas.toml)")
    if not HAND_LABELS.is_file():
        print("hand labels not written yet: skipped")
        return
    data = tomllib.loads(HAND_LABELS.read_text(encoding="utf-8"))
    agree = total = 0
    missed_plain = []
    for entry in data.get("agreements", []):
        name = Path(entry.get("file", "")).name
        if name not in coverage:
            print(f"  (no eval text named {name!r})")
            continue
        for area, label in entry.get("areas", {}).items():
            if area not in AREA_IDS or "present" not in label:
                continue
            ours = coverage[name][area].status != "missing"
            total += 1
            if ours == bool(label["present"]):
                agree += 1
                continue
            side = "we say present, reader says absent" if ours else "we say MISSING"
            print(f"  DISAGREE {name} {area}: {side}; note: {label.get('note', '')[:120]}")
            if not ours:
                missed_plain.append((name, area))
    if total:
        print(f"presence agreement: {agree}/{total} = {agree / total:.1%}")
        print(f"'missing' where the reader found the area: {len(missed_plain)}")
    else:
        print("no usable labels yet")


def _without(doc, labels, area: str) -> str:
    spans = sorted(
        (s.start, s.end) for s, lab in zip(doc.sections, labels, strict=True) if area in lab.areas
    )
    keep, pos = [], 0
    for start, end in spans:
        keep.append(doc.text[pos : max(pos, start)])
        pos = max(pos, end)
    return "".join(keep) + doc.text[pos:]


def deletion_check(pipeline: Path, corpus: Path) -> None:
    """Section 4: deleting the sections that cover an area makes it `missing`."""
    from bpo_lint.readers.text import document_from_string

    print("\n## Deletion check (eval agreements)")
    tried = gone = 0
    stuck = []
    for path in sorted((corpus / "eval" / "texts").glob("*.txt")):
        first = split_sections(read_document(str(path)))
        found = analyse(first, pipeline)
        for area in AREA_IDS:
            if found.coverage[area].status == "missing":
                continue
            tried += 1
            doc, result = first, found
            for _ in range(2):
                text = _without(doc, result.labels, area)
                doc = split_sections(document_from_string(text, path.name, markdown=False))
                result = analyse(doc, pipeline)
                if result.coverage[area].status == "missing":
                    break
            if result.coverage[area].status == "missing":
                gone += 1
            else:
                stuck.append(f"{path.name[:40]} {area}")
    print(f"areas made missing by deleting their sections: {gone}/{tried}")
    for line in stuck:
        print(f"  still present: {line}")


def speed(pipeline: Path, corpus: Path) -> None:
    """Section 5: start-up in a fresh process, then classification of the longest eval text."""
    code = (
        "import time; t = time.perf_counter(); import spacy; "
        "from bpo_lint.nlp.model import load_pipeline; "
        f"load_pipeline({str(pipeline)!r}); print(time.perf_counter() - t)"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    print("\n## Speed")
    print(
        f"start-up (import spacy + load model), fresh process: best {min(runs):.2f} s "
        f"of {', '.join(f'{r:.2f}' for r in runs)}"
    )
    texts = sorted((corpus / "eval" / "texts").glob("*.txt"), key=lambda p: -p.stat().st_size)
    doc = split_sections(read_document(str(texts[0])))
    analyse(doc, pipeline)  # warm
    started = time.perf_counter()
    analyse(doc, pipeline)
    seconds = time.perf_counter() - started
    words = len(doc.text.split())
    print(
        f"classification + coverage of {texts[0].name} ({words} words, "
        f"{len(doc.sections)} sections): {seconds:.2f} s "
        f"({seconds * 20000 / words:.2f} s per 20,000 words)"
    )


def main() -> int:
    """Run all five measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", type=Path, default=pipeline_dir())
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--skip-heldout", action="store_true")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    if not args.skip_heldout:
        heldout_report(args.pipeline, corpus)
    coverage = coverage_table(args.pipeline, corpus)
    hand_label_agreement(coverage)
    deletion_check(args.pipeline, corpus)
    speed(args.pipeline, corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
