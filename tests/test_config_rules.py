"""Per-file settings: which profile each file of a mixed contract folder is linted against."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpo_lint.config import load_config
from bpo_lint.config_plan import Flags, plan_options, resolve_targets
from bpo_lint.config_rules import matches_glob, with_file_profile
from bpo_lint.targets import Target
from tests.test_config import CONTRACT, rule_ids, run, write

PROFILES = 'per-file-profiles = { "sow-*.md" = "sow", "dpa/*" = "dpa", "*.md" = "amendment" }\n'


def test_per_file_profiles_are_read_in_the_order_written(tmp_path):
    cfg = write(tmp_path / ".bpo-lint.toml", PROFILES + 'profile = "msa"\n')
    config = load_config(str(cfg))
    assert config.per_file_profiles == (
        ("sow-*.md", "sow"),
        ("dpa/*", "dpa"),
        ("*.md", "amendment"),
    )
    mine = write(tmp_path / "x.toml", 'per-file-profiles = { "a.md" = "profiles/ours.toml" }\n')
    assert load_config(str(mine)).per_file_profiles == (
        ("a.md", str(tmp_path / "profiles" / "ours.toml")),  # relative to the config's folder
    )


def test_the_first_matching_glob_gives_the_profile(tmp_path):
    config = load_config(str(write(tmp_path / ".bpo-lint.toml", PROFILES)))
    profile = {
        name: with_file_profile(config, str(tmp_path / name)).profile
        for name in ("sow-1.md", "dpa/vendor.docx", "amend-2.md", "msa.docx")
    }
    assert profile == {
        "sow-1.md": "sow",  # also matches "*.md", written later
        "dpa/vendor.docx": "dpa",
        "amend-2.md": "amendment",
        "msa.docx": "msa",  # no glob: the config's own profile
    }
    assert not matches_glob(config, "-", "*")  # stdin has no name to match


def test_an_explicit_profile_flag_is_for_every_file(tmp_path):
    write(tmp_path / ".bpo-lint.toml", PROFILES)
    targets = [Target(str(tmp_path / "sow-1.md")), Target(str(tmp_path / "msa.docx"))]
    plain = [c.profile for _, c in resolve_targets(targets, Flags())]
    forced = [c.profile for _, c in resolve_targets(targets, Flags(profile="dpa"))]
    assert plain == ["sow", "msa"] and forced == ["dpa", "dpa"]


def test_files_of_one_folder_are_planned_with_their_own_profiles(tmp_path):
    write(tmp_path / ".bpo-lint.toml", PROFILES)
    targets = [Target(str(tmp_path / "msa.docx")), Target(str(tmp_path / "amend-2.md"))]
    msa, amendment = plan_options(resolve_targets(targets, Flags()), Flags())
    assert len(msa.required) == 8  # every area
    assert amendment.required == {}


def test_a_mixed_folder_through_the_cli(tmp_path):
    write(tmp_path / ".bpo-lint.toml", 'per-file-profiles = { "amend-*.md" = "amendment" }\n')
    main_terms = write(tmp_path / "msa.md", CONTRACT)
    write(tmp_path / "amend-1.md", CONTRACT)
    code, report, _ = run("--format", "json", "--select", "coverage", str(main_terms), cwd=tmp_path)
    if not rule_ids(report):
        pytest.skip("no classifier: coverage rules report nothing")
    _, both, _ = run("--format", "json", "--select", "coverage", str(tmp_path), cwd=tmp_path)
    by_file = {Path(f["path"]).name: [x["rule"] for x in f["findings"]] for f in both["files"]}
    assert "coverage.missing-area" in by_file["msa.md"]
    assert by_file["amend-1.md"] == []  # the amendment profile requires no area
    assert code == 1  # msa.md alone: its missing areas are errors


def test_a_missing_profile_file_is_reported_under_the_glob_that_named_it(tmp_path):
    config = 'per-file-profiles = { "sow-*.md" = "profiles/sow-call-centre.toml" }\n'
    write(tmp_path / ".bpo-lint.toml", config)
    sow = write(tmp_path / "sow-1.md", CONTRACT)
    code, _, err = run(str(sow), cwd=tmp_path)
    assert code == 2
    [line] = err.strip().splitlines()
    assert "per-file-profiles.'sow-*.md'" in line and "sow-call-centre.toml" in line
