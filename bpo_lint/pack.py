"""Load and validate the rule pack: one TOML file per rule, the id taken from the path.

Every problem becomes a `PackError` whose one-line message names the file and the cause, e.g.
`rules/vague/promptly.toml: unknown key 'tokenz' in [options] (did you mean 'tokens'?)`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from bpo_lint.config_hints import builtin_rules_dir, did_you_mean
from bpo_lint.kinds.base import Rule
from bpo_lint.model import CATEGORIES, SEVERITIES

HEADER_KEYS = (
    "kind",
    "category",
    "severity",
    "message",
    "description",
    "suggestion",
    "area",
    "link",
    "scope",
    "code",
    "options",
    "examples",
    "default",
)
REQUIRED_KEYS = ("kind", "category", "severity", "message")
EXAMPLE_KEYS = ("fail", "pass")
SCOPES = ("text", "section", "heading", "body")
# The first digit of a code names its category (CHECKS.md order).
CODE_DIGITS = {
    "coverage": "1",
    "contradiction": "2",
    "vague": "3",
    "definitions": "4",
    "references": "5",
    "structure": "6",
    "consistency": "7",
    "placeholder": "8",
}
SKIP_DIRS = ("areas", "profiles")
_CODE = re.compile(r"BPO\d{3}")


class PackError(Exception):
    """A rule file that cannot be loaded; the message names the file and the cause."""


@dataclass(frozen=True)
class Pack:
    """The loaded rules, sorted by id."""

    rules: tuple[Rule, ...]

    def get(self, rule_id: str) -> Rule | None:
        """The rule with this id, or None."""
        return next((r for r in self.rules if r.id == rule_id), None)


def builtin_root() -> Path:
    """The directory of the rule pack shipped with bpo-lint."""
    return builtin_rules_dir()


def rule_files(root: Path) -> list[tuple[str, Path]]:
    """(rule id, path) of every rule file under `root`, skipping areas/ and README files."""
    found = []
    for path in sorted(root.rglob("*.toml")):
        rel = path.relative_to(root)
        if rel.parts[0] in SKIP_DIRS or path.stem.upper().startswith("README"):
            continue
        found.append((".".join(rel.with_suffix("").parts), path))
    return found


def known_areas() -> tuple[str, ...]:
    """Area ids a rule may name (the public ids of AREAS.md)."""
    from bpo_lint.areas import AREA_IDS

    return tuple(AREA_IDS)


def _check_choice(shown: str, key: str, value: object, choices) -> None:
    if value not in choices:
        raise PackError(
            f"{shown}: {key} {value!r} is not one of {', '.join(choices)}"
            + did_you_mean(str(value), choices)
        )


def _strings(shown: str, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(f"{shown}: [examples] {key} must be a list of strings")
    return tuple(value)


def _options(shown: str, kind, table: object):
    if not isinstance(table, dict):
        raise PackError(f"{shown}: [options] must be a table")
    names = [f.name for f in fields(kind.options) if f.init]
    for key in table:
        if key not in names:
            hint = did_you_mean(key, names)
            raise PackError(f"{shown}: unknown key '{key}' in [options]{hint}")
    try:
        return kind.options(**table)
    except (ValueError, TypeError) as e:
        raise PackError(f"{shown}: bad [options] for kind '{kind.name}': {e}") from None


def parse_rule(rule_id: str, data: dict, shown: str, areas: tuple[str, ...]) -> Rule:
    """Validate one rule file's parsed TOML and build its Rule; raises PackError."""
    from bpo_lint.kinds import KINDS

    for key in data:
        if key not in HEADER_KEYS:
            raise PackError(f"{shown}: unknown key '{key}'{did_you_mean(key, HEADER_KEYS)}")
    for key in REQUIRED_KEYS:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise PackError(f"{shown}: missing required key '{key}' (a string)")
    for key in ("description", "suggestion", "area", "link", "scope", "code"):
        if key in data and not isinstance(data[key], str):
            raise PackError(f"{shown}: '{key}' must be a string")
    kind = KINDS.get(data["kind"])
    if kind is None:
        raise PackError(
            f"{shown}: unknown kind '{data['kind']}'{did_you_mean(data['kind'], KINDS)}"
            f" (known kinds: {', '.join(sorted(KINDS))})"
        )
    _check_choice(shown, "category", data["category"], CATEGORIES)
    _check_choice(shown, "severity", data["severity"], SEVERITIES)
    _check_choice(shown, "scope", data.get("scope", "text"), SCOPES)
    if "area" in data:
        _check_choice(shown, "area", data["area"], areas)
    code = data.get("code")
    if code is not None:
        digit = CODE_DIGITS[data["category"]]
        if not _CODE.fullmatch(code) or code[3] != digit:
            raise PackError(
                f"{shown}: code {code!r} must look like BPO{digit}xx"
                f" (BPO{digit}.. is the range for category '{data['category']}')"
            )
    examples = data.get("examples", {})
    if not isinstance(examples, dict):
        raise PackError(f"{shown}: [examples] must be a table with 'fail' and 'pass' lists")
    for key in examples:
        if key not in EXAMPLE_KEYS:
            hint = did_you_mean(key, EXAMPLE_KEYS)
            raise PackError(f"{shown}: unknown key '{key}' in [examples]{hint}")
    return Rule(
        id=rule_id,
        kind=kind.name,
        message=data["message"].strip(),
        severity=data["severity"],
        category=data["category"],
        options=_options(shown, kind, data.get("options", {})),
        area=data.get("area"),
        description=data.get("description", "").strip(),
        suggestion=data.get("suggestion", "").strip(),
        link=data.get("link", ""),
        scope=data.get("scope", "text"),
        code=code,
        examples_fail=_strings(shown, "fail", examples.get("fail", [])),
        examples_pass=_strings(shown, "pass", examples.get("pass", [])),
        path=str(shown),
        default=_default_flag(shown, data.get("default", True)),
    )


