"""Helpers for the drafting-hygiene rule tests: a sectioned document and one rule's findings."""

from __future__ import annotations

from functools import cache

from bpo_lint.engine import run_rules
from bpo_lint.kinds.base import Context
from bpo_lint.model import Document, Finding
from bpo_lint.pack import load_pack
from bpo_lint.readers.text import document_from_string
from bpo_lint.sections import split_sections


@cache
def _rules() -> dict:
    return {r.id: r for r in load_pack().rules}


def rule(rule_id: str):
    """The built-in rule with this id."""
    return _rules()[rule_id]


def doc_of(text: str) -> Document:
    """A Markdown snippet read and sectioned as a user's file would be."""
    return split_sections(document_from_string(text, path="<test>", markdown=True))


def findings(rule_id: str, text: str | Document, **ctx) -> list[Finding]:
    """The findings of one built-in rule on a snippet (or a ready document)."""
    doc = doc_of(text) if isinstance(text, str) else text
    return list(run_rules([rule(rule_id)], Context(doc=doc, **ctx), strict=True))


def clauses(*bodies: str) -> str:
    """Three or more numbered articles, one clause each: enough numbering to trust references."""
    parts = [f"## {i}. Article {i}\n\n{i}.1 {body}" for i, body in enumerate(bodies, 1)]
    return "\n\n".join(parts)
