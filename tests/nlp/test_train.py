"""The training command end to end on the tiny built-in set (seconds, no corpus, no network)."""

from __future__ import annotations

import json

import pytest

from bpo_lint.areas import AREA_IDS
from bpo_lint.model import Block, Document
from bpo_lint.nlp import analyse, pipeline_available
from bpo_lint.nlp.model import MANIFEST_FILE, THRESHOLDS_FILE, chunks
from bpo_lint.nlp.train import f1_at, file_hashes, main


@pytest.fixture(scope="module")
def tiny_pipeline(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny") / "pipeline"
    assert main(["--tiny", "--out", str(out)]) == 0
    return out


def test_tiny_training_writes_a_loadable_pipeline_and_manifest(tiny_pipeline):
    assert pipeline_available(tiny_pipeline)
    manifest = json.loads((tiny_pipeline / MANIFEST_FILE).read_text())
    assert manifest["files"] == file_hashes(tiny_pipeline)
    assert THRESHOLDS_FILE in manifest["files"]
    assert manifest["seed"] == 1207 and manifest["spacy_version"]
    assert len(manifest["config_sha256"]) == 64
    assert manifest["counts"]["train"]["written"]["none"] == 2


def test_tiny_pipeline_analyses_a_document(tiny_pipeline):
    lines = ["1. Termination", "Either party may terminate on 30 days' written notice."]
    doc = Document.from_blocks("<t>", "text", [Block(t, line=i + 1) for i, t in enumerate(lines)])
    from bpo_lint.sections import split_sections

    doc = split_sections(doc)
    analysis = analyse(doc, tiny_pipeline)
    assert len(analysis.labels) == len(doc.sections)
    assert tuple(analysis.coverage) == AREA_IDS
    assert analysis.coverage["termination_transition"].status != "missing"


def test_tiny_needs_an_output_folder():
    with pytest.raises(SystemExit):
        main(["--tiny"])


def test_chunks_cut_long_text_between_words():
    text = " ".join(["word"] * 1500)
    pieces = chunks(text)
    assert len(pieces) == 4 and all(len(p) <= 2000 for p in pieces)
    assert all(not p.startswith(" ") and "wor " not in p for p in pieces)


def test_f1_at_threshold():
    assert f1_at([0.9, 0.2, 0.6], [True, False, False], 0.5) == pytest.approx(2 / 3)
    assert f1_at([0.9, 0.2, 0.6], [True, False, False], 0.7) == 1.0


def test_saved_config_names_no_temporary_files(tiny_pipeline):
    config = (tiny_pipeline / "config.cfg").read_text()
    assert "train = null" in config and "dev = null" in config
    assert "/tmp" not in config and ".spacy" not in config