def _default_flag(shown: str, value) -> bool:
    if not isinstance(value, bool):
        raise PackError(f"{shown}: default must be true or false, not {value!r}")
    return value


def load_rule_file(rule_id: str, path: Path, shown: str, areas: tuple[str, ...]) -> Rule:
    """Read and validate one rule file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise PackError(f"{shown}: not valid TOML: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(f"{shown}: cannot read: {e}") from None
    return parse_rule(rule_id, data, shown, areas)


def load_dir(root: Path, label: str, areas: tuple[str, ...]) -> list[Rule]:
    """Every rule under one pack directory; `label` prefixes file names in messages."""
    if not root.is_dir():
        raise PackError(f"{label}: not a rule-pack directory")
    return [
        load_rule_file(rule_id, path, f"{label}/{path.relative_to(root).as_posix()}", areas)
        for rule_id, path in rule_files(root)
    ]


def load_pack(extra_dirs: tuple[str, ...] = (), include_builtin: bool = True) -> Pack:
    """The built-in pack plus extra pack directories; a later rule with the same id overrides."""
    areas = known_areas()
    by_id: dict[str, Rule] = {}
    sources = [(builtin_root(), "rules")] if include_builtin else []
    sources += [(Path(d), str(d).rstrip("/\\")) for d in extra_dirs]
    for root, label in sources:
        for rule in load_dir(root, label, areas):
            by_id[rule.id] = rule
    codes: dict[str, Rule] = {}
    for rule in by_id.values():
        if rule.code and rule.code in codes:
            other = codes[rule.code]
            raise PackError(f"{rule.path}: code {rule.code} is already used by {other.path}")
        if rule.code:
            codes[rule.code] = rule
    return Pack(tuple(sorted(by_id.values(), key=lambda r: r.id)))


def _matches(selector: str, rule: Rule) -> bool:
    if selector == "ALL":
        return True
    sel = selector.rstrip(".")
    return (
        rule.id == sel
        or rule.id.startswith(sel + ".")
        or bool(rule.code and rule.code.startswith(sel))
    )


def _specificity(selectors: tuple[str, ...], rule: Rule) -> int:
    """Length of the most specific selector matching `rule` (-1: none), as ruff resolves them."""
    return max((len(s) if s != "ALL" else 0 for s in selectors if _matches(s, rule)), default=-1)


def select_rules(
    rules, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), extend_select=()
) -> tuple[Rule, ...]:
    """Rules chosen by ids, id prefixes ("vague") or code prefixes ("BPO3"), like ruff.

    No `select` means all rules. When a rule matches both a select and an ignore selector the
    more specific one wins (`--select vague --ignore vague.legalese` drops one rule; a tie
    ignores). An unknown selector raises PackError with a did-you-mean.
    """
    rules = tuple(rules)
    for sel in (*select, *ignore, *extend_select):
        if not any(_matches(sel, r) for r in rules):
            names = sorted({r.id for r in rules} | {r.id.split(".")[0] for r in rules})
            raise PackError(f"unknown rule selector '{sel}'{did_you_mean(sel, names)}")
    chosen = (*(select or ("ALL",)), *extend_select)
    named = tuple(s for s in chosen if s != "ALL")
    return tuple(
        r
        for r in rules
        if _specificity(chosen, r) > _specificity(tuple(ignore), r)
        # An opt-in rule needs a selector that names it (its id, group or code), not "ALL".
        and (r.default or _specificity(named, r) >= 0)
    )
