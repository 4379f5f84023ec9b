"""Precision, recall and F1 per area, for the training report and the accuracy benchmark."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bpo_lint.areas import AREA_IDS


@dataclass(frozen=True)
class Score:
    """Counts and rates for one area."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


def per_area(
    gold: Sequence[Iterable[str]],
    predicted: Sequence[Iterable[str]],
    unknown: Sequence[Iterable[str]] | None = None,
) -> dict[str, Score]:
    """Score of every area over aligned gold and predicted area sets (skipping unknown ones)."""
    unknown = unknown if unknown is not None else [()] * len(gold)
    out = {}
    for area in AREA_IDS:
        tp = fp = fn = 0
        for g, p, u in zip(gold, predicted, unknown, strict=True):
            if area in u:
                continue
            in_g, in_p = area in set(g), area in set(p)
            tp += in_g and in_p
            fp += in_p and not in_g
            fn += in_g and not in_p
        out[area] = Score(tp, fp, fn)
    return out


def macro_f1(scores: dict[str, Score]) -> float:
    """Unweighted mean F1 over the areas."""
    return sum(s.f1 for s in scores.values()) / len(scores) if scores else 0.0


def table(scores: dict[str, Score]) -> list[str]:
    """Lines of a fixed-width P/R/F1 table with a macro-F1 footer."""
    lines = [f"{'area':34} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5}"]
    for area, s in scores.items():
        lines.append(f"{area:34} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} {s.tp + s.fn:5d}")
    lines.append(f"{'macro-F1':34} {'':5} {'':5} {macro_f1(scores):5.2f}")
    return lines
