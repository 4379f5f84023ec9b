"""Precision of the rules, from a lawyer's judgement of each finding on the evaluation texts.

Usage: python benchmarks/precision.py [--category C ...] [--files 001 007 ...] [--unjudged]
       [--stub] [--stale]

Lints the evaluation texts (../shared/corpus/eval/texts) in one bpo-lint run, matches each
finding to a judgement in benchmarks/data/precision/<category>.toml by file, rule and the
whitespace-normalised excerpt (count-aware: two identical findings need two judgements), and
prints per category the findings, how many are judged, correct, wrong and the share correct of
those judged. --unjudged lists the findings nobody has judged yet with their surrounding text,
--stub prints them as TOML entries ready to fill in, --stale lists judgements that match no
finding any more (they stay in the files but out of the tally).

By default every category is measured on all 28 texts, except vague (six agreements: three SEC,
three standard forms); --files applies to every category.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEXTS = REPO.parent / "shared" / "corpus" / "eval" / "texts"
DATA = REPO / "benchmarks" / "data" / "precision"
CATEGORIES = (
    "contradiction",
    "references",
    "definitions",
    "placeholder",
    "vague",
    "structure",
    "consistency",
)
# Vague findings are many: the issue reads every one on three SEC and three standard forms.
DEFAULT_FILES = {"vague": ("001", "007", "011", "020", "021", "024")}
VERDICTS = ("correct", "wrong")
CONTEXT = 200


@dataclass(frozen=True)
class Finding:
    """One finding of the JSON report, reduced to what judging needs."""

    file: str
    rule: str
    category: str
    excerpt: str
    message: str = ""
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Judgement:
    """One reader's verdict on one finding, as stored in a category file."""

    file: str
    rule: str
    excerpt: str
    verdict: str
    why: str = ""


def normalise(text: str) -> str:
    """The excerpt with every run of whitespace made one space, so re-wrapping does not matter."""
    return " ".join(text.split())


def key(item: Finding | Judgement) -> tuple[str, str, str]:
    """What a finding and its judgement share: file, rule, normalised excerpt."""
    return (item.file, item.rule, normalise(item.excerpt))


def match(
    findings: Sequence[Finding], judgements: Sequence[Judgement]
) -> tuple[list[tuple[Finding, Judgement | None]], list[Judgement]]:
    """Pair each finding with a judgement of the same key, each judgement used once.

    Returns (finding, judgement or None) in the findings' order, and the judgements left over
    (stale: their finding has gone, or fewer identical findings remain than were judged).
    """
    pool: dict[tuple, collections.deque] = collections.defaultdict(collections.deque)
    for j in judgements:
        pool[key(j)].append(j)
    pairs = [(f, pool[key(f)].popleft() if pool[key(f)] else None) for f in findings]
    return pairs, [j for q in pool.values() for j in q]


@dataclass(frozen=True)
class Tally:
    """The counts printed for one category."""

    findings: int
    judged: int
    correct: int

    @property
    def wrong(self) -> int:
        """Judged findings a reviewer would not want."""
        return self.judged - self.correct

    @property
    def share(self) -> float | None:
        """Share correct of the judged findings, None when nothing is judged."""
        return self.correct / self.judged if self.judged else None


def tally(pairs: Iterable[tuple[Finding, Judgement | None]]) -> Tally:
    """Count findings, judged ones and correct ones."""
    pairs = list(pairs)
    judged = [j for _, j in pairs if j is not None]
    return Tally(len(pairs), len(judged), sum(j.verdict == "correct" for j in judged))


def load_judgements(path: Path) -> list[Judgement]:
    """The judgements in one category file (none when it does not exist yet), validated."""
    if not path.exists():
        return []
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("finding", [])
    out = []
    for n, e in enumerate(entries, 1):
        missing = {"file", "rule", "excerpt", "verdict"} - e.keys()
        if missing or e["verdict"] not in VERDICTS:
            raise SystemExit(f"{path.name}: entry {n}: needs file, rule, excerpt, verdict in "
                             f"{VERDICTS} (missing {sorted(missing)})")  # fmt: skip
        out.append(Judgement(e["file"], e["rule"], e["excerpt"], e["verdict"], e.get("why", "")))
    return out


