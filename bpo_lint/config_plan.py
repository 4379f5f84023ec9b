"""Plan a run: for each target, the config that applies and the LintOptions it yields."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Flags:
    """The command-line settings that override config files (empty: keep the file's)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    fail_on: str | None = None
    profile: str | None = None
    config_file: str | None = None  # --config: use this file for every target
    isolated: bool = False  # --isolated: no config file at all
    password: str | None = None
    inline: bool = True  # False with --no-inline


def plan_targets(targets: Iterable, flags: Flags) -> list[tuple]:
    """(target, LintOptions, fail-on) per target; ConfigError or PackError when unusable."""
    from bpo_lint.config import resolve_config
    from bpo_lint.config_rules import check_selectors, required_for, rules_for_file
    from bpo_lint.lint import LintOptions
    from bpo_lint.pack import load_pack

    # Per-run memos (no module state): configs by file, packs by directory list, profiles.
    configs: dict = {}
    packs: dict[tuple[str, ...], tuple] = {}
    profiles: dict[str, Mapping[str, frozenset[str]]] = {}
    checked: set = set()
    plans = []
    for target in targets:
        config = resolve_config(target.path, flags.config_file, flags.isolated, configs)
        config = config.with_overrides(
            select=flags.select,
            ignore=flags.ignore,
            extend_select=flags.extend_select,
            rules=flags.rules,
            fail_on=flags.fail_on,
            profile=flags.profile,
        )
        if config.rules not in packs:
            packs[config.rules] = load_pack(config.rules).rules
        rules = packs[config.rules]
        if config not in checked:
            check_selectors(config, rules)
            checked.add(config)
        if config.profile not in profiles:
            profiles[config.profile] = required_for(config)
        options = LintOptions(
            rules=rules_for_file(config, rules, target.path),
            password=flags.password,
            allowed_terms=frozenset(config.allow),
            required=profiles[config.profile],
            suppress=flags.inline,
        )
        plans.append((target, options, config.fail_on))
    return plans
