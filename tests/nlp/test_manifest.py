"""The shipped pipeline is what the training command wrote, and nothing of corpus/eval is in it."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from bpo_lint.nlp.model import MANIFEST_FILE, pipeline_available, pipeline_dir
from bpo_lint.nlp.train import file_hashes

PIPELINE = pipeline_dir()
pytestmark = pytest.mark.skipif(not pipeline_available(), reason="no shipped pipeline")


def _manifest() -> dict:
    return json.loads((PIPELINE / MANIFEST_FILE).read_text(encoding="utf-8"))


def test_shipped_files_match_the_manifest():
    assert file_hashes(PIPELINE) == _manifest()["files"]


def test_pipeline_is_small_enough():
    total = sum(p.stat().st_size for p in PIPELINE.rglob("*") if p.is_file())
    assert total <= 30 * 1024 * 1024


def test_manifest_records_how_it_was_made():
    manifest = _manifest()
    config = PIPELINE.parent / manifest["config"]
    assert hashlib.sha256(config.read_bytes()).hexdigest() == manifest["config_sha256"]
    assert manifest["sectioner"] == "bpo_lint.sections"
    assert manifest["heldout_groups"] and manifest["inputs"]


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_eval_file_is_in_the_training_data(corpus):
    inputs = _manifest()["inputs"]
    trained_names = {i["file"].rsplit("/", 1)[-1] for i in inputs}
    trained_stems = {n.rsplit(".", 1)[0] for n in trained_names}
    trained_hashes = {i["sha256"] for i in inputs}
    eval_files = [p for p in (corpus / "eval").rglob("*") if p.is_file()]
    assert len(eval_files) >= 28
    for path in eval_files:
        assert path.name not in trained_names, path.name
        assert _sha(path) not in trained_hashes, path.name
    # The eval texts 001-019 came from CUAD: their original CUAD names must not be inputs either.
    sources = (corpus / "SOURCES.md").read_text(encoding="utf-8")
    eval_table = sources.split("## Evaluation texts", 1)[1].split("\n## ", 1)[0]
    originals = set(re.findall(r"full_contract_txt/([^`|]+?)\.txt", eval_table))
    assert len(originals) == 19
    assert not originals & trained_stems


def test_manifest_inputs_are_the_training_files(corpus):
    for entry in _manifest()["inputs"]:
        if entry["file"].startswith("train/"):
            path = corpus / entry["file"]
            assert _sha(path) == entry["sha256"], entry["file"]


def test_shipped_tokenizer_is_the_one_its_config_builds():
    # load_pipeline skips reading the tokenizer from disk; that is lossless only while the
    # saved tokenizer is byte for byte the one spaCy builds from the pipeline's config.
    import spacy

    from bpo_lint.nlp.model import load_pipeline, pipeline_dir

    # Without the vocab, which grows with every text the (cached) pipeline has read.
    saved = spacy.load(pipeline_dir()).tokenizer.to_bytes(exclude=["vocab"])
    nlp, _ = load_pipeline(str(pipeline_dir()))
    assert len(saved) > 1000
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == saved


def test_manifest_inputs_are_the_committed_written_and_reader_files():
    # The shipped model was trained on the data in the repo, not on an older or local copy.
    data = PIPELINE.parent / "data"
    ours = [e for e in _manifest()["inputs"] if not e["file"].startswith("train/")]
    assert {e["file"].split("/", 1)[0] for e in ours} == {"written", "reader"}
    for entry in ours:
        assert _sha(data / entry["file"]) == entry["sha256"], entry["file"]
    committed = {f"written/{p.name}" for p in (data / "written").glob("*.jsonl")}
    assert committed <= {e["file"] for e in ours}


def test_measurement_clauses_are_never_training_clauses():
    # tests/data/genre_clauses.jsonl measures the written DPA and SLA clauses: it is only a
    # measurement while no clause of it, nor a long stretch of one, is among the training texts.
    from bpo_lint.areas import AREA_IDS
    from bpo_lint.nlp.corpus import WRITTEN_DIR
    from tests.conftest import REPO

    def words(text: str, n: int = 12) -> set[tuple[str, ...]]:
        w = text.lower().split()
        return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}

    measured = REPO / "tests" / "data" / "genre_clauses.jsonl"
    rows = [json.loads(line) for line in measured.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 68
    assert all(set(r["areas"]) <= set(AREA_IDS) for r in rows)
    trained = [
        json.loads(line)["text"]
        for path in sorted(WRITTEN_DIR.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    trained_runs = set().union(*(words(t) for t in trained))
    for row in rows:
        assert row["text"] not in trained
        assert not words(row["text"]) & trained_runs, row["text"][:60]
