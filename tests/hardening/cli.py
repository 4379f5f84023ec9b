"""Run the bpo-lint CLI in a subprocess with a wall-clock timeout and an address-space limit."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

MEMORY_LIMIT = 2 * 1024**3  # bytes of address space: spaCy and pdfium need well under this
TIMEOUT = 120  # seconds: a hostile input must end well before; normal runs take a few seconds


@dataclass(frozen=True)
class Run:
    """What a CLI run gave back."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        """The JSON report on stdout."""
        return json.loads(self.stdout)


def _limit_memory(limit: int):
    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return preexec


def run_cli(
    *args: str | os.PathLike,
    timeout: float = TIMEOUT,
    memory: int = MEMORY_LIMIT,
    env: dict[str, str] | None = None,
    prefix: tuple[str, ...] = ("-m", "bpo_lint"),
    cwd: Path = REPO,
) -> Run:
    """`python -m bpo_lint ARGS` from the checkout; TimeoutExpired fails the calling test.

    Unless `env` names one, the result cache goes to a fresh temporary folder: runs stay
    independent and the user's cache is left alone.
    """
    with tempfile.TemporaryDirectory(prefix="bpo-lint-cache-") as cache_home:
        base = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
        full_env = {**base, "XDG_CACHE_HOME": cache_home, **(env or {})}
        return _run(args, full_env, timeout, memory, prefix, cwd)


def _run(args, env: dict[str, str], timeout: float, memory: int, prefix, cwd: Path) -> Run:
    proc = subprocess.run(
        [sys.executable, *prefix, *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=timeout,
        preexec_fn=_limit_memory(memory),
        stdin=subprocess.DEVNULL,
    )
    decode = lambda b: b.decode("utf-8", errors="replace")  # noqa: E731
    return Run(proc.returncode, decode(proc.stdout), decode(proc.stderr))


def assert_clean_outcome(run: Run, path: Path | str) -> None:
    """A correct report (exit 0/1, valid JSON) or exit 2 with one stderr line naming the file."""
    from tests.conftest import assert_valid_report

    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    if run.code == 2:
        errors = [ln for ln in run.stderr.splitlines() if not ln.startswith(f"{path}: warning:")]
        assert len(errors) == 1, run.stderr[-3000:]
        assert errors[0].startswith(f"{path}: ") and errors[0].endswith("]"), errors[0]
        return
    assert run.code in (0, 1), (run.code, run.stderr[-3000:])
    report = run.json()
    assert_valid_report(report)
    assert report["files"][0]["error"] is None


HOSTILE_MEMORY = 1024**3  # 1 GiB of address space: a real bomb would need several
HOSTILE_TIMEOUT = 90


def lint_hostile(path: Path, *extra: str) -> tuple[Run, float]:
    """The JSON-format CLI run on `path` under the hostile-input limits, and its wall time."""
    started = time.monotonic()
    run = run_cli("--format", "json", *extra, path, memory=HOSTILE_MEMORY, timeout=HOSTILE_TIMEOUT)
    return run, time.monotonic() - started


def assert_error(run, path: Path, code: str) -> None:
    """Exit 2 and exactly one stderr line `path: message [code]`."""
    assert_clean_outcome(run, path)
    assert run.code == 2, (run.code, run.stderr[-2000:])
    assert run.stderr.strip().endswith(f"[{code}]"), run.stderr
