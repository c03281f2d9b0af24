"""What two partnership areas have in common: the ground a collaboration gap is ranked on.

* :func:`area_profile` - one area's work as the graph states it: the countries its projects work in
  (``LOCATED_IN``), the bodies that lead, fund or implement it or its projects, the Convention articles its work
  (``SUPPORTS``) or mandate addresses, and the mercury topics its own sentences speak of.
* :func:`shared_ground` - what two areas share, each shared thing weighted by how rare it is among the areas
  (shared by these two only: 1; by three: 1/2; by all eight: 1/7), with the edges and sentences it rests on.

Only stated edges count (not inferred, not planned), except an area's mandate articles, which are reference
data and say so (``basis: area-mandate``). A topic is one of the mercury subjects of
``schema/reference/topics.json`` that a sentence of each area uses: the names of its projects, the quotes of its
stated edges and the sentences under its heading, leaving out every sentence that names another area (a list
of areas, or their joint work, is not what either area's own work is about).

>>> from gmpgraph.graphfile import graph_from_json
>>> store = graph_from_json({"nodes": [
...     {"id": "area:coal", "type": "Area", "key": "coal", "name": "Mercury releases from coal combustion"},
...     {"id": "area:cement", "type": "Area", "key": "cement", "name": "Mercury releases from the cement industry"},
...     {"id": "country:IND", "type": "Country", "key": "IND", "name": "India"},
...     {"id": "project:a", "type": "Project", "name": "Flue gas scrubbers"},
...     {"id": "project:b", "type": "Project", "name": "Kiln scrubbers"}], "edges": [
...     {"type": "PART_OF", "source": "project:a", "target": "area:coal"},
...     {"type": "PART_OF", "source": "project:b", "target": "area:cement"},
...     {"type": "LOCATED_IN", "source": "project:a", "target": "country:IND"},
...     {"type": "LOCATED_IN", "source": "project:b", "target": "country:IND"}]})
>>> ground = shared_ground(store, "coal", "cement")
>>> [c.name for c in ground.countries], [t.name for t in ground.topics]
(['India'], ['emission control'])
>>> ground.summary()
"1 country (India); 1 Convention article (Article 8, by mandate); 1 topic ('emission control')"
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from pydantic import BaseModel, Field

from gmpgraph.evidence import Evidence, evidence_of, is_stated
from gmpgraph.store import GraphStore
from schema import AnyEdge
from schema.reference import area_by_key, mercury_topics

ShareKind = Literal["country", "body", "article", "topic"]
PARTNERSHIP_WIDE = 0.5  # a thing at least half of the areas have says little about any two of them
WORTH = 1.0  # a pair is worth a look when what it shares weighs at least one thing only these two areas have


class TopicQuote(BaseModel):
    """A sentence of one area's work that speaks of a topic."""

    area: str
    document: str | None = Field(default=None, description="None for a project's name.")
    locator: str | None = None
    quote: str
    form: str = Field(description="The words of the topic the sentence uses.")


class SharedThing(BaseModel):
    """One thing both areas have: a country, a body, an article or a topic, with what it rests on."""

    kind: ShareKind
    id: str = Field(description="Node id (country, organization, article) or 'topic:<topic>'.")
    name: str
    roles: dict[str, list[str]] = Field(default_factory=dict, description="Area id -> what the thing is to it "
                                                                         "('leads the area', 'funds planetGOLD').")
    areas_with_it: int = Field(description="How many of the Partnership's areas have it.")
    weight: float = Field(description="1 / (areas_with_it - 1): 1 for a thing only these two areas share.")
    evidence: list[Evidence] = Field(default_factory=list, description="The stated edges, for both areas.")
    quotes: list[TopicQuote] = Field(default_factory=list, description="For a topic: sentences of both areas.")


class SharedGround(BaseModel):
    """What two areas share, and how much that weighs."""

    areas: list[str]
    countries: list[SharedThing] = Field(default_factory=list)
    bodies: list[SharedThing] = Field(default_factory=list)
    articles: list[SharedThing] = Field(default_factory=list)
    topics: list[SharedThing] = Field(default_factory=list)
    score: float = Field(0.0, description="Sum of the shared things' weights.")
    distinctive: bool = Field(False, description="Some shared thing is held by fewer than half of the areas, and "
                                                 "the score is at least 1 (one thing only these two share).")

    def things(self) -> list[SharedThing]:
        """Every shared thing, countries first."""
        return [*self.countries, *self.bodies, *self.articles, *self.topics]

    def summary(self) -> str:
        """'2 countries (Kenya, Philippines); 1 body (Global Environment Facility); 1 topic ('tailings')'."""
        parts = []
        for label, things in (("country", self.countries), ("body", self.bodies),
                              ("Convention article", self.articles), ("topic", self.topics)):
            if not things:
                continue
            plural = {"country": "countries", "body": "bodies"}.get(label, label + "s")
            names = [_shown(t) for t in things[:5]] + ([f"{len(things) - 5} more"] if len(things) > 5 else [])
            parts.append(f"{len(things)} {label if len(things) == 1 else plural} ({', '.join(names)})")
        return "; ".join(parts) or "nothing"


