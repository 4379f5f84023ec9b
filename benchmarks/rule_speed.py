"""What the rules add to linting one agreement, beside reading it, and the slowest rules.

Usage: python benchmarks/rule_speed.py [FILE] [--words N] [--repeat N]
(default: a generated agreement of 20,000 words built from our own fixture). In one process:
loads the rule pack, reads and sections the file, then runs every default rule that does not
need the classifier (the coverage rules only read its result) and times each one. Each round
starts from a fresh document, so that facts the rules share are computed again.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import write_long_markdown


def one_round(path: str) -> tuple[float, float, dict[str, float], float]:
    """(read and section s, all rules s, per-rule s, pack load s) for one fresh read."""
    from bpo_lint.engine import needs_analysis
    from bpo_lint.kinds import KINDS
    from bpo_lint.kinds.base import Context
    from bpo_lint.lint import read_and_section
    from bpo_lint.pack import load_pack

    started = time.perf_counter()
    rules = [r for r in load_pack().rules if r.default and not needs_analysis(r)]
    pack = time.perf_counter() - started
    started = time.perf_counter()
    doc = read_and_section(path)
    read = time.perf_counter() - started
    ctx = Context(doc=doc)
    per_rule = {}
    for rule in rules:
        t = time.perf_counter()
        list(KINDS[rule.kind].check(rule, ctx))
        per_rule[rule.id] = time.perf_counter() - t
    return read, sum(per_rule.values()), per_rule, pack


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--words", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            path, _ = write_long_markdown(Path(tmp) / "agreement.md", args.words)
        words = len(Path(path).read_text(encoding="utf-8", errors="replace").split())
        rounds = [one_round(str(path)) for _ in range(args.repeat)]
    read = statistics.median(r[0] for r in rounds)
    rules = statistics.median(r[1] for r in rounds)
    print(f"{Path(path).name}: {words} words, median of {args.repeat} rounds")
    print(f"read and section {read:.3f} s; rules {rules:.3f} s ({rules / read:.1f}x reading)")
    # The first round includes whatever the first use costs (the pack's patterns, imports).
    first = rounds[0]
    print(
        f"first round: loading the rule pack {first[3]:.3f} s, read {first[0]:.3f} s, "
        f"rules {first[1]:.3f} s"
    )
    slowest = sorted(rounds[-1][2].items(), key=lambda kv: -kv[1])[:10]
    print("slowest rules (last round): " + ", ".join(f"{k} {v:.3f}" for k, v in slowest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
