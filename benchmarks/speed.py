"""Speed of bpo-lint, always as ratios against an alternative measured in the same run.

This machine (and CI) is shared and noisy, so a raw number means little; a ratio measured
seconds apart means more. Every measurement runs in its own child process; peak memory is the
child's ru_maxrss (the largest process of its tree). Generated inputs go to a temporary folder.

    python benchmarks/speed.py startup            # --version vs a bare interpreter
    python benchmarks/speed.py pdf [--pages N..]  # vs pdfplumber's extract_text on the same PDFs
    python benchmarks/speed.py markdown           # 79,000-word agreement vs contract-lint 0.2.6
    python benchmarks/speed.py cuad               # the CUAD texts with --jobs 1 vs --jobs 2
    python benchmarks/speed.py all
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from _corpus import cuad_texts, write_long_markdown  # noqa: E402
from _pdfgen import make_pdf  # noqa: E402

CONTRACT_LINT = "contract-lint==0.2.6"
# Start-up (imports, rule pack, classifier) and then one file, timed apart inside one child.
_PROCESS = r"""
import json, sys, time
t0 = time.perf_counter()
from bpo_lint.formatters.json import render
from bpo_lint.lint import LintOptions, lint_target
from bpo_lint.targets import Target
from bpo_lint.pack import load_pack
from bpo_lint.runner import preload
options = LintOptions(rules=load_pack().rules)
preload([(Target(sys.argv[1]), options)])
t1 = time.perf_counter()
render([lint_target(Target(sys.argv[1]), options)], "0")
print(json.dumps({"startup": t1 - t0, "process": time.perf_counter() - t1}))
"""
_PLUMBER = r"""
import json, sys, time
t0 = time.perf_counter()
import pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    chars = sum(len(page.extract_text() or "") for page in pdf.pages)
print(json.dumps({"secs": time.perf_counter() - t0, "chars": chars}))
"""


@dataclass(frozen=True)
class Run:
    """One child process: wall seconds, CPU seconds (its whole tree), peak RSS in MB, stdout."""

    wall: float
    cpu: float
    rss: float
    out: bytes


def run(argv: list[str], ok=(0, 1)) -> Run:
    """Run one child process and measure it."""
    env = dict(os.environ, PYTHONPATH=str(REPO), CI="1")  # CI: no progress bar
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        data = out.read()
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(argv[:4])}... exited with {proc.returncode}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, data)


def interleaved(argvs: list[list[str]], repeat: int) -> list[Run]:
    """The median run of each command, the commands taking turns so that load hits all alike."""
    runs: list[list[Run]] = [[] for _ in argvs]
    for _ in range(repeat):
        for mine, argv in zip(runs, argvs, strict=True):
            mine.append(run(argv))
    return [sorted(mine, key=lambda r: r.wall)[len(mine) // 2] for mine in runs]


def load_note() -> str:
    """The machine's load average, printed with every table: other work skews the figures."""
    one, five, _ = os.getloadavg()
    return f"(load average {one:.2f} / {five:.2f} on {os.cpu_count()} cores)"


def bpo_lint(*args: str) -> list[str]:
    """argv of the CLI with this interpreter (never a shell wrapper that adds its own start-up)."""
    return [sys.executable, "-m", "bpo_lint", *args]


def bench_startup(repeat: int) -> None:
    """`bpo-lint --version` against a bare `python -c pass`."""
    bare, ver = interleaved([[sys.executable, "-c", "pass"], bpo_lint("--version")], repeat)
    print(f"startup {load_note()}")
    print(f"{'python -c pass s':>16} {'--version s':>11} {'ratio':>6}")
    print(f"{bare.wall:>16.3f} {ver.wall:>11.3f} {ver.wall / bare.wall:>6.2f}")


def bench_pdf(pages_list: list[int], repeat: int, tmp: Path) -> None:
    """Whole CLI on generated PDFs against pdfplumber's extract_text alone."""
    print(f"pdf {load_note()}")
    print(
        f"{'pages':>5} {'plumber s':>9} {'cli s':>6} {'ratio':>6} {'startup s':>9}"
        f" {'process s':>9} {'pages/s':>7} {'plumber MB':>10} {'cli MB':>6}"
    )
    for pages in pages_list:
        path = make_pdf(tmp / f"gen-{pages}.pdf", pages)
        plumber_run, cli = interleaved(
            [
                [sys.executable, "-c", _PLUMBER, str(path)],
                bpo_lint(str(path), "--format", "json", "--no-cache"),
            ],
            repeat,
        )
        plumber = json.loads(plumber_run.out)["secs"]
        json.loads(cli.out)  # a crashed run must not pass as a fast one
        (inner_run,) = interleaved([[sys.executable, "-c", _PROCESS, str(path)]], repeat)
        inner = json.loads(inner_run.out)
        print(
            f"{pages:>5} {plumber:>9.2f} {cli.wall:>6.2f} {plumber / cli.wall:>6.1f}"
            f" {inner['startup']:>9.2f} {inner['process']:>9.2f}"
            f" {pages / inner['process']:>7.0f} {plumber_run.rss:>10.0f} {cli.rss:>6.0f}",
            flush=True,
        )


