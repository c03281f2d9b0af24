"""How sure a cross-validated figure is: a bootstrap over documents.

A micro-F1 over some 80 texts moves by a few hundredths when other texts of the same kinds are drawn, so a
difference of 0.002 between two extractors says nothing by itself. Each text is scored alone (its own graph
against its own gold: true positives, false positives, false negatives); then the texts are drawn with
replacement ``draws`` times (fixed seed) and the micro-F1 of each draw computed. The 2.5th and 97.5th
percentiles give a 95% interval of the figure; drawn the same texts for two extractors, of their
difference ("paired": the texts that are hard for one are hard for the other).

>>> rules = [(8, 2, 2), (5, 0, 5), (9, 1, 0)]
>>> learned = [(9, 1, 1), (7, 1, 3), (9, 1, 0)]
>>> lo, hi = gain_interval(rules, learned)
>>> lo <= round(micro_f1(learned) - micro_f1(rules), 3) <= hi
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Counts = tuple[int, int, int]  # true positives, false positives, false negatives
DRAWS = 2000
SEED = 0


def micro_f1(counts: Sequence[Counts]) -> float:
    """The micro-F1 of texts' summed counts.

    >>> micro_f1([(1, 0, 1), (1, 0, 0)])
    0.8
    """
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _draws(n: int, draws: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, n, size=(draws, n))


def _f1s(counts: Sequence[Counts], picks: np.ndarray) -> np.ndarray:
    summed = np.asarray(counts, dtype=float).reshape(-1, 3)[picks].sum(axis=1)
    tp, fp, fn = summed[:, 0], summed[:, 1], summed[:, 2]
    denominator = 2 * tp + fp + fn
    return np.divide(2 * tp, denominator, out=np.zeros_like(tp), where=denominator > 0)


def _percentiles(values: np.ndarray) -> tuple[float, float]:
    lo, hi = np.percentile(values, [2.5, 97.5])
    return round(float(lo), 3), round(float(hi), 3)


def interval(counts: Sequence[Counts], draws: int = DRAWS, seed: int = SEED) -> tuple[float, float]:
    """The 95% bootstrap interval of the micro-F1 of ``counts`` (one per text).

    >>> interval([(5, 1, 1)] * 10)
    (0.833, 0.833)
    """
    if not counts:
        return 0.0, 0.0
    return _percentiles(_f1s(counts, _draws(len(counts), draws, seed)))


def gain_interval(before: Sequence[Counts], after: Sequence[Counts], draws: int = DRAWS,
                  seed: int = SEED) -> tuple[float, float]:
    """The 95% paired bootstrap interval of micro-F1(``after``) - micro-F1(``before``), the same texts in the same
    order in both."""
    if len(before) != len(after):
        raise ValueError(f"paired counts differ in length: {len(before)} and {len(after)} texts")
    if not before:
        return 0.0, 0.0
    picks = _draws(len(before), draws, seed)
    return _percentiles(_f1s(after, picks) - _f1s(before, picks))


__all__ = ["Counts", "gain_interval", "interval", "micro_f1"]
