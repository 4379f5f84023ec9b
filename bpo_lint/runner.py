"""Lint many targets: cache look-ups, a pool of forked workers, per-file timeouts, progress.

Results come back in input order and do not depend on `jobs`: each file is linted by the same
`lint_target` whichever process runs it. Workers are forked from a parent that has already
loaded the classifier, so they share its memory instead of each loading their own copy. A
worker that passes a file's deadline is killed and replaced; that file gets a `timeout` error
and every other file is still reported.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bpo_lint.lint import LintOptions, Target, lint_target
from bpo_lint.model import FileError, FileResult
from bpo_lint.progress import progress_bar

if TYPE_CHECKING:
    from bpo_lint.cache import Cache

DEFAULT_TIMEOUT = 120.0
Item = tuple[Target, LintOptions]
# A tiny agreement linted once in the parent so that every lazy import, compiled pattern and
# the classifier are loaded before forking (workers then start warm).
_WARMUP = b"# 1. Services\n\nThe Supplier shall provide the Services within 30 days.\n"


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def timeout_error(timeout: float) -> FileError:
    """The error of a file that took too long."""
    return FileError("timeout", f"took longer than {timeout:g} s")


def run_targets(
    items: Sequence[Item],
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    cache: Cache | None = None,
    progress: bool = False,
) -> list[FileResult]:
    """Lint every (target, options) pair; results in input order, the same whatever `jobs` is."""
    from bpo_lint import cache as cache_mod

    items = list(items)
    results: list[FileResult | None] = [None] * len(items)
    keys: list[str | None] = [None] * len(items)
    with progress_bar(len(items), progress) as advance:
        if cache is not None:
            _lookup(items, cache, keys, results, advance)

        def finish(i: int, result: FileResult) -> None:
            results[i] = result
            if keys[i] is not None:
                cache_mod.store(cache, keys[i], result)
            advance(items[i][0].path)

        todo = [i for i, r in enumerate(results) if r is None]
        # One file gains nothing from a pool: it is linted here, under SIGALRM, which stops
        # Python code but not a call stuck inside a C library; a pool worker would be killed.
        if jobs > 1 and len(todo) > 1 and _can_fork():
            from bpo_lint.pool import run_pool

            preload(items[i] for i in todo)
            run_pool(items, _largest_first(items, todo), jobs, timeout, finish)
        else:
            for i in todo:
                finish(i, lint_with_alarm(*items[i], timeout))
    return results  # type: ignore[return-value]  # every slot is filled above


def _lookup(items, cache, keys, results, advance: Callable[[str], None]) -> None:
    from bpo_lint import cache as cache_mod

    by_options: dict[int, str] = {}  # one fingerprint per options object, not per file
    rule_memo: dict[int, bytes] = {}
    for i, (target, options) in enumerate(items):
        if target.error is not None or target.data is not None:
            continue  # stdin and known-bad targets are not cached
        started = time.perf_counter()
        if id(options) not in by_options:
            by_options[id(options)] = cache_mod.options_fingerprint(options, rule_memo)
        keys[i] = cache_mod.file_key(cache, target.path, by_options[id(options)])
        hit = cache_mod.load(cache, keys[i]) if keys[i] else None
        if hit is not None and hit.path == target.path:
            results[i] = replace(hit, seconds=time.perf_counter() - started)
            keys[i] = None  # already stored
            advance(target.path)


def _largest_first(items: Sequence[Item], todo: list[int]) -> list[int]:
    # Starting the longest files first keeps both workers busy until the end of the run.
    def size(i: int) -> int:
        target = items[i][0]
        if target.data is not None:
            return len(target.data)
        try:
            return os.path.getsize(target.path)
        except OSError:
            return 0

    return sorted(todo, key=lambda i: (-size(i), i))


def _can_fork() -> bool:
    return sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()


def preload(items) -> None:
    """Load the classifier and warm every lazy import in this process, before forking workers."""
    seen: set[int] = set()
    suffixes: set[str] = set()
    for target, options in items:
        suffixes.add(os.path.splitext(target.path)[1].lower())
        if id(options) not in seen:
            seen.add(id(options))
            lint_target(Target("warmup.md", data=_WARMUP), options)
    # The readers' heavy libraries, imported once here rather than once per worker.
    for suffix, module in ((".pdf", "bpo_lint.readers.pdf"), (".docx", "bpo_lint.readers.docx")):
        if suffix in suffixes:
            importlib.import_module(module)


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in a stage eats it."""


def lint_with_alarm(target: Target, options: LintOptions, timeout: float | None) -> FileResult:
    """Lint one target in this process, stopped by SIGALRM after `timeout` seconds (Unix)."""
    usable = (
        timeout
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        return lint_target(target, options)

    def ring(_signum, _frame):
        raise _Timeout

    old = signal.signal(signal.SIGALRM, ring)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            return lint_target(target, options)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Timeout:  # caught out here too when the alarm rings while it is being disarmed
        return failed(target, timeout_error(timeout))
    finally:
        signal.signal(signal.SIGALRM, old)


def failed(target: Target, error: FileError) -> FileResult:
    """The result of a target whose linting was stopped: its format (when known) and `error`."""
    from bpo_lint.model import ReadError
    from bpo_lint.readers import detect_format

    try:
        fmt = detect_format(target.path, target.data)
    except ReadError:
        fmt = None
    return FileResult(path=target.path, format=fmt, error=error)
