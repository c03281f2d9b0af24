"""Running the statistical NER over a document: paragraph by paragraph, only those with a capitalised word
that no rule explains (:func:`unexplained`: a name the rules read needs no second reading, and the NER costs
more than all the rules together), spans in document offsets; results remembered on disk beside the parse
cache (``loaders.syntax.cache_dir``), per paragraph, keyed by the model's weights and the paragraph's text,
so a rebuild of documents already read loads neither spaCy nor the model, and a changed document runs the
model on its new paragraphs only (in the model process beside a lone extraction, :mod:`loaders.model_process`,
where there is one)."""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

_PARAGRAPH = re.compile(r"\n[ \t]*\n+")
_CAPITAL = re.compile(r"[A-Z]")
#: the longest piece of a paragraph the NER is trained on, and the longest it reads when extracting: pieces of
#: 900 characters read 0.54 of the reports' text against 0.60 with 1,500, with the same cross-validated figures
#: (700 and 500 lost relations: a project's name found in fewer places)
TRAIN_CHUNK = 1500
READ_CHUNK = 900


def paragraphs(text: str, max_chunk: int = READ_CHUNK) -> list[tuple[int, int]]:
    """The paragraphs of ``text`` (blank-line separated; those longer than ``max_chunk`` cut at line breaks) with a
    capital letter.

    >>> paragraphs("One Thing.\\n\\nnothing here\\n\\nTwo.")
    [(0, 10), (26, 30)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in [*_PARAGRAPH.finditer(text), None]:
        end = m.start() if m else len(text)
        a = start
        while end - a > max_chunk:
            cut = text.rfind("\n", a + 1, a + max_chunk)
            if cut <= a:
                cut = text.rfind(" ", a + 1, a + max_chunk)
            if cut <= a:
                cut = a + max_chunk
            out.append((a, cut))
            a = cut + 1
        out.append((a, end))
        start = m.end() if m else len(text)
    return [(a, b) for a, b in out if _CAPITAL.search(text, a, b)]


#: what may be a name: two capitalised words in a row (small words between allowed), an acronym, a word with a
#: capital inside ("planetGOLD", "BaliFokus")
_CAPITALISED = re.compile(r"[A-Z][\w'\u2019&-]*(?:\s+(?:(?:of|and|for|the|on|in|de|del|la|&)\s+)*[A-Z][\w'\u2019&-]*)+|"
                          r"\b[A-Z]{2,}\b|\b[a-z]+[A-Z]\w*|\b[A-Z][a-z]+[A-Z]\w*")


#: capitalised words that open a sentence or a heading rather than a name ("The Partnership", "In Colombia")
_OPENERS = frozenset("The In For This These That Those Both A An At On By As To With From Its Their Our And Of Under "
                     "Section Annex Part Chapter Table Figure".split())
#: capitalised words that name no body, person, project, publication or event by themselves: the conventions'
#: own names, the world's regions
_NAMELESS = frozenset("Minamata Basel Rotterdam Stockholm Convention Conventions "
                      "Africa African Asia Asian America American Latin Latin-America Europe European Caribbean "
                      "Pacific Asia-Pacific Arctic Amazon North South East West Central Southeast Eastern Western "
                      "Northern Southern Middle".split())


def may_name(run: str) -> bool:
    """Whether a capitalised run (a match of ``_CAPITALISED``) may still be a name once the word that opens its
    sentence, roman numerals, the conventions' names and the world's regions are set aside: two capitalised
    words or more with one of them left, or one left that is an acronym or has a capital inside.

    >>> [may_name(r) for r in ("The Partnership", "In Colombia", "Minamata Convention", "II", "The Toolkit",
    ...                        "South Asia and Southeast Asia")]
    [False, False, False, False, False, False]
    >>> [may_name(r) for r in ("The Artisanal Gold Council", "UNEP", "planetGOLD", "Pure Earth", "The ASGM")]
    [True, True, True, True, True]
    """
    words = run.split()
    while len(words) > 1 and words[0] in _OPENERS:
        words = words[1:]
    capitalised = [w for w in words if any(c.isupper() for c in w) and not set(w) <= set("IVX")]
    left = [w for w in capitalised if w not in _NAMELESS]
    if not left:
        return False
    if len(capitalised) >= 2:
        return True
    word = left[0]
    return (len(word) >= 2 and word.isupper()) or any(c.isupper() for c in word[1:])


def unexplained(text: str, chunks: list[tuple[int, int]], explained: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs holding something that may be a name (two capitalised words in a row, an acronym, a
    capital inside a word) that the ``explained`` spans (sorted) leave unexplained (:func:`may_name`).

    >>> unexplained("UNEP met. The Artisanal Gold Council spoke.", [(0, 43)], [(0, 4)])
    [(0, 43)]
    >>> unexplained("UNEP met. The council spoke to Members.", [(0, 39)], [(0, 4)])
    []
    """
    from bisect import bisect_right

    starts = [a for a, _ in explained]

    def covered(offset: int) -> bool:  # inside a span a rule explains
        i = bisect_right(starts, offset) - 1
        return i >= 0 and any(s <= offset < e for s, e in explained[max(0, i - 6):i + 1])

    out = []
    for a, b in chunks:
        if any(not covered(m.start()) and may_name(m.group()) for m in _CAPITALISED.finditer(text, a, b)):
            out.append((a, b))
    return out


