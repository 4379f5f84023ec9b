"""Inputs are never modified, and every file bpo-lint writes appears atomically.

Runs go through the audit-hook guard, which logs each file opened for writing and each rename,
so "atomic" is checked, not assumed: a file is only ever written under a temporary name in the
destination's folder and then renamed over the destination.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.hardening.cli import run_cli
from tests.hardening.guard import isolated_flag, run_guarded

INPUTS = ("deficient-msa.md", "deficient-msa.docx", "deficient-msa.pdf", "good-msa.docx")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under `folder`: content hash and modification time (ns)."""
    return {
        str(p.relative_to(folder)): (_sha(p), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def workspace(tmp_path):
    """Copies of the fixtures in in/, an empty out/, and a private cache folder."""
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    for name in INPUTS:
        shutil.copy2(FIXTURES / name, tmp_path / "in" / name)
    return tmp_path


def _has_option(name: str) -> bool:
    return name in run_cli("check", "--help").stdout


def _assert_atomic(log: dict, allowed: set[Path], cache: Path) -> None:
    """Each written file was a temporary renamed onto an allowed destination (or the cache)."""
    renamed = {Path(src).resolve(): Path(dst).resolve() for src, dst in log["renames"]}
    removed = {Path(p).resolve() for p in log["removes"]}
    for written in map(lambda p: Path(p).resolve(), log["writes"]):
        assert written not in allowed, f"{written} was written in place, not atomically"
        if written in removed:
            continue  # a temporary file given up
        assert written in renamed, f"{written} was written and left under a temporary name"
        dest = renamed[written]
        assert dest.parent == written.parent, "the temporary file must sit next to its target"
        assert dest in allowed or dest.is_relative_to(cache), f"unexpected file {dest}"
    # And the guard did see them: each expected file arrived by a rename.
    assert allowed <= set(renamed.values()), (allowed, log["renames"])


def test_lint_with_output_and_baseline_changes_no_input(workspace):
    inputs = [workspace / "in" / n for n in INPUTS]
    before = _snapshot(workspace / "in")
    report = workspace / "out" / "report.json"
    args = ["--format", "json", "-o", report, "--fail-on", "never", *isolated_flag()]
    allowed = {report.resolve()}
    if _has_option("--write-baseline"):
        baseline = workspace / "out" / "baseline.json"
        args += ["--write-baseline", baseline]
        allowed.add(baseline.resolve())
    cache = workspace / "cache"
    run, log = run_guarded(
        workspace, *args, *inputs, cwd=workspace, env={"XDG_CACHE_HOME": str(cache)}
    )
    assert run.code == 0, run.stderr[-3000:]
    assert _snapshot(workspace / "in") == before  # same bytes, not even touched
    assert {p.name for p in (workspace / "out").iterdir()} == {p.name for p in allowed}
    assert report.read_text(encoding="utf-8").startswith("{")
    _assert_atomic(log, allowed, cache.resolve())
    if _has_option("--no-cache"):  # the result cache is written too, and just as atomically
        assert any(Path(dst).resolve().is_relative_to(cache.resolve()) for _, dst in log["renames"])


def test_annotate_writes_a_copy_and_changes_no_input(workspace):
    source = workspace / "in" / "deficient-msa.docx"
    before = _snapshot(workspace / "in")
    dest = workspace / "out" / "annotated.docx"
    cache = workspace / "cache"
    run, log = run_guarded(
        workspace,
        "--annotate", dest, "--fail-on", "never", *isolated_flag(), source,
        cwd=workspace, env={"XDG_CACHE_HOME": str(cache)},
    )  # fmt: skip
    assert run.code == 0, run.stderr[-3000:]
    assert _snapshot(workspace / "in") == before
    assert [p.name for p in (workspace / "out").iterdir()] == [dest.name]
    assert dest.read_bytes()[:2] == b"PK" and _sha(dest) != _sha(source)
    _assert_atomic(log, {dest.resolve()}, cache.resolve())


def test_output_over_an_input_is_refused(workspace):
    source = workspace / "in" / "deficient-msa.md"
    before = _sha(source)
    run = run_cli("--format", "json", "-o", source, source, cwd=workspace)
    assert run.code == 2 and "Traceback" not in run.stderr
    assert _sha(source) == before


# --- write_output itself ----------------------------------------------------------------------


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace"])
def test_a_failing_write_leaves_no_partial_and_no_temporary_file(tmp_path, monkeypatch, fail_at):
    from bpo_lint import output

    dest = tmp_path / "report.json"
    dest.write_text("previous report", encoding="utf-8")

    def boom(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    if fail_at == "write":
        text = "x" * 100_000 + "\ud800"  # cannot be encoded: fails after a partial write
    else:
        text = "new report"
        monkeypatch.setattr(output.os, fail_at, boom)
    with pytest.raises((OSError, UnicodeEncodeError)):
        output.write_output(str(dest), text)
    assert dest.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    from bpo_lint import output

    def interrupt(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        output.write_output(str(tmp_path / "r.json"), "{}")
    assert list(tmp_path.iterdir()) == []


def test_output_into_a_missing_folder_is_a_clean_error(tmp_path):
    dest = tmp_path / "missing" / "report.json"
    run = run_cli("--format", "json", "-o", dest, FIXTURES / "deficient-msa.md")
    assert "Traceback" not in run.stderr
    assert run.code == 2 and str(dest) in run.stderr
    assert not (tmp_path / "missing").exists()
