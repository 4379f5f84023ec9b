"""Plan a run: for each target, the config that applies and the LintOptions it yields.

Planning has two steps so that a run served from the cache stays cheap: `resolve_targets` finds
each target's config (a few stat calls) and `plan_fingerprint` hashes what decides its result
from file bytes alone; only the targets that miss the cache pay for `plan_options`, which loads
and compiles the rule pack and the profile.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# Bump when LintOptions gains a field that plan_options fills from something hashed nowhere else.
_PLAN_VERSION = b"plan-1"


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


def resolve_targets(targets: Iterable, flags: Flags) -> list[tuple]:
    """(target, Config) per target, the flags applied; ConfigError when a config is unusable."""
    from bpo_lint.config import resolve_config
    from bpo_lint.config_rules import with_file_profile

    configs: dict = {}  # per-run memo by config file (no module state)
    out = []
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
        out.append((target, with_file_profile(config, target.path)))
    return out


def plan_fingerprint(config, flags: Flags) -> str:
    """Hash of everything besides the file and the tool that can change a result under `config`.

    The settings, the folder its globs start from, the bytes of its extra rule packs and of a
    profile file it names, and the reading flags. The built-in pack is in the cache's salt.
    """
    from bpo_lint.cache import folder_fingerprint

    h = hashlib.sha256(_PLAN_VERSION)
    parts = [config.fingerprint(), config.root, repr(flags.password), repr(flags.inline)]
    parts += [f"{d}\0{folder_fingerprint(Path(d))}" for d in config.rules]
    if config.profile.endswith(".toml") or "/" in config.profile or "\\" in config.profile:
        try:
            parts.append(hashlib.sha256(Path(config.profile).read_bytes()).hexdigest())
        except OSError:
            parts.append("unreadable")  # loading it fails, so nothing is ever stored
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def plan_options(
    resolved: Sequence[tuple], flags: Flags, fingerprints: Sequence[str | None] = ()
) -> list:
    """LintOptions per (target, config); ConfigError or PackError when unusable.

    `fingerprints` (plan_fingerprint per target, in the same order) become the cache keys.
    """
    from bpo_lint.config_rules import check_selectors, required_for, rules_for_file
    from bpo_lint.lint import LintOptions
    from bpo_lint.pack import load_pack

    # Per-run memos (no module state): packs by directory list, profiles, checked configs.
    packs: dict[tuple[str, ...], tuple] = {}
    profiles: dict[str, Mapping[str, frozenset[str]]] = {}
    checked: set = set()
    out = []
    for i, (target, config) in enumerate(resolved):
        if config.rules not in packs:
            packs[config.rules] = load_pack(config.rules).rules
        rules = packs[config.rules]
        if config not in checked:
            check_selectors(config, rules)
            checked.add(config)
        if config.profile not in profiles:
            profiles[config.profile] = required_for(config)
        out.append(
            LintOptions(
                rules=rules_for_file(config, rules, target.path),
                password=flags.password,
                allowed_terms=frozenset(config.allow),
                required=profiles[config.profile],
                suppress=flags.inline,
                fingerprint=fingerprints[i] if fingerprints else None,
            )
        )
    return out


def plan_targets(targets: Iterable, flags: Flags) -> list[tuple]:
    """(target, LintOptions, fail-on) per target; ConfigError or PackError when unusable."""
    resolved = resolve_targets(targets, flags)
    options = plan_options(resolved, flags)
    return [
        (target, opts, config.fail_on)
        for (target, config), opts in zip(resolved, options, strict=True)
    ]
