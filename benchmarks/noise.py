"""Findings per 1,000 words by category over the evaluation texts, and a schema check.

Usage: python benchmarks/noise.py [FILES...]   (default: ../shared/corpus/eval texts and
originals). Lints them in one bpo-lint run, validates the JSON report against the shipped
schema, and prints the noise table (the rules issue's budget is 15 per 1,000 words).
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "corpus" / "eval"


def main(argv: list[str]) -> int:
    """Lint the files, check the report, print findings per 1,000 words per category."""
    import jsonschema

    files = argv or sorted(map(str, (EVAL / "texts").glob("*.txt")))
    cmd = [sys.executable, "-m", "bpo_lint", "--format", "json", "--no-cache", "--fail-on",
           "never", *files]  # fmt: skip
    report = json.loads(subprocess.run(cmd, capture_output=True, text=True, cwd=REPO).stdout)
    schema = json.loads((REPO / "bpo_lint" / "schemas" / "report-v1.schema.json").read_text())
    problems = list(jsonschema.Draft202012Validator(schema).iter_errors(report))
    failed = [f["path"] for f in report["files"] if f["error"]]
    words = sum(f["stats"].get("words", 0) for f in report["files"])
    counts = collections.Counter(x["category"] for f in report["files"] for x in f["findings"])
    print(f"files {len(report['files'])}  schema errors {len(problems)}  unreadable {failed}")
    print(f"{'category':15} {'findings':>8} {'per 1k words':>12}")
    for cat, n in sorted(counts.items()):
        print(f"{cat:15} {n:8} {1000 * n / max(words, 1):12.2f}")
    total = sum(counts.values())
    print(f"{'all':15} {total:8} {1000 * total / max(words, 1):12.2f}   ({words:,} words)")
    return 1 if problems or failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
