"""The TF-IDF text classifier architecture and the callback that fits its word weights."""

from __future__ import annotations

import numpy
import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import DocBin  # noqa: E402

from bpo_lint.nlp.tfidf import (  # noqa: E402
    build_tfidf_classifier,
    document_frequency_weights,
    make_fit_idf,
    tfidf_features,
    word_keys,
)

BUCKETS = 1024


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def test_word_keys_drop_punctuation_spaces_and_one_letter_tokens(nlp):
    doc = nlp.make_doc("The Supplier shall, a  (b) deliver.")
    expected = [nlp.vocab.strings[w] for w in ("the", "supplier", "shall", "deliver")]
    assert word_keys(doc).tolist() == expected


def test_word_keys_are_case_blind(nlp):
    assert word_keys(nlp.make_doc("Fees FEES fees")).tolist() == [nlp.vocab.strings["fees"]] * 3


def test_empty_doc_has_no_keys(nlp):
    assert word_keys(nlp.make_doc("")).shape == (0,)


def _features(docs, idf=None):
    layer = tfidf_features(BUCKETS)
    layer.initialize()
    if idf is not None:
        layer.set_param("idf", idf)
    return layer.predict(docs)


def test_every_text_vector_has_length_one_whatever_its_length(nlp):
    short = nlp.make_doc("Fees are payable monthly.")
    long = nlp.make_doc("Fees are payable monthly. " * 40)
    _keys, values, lengths = _features([short, long])
    assert lengths.tolist() == [4, 4]
    for part in (values[:4], values[4:]):
        assert float(numpy.sqrt((part * part).sum())) == pytest.approx(1.0, abs=1e-5)
    # Repeating a text 40 times does not make it 40 times as strong evidence.
    numpy.testing.assert_allclose(values[:4], values[4:], atol=1e-6)


def test_repeated_words_count_less_than_in_proportion(nlp):
    keys, values, _ = _features([nlp.make_doc("audit audit audit audit records")])
    by_key = dict(zip(keys.tolist(), values.tolist(), strict=True))
    ratio = by_key[nlp.vocab.strings["audit"]] / by_key[nlp.vocab.strings["records"]]
    assert ratio == pytest.approx(1 + numpy.log(4))


def test_a_text_of_unweighted_words_gives_zero_values_not_nan(nlp):
    _, values, _ = _features([nlp.make_doc("unseen words")], numpy.zeros((BUCKETS,), "f"))
    assert values.tolist() == [0.0, 0.0]


def test_rare_words_get_no_weight_and_common_words_less_than_rarer_ones(nlp):
    docs = [nlp.make_doc(t) for t in ("fees payable", "fees due", "fees invoiced", "once")]
    idf = document_frequency_weights(docs, BUCKETS, min_df=2)
    weight = {w: idf[nlp.vocab.strings[w] % BUCKETS] for w in ("fees", "payable", "once")}
    assert weight["payable"] == 0.0 and weight["once"] == 0.0  # one text each
    assert weight["fees"] == pytest.approx(numpy.log(5 / 4) + 1)


def test_classifier_scores_every_label_between_zero_and_one(nlp):
    model = build_tfidf_classifier(length=BUCKETS, nO=3)
    docs = [nlp.make_doc("Fees are payable."), nlp.make_doc("")]
    model.initialize(X=docs)
    scores = model.predict(docs)
    assert scores.shape == (2, 3)
    assert ((scores > 0) & (scores < 1)).all()


def test_fit_idf_sets_the_word_weights_from_the_training_docbin(nlp, tmp_path):
    pipe = spacy.blank("en")
    textcat = pipe.add_pipe(
        "textcat_multilabel",
        config={"model": {"@architectures": "bpo_lint.TextCatTfidf.v1", "length": BUCKETS}},
    )
    textcat.add_label("fees")
    pipe.initialize()
    DocBin(docs=[pipe.make_doc(t) for t in ("fees due", "fees paid")]).to_disk(tmp_path / "t")
    make_fit_idf(str(tmp_path / "t"))(pipe)
    idf = textcat.model.get_ref("features").get_param("idf")
    assert idf[pipe.vocab.strings["fees"] % BUCKETS] == pytest.approx(1.0)
    assert idf[pipe.vocab.strings["due"] % BUCKETS] == 0.0


def test_fit_idf_without_training_data_says_so(nlp):
    with pytest.raises(ValueError, match=r"paths\.train"):
        make_fit_idf(None)(nlp)