def within(spans: list[tuple[int, int, str]], chunks: list[tuple[int, int]] | None) -> list[tuple[int, int, str]]:
    """The spans inside ``chunks`` (all of them where ``chunks`` is None)."""
    if chunks is None:
        return spans
    return [s for s in spans if any(a <= s[0] and s[1] <= b for a, b in chunks)]


class NerRunner:
    """The NER of a spaCy pipeline folder as a function ``(document key, text) -> [(start, end, label)]``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._nlp = None
        self._model_id: str | None = None

    def nlp(self):
        if self._nlp is None:
            from loaders import saved_pipeline
            from loaders.learned.base_model import base_vocab

            self._nlp = saved_pipeline.load(self.path, vocab=base_vocab(), exclude=["vocab"])
        return self._nlp

    def model_id(self) -> str:
        """A hash of the model's weights and config: what its results depend on."""
        if self._model_id is None:
            digest = hashlib.sha256()
            for part in ("config.cfg", "ner/model", "ner/moves"):
                file = self.path / part
                digest.update(file.read_bytes() if file.is_file() else b"")
            self._model_id = digest.hexdigest()[:16]
        return self._model_id

    def __call__(self, key: str, text: str, chunks: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
        """The NER spans of ``text`` in ``chunks`` (default: every paragraph with a capital letter), each paragraph's
        remembered on disk by its text and the model (``key`` names the document; the text is what counts): a
        changed document runs the model on its new paragraphs only, and loads it only if there are any."""
        from loaders.syntax import cache_dir, write_cache_file

        chunks = paragraphs(text) if chunks is None else chunks
        folder = cache_dir()
        if folder is None:
            return self.spans(text, chunks)
        out: list[tuple[int, int, str]] = []
        missing: list[tuple[int, int, Path]] = []
        for a, b in chunks:
            file = self.cache_file(folder, text[a:b])
            try:
                out += [(a + s, a + e, label) for s, e, label in json.loads(file.read_text(encoding="utf-8"))]
            except (OSError, ValueError):
                missing.append((a, b, file))
        if missing:
            found_in = self.entities([text[a:b] for a, b, _ in missing])
            for (a, _, file), found in zip(missing, found_in, strict=True):
                write_cache_file(file, json.dumps(found).encode("utf-8"))
                out += [(a + s, a + e, label) for s, e, label in found]
        return sorted(out)

    def spans(self, text: str, chunks: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
        chunks = paragraphs(text) if chunks is None else chunks
        out = []
        for (a, _), found in zip(chunks, self.entities([text[a:b] for a, b in chunks])):
            out += [(a + s, a + e, label) for s, e, label in found]
        return out

    def cache_file(self, folder: Path, paragraph: str) -> Path:
        """Where the spans of ``paragraph`` are remembered, under the parse cache's ``folder``."""
        digest = hashlib.sha256(paragraph.encode("utf-8")).hexdigest()
        return folder.parent / f"ner-{self.model_id()}" / digest[:2] / f"{digest}.json"

    def prepare(self, text: str) -> None:
        """Where a model process serves this one (:mod:`loaders.model_process`) and a paragraph of ``text`` is not
        in the cache (the NER may read it), have the model loaded there now, while the rules run."""
        from loaders import model_process
        from loaders.syntax import cache_dir

        folder = cache_dir()
        if folder is None or not model_process.serves("ner"):
            return
        if any(not self.cache_file(folder, text[a:b]).is_file() for a, b in paragraphs(text)):
            model_process.prepare("ner", str(self.path))

    def entities(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """The NER's spans of each text, (start, end, label) in the text: from the model process beside this
        one where there is one (:mod:`loaders.model_process`), else from the model loaded here."""
        from loaders.model_process import run

        answer = run("ner", str(self.path), texts)
        if answer is not None:
            return [[(s, e, label) for s, e, label in found] for found in answer]
        return self.entities_of(texts)

    def entities_of(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """The NER's spans of each text, by the model loaded in this process."""
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
                for doc in self.nlp().pipe(texts, batch_size=64)]


@cache
def runner_for(path: Path) -> NerRunner:
    """One runner per model folder (the model process's, which loads each model once)."""
    return NerRunner(path)
