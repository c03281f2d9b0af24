"""Loading a saved spaCy pipeline without building a tokenizer only to throw it away.

``spacy.load`` first makes the language's default tokenizer (English: its prefix, suffix and infix patterns
and 1,300 special cases; 0.1–0.2 s) and then replaces all of it with the tokenizer saved in the pipeline's
folder. :func:`load` makes an empty tokenizer instead (``gmpgraph.saved_tokenizer.v1``), which the saved one
then fills: every pattern, special case and setting the pipeline was saved with, so it splits every text as
before (checked on every paragraph of the reports, pages and texts for both models).

The pipeline's layers multiply their matrices with numpy (thinc's ``NumpyOps(use_blis=False)``) rather than
with the BLIS build thinc ships: on this project's machines numpy's OpenBLAS is 3-4 times as fast at the
tok2vec's products (1.9-3.5 ms against 11-13 ms for a 2,000 x 288 by 288 x 288 product), which halves the
time both models take, and the learned NER found the same spans in every one of the 10x corpus's 2,162
paragraphs it reads either way.

>>> LOAD_CONFIG
{'nlp': {'tokenizer': {'@tokenizers': 'gmpgraph.saved_tokenizer.v1'}}}
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

TOKENIZER = "gmpgraph.saved_tokenizer.v1"
LOAD_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}}
_registered = False


def saved_tokenizer() -> Callable[[Language], Tokenizer]:
    """The registered factory: an empty tokenizer, for the saved one to fill."""
    from spacy.tokenizer import Tokenizer

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def load(name: str | Path, **kwargs: Any) -> Language:
    """``spacy.load(name, **kwargs)`` with the tokenizer made only from the one saved with the pipeline, its
    layers multiplying with numpy (see the module's note)."""
    import spacy
    from thinc.api import NumpyOps

    global _registered
    if not _registered:
        spacy.registry.tokenizers.register(TOKENIZER, func=saved_tokenizer)
        _registered = True
    nlp = spacy.load(name, config=LOAD_CONFIG, **kwargs)
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:  # every layer, also those a component makes as it loads (a parser's output)
        model = getattr(component, "model", None)
        for layer in model.walk() if model is not None else ():
            layer.ops = ops
    return nlp
