"""The area definitions: loading, validation errors, and what the cues match."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bpo_lint.areas import (
    AREA_IDS,
    AreaError,
    _builtin_dir,
    any_cue,
    compile_any,
    compile_cue,
    expand,
    first_cue_match,
    load_areas,
)
from bpo_lint.nlp.headings import heading_areas

AREAS = load_areas()
BY_ID = {a.id: a for a in AREAS}


def _element_matches(area_id: str, element_id: str, text: str) -> bool:
    element = BY_ID[area_id].element(element_id)
    return any(compile_cue(c).search(text) for c in element.cues)


def test_eight_areas_in_areas_md_order_with_elements():
    assert tuple(a.id for a in AREAS) == AREA_IDS
    assert [e.id for e in BY_ID["termination_transition"].elements] == [
        "term",
        "termination_for_cause",
        "termination_for_convenience",
        "notice_period",
        "transition_assistance",
        "return_of_data",
    ]
    for area in AREAS:
        assert area.title and area.description and area.heading_cues
        for element in area.elements:
            assert element.expect.endswith(".") and element.cues


@pytest.mark.parametrize(
    ("heading", "area"),
    [
        ("Termination", "termination_transition"),
        ("12.3 Termination for Convenience.", "termination_transition"),
        ("Term and Renewal", "termination_transition"),
        ("Service Levels", "service_levels"),
        ("Fees", "pricing_payment"),
        ("Payment Terms", "pricing_payment"),
        ("Confidentiality", "confidentiality_data_protection"),
        ("Governing Law", "governance_dispute_resolution"),
        ("Dispute Resolution", "governance_dispute_resolution"),
        ("Intellectual Property Rights", "intellectual_property"),
        ("Audit Rights", "compliance_regulatory"),
        ("Scope of Services", "scope_of_services"),
    ],
)
def test_heading_cues_recognise_common_headings(heading, area):
    assert area in heading_areas(heading, AREAS)


def test_payment_terms_heading_is_not_a_term_heading():
    assert "termination_transition" not in heading_areas("Payment Terms", AREAS)
    assert heading_areas("Counterparts", AREAS) == ()


@pytest.mark.parametrize(
    ("area", "element", "text", "expected"),
    [
        (
            "termination_transition",
            "notice_period",
            "either party may terminate on ninety (90) days' prior written notice",
            True,
        ),
        ("termination_transition", "notice_period", "either party may terminate by notice", False),
        (
            "pricing_payment",
            "payment_terms",
            "invoices are payable within 30 days of receipt",
            True,
        ),
        ("pricing_payment", "payment_terms", "the Customer shall pay the fees", False),
        ("service_levels", "metrics", "availability of 99.5% in each calendar month", True),
        (
            "service_levels",
            "metrics",
            "respond to Severity 1 incidents within four (4) hours",
            True,
        ),
        ("service_levels", "metrics", "the Supplier shall respond promptly to incidents", False),
        (
            "governance_dispute_resolution",
            "governing_law",
            "This Agreement is governed by the laws of the State of New York.",
            True,
        ),
        ("compliance_regulatory", "industry_standards", "maintain ISO 27001 certification", True),
    ],
)
def test_element_cues(area, element, text, expected):
    assert _element_matches(area, element, text) is expected


def test_shorthands_expand_numbers_in_words_and_digits():
    duration = compile_cue(expand(r"\bwithin %DURATION%"))
    for text in ("within thirty (30) days", "within 5 business days", "within forty-five days"):
        assert duration.search(text), text
    assert not duration.search("within the period")


def _copy_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "areas"
    shutil.copytree(_builtin_dir(), folder)
    return folder


def test_every_shipped_cue_compiles():
    # Built-in area files are not compiled at load (start-up time), so this test is their check.
    cues = [
        cue
        for area in AREAS
        for cue in (
            *area.heading_cues,
            *area.body_cues,
            *(c for e in area.elements for c in e.cues),
        )
    ]
    assert len(cues) > 100
    for cue in cues:
        assert isinstance(compile_cue(cue), re.Pattern), cue


def test_number_lookahead_keeps_every_number_form():
    duration = compile_cue(expand(r"%DURATION%"))
    for text in (
        "30 days",
        "Thirty (30) days",
        "one hundred and twenty days",
        "EIGHT hours",
        "1,5 months",
        "seven weeks",
        "sixty (60) business days",
        "nine years",
    ):
        assert duration.fullmatch(text), text


def test_joined_cues_find_what_the_cues_find_one_by_one():
    text = "The Supplier shall give ninety (90) days notice. Fees are due within 30 days."
    for area in AREAS:
        for element in area.elements:
            assert compile_any(element.cues) is not None, element.id
            one_by_one = [m for c in element.cues if (m := compile_cue(c).search(text, 0, 60))]
            expected = min(one_by_one, key=lambda m: (m.start(), -m.end())) if one_by_one else None
            span = first_cue_match(element.cues, text, 0, 60)
            assert span == ((expected.start(), expected.end()) if expected else None), element.id
            assert any_cue(element.cues, text, 0, 60) == bool(one_by_one)


def test_leftmost_cue_match_is_the_longest_at_that_start():
    assert first_cue_match(("notice", "notice period", "period"), "a notice period", 0, 15) == (
        2,
        15,
    )
    assert first_cue_match(("xyz",), "a notice period", 0, 15) is None


@pytest.mark.parametrize("cue", [r"(\w+) \1", r"(?P<w>\w+) (?P=w)", "(?i)ab"])
def test_cues_that_cannot_be_joined_are_tried_one_by_one(cue):
    cues = ("zzz", cue)
    assert compile_any(cues) is None
    assert any_cue(cues, "say ab ab again")
    assert first_cue_match(cues, "say ab ab again", 0, 15) is not None


def test_extra_dir_overrides_an_area(tmp_path):
    folder = _copy_pack(tmp_path)
    path = folder / "service_levels.toml"
    path.write_text(
        path.read_text().replace(
            'title = "Service levels and quality standards"', 'title = "SLAs"'
        ),
        encoding="utf-8",
    )
    areas = load_areas((str(tmp_path),))
    assert {a.id: a.title for a in areas}["service_levels"] == "SLAs"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda s: s.replace("heading_cues =", "heading_cuez ="),
            r"service_levels\.toml: unknown key 'heading_cuez' \(did you mean 'heading_cues'\?\)",
        ),
        (
            lambda s: s.replace(r"'\bsla?s?\b'", "'(unclosed'").replace(
                r"'\bslas?\b'", "'(unclosed'"
            ),
            r"service_levels\.toml: bad regex in 'heading_cues': '\(unclosed'",
        ),
        (
            lambda s: s.replace('id = "metrics"', 'id = "metrics"\nexpected = "x"'),
            r"unknown key 'expected' of element metrics \(did you mean 'expect'\?\)",
        ),
        (lambda s: s.replace("title = ", "title = 3 #", 1), r"'title' must be a non-empty string"),
    ],
)
def test_validation_errors_name_the_file(tmp_path, change, message):
    folder = _copy_pack(tmp_path)
    path = folder / "service_levels.toml"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(AreaError, match=message):
        load_areas((str(tmp_path),))


def test_unknown_area_file_gets_a_suggestion(tmp_path):
    folder = _copy_pack(tmp_path)
    shutil.copy(folder / "service_levels.toml", folder / "service_level.toml")
    with pytest.raises(AreaError, match=re.escape("did you mean 'service_levels'?")):
        load_areas((str(tmp_path),))


def test_areas_module_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys, bpo_lint.areas; bpo_lint.areas.load_areas(); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
