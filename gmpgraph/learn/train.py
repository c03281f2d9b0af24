"""``gmpgraph train``: every learned model rebuilt from the annotated texts, with fixed seeds, into
``loaders/models`` (or another folder).

1. the NER of each of K folds (trained without the fold), whose spans on the fold are the "out of fold" NER
   spans the entity decision learns from (so it learns how far to trust the NER on texts it never saw);
2. the NER on every text: the one the extractor runs;
3. the entity decision, fitted on every text's candidates with their out-of-fold NER spans;
4. the relation reader, fitted on the pairs of every text extracted with those models (the NER spans again
   out of fold);
5. the card ``MODEL.json``: name, version, base model, seed, the hash of the training data and every text
   with its set, file and SHA-256, and the cross-validation folds.

The fold NERs are remembered in a work folder keyed by what they were trained on, so ``gmpgraph eval --cv``
and ``gmpgraph train`` share them.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from gmpgraph.learn.crossval import Progress, folds_of, ner_digest, out_of_fold_ner, train_ner_quietly
from gmpgraph.learn.decisions import entity_examples, fit_linear, relation_examples, rule_reading
from gmpgraph.learn.texts import AnnotatedText, training_data_hash
from loaders.learned.base_model import BASE_NAME, BASE_VERSION
from loaders.learned.ner_spans import within
from loaders.learned.models import MODELS, Models, using

MODEL_NAME = "gmpgraph-extractor"
MODEL_VERSION = "1"
FOLDS = 5
SEED = 0
ENTITY_C = 1.0
RELATION_C = 1.0


def default_work() -> Path:
    return Path(tempfile.gettempdir()) / "gmpgraph-cv"


def fit_decisions(texts: list[AnnotatedText], ner: dict[str, list[tuple[int, int, str]]], ner_model=None,
                  relations: bool = True) -> Models:
    """The entity decision (and the relation reader) fitted on ``texts``, with their NER spans ``ner``."""
    readings = [rule_reading(t) for t in texts]
    examples = [entity_examples(t, r.found, within(ner[t.sha256], r.chunks)) for t, r in zip(texts, readings)]
    entities = fit_linear([x for e in examples for x in e.X], [y for e in examples for y in e.y], C=ENTITY_C,
                          name="entities")
    known = ner_model or (lambda key, text, chunks=None: within(ner[key], chunks))
    models = Models(ner=known, entities=entities)
    if relations:
        from loaders.pipeline import run

        with using(Models(ner=known, entities=entities)):
            pairs = [relation_examples(t, run(t.doc.model_copy(deep=True), t.sha256, until="learned_relations"))
                     for t in texts]
        models.relations = fit_linear([x for e in pairs for x in e.X], [y for e in pairs for y in e.y],
                                      C=RELATION_C, name="relations")
    return models


def train_all(texts: list[AnnotatedText], output: Path = MODELS, work: Path | None = None, seed: int = SEED,
              k: int = FOLDS, progress: Progress = print, workers: int = 2) -> dict:
    """Train every model on ``texts`` into ``output``; returns the card."""
    work = Path(work or default_work())
    work.mkdir(parents=True, exist_ok=True)
    fold = folds_of(texts, k)
    ner = out_of_fold_ner(texts, fold, k, work, seed, progress, workers)
    full = work / f"ner-{ner_digest(texts, seed)}"
    if not (full / "meta.json").is_file():
        progress(f"training the NER on all {len(texts)} texts")
        train_ner_quietly(texts, full, seed)
    progress("fitting the entity decision and the relation reader")
    models = fit_decisions(texts, ner)
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    if (output / "ner").exists():
        shutil.rmtree(output / "ner")
    shutil.copytree(full, output / "ner")
    for name, model in (("entities", models.entities), ("relations", models.relations)):
        (output / f"{name}.json").write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n",
                                             encoding="utf-8")
    card = {"name": MODEL_NAME, "version": MODEL_VERSION, "training_data": training_data_hash(texts),
            "trained_on_texts": len(texts), "seed": seed, "folds": k, "base": f"{BASE_NAME} {BASE_VERSION}",
            "trained_at": datetime.now(UTC).date().isoformat(),
            "texts": [{"set": t.set, "file": t.file, "sha256": t.sha256, "fold": f} for t, f in zip(texts, fold)]}
    (output / "MODEL.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return card