def _shown(thing: SharedThing) -> str:
    if thing.kind == "topic":
        return repr(thing.name)
    if thing.kind == "article" and all(r == ["by mandate"] for r in thing.roles.values()):
        return f"{thing.name}, by mandate"
    return thing.name


@dataclass
class AreaProfile:
    """One area's work, as the graph states it; every entry keeps what it rests on."""

    area: str
    countries: dict[str, list[AnyEdge]] = field(default_factory=lambda: defaultdict(list))
    bodies: dict[str, list[tuple[str, list[AnyEdge]]]] = field(default_factory=lambda: defaultdict(list))
    articles: dict[str, list[tuple[str, AnyEdge | None]]] = field(default_factory=lambda: defaultdict(list))
    topics: dict[str, list[TopicQuote]] = field(default_factory=lambda: defaultdict(list))
    sentences: int = 0


@cache
def _topic_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((t.topic, re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(t.forms, key=len,
                                                                                             reverse=True)) + ")",
                                      re.IGNORECASE)) for t in mercury_topics())


def _area_spans(store: GraphStore) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """Area id -> document -> the spans where the area is named."""
    spans: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for area in store.nodes("Area"):
        per_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for p in area.provenance:
            per_doc[p.document].append((p.start, p.end))
        spans[area.id] = per_doc
    return spans


def area_profile(store: GraphStore, area: str, _spans: dict[str, dict[str, list[tuple[int, int]]]] | None = None
                 ) -> AreaProfile:
    """One area's countries, bodies, articles and topics, each with the edges or sentences it rests on.

    >>> from gmpgraph.graphfile import graph_from_json
    >>> store = graph_from_json({"nodes": [
    ...     {"id": "area:asgm", "type": "Area", "key": "asgm", "name": "Artisanal and small-scale gold mining"},
    ...     {"id": "org:agc", "type": "Organization", "name": "Artisanal Gold Council"},
    ...     {"id": "project:t", "type": "Project", "name": "Tailings management in Peru"}], "edges": [
    ...     {"type": "PART_OF", "source": "project:t", "target": "area:asgm"},
    ...     {"type": "IMPLEMENTS", "source": "org:agc", "target": "project:t"}]})
    >>> profile = area_profile(store, "area:asgm")
    >>> dict(profile.bodies)["org:agc"][0][0], sorted(profile.topics)
    ('implements Tailings management in Peru', ['tailings'])
    """
    spans = _spans if _spans is not None else _area_spans(store)
    node = store.node(area)
    profile = AreaProfile(area=area)
    work: list[tuple[str, AnyEdge | None]] = [(area, None)]
    for part in store.edges("PART_OF", target=area):
        if is_stated(part):
            work.append((part.source, part))
    sentences: list[tuple[str | None, str | None, int, int, str]] = []  # document, locator, start, end, text

    def said(edge: AnyEdge) -> None:
        sentences.extend((p.document, p.locator, p.start, p.end, p.quote) for p in edge.provenance)

    for member, part in work:
        name = store.node(member).name
        if part is not None:
            sentences.append((None, None, 0, 0, name))
            said(part)
        for edge in store.edges(source=member):
            if not is_stated(edge):
                continue
            if edge.type == "LOCATED_IN":
                profile.countries[edge.target] += [edge, *([part] if part else [])]
                said(edge)
            elif edge.type == "SUPPORTS":
                profile.articles[edge.target].append(("stated" if part is None else f"stated of {name}", edge))
                said(edge)
        for edge in store.edges(target=member):
            if edge.type in ("LEADS", "FUNDS", "IMPLEMENTS") and is_stated(edge):
                verb = {"LEADS": "leads", "FUNDS": "funds", "IMPLEMENTS": "implements"}[edge.type]
                profile.bodies[edge.source].append((f"{verb} {'the area' if part is None else name}",
                                                    [edge, *([part] if part else [])]))
                said(edge)
    for number in area_by_key()[node.key].mandate_articles:
        article = f"article:{number}"
        inferred = next((e for e in store.edges("SUPPORTS", source=area, target=article)
                         if getattr(e, "basis", None) == "area-mandate"), None) if article in store else None
        if not profile.articles.get(article):
            profile.articles[article].append(("by mandate", inferred))
    # the sentences under the area's heading (or table row) the graph quotes; a sentence elsewhere that names the
    # area may name it as a sector in another area's work ('working with the chlor-alkali, non-ferrous, ASGM and
    # oil/gas sectors', said of supply and storage), so it is not taken
    for item in [*store.nodes(), *store.edges()]:
        for p in item.provenance:
            if p.area == node.key:
                sentences.append((p.document, p.locator, p.start, p.end, p.quote))
    seen: set[tuple[str | None, str]] = set()
    for document, locator, start, end, text in sentences:
        if (document, text) in seen or _names_another_area(spans, area, document, start, end):
            continue
        seen.add((document, text))
        for topic, pattern in _topic_patterns():
            match = pattern.search(text)
            if match:
                profile.topics[topic].append(TopicQuote(area=area, document=document, locator=locator,
                                                        quote=text, form=match.group(1).lower()))
    profile.sentences = len(seen)
    return profile


