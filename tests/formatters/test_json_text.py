"""The fast indented JSON writer: the same text as json.dumps(indent=2, ensure_ascii=False)."""

from __future__ import annotations

import enum
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpo_lint.formatters.json_text import dumps_indented


class Level(enum.IntEnum):
    LOW = 1


def _std(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [[]], "d": [{}]},
        {"ü “q” \n\t\\ \u2028": "é\x00\x1f", "n": None, "t": True, "f": False},
        {"floats": [0.1, 1e-7, 1e22, -0.0, 0.35, 2.5e-320, float("nan"), float("inf")]},
        {"ints": [0, -1, 10**30, True, Level.LOW]},
        {1: "int key", 2.5: "float key", None: "none key", False: "bool key"},
        ("a", ("b", {"c": ("d",)})),
        "just a string",
        3,
    ],
)
def test_same_text_as_the_standard_library(value):
    assert dumps_indented(value) == _std(value)


scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(values)
def test_same_text_for_any_json_value(value):
    assert dumps_indented(value) == _std(value)


def test_unserialisable_values_raise_type_error_like_the_standard_library():
    with pytest.raises(TypeError):
        dumps_indented({"a": object()})
    with pytest.raises(TypeError):
        dumps_indented({(1, 2): "tuple key"})
