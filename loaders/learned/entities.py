"""The entity decision: every candidate name of a document (found by a rule, by the statistical NER, or
both) is grouped by its name, described by declared features, and one trained decision keeps it with a
type or drops it.

Features (:func:`features`): which sources proposed the name and as what type, the rules that fired, the
NER's labels and how many of its mentions it labelled, how often and how the name is written (words,
capitals, an acronym, digits), its first and head word, and the words around its first mention.

Decision (:func:`decide`): a rule's name is dropped only when the model is sure it is none
(``p(none) >= DROP``) and retyped only when it is sure of another type; a name only the NER proposed is
kept when the model's best type is not ``none`` and at least ``ADD`` sure. Where a kept NER-only mention
overlaps a kept rule mention, the rule's wins. A name the rules read off the document's structure (a sheet's
field, the document's own title) that gave way to a NER span comes back if that span is not kept.

>>> from loaders.entities.found import Found
>>> groups = candidates("UNIDO and the Artisanal Gold Council met.", [Found("Organization", "UNIDO", 0, 5,
...                     rule="reference acronym")], [(14, 36, "ORG")])
>>> [(g.name, g.sources) for g in groups]
[('UNIDO', ('rule',)), ('Artisanal Gold Council', ('ner',))]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from loaders.entities.found import Found, clean_name, name_key
from loaders.entities.naming import entity_type
from loaders.gazetteers.countries import find_countries
from loaders.gazetteers.places import city_countries
from loaders.learned.boundaries import WORD as _WORD
from loaders.learned.boundaries import decide_boundaries
from loaders.learned.linear import LinearModel

TYPES = ("Organization", "Person", "Project", "Publication", "Event")
NER_TYPES = {"ORG": "Organization", "PERSON": "Person", "PROJECT": "Project", "PUBLICATION": "Publication",
             "EVENT": "Event"}
NONE = "none"
DROP = 0.99
RETYPE = 0.99
ADD = 0.4
NER_RULE = "statistical NER, kept by the entity decision"
#: the rules that read a name off the document's structure (a sheet's field, the document's own title)
STRUCTURAL = ("the value of a data sheet", "the document's title", "a heading over")
_SMALL = {"of", "and", "the", "for", "on", "in", "to", "de", "la", "du", "des", "a", "an", "at", "by", "with", "&"}


@dataclass
class Candidate:
    """All the mentions of one name in a document, and what proposed them."""

    key: str
    name: str
    finds: list[Found] = field(default_factory=list)
    ner: list[tuple[int, int, str]] = field(default_factory=list)
    displaced: bool = False  # one of its NER spans displaced a rule's find (the boundary decision)
    listed_with: set[str] = field(default_factory=set)  # the types of rule finds it is listed with ('A, B and C')

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(s for s, has in (("rule", self.finds), ("ner", self.ner)) if has)

    @property
    def first(self) -> int:
        return min([f.start for f in self.finds] + [a for a, _, _ in self.ner])


def candidates(text: str, finds: list[Found], ner: list[tuple[int, int, str]],
               displaced: set[tuple[int, int, str]] = frozenset()) -> list[Candidate]:
    """The candidates of a document: its rule finds of the named types and its NER spans, grouped by name. A
    NER span over a rule's find, or naming what a rule's find gives as a name or alias, joins that find's
    candidate (the NER agrees with the rule); any other NER span is a candidate of its own name (marked if
    it is one of the ``displaced`` spans that took a rule find's place)."""
    groups: dict[str, Candidate] = {}
    by_alias: dict[str, Candidate] = {}
    spans: list[tuple[int, int, Candidate]] = []
    for f in finds:
        if f.node_type not in TYPES:
            continue
        key = name_key(f.name)
        if key:
            group = groups.setdefault(key, Candidate(key, f.name))
            group.finds.append(f)
            spans.append((f.start, f.end, group))
            for alias in (f.name, *f.aliases):
                by_alias.setdefault(name_key(alias), group)
    spans.sort(key=lambda s: s[0])
    starts = [a for a, _, _ in spans]
    for start, end, label in ner:
        if label not in NER_TYPES:
            continue
        name = clean_name(text[start:end])
        key = name_key(name)
        if len(key) < 2 or not any(c.isupper() for c in name):
            continue
        i = bisect_right(starts, end)
        over = next((g for a, b, g in reversed(spans[max(0, i - 8):i]) if a < end and start < b), None)
        group = over or by_alias.get(key) or groups.setdefault(key, Candidate(key, name))
        group.ner.append((start, end, label))
        group.displaced = group.displaced or (start, end, label) in displaced
    _mark_lists(text, spans, groups.values())
    return sorted(groups.values(), key=lambda c: c.first)


_LIST_WORDS = frozenset({",", ";", "/", "and", "or", "&", "the"})


def _list_gap(gap: str) -> bool:
    """Whether ``gap`` joins two items of a list: ', ', ' and the ', '; ', ', and '."""
    words = gap.replace(",", " , ").replace(";", " ; ").replace("/", " / ").split()
    return 0 < len(words) <= 3 and set(words) <= _LIST_WORDS and words != ["the"]


def _mark_lists(text: str, spans: list[tuple[int, int, Candidate]], groups) -> None:
    """Each candidate's ``listed_with``: the types of the rule finds next to one of its mentions in a list
    ('Fundación Medmin, Fundación Profin, Cumbre del Sajama and the Bolivian branch'). ``spans`` are the rule
    finds' (start, end, candidate), sorted by start."""
    by_end = sorted(spans, key=lambda s: s[1])
    starts, ends = [a for a, _, _ in spans], [b for _, b, _ in by_end]
    for c in groups:
        for a, b in {(f.start, f.end) for f in c.finds} | {(x, y) for x, y, _ in c.ner}:
            after = spans[bisect_right(starts, b):][:4]  # the nearest finds of other candidates on either side
            before = by_end[:bisect_right(ends, a)][-4:][::-1]
            nxt = next(((text[b:x], g) for x, _, g in after if g is not c), None)
            prev = next(((text[y:a], g) for _, y, g in before if g is not c), None)
            for gap, g in filter(None, (nxt, prev)):
                if len(gap) <= 8 and _list_gap(gap):
                    c.listed_with.update(f.node_type for f in g.finds)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def _rule_words(rule: str) -> str:
    words = re.sub(r"[^a-z ]+", " ", rule.lower()).split()
    return " ".join(words[:4])


def features(text: str, c: Candidate) -> dict[str, float]:
    """The declared features of one candidate (see the module's note)."""
    f: dict[str, float] = {"bias": 1.0, "src=" + "+".join(c.sources): 1.0}
    if c.displaced:
        f["displaced-rule"] = 1.0
    for find in c.finds:
        f["rtype=" + find.node_type] = 1.0
        f["rule=" + _rule_words(find.rule)] = 1.0
        if "reference" in find.rule or "well-known" in find.rule:
            f["well-known"] = 1.0
    mentions = len({(x.start, x.end) for x in c.finds} | {(a, b) for a, b, _ in c.ner})
    for label in {lab for _, _, lab in c.ner}:
        share = sum(1 for _, _, lab in c.ner if lab == label) / mentions
        f["ner=" + label] = 1.0
        f["nershare=" + label] = share
        if any(NER_TYPES[label] == find.node_type for find in c.finds):
            f["agree"] = 1.0
    f["mentions=" + _bucket(mentions, (1, 2, 4))] = 1.0
    f["logmentions"] = math.log(mentions)
    words = _WORD.findall(c.name)
    f["words=" + _bucket(len(words), (1, 2, 3, 5, 8))] = 1.0
    if words:
        f["head=" + words[-1].lower()] = 1.0
        f["first=" + words[0].lower()] = 1.0
        content = [w for w in words if w.lower() not in _SMALL]
        if content:
            f["lowershare"] = sum(1 for w in content if w[0].islower()) / len(content)
            f["capsshare"] = sum(1 for w in content if w.isupper() and len(w) > 1) / len(content)
    compact = c.name.replace(" ", "")
    if compact.isupper() and len(compact) <= 12:
        f["acronym"] = 1.0
        if any(f"({c.name}{end}" in text for end in "),;"):
            f["acronym-defined"] = 1.0
        else:
            f["acronym-undefined"] = 1.0
    by_head = entity_type(c.name)
    f["head-type=" + (by_head or "unknown")] = 1.0
    countries = find_countries(c.name)
    if countries and countries[0].start == 0 and countries[0].end >= len(c.name) - 1:
        f["is-country"] = 1.0
    elif countries:
        f["has-country"] = 1.0
    if re.search(r"\bet al\b|\d{4}", c.name):
        f["citation-like"] = 1.0
    size = "long" if len(text) > 40_000 else "medium" if len(text) > 8_000 else "short"
    f["doc=" + size] = 1.0
    f[f"doc={size}&{'+'.join(c.sources)}"] = 1.0
    shape = [k for k in f if k.startswith(("words=", "head-type=", "acronym", "is-country", "has-country",
                                            "citation-like", "line-start", "quoted", "digit"))]
    labels = [k[4:] for k in f if k.startswith("ner=")] + [k[6:] for k in f if k.startswith("rtype=")]
    for label in labels:
        for k in shape:
            f[f"{label}&{k}"] = 1.0
        f[f"{label}&{'+'.join(c.sources)}"] = 1.0
    occurrences = text.count(c.name) or 1
    if c.ner:
        f["ner-consistency"] = min(1.0, len(c.ner) / occurrences)
        if c.finds and not any((a, b) == (x.start, x.end) for a, b, _ in c.ner for x in c.finds):
            f["ner-boundary-differs"] = 1.0
    if any(ch.isdigit() for ch in c.name):
        f["digit"] = 1.0
    if len(c.name) > 80:
        f["long"] = 1.0
    start = c.first
    end = next((x.end for x in c.finds if x.start == start), None) or next(b for a, b, _ in c.ner if a == start)
    before = _WORD.findall(text[max(0, start - 40):start])
    after = _WORD.findall(text[end:end + 40])
    f["prev=" + (before[-1].lower() if before else "^")] = 1.0
    f["next=" + (after[0].lower() if after else "$")] = 1.0
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip(" \t-*•|#>0123456789.)"):
        f["line-start"] = 1.0
    if start and text[start - 1] in "\"\u201c'\u2018":
        f["quoted"] = 1.0
    if text[end:end + 2].startswith(" (") or text[end:end + 1] == "(":
        f["bracket-after"] = 1.0
    for node_type in c.listed_with:
        f["listed-with=" + node_type] = 1.0
    return f


@dataclass(frozen=True)
class Decision:
    """What the model decided of a candidate: its type (or ``none``) and how sure it is of each."""

    label: str
    probabilities: dict[str, float]


def decide(model: LinearModel, text: str, c: Candidate) -> Decision:
    p = model.probabilities(features(text, c))
    return Decision(max(p, key=p.get), p)


def apply_decisions(text: str, finds: list[Found], ner: list[tuple[int, int, str]], model: LinearModel,
                    boundaries: LinearModel | None = None) -> list[Found]:
    """The document's finds after the decisions: rule finds whose edges the NER's beat give way (the boundary
    decision), then rule finds kept, dropped or retyped, NER-only names added (the entity decision)."""
    displaced: set[tuple[int, int, str]] = set()
    given_way: list[Found] = []
    if boundaries is not None:
        before = finds
        finds, displaced = decide_boundaries(text, finds, ner, boundaries)
        remaining = {id(f) for f in finds}
        given_way = [f for f in before if id(f) not in remaining and f.rule.startswith(STRUCTURAL)]
    kept: list[Found] = [f for f in finds if f.node_type not in TYPES]
    added: list[Found] = []
    for c in candidates(text, finds, ner, displaced):
        d = decide(model, text, c)
        if c.finds:
            if d.probabilities.get(NONE, 0.0) >= DROP:
                continue
            for find in c.finds:
                if d.label not in (NONE, find.node_type) and d.probabilities[d.label] >= RETYPE:
                    find.node_type = d.label
                    find.rule = f"{find.rule}; type by the entity decision"
                kept.append(find)
        elif d.label != NONE and d.probabilities[d.label] >= ADD and not names_a_place_or_citation(text, c.name):
            for start, end, _ in c.ner:
                surface = text[start:end]
                lead = len(surface) - len(surface.lstrip())
                added.append(Found(d.label, c.name, start + lead, end, (), None, NER_RULE))
    taken = sorted((f.start, f.end) for f in kept if f.node_type in TYPES)
    added = [f for f in added if not any(a < f.end and f.start < b for a, b in taken)]
    # a name read off the document's structure gives way only to a name that is kept: where the NER's span that
    # displaced it was not, it stands as the rules read it ('Program Title: Global Opportunities ... Plus')
    kept += [f for f in given_way if not any(a.start < f.end and f.start < a.end for a in added)]
    return kept + added


def names_a_place_or_citation(text: str, name: str) -> bool:
    """What the statistical NER may label a body or a person but never is one: a country ('Sierra Leone' as a
    PERSON), a country's code in brackets after it ('Trinidad and Tobago (TTO)'), a citation ('Takenaka et al').

    >>> names_a_place_or_citation("Trinidad and Tobago (TTO) and Antigua", "TTO")
    True
    >>> names_a_place_or_citation("the Artisanal Gold Council (AGC)", "AGC")
    False
    >>> names_a_place_or_citation("in Ho Chi Minh City", "Ho Chi Minh City")
    True
    """
    countries = find_countries(name)
    if (countries and countries[0].start == 0 and countries[0].end >= len(name) - 1) or " et al" in name:
        return True
    if name in city_countries():
        return True  # a city: 'Ho Chi Minh City' as a PERSON
    befores = [text[max(0, m.start() - 60):m.start()].rstrip() for m in re.finditer(re.escape(f"({name})"), text)]
    return bool(befores) and all(any(c.end >= len(before) - 1 for c in find_countries(before)) for before in befores)


def learned_entities(ann) -> None:
    """Pipeline component: the entity decision over the rules' finds and the statistical NER's spans (nothing
    changes where no trained decision is installed)."""
    from loaders.learned.models import current

    models = current()
    if models.entities is not None:
        ner = models.ner(ann.sha256 or ann.doc.meta.file, ann.text, ner_chunks(ann)) if models.ner else []
        ann.found = apply_decisions(ann.text, ann.found, ner, models.entities, models.boundaries)


def prepare_ner(ann) -> None:
    """Before the rules run: where the NER runs in a model process beside this one
    (:mod:`loaders.model_process`) and may have to read a paragraph of this document, that process loads it now,
    so that it is ready when :func:`learned_entities` asks."""
    from loaders.learned.models import current

    prepare = getattr(current().ner, "prepare", None)
    if callable(prepare):
        prepare(ann.text)


def ner_chunks(ann) -> list[tuple[int, int]]:
    """The paragraphs the NER reads: those with a capitalised word no rule's find or mention explains."""
    from loaders.learned.ner_spans import paragraphs, unexplained

    explained = sorted([(f.start, f.end) for f in ann.found] + [(m.start, m.end) for m in ann.located])
    return unexplained(ann.text, paragraphs(ann.text), explained)
