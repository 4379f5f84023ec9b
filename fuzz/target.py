"""The code under fuzz: read bytes as a DOCX, PDF, Markdown or text file, section, run every rule.

A ReadError is the expected way to refuse bad input; any other exception is a crash. Readers
wrap their own surprises in a generic ReadError ("could not be read (...)"), which the user sees
as a clean error but which still hides a bug, so those are counted separately as "masked".
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
import traceback
from dataclasses import dataclass, field

SUFFIX = {"docx": "docx", "pdf": "pdf", "markdown": "md", "text": "txt"}
# Messages of the readers' catch-all handlers: a clean error, but an unexpected exception inside.
MASKED = ("could not read it (", "the PDF could not be read (", "the PDF cannot be opened (")
SLOW_SECONDS = 5.0
KEEP_PER_SIGNATURE = 3


@functools.cache
def all_rules() -> tuple:
    """Every built-in rule that loads, once per process (a half-written rule file is skipped)."""
    from bpo_lint.pack import (
        PackError,
        builtin_root,
        known_areas,
        load_pack,
        load_rule_file,
        rule_files,
    )

    try:
        return load_pack().rules
    except PackError:
        rules = []
        for rule_id, path in rule_files(builtin_root()):
            try:
                rules.append(load_rule_file(rule_id, path, str(path), known_areas()))
            except PackError:
                continue
        return tuple(rules)


def run_pipeline(fmt: str, data: bytes) -> str:
    """Read, section and lint `data` as format `fmt`; the outcome ("ok" or "error:<code>")."""
    from bpo_lint.engine import run_rules_checked
    from bpo_lint.kinds.base import Context
    from bpo_lint.model import ReadError
    from bpo_lint.readers import _read
    from bpo_lint.sections import split_sections

    try:
        # The private _read, not read_document: its catch-all would hide reader exceptions.
        doc = _read(f"fuzz.{SUFFIX[fmt]}", data, None)
    except ReadError as exc:
        if exc.message.startswith(MASKED):
            raise MaskedError(f"{exc.code}: {exc.message}") from exc
        return f"error:{exc.code}"
    doc = split_sections(doc)
    check_sections(doc)
    findings, _ = run_rules_checked(all_rules(), Context(doc=doc), strict=True)
    for f in findings:
        if f.location.line is None and f.location.paragraph is None and f.location.page is None:
            raise AssertionError(f"finding {f.rule} has no location")
    return "ok"


def check_sections(doc) -> None:
    """The section tree must be well formed: in order, inside the text, parents before children."""
    for i, s in enumerate(doc.sections):
        if not 0 <= s.start <= s.body_start <= s.end <= len(doc.text):
            raise AssertionError(f"section {s.id} span {s.start}..{s.end} is out of range")
        if s.parent is not None and not (0 <= s.parent < i):
            raise AssertionError(f"section {s.id} has parent index {s.parent}")


class MaskedError(Exception):
    """A reader's catch-all turned an unexpected exception into a ReadError."""


@dataclass
class Recorder:
    """Counts outcomes and keeps a few inputs per distinct crash signature on disk."""

    out: str
    fmt: str
    started: float = field(default_factory=time.monotonic)
    counts: dict = field(default_factory=dict)
    signatures: dict = field(default_factory=dict)

    def run(self, data: bytes) -> None:
        """Run one input through the pipeline and record what happened."""
        t0 = time.monotonic()
        try:
            outcome = run_pipeline(self.fmt, data)
        except MaskedError as exc:
            outcome = "masked"
            self._keep("masked", data, exc)
        except Exception as exc:
            outcome = "crash"
            self._keep("crash", data, exc)
        elapsed = time.monotonic() - t0
        if elapsed > SLOW_SECONDS:
            self._keep("slow", data, None, f"{elapsed:.1f} s")
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        self.counts["cases"] = self.counts.get("cases", 0) + 1
        if self.counts["cases"] % 100 == 0:
            self.save_stats()

    def _keep(self, kind: str, data: bytes, exc: BaseException | None, note: str = "") -> None:
        sig = _signature(kind, exc) if exc is not None else f"slow:{len(self.signatures)}"
        seen = self.signatures.setdefault(sig, 0)
        self.signatures[sig] = seen + 1
        if seen >= KEEP_PER_SIGNATURE:
            return
        folder = os.path.join(self.out, kind)
        os.makedirs(folder, exist_ok=True)
        name = hashlib.sha1(data).hexdigest()[:16]
        with open(os.path.join(folder, f"{name}.{SUFFIX[self.fmt]}"), "wb") as fh:
            fh.write(data)
        detail = "".join(traceback.format_exception(exc)) if exc is not None else note
        with open(os.path.join(folder, f"{name}.txt"), "w", encoding="utf-8") as fh:
            fh.write(f"{sig}\n\n{detail}")
        self.save_stats()

    def save_stats(self) -> None:
        """Write the counts so far (the fuzzer may exit from C without running Python's atexit)."""
        stats = {
            "format": self.fmt,
            "seconds": round(time.monotonic() - self.started, 1),
            "counts": self.counts,
            "signatures": self.signatures,
        }
        os.makedirs(self.out, exist_ok=True)
        with open(os.path.join(self.out, "stats.json"), "w", encoding="utf-8") as fh:
            json.dump(stats, fh, indent=1, sort_keys=True)


def _signature(kind: str, exc: BaseException) -> str:
    """Exception type plus the innermost bpo_lint frame: one signature per distinct bug."""
    cause = exc.__cause__ if isinstance(exc, MaskedError) and exc.__cause__ else exc
    while cause.__cause__ is not None:
        cause = cause.__cause__
    frames = [f for f in traceback.extract_tb(cause.__traceback__) if "bpo_lint" in f.filename]
    where = f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else "?"
    return f"{kind}:{type(cause).__name__}@{where}"
