"""lint.py details that the end-to-end tests would not pin down on their own."""

from __future__ import annotations

from dataclasses import fields, replace

from bpo_lint.lint import _without_section
from bpo_lint.model import Location


def test_a_section_span_keeps_every_location_field_but_the_section_and_end():
    full = Location(
        **{
            f.name: (f"s{i}" if f.name == "section" else i + 1)
            for i, f in enumerate(fields(Location))
        }
    )
    expected = replace(full, section=None, end_line=None, end_column=None)
    assert _without_section(full) == expected