def contract_lint_bin(venv: Path) -> Path:
    """contract-lint installed in its own venv (created on first use)."""
    exe = venv / ("Scripts" if os.name == "nt" else "bin") / "contract-lint"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = venv / ("Scripts" if os.name == "nt" else "bin") / "pip"
        subprocess.run([str(pip), "install", "-q", CONTRACT_LINT], check=True)
    return exe


def bench_markdown(words: int, repeat: int, tmp: Path, venv: Path | None) -> None:
    """A long generated agreement: cold and cached runs against contract-lint."""
    path, count = write_long_markdown(tmp / "long-msa.md", words)
    peer = contract_lint_bin(venv or tmp / "venv")
    cache = ["--cache-dir", str(tmp / "cache")]
    run(bpo_lint(str(path), "--format", "json", *cache))  # fill the cache
    cl, cold, cold1, warm, process = interleaved(
        [
            [str(peer), "lint", "--json", str(path)],
            bpo_lint(str(path), "--format", "json", "--no-cache"),
            bpo_lint(str(path), "--format", "json", "--no-cache", "--jobs", "1"),
            bpo_lint(str(path), "--format", "json", *cache),
            [sys.executable, "-c", _PROCESS, str(path)],
        ],
        repeat,
    )
    for r in (cl, cold, cold1, warm):
        json.loads(r.out)  # a crashed run must not pass as a fast one
    if cold.out != cold1.out or cold.out != warm.out:
        print("WARNING: the reports of the cold, --jobs 1 and cached runs differ")
    inner = json.loads(process.out)["process"]
    print(f"markdown: {count} words {load_note()}")
    print(f"{'run':<26} {'s':>6} {'vs contract-lint':>16} {'words/s':>8} {'cpu s':>6} {'MB':>5}")
    rows = [
        ("contract-lint 0.2.6", cl.wall, cl.cpu, cl.rss),
        ("bpo-lint cold", cold.wall, cold.cpu, cold.rss),
        ("bpo-lint cold --jobs 1", cold1.wall, cold1.cpu, cold1.rss),
        ("bpo-lint warm (cache)", warm.wall, warm.cpu, warm.rss),
        ("bpo-lint process only", inner, float("nan"), float("nan")),
    ]
    for name, secs, cpu, rss in rows:
        print(
            f"{name:<26} {secs:>6.2f} {secs / cl.wall:>15.2f}x {count / secs:>8.0f}"
            f" {cpu:>6.2f} {rss:>5.0f}"
        )


def bench_cuad(limit: int | None, tmp: Path) -> None:
    """The CUAD training texts: --jobs 1 against --jobs 2, and a re-run from the cache."""
    files = cuad_texts()[:limit] if limit else cuad_texts()
    if not files:
        print("cuad: ../shared/corpus/train/cuad-txt is not present; skipped")
        return
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)
    folder = tmp / "cuad"
    folder.mkdir()
    for p in files:  # a folder of links, so a --limit run lints exactly these files
        (folder / p.name).symlink_to(p)
    print(f"cuad {load_note()}")
    outs, times = {}, {}
    for jobs in (1, 2):
        out = tmp / f"jobs{jobs}.json"
        args = bpo_lint(str(folder), "--format", "json", "-o", str(out), "--no-cache")
        r = run([*args, "--jobs", str(jobs)], ok=(0, 1, 2))
        times[jobs], outs[jobs] = r.wall, out.read_bytes()
        print(
            f"--jobs {jobs}: {r.wall:.1f} s, {words / r.wall:.0f} words/s,"
            f" {r.cpu:.1f} s of CPU, {r.rss:.0f} MB",
            flush=True,
        )
    cache = ["--cache-dir", str(tmp / "cache")]
    args = bpo_lint(str(folder), "--format", "json", "-o", str(tmp / "c.json"), *cache)
    fill = run(args, ok=(0, 1, 2)).wall
    warm = run(args, ok=(0, 1, 2)).wall
    same = "yes" if outs[1] == outs[2] == (tmp / "c.json").read_bytes() else "NO"
    print(f"{len(files)} files, {words} words; jobs 2 vs 1 speed-up {times[1] / times[2]:.2f}x;")
    print(f"byte-identical JSON: {same}; re-run from cache {warm:.2f} s", end="")
    print(f" ({fill / warm:.0f}x faster than the run that filled it) {load_note()}")


def main() -> None:
    """Parse the command and print its table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["startup", "pdf", "markdown", "cuad", "all"])
    ap.add_argument("--pages", type=int, nargs="+", default=[10, 100, 300])
    ap.add_argument("--words", type=int, default=79_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--limit", type=int, help="only the first N CUAD texts")
    ap.add_argument("--venv", type=Path, help="reuse this venv for contract-lint")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.what in ("startup", "all"):
            bench_startup(max(args.repeat, 5))
        if args.what in ("pdf", "all"):
            bench_pdf(args.pages, args.repeat, Path(tmp))
        if args.what in ("markdown", "all"):
            bench_markdown(args.words, args.repeat, Path(tmp), args.venv)
        if args.what in ("cuad", "all"):
            bench_cuad(args.limit, Path(tmp))


if __name__ == "__main__":
    main()
