"""The result cache: lossless entries, keys that change with every input, corrupt ones ignored."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from bpo_lint import cache as cache_mod
from bpo_lint.cache_codec import result_from_dict, result_to_dict
from bpo_lint.lint import LintOptions, lint_target
from bpo_lint.model import (
    AreaCoverage,
    FileError,
    FileResult,
    Finding,
    Location,
    SectionReport,
)
from bpo_lint.pack import load_pack, select_rules
from bpo_lint.targets import Target
from tests.conftest import FIXTURES

LOC = Location(page=2, line=3, column=4, end_line=5, end_column=6, paragraph=7, section="1.2")


def _full_result() -> FileResult:
    """A FileResult with every field of every nested value set to something non-default."""
    finding = Finding(
        rule="vague.efforts",
        category="vague",
        severity="warning",
        message="m “quoted” ü",
        location=LOC,
        excerpt="e",
        suggestion="s",
        area="service_levels",
        code="BPO301",
        related=(Location(line=9), LOC),
    )
    section = SectionReport(
        "1.2",
        "Title",
        2,
        LOC,
        Location(page=3, line=1),
        ("pricing_payment",),
        {"pricing_payment": 0.123456789},
    )
    coverage = {
        "pricing_payment": AreaCoverage(
            "partial", ("1.2",), {"invoicing": True, "late": False}, {"invoicing": (10, 20)}
        ),
        "service_levels": AreaCoverage("missing", (), {"metrics": False}, required=False),
        "scope_of_services": AreaCoverage(
            "covered", ("1",), {"description": True}, required_elements=frozenset({"description"})
        ),
    }
    return FileResult(
        "a.md",
        "markdown",
        None,
        {"lines": 3, "words": 10, "sections": 1},
        (section,),
        coverage,
        (finding,),
        ("a warning",),
        1.5,
    )


def test_codec_names_every_field_of_the_model():
    # A field added to the model but not to the codec would silently vanish from cached runs.
    encoded = result_to_dict(_full_result())
    assert set(encoded) == {f.name for f in dataclasses.fields(FileResult)}
    assert set(encoded["findings"][0]) == {f.name for f in dataclasses.fields(Finding)}
    assert set(encoded["sections"][0]) == {f.name for f in dataclasses.fields(SectionReport)}
    cov = encoded["coverage"]["pricing_payment"]
    assert set(cov) == {f.name for f in dataclasses.fields(AreaCoverage)}


def test_round_trip_is_lossless_through_json_text():
    original = _full_result()
    back = result_from_dict(json.loads(json.dumps(result_to_dict(original))))
    assert back == original
    # compare=False fields are not covered by == and must survive too
    assert back.coverage["pricing_payment"].element_spans == {"invoicing": (10, 20)}


def test_round_trip_of_a_real_lint_result():
    options = LintOptions(rules=load_pack().rules, classify=False)
    result = lint_target(Target(str(FIXTURES / "deficient-msa.md")), options)
    assert result.findings and result.sections
    assert result_from_dict(json.loads(json.dumps(result_to_dict(result)))) == result


@pytest.fixture
def setup(tmp_path):
    contract = tmp_path / "msa.md"
    contract.write_text("# 1. Services\n\nThe Supplier shall use best efforts.\n")
    return cache_mod.Cache(tmp_path / "cache", salt="s1"), contract


def test_key_changes_with_bytes_options_salt_and_path(setup, tmp_path):
    cache, contract = setup
    rules = load_pack().rules
    opts = cache_mod.options_fingerprint(LintOptions(rules=rules))
    key = cache_mod.file_key(cache, str(contract), opts)
    assert key == cache_mod.file_key(cache, str(contract), opts)
    other_rules = cache_mod.options_fingerprint(
        LintOptions(rules=select_rules(rules, select=("vague",)))
    )
    other_cfg = cache_mod.options_fingerprint(LintOptions(rules=rules, password="x"))
    assert len({opts, other_rules, other_cfg}) == 3
    other_salt = cache_mod.Cache(cache.root, salt="s2")
    assert cache_mod.file_key(other_salt, str(contract), opts) != key
    copy = tmp_path / "copy.md"
    copy.write_bytes(contract.read_bytes())
    assert cache_mod.file_key(cache, str(copy), opts) != key
    contract.write_text(contract.read_text() + "More.\n")
    assert cache_mod.file_key(cache, str(contract), opts) != key
    assert cache_mod.file_key(cache, str(tmp_path / "absent.md"), opts) is None


def test_options_fingerprint_is_stable_across_processes():
    # Sets and compiled patterns iterate in hash order; the key must not.
    import subprocess
    import sys

    code = (
        "from bpo_lint import cache; from bpo_lint.lint import LintOptions;"
        "from bpo_lint.pack import load_pack;"
        "print(cache.options_fingerprint(LintOptions(rules=load_pack().rules,"
        " allowed_terms=frozenset({'a','b','c','d'}))))"
    )
    repo = str(Path(__file__).resolve().parents[1])
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=repo,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": repo},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1


def test_store_then_load(setup):
    cache, _ = setup
    assert cache_mod.load(cache, "ab" * 32) is None
    assert cache_mod.store(cache, "ab" * 32, _full_result())
    assert cache_mod.load(cache, "ab" * 32) == _full_result()
    leftovers = [p for p in cache.root.rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"key": "wrong", "result": {}}', '{"key": "KEY", "result": {"path": 1}}', ""],
)
def test_a_corrupt_entry_is_a_miss(setup, content):
    cache, _ = setup
    key = "cd" * 32
    cache_mod.store(cache, key, _full_result())
    entry = next(cache.root.rglob(f"{key}.json"))
    entry.write_text(content.replace("KEY", key))
    assert cache_mod.load(cache, key) is None


def test_unwritable_cache_is_not_fatal(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = cache_mod.Cache(blocker / "cache", salt="s")
    assert cache_mod.store(cache, "ef" * 32, _full_result()) is False
    assert cache_mod.load(cache, "ef" * 32) is None


def test_timeouts_are_never_cached(setup):
    cache, _ = setup
    result = FileResult("a.pdf", "pdf", FileError("timeout", "took longer than 1 s"))
    assert cache_mod.store(cache, "aa" * 32, result) is False
    assert cache_mod.load(cache, "aa" * 32) is None


def test_default_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_mod.default_cache_dir() == tmp_path / "bpo-lint"


def test_open_cache_salt_depends_on_the_model(monkeypatch, tmp_path):
    first = cache_mod.open_cache(tmp_path).salt
    monkeypatch.setattr(cache_mod, "model_fingerprint", lambda: b"another model")
    assert cache_mod.open_cache(tmp_path).salt != first


def test_open_cache_salt_depends_on_the_rule_files(monkeypatch, tmp_path):
    first = cache_mod.open_cache(tmp_path).salt
    monkeypatch.setattr(cache_mod, "builtin_rules_fingerprint", lambda: "edited rule file")
    assert cache_mod.open_cache(tmp_path).salt != first


def test_rule_hashes_are_memoised_per_rule_object():
    rules = load_pack().rules
    memo: dict[int, bytes] = {}
    first = cache_mod.options_fingerprint(LintOptions(rules=rules), memo)
    assert len(memo) == len(rules)
    assert cache_mod.options_fingerprint(LintOptions(rules=rules), memo) == first
    assert cache_mod.options_fingerprint(LintOptions(rules=rules)) == first