def select_files(prefixes: Sequence[str] | None, category: str) -> list[Path]:
    """The evaluation texts measured for a category: --files prefixes, else its default."""
    wanted = prefixes or DEFAULT_FILES.get(category)
    texts = sorted(TEXTS.glob("*.txt"))
    if not wanted:
        return texts
    return [p for p in texts if any(p.name.startswith(w) for w in wanted)]


def run_lint(files: Sequence[Path]) -> list[Finding]:
    """Lint the files in one bpo-lint run and return every finding."""
    cmd = [sys.executable, "-m", "bpo_lint", "--format", "json", "--no-cache", "--fail-on",
           "never", *map(str, files)]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if not done.stdout.strip():
        raise SystemExit(f"bpo-lint printed no report: {done.stderr[-2000:]}")
    out = []
    for f in json.loads(done.stdout)["files"]:
        name = Path(f["path"]).name
        for x in f["findings"]:
            loc = x.get("location", {})
            fields = (x["rule"], x["category"], x.get("excerpt", ""), x.get("message", ""))
            out.append(Finding(name, *fields, loc.get("line"), loc.get("column")))
    return out


def context(finding: Finding, width: int = CONTEXT) -> str:
    """About `width` characters of the evaluation text around the finding, on one line."""
    path = TEXTS / finding.file
    if finding.line is None or not path.exists():
        return ""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    start = sum(len(s) for s in lines[: finding.line - 1]) + (finding.column or 1) - 1
    text = "".join(lines)
    return normalise(text[max(0, start - width // 2) : start + width // 2 + len(finding.excerpt)])


def toml_string(text: str) -> str:
    """A TOML basic string (JSON escapes are valid TOML ones)."""
    return json.dumps(text, ensure_ascii=False)


def stub(finding: Finding) -> str:
    """A judgement entry for the finding, verdict and reason left to fill in."""
    return (f"[[finding]]\nfile = {toml_string(finding.file)}\nrule = {toml_string(finding.rule)}\n"
            f"excerpt = {toml_string(finding.excerpt)}\nverdict = \"\"\nwhy = \"\"\n"
            f"# line {finding.line}: {finding.message}\n# ...{context(finding)}...\n")  # fmt: skip


def _args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--category", nargs="+", choices=CATEGORIES, default=list(CATEGORIES))
    parser.add_argument("--files", nargs="+", help="number prefixes of evaluation texts")
    parser.add_argument("--unjudged", action="store_true", help="list unjudged findings")
    parser.add_argument("--stub", action="store_true", help="print unjudged findings as TOML")
    parser.add_argument("--stale", action="store_true", help="list judgements matching nothing")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    """Lint, match, print the table (and the unjudged or stale lists when asked)."""
    args = _args(argv)
    if not TEXTS.is_dir():
        print(f"no evaluation texts at {TEXTS}", file=sys.stderr)
        return 2
    scope = {c: select_files(args.files, c) for c in args.category}
    files = sorted({p for paths in scope.values() for p in paths})
    findings = run_lint(files)
    print(f"{'category':14} {'files':>5} {'findings':>8} {'judged':>6} {'correct':>7} "
          f"{'wrong':>5} {'share':>6}")  # fmt: skip
    for cat in args.category:
        names = {p.name for p in scope[cat]}
        mine = [f for f in findings if f.category == cat and f.file in names]
        judgements = [j for j in load_judgements(DATA / f"{cat}.toml") if j.file in names]
        pairs, stale = match(mine, judgements)
        t = tally(pairs)
        share = "-" if t.share is None else f"{100 * t.share:5.1f}%"
        print(f"{cat:14} {len(names):5} {t.findings:8} {t.judged:6} {t.correct:7} {t.wrong:5} "
              f"{share:>6}")  # fmt: skip
        unjudged = [f for f, j in pairs if j is None]
        if args.unjudged:
            for f in unjudged:
                print(f"  UNJUDGED {f.file}:{f.line} {f.rule}: {f.message}\n"
                      f"    excerpt: {f.excerpt!r}\n    context: ...{context(f)}...")  # fmt: skip
        if args.stub:
            print("\n".join(stub(f) for f in unjudged))
        if args.stale:
            for j in stale:
                print(f"  STALE {j.file} {j.rule} ({j.verdict}): {j.excerpt!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
