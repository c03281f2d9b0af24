"""The statistical NER over our types: training examples from the projected gold, training with spaCy's
config system (``ner.cfg`` beside this module, ``spacy.cli.train.train``), and prediction.

A document is cut into the paragraphs the extractor runs the NER on (:func:`loaders.learned.ner_spans.paragraphs`);
each paragraph with a placed gold name is an example, and so is every third paragraph without one (the model
must also learn where nothing is named). A gold name a paragraph holds only in part is left out of it.

The trained folder keeps only what is ours (the NER's weights, its config, the tokenizer): the vocabulary and
word vectors are the base model's, loaded from its package (:mod:`loaders.learned.base_model`).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from gmpgraph.learn.projection import LABELS, project_entities
from gmpgraph.learn.texts import AnnotatedText
from loaders.learned.base_model import base_model_path
from loaders.learned.ner_spans import TRAIN_CHUNK, paragraphs

CONFIG = Path(__file__).with_name("ner.cfg")
EMPTY_EVERY = 3


def examples(texts: list[AnnotatedText], nlp) -> list:
    """spaCy ``Doc`` objects with the gold names as entities, one per paragraph (see the module's note)."""
    docs = []
    for t in texts:
        text = t.doc.text
        spans = project_entities(text, t.entities)
        empty = 0
        for a, b in paragraphs(text, TRAIN_CHUNK):
            inside = [s for s in spans if a <= s.start and s.end <= b]
            if not inside:
                empty += 1
                if empty % EMPTY_EVERY:
                    continue
            doc = nlp.make_doc(text[a:b])
            ents = []
            for s in inside:
                span = doc.char_span(s.start - a, s.end - a, label=s.label, alignment_mode="expand")
                if span is not None and not any(e.start < span.end and span.start < e.end for e in ents):
                    ents.append(span)
            doc.ents = sorted(ents, key=lambda e: e.start)
            docs.append(doc)
    return docs


def train_ner(texts: list[AnnotatedText], output: Path, seed: int = 0) -> Path:
    """Train the NER on ``texts`` with ``ner.cfg`` into ``output`` (a spaCy pipeline folder); returns it."""
    import spacy
    from spacy.cli.train import train
    from spacy.tokens import DocBin

    output = Path(output)
    work = output.with_name(output.name + ".work")
    work.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    docs = examples(texts, nlp)
    DocBin(docs=docs).to_disk(work / "train.spacy")
    DocBin(docs=docs[:20]).to_disk(work / "dev.spacy")  # the config wants one; no decision rests on it
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"), "system.seed": seed,
                 "paths.base": str(base_model_path())}
    logging.getLogger("spacy").setLevel(logging.ERROR)
    train(CONFIG, work / "out", overrides=overrides, use_gpu=-1)
    trained = spacy.load(work / "out" / "model-last")
    if output.exists():
        shutil.rmtree(output)
    trained.to_disk(output, exclude=["vocab"])  # the vocabulary and vectors are the base model's
    without_paths(output / "config.cfg")
    shutil.rmtree(work, ignore_errors=True)
    return output


def without_paths(config_file: Path) -> None:
    """The trained model's config without the paths of the machine it was trained on (its data, the base
    model's folder): a model trained anywhere is the same files."""
    from spacy.util import load_config

    config = load_config(config_file, interpolate=False)
    for key in ("train", "dev", "base"):
        config["paths"][key] = None
    config.to_disk(config_file)


__all__ = ["LABELS", "examples", "train_ner"]


def main(argv: list[str] | None = None) -> None:
    """``python -m gmpgraph.learn.ner TEXTS.json OUTPUT SEED``: train on the annotated texts listed (as
    "set/file") in TEXTS.json. :func:`train_in_subprocess` runs it with a fixed ``PYTHONHASHSEED``, so the
    order of the labels (and with it every weight) is the same on every run."""
    import json
    import sys

    from gmpgraph.learn.texts import annotated_texts

    args = sys.argv[1:] if argv is None else argv
    wanted = set(json.loads(Path(args[0]).read_text(encoding="utf-8")))
    texts = [t for t in annotated_texts() if f"{t.set}/{t.file}" in wanted]
    if len(texts) != len(wanted):
        raise SystemExit(f"{len(wanted) - len(texts)} of the listed texts are not among the annotated texts")
    train_ner(texts, Path(args[1]), seed=int(args[2]))


def train_in_subprocess(texts: list[AnnotatedText], output: Path, seed: int = 0) -> Path:
    """:func:`train_ner` in a child process with ``PYTHONHASHSEED=0`` and its training table kept in
    ``output``'s ``.log`` file; raises ``RuntimeError`` with the log's end if it fails."""
    import json
    import os
    import subprocess
    import sys
    import tempfile

    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as listing:
        json.dump(sorted(f"{t.set}/{t.file}" for t in texts), listing)
    log = output.with_name(output.name + ".log")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    try:
        with log.open("w", encoding="utf-8") as sink:
            proc = subprocess.run([sys.executable, "-m", "gmpgraph.learn.ner", listing.name, str(output), str(seed)],
                                  stdout=sink, stderr=subprocess.STDOUT, env=env, check=False)
    finally:
        os.unlink(listing.name)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-1500:]
        raise RuntimeError(f"training the NER failed ({proc.returncode}); the end of {log}:\n{tail}")
    return output


if __name__ == "__main__":  # pragma: no cover - run by train_in_subprocess
    main()
