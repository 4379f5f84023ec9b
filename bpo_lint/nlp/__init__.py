"""The only part of bpo-lint that uses spaCy: area classification and coverage.

Importing this package does not import spaCy; `analyse` loads the packaged pipeline on first
use (once per process).
"""

from __future__ import annotations

from pathlib import Path

from bpo_lint.model import Analysis, Document
from bpo_lint.nlp.model import pipeline_available, pipeline_dir

__all__ = ["analyse", "pipeline_available"]


def analyse(doc: Document, pipeline: Path | None = None) -> Analysis:
    """Classify every section of a sectioned Document and compute the coverage of all areas."""
    from bpo_lint.areas import load_areas
    from bpo_lint.nlp.classify import label_sections, label_whole_text
    from bpo_lint.nlp.coverage import document_coverage
    from bpo_lint.nlp.model import load_pipeline

    areas = load_areas()
    nlp, thresholds = load_pipeline(str(pipeline or pipeline_dir()))
    labels = label_sections(doc, nlp, thresholds, areas)
    whole: frozenset[str] = frozenset()
    if not doc.sections and doc.text.strip():
        whole = frozenset(label_whole_text(doc, nlp, thresholds))
    return Analysis(labels=labels, coverage=document_coverage(doc, labels, areas, whole))
