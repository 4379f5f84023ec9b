"""analyse() with the shipped pipeline, on our fixtures and on a training-corpus contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bpo_lint.areas import AREA_IDS, load_areas
from bpo_lint.nlp import analyse, pipeline_available
from bpo_lint.readers import read_document
from bpo_lint.readers.text import document_from_string
from bpo_lint.sections import split_sections

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"
needs_pipeline = pytest.mark.skipif(not pipeline_available(), reason="no shipped pipeline")


def _analysed(path: Path):
    doc = split_sections(read_document(str(path)))
    return doc, analyse(doc)


def test_importing_nlp_does_not_import_spacy():
    code = "import sys, bpo_lint.nlp; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@needs_pipeline
def test_good_msa_covers_every_area():
    path = FIXTURES / "good-msa.md"
    if not path.is_file():
        pytest.skip("fixtures/good-msa.md not present")
    doc, analysis = _analysed(path)
    assert len(analysis.labels) == len(doc.sections)
    assert tuple(analysis.coverage) == AREA_IDS
    for area in load_areas():
        cov = analysis.coverage[area.id]
        assert cov.status == "covered", (area.id, cov.elements)
        assert set(cov.elements) == {e.id for e in area.elements}
        for start, end in cov.element_spans.values():
            assert 0 <= start < end <= len(doc.text)


@needs_pipeline
def test_deficient_msa_gaps():
    path = FIXTURES / "deficient-msa.md"
    if not path.is_file():
        pytest.skip("fixtures/deficient-msa.md not present")
    _doc, analysis = _analysed(path)
    cov = analysis.coverage
    # Its only trace of service levels is a monthly volume report (Schedule 1(c)): no numeric
    # level and no remedy. AREAS.md counts reporting as part of the area, so "partial" is a fair
    # reading; "missing" would be too. What must never happen is a level or remedy appearing.
    levels = cov["service_levels"]
    assert levels.status != "covered"
    assert not levels.elements["metrics"] and not levels.elements["remedies"]
    assert cov["governance_dispute_resolution"].status != "covered"
    term = cov["termination_transition"]
    assert term.status == "partial"
    assert not term.elements["transition_assistance"] and not term.elements["return_of_data"]
    assert not cov["pricing_payment"].elements["late_payment_or_penalties"]


def _without_area(doc, analysis, area: str) -> str:
    spans = sorted(
        (s.start, s.end)
        for s, label in zip(doc.sections, analysis.labels, strict=True)
        if area in label.areas
    )
    keep, pos = [], 0
    for start, end in spans:
        if start > pos:
            keep.append(doc.text[pos:start])
        pos = max(pos, end)
    keep.append(doc.text[pos:])
    return "".join(keep)


TRAIN_CONTRACT = "ABILITYINC_06_15_2020-EX-4.25-SERVICES AGREEMENT.txt"


def _source(corpus_dir: Path | None, which: str) -> tuple[str, bool]:
    if which == "good-msa":
        path = FIXTURES / "good-msa.md"
        markdown = True
    else:
        if corpus_dir is None or not corpus_dir.is_dir():
            pytest.skip("../shared/corpus is not present")
        path = corpus_dir / "train" / "cuad-txt" / TRAIN_CONTRACT
        markdown = False
    if not path.is_file():
        pytest.skip(f"{path.name} not present")
    return path.read_text(encoding="utf-8"), markdown


@needs_pipeline
@pytest.mark.parametrize("which", ["good-msa", "training-contract"])
@pytest.mark.parametrize("area", AREA_IDS)
def test_deleting_the_covering_sections_makes_an_area_missing(which, area):
    text, markdown = _source(REPO / ".." / "shared" / "corpus", which)
    doc = split_sections(document_from_string(text, which, markdown))
    analysis = analyse(doc)
    if analysis.coverage[area].status == "missing":
        assert which == "training-contract", "the good MSA covers every area"
        pytest.skip(f"{area} is not found in the training contract to begin with")
    for _ in range(2):
        # Once sections go, what is left is re-sectioned: a recital can lose the heading that
        # kept it out of an area, so a second deletion round is allowed (never more).
        text = _without_area(doc, analysis, area)
        assert len(text) < len(doc.text)
        doc = split_sections(document_from_string(text, which, markdown))
        analysis = analyse(doc)
        if analysis.coverage[area].status == "missing":
            break
    assert analysis.coverage[area].status == "missing"


@needs_pipeline
def test_short_markdown_example_is_judged_by_its_heading():
    doc = split_sections(
        document_from_string(
            "# Agreement\n\n## 1. Confidentiality\n\nEach party keeps the other's secrets.\n",
            "<t>",
            markdown=True,
        )
    )
    cov = analyse(doc).coverage
    assert cov["confidentiality_data_protection"].status != "missing"
    # Its only trace of service levels is a monthly volume report (Schedule 1(c)): no numeric
    # level and no remedy. AREAS.md counts reporting as part of the area, so "partial" is a fair
    # reading; "missing" would be too. What must never happen is a level or remedy appearing.
    levels = cov["service_levels"]
    assert levels.status != "covered"
    assert not levels.elements["metrics"] and not levels.elements["remedies"]


@needs_pipeline
def test_miscellaneous_is_judged_clause_by_clause():
    text = (
        "# Services Agreement\n\n## 1. Services\n\nThe Supplier shall provide the services.\n\n"
        "## 2. Miscellaneous\n\nThis Agreement may be signed in counterparts. Any notice under "
        "this Agreement must be in writing and delivered by hand or by courier to the address "
        "of the receiving party. Neither party may assign this Agreement without consent. This "
        "Agreement and any dispute arising out of it shall be governed by and construed in "
        "accordance with the laws of the State of New York, and the parties submit to the "
        "exclusive jurisdiction of the state and federal courts located in New York County.\n"
    )
    doc = split_sections(document_from_string(text, "<t>", markdown=True))
    misc = next(i for i, s in enumerate(doc.sections) if s.title == "Miscellaneous")
    analysis = analyse(doc)
    assert "governance_dispute_resolution" in analysis.labels[misc].areas
    gov = analysis.coverage["governance_dispute_resolution"]
    assert gov.elements["governing_law"] and gov.elements["dispute_mechanism"]
