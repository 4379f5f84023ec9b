"""Baselines: accept today's findings so that only new ones are reported.

A finding is matched by (path relative to the baseline's folder, rule id, section id,
normalised excerpt), never by line number: renumbering or reflowing lines keeps accepted
findings accepted, while a change to the flagged words reports them again. Matching counts:
two identical entries accept two identical findings, not three.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from bpo_lint.model import FileResult, Finding

FORMAT_VERSION = 1
Key = tuple[str, str, str, str]


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def normalise(text: str) -> str:
    """Lower-cased with whitespace collapsed (digits and punctuation kept)."""
    return " ".join(text.lower().split())


def relative_path(path: str, base_dir: str) -> str:
    """`path` relative to `base_dir` with forward slashes ("-" for stdin stays "-")."""
    if path == "-":
        return "-"
    return os.path.relpath(os.path.abspath(path), os.path.abspath(base_dir)).replace(os.sep, "/")


def finding_key(path: str, finding: Finding) -> Key:
    """What identifies a finding across edits; document-level findings quote no words, so
    their message stands in for the excerpt (it names the missing area or element)."""
    words = finding.excerpt or finding.message
    return (path, finding.rule, finding.location.section or "", normalise(words))


def result_keys(results: Iterable[FileResult], base_dir: str) -> Counter[Key]:
    """How many times each key occurs among the findings of `results`."""
    counts: Counter[Key] = Counter()
    for r in results:
        rel = relative_path(r.path, base_dir)
        counts.update(finding_key(rel, f) for f in r.findings)
    return counts


def render_baseline(results: Iterable[FileResult], base_dir: str) -> str:
    """The baseline file's JSON for these results, in a stable order."""
    counts = result_keys(results, base_dir)
    entries = [
        {"path": p, "rule": rule, "section": sec, "excerpt": ex, "count": n}
        for (p, rule, sec, ex), n in sorted(counts.items())
    ]
    doc = {"bpo-lint-baseline": FORMAT_VERSION, "findings": entries}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: str) -> Counter[Key]:
    """The accepted findings of a baseline file, counted; BaselineError when unusable."""
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: no such baseline file (create it with --write-baseline)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a bpo-lint baseline: {exc}") from None
    if not isinstance(doc, dict) or doc.get("bpo-lint-baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a bpo-lint baseline (version {FORMAT_VERSION})")
    counts: Counter[Key] = Counter()
    try:
        for e in doc["findings"]:
            key = (e["path"], e["rule"], e["section"], normalise(e["excerpt"]))
            if not all(isinstance(k, str) for k in key) or not isinstance(e["count"], int):
                raise TypeError("bad entry")
            counts[key] += e["count"]
    except (KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: malformed baseline entry ({exc})") from None
    return counts


def apply_baseline(
    results: Sequence[FileResult], accepted: Counter[Key], base_dir: str
) -> tuple[list[FileResult], int]:
    """Results without the accepted findings, and how many findings were dropped."""
    left = Counter(accepted)
    out, dropped = [], 0
    for r in results:
        rel = relative_path(r.path, base_dir)
        kept = []
        for f in r.findings:
            key = finding_key(rel, f)
            if left[key] > 0:
                left[key] -= 1
                dropped += 1
            else:
                kept.append(f)
        out.append(replace(r, findings=tuple(kept)) if len(kept) != len(r.findings) else r)
    return out, dropped
