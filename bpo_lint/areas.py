"""The eight key areas of a BPO agreement, loaded from rules/areas/<id>.toml.

Areas are data a contract lawyer can edit: heading cues, body cues and the elements a reviewer
expects in each area. This module only reads and validates them (tomllib, no spaCy).
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

AREA_IDS = (
    "scope_of_services",
    "service_levels",
    "pricing_payment",
    "confidentiality_data_protection",
    "intellectual_property",
    "termination_transition",
    "governance_dispute_resolution",
    "compliance_regulatory",
)
ELEMENT_SCOPES = ("area", "document")
_AREA_KEYS = ("title", "description", "heading_cues", "body_cues", "elements")
_ELEMENT_KEYS = ("id", "title", "description", "expect", "cues", "scope")

# Shorthands a cue may use, so that every file spells numbers and durations the same way.
_WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)"
)
# The lookahead (a digit or the first letter of a number word) lets the engine skip most
# positions at once: without it every position tries the whole alternation (0.5 s per cue on
# a 100-page text).
_NUM = (
    rf"(?=[\dotfsenh])(?:\d+(?:[.,]\d+)?|{_WORD_NUMBER}(?:[\s-]+(?:and\s+)?{_WORD_NUMBER})*)"
    r"(?:\s*\(\d+\))?"
)
_DURATION = (
    rf"{_NUM}\s*(?:business\s+|calendar\s+|working\s+|banking\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?|minutes?)\b"
)
SHORTHANDS = {"%NUM%": _NUM, "%DURATION%": _DURATION}


class AreaError(Exception):
    """An area file that cannot be used; the message names the file and the cause."""


@dataclass(frozen=True)
class Element:
    """A thing a reviewer expects inside an area (e.g. a notice period in termination)."""

    id: str
    title: str
    description: str
    cues: tuple[str, ...]
    expect: str
    scope: str = "area"  # "area": searched in the area's sections; "document": anywhere


@dataclass(frozen=True)
class Area:
    """One key area: what it covers, how to recognise it, and its elements."""

    id: str
    title: str
    description: str
    heading_cues: tuple[str, ...]
    body_cues: tuple[str, ...]
    elements: tuple[Element, ...]

    def element(self, element_id: str) -> Element | None:
        """The element with this id, or None."""
        return next((e for e in self.elements if e.id == element_id), None)


def expand(cue: str) -> str:
    """Replace the %NUM% and %DURATION% shorthands by their regular expressions."""
    for name, pattern in SHORTHANDS.items():
        cue = cue.replace(name, pattern)
    return cue


@functools.lru_cache(maxsize=4096)
def compile_cue(cue: str) -> re.Pattern[str]:
    """Compile one (already expanded) cue, case-insensitively; cached per process."""
    return re.compile(cue, re.IGNORECASE)


# A backreference counts groups, which joining cues into one pattern would renumber.
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


@functools.lru_cache(maxsize=1024)
def compile_any(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern that matches wherever one of the cues matches, or None if they cannot be
    joined (a backreference, or inline flags that are only valid at a pattern's start)."""
    # One search of a joined pattern instead of one per cue: the engine tries every cue at each
    # position in a single pass, which is most of what classifying a long document costs.
    if not cues or any(_BACKREFERENCE.search(c) for c in cues):
        return None
    try:
        return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE)
    except re.error:
        return None


def any_cue(cues: tuple[str, ...], text: str, start: int = 0, end: int | None = None) -> bool:
    """True when one of the (expanded) cues matches somewhere in text[start:end]."""
    end = len(text) if end is None else end
    joined = compile_any(cues)
    if joined is not None:
        return joined.search(text, start, end) is not None
    return any(compile_cue(c).search(text, start, end) for c in cues)


def first_cue_match(
    cues: tuple[str, ...], text: str, start: int, end: int
) -> tuple[int, int] | None:
    """The span of the leftmost cue match in text[start:end] (the longest at that start)."""
    joined = compile_any(cues)
    if joined is None:
        hits = [m for c in cues if (m := compile_cue(c).search(text, start, end))]
    else:
        m = joined.search(text, start, end)
        if m is None:
            return None
        # The joined pattern finds the leftmost start; each cue matched there gives its end.
        at = m.start()
        hits = [m for c in cues if (m := compile_cue(c).match(text, at, end))]
    if not hits:
        return None
    first = min(hits, key=lambda m: (m.start(), -m.end()))
    return first.start(), first.end()


def _unknown_keys(shown: str, data: dict, allowed: tuple[str, ...], where: str = "") -> None:
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise AreaError(f"{shown}: unknown key '{key}'{where}{hint}")


