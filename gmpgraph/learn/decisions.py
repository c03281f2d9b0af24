"""Fitting the entity decision (and the relation reader) with scikit-learn on the candidates the extractor
proposes for annotated texts, labelled by their gold; the fitted weights are written as plain JSON
(:class:`loaders.learned.linear.LinearModel`).

A candidate's label is the gold type of the entity whose name or alias it shares (the evaluator's
normalisation), else ``none``.

Rule dropout: the rules were written while reading these texts, so they find almost every name the NER
finds in them, and a decision fitted on them alone learns that a name only the NER proposes is seldom
right; in a text nobody has read the rules miss far more (organisation recall 0.62 on the texts kept back
when issue 28 was filed, 0.86 under cross-validation here). So one candidate in ten (:data:`RULE_DROPOUT`,
chosen by a hash of its name) that both a rule and the NER proposed is also given to the decision as if only
the NER had found it, labelled by the gold. Under 5-fold cross-validation this raised the training texts
from 0.841 / 0.726 to 0.843 / 0.728 (all 79 texts 0.871 / 0.778 -> 0.870 / 0.779); with 30% of the rules'
names taken away from the texts scored (``gmpgraph eval --cv 5 --rules-miss 30``: texts whose names the rules
miss), from 0.779 / 0.553 to 0.791 / 0.574 on the training texts and 0.798 / 0.620 to 0.808 / 0.636 over all.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from gmpgraph.evaluate import norm
from gmpgraph.learn.texts import AnnotatedText
from loaders.entities.found import Found
from loaders.learned.boundaries import decide_boundaries
from loaders.learned.entities import NER_TYPES, NONE, TYPES, Candidate, candidates, features, ner_chunks
from loaders.learned.linear import LinearModel
from loaders.learned.models import Models, using
from loaders.learned.ner_spans import within
from loaders.pipeline import run

SEED = 0
ENTITY_C = 1.0
RELATION_C = 1.0
BOUNDARY_C = 1.0
RULE_DROPOUT = 10  # per cent of the candidates both a rule and the NER proposed, also shown as the NER's alone
NerSpans = dict[str, list[tuple[int, int, str]]]  # a text's SHA-256 -> its NER spans (out of fold)


@dataclass
class RuleReading:
    """What the rules found in a text where the entity decision reads it, and the paragraphs the NER reads."""

    found: list[Found]
    chunks: list[tuple[int, int]]


def rule_reading(text: AnnotatedText) -> RuleReading:
    """The rules' finds of a text at the point where the entity decision reads them."""
    ann = run(text.doc.model_copy(deep=True), text.sha256, until="learned_entities")
    return RuleReading(ann.found, ner_chunks(ann))


def gold_names(text: AnnotatedText) -> list[tuple[str, int, str]]:
    """Each normalised name and alias of the text's gold entities of the learned types: (name, index, type)."""
    return [(norm(name), i, e["type"]) for i, e in enumerate(text.entities) if e.get("type") in TYPES
            for name in (e.get("name"), *(e.get("aliases") or [])) if name and norm(name)]


def gold_entities(text: AnnotatedText) -> dict[str, int]:
    """Each normalised gold name with the index of the (first) entity it names."""
    out: dict[str, int] = {}
    for name, i, _ in gold_names(text):
        out.setdefault(name, i)
    return out


def gold_types(text: AnnotatedText) -> dict[str, set[str]]:
    """Each normalised gold name with the types of the entities it names."""
    out: dict[str, set[str]] = {}
    for name, _, etype in gold_names(text):
        out.setdefault(name, set()).add(etype)
    return out


@dataclass
class EntityExamples:
    """The candidates of some texts as features, with their gold labels."""

    X: list[dict[str, float]]
    y: list[str]


def entity_examples(text: AnnotatedText, finds: list[Found], ner: list[tuple[int, int, str]],
                    displaced: set[tuple[int, int, str]] = frozenset()) -> EntityExamples:
    """The candidates of a text with their labels: the gold type of the entity they name, else ``none``; a
    name only the NER proposed for an entity a rule's candidate already names is ``none`` too (keeping it
    would make the entity twice); and the rule dropout's copies (see the module's note)."""
    gold = gold_types(text)
    entity_of = gold_entities(text)
    groups = candidates(text.doc.text, finds, ner, displaced)
    named_by_rules = {entity_of[n] for c in groups for f in c.finds for n in map(norm, (f.name, *f.aliases))
                      if n in entity_of}
    X, y = [], []
    for c in groups:
        names = {norm(c.name)} | {norm(n) for f in c.finds for n in (f.name, *f.aliases)}
        types = set().union(*(gold.get(n, set()) for n in names))
        proposed = [f.node_type for f in c.finds]
        label = next((t for t in proposed if t in types), None) or (sorted(types)[0] if types else NONE)
        if not c.finds and entity_of.get(norm(c.name)) in named_by_rules:
            label = NONE
        X.append(features(text.doc.text, c))
        y.append(label)
        if c.finds and c.ner and dropped(c.key):
            alone = Candidate(c.key, c.name, [], c.ner, c.displaced, c.listed_with)
            said = {norm(c.name)} | {norm(text.doc.text[a:b]) for a, b, _ in c.ner}
            named = set().union(*(gold.get(n, set()) for n in said))
            by_ner = [NER_TYPES[lab] for _, _, lab in c.ner if NER_TYPES[lab] in named]
            X.append(features(text.doc.text, alone))
            y.append(by_ner[0] if by_ner else sorted(named)[0] if named else NONE)
    return EntityExamples(X, y)


