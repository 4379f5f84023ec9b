"""Running many files: input order, same bytes whatever --jobs is, timeouts, crashes, cache hits."""

from __future__ import annotations

import os
import time

import pytest

from bpo_lint import pool, runner
from bpo_lint.cache import Cache
from bpo_lint.formatters.json import render
from bpo_lint.lint import LintOptions, lint_target
from bpo_lint.pack import load_pack
from bpo_lint.targets import Target
from tests.conftest import FIXTURES

needs_fork = pytest.mark.skipif(not runner._can_fork(), reason="no fork start method here")


@pytest.fixture(scope="module")
def options() -> LintOptions:
    return LintOptions(rules=load_pack().rules)


def _targets(tmp_path) -> list[Target]:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    return [
        Target(str(FIXTURES / "good-msa.md")),
        Target(str(bad)),
        Target(str(FIXTURES / "deficient-msa.pdf")),
        Target(str(tmp_path / "missing.md")),
        Target(str(FIXTURES / "deficient-msa.md")),
    ]


@needs_fork
def test_same_bytes_and_order_whatever_jobs(tmp_path, options):
    items = [(t, options) for t in _targets(tmp_path)]
    one = runner.run_targets(items, jobs=1)
    two = runner.run_targets(items, jobs=2)
    assert [r.path for r in two] == [t.path for t, _ in items]
    assert render(one, "t") == render(two, "t")
    assert [bool(r.error) for r in two] == [False, True, False, True, False]
    assert two[3].error.code == "not-found"
    assert two[4].findings  # the deficient contract still has its findings


def _slow_or_crashing(target, options):
    name = os.path.basename(target.path)
    if name == "hang.md":
        time.sleep(60)
    if name == "crash.md":
        os._exit(3)
    return lint_target(target, options)


def _contracts(tmp_path, names):
    paths = []
    for name in names:
        path = tmp_path / name
        path.write_text("# 1. Services\n\nThe Supplier shall use best efforts.\n")
        paths.append(path)
    return [Target(str(p)) for p in paths]


@needs_fork
def test_a_hung_or_crashed_file_in_a_worker_loses_no_other_report(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "lint_target", _slow_or_crashing)
    opts = LintOptions(rules=load_pack().rules, classify=False)
    names = ["a.md", "hang.md", "b.md", "crash.md", "c.md", "d.md"]
    items = [(t, opts) for t in _contracts(tmp_path, names)]
    started = time.monotonic()
    results = runner.run_targets(items, jobs=2, timeout=1.0)
    assert time.monotonic() - started < 30
    codes = [r.error.code if r.error else None for r in results]
    assert codes == [None, "timeout", None, "worker-crashed", None, None]
    assert results[1].error.message == "took longer than 1 s"
    assert results[1].format == "markdown"
    assert all(r.findings for r, c in zip(results, codes, strict=True) if c is None)


def test_timeout_in_process_with_one_job(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "lint_target", _slow_or_crashing)
    opts = LintOptions(rules=(), classify=False)
    items = [(t, opts) for t in _contracts(tmp_path, ["hang.md", "a.md"])]
    started = time.monotonic()
    results = runner.run_targets(items, jobs=1, timeout=0.5)
    assert time.monotonic() - started < 10
    assert results[0].error.code == "timeout"
    assert results[1].error is None


def test_cache_hit_skips_linting(tmp_path, monkeypatch):
    calls = []

    def counting(target, options):
        calls.append(target.path)
        return lint_target(target, options)

    monkeypatch.setattr(runner, "lint_target", counting)
    cache = Cache(tmp_path / "cache", salt="test")
    opts = LintOptions(rules=load_pack().rules, classify=False)
    items = [(t, opts) for t in _contracts(tmp_path, ["a.md", "b.md"])]
    first = runner.run_targets(items, jobs=1, cache=cache)
    assert len(calls) == 2
    second = runner.run_targets(items, jobs=1, cache=cache)
    assert len(calls) == 2  # both from the cache
    assert render(first, "t") == render(second, "t")
    (tmp_path / "b.md").write_text("# 1. Fees\n\nTBD.\n")
    runner.run_targets(items, jobs=1, cache=cache)
    assert calls[2:] == [items[1][0].path]  # only the changed file is linted again


def test_stdin_is_never_cached(tmp_path, options):
    cache = Cache(tmp_path / "cache", salt="test")
    item = (Target("-", data=b"# 1. Services\n\nTBD.\n"), options)
    assert runner.run_targets([item], jobs=1, cache=cache)[0].error is None
    assert not (tmp_path / "cache").exists()


def test_default_jobs_is_at_least_one():
    assert runner.default_jobs() >= 1


def _cli(*args: str):
    from click.testing import CliRunner

    from bpo_lint.cli import main

    return CliRunner().invoke(main, ["--format", "json", *args], catch_exceptions=False)


@needs_fork
def test_cli_jobs_and_cache_give_the_same_report(tmp_path, monkeypatch):
    monkeypatch.delenv("BPO_LINT_NO_CACHE", raising=False)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("good-msa.md", "deficient-msa.md", "deficient-msa.pdf"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    cache_dir = tmp_path / "cache"
    fresh = _cli(str(folder), "--jobs", "1", "--no-cache")
    assert fresh.exit_code == 1  # the deficient contract has errors
    assert not cache_dir.exists()
    filled = _cli(str(folder), "--jobs", "2", "--cache-dir", str(cache_dir))
    assert len(list(cache_dir.rglob("*.json"))) == 3
    again = _cli(str(folder), "--cache-dir", str(cache_dir))
    assert fresh.stdout == filled.stdout == again.stdout


def test_cli_no_cache_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BPO_LINT_NO_CACHE", "1")
    result = _cli(str(FIXTURES / "good-msa.md"), "--cache-dir", str(tmp_path / "cache"))
    assert result.exit_code in (0, 1)
    assert not (tmp_path / "cache").exists()
