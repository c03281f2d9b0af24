"""Where the learned models live and which ones the extractor uses.

The shipped models are in ``loaders/models`` (written by ``gmpgraph train``):

* ``ner/`` - the statistical NER over our types (a spaCy pipeline holding only its ``ner``);
* ``boundaries.json`` - whose edges win where the NER and a rule mark one name differently;
* ``entities.json`` - the entity decision; ``relations.json`` - the relation reader (linear weights);
* ``MODEL.json`` - the card: name, version, the hash of the training data and the texts it lists.

Cross-validation and training put other models in place for a while with :func:`using`.

>>> isinstance(current().description(), dict)
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from loaders.learned.linear import LinearModel
from loaders.learned.ner_spans import NerRunner

MODELS = Path(__file__).resolve().parents[1] / "models"
#: (document key, text, the paragraphs to read or None for all) -> spans
NerFunction = Callable[[str, str, list[tuple[int, int]] | None], list[tuple[int, int, str]]]


@dataclass
class Models:
    """The learned parts the extractor runs with; any may be missing (then the rules decide alone)."""

    ner: NerFunction | None = None
    entities: LinearModel | None = None
    relations: LinearModel | None = None
    boundaries: LinearModel | None = None
    card: dict = field(default_factory=dict)

    def description(self) -> dict:
        """What a graph records of the models that built it."""
        if not (self.ner or self.entities or self.relations):
            return {"name": "rules", "version": None, "training_data": None}
        return {k: self.card.get(k) for k in ("name", "version", "training_data", "trained_on_texts")}


_override: list[Models] = []


def current() -> Models:
    """The models in use: those put in place by :func:`using`, else the shipped ones (unless
    ``GMPGRAPH_RULES_ONLY=1``)."""
    if _override:
        return _override[-1]
    if os.environ.get("GMPGRAPH_RULES_ONLY") == "1":
        return Models()
    return shipped()


@contextmanager
def using(models: Models) -> Iterator[Models]:
    """Within the block, the extractor (in this process) runs with ``models``."""
    _override.append(models)
    try:
        yield models
    finally:
        _override.pop()


@cache
def shipped(folder: Path = MODELS) -> Models:
    """The models in ``folder`` (default ``loaders/models``); what is not there is None."""
    card_file = folder / "MODEL.json"
    card = json.loads(card_file.read_text(encoding="utf-8")) if card_file.is_file() else {}
    ner = NerRunner(folder / "ner") if (folder / "ner" / "meta.json").is_file() else None
    entities = _linear(folder / "entities.json")
    relations = _linear(folder / "relations.json")
    return Models(ner, entities, relations, _linear(folder / "boundaries.json"), card)


def load_learned_models() -> Models:
    """Load the models in use now (the NER's weights and its base vocabulary too), so that the first document
    extracted does not wait for them (a server in write mode calls it at start-up)."""
    models = current()
    load = getattr(models.ner, "nlp", None)
    if callable(load):
        load()
    return models


def _linear(path: Path) -> LinearModel | None:
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else None
