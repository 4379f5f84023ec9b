"""Baselines: written atomically in a stable order, matched without line numbers, count-aware."""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest
from click.testing import CliRunner

from bpo_lint.baseline import (
    BaselineError,
    apply_baseline,
    finding_key,
    load_baseline,
    normalise,
    render_baseline,
    result_keys,
)
from bpo_lint.cli import main
from bpo_lint.model import FileResult, Finding, Location

VAGUE = "The Supplier shall respond promptly to every request."


def f(line: int, excerpt: str = "promptly", rule: str = "vague.time", section="1.1") -> Finding:
    """A finding at a line with an excerpt."""
    return Finding(rule, "vague", "warning", "m", Location(line=line, section=section), excerpt)


def test_key_ignores_line_numbers_and_normalises_the_excerpt():
    assert normalise("  Best\n  EFFORTS 30 ") == "best efforts 30"
    assert finding_key("a.md", f(3, "Best  efforts")) == finding_key("a.md", f(90, "best efforts"))
    assert finding_key("a.md", f(3, "30 days")) != finding_key("a.md", f(3, "60 days"))
    assert finding_key("a.md", f(3, section="2")) != finding_key("a.md", f(3, section="3"))


def test_render_is_stable_and_loads_back(tmp_path):
    results = [
        FileResult(str(tmp_path / "b.md"), "markdown", findings=(f(9), f(2, "TBD", "placeholder"))),
        FileResult(str(tmp_path / "a.md"), "markdown", findings=(f(5), f(7))),
    ]
    text = render_baseline(results, str(tmp_path))
    assert text == render_baseline(list(reversed(results)), str(tmp_path))
    entries = json.loads(text)["findings"]
    assert [(e["path"], e["rule"], e["count"]) for e in entries] == [
        ("a.md", "vague.time", 2),
        ("b.md", "placeholder", 1),
        ("b.md", "vague.time", 1),
    ]
    path = tmp_path / "baseline.json"
    path.write_text(text)
    assert load_baseline(str(path)) == result_keys(results, str(tmp_path))


def test_apply_is_count_aware(tmp_path):
    base = str(tmp_path)
    accepted = result_keys([FileResult(str(tmp_path / "a.md"), "markdown", findings=(f(1),))], base)
    now = [FileResult(str(tmp_path / "a.md"), "markdown", findings=(f(10), f(11)))]
    left, dropped = apply_baseline(now, Counter(accepted), base)
    assert dropped == 1 and [x.location.line for x in left[0].findings] == [11]
    accepted2 = accepted + accepted
    left, dropped = apply_baseline(now, accepted2, base)
    assert dropped == 2 and left[0].findings == ()


@pytest.mark.parametrize(
    "content", ["", "[]", '{"bpo-lint-baseline": 9, "findings": []}', '{"bpo-lint-baseline": 1}']
)
def test_bad_baseline_files_are_refused(tmp_path, content):
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(BaselineError, match=str(path)):
        load_baseline(str(path))


def run(*args: str, cwd) -> tuple[int, dict, str]:
    """Run the CLI from `cwd`; (exit code, JSON report, stderr)."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["--format", "json", "--isolated", *args])
    finally:
        os.chdir(old)
    return result.exit_code, json.loads(result.stdout or "{}"), result.stderr


def test_cli_write_then_apply_survives_renumbered_lines(tmp_path):
    contract = tmp_path / "contracts" / "a.md"
    contract.parent.mkdir()
    contract.write_text(f"# Terms\n\n{VAGUE}\n\n{VAGUE}\n")
    args = ("--select", "vague.time", "--fail-on", "warning")
    code, report, err = run(*args, "--write-baseline", "bl.json", "contracts", cwd=tmp_path)
    assert code == 0 and report["files"][0]["findings"] == [] and "2 finding(s)" in err
    saved = json.loads((tmp_path / "bl.json").read_text())
    assert saved["findings"][0]["path"] == "contracts/a.md"
    assert saved["findings"][0]["count"] == 2
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    # Lines move down and a third identical sentence appears: only that one is new.
    contract.write_text(f"# Terms\n\nA new opening line.\n\n{VAGUE}\n\n{VAGUE}\n{VAGUE}\n")
    code, report, _ = run(*args, "--baseline", "bl.json", str(contract), cwd=tmp_path)
    assert code == 1 and len(report["files"][0]["findings"]) == 1
    code, report, _ = run(*args, str(contract), cwd=tmp_path)
    assert len(report["files"][0]["findings"]) == 3


def test_cli_missing_baseline_is_an_error(tmp_path):
    contract = tmp_path / "a.md"
    contract.write_text(f"# Terms\n\n{VAGUE}\n")
    code, _, err = run("--baseline", "nope.json", str(contract), cwd=tmp_path)
    assert code == 2 and "no such baseline file" in err


def test_cli_never_writes_a_baseline_over_an_input(tmp_path):
    contract = tmp_path / "a.md"
    contract.write_text(f"# Terms\n\n{VAGUE}\n")
    code, _, err = run("--write-baseline", str(contract), str(contract), cwd=tmp_path)
    assert code == 2 and "refusing to overwrite" in err
    assert contract.read_text().endswith(f"{VAGUE}\n")