def _names_another_area(spans: dict[str, dict[str, list[tuple[int, int]]]], area: str, document: str | None,
                        start: int, end: int) -> bool:
    if document is None:
        return False
    return any(s < end and start < e for other, per_doc in spans.items() if other != area
               for s, e in per_doc.get(document, ()))


def area_profiles(store: GraphStore) -> dict[str, AreaProfile]:
    """Every area's profile, by area id."""
    spans = _area_spans(store)
    return {a.id: area_profile(store, a.id, spans) for a in store.nodes("Area")}


def shared_ground(store: GraphStore, first: str, second: str,
                  profiles: dict[str, AreaProfile] | None = None) -> SharedGround:
    """What areas ``first`` and ``second`` (ids, keys or names) share, each thing weighted by its rarity among the
    areas; ``profiles`` (from :func:`area_profiles`) saves building them again for many pairs.

    >>> from gmpgraph.graphfile import graph_from_json
    >>> store = graph_from_json({"nodes": [
    ...     {"id": "area:asgm", "type": "Area", "key": "asgm", "name": "Artisanal and small-scale gold mining"},
    ...     {"id": "area:waste", "type": "Area", "key": "waste", "name": "Mercury waste management"}], "edges": []})
    >>> shared_ground(store, "asgm", "waste").score
    0.0
    """
    from gmpgraph.queries import resolve

    a, b = resolve(store, first, "Area").id, resolve(store, second, "Area").id
    profiles = profiles if profiles is not None else area_profiles(store)
    pa, pb = profiles[a], profiles[b]
    ground = SharedGround(areas=[a, b])
    count = len(profiles)

    def holders(kind: str, key: str) -> int:
        return sum(1 for p in profiles.values() if key in getattr(p, kind) and getattr(p, kind)[key])

    def weight(n: int) -> float:
        return round(1 / max(n - 1, 1), 3)

    for country in sorted(set(pa.countries) & set(pb.countries), key=lambda c: store.node(c).name):
        n = holders("countries", country)
        ground.countries.append(SharedThing(
            kind="country", id=country, name=store.node(country).name, areas_with_it=n, weight=weight(n),
            roles={x: sorted({f"{store.node(e.source).name} works there" for e in p.countries[country]
                              if e.type == "LOCATED_IN"}) for x, p in ((a, pa), (b, pb))},
            evidence=[evidence_of(e) for p in (pa, pb) for e in p.countries[country]]))
    for body in sorted(set(pa.bodies) & set(pb.bodies), key=lambda o: store.node(o).name):
        n = holders("bodies", body)
        ground.bodies.append(SharedThing(
            kind="body", id=body, name=store.node(body).name, areas_with_it=n, weight=weight(n),
            roles={x: sorted({r for r, _ in p.bodies[body]}) for x, p in ((a, pa), (b, pb))},
            evidence=[evidence_of(e) for p in (pa, pb) for _, edges in p.bodies[body] for e in edges]))
    for article in sorted(set(pa.articles) & set(pb.articles), key=lambda i: int(i.split(":")[1])):
        n = holders("articles", article)
        number = int(article.split(":")[1])
        ground.articles.append(SharedThing(
            kind="article", id=article, name=f"Article {number}", areas_with_it=n, weight=weight(n),
            roles={x: sorted({r for r, _ in p.articles[article]}) for x, p in ((a, pa), (b, pb))},
            evidence=[evidence_of(e) for p in (pa, pb) for _, e in p.articles[article] if e is not None]))
    for topic in sorted(set(pa.topics) & set(pb.topics)):
        n = holders("topics", topic)
        ground.topics.append(SharedThing(
            kind="topic", id=f"topic:{topic}", name=topic, areas_with_it=n, weight=weight(n),
            roles={x: sorted({q.form for q in p.topics[topic]}) for x, p in ((a, pa), (b, pb))},
            quotes=[*pa.topics[topic][:2], *pb.topics[topic][:2]]))
    things = ground.things()
    ground.score = round(float(sum(t.weight for t in things)), 2)
    ground.distinctive = (ground.score >= WORTH
                          and any(t.areas_with_it < PARTNERSHIP_WIDE * count for t in things))
    for kind in ("countries", "bodies", "articles", "topics"):  # the rarest first within each kind
        getattr(ground, kind).sort(key=lambda t: -t.weight)
    return ground
