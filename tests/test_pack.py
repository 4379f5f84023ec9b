"""The rule-pack loader: ids from paths, overrides, selection, and one test per loader error."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bpo_lint.kinds.base import Rule
from bpo_lint.pack import PackError, load_pack, select_rules

GOOD = """
kind = "existence"
category = "vague"
severity = "warning"
message = "'{match}' is vague."
code = "BPO399"
[options]
tokens = ["swiftly"]
[examples]
fail = ["The Supplier shall act swiftly."]
pass = ["The Supplier shall act within 2 days."]
"""


def write(root: Path, rel: str, body: str) -> Path:
    """Write one rule file under a pack root."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def load_one(tmp_path: Path, body: str, rel: str = "vague/swift.toml"):
    """Load a pack made of one rule file (no built-in rules)."""
    write(tmp_path, rel, body)
    return load_pack((str(tmp_path),), include_builtin=False)


def error_of(tmp_path: Path, body: str) -> str:
    """The one-line PackError message for a broken rule file."""
    with pytest.raises(PackError) as exc:
        load_one(tmp_path, body)
    message = str(exc.value)
    assert "\n" not in message
    assert "vague/swift.toml" in message
    return message


def test_builtin_pack_loads_with_ids_from_paths():
    pack = load_pack()
    rule = pack.get("vague.efforts")
    assert rule is not None and rule.kind == "existence" and rule.code == "BPO301"
    assert rule.path == "rules/vague/efforts.toml"
    assert pack.get("areas.scope_of_services") is None  # area definitions are not rules
    assert [r.id for r in pack.rules] == sorted(r.id for r in pack.rules)


def test_extra_pack_rule_loads_and_overrides_builtin(tmp_path):
    write(tmp_path, "vague/efforts.toml", GOOD.replace('"BPO399"', '"BPO301"'))
    write(tmp_path, "vague/swift.toml", GOOD)
    pack = load_pack((str(tmp_path),))
    assert pack.get("vague.efforts").options.tokens == ("swiftly",)
    assert pack.get("vague.swift").examples_fail == ("The Supplier shall act swiftly.",)
    assert pack.get("vague.time") is not None  # the rest of the built-in pack is still there


