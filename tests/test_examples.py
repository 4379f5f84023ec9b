"""The Dask example: a 2-worker LocalCluster writes the same entries as the JSON report."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_lint.py"


@pytest.fixture(scope="module")
def dask_lint():
    pytest.importorskip("dask.distributed")
    spec = importlib.util.spec_from_file_location("dask_lint_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "contracts"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(FIXTURES / "deficient-msa.md", folder / "a-deficient.md")
    shutil.copy(FIXTURES / "good-msa.md", folder / "b-good.md")
    (folder / "sub" / "c-short.txt").write_text("1. Services\n\nThe Supplier shall do its best.\n")
    (folder / "sub" / "d-broken.pdf").write_bytes(b"%PDF-1.4 not really")
    return folder


def _local_report(folder: Path) -> list[dict]:
    # What `bpo-lint check --format json` reports for the same folder.
    from click.testing import CliRunner

    from bpo_lint.cli import main

    run = CliRunner().invoke(main, ["--format", "json", "--no-cache", str(folder)])
    return json.loads(run.stdout)["files"]


def test_local_cluster_writes_report_entries_in_order(dask_lint, tmp_path):
    # Run as users do: the script, on a 2-worker LocalCluster (worker processes of its own).
    folder = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    repo = str(EXAMPLE.parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([repo, os.environ.get("PYTHONPATH", "")])}
    argv = [sys.executable, str(EXAMPLE), str(folder), "-o", str(out), "--workers", "2"]
    proc = subprocess.run([*argv, "--batch-size", "1"], capture_output=True, text=True, env=env)
    assert proc.returncode == 2, proc.stderr  # one unreadable file
    assert "4 file(s), 1 unreadable" in proc.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == _local_report(folder)
    names = [Path(e["path"]).name for e in lines]
    assert names == ["a-deficient.md", "b-good.md", "c-short.txt", "d-broken.pdf"]
    assert lines[0]["findings"] and lines[3]["error"]["code"]


def test_shipped_bytes_give_the_same_entries(dask_lint, tmp_path):
    folder = _folder(tmp_path)
    items = [(dask_lint._with_bytes(t), o) for t, o in dask_lint.plan([str(folder)])]
    assert all(t.data for t, _ in items)
    assert dask_lint.lint_batch(items) == _local_report(folder)
