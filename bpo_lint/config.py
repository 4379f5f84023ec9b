"""Configuration: `[tool.bpo-lint]` in pyproject.toml or top-level keys in `.bpo-lint.toml`.

The nearest config file above a linted file wins (no merging between files, as in ruff); paths
inside a config file (rules, profile, per-file globs) are relative to its folder.
Every problem is a `ConfigError` whose one-line message names the file and the key.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import asdict, dataclass, field, replace

from bpo_lint.config_hints import did_you_mean
from bpo_lint.model import SEVERITIES

CONFIG_NAMES = (".bpo-lint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
LIST_KEYS = ("select", "ignore", "extend-select", "rules", "allow")
KEYS = (*LIST_KEYS, "per-file-ignores", "per-file-profiles", "severity", "fail-on", "profile")
_FINGERPRINT_VERSION = 1


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """The settings for linting the files under one config file (or the defaults)."""

    path: str | None = None  # the file these settings came from; None: built-in defaults
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str = "error"
    rules: tuple[str, ...] = ()  # absolute rule-pack directories
    profile: str = "msa"  # a built-in profile name or an absolute path
    per_file_profiles: tuple[tuple[str, str], ...] = ()  # (glob, profile) in the file's order
    allow: tuple[str, ...] = ()
    root: str = field(default="", compare=False)  # folder that relative globs start from

    def fingerprint(self) -> str:
        """A stable hash of every setting that changes findings (for a cache key)."""
        data = asdict(self)
        data.pop("path"), data.pop("root")
        data["version"] = _FINGERPRINT_VERSION
        blob = json.dumps(data, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    def with_overrides(
        self,
        select=(),
        ignore=(),
        extend_select=(),
        rules=(),
        fail_on: str | None = None,
        profile: str | None = None,
        allow=(),
    ) -> Config:
        """Command-line flags over the file: --select replaces, the other lists add."""
        return replace(
            self,
            select=tuple(select) or self.select,
            extend_select=(*(() if select else self.extend_select), *extend_select),
            ignore=(*self.ignore, *ignore),
            rules=(*self.rules, *(os.path.abspath(r) for r in rules)),
            fail_on=fail_on or self.fail_on,
            profile=_profile_spec(profile, os.getcwd()) if profile else self.profile,
            allow=(*self.allow, *allow),
            # An explicit --profile is for every file, so it also replaces the per-file ones.
            per_file_profiles=() if profile else self.per_file_profiles,
        )


def find_config_file(start: str) -> str | None:
    """The nearest .bpo-lint.toml, or pyproject.toml with [tool.bpo-lint], at or above `start`."""
    folder = os.path.abspath(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_table(pyproject: str) -> bool:
    try:
        with open(pyproject, "rb") as fh:
            return "bpo-lint" in tomllib.load(fh).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False  # a broken pyproject.toml without our table is not ours to report


def load_config(path: str) -> Config:
    """Read and validate one config file (pyproject.toml: its [tool.bpo-lint] table)."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("bpo-lint", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.bpo-lint] must be a table")
    return parse_config(data, path)


def parse_config(data: dict, path: str) -> Config:
    """Validate the keys of a config table and build the Config (paths made absolute)."""
    root = os.path.dirname(os.path.abspath(path))
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key '{key}'{did_you_mean(key, KEYS)}")
    lists = {key: _strings(path, key, data[key]) for key in LIST_KEYS if key in data}
    fail_on = data.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        hint = did_you_mean(str(fail_on), FAIL_ON)
        raise ConfigError(f"{path}: fail-on {fail_on!r} is not one of {', '.join(FAIL_ON)}{hint}")
    profile = data.get("profile", "msa")
    if not isinstance(profile, str) or not profile:
        raise ConfigError(f"{path}: profile must be a profile name or the path of a .toml file")
    return Config(
        path=os.path.abspath(path),
        select=lists.get("select", ()),
        ignore=lists.get("ignore", ()),
        extend_select=lists.get("extend-select", ()),
        per_file_ignores=_per_file_ignores(path, data.get("per-file-ignores", {})),
        severity=_severity(path, data.get("severity", {})),
        fail_on=fail_on,
        rules=tuple(os.path.normpath(os.path.join(root, d)) for d in lists.get("rules", ())),
        profile=_profile_spec(profile, root),
        per_file_profiles=_per_file_profiles(path, root, data.get("per-file-profiles", {})),
        allow=lists.get("allow", ()),
        root=root,
    )


def _profile_spec(spec: str, root: str) -> str:
    from bpo_lint.config_profile import builtin_profile_names

    looks_like_path = spec.endswith(".toml") or "/" in spec or "\\" in spec
    if spec in builtin_profile_names() or not looks_like_path:
        return spec  # a name: an unknown one is reported with a did-you-mean when loaded
    return os.path.normpath(os.path.join(root, spec))


def _strings(path: str, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f'{path}: {key} must be a list of strings, e.g. {key} = ["vague"]')
    return tuple(value)


def _per_file_ignores(path: str, value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: per-file-ignores must be a table of glob = [rules]")
    return tuple(
        (glob, _strings(path, f"per-file-ignores.{glob!r}", rules))
        for glob, rules in sorted(value.items())
    )


def _per_file_profiles(path: str, root: str, value: object) -> tuple[tuple[str, str], ...]:
    from bpo_lint.config_profile import ProfileError, profile_path

    if not isinstance(value, dict):
        raise ConfigError(f'{path}: per-file-profiles must be a table of glob = "profile"')
    out = []
    for glob, spec in value.items():  # in the file's order: the first matching glob wins
        if not isinstance(spec, str) or not spec:
            raise ConfigError(f"{path}: per-file-profiles.{glob!r} must be a profile name or path")
        try:
            profile_path(spec, root)  # an unknown name is reported now, with its glob
        except ProfileError as exc:
            raise ConfigError(f"{path}: per-file-profiles.{glob!r}: {exc}") from None
        out.append((glob, _profile_spec(spec, root)))
    return tuple(out)


def _severity(path: str, value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f'{path}: severity must be a table of rule = "error|warning|info"')
    for rule, level in value.items():
        if level not in SEVERITIES:
            hint = did_you_mean(str(level), SEVERITIES)
            raise ConfigError(
                f"{path}: severity.{rule} {level!r} is not one of {', '.join(SEVERITIES)}{hint}"
            )
    return tuple(sorted(value.items()))


def resolve_config(
    target: str, explicit: str | None, isolated: bool, cache: dict[str, Config]
) -> Config:
    """The Config for one linted path ("-": from the cwd), memoised in `cache` by config file."""
    if isolated:
        return Config(root=os.getcwd())
    if explicit:
        found: str | None = explicit
    else:
        start = os.getcwd() if target == "-" else os.path.dirname(os.path.abspath(target))
        found = find_config_file(start)
    key = os.path.abspath(found) if found else ""
    if key not in cache:
        cache[key] = load_config(found) if found else Config(root=os.getcwd())
    return cache[key]
