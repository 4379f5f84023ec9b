"""Forked worker processes that lint files by index, each file under its own deadline.

A worker inherits the targets and options when it is forked, so only an index goes down its
pipe and a FileResult comes back. The parent waits on all pipes at once; a worker past its
file's deadline is killed and replaced, and one that dies is replaced too, so one bad file never
costs the others their reports.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from bpo_lint.lint import lint_target
from bpo_lint.model import FileError, FileResult


@dataclass
class _Worker:
    """A live worker process and the file it is linting (mutable bookkeeping, parent only)."""

    proc: multiprocessing.process.BaseProcess
    conn: object
    index: int | None = None
    deadline: float = field(default=float("inf"))


def requests(conn) -> Iterator:
    """What a child is sent, until the parent sends None or its end of the pipe closes."""
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        yield request


def _serve(conn, items) -> None:
    # Ctrl-C is the parent's to handle: it kills the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for i in requests(conn):
        target, options = items[i]
        result = lint_target(target, options)
        try:
            conn.send(result)
        except Exception as exc:  # an unpicklable result must not take the worker down
            message = f"internal error ({type(exc).__name__}: {exc}); please report it"
            conn.send(FileResult(target.path, result.format, FileError("internal-error", message)))


def _spawn(ctx, items) -> _Worker:
    parent_end, child_end = ctx.Pipe()
    proc = ctx.Process(target=_serve, args=(child_end, items), daemon=True)
    proc.start()
    child_end.close()  # so that a dead worker shows up as EOF on parent_end
    return _Worker(proc, parent_end)


def _stop(worker: _Worker, kill: bool) -> None:
    if kill:
        worker.proc.kill()
    else:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
    worker.proc.join(timeout=None if kill else 5)
    if worker.proc.is_alive():
        worker.proc.kill()
        worker.proc.join()
    worker.conn.close()


def run_pool(
    items: Sequence,
    order: list[int],
    jobs: int,
    timeout: float | None,
    finish: Callable[[int, FileResult], None],
) -> None:
    """Lint items[i] for every i in `order` on up to `jobs` workers; call finish(i, result)."""
    from bpo_lint.runner import failed, timeout_error

    ctx = multiprocessing.get_context("fork")
    queue = deque(order)
    # What the parent made so far (the classifier, compiled rules) goes where the workers'
    # garbage collector never looks, so its pages stay shared instead of copied per worker.
    gc.freeze()
    workers = [_spawn(ctx, items) for _ in range(min(jobs, len(queue)))]
    try:
        while True:
            for w in workers:
                if w.index is None and queue:
                    w.index = queue.popleft()
                    w.deadline = time.monotonic() + timeout if timeout else float("inf")
                    w.conn.send(w.index)
            busy = [w for w in workers if w.index is not None]
            if not busy:
                break
            wait_for = min(w.deadline for w in busy) - time.monotonic()
            ready = wait([w.conn for w in busy], timeout=max(0.0, min(wait_for, 3600.0)))
            for w in busy:
                i = w.index
                target = items[i][0]
                if w.conn in ready:
                    try:
                        result = w.conn.recv()
                    except (EOFError, OSError):
                        w.proc.join()
                        code = w.proc.exitcode
                        msg = f"the worker linting it stopped (exit code {code}); please report it"
                        result = failed(target, FileError("worker-crashed", msg))
                        workers[workers.index(w)] = _replace(ctx, items, w)
                    else:
                        w.index = None
                    finish(i, result)
                elif time.monotonic() >= w.deadline:
                    workers[workers.index(w)] = _replace(ctx, items, w)
                    finish(i, failed(target, timeout_error(timeout)))
    finally:
        for w in workers:
            _stop(w, kill=w.index is not None)
        gc.unfreeze()


def _replace(ctx, items, worker: _Worker) -> _Worker:
    _stop(worker, kill=True)
    return _spawn(ctx, items)
