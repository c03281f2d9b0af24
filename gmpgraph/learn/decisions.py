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
from loaders.learned.entities import NONE, TYPES, candidates, features
from loaders.learned.governments import (CountryMention, country_mentions, government_candidates,
                                         government_features)
from loaders.gazetteers.countries import find_countries
from loaders.learned.linear import LinearModel
from loaders.pipeline import run

SEED = 0


@dataclass
class RuleReading:
    """What the rules found in a text where the learned decisions read it: named finds and country mentions."""

    found: list[Found]
    countries: list[CountryMention]


def rule_reading(text: AnnotatedText) -> RuleReading:
    """The rules' finds and country mentions of a text at the point where the entity decision reads them."""
    ann = run(text.doc.model_copy(deep=True), text.sha256, until="learned_entities")
    return RuleReading(ann.found, country_mentions(ann))


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


def gold_governments(text: AnnotatedText) -> set[str]:
    """The countries whose government the gold names ("Government of the Netherlands" -> NLD)."""
    keys = set()
    for e in text.entities:
        if e.get("type") != "Organization":
            continue
        for name in (e.get("name"), *(e.get("aliases") or [])):
            if name and name.lower().startswith("government of "):
                keys |= {c.key for c in find_countries(name[len("government of "):])}
    return keys


def government_examples(text: AnnotatedText, reading: RuleReading) -> EntityExamples:
    """Each candidate country of a text, labelled ``government`` where the gold names its government."""
    gold = gold_governments(text)
    X, y = [], []
    for key, mentions in government_candidates(reading.found, reading.countries).items():
        X.append(government_features(text.doc.text, mentions))
        y.append("government" if key in gold else "country")
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