def test_readme_and_areas_are_skipped(tmp_path):
    write(tmp_path, "README.toml", "not a rule")
    write(tmp_path, "areas/x.toml", "title = 'x'")
    write(tmp_path, "vague/swift.toml", GOOD)
    pack = load_pack((str(tmp_path),), include_builtin=False)
    assert [r.id for r in pack.rules] == ["vague.swift"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("tokens", "tokenz"), "unknown key 'tokenz' in [options] (did you mean 'tokens'?)"),
        (("severity = ", "severty = "), "unknown key 'severty' (did you mean 'severity'?)"),
        (('"existence"', '"existance"'), "unknown kind 'existance' (did you mean 'existence'?)"),
        (('"warning"', '"warn"'), "severity 'warn' is not one of error, warning, info"),
        (('"vague"', '"vagueness"'), "category 'vagueness' is not one of"),
        (('"BPO399"', '"BPO199"'), "code 'BPO199' must look like BPO3xx"),
        (('"BPO399"', '"X1"'), "code 'X1' must look like BPO3xx"),
        (('tokens = ["swiftly"]', "patterns = ['(unclosed']"), "bad regex in 'patterns'"),
        (('tokens = ["swiftly"]', 'tokens = "a"\nonce = 3\nmax_findings = -1'), "max_findings"),
        (('tokens = ["swiftly"]', "ignorecase = true"), "give at least one of 'tokens'"),
        (('tokens = ["swiftly"]', "tokens = [1, 2]"), "'tokens' must be a list of strings"),
        (('message = "', 'msg = "'), "unknown key 'msg' (did you mean 'message'?)"),
        (("fail = [", "fial = ["), "unknown key 'fial' in [examples] (did you mean 'fail'?)"),
        (('pass = ["', 'pass = [1, "'), "[examples] pass must be a list of strings"),
        (("[options]", "scope = 'page'\n[options]"), "scope 'page' is not one of"),
        (("[options]", "area = 'pricing'\n[options]"), "area 'pricing' is not one of"),
        (("[options]", "area = 3\n[options]"), "'area' must be a string"),
        (("[examples]", "[examples]\nbad = ["), "not valid TOML"),
    ],
)
def test_loader_errors_name_the_file_and_the_cause(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    assert expected in error_of(tmp_path, GOOD.replace(old, new, 1))


def test_missing_required_key(tmp_path):
    body = "\n".join(line for line in GOOD.splitlines() if not line.startswith("message"))
    assert "missing required key 'message'" in error_of(tmp_path, body)


def test_options_must_be_a_table(tmp_path):
    body = GOOD.replace('[options]\ntokens = ["swiftly"]', 'options = "tokens"')
    assert "[options] must be a table" in error_of(tmp_path, body)


def test_duplicate_code_is_an_error(tmp_path):
    write(tmp_path, "vague/one.toml", GOOD)
    write(tmp_path, "vague/two.toml", GOOD)
    with pytest.raises(PackError, match=r"vague/two.toml: code BPO399 is already used by"):
        load_pack((str(tmp_path),), include_builtin=False)


def test_missing_pack_directory(tmp_path):
    with pytest.raises(PackError, match="not a rule-pack directory"):
        load_pack((str(tmp_path / "nope"),), include_builtin=False)


def rule(rule_id: str, code: str | None = None) -> Rule:
    """A bare rule for selection tests."""
    return Rule(rule_id, "existence", "m", "info", rule_id.split(".")[0], None, code=code)


RULES = (
    rule("vague.efforts", "BPO301"),
    rule("vague.legalese", "BPO309"),
    rule("placeholder.tbd", "BPO802"),
    rule("coverage.missing-area", "BPO101"),
)


def ids(rules) -> list[str]:
    """The ids of selected rules."""
    return [r.id for r in rules]


def test_select_by_prefix_id_and_code():
    assert ids(select_rules(RULES)) == ids(RULES)
    assert ids(select_rules(RULES, select=("vague",))) == ["vague.efforts", "vague.legalese"]
    assert ids(select_rules(RULES, select=("BPO8",))) == ["placeholder.tbd"]
    assert ids(select_rules(RULES, select=("vague.efforts",))) == ["vague.efforts"]
    assert ids(select_rules(RULES, select=("placeholder",), extend_select=("BPO101",))) == [
        "placeholder.tbd",
        "coverage.missing-area",
    ]


def test_more_specific_selector_wins():
    assert ids(select_rules(RULES, select=("vague",), ignore=("vague.legalese",))) == [
        "vague.efforts"
    ]
    assert ids(select_rules(RULES, select=("vague.legalese",), ignore=("vague",))) == [
        "vague.legalese"
    ]
    assert ids(select_rules(RULES, ignore=("vague", "BPO1"))) == ["placeholder.tbd"]


def test_prefix_must_end_at_a_dot():
    assert ids(select_rules((*RULES, rule("vaguer.x")), select=("vague",))) == [
        "vague.efforts",
        "vague.legalese",
    ]


def test_unknown_selector_suggests_a_close_one():
    with pytest.raises(PackError, match=r"unknown rule selector 'vauge' \(did you mean 'vague'"):
        select_rules(RULES, select=("vauge",))


def test_opt_in_rules_run_only_when_a_selector_names_them():
    from bpo_lint.pack import load_pack, select_rules

    rules = load_pack().rules
    opt_in = [r for r in rules if not r.default]
    assert opt_in, "the built-in pack has an opt-in rule (definitions.undefined)"
    rule = opt_in[0]
    assert rule not in select_rules(rules)
    assert rule in select_rules(rules, extend_select=(rule.id,))
    assert rule in select_rules(rules, select=(rule.id.split(".")[0],))
    assert rule not in select_rules(rules, select=("ALL",))
