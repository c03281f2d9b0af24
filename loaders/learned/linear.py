"""A linear classifier read from plain JSON: the weights of a scikit-learn ``LogisticRegression`` over a
``DictVectorizer``'s features, applied without scikit-learn (a build needs neither it nor a pickle).

>>> model = LinearModel(["a", "b"], [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], [0.0, 0.0, 0.0], ["x", "y", "z"])
>>> best = max(model.probabilities({"a": 5.0}).items(), key=lambda kv: kv[1])
>>> best[0]
'x'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass
class LinearModel:
    """Feature names, one weight row per class (or one row for two classes), intercepts and class names."""

    features: list[str]
    coef: list[list[float]]
    intercept: list[float]
    classes: list[str]
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        import numpy

        self._index = {name: i for i, name in enumerate(self.features)}
        # one row of class weights per feature: a candidate's few features pick their rows, one product adds them
        self._weights = numpy.array(self.coef, dtype=numpy.float64).T.copy()
        self._intercept = numpy.array(self.intercept, dtype=numpy.float64)

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls(data["features"], data["coef"], data["intercept"], data["classes"], data.get("meta", {}))

    def to_json(self) -> dict:
        return {"features": self.features, "coef": self.coef, "intercept": self.intercept,
                "classes": self.classes, "meta": self.meta}

    def scores(self, features: dict[str, float]) -> list[float]:
        index = self._index
        rows = [index[k] for k in features if k in index]
        if not rows:
            return self._intercept.tolist()
        values = [features[k] for k in features if k in index]
        return (self._intercept + self._weights[rows].T @ values).tolist()

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """The probability of each class (softmax over the classes; the logistic of one row for two)."""
        s = self.scores(features)
        if len(self.classes) == 2 and len(s) == 1:
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, s[0]))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(s)
        exps = [math.exp(x - top) for x in s]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}
