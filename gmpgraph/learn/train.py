"""``gmpgraph train``: every learned model rebuilt from the annotated texts, with fixed seeds, into
``loaders/models`` (or another folder).

1. the NER of each of K folds (trained without the fold), whose spans on the fold are the "out of fold" NER
   spans the entity decision learns from (so it learns how far to trust the NER on texts it never saw);
2. the NER on every text: the one the extractor runs;
3. the boundary decision (whose edges win where the NER and a rule mark one name differently) and the
   entity decision, fitted on every text's candidates with their out-of-fold NER spans;
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
from datetime import UTC, datetime
from pathlib import Path

from gmpgraph.learn.crossval import WORK, Progress, folds_of, ner_digest, out_of_fold_ner
from gmpgraph.learn.decisions import fit_decisions
from gmpgraph.learn.ner import train_in_subprocess, without_paths
from gmpgraph.learn.texts import AnnotatedText, training_data_hash
from loaders.learned.base_model import BASE_NAME, BASE_VERSION
from loaders.learned.models import MODELS

MODEL_NAME = "gmpgraph-extractor"
MODEL_VERSION = "18"  # 10: the decisions refitted on the rules of the eleventh session ("The" ends a name, a whole
#     government or a well-known body after "and" is a body of its own); 11: refitted after its list layouts;
#     12: refitted after the constructions its made-up pages showed (a meeting page's topic, agendas, bylines ...);
#     13: refitted after the twelfth session's constructions (the person_tails component, biographies, sheets'
#     keys, breadcrumbs), the training texts unchanged; 14: refitted after the thirteenth session's (units and
#     their bodies, member lists, an organisation's page and its people, apposed project names); 15: refitted
#     after the fourteenth session's (project pages' titles, event pages' genre lines, names after 'the project',
#     member lists under group headings, speakers' given names); 16: refitted after the fifteenth session's (team
#     and member pages, remit programmes as units, studies carried out as work, countries that launch or join work);
#     17: refitted after the sixteenth session's (a programme's list of projects by country, project pages titled
#     without a head word, a publication's name without its owner and year, 'Where we work' lines, list lines);
#     18: refitted after the seventeenth session's (member lists' focal points, leads lists by area, long
#     portfolios, coordinated unit names, boards without their body, support and advice to a project, event
#     pages' funders and venue lines)
FOLDS = 5
SEED = 0


def train_all(texts: list[AnnotatedText], output: Path = MODELS, work: Path | None = None, seed: int = SEED,
              k: int = FOLDS, progress: Progress = print, workers: int = 2) -> dict:
    """Train every model on ``texts`` into ``output``; returns the card."""
    work = Path(work or WORK)
    work.mkdir(parents=True, exist_ok=True)
    fold = folds_of(texts, k)
    ner = out_of_fold_ner(texts, fold, k, work, seed, progress, workers)
    full = work / f"ner-{ner_digest(texts, seed)}"
    if not (full / "meta.json").is_file():
        progress(f"training the NER on all {len(texts)} texts")
        train_in_subprocess(texts, full, seed)
    progress("fitting the boundary and entity decisions and the relation reader")
    models = fit_decisions(texts, ner)
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    if (output / "ner").exists():
        shutil.rmtree(output / "ner")
    shutil.copytree(full, output / "ner")
    without_paths(output / "ner" / "config.cfg")  # also for a fold folder kept from an older version
    for name, model in (("boundaries", models.boundaries), ("entities", models.entities),
                        ("relations", models.relations)):
        (output / f"{name}.json").write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n",
                                             encoding="utf-8")
    card = {"name": MODEL_NAME, "version": MODEL_VERSION, "training_data": training_data_hash(texts),
            "trained_on_texts": len(texts), "seed": seed, "folds": k, "base": f"{BASE_NAME} {BASE_VERSION}",
            "trained_at": datetime.now(UTC).date().isoformat(),
            "texts": [{"set": t.set, "file": t.file, "sha256": t.sha256, "fold": f} for t, f in zip(texts, fold)]}
    (output / "MODEL.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return card
