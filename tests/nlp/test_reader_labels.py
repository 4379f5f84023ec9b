"""Reader-labelled sections: found again by offset or hash, never from eval or held-out files."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib

import pytest

from bpo_lint.areas import AREA_IDS
from bpo_lint.nlp.corpus import READER_FILE
from bpo_lint.nlp.dataset import clean, company, own_text
from bpo_lint.nlp.model import MANIFEST_FILE, pipeline_dir
from bpo_lint.nlp.reader_labels import (
    labelled_sections,
    locate,
    read_rows,
    reader_examples,
    text_hash,
)
from bpo_lint.nlp.sectioning import sectioned
from tests.conftest import REPO

HELD_OUT_LABELS = REPO / "tests" / "data" / "heldout_sections.jsonl"

CONTRACT = (
    "1. Services. The Supplier shall operate the Client's payroll service each month and deliver "
    "the payslips to every employee.\n"
    "2. Fees. The Client shall pay the monthly charge within thirty days of each invoice.\n"
)


def _row(doc, index: int, areas: list[str], start: int | None = None) -> dict:
    body = clean(own_text(doc, index))
    section = doc.sections[index]
    return {
        "file": "x.txt",
        "start": section.body_start if start is None else start,
        "sha": text_hash(body),
        "areas": areas,
    }


def test_rows_are_found_by_offset_and_by_hash_when_the_offset_moved():
    doc = sectioned(CONTRACT, "x.txt")
    fees = next(i for i, s in enumerate(doc.sections) if "Fees" in s.title)
    rows = [_row(doc, fees, ["pricing_payment"]), _row(doc, fees, [], start=1)]
    stale = {**rows[0], "sha": "0" * 16}
    bodies = [clean(own_text(doc, i)) for i in range(len(doc.sections))]
    assert locate(doc, [*rows, stale], bodies) == [fees, fees, None]


def test_reader_examples_read_the_text_from_the_corpus_and_skip_other_files(tmp_path):
    (tmp_path / "x.txt").write_text(CONTRACT, encoding="utf-8")
    (tmp_path / "y.txt").write_text(CONTRACT, encoding="utf-8")
    doc = sectioned(CONTRACT, "x.txt")
    services = next(i for i, s in enumerate(doc.sections) if "Services" in s.title)
    row = _row(doc, services, ["scope_of_services"])
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        "\n".join(json.dumps(r) for r in (row, {**row, "file": "y.txt"})), encoding="utf-8"
    )
    examples = list(reader_examples(labels, tmp_path, allowed={"x.txt"}))
    assert [(e.areas, e.source, e.origin) for e in examples] == [
        (("scope_of_services",), "reader", "x.txt")
    ]
    assert "payroll service" in examples[0].text


def test_an_unknown_area_is_refused(tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text('{"file": "x.txt", "start": 0, "sha": "0", "areas": ["sla"]}\n')
    with pytest.raises(ValueError, match=r"labels\.jsonl:1: unknown area"):
        read_rows(labels)


def test_training_and_held_out_labels_never_share_a_company():
    training = {company(r["file"]) for r in read_rows(READER_FILE)}
    held_out = {company(r["file"]) for r in read_rows(HELD_OUT_LABELS)}
    assert training and held_out
    assert not training & held_out
    manifest = json.loads((pipeline_dir() / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert held_out <= set(manifest["heldout_groups"])
    assert not training & set(manifest["heldout_groups"])


def test_no_reader_label_names_an_eval_document(corpus):
    sources = (corpus / "SOURCES.md").read_text(encoding="utf-8")
    eval_table = sources.split("## Evaluation texts", 1)[1].split("\n## ", 1)[0]
    originals = set(re.findall(r"full_contract_txt/([^`|]+?\.txt)", eval_table))
    eval_names = {p.name for p in (corpus / "eval").rglob("*") if p.is_file()}
    for path in (READER_FILE, HELD_OUT_LABELS):
        named = {r["file"] for r in read_rows(path)}
        assert not named & (originals | eval_names), path.name
        assert all((corpus / "train" / "cuad-txt" / n).is_file() for n in named), path.name


def test_label_files_hold_no_contract_text():
    data = REPO / "tests" / "data"
    second = data / "heldout_sections_second_reader.jsonl"
    for path in (READER_FILE, HELD_OUT_LABELS, second, data / "eval_sections.jsonl"):
        for row in read_rows(path):
            assert set(row) <= {"file", "start", "sha", "areas", "borderline", "sample", "note"}
            assert len(row.get("note", "")) <= 120


EVAL_LABELS = REPO / "tests" / "data" / "eval_sections.jsonl"


@pytest.mark.parametrize(
    ("labels", "folder"),
    [
        (READER_FILE, ("train", "cuad-txt")),
        (HELD_OUT_LABELS, ("train", "cuad-txt")),
        (EVAL_LABELS, ("eval", "texts")),
    ],
    ids=["training", "held-out", "eval"],
)
def test_every_labelled_section_is_found_in_its_text(corpus, labels, folder):
    # A sectioner change that moves or re-cuts a labelled body would silently drop the label.
    found = list(labelled_sections(labels, corpus.joinpath(*folder)))
    assert len(found) == len(read_rows(labels))


def test_eval_section_labels_name_only_eval_texts(corpus):
    names = {r["file"] for r in read_rows(EVAL_LABELS)}
    assert len(names) == 28
    assert all((corpus / "eval" / "texts" / n).is_file() for n in names)


def test_the_second_reader_labelled_exactly_the_held_out_sections():
    second = REPO / "tests" / "data" / "heldout_sections_second_reader.jsonl"
    key = lambda r: (r["file"], r["start"], r["sha"])  # noqa: E731
    assert sorted(map(key, read_rows(second))) == sorted(map(key, read_rows(HELD_OUT_LABELS)))


READER_DOCUMENTS = READER_FILE.parent / "documents.toml"


def _labelled_documents() -> list[dict]:
    return tomllib.loads(READER_DOCUMENTS.read_text(encoding="utf-8"))["agreements"]


def test_reader_documents_label_every_area_and_hold_no_contract_text():
    rows = _labelled_documents()
    assert len(rows) == len({r["file"] for r in rows}) == 30
    for row in rows:
        assert list(row["areas"]) == list(AREA_IDS), row["file"]
        for label in row["areas"].values():
            assert set(label) == {"present", "where", "note"}
            assert label["present"] == bool(label["where"])
            assert len(label["note"]) <= 160


def test_reader_documents_are_held_out_training_contracts_never_eval(corpus):
    # The support rule was chosen on these documents: the model must never have trained on
    # them, and no eval agreement may be among them, by name or by content.
    manifest = json.loads((pipeline_dir() / MANIFEST_FILE).read_text(encoding="utf-8"))
    names = {r["file"] for r in _labelled_documents()}
    assert {company(n) for n in names} <= set(manifest["heldout_groups"])
    eval_hashes = {_sha(p) for p in (corpus / "eval").rglob("*") if p.is_file()}
    for name in names:
        path = corpus / "train" / "cuad-txt" / name
        assert path.is_file(), name
        assert _sha(path) not in eval_hashes, name
    assert not names & {p.name for p in (corpus / "eval").rglob("*")}


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
