"""Configuration files, command-line overrides, per-file ignores, severity and profiles."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from bpo_lint.cli import main
from bpo_lint.config import Config, ConfigError, find_config_file, load_config, resolve_config
from bpo_lint.config_profile import ProfileError, builtin_profile_names, load_profile
from bpo_lint.config_rules import check_selectors, file_ignores, rules_for_file
from bpo_lint.pack import load_pack

CONTRACT = """# Services Agreement

## 1. Services

1.1 The Supplier shall use its best efforts to respond promptly to each request.

## 2. Fees

2.1 The Client shall pay each invoice within thirty (30) days after receipt of [AMOUNT].
"""


@pytest.fixture(scope="module")
def rules():
    """The built-in pack's rules."""
    return load_pack().rules


def run(*args: str, cwd: Path):
    """Run the CLI from `cwd` and return (exit code, parsed JSON report or None, stderr)."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    report = json.loads(result.stdout) if result.stdout.startswith("{") else None
    return result.exit_code, report, result.stderr


def rule_ids(report) -> list[str]:
    """Rule ids of all findings in a JSON report."""
    return [f["rule"] for file in report["files"] for f in file["findings"]]


def write(path: Path, text: str) -> Path:
    """Write text (creating folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_wins_and_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / ".bpo-lint.toml", 'select = ["vague"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "sub" / "deep" / "pyproject.toml", '[tool.bpo-lint]\nfail-on = "never"\n')
    assert find_config_file(str(tmp_path / "sub")) == str(tmp_path / ".bpo-lint.toml")
    found = find_config_file(str(tmp_path / "sub" / "deep"))
    assert found == str(tmp_path / "sub" / "deep" / "pyproject.toml")
    assert load_config(found).fail_on == "never"


def test_every_key_is_read(tmp_path):
    cfg = write(
        tmp_path / ".bpo-lint.toml",
        'select = ["vague", "BPO8"]\nignore = ["vague.and-or"]\nextend-select = ["coverage"]\n'
        'per-file-ignores = { "drafts/*.md" = ["placeholder"] }\n'
        'severity = { "vague.time" = "error" }\nfail-on = "warning"\nrules = ["pack"]\n'
        'profile = "sow"\nallow = ["best efforts"]\n',
    )
    config = load_config(str(cfg))
    assert config.select == ("vague", "BPO8") and config.ignore == ("vague.and-or",)
    assert config.extend_select == ("coverage",)
    assert config.per_file_ignores == (("drafts/*.md", ("placeholder",)),)
    assert config.severity == (("vague.time", "error"),) and config.fail_on == "warning"
    assert config.rules == (str(tmp_path / "pack"),)  # relative to the config file's folder
    assert config.profile == "sow" and config.allow == ("best efforts",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('ignor = ["x"]\n', "unknown key 'ignor' (did you mean 'ignore'?)"),
        ('fail-on = "warn"\n', "fail-on 'warn' is not one of error, warning, info, never"),
        ('select = "vague"\n', "select must be a list of strings"),
        ('severity = { "vague" = "fatal" }\n', "severity.vague 'fatal' is not one of"),
        ("per-file-ignores = 3\n", "per-file-ignores must be a table"),
        (
            'per-file-profiles = { "*.md" = "sw" }\n',
            "per-file-profiles.'*.md': unknown profile 'sw' (did you mean 'sow'?)",
        ),
        ('per-file-profiles = { "*.md" = 3 }\n', "per-file-profiles.'*.md' must be a profile"),
        ('per-file-profiles = ["sow"]\n', "per-file-profiles must be a table"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_one_line_error_naming_file_and_key(tmp_path, text, expected):
    cfg = write(tmp_path / ".bpo-lint.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(str(cfg))
    assert str(cfg) in str(info.value) and expected in str(info.value)
    contract = write(tmp_path / "c.md", CONTRACT)
    code, _, err = run(str(contract), cwd=tmp_path)
    assert code == 2 and expected in err and len(err.strip().splitlines()) == 1


def test_unknown_rule_selector_names_the_key(tmp_path, rules):
    config = Config(path="/x/.bpo-lint.toml", severity=(("vauge.time", "info"),))
    with pytest.raises(
        ConfigError, match=r"/x/.bpo-lint.toml: severity: unknown rule 'vauge.time'"
    ):
        check_selectors(config, rules)


def test_per_file_ignores_are_relative_to_the_config_folder(tmp_path, rules):
    config = Config(root=str(tmp_path), per_file_ignores=(("drafts/*.md", ("placeholder",)),))
    assert file_ignores(config, str(tmp_path / "drafts" / "a.md")) == ("placeholder",)
    assert file_ignores(config, str(tmp_path / "final" / "a.md")) == ()
    chosen = {r.id for r in rules_for_file(config, rules, str(tmp_path / "drafts" / "a.md"))}
    assert "placeholder.brackets" not in chosen and "vague.time" in chosen


def test_severity_override_most_specific_wins(rules):
    config = Config(severity=(("vague", "info"), ("vague.time", "error")))
    by_id = {r.id: r for r in rules_for_file(config, rules, "a.md")}
    assert by_id["vague.time"].severity == "error"
    assert by_id["vague.efforts"].severity == "info"


def test_config_applies_through_the_cli_and_flags_override_it(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        '[tool.bpo-lint]\nselect = ["vague"]\nseverity = { "vague.time" = "error" }\n'
        'fail-on = "never"\n',
    )
    contract = write(tmp_path / "contracts" / "c.md", CONTRACT)
    code, report, _ = run("--format", "json", str(contract), cwd=tmp_path)
    ids = rule_ids(report)
    assert code == 0 and "vague.time" in ids and "placeholder.brackets" not in ids
    severities = {f["rule"]: f["severity"] for f in report["files"][0]["findings"]}
    assert severities["vague.time"] == "error"
    code, report, _ = run("--format", "json", "--fail-on", "error", str(contract), cwd=tmp_path)
    assert code == 1  # the flag beats fail-on = "never"
    code, report, _ = run(
        "--format", "json", "--select", "placeholder", str(contract), cwd=tmp_path
    )
    assert set(rule_ids(report)) == {"placeholder.brackets"}
    code, report, _ = run("--format", "json", "--isolated", str(contract), cwd=tmp_path)
    assert "placeholder.brackets" in rule_ids(report)


def test_explicit_config_file_and_stdin_uses_cwd(tmp_path):
    other = write(tmp_path / "elsewhere.toml", 'select = ["placeholder"]\n')
    contract = write(tmp_path / "c.md", CONTRACT)
    _, report, _ = run("--format", "json", "--config", str(other), str(contract), cwd=tmp_path)
    assert set(rule_ids(report)) == {"placeholder.brackets"}
    write(tmp_path / ".bpo-lint.toml", 'select = ["vague.time"]\n')
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert resolve_config("-", None, False, {}).select == ("vague.time",)
        assert resolve_config("-", None, True, {}).select == ()
    finally:
        os.chdir(old)


def test_allow_list_reaches_the_rules(tmp_path):
    write(tmp_path / ".bpo-lint.toml", 'select = ["vague.efforts"]\nallow = ["best efforts"]\n')
    contract = write(tmp_path / "c.md", CONTRACT)
    _, report, _ = run("--format", "json", str(contract), cwd=tmp_path)
    assert rule_ids(report) == []
    args = ("--format", "json", "--isolated", "--select", "vague.efforts", str(contract))
    _, report, _ = run(*args, cwd=tmp_path)
    assert rule_ids(report) == ["vague.efforts"]


def test_fingerprint_is_stable_and_tracks_settings():
    a = Config(select=("vague",), root="/a", path="/a/.bpo-lint.toml")
    b = Config(select=("vague",), root="/b", path="/b/pyproject.toml")
    assert a.fingerprint() == b.fingerprint() == Config(select=("vague",)).fingerprint()
    assert a.fingerprint() != Config(select=("vague",), fail_on="never").fingerprint()
    assert len(a.fingerprint()) == 16


def test_builtin_profiles_are_valid_and_narrower_than_msa():
    assert set(builtin_profile_names()) >= {"msa", "sow", "dpa", "amendment"}
    msa, sow = load_profile("msa"), load_profile("sow")
    assert len(msa) == 8 and "intellectual_property" not in sow
    assert sow["service_levels"] < msa["service_levels"]
    assert load_profile("amendment") == {}


def test_user_profile_file_and_errors(tmp_path):
    write(tmp_path / "mine.toml", '[areas]\npricing_payment = { elements = ["payment_terms"] }\n')
    assert load_profile("mine.toml", str(tmp_path)) == {"pricing_payment": {"payment_terms"}}
    write(tmp_path / "bad.toml", '[areas]\npricing_payment = { elements = ["paymnt_terms"] }\n')
    with pytest.raises(ProfileError, match="did you mean 'payment_terms'"):
        load_profile("bad.toml", str(tmp_path))
    with pytest.raises(ProfileError, match="did you mean 'sow'"):
        load_profile("sw")


def test_profile_limits_coverage_findings(tmp_path):
    contract = write(tmp_path / "c.md", CONTRACT)
    args = ("--format", "json", "--isolated", "--select", "coverage", str(contract))
    _, msa, _ = run(*args, cwd=tmp_path)
    _, amendment, _ = run("--profile", "amendment", *args, cwd=tmp_path)
    if not rule_ids(msa):
        pytest.skip("no classifier: coverage rules report nothing")
    assert "coverage.missing-area" in rule_ids(msa)
    assert rule_ids(amendment) == []


def test_required_kind_honours_the_profile_elements(rules):
    from bpo_lint.kinds.base import Context
    from bpo_lint.kinds.required import check
    from bpo_lint.model import Analysis, AreaCoverage
    from bpo_lint.readers.text import document_from_string
    from bpo_lint.sections import split_sections

    doc = split_sections(document_from_string("# 1. Fees\n\nThe Client pays each invoice.\n"))
    elements = {"pricing_structure": False, "payment_terms": True, "taxes_expenses": False}
    coverage = {"pricing_payment": AreaCoverage("partial", (doc.sections[0].id,), elements)}
    analysis = Analysis(labels=(), coverage=coverage)
    rule = next(r for r in rules if r.id == "coverage.missing-element")

    def missing(required):
        ctx = Context(doc=doc, analysis=analysis, required=required)
        return sorted(f.message.split(" lacks ")[1].split(". ")[0] for f in check(rule, ctx))

    assert len(missing(None)) == 2  # no profile: every element of the area
    assert missing({"pricing_payment": frozenset({"payment_terms", "taxes_expenses"})}) == [
        "Taxes and expenses"
    ]
    assert missing({"service_levels": frozenset({"metrics"})}) == []  # area not required
