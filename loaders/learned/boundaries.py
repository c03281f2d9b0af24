"""The boundary decision: where the statistical NER marks a name over a rule's find with other edges ("Ministry
of Environment, Forest and Climate Change" over the rule's "Ministry of Environment"; "NIMOS" inside the
rule's "NIMOS and Alliance for Responsible Mining"), a trained decision says whose edges are right. Where
it trusts the NER, the rule's find gives way and the NER's span is left to the entity decision as a
candidate of its own (flagged as having displaced a rule).

Features (:func:`boundary_features`): how the two overlap (the NER's span contains the find, lies inside
it, or crosses it), the NER's label and the rule's type and name, the words one has and the other has not
(their first and last, whether they hold "and", a comma, a country, a line break, lower-case words), the
lengths, whether the find is an acronym or a well-known body.

>>> from loaders.entities.found import Found
>>> text = "the Ministry of Environment, Forest and Climate Change said"
>>> find = Found("Organization", "Ministry of Environment", 4, 27, rule="ministry")
>>> [(f.name, s) for f, s in overlaps(text, [find], [(4, 53, "ORG")])]
[('Ministry of Environment', (4, 53, 'ORG'))]
"""

from __future__ import annotations

import re

from loaders.entities.found import Found, name_key
from loaders.gazetteers.countries import find_countries
from loaders.learned.linear import LinearModel

TYPES = ("Organization", "Person", "Project", "Publication", "Event")
NER = "ner"
RULE = "rule"
TAKE = 0.5
WORD = re.compile(r"[A-Za-z][\w'\u2019&.-]*|\d+")  # a word of a name (the entity decision's too)

Span = tuple[int, int, str]


def overlaps(text: str, finds: list[Found], ner: list[Span]) -> list[tuple[Found, Span]]:
    """Each rule find of a named type with each NER span over it whose name differs from the find's text."""
    typed = sorted((f for f in finds if f.node_type in TYPES), key=lambda f: f.start)
    out = []
    for span in ner:
        a, b, _ = span
        for f in typed:
            if f.start >= b:
                break
            if a < f.end and f.start < b and name_key(text[a:b]) != name_key(text[f.start:f.end]):
                out.append((f, span))
    return out


def _how(find: Found, span: Span) -> str:
    a, b, _ = span
    if a <= find.start and find.end <= b:
        return "contains"
    if find.start <= a and b <= find.end:
        return "inside"
    return "crosses"


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4+"


def boundary_features(text: str, find: Found, span: Span) -> dict[str, float]:
    """The declared features of one (rule find, NER span) pair (see the module's note)."""
    a, b, label = span
    how = _how(find, span)
    f: dict[str, float] = {"bias": 1.0, "how=" + how: 1.0, f"how={how}&ner={label}": 1.0,
                           f"how={how}&rtype={find.node_type}": 1.0, f"ner={label}&rtype={find.node_type}": 1.0}
    size = "long" if len(text) > 40_000 else "medium" if len(text) > 8_000 else "short"
    f["doc=" + size] = 1.0
    f[f"doc={size}&how={how}"] = 1.0
    f[f"doc={size}&ner={label}"] = 1.0
    rule_words = " ".join(re.sub(r"[^a-z ]+", " ", find.rule.lower()).split()[:3])
    f["rule=" + rule_words] = 1.0
    f[f"how={how}&rule={rule_words}"] = 1.0
    outer, inner = ((a, b), (find.start, find.end)) if how == "contains" else ((find.start, find.end), (a, b))
    extra = (text[max(outer[0], 0):max(inner[0], outer[0])] + " | " + text[min(inner[1], outer[1]):outer[1]]) \
        if how != "crosses" else text[min(a, find.start):max(a, find.start)] + " | " + \
        text[min(b, find.end):max(b, find.end)]
    words = WORD.findall(extra)
    side = "ner-more" if how == "contains" else "rule-more" if how == "inside" else "both"
    f[f"{side}:words={_bucket(len(words))}"] = 1.0
    if words:
        f[f"{side}:first={words[0].lower()}"] = 1.0
        f[f"{side}:last={words[-1].lower()}"] = 1.0
        if any(w[0].islower() for w in words if w.lower() not in {"of", "and", "the", "for", "on", "in", "de"}):
            f[f"{side}:lower-word"] = 1.0
    if re.search(r"\band\b|&", extra):
        f[f"{side}:and"] = 1.0
    if "," in extra:
        f[f"{side}:comma"] = 1.0
    if "\n" in extra:
        f[f"{side}:line-break"] = 1.0
    if re.search(r"\(|\)", extra):
        f[f"{side}:bracket"] = 1.0
    if find_countries(extra):
        f[f"{side}:country"] = 1.0
    for who, (x, y) in (("ner", (a, b)), ("rule", (find.start, find.end))):
        if (x > 0 and (text[x - 1].isalnum() or text[x - 1] in "-'\u2019")) or \
                (y < len(text) and (text[y].isalnum() or text[y] in "-")):
            f[f"{who}-edge-mid-word"] = 1.0
        last = WORD.findall(text[x:y])[-1:] or [""]
        if last[0].lower() in {"of", "the", "and", "for", "on", "in", "at", "to"} or text[x:y].rstrip()[-1:] in ",.(":
            f[f"{who}-ends-open"] = 1.0
    surface = text[find.start:find.end]
    if surface.replace(" ", "").isupper() and len(surface) <= 12:
        f["find-acronym"] = 1.0
    if "reference" in find.rule or "well-known" in find.rule:
        f["find-well-known"] = 1.0
    if surface != find.name:
        f["find-named-otherwise"] = 1.0
    return f


def decide_boundaries(text: str, finds: list[Found], ner: list[Span], model: LinearModel
                      ) -> tuple[list[Found], set[Span]]:
    """The finds that keep their edges, and the NER spans that displaced a find (the model trusts the NER's
    edges at least ``TAKE``, and they neither cut a word nor stop on "of"); every NER span still goes on to
    the entity decision."""
    displaced: set[int] = set()
    winners: set[Span] = set()
    for find, span in overlaps(text, finds, ner):
        features = boundary_features(text, find, span)
        if "ner-edge-mid-word" in features or "ner-ends-open" in features:
            continue  # a span that cuts a word or stops on "of" is never the better edge
        if model.probabilities(features).get(NER, 0.0) >= TAKE:
            displaced.add(id(find))
            winners.add(span)
    return [f for f in finds if id(f) not in displaced], winners
