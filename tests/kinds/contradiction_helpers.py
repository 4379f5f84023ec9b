"""Helpers shared by the contradiction-kind tests: a sectioned document and a loaded rule."""

from __future__ import annotations

from functools import cache

from bpo_lint.kinds import KINDS
from bpo_lint.kinds.base import Context, Rule
from bpo_lint.model import Document, Finding
from bpo_lint.readers.text import document_from_string
from bpo_lint.sections import split_sections


def doc_of(text: str) -> Document:
    """Read `text` as Markdown and split it into sections, as the CLI would."""
    return split_sections(document_from_string(text, path="<test>", markdown=True))


@cache
def pack():
    """The built-in rule pack, loaded once."""
    from bpo_lint.pack import load_pack

    return load_pack()


def rule(rule_id: str) -> Rule:
    """A rule of the built-in pack, e.g. "contradictions.termination-notice"."""
    found = pack().get(rule_id)
    assert found is not None, f"{rule_id} is not in the built-in pack"
    return found


def run(rule_id: str, text: str) -> list[Finding]:
    """The findings of one built-in rule on `text`."""
    r = rule(rule_id)
    return list(KINDS[r.kind].check(r, Context(doc_of(text))))
