"""--timeout stops a file that takes too long; the other files are still linted and reported."""

from __future__ import annotations

import functools
import time

import pytest

from tests.conftest import FIXTURES
from tests.hardening.cli import run_cli

TIMEOUT = 5  # seconds per file; the slow file below needs far longer, the fixtures ~1 s


@functools.cache
def check_help() -> str:
    """`check --help`, to learn which options this version has."""
    return run_cli("check", "--help").stdout


def slow_contract(path):
    """A Markdown contract just under the text limit: minutes of work, on purpose."""
    from bpo_lint.readers import MAX_TEXT_CHARS

    clause = "The Supplier shall use reasonable efforts to answer calls promptly and/or on time."
    parts, size, n = [], 0, 0
    while size < MAX_TEXT_CHARS * 0.9:
        n += 1
        block = f"## {n}. Clause {n}\n\n{clause} See Section {n + 1}.\n\n"
        parts.append(block)
        size += len(block)
    path.write_text("".join(parts), encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", [None, "2"])
def test_a_slow_file_times_out_and_the_others_are_reported(tmp_path, jobs):
    if "--timeout" not in check_help():
        pytest.skip("the CLI has no --timeout option yet (bpo_lint/runner.py, another engineer)")
    if jobs and "--jobs" not in check_help():
        pytest.skip("the CLI has no --jobs option yet (bpo_lint/runner.py, another engineer)")
    slow = slow_contract(tmp_path / "slow.md")
    fast = [FIXTURES / "deficient-msa.md", FIXTURES / "good-msa.pdf"]
    flags = [f for f in ("--isolated", "--no-cache") if f in check_help()]
    args = ["--format", "json", "--timeout", str(TIMEOUT), *flags]
    args += ["--jobs", jobs] if jobs else []
    started = time.monotonic()
    run = run_cli(*args, fast[0], slow, fast[1], timeout=120)
    elapsed = time.monotonic() - started
    assert run.code == 2, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    errors = [ln for ln in run.stderr.splitlines() if ": warning:" not in ln]
    assert len(errors) == 1 and errors[0].startswith(f"{slow}: "), run.stderr
    files = run.json()["files"]
    assert [f["path"] for f in files] == [str(fast[0]), str(slow), str(fast[1])]
    assert files[1]["error"]["code"] == "timeout"
    assert files[0]["error"] is None and files[2]["error"] is None
    assert files[0]["findings"] and files[2]["sections"]
    assert elapsed < 60  # the slow file alone would take minutes
