"""Report formatters: each turns a list of FileResults into text, and reads nothing else."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bpo_lint.model import FileResult

Formatter = Callable[[Sequence[FileResult], str], str]


def get_formatter(name: str) -> Formatter:
    """The render function for a format name (imported lazily: rich is slow to import)."""
    if name == "json":
        from bpo_lint.formatters.json import render
    elif name == "text":
        from bpo_lint.formatters.text import render
    else:
        raise ValueError(f"unknown format {name!r}")
    return render


FORMAT_NAMES = ("text", "json")
