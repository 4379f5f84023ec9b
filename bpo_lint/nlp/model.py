"""Loading the packaged spaCy pipeline and scoring texts with it (spaCy is imported lazily)."""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from pathlib import Path

THRESHOLDS_FILE = "thresholds.json"
MANIFEST_FILE = "manifest.json"
DEFAULT_THRESHOLD = 0.5
CHUNK_CHARS = 2000  # the same length the model was trained on (dataset.MAX_CHARS)
MAX_CHUNKS = 6  # a very long clause is judged on its first 12,000 characters


def pipeline_dir() -> Path:
    """Where the shipped pipeline lives: bpo_lint/nlp/pipeline/."""
    return Path(str(resources.files("bpo_lint") / "nlp" / "pipeline"))


def pipeline_available(path: Path | None = None) -> bool:
    """True when a trained pipeline (spaCy config and meta) is present."""
    folder = path or pipeline_dir()
    return (folder / "config.cfg").is_file() and (folder / "meta.json").is_file()


@functools.lru_cache(maxsize=4)
def load_pipeline(path: str) -> tuple[object, dict[str, float]]:
    """The spaCy pipeline at `path` and its per-area thresholds; loaded once per process."""
    import spacy

    import bpo_lint.nlp.tfidf  # noqa: F401  (registers the architecture a config may name)
    from bpo_lint.areas import AREA_IDS

    folder = Path(path)
    # The saved tokenizer is the one the config builds (spacy.blank("en")'s; a test checks the
    # bytes): reading it from disk again would only repeat ~0.1 s of start-up.
    nlp = spacy.load(folder, exclude=["tokenizer"])
    thresholds = dict.fromkeys(AREA_IDS, DEFAULT_THRESHOLD)
    tfile = folder / THRESHOLDS_FILE
    if tfile.is_file():
        thresholds.update(json.loads(tfile.read_text(encoding="utf-8")))
    return nlp, thresholds


def chunks(text: str) -> list[str]:
    """Whitespace-collapsed pieces of at most CHUNK_CHARS characters, cut between words."""
    flat = re.sub(r"\s+", " ", text).strip()
    out: list[str] = []
    while flat and len(out) < MAX_CHUNKS:
        if len(flat) <= CHUNK_CHARS:
            out.append(flat)
            break
        cut = flat.rfind(" ", 0, CHUNK_CHARS)
        cut = cut if cut > CHUNK_CHARS // 2 else CHUNK_CHARS
        out.append(flat[:cut])
        flat = flat[cut:].lstrip()
    return out


def score_texts(nlp, texts: list[str]) -> list[dict[str, float]]:
    """Area scores for each text: the highest score over its chunks (0.0 for empty text)."""
    from bpo_lint.areas import AREA_IDS

    pieces: list[str] = []
    owner: list[int] = []
    for i, text in enumerate(texts):
        for piece in chunks(text):
            pieces.append(piece)
            owner.append(i)
    scores = [dict.fromkeys(AREA_IDS, 0.0) for _ in texts]
    for i, doc in zip(owner, nlp.pipe(pieces, batch_size=64), strict=True):
        best = scores[i]
        for area in AREA_IDS:
            best[area] = max(best[area], float(doc.cats.get(area, 0.0)))
    return scores
