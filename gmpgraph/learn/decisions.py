"""Fitting the entity decision (and the relation reader) with scikit-learn on the candidates the extractor
proposes for annotated texts, labelled by their gold; the fitted weights are written as plain JSON
(:class:`loaders.learned.linear.LinearModel`).

A candidate's label is the gold type of the entity whose name or alias it shares (the evaluator's
normalisation), else ``none``.
"""

from __future__ import annotations

from dataclasses import dataclass

from gmpgraph.evaluate import norm
from gmpgraph.learn.texts import AnnotatedText
from loaders.entities.found import Found
from loaders.learned.entities import NONE, TYPES, candidates, features, ner_chunks
from loaders.learned.linear import LinearModel
from loaders.pipeline import run

SEED = 0


@dataclass
class RuleReading:
    """What the rules found in a text where the entity decision reads it, and the paragraphs the NER reads."""

    found: list[Found]
    chunks: list[tuple[int, int]]


def rule_reading(text: AnnotatedText) -> RuleReading:
    """The rules' finds of a text at the point where the entity decision reads them."""
    ann = run(text.doc.model_copy(deep=True), text.sha256, until="learned_entities")
    return RuleReading(ann.found, ner_chunks(ann))


def gold_types(text: AnnotatedText) -> dict[str, set[str]]:
    """Every normalised name and alias of the text's gold entities, with their types."""
    out: dict[str, set[str]] = {}
    for e in text.entities:
        if e.get("type") in TYPES:
            for name in (e.get("name"), *(e.get("aliases") or [])):
                if name and norm(name):
                    out.setdefault(norm(name), set()).add(e["type"])
    return out


@dataclass
class EntityExamples:
    """The candidates of some texts as features, with their gold labels."""

    X: list[dict[str, float]]
    y: list[str]


def entity_examples(text: AnnotatedText, finds: list[Found], ner: list[tuple[int, int, str]]) -> EntityExamples:
    """The candidates of a text with their labels: the gold type of the entity they name, else ``none``; a
    name only the NER proposed for an entity a rule's candidate already names is ``none`` too (keeping it
    would make the entity twice)."""
    gold = gold_types(text)
    entity_of = gold_entities(text)
    groups = candidates(text.doc.text, finds, ner)
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
    return EntityExamples(X, y)


def gold_entities(text: AnnotatedText) -> dict[str, int]:
    """Each normalised name and alias of the text's gold entities, with the entity's index."""
    out: dict[str, int] = {}
    for i, e in enumerate(text.entities):
        if e.get("type") in TYPES:
            for name in (e.get("name"), *(e.get("aliases") or [])):
                if name and norm(name):
                    out.setdefault(norm(name), i)
    return out


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
