"""What to lint: the paths a user gave, directories walked for supported files, and stdin."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from bpo_lint.model import FileError


@dataclass(frozen=True)
class Target:
    """One thing to lint: a path as the user gave it (or found under a directory), or stdin."""

    path: str
    data: bytes | None = None
    error: FileError | None = None  # set when the target is known to be unusable before reading


def expand_paths(paths: Sequence[str], stdin: bytes | None = None) -> Iterator[Target]:
    """Files as given, directories walked (sorted) for supported files, "-" for stdin."""
    from bpo_lint.readers import SUPPORTED_SUFFIXES

    for path in paths:
        if path == "-":
            yield Target("-", stdin if stdin is not None else b"")
        elif os.path.isdir(path):
            found = sorted(_walk(path, SUPPORTED_SUFFIXES))
            if not found:
                suffixes = ", ".join(SUPPORTED_SUFFIXES)
                msg = f"directory has no files to lint (looked for {suffixes})"
                yield Target(path, error=FileError("no-files", msg))
            yield from (Target(p) for p in found)
        else:
            yield Target(path)


def _walk(root: str, suffixes: Iterable[str]) -> Iterator[str]:
    """Supported files under root, hidden folders and editor lock files skipped."""
    suffixes = tuple(suffixes)
    for dirpath, dirnames, filenames in os.walk(root):
        # Hidden folders (.git, caches) never hold the contracts a user means to lint.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.lower().endswith(suffixes) and not name.startswith((".", "~$")):
                yield os.path.join(dirpath, name)
