"""`json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte, about twice as fast.

With `indent` set, the standard library falls back to its pure-Python encoder, a generator per
nesting level; a report of a long agreement has a million values, so it spent more time
encoding than a cached run spent on everything else. This writer appends to one list, looks
scalars up by exact type and encodes each repeated key once.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

_INF = float("inf")


def _float(value: float) -> str:
    if value != value or value in (_INF, -_INF):
        return json.dumps(value)  # NaN and Infinity, spelt as the standard library does
    return float.__repr__(value)


_SCALARS = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda v: "true" if v else "false",
    type(None): lambda _: "null",
}


def dumps_indented(value: object, indent: int = 2) -> str:
    """The same text as json.dumps(value, indent=indent, ensure_ascii=False)."""
    out: list[str] = []
    _write(value, out, "\n", " " * indent, {})
    return "".join(out)


def _write(value: object, out: list[str], newline: str, step: str, keys: dict) -> None:
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        out.append(scalar(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + step
        sep = "{" + inner
        for key, item in value.items():
            name = keys.get(key) if type(key) is str else None
            if name is None:
                name = keys[key] = encode_basestring(_key(key)) + ": "
            scalar = _SCALARS.get(type(item))
            if scalar is not None:
                out.append(sep + name + scalar(item))
            else:
                out.append(sep + name)
                _write(item, out, inner, step, keys)
            sep = "," + inner
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + step
        sep = "[" + inner
        for item in value:
            scalar = _SCALARS.get(type(item))
            if scalar is not None:
                out.append(sep + scalar(item))
            else:
                out.append(sep)
                _write(item, out, inner, step, keys)
            sep = "," + inner
        out.append(newline + "]")
    else:
        out.append(_subclass_scalar(value))


def _subclass_scalar(value: object) -> str:
    # Subclasses of the JSON types (an IntEnum, a str subclass), as the standard library does.
    for kind in (str, bool, int, float):
        if isinstance(value, kind):
            return _SCALARS[kind](value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: object) -> str:
    # The standard library's conversions for non-string keys.
    if isinstance(key, str):
        return key
    if key is True or key is False or key is None:
        return _SCALARS[type(key)](key)
    if isinstance(key, int | float):
        return _subclass_scalar(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
