"""Lint many targets: cache look-ups, a pool of forked workers, per-file timeouts, progress.

Results come back in input order and do not depend on `jobs`: each file is linted by the same
`lint_target` whichever process runs it. Workers are forked from a parent that has already
loaded the classifier, so they share its memory instead of each loading their own copy. A
worker that passes a file's deadline is killed and replaced; that file gets a `timeout` error
and every other file is still reported.
"""

from __future__ import annotations

import functools
import importlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bpo_lint.lint import Classifier, LintOptions, lint_target
from bpo_lint.model import FileError, FileResult
from bpo_lint.progress import progress_bar
from bpo_lint.targets import Target

if TYPE_CHECKING:
    from bpo_lint.cache import Cache
    from bpo_lint.runner_classify import ClassifierProcess

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
    classifier: ClassifierProcess | None = None,
) -> list[FileResult]:
    """Lint every (target, options) pair; results in input order, the same whatever `jobs` is.

    `classifier` (runner_classify.start_classifier) classifies the files linted in this
    process while their rules run; the caller stops it.
    """
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
            send = None
            if classifier is not None:
                from bpo_lint.runner_classify import submit

                send = functools.partial(submit, classifier)
            for i in todo:
                finish(i, lint_with_alarm(*items[i], timeout, send))
    return results  # type: ignore[return-value]  # every slot is filled above


def _lookup(items, cache, keys, results, advance: Callable[[str], None]) -> None:
    from bpo_lint import cache as cache_mod

    by_options: dict[int, str] = {}  # one fingerprint per options object, not per file
    rule_memo: dict[int, bytes] = {}
    fingerprints: list[str | None] = []
    for _, options in items:
        if id(options) not in by_options:
            by_options[id(options)] = cache_mod.options_fingerprint(options, rule_memo)
        fingerprints.append(by_options[id(options)])
    found, found_keys = lookup([t for t, _ in items], fingerprints, cache)
    for i, hit in enumerate(found):
        results[i], keys[i] = hit, found_keys[i]
        if hit is not None:
            advance(items[i][0].path)


def lookup(
    targets: Sequence[Target], fingerprints: Sequence[str | None], cache: Cache
) -> tuple[list[FileResult | None], list[str | None]]:
    """Cached results (None: a miss) and, for each miss that can be stored, its entry key."""
    from bpo_lint import cache as cache_mod

    results: list[FileResult | None] = []
    keys: list[str | None] = []
    for target, fingerprint in zip(targets, fingerprints, strict=True):
        key = None
        hit = None
        # stdin, known-bad targets and targets without a fingerprint are not cached
        if target.error is None and target.data is None and fingerprint is not None:
            started = time.perf_counter()
            key = cache_mod.file_key(cache, target.path, fingerprint)
            hit = cache_mod.load(cache, key) if key else None
            if hit is not None and hit.path == target.path:
                hit = replace(hit, seconds=time.perf_counter() - started)
                key = None  # already stored
            else:
                hit = None
        results.append(hit)
        keys.append(key)
    return results, keys


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
    import multiprocessing  # only a run that lints several files needs it

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


def lint_with_alarm(
    target: Target,
    options: LintOptions,
    timeout: float | None,
    classifier: Classifier | None = None,
) -> FileResult:
    """Lint one target in this process, stopped by SIGALRM after `timeout` seconds (Unix)."""
    usable = (
        timeout
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if classifier is not None:
        lint = functools.partial(lint_target, classifier=classifier)
    else:
        lint = lint_target  # looked up at call time, so that tests can stand in for it
    if not usable:
        return lint(target, options)

    def ring(_signum, _frame):
        raise _Timeout

    old = signal.signal(signal.SIGALRM, ring)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            return lint(target, options)
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
