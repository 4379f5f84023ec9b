"""Lint a large folder of contracts on a Dask cluster, writing one JSON line per file.

Each line is the same object as one entry of the JSON report's `files` list, in the order the
files are found (sorted), so the output is the same whatever the cluster's size.

    pip install "bpo-lint[dask]"
    python examples/dask_lint.py contracts/ -o results.jsonl                 # a LocalCluster here
    python examples/dask_lint.py contracts/ -o results.jsonl --scheduler tcp://10.0.0.5:8786

Workers read the files by path, so they need the same shared folder (NFS, a mounted bucket...);
with --ship the client reads each file and sends its bytes instead. Every worker process loads
the classifier once and keeps it for all its batches.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace


def lint_batch(items: Sequence[tuple]) -> list[dict]:
    """Lint (Target, LintOptions) pairs on a worker; the JSON report's `files` entries."""
    from bpo_lint import __version__
    from bpo_lint.formatters.json import report_dict
    from bpo_lint.runner import run_targets

    # jobs=1: a Dask worker already is the unit of parallelism; no forking inside it.
    results = run_targets(items, jobs=1, timeout=None)
    return report_dict(results, __version__)["files"]


def _with_bytes(target):
    if target.error is not None:
        return target
    try:
        with open(target.path, "rb") as fh:
            return replace(target, data=fh.read())
    except OSError:
        return target  # the worker then reports why it cannot be read


def plan(paths: Sequence[str], flags=None) -> list[tuple]:
    """(Target, LintOptions) per file, exactly as `bpo-lint check` plans them (config files too)."""
    from bpo_lint.config_plan import Flags, plan_targets
    from bpo_lint.targets import expand_paths

    plans = plan_targets(list(expand_paths(list(paths))), flags or Flags())
    return [(target, options) for target, options, _ in plans]


def lint_folder(
    client, paths: Sequence[str], batch_size: int = 16, ship: bool = False, flags=None
) -> Iterator[dict]:
    """Yield one `files` entry per file, in input order, linted in batches across the cluster."""
    from dask.distributed import as_completed

    items = plan(paths, flags)
    futures = {}
    for n, start in enumerate(range(0, len(items), batch_size)):
        batch = items[start : start + batch_size]
        if ship:
            batch = [(_with_bytes(target), options) for target, options in batch]
        futures[client.submit(lint_batch, batch, pure=False)] = n
    done: dict[int, list[dict]] = {}
    following = 0
    for future in as_completed(futures):
        done[futures[future]] = future.result()
        while following in done:  # release batches in order as soon as they are complete
            yield from done.pop(following)
            following += 1


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: lint PATHS on a cluster and write JSON lines; status 2 if a file failed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="files or folders (walked) to lint")
    ap.add_argument("-o", "--output", default="-", help="JSON lines file (default: stdout)")
    ap.add_argument("--scheduler", help="address of a running scheduler (default: LocalCluster)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--batch-size", type=int, default=16, help="files per task")
    ap.add_argument("--ship", action="store_true", help="send file bytes, not paths")
    ap.add_argument("--rules", action="append", default=[], help="extra rule-pack folder")
    ap.add_argument("--select", action="append", default=[], help="only these rules")
    ap.add_argument("--ignore", action="append", default=[], help="skip these rules")
    ap.add_argument("--profile", help="document profile, as in bpo-lint check")
    ap.add_argument("--isolated", action="store_true", help="ignore every config file")
    args = ap.parse_args(argv)
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    from bpo_lint.config_plan import Flags

    flags = Flags(
        select=tuple(args.select),
        ignore=tuple(args.ignore),
        rules=tuple(args.rules),
        profile=args.profile,
        isolated=args.isolated,
    )
    started, count, failed = time.perf_counter(), 0, 0
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for entry in lint_folder(client, args.paths, args.batch_size, args.ship, flags):
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            count += 1
            failed += entry["error"] is not None
    finally:
        if out is not sys.stdout:
            out.close()
        client.close()
    elapsed = time.perf_counter() - started
    print(f"{count} file(s), {failed} unreadable, {elapsed:.1f} s", file=sys.stderr)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
