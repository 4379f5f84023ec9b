"""Turn a Config into what one file is linted with: its rules, severities and profile."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping
from dataclasses import replace

from bpo_lint.config import Config, ConfigError


def selector_matches(selector: str, rule_id: str, code: str | None = None) -> bool:
    """Whether a selector (rule id, id prefix such as "vague", code prefix, ALL) names a rule."""
    if selector == "ALL":
        return True
    sel = selector.rstrip(".")
    return rule_id == sel or rule_id.startswith(sel + ".") or bool(code and code.startswith(sel))


def _where(config: Config) -> str:
    return config.path or "command line"


def check_selectors(config: Config, rules) -> None:
    """ConfigError naming the key for any selector that matches no rule of the pack."""
    from bpo_lint.config_hints import did_you_mean

    names = sorted({r.id for r in rules} | {r.id.split(".")[0] for r in rules})
    groups = [("select", config.select), ("ignore", config.ignore)]
    groups += [("extend-select", config.extend_select)]
    groups += [(f"per-file-ignores.{g!r}", sel) for g, sel in config.per_file_ignores]
    groups += [("severity", tuple(s for s, _ in config.severity))]
    for key, selectors in groups:
        for sel in selectors:
            if not any(selector_matches(sel, r.id, r.code) for r in rules):
                hint = did_you_mean(sel, names)
                raise ConfigError(f"{_where(config)}: {key}: unknown rule '{sel}'{hint}")


def matches_glob(config: Config, path: str, glob: str) -> bool:
    """Whether a per-file glob (relative to the config's folder) matches a linted path."""
    if path == "-":
        return False
    full = os.path.abspath(path)
    rel = os.path.relpath(full, config.root or os.getcwd()).replace(os.sep, "/")
    # A glob without a slash matches the file name anywhere below, as in .gitignore.
    return fnmatch.fnmatch(rel, glob) or (
        "/" not in glob and fnmatch.fnmatch(os.path.basename(full), glob)
    )


def with_file_profile(config: Config, path: str) -> Config:
    """`config` with the profile of the first per-file-profiles glob that `path` matches."""
    for glob, spec in config.per_file_profiles:
        if matches_glob(config, path, glob):
            return replace(config, profile=spec)
    return config


def file_ignores(config: Config, path: str) -> tuple[str, ...]:
    """Selectors per-file-ignores adds for `path` (globs relative to the config's folder)."""
    out: list[str] = []
    for glob, selectors in config.per_file_ignores:
        if matches_glob(config, path, glob):
            out.extend(selectors)
    return tuple(out)


def rules_for_file(config: Config, rules, path: str) -> tuple:
    """The rules to run on `path`: selected, minus per-file ignores, with severity overrides."""
    from bpo_lint.pack import select_rules

    chosen = select_rules(
        rules,
        select=config.select,
        ignore=(*config.ignore, *file_ignores(config, path)),
        extend_select=config.extend_select,
    )
    return tuple(_with_severity(config, r) for r in chosen)


def _with_severity(config: Config, rule):
    # The most specific matching selector wins, so "vague" = "info" with
    # "vague.efforts" = "error" makes every vague rule info except that one.
    best: tuple[int, str] | None = None
    for selector, level in config.severity:
        if selector_matches(selector, rule.id, rule.code):
            rank = 0 if selector == "ALL" else len(selector)
            if best is None or rank > best[0]:
                best = (rank, level)
    return replace(rule, severity=best[1]) if best else rule


def required_for(config: Config) -> Mapping[str, frozenset[str]]:
    """The profile's required areas and elements (ConfigError naming the config file)."""
    from bpo_lint.config_profile import ProfileError, load_profile

    try:
        return load_profile(config.profile, config.root or os.getcwd())
    except ProfileError as exc:
        # A profile file is read only when a file uses it: name the key that chose it.
        key = next(
            (
                f"per-file-profiles.{g!r}"
                for g, s in config.per_file_profiles
                if s == config.profile
            ),
            "profile",
        )
        raise ConfigError(f"{_where(config)}: {key}: {exc}") from None
