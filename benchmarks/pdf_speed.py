"""PDF speed: pdfplumber's extract_text vs bpo-lint's read_pdf vs the whole CLI, on generated PDFs.

Each measurement runs in its own child process so its peak RSS (ru_maxrss, via os.wait4) is its
own. Generated PDFs go to a temporary directory, never into the repository.

    python benchmarks/pdf_speed.py [--pages 10 100 300] [--no-cli]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from _pdfgen import make_pdf  # noqa: E402

_CHILD = r"""
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode == "pdfplumber":
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        chars = sum(len(page.extract_text() or "") for page in pdf.pages)
else:
    from bpo_lint.readers.pdf import read_pdf
    chars = len(read_pdf(path).text)
secs = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"secs": secs, "rss": rss, "chars": chars}))
"""


def _run(argv: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of a child process."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0
        wall = time.perf_counter() - start
        out.seek(0)
        return wall, usage.ru_maxrss / 1024, out.read().decode()


def measure(path: Path) -> dict[str, tuple[float, float]]:
    """{"pdfplumber" | "read_pdf" | "cli": (seconds, peak RSS MB)} for one PDF."""
    result = {}
    for mode in ("pdfplumber", "read_pdf"):
        _, _, out = _run([sys.executable, "-c", _CHILD, mode, str(path)])
        data = json.loads(out)
        result[mode] = (data["secs"], data["rss"])
    return result


def measure_cli(path: Path) -> tuple[float, float]:
    """End to end `python -m bpo_lint FILE --format json`, start-up included."""
    wall, rss, out = _run([sys.executable, "-m", "bpo_lint", str(path), "--format", "json"])
    json.loads(out)  # a run that crashed must not pass as a fast one
    return wall, rss


def main() -> None:
    """Print the speed table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[10, 100, 300])
    ap.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI runs")
    args = ap.parse_args()
    head = f"{'pages':>5} {'pdfplumber s':>12} {'read_pdf s':>10} {'pages/s':>8} {'ratio':>6}"
    head += f" {'RSS MB plumber/ours':>20}"
    if not args.no_cli:
        head += f" {'cli s':>6} {'cli ratio':>9} {'cli RSS MB':>10}"
    print(head)
    with tempfile.TemporaryDirectory() as tmp:
        for pages in args.pages:
            path = make_pdf(Path(tmp) / f"gen-{pages}.pdf", pages)
            m = measure(path)
            (ps, pr), (os_, orss) = m["pdfplumber"], m["read_pdf"]
            row = f"{pages:>5} {ps:>12.2f} {os_:>10.2f} {pages / os_:>8.0f} {ps / os_:>6.1f}"
            row += f" {pr:>9.0f} / {orss:<8.0f}"
            if not args.no_cli:
                try:
                    cs, crss = measure_cli(path)
                    row += f" {cs:>6.2f} {ps / cs:>9.1f} {crss:>10.0f}"
                except (ValueError, OSError) as exc:
                    row += f" cli failed: {exc}"
            print(row, flush=True)


if __name__ == "__main__":
    main()
