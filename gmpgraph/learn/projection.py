"""The gold placed on its text: the gold names its entities and quotes its relations' evidence, with
no character offsets, so every name and alias is found in the text as the text writes it.

Rules of the projection (one module, tested on the real texts in ``tests/test_learning.py``):

* every form of an entity (its name and each alias) is looked for, longest first, and a place taken by a
  longer form is not taken again (no overlaps);
* the words of a form may be split by any run of spaces or line breaks, and straight and curly quotes and
  apostrophes stand for each other; a leading "the" in the text is not part of the name, a possessive's
  "'s" after it is not either (both fall outside the word boundaries);
* a form found nowhere as written is looked for again without regard to case ("US department of state");
* a relation's evidence is placed by its words, spaces normalised.

>>> spans = project_entities("The Artisanal Gold Council (AGC) and AGC's staff.",
...                          [{"type": "Organization", "name": "Artisanal Gold Council", "aliases": ["AGC"]}])
>>> [(s.start, s.end, s.label) for s in spans]
[(4, 26, 'ORG'), (28, 31, 'ORG'), (37, 40, 'ORG')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: the entity types the statistical NER learns, and its labels for them (keyed types stay with the gazetteers)
LABELS: dict[str, str] = {"Organization": "ORG", "Person": "PERSON", "Project": "PROJECT",
                          "Publication": "PUBLICATION", "Event": "EVENT"}
TYPES: dict[str, str] = {label: etype for etype, label in LABELS.items()}
_QUOTES = {"'": "['\u2019\u2018]", "\u2019": "['\u2019\u2018]", "\u2018": "['\u2019\u2018]",
           '"': "[\"\u201c\u201d]", "\u201c": "[\"\u201c\u201d]", "\u201d": "[\"\u201c\u201d]"}


@dataclass(frozen=True)
class GoldSpan:
    """``text[start:end]`` is a mention of the gold entity ``entity`` (its index in the gold's list)."""

    start: int
    end: int
    label: str
    entity: int


@lru_cache(maxsize=8192)
def form_pattern(form: str, ignore_case: bool = False) -> re.Pattern[str] | None:
    """The pattern of one name as a text may write it.

    >>> bool(form_pattern("Jennifer O'Neill").search("manager Jennifer O\u2019Neill said"))
    True
    >>> bool(form_pattern("UN Environment").search("UN\\nEnvironment"))
    True
    """
    words = form.split()
    if not words:
        return None
    parts = ["".join(_QUOTES.get(c, re.escape(c)) for c in w) for w in words]
    body = r"\s+".join(parts)
    return re.compile(rf"(?<![\w@]){body}(?![\w])", re.IGNORECASE if ignore_case else 0)


def forms_of(entity: dict) -> list[str]:
    """The names an entity goes by: its name and aliases, at least two characters each, longest first."""
    forms = {entity.get("name") or "", *(entity.get("aliases") or [])}
    return sorted((f.strip() for f in forms if len(f.strip()) >= 2), key=lambda f: (-len(f), f))


def project_entities(text: str, entities: list[dict]) -> list[GoldSpan]:
    """Every place of ``text`` that names one of ``entities`` (of the learned types), longest form first, no
    overlaps, in text order."""
    candidates: list[tuple[int, int, int, str, int]] = []  # (-length, start, end, label, entity)
    for i, entity in enumerate(entities):
        label = LABELS.get(entity.get("type", ""))
        if label is None:
            continue
        for form in forms_of(entity):
            found = False
            for ignore_case in (False, True):
                pattern = form_pattern(form, ignore_case)
                if pattern is None:
                    break
                for m in pattern.finditer(text):
                    candidates.append((-(m.end() - m.start()), m.start(), m.end(), label, i))
                    found = True
                if found:
                    break
    taken: list[tuple[int, int]] = []
    out: list[GoldSpan] = []
    for _, start, end, label, i in sorted(candidates):
        if any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        out.append(GoldSpan(start, end, label, i))
    return sorted(out, key=lambda s: s.start)


def place_evidence(text: str, evidence: str) -> tuple[int, int] | None:
    """Where a relation's evidence quote stands in ``text`` (spaces and quotes normalised), or None.

    >>> place_evidence("It is funded by\\nthe GEF.", "funded by the GEF")
    (6, 23)
    """
    words = (evidence or "").replace("...", " ").replace("\u2026", " ").split()
    if not words:
        return None
    pattern = form_pattern(" ".join(words))
    m = pattern.search(text) if pattern else None
    if m is None and len(words) > 6:  # an elided quote: its longest run of words that is there
        for size in range(len(words) - 1, 3, -1):
            for k in range(0, len(words) - size + 1):
                p = form_pattern(" ".join(words[k:k + size]))
                m = p.search(text) if p else None
                if m:
                    return m.start(), m.end()
        return None
    return (m.start(), m.end()) if m else None


@dataclass(frozen=True)
class Coverage:
    """How much of the gold a projection placed."""

    entities: int
    entities_placed: int
    relations: int
    relations_placed: int

    def line(self) -> str:
        e = self.entities_placed / self.entities if self.entities else 1.0
        r = self.relations_placed / self.relations if self.relations else 1.0
        return (f"entities placed {self.entities_placed}/{self.entities} ({e:.1%}); "
                f"relation evidence placed {self.relations_placed}/{self.relations} ({r:.1%})")


def coverage(text: str, entities: list[dict], relations: list[dict]) -> Coverage:
    """How many of the learned-type entities have a place in the text, and how many relations' evidence."""
    spans = project_entities(text, entities)
    placed = {s.entity for s in spans}
    learned = [i for i, e in enumerate(entities) if e.get("type") in LABELS]
    evidence = [r for r in relations if r.get("evidence")]
    return Coverage(len(learned), sum(1 for i in learned if i in placed),
                    len(evidence), sum(1 for r in evidence if place_evidence(text, r["evidence"]) is not None))
