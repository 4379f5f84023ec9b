"""A progress bar on stderr for long runs, shown only to a person watching a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO

# A single PDF at least this big takes seconds, long enough to deserve a bar of its own.
BIG_PDF_BYTES = 1 << 20


def want_progress(
    quiet: bool = False, stream: TextIO | None = None, env: Mapping[str, str] | None = None
) -> bool:
    """True when stderr is a terminal, CI is not set and the run is not --quiet."""
    stream = sys.stderr if stream is None else stream
    env = os.environ if env is None else env
    if quiet or env.get("CI") or env.get("BPO_LINT_NO_PROGRESS"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def worth_a_bar(paths: list[str]) -> bool:
    """Many files, or one long PDF: runs short enough to need no bar return False."""
    if len(paths) > 1:
        return True
    if len(paths) == 1 and paths[0].lower().endswith(".pdf"):
        try:
            return os.path.getsize(paths[0]) >= BIG_PDF_BYTES
        except OSError:
            return False
    return False


def _noop(_path: str) -> None:
    return None


@contextmanager
def progress_bar(
    total: int, enabled: bool, stream: TextIO | None = None
) -> Iterator[Callable[[str], None]]:
    """Yield `advance(path)`, to call once per finished file; a no-op when not enabled."""
    if not enabled or total <= 0:
        yield _noop
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(file=stream if stream is not None else sys.stderr)
    columns = (
        TextColumn("linting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}", style="dim"),
    )
    # transient: the bar vanishes when done, leaving stderr to the diagnostics that follow.
    # No refresh thread: workers are forked while the bar is up, and a fork must not copy a
    # lock that a drawing thread holds on stderr.
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as bar:
        task = bar.add_task("lint", total=total, last="")
        bar.refresh()

        def advance(path: str) -> None:
            bar.update(task, advance=1, last=os.path.basename(path), refresh=True)

        yield advance
