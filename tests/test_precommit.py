"""The pre-commit hook end to end: the real `pre-commit` installs this repo and runs it.

It tests the committed state (`git rev-parse HEAD` of this repository), as a user's
.pre-commit-config.yaml would. BPO_LINT_HOOK_REPO points it at another clone (e.g. a copy of a
work tree, committed). pre-commit installs bpo-lint and spaCy into its own environment once per
session (a minute or two), so the test is marked slow: deselect it with `-m "not slow"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
pytestmark = pytest.mark.slow
TIMEOUT = 1800  # seconds; installing spaCy into pre-commit's environment is the slow part


def _git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _pypi_reachable() -> bool:
    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple/").rstrip("/")
    try:
        with urllib.request.urlopen(f"{index}/pre-commit/", timeout=15):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def pre_commit(tmp_path_factory) -> list[str]:
    """A command running pre-commit: the importable one, else one pip-installed into a venv."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401

        return [sys.executable, "-m", "pre_commit"]
    except ImportError:
        pass
    if not _pypi_reachable():
        pytest.skip("PyPI cannot be reached to install pre-commit")
    venv = tmp_path_factory.mktemp("pre-commit-venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=TIMEOUT)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "pre-commit"],
        check=True,
        timeout=TIMEOUT,
    )
    return [str(python), "-m", "pre_commit"]


@pytest.fixture(scope="session")
def hook_repo() -> tuple[str, str]:
    """(path, rev) of the bpo-lint repository the hook is installed from."""
    repo = Path(os.environ.get("BPO_LINT_HOOK_REPO", REPO))
    if not (repo / ".pre-commit-hooks.yaml").is_file():
        pytest.skip(f"{repo} has no .pre-commit-hooks.yaml")
    try:
        rev = _git("rev-parse", "HEAD", cwd=repo)
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip(f"{repo} is not a git repository")
    try:
        _git("cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml", cwd=repo)
    except subprocess.CalledProcessError:
        pytest.skip(".pre-commit-hooks.yaml is not committed yet (the hook installs from HEAD)")
    return str(repo), rev


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    """One pre-commit cache for the session, so bpo-lint's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def contracts_repo(
    root: Path, contract: Path, hook_repo: tuple[str, str], args: str = "--isolated, --quiet"
) -> Path:
    """A git repository holding one contract and a config that uses the bpo-lint hook."""
    root.mkdir()
    _git("init", "-q", cwd=root)
    shutil.copy(contract, root / contract.name)
    (root / "notes.yaml").write_text("owner: legal\n")  # not a contract: never passed to the hook
    path, rev = hook_repo
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {path}\n    rev: {rev}\n    hooks:\n      - id: bpo-lint\n"
        f"        args: [{args}]\n"
    )
    _git("add", "-A", cwd=root)
    return root


def run_hooks(pre_commit: list[str], repo: Path, home: Path) -> subprocess.CompletedProcess:
    """`pre-commit run --all-files` in `repo`."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)  # the hook must run the installed bpo-lint, not this checkout
    return subprocess.run(
        [*pre_commit, "run", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def test_hook_fails_on_a_contract_with_errors_and_passes_a_clean_one(
    tmp_path, hook_repo, pre_commit, pre_commit_home
):
    bad = contracts_repo(tmp_path / "bad", FIXTURES / "deficient-msa.md", hook_repo)
    done = run_hooks(pre_commit, bad, pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "placeholder.brackets" in output and "deficient-msa.md" in output
    assert "notes.yaml" not in output

    good = contracts_repo(tmp_path / "good", FIXTURES / "good-msa.md", hook_repo)
    done = run_hooks(pre_commit, good, pre_commit_home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_hook_honours_a_baseline_written_by_bpo_lint(
    tmp_path, hook_repo, pre_commit, pre_commit_home
):
    from click.testing import CliRunner

    from bpo_lint.cli import main

    args = "--isolated, --quiet, --baseline, accepted.json"
    repo = contracts_repo(tmp_path / "r", FIXTURES / "deficient-msa.md", hook_repo, args)
    old = os.getcwd()
    os.chdir(repo)
    try:
        written = CliRunner().invoke(main, ["--isolated", "--write-baseline", "accepted.json", "."])
    finally:
        os.chdir(old)
    assert written.exit_code == 0, written.output
    _git("add", "-A", cwd=repo)
    done = run_hooks(pre_commit, repo, pre_commit_home)
    assert done.returncode == 0, done.stdout + done.stderr
