"""The existence kind: matching, and each context option that excuses a match."""

from __future__ import annotations

import re

import pytest

from bpo_lint.kinds.base import Context, Rule
from bpo_lint.kinds.existence import ExistenceOptions, check
from bpo_lint.model import Block, Document


def doc_of(text: str) -> Document:
    """A plain-text document, one block per line."""
    lines = text.split("\n")
    return Document.from_blocks(
        "t.txt", "text", [Block(t, line=i + 1) for i, t in enumerate(lines)]
    )


def run(text: str, allowed=frozenset(), **options):
    """Findings of an existence rule with these options on `text`."""
    rule = Rule("t.rule", "existence", "{match} ({count})", "warning", "vague", None)
    rule = Rule(**{**rule.__dict__, "options": ExistenceOptions(**options)})
    return list(check(rule, Context(doc_of(text), allowed_terms=allowed)))


def test_tokens_match_whole_words_across_line_breaks_and_case():
    found = run("use best\nEfforts; bestefforts; best efforts", tokens=("best efforts",))
    assert [(f.location.line, f.excerpt) for f in found] == [
        (1, "best Efforts"),
        (2, "best efforts"),
    ]
    assert found[0].message == "best Efforts (2)"


def test_longest_token_wins():
    found = run(
        "commercially reasonable efforts",
        tokens=("reasonable efforts", "commercially reasonable efforts"),
    )
    assert [f.excerpt for f in found] == ["commercially reasonable efforts"]


def test_unless_after_checks_only_the_rest_of_the_sentence():
    opts = {"tokens": ("promptly",), "unless_after": r"\bwithin\s+\d"}
    assert run("Notify promptly, and in any event within 2 days.", **opts) == []
    found = run("Notify promptly. Pay within 2 days.", **opts)
    assert [f.excerpt for f in found] == ["promptly"]


def test_unless_before_and_unless_line():
    assert (
        run("It shall terminate forthwith.", tokens=("forthwith",), unless_before=r"terminate\s*$")
        == []
    )
    assert run("By: ____", patterns=("_{4,}",), unless_line=r"^By:") == []


def test_unless_document_silences_the_rule():
    opts = {"tokens": ("material breach",), "unless_document": r'"Material Breach" means'}
    assert run('"Material Breach" means X.\nA material breach occurs.', **opts) == []
    assert len(run("A material breach occurs.", **opts)) == 1


def test_quoted_terms_and_defined_terms_are_skipped():
    assert run('"Best Efforts" is used here.', tokens=("best efforts",)) == []
    text = "Best Efforts means listed steps.\nUse best efforts."
    assert run(text, tokens=("best efforts",), skip_defined=True) == []
    assert len(run(text, tokens=("best efforts",))) == 2


def test_once_gives_one_finding_with_related_locations():
    found = run("herein\nhereof\nherein", tokens=("herein", "hereof"), once=True)
    assert len(found) == 1
    assert found[0].message == "herein (3)"
    assert [loc.line for loc in found[0].related] == [2, 3]


def test_max_findings_and_allow_list():
    assert len(run("TBD TBD TBD", patterns=("TBD",), max_findings=2)) == 2
    assert (
        run("Best  efforts.", tokens=("best efforts",), allowed=frozenset({"best efforts"})) == []
    )


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({}, "give at least one of"),
        ({"patterns": ("(",)}, "bad regex"),
        ({"tokens": ("a",), "unless_after": "["}, "bad regex in 'unless_after'"),
        ({"tokens": ("a",), "once": "yes"}, "'once' must be true or false"),
    ],
)
def test_bad_options_raise_value_error(options, error):
    with pytest.raises(ValueError, match=error):
        ExistenceOptions(**options)


def test_group_within_joins_a_run_of_the_same_words():
    rows = "\n".join(f"| Service {i} | {i},000 | TBD |" for i in range(5))
    text = f"{rows}\n\n{'Other terms apply. ' * 80}\n\nThe go-live date is TBD."
    found = run(text, patterns=(r"\bTBD\b",), ignorecase=False, group_within=200)
    assert [(f.location.line, len(f.related)) for f in found] == [(1, 4), (9, 0)]
    assert [r.line for r in found[0].related] == [2, 3, 4, 5]


def test_group_within_keeps_different_words_apart():
    found = run("TBD and TBC and TBD", patterns=(r"TBD|TBC",), group_within=100)
    assert [(f.excerpt, len(f.related)) for f in found] == [("TBD", 1), ("TBC", 0)]


def test_group_within_must_be_a_whole_number():
    with pytest.raises(ValueError, match="group_within"):
        ExistenceOptions(tokens=("x",), group_within=-1)


def test_first_chars_of_patterns():
    from bpo_lint.kinds.existence import first_chars

    assert first_chars((r"\b(?:sole|absolute)\s+discretion", r"\bTBD\b"), 0) == {"s", "a", "T"}
    assert first_chars((r"(?<![\w$])(?:XX+|xx+)", r"\$\s?X"), 0) == {"X", "x", "$"}
    assert first_chars((r"[a-c]?d",), 0) == {"a", "b", "c", "d"}
    assert first_chars((r"x*",), 0) is None  # may match nothing: no prefilter
    assert first_chars((r"[^a]b",), 0) is None
    assert first_chars((r"\w+",), 0) is None


def test_prefilter_changes_speed_not_matches():
    from bpo_lint.kinds.existence import with_prefilter

    patterns = (r"\bhere(?:in|of|under)\b", r"\bsaid\s+(?=[A-Z])", r"\bTBD\b")
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    fast = with_prefilter(plain, patterns)
    assert fast.pattern.startswith("(?=[")
    text = "Herein, said Services; TBD; hereunder. sAID Party; tbd: HEREOF said x. herein_x"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    # a pattern starting with a fixed symbol is already fast and left as it is
    brackets = re.compile(r"\[\s*\*\s*\]")
    assert with_prefilter(brackets, (brackets.pattern,)) is brackets
