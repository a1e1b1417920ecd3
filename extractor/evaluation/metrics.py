"""Counts and the figures computed from them.

Every strategy in :mod:`extractor.evaluation.matching` reports explicit TP/FP/FN per label
for one article; corpus figures are sums of those counts over the list of articles (never
over a set, which would merge equal counts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

ROUNDING = 4
"""Decimal places of reported figures, as the reference scorer prints them."""


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives for one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def any(self) -> bool:
        """Whether anything was counted."""
        return bool(self.tp or self.fp or self.fn)


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 with the counts they come from."""

    precision: float
    recall: float
    f1: float
    counts: Counts

    @classmethod
    def of(cls, counts: Counts) -> Scores:
        """Compute the figures; an empty denominator gives 0.0, not an error."""
        predicted = counts.tp + counts.fp
        expected = counts.tp + counts.fn
        precision = counts.tp / predicted if predicted else 0.0
        recall = counts.tp / expected if expected else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1, counts)

    def as_dict(self) -> dict[str, float | int]:
        """``p``, ``r``, ``f`` (rounded) and ``tp``, ``fp``, ``fn``, the reference scorer's keys."""
        return {
            "p": round(self.precision, ROUNDING),
            "r": round(self.recall, ROUNDING),
            "f": round(self.f1, ROUNDING),
            "tp": self.counts.tp,
            "fp": self.counts.fp,
            "fn": self.counts.fn,
        }


LabelCounts = Mapping[str, Counts]
"""Counts by label (entity type, relation type, ...)."""


def total(counts: Iterable[Counts]) -> Counts:
    """Sum a list of counts."""
    return sum(counts, Counts())


def sum_labels(tables: Iterable[LabelCounts]) -> dict[str, Counts]:
    """Add per-label tables (e.g. one per article) label by label."""
    summed: dict[str, Counts] = {}
    for table in tables:
        for label, counts in table.items():
            summed[label] = summed.get(label, Counts()) + counts
    return summed


def micro(table: LabelCounts, labels: Iterable[str] | None = None) -> Scores:
    """Micro-averaged scores over ``labels`` (all labels of ``table`` when ``None``)."""
    chosen = table.keys() if labels is None else labels
    return Scores.of(total(table.get(label, Counts()) for label in chosen))


@dataclass(frozen=True)
class Accuracy:
    """Correct out of total, for checks that are right or wrong (DATE values)."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def as_dict(self) -> dict[str, float | int]:
        """``correct``, ``total`` and ``accuracy`` (0.0 when nothing was checked)."""
        accuracy = self.correct / self.total if self.total else 0.0
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": round(accuracy, ROUNDING),
        }
