"""Report formatters: each turns a list of FileResults into text, and reads nothing else."""

from __future__ import annotations

from collections.abc import Callable

# render(results, version, **kwargs): text takes color= and quiet=, sarif takes rules= (the pack's
# Rule objects, for rule descriptions); every formatter ignores keyword arguments it does not use.
Formatter = Callable[..., str]


def get_formatter(name: str) -> Formatter:
    """The render function for a format name (imported lazily: rich is slow to import)."""
    if name == "json":
        from bpo_lint.formatters.json import render
    elif name == "text":
        from bpo_lint.formatters.text import render
    elif name == "sarif":
        from bpo_lint.formatters.sarif import render
    elif name == "github":
        from bpo_lint.formatters.github import render
    elif name == "html":
        from bpo_lint.formatters.html import render
    else:
        raise ValueError(f"unknown format {name!r}")
    return render


FORMAT_NAMES = ("text", "json", "sarif", "github", "html")
