"""The "did you mean" hint that config, profile and rule-pack errors share.

It lives apart from pack.py so that reading a config file does not import every rule kind.
"""

from __future__ import annotations

import difflib
from importlib import resources
from pathlib import Path


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def builtin_rules_dir() -> Path:
    """The directory of the rule pack shipped with bpo-lint (areas and profiles included)."""
    return Path(str(resources.files("bpo_lint") / "rules"))
