"""Profiles: which key areas, and which of their elements, a kind of document must cover.

A profile is data a lawyer can read and edit: rules/profiles/<name>.toml for the built-in ones
(msa, sow, dpa, amendment), or any TOML file a user points `profile` at.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import replace
from importlib import resources
from pathlib import Path

from bpo_lint.config_hints import did_you_mean
from bpo_lint.model import AreaCoverage

DEFAULT_PROFILE = "msa"
_KEYS = ("title", "description", "areas")
_AREA_KEYS = ("elements",)


class ProfileError(Exception):
    """A profile that cannot be used; the message names the file and the cause."""


def builtin_profiles_dir() -> Path:
    """Where the built-in profiles live."""
    return Path(str(resources.files("bpo_lint") / "rules" / "profiles"))


def builtin_profile_names() -> tuple[str, ...]:
    """Names of the shipped profiles, sorted."""
    return tuple(sorted(p.stem for p in builtin_profiles_dir().glob("*.toml")))


def profile_path(spec: str, base_dir: str) -> Path:
    """The file a `profile` value names: a built-in name, or a TOML path relative to base_dir."""
    names = builtin_profile_names()
    if spec in names:
        return builtin_profiles_dir() / f"{spec}.toml"
    if spec.endswith(".toml") or "/" in spec or "\\" in spec:
        return Path(base_dir, spec)
    raise ProfileError(
        f"unknown profile '{spec}'{did_you_mean(spec, names)} "
        f"(built-in: {', '.join(names)}; or give the path of a .toml file)"
    )


def load_profile(spec: str, base_dir: str = ".") -> Mapping[str, frozenset[str]]:
    """Required element ids per required area id, for Context.required."""
    from bpo_lint.areas import load_areas

    path = profile_path(spec, base_dir)
    shown = f"rules/profiles/{path.name}" if path.parent == builtin_profiles_dir() else str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{shown}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{shown}: cannot read profile: {exc}") from None
    for key in data:
        if key not in _KEYS:
            raise ProfileError(f"{shown}: unknown key '{key}'{did_you_mean(key, _KEYS)}")
    table = data.get("areas", {})
    if not isinstance(table, dict):
        raise ProfileError(f"{shown}: 'areas' must be a table of area id -> {{ elements = ... }}")
    areas = {a.id: a for a in load_areas()}
    required: dict[str, frozenset[str]] = {}
    for area_id, spec_ in table.items():
        area = areas.get(area_id)
        if area is None:
            raise ProfileError(f"{shown}: unknown area '{area_id}'{did_you_mean(area_id, areas)}")
        known = [e.id for e in area.elements]
        required[area_id] = _elements(shown, area_id, spec_, known)
    return required


def _elements(shown: str, area_id: str, spec: object, known: list[str]) -> frozenset[str]:
    where = f"areas.{area_id}"
    if not isinstance(spec, dict):
        raise ProfileError(f"{shown}: '{where}' must be a table such as {{ elements = \"all\" }}")
    for key in spec:
        if key not in _AREA_KEYS:
            raise ProfileError(f"{shown}: unknown key '{key}' in {where}")
    value = spec.get("elements", "all")
    if value == "all":
        return frozenset(known)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{shown}: '{where}.elements' must be \"all\" or a list of element ids")
    for element in value:
        if element not in known:
            raise ProfileError(
                f"{shown}: unknown element '{element}' in {where}{did_you_mean(element, known)}"
                f" (elements: {', '.join(known)})"
            )
    return frozenset(value)


def profile_coverage(
    coverage: Mapping[str, AreaCoverage], required: Mapping[str, frozenset[str]]
) -> dict[str, AreaCoverage]:
    """Coverage as the profile sees it: which areas and elements it expects, and their status.

    An area the profile does not expect keeps its status for information, flagged as not
    required; an expected area whose expected elements are all found is covered for this file.
    """
    out = {}
    for area, cov in coverage.items():
        cov = replace(cov, required=area in required, required_elements=required.get(area))
        if cov.status == "partial" and cov.required and not cov.gaps():
            cov = replace(cov, status="covered")
        out[area] = cov
    return out
