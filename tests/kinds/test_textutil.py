"""The fast scans of the core kinds: each finds exactly what the plain form of its regex finds.

A regex that opens with a look-behind, an anchor or a case-insensitive word makes Python's
engine try every offset of a long agreement. The kinds rewrite such patterns (the literal first,
its look-behind after) or try only the offsets where a match may begin; these tests hold the
rewritten forms to the plain ones, on random mixes of the pieces contracts are made of.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bpo_lint.kinds import capitalised, labels, parties, references, structure
from bpo_lint.kinds.base import Context
from bpo_lint.kinds.textutil import finditer_at, line_starts
from bpo_lint.model import Block, Document

PIECES = (
    "Section", "SECTION", "section", "Sections", "Clause", "Article", "ſchedule", "Schedule",
    "Exhibit", "Annex", "A", "IV", "1", "12", "1.2", "4.02", "3.", "(a)", " ", "  ", "\n",
    "\n\n", ".", ":", ";", ",", "-", '"', "“", "(", ")", "The", "the", "means", "Vendor", "Acme",
    "Corp.", "$", "%", "\t", "Term", "Fee", "x", "article", "# ", "*", "II",
)  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_reference_scan_matches_the_plain_regex(text):
    starts = (m.start() for m in references._REF_START.finditer(text))
    assert spans(finditer_at(references._REF, text, starts)) == spans(
        references._REF.finditer(text)
    )


@settings(max_examples=300, deadline=None)
@given(texts)
def test_label_scans_match_their_plain_forms(text):
    assert spans(labels._runin_sections(text)) == spans(labels._RUNIN_SECTION.finditer(text))
    lines = [0, *(m.end() for m in re.finditer("\n", text))]
    for line_pattern in (labels._LINE_NUM, labels._LINE_ART, labels._LINE_ATT):
        assert spans(finditer_at(line_pattern, text, lines)) == spans(line_pattern.finditer(text))
    bare = r"(?<![\w.$€£,/-])(?:\d{1,3}(?:\.\d{1,3})+|\d{1,2}(?=\.\s+[A-Z]))(?![\w%]|\.\d|,\d)"
    assert spans(labels._BARE_NUM.finditer(text)) == spans(re.finditer(bare, text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_capitalised_scans_match_their_plain_forms(text):
    in_passing = "(?<![\\w-])" + capitalised._IN_PASSING.pattern.replace("(?<![\\w-].)", "", 1)
    means = "(?:^|(?<=[\\s(]))" + capitalised._MEANS_PLAIN.pattern.replace("(?<![^\\s(].)", "", 1)
    assert spans(capitalised._IN_PASSING.finditer(text)) == spans(re.finditer(in_passing, text))
    assert spans(capitalised._MEANS_PLAIN.finditer(text)) == spans(re.finditer(means, text, re.M))
    runin = finditer_at(capitalised._RUNIN, text, capitalised._runin_starts(text))
    assert spans(runin) == spans(capitalised._RUNIN.finditer(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_structure_and_party_scans_match_their_plain_forms(text):
    sentence = r"\b[a-z]+ [a-z]+ [a-z]+ [a-z]+ [a-z]+\b"
    assert bool(structure._SENTENCE.search(text)) == bool(re.search(sentence, text))
    line = text.split("\n")[0].strip()
    contents = r"\s\d{1,3}$|(?:\s\d{1,3}\.\d{1,3}\s.*){2}"
    assert bool(structure._CONTENTS_LINE.search(line)) == bool(re.search(contents, line))
    plain = r"(?<![\w.])1\.2(?!\d|\.\d)"
    assert structure._label_in_text(text, "1.2") == bool(re.search(plain, text))
    role = r"(?<![\w\"“'-])Vendor(?![\w\"”-]|\s+[A-Z])"
    found = [m.span() for m in re.finditer(role, text)]
    assert spans(parties._role_uses(text, "Vendor")) == [
        s for s in found if parties._THE_BEFORE.search(text, max(0, s[0] - 6), s[0])
    ]


def test_reference_starts_cover_every_letter_that_matches_ignoring_case():
    firsts = {w[0] for w in references._WORDS}
    same = {chr(i) for i in range(0x10000) for f in firsts if re.fullmatch(f"(?i:{f})", chr(i))}
    assert same == set(references._FIRST)  # "ſ" (long s) is an "s" to the engine


def test_finditer_at_stops_at_endpos_and_skips_overlaps():
    text = "1.1 a\n1.2 b\n1.3 c"
    pattern = re.compile(r"^\d\.\d \w", re.M)
    assert spans(finditer_at(pattern, text, [0, 2, 6, 12], endpos=14)) == [(0, 5), (6, 11)]
    assert spans(finditer_at(pattern, text, [0, 6, 12])) == spans(pattern.finditer(text))


def test_line_starts_are_computed_once_per_document():
    doc = Document.from_blocks("x.txt", "text", [Block("ab"), Block(""), Block("cd")])
    ctx = Context(doc=doc)
    assert line_starts(ctx) == [0, 3, 4] and line_starts(ctx) is line_starts(ctx)
