"""A bag-of-words text classifier on TF-IDF weighted, length-normalised word counts.

spaCy's own bag-of-words model (TextCatBOW) adds up one weight per word occurrence, so a long
section scores by its length as much as by its words, and "the" counts as much as "indemnify".
This architecture feeds the same sparse linear layer with each word's count damped (1 + log),
weighted by how rare the word is across the training texts (inverse document frequency) and
scaled so that every text's vector has length one: the weighting of classic text classification.
Measured side by side on the reader-labelled sections in README.md.

Importing this module registers the architecture and the callback that fits the word weights,
so it is imported before a config naming them is read (training) or a pipeline is loaded.
"""

from __future__ import annotations

from functools import partial

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LENGTH, LOWER
from spacy.ml.models.textcat import NEG_VALUE, resize_and_set_ref
from spacy.tokens import DocBin
from spacy.util import registry
from thinc.api import Logistic, Model, SparseLinear_v2, chain, resizable
from thinc.layers.resizable import resize_linear_weighted

ARCHITECTURE = "bpo_lint.TextCatTfidf.v1"
FIT_CALLBACK = "bpo_lint.fit_idf.v1"
# A word seen in fewer training texts than this gets no weight: one contract's typing error or
# party name says nothing general about a topic.
MIN_DOC_FREQ = 2


def word_keys(doc) -> numpy.ndarray:
    """Lower-case hashes of the words of `doc`: no punctuation, space or one-letter token."""
    arr = doc.to_array([LOWER, IS_PUNCT, IS_SPACE, LENGTH])
    if not len(arr):
        return numpy.zeros((0,), dtype="uint64")
    keep = (arr[:, 1] == 0) & (arr[:, 2] == 0) & (arr[:, 3] >= 2)
    return arr[keep, 0].astype("uint64")


def _features_forward(model: Model, docs, is_train: bool):
    idf = model.get_param("idf")
    buckets = idf.shape[0]
    all_keys, all_values, lengths = [], [], []
    for doc in docs:
        keys, counts = numpy.unique(word_keys(doc), return_counts=True)
        values = (1.0 + numpy.log(counts)) * idf[keys % buckets]
        norm = float(numpy.sqrt((values * values).sum()))
        all_keys.append(keys)
        all_values.append(values / norm if norm else values)
        lengths.append(len(keys))
    batch = (
        numpy.concatenate(all_keys) if all_keys else numpy.zeros((0,), dtype="uint64"),
        numpy.concatenate(all_values).astype("f") if all_values else numpy.zeros((0,), "f"),
        numpy.asarray(lengths, dtype="int32"),
    )

    def backprop(d_batch):
        # The word weights are fitted once from the training texts, never by gradient.
        return []

    return batch, backprop


def _features_init(model: Model, X=None, Y=None) -> None:
    if not model.has_param("idf"):
        model.set_param("idf", numpy.ones((model.get_dim("buckets"),), dtype="f"))


def tfidf_features(buckets: int) -> Model:
    """The layer turning docs into (word keys, TF-IDF values, lengths) for a sparse linear layer."""
    return Model(
        "tfidf_features",
        _features_forward,
        init=_features_init,
        dims={"buckets": buckets},
        params={"idf": None},
    )


@registry.architectures(ARCHITECTURE)
def build_tfidf_classifier(length: int = 262144, nO: int | None = None) -> Model:
    """Multi-label classifier: TF-IDF features, a hashed sparse linear layer, a sigmoid."""
    length = 2 ** (length - 1).bit_length()
    sparse = SparseLinear_v2(nO=nO, length=length)
    # A label added after training starts out scoring 0, as in spaCy's bag-of-words model.
    fill = {"b": NEG_VALUE, "W": 0}
    sized = resizable(sparse, resize_layer=partial(resize_linear_weighted, fill_defaults=fill))
    features = tfidf_features(length)
    model = chain(features, sized, Logistic())
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("features", features)
    model.set_ref("output_layer", sparse)
    model.attrs["multi_label"] = True
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=sized)
    return model


def document_frequency_weights(docs, buckets: int, min_df: int = MIN_DOC_FREQ) -> numpy.ndarray:
    """Smoothed inverse document frequency per hash bucket (0 for words in < min_df texts)."""
    df = numpy.zeros((buckets,), dtype="int64")
    total = 0
    for doc in docs:
        df[numpy.unique(word_keys(doc) % buckets).astype("int64")] += 1
        total += 1
    idf = numpy.log((1.0 + total) / (1.0 + df)) + 1.0
    idf[df < min_df] = 0.0
    return idf.astype("f")


@registry.callbacks(FIT_CALLBACK)
def make_fit_idf(path: str | None = None, component: str = "textcat_multilabel"):
    """An after-init callback that fits the word weights on the training DocBin at `path`."""

    def fit_idf(nlp):
        if not path:
            raise ValueError(f"{FIT_CALLBACK} needs the training data: set paths.train")
        features = nlp.get_pipe(component).model.get_ref("features")
        docs = DocBin().from_disk(path).get_docs(nlp.vocab)
        idf = document_frequency_weights(docs, features.get_dim("buckets"))
        features.set_param("idf", idf)
        return nlp

    return fit_idf
