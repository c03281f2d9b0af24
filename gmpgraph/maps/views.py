"""Which part of the graph each map shows: one function per question, each returning a :class:`MapView`.

A view is a list of schema nodes and edges plus a title; drawing it is :mod:`gmpgraph.maps.render`'s
job. Documents and MENTIONED_IN edges are never drawn (they would tie every node to five hubs).

* :func:`network_view` - the whole network.
* :func:`area_view` - one area: its leads, projects, their implementers, funders and countries, and
  the articles the area and its projects support.
* :func:`article_view` - everything that supports one article; area-mandate support is kept apart
  from stated support (drawn dashed).
* :func:`country_view` - the work in one country.
* :func:`entity_view` - one entity's neighbourhood to a depth.
* :func:`collaboration_view` - areas, the COLLABORATES_WITH edges the text states, and (derived,
  drawn dotted) the partners each pair of areas shares.

>>> from gmpgraph.graphfile import graph_from_json
>>> store = graph_from_json({"nodes": [
...     {"id": "area:asgm", "type": "Area", "key": "asgm", "name": "Artisanal and small-scale gold mining"},
...     {"id": "article:7", "type": "Article", "key": "7", "name": "Article 7"},
...     {"id": "project:p", "type": "Project", "name": "P"}], "edges": [
...     {"type": "SUPPORTS", "source": "project:p", "target": "article:7", "basis": "stated"},
...     {"type": "PART_OF", "source": "project:p", "target": "area:asgm"}]})
>>> view = area_view(store, "asgm")
>>> sorted(n.id for n in view.nodes), len(view.edges)
(['area:asgm', 'article:7', 'project:p'], 2)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from pydantic import BaseModel, Field

from gmpgraph.queries import CONTENT_TYPES, MAX_DEPTH, country_profile, neighbourhood, resolve, supporters
from gmpgraph.store import GraphStore
from schema import AnyEdge, AnyNode
from schema.edges import Supports

#: edge types a map never draws
HIDDEN_EDGES = frozenset({"MENTIONED_IN"})


class SharedPartners(BaseModel):
    """A derived link between two areas: the organisations that lead or work in both."""

    source: str
    target: str
    partners: list[str] = Field(description="Names of the organisations the two areas share.")


class MapView(BaseModel):
    """What one map shows: the nodes, the edges between them, and what the map is about."""

    name: str = Field(description="The view: network, area, article, country, entity, collaboration.")
    title: str
    focus: list[str] = Field(default_factory=list, description="Ids of the node(s) the view is about.")
    nodes: list[AnyNode]
    edges: list[AnyEdge]
    shared_partners: list[SharedPartners] = Field(default_factory=list)
    areas: dict[str, list[str]] = Field(default_factory=dict,
                                        description="Node id -> ids of the areas it works in (for the area filter).")
    area_names: dict[str, str] = Field(default_factory=dict, description="Area id -> name.")


def _edges_among(store: GraphStore, node_ids: Iterable[str]) -> list[AnyEdge]:
    wanted = set(node_ids)
    return [store.edge(u, v, key) for u, v, key in store.nx.edges(keys=True)
            if u in wanted and v in wanted and key not in HIDDEN_EDGES]


def _view(store: GraphStore, name: str, title: str, node_ids: Iterable[str], focus: list[str]) -> MapView:
    ids = list(dict.fromkeys(node_ids))
    view = MapView(name=name, title=title, focus=focus, nodes=[store.node(i) for i in ids],
                   edges=_edges_among(store, ids))
    return _with_areas(store, view)


def _with_areas(store: GraphStore, view: MapView) -> MapView:
    """Fill ``view.areas``: each node's areas, read from PART_OF, LEADS, IMPLEMENTS/FUNDS of an area's projects,
    LOCATED_IN of them, SUPPORTS from them, AFFILIATED_WITH to such organisations, and the heading a node
    was found under."""
    project_areas: dict[str, set[str]] = defaultdict(set)
    for u, v, key in store.nx.edges(keys=True):
        if key == "PART_OF":
            project_areas[u].add(v)
    areas: dict[str, set[str]] = defaultdict(set)
    for u, v, key in store.nx.edges(keys=True):
        if key == "PART_OF":
            areas[u].add(v)
        elif key in ("LEADS", "FUNDS") and v.startswith("area:"):
            areas[u].add(v)
        elif key in ("IMPLEMENTS", "FUNDS"):
            areas[u] |= project_areas.get(v, set())
        elif key in ("LOCATED_IN", "SUPPORTS"):
            other = {u} if u.startswith("area:") else project_areas.get(u, set())
            areas[v] |= other
            areas[u] |= other
    for u, v, key in store.nx.edges(keys=True):
        if key == "AFFILIATED_WITH":
            areas[u] |= areas.get(v, set())
    wanted = {n.id for n in view.nodes}
    for node in view.nodes:
        if node.type == "Area":
            areas[node.id].add(node.id)
        for prov in node.provenance:
            if prov.area and f"area:{prov.area}" in store.nx:
                areas[node.id].add(f"area:{prov.area}")
    view.areas = {n: sorted(a) for n, a in areas.items() if n in wanted and a}
    used = sorted({a for ids in view.areas.values() for a in ids})
    view.area_names = {a: store.nx.nodes[a]["name"] for a in used}
    return view


def network_view(store: GraphStore, unlinked: bool = False) -> MapView:
    """Every entity and every relation (documents left out), and with ``unlinked`` also the entities whose only
    link is to the documents that mention them (by default left out: they would ring the map)."""
    ids = [n for n, data in store.nx.nodes(data=True) if data["type"] != "Document"
           and (unlinked or _linked(store, n))]
    return _view(store, "network", "The Global Mercury Partnership network", ids, [])


def _linked(store: GraphStore, node_id: str) -> bool:
    """Whether a node has an edge other than MENTIONED_IN."""
    return any(key not in HIDDEN_EDGES for _, _, key in store.nx.out_edges(node_id, keys=True)) or any(
        key not in HIDDEN_EDGES for _, _, key in store.nx.in_edges(node_id, keys=True))


def _neighbours(store: GraphStore, node_id: str, edge_type: str, direction: str) -> list[str]:
    if direction == "in":
        return [u for u, _, key in store.nx.in_edges(node_id, keys=True) if key == edge_type]
    return [v for _, v, key in store.nx.out_edges(node_id, keys=True) if key == edge_type]


def area_view(store: GraphStore, area: str) -> MapView:
    """One area with its leads, projects, their implementers, funders and countries, and articles."""
    node = resolve(store, area, "Area")
    ids = [node.id, *_neighbours(store, node.id, "LEADS", "in"), *_neighbours(store, node.id, "FUNDS", "in"),
           *_neighbours(store, node.id, "SUPPORTS", "out")]
    for project in _neighbours(store, node.id, "PART_OF", "in"):
        ids += [project, *_neighbours(store, project, "IMPLEMENTS", "in"), *_neighbours(store, project, "FUNDS", "in"),
                *_neighbours(store, project, "LOCATED_IN", "out"), *_neighbours(store, project, "SUPPORTS", "out")]
    view = _view(store, "area", f"Area: {node.name}", ids, [node.id])
    # an organisation that funds a project and also funds another area is in view; its other edges are not
    keep = {node.id, *(_neighbours(store, node.id, "PART_OF", "in"))}
    view.edges = [e for e in view.edges if e.source in keep or e.target in keep]
    return view


def article_view(store: GraphStore, article: str) -> MapView:
    """Everything that supports an article: stated (solid), and through an area's mandate (a dashed edge to
    the article, resting on the PART_OF statement that puts the supporter in that area)."""
    support = supporters(store, article)
    if support.article.id not in store.nx:  # an article no report names: nothing to draw, say so as before
        resolve(store, article, "Article")
    ids = [support.article.id]
    edges: list[AnyEdge] = []
    for supporter in support.stated:
        ids += [supporter.node.id, *(area.id for area in supporter.areas)]
        edges.append(supporter.edge)
    for supporter in support.area_mandate:
        ids += [supporter.node.id, *(area.id for area in supporter.areas)]
        edges.append(Supports(source=supporter.node.id, target=support.article.id, basis="area-mandate",
                              provenance=supporter.edge.provenance))
    drawn = {(e.type, e.source, e.target) for e in edges}
    for edge in _edges_among(store, ids):  # the PART_OF edges between supporters and their areas
        if edge.type == "PART_OF" and (edge.type, edge.source, edge.target) not in drawn:
            edges.append(edge)
    view = _view(store, "article", f"Article {support.article.key}: {support.article.title}", ids,
                 [support.article.id])
    view.edges = edges
    return view


def country_view(store: GraphStore, country: str) -> MapView:
    """The projects and events in a country, their areas, implementers and funders."""
    profile = country_profile(store, country)
    ids = [profile.country.id,
           *(link.node.id for group in (profile.projects, profile.events, profile.implementers, profile.funders,
                                        profile.organizations) for link in group),
           *(area.id for area in profile.areas)]
    return _view(store, "country", f"Country: {profile.country.name}", ids, [profile.country.id])


def entity_view(store: GraphStore, entity: str, depth: int = 1) -> MapView:
    """Everything within ``depth`` (1 to 4) edges of an entity."""
    if not 1 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
    sub = neighbourhood(store, entity, depth)
    centre = resolve(store, entity, *CONTENT_TYPES)
    view = MapView(name="entity", title=f"{centre.name} and its neighbourhood (depth {depth})", focus=[centre.id],
                   nodes=sub.nodes, edges=[e for e in sub.edges if e.type not in HIDDEN_EDGES])
    return _with_areas(store, view)


def _area_partners(store: GraphStore) -> dict[str, set[str]]:
    """Area id -> organisations that lead it, or implement or fund its projects or it."""
    partners: dict[str, set[str]] = defaultdict(set)
    for area in (n for n, data in store.nx.nodes(data=True) if data["type"] == "Area"):
        partners[area] |= set(_neighbours(store, area, "LEADS", "in")) | set(_neighbours(store, area, "FUNDS", "in"))
        for project in _neighbours(store, area, "PART_OF", "in"):
            partners[area] |= set(_neighbours(store, project, "IMPLEMENTS", "in"))
            partners[area] |= set(_neighbours(store, project, "FUNDS", "in"))
    return partners


def collaboration_view(store: GraphStore) -> MapView:
    """The areas, their stated COLLABORATES_WITH edges, and the partners each pair shares (derived)."""
    area_ids = [n for n, data in store.nx.nodes(data=True) if data["type"] == "Area"]
    view = _view(store, "collaboration", "How the partnership areas work together", area_ids, [])
    view.edges = [e for e in view.edges if e.type == "COLLABORATES_WITH"]
    partners = _area_partners(store)
    for a, b in combinations(area_ids, 2):
        shared = partners[a] & partners[b]
        if shared:
            names = sorted(store.nx.nodes[o]["name"] for o in shared)
            view.shared_partners.append(SharedPartners(source=a, target=b, partners=names))
    return view