def _text(shown: str, data: dict, key: str, where: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise AreaError(f"{shown}: '{key}'{where} must be a non-empty string")
    return value.strip()


def _cues(
    shown: str, data: dict, key: str, where: str = "", required: bool = True, check: bool = True
) -> tuple:
    value = data.get(key, [] if not required else None)
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise AreaError(f"{shown}: '{key}'{where} must be a list of regular expressions")
    if required and not value:
        raise AreaError(f"{shown}: '{key}'{where} must not be empty")
    out = []
    for cue in value:
        full = expand(cue)
        if not check:
            out.append(full)
            continue
        try:
            compile_cue(full)
        except re.error as exc:
            raise AreaError(f"{shown}: bad regex in '{key}'{where}: {cue!r}: {exc}") from None
        out.append(full)
    return tuple(out)


def _element(shown: str, data: object, n: int, check: bool = True) -> Element:
    if not isinstance(data, dict):
        raise AreaError(f"{shown}: [[elements]] entry {n} must be a table")
    where = f" of element {data.get('id', n)!s}"
    _unknown_keys(shown, data, _ELEMENT_KEYS, where)
    scope = data.get("scope", "area")
    if scope not in ELEMENT_SCOPES:
        raise AreaError(f"{shown}: 'scope'{where} must be one of {', '.join(ELEMENT_SCOPES)}")
    return Element(
        id=_text(shown, data, "id", where),
        title=_text(shown, data, "title", where),
        description=_text(shown, data, "description", where),
        cues=_cues(shown, data, "cues", where, check=check),
        expect=_text(shown, data, "expect", where),
        scope=scope,
    )


def parse_area(area_id: str, data: dict, shown: str, check: bool = True) -> Area:
    """Validate the parsed TOML of one area file and build the Area.

    With check=False the cues' regular expressions are not compiled here (they compile on first
    use); the shipped files are checked that way by the test suite instead of on every run.
    """
    _unknown_keys(shown, data, _AREA_KEYS)
    raw = data.get("elements", [])
    if not isinstance(raw, list) or not raw:
        raise AreaError(f"{shown}: at least one [[elements]] entry is required")
    elements = tuple(_element(shown, e, i + 1, check) for i, e in enumerate(raw))
    ids = [e.id for e in elements]
    if len(set(ids)) != len(ids):
        raise AreaError(f"{shown}: duplicate element id in {ids}")
    return Area(
        id=area_id,
        title=_text(shown, data, "title"),
        description=_text(shown, data, "description"),
        heading_cues=_cues(shown, data, "heading_cues", check=check),
        body_cues=_cues(shown, data, "body_cues", required=False, check=check),
        elements=elements,
    )


def load_area_file(path: Path, shown: str | None = None, check: bool = True) -> Area:
    """Read one rules/areas/<id>.toml file (check=False: leave its regexes to first use)."""
    shown = shown or str(path)
    area_id = path.stem
    if area_id not in AREA_IDS:
        close = difflib.get_close_matches(area_id, AREA_IDS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise AreaError(f"{shown}: unknown area id '{area_id}'{hint}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise AreaError(f"{shown}: invalid TOML: {exc}") from None
    return parse_area(area_id, data, shown, check)


def _builtin_dir() -> Path:
    return Path(str(resources.files("bpo_lint") / "rules" / "areas"))


def _area_dir(extra: str) -> Path:
    # A user pack has the same layout as rules/ (areas under areas/); a bare folder works too.
    root = Path(extra)
    return root / "areas" if (root / "areas").is_dir() else root


@functools.lru_cache(maxsize=16)
def load_areas(extra_dirs: tuple[str, ...] = ()) -> tuple[Area, ...]:
    """The eight areas in AREAS.md order; a file in an extra dir replaces the built-in one."""
    # The shipped files' regexes are compiled by a test, not on every run (they cost ~0.1 s);
    # a user's files are compiled now, so that a bad regex is reported with its file name.
    paths = {p.stem: (p, f"rules/areas/{p.name}", False) for p in _builtin_dir().glob("*.toml")}
    for extra in extra_dirs:
        for p in sorted(_area_dir(extra).glob("*.toml")):
            paths[p.stem] = (p, str(p), True)
    areas = {
        stem: load_area_file(p, shown, check) for stem, (p, shown, check) in sorted(paths.items())
    }
    missing = [a for a in AREA_IDS if a not in areas]
    if missing:
        raise AreaError(f"rules/areas: missing area file(s): {', '.join(missing)}")
    return tuple(areas[a] for a in AREA_IDS)


def area_by_id(area_id: str, extra_dirs: tuple[str, ...] = ()) -> Area:
    """The area with this id (KeyError when unknown)."""
    for area in load_areas(extra_dirs):
        if area.id == area_id:
            return area
    raise KeyError(area_id)