def dropped(key: str, rate: int = RULE_DROPOUT) -> bool:
    """Whether the candidate of this name is also shown to the decision without its rules (see the module's
    note): ``rate`` per cent of names, the same ones on every run.

    >>> sum(dropped(f"name {i}") for i in range(1000))
    109
    """
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 100 < rate


def boundary_examples(text: AnnotatedText, finds: list[Found], ner: list[tuple[int, int, str]]) -> EntityExamples:
    """Each (rule find, NER span over it with other edges) of a text, labelled ``ner`` where the NER's span
    is a gold name (of any entity of the learned types) and the find's name is none, else ``rule``."""
    from loaders.learned.boundaries import NER, RULE, boundary_features, overlaps

    gold = gold_types(text)
    X, y = [], []
    for find, span in overlaps(text.doc.text, finds, ner):
        X.append(boundary_features(text.doc.text, find, span))
        rule_names = {norm(find.name), norm(text.doc.text[find.start:find.end])}
        y.append(NER if norm(text.doc.text[span[0]:span[1]]) in gold and not rule_names & gold.keys() else RULE)
    return EntityExamples(X, y)


def relation_examples(text: AnnotatedText, ann) -> EntityExamples:
    """Each candidate pair of an extracted text, labelled with the relation the gold states between the two
    entities they are (the evaluator's matching), else ``none``."""
    from gmpgraph.evaluate import Gold, triple
    from loaders.learned.relations import NONE as NO_RELATION
    from loaders.learned.relations import pair_features, pairs, rule_types_of, types_for

    gold = Gold(text.gold_files)
    rules = rule_types_of(ann)
    X, y = [], []
    for pair in pairs(ann):
        ends = [gold.match(n.model_dump()) for n in (pair.source, pair.target)]
        label = NO_RELATION
        if None not in ends:
            label = next((t for t in types_for(pair.source.type, pair.target.type)
                          if triple(t, ends[0], ends[1]) in gold.triples), NO_RELATION)
        X.append(pair_features(text.doc.text, pair, rules.get((pair.source.id, pair.target.id), set())))
        y.append(label)
    return EntityExamples(X, y)


def fit_linear(X: list[dict[str, float]], y: list[str], C: float = 1.0, name: str = "") -> LinearModel:
    """A multinomial logistic regression over the features (fixed seed), as a :class:`LinearModel`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=True)
    matrix = vec.fit_transform(X)
    clf = LogisticRegression(C=C, max_iter=3000, random_state=SEED)
    clf.fit(matrix, y)
    return LinearModel(list(vec.get_feature_names_out()), [[round(float(w), 6) for w in row] for row in clf.coef_],
                       [round(float(b), 6) for b in clf.intercept_], [str(c) for c in clf.classes_],
                       {"name": name, "C": C, "examples": len(y)})


def fit_decisions(texts: list[AnnotatedText], ner: NerSpans, readings: dict[str, RuleReading] | None = None
                  ) -> Models:
    """The entity decision and the relation reader fitted on ``texts``, with their NER spans ``ner`` (and the
    rules' readings of them where already made: cross-validation reads each text once for all its folds)."""
    readings = readings if readings is not None else {}
    for t in texts:
        if t.sha256 not in readings:
            readings[t.sha256] = rule_reading(t)
    spans = {t.sha256: within(ner[t.sha256], readings[t.sha256].chunks) for t in texts}
    bounds = [boundary_examples(t, readings[t.sha256].found, spans[t.sha256]) for t in texts]
    boundaries = fit_linear([x for e in bounds for x in e.X], [y for e in bounds for y in e.y], C=BOUNDARY_C,
                            name="boundaries")
    examples = []
    for t in texts:
        finds, displaced = decide_boundaries(t.doc.text, readings[t.sha256].found, spans[t.sha256], boundaries)
        examples.append(entity_examples(t, finds, spans[t.sha256], displaced))
    entities = fit_linear([x for e in examples for x in e.X], [y for e in examples for y in e.y], C=ENTITY_C,
                          name="entities")
    models = Models(ner=lambda key, text, chunks=None: within(ner[key], chunks), entities=entities,
                    boundaries=boundaries)
    with using(models):
        pairs = [relation_examples(t, run(t.doc.model_copy(deep=True), t.sha256, until="learned_relations"))
                 for t in texts]
    models.relations = fit_linear([x for e in pairs for x in e.X], [y for e in pairs for y in e.y], C=RELATION_C,
                                  name="relations")
    return models
