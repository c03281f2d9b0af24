"""The questions researchers ask, as plain functions over a :class:`GraphStore`.

Every answer is made of schema models: the nodes it names and the edges that justify them, each
edge with its provenance (document, locator, quote), so any line of an answer can be traced to
the text. Entities are named by id (``org:unido``), key (``7``, ``asgm``, ``IDN``), name or
alias; an unknown one raises :class:`NotFound` with the closest names.

>>> from gmpgraph.graphfile import graph_from_json
>>> store = graph_from_json({"nodes": [
...     {"id": "area:asgm", "type": "Area", "key": "asgm", "name": "Artisanal and small-scale gold mining"},
...     {"id": "article:7", "type": "Article", "key": "7", "name": "Article 7"},
...     {"id": "project:planetgold", "type": "Project", "name": "planetGOLD"}], "edges": [
...     {"type": "SUPPORTS", "source": "project:planetgold", "target": "article:7", "basis": "stated"},
...     {"type": "PART_OF", "source": "project:planetgold", "target": "area:asgm"}]})
>>> [s.node.name for s in supporters(store, "7").stated]
['planetGOLD']
>>> resolve(store, "planetgold").id
'project:planetgold'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

import networkx as nx
from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process

from gmpgraph.store import GraphStore
from schema import NODE_CLASSES, AnyEdge, AnyNode, Area, Article, Country, Organization, Statement
from schema.nodes import MembershipFigure
from schema.reference import area_by_key

MAX_DEPTH = 4
MAX_PATHS = 20
#: what neighbourhoods, paths and entity maps run over: everything but the documents the facts come from
CONTENT_TYPES = tuple(t for t in NODE_CLASSES if t != "Document")


class NotFound(LookupError):
    """No entity answers to a reference; ``suggestions`` holds the closest names (ids)."""

    def __init__(self, reference: str, suggestions: list[str], wanted: str | None = None,
                 message: str | None = None) -> None:
        self.reference = reference
        self.suggestions = suggestions
        if message is not None:
            super().__init__(message)
            return
        what = f"no {wanted} " if wanted else "nothing "
        if wanted and "/" in wanted:
            what = "no entity "  # any type but a document
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"{what}named {reference!r} in the graph{hint}")


class Link(BaseModel):
    """A neighbour and the edge that ties it to the subject (the edge carries the evidence)."""

    node: AnyNode
    edge: AnyEdge


class Supporter(BaseModel):
    """Something that supports an article, with who does it, who pays, where, and in which area."""

    node: AnyNode
    edge: AnyEdge = Field(description="The SUPPORTS edge, or for support through an area's mandate the "
                                      "PART_OF edge that puts the project in that area.")
    via_area: str | None = Field(default=None, description="Area id whose mandate carries the support.")
    basis: Literal["stated", "area-mandate"] = Field(
        default="stated", description="'stated': a report ties it to the article (the edge is that SUPPORTS "
                                      "statement); 'area-mandate': it is work of an area whose mandate covers the "
                                      "article (the edge, stated itself, only puts it in that area).")
    areas: list[AnyNode] = Field(default_factory=list)
    implementers: list[Link] = Field(default_factory=list)
    funders: list[Link] = Field(default_factory=list)
    countries: list[Link] = Field(default_factory=list)


class ArticleSupport(BaseModel):
    """Everything that supports one article, split by what the text states and what an area's mandate implies."""

    article: Article
    stated: list[Supporter]
    area_mandate: list[Supporter]
    note: str | None = Field(default=None, description="Said when nothing supports the article: what was searched "
                                                       "('no report ties ... to Article 9').")


class Lead(BaseModel):
    """An organisation leading an area, the statement the answer rests on, and its date."""

    organization: Organization
    edge: AnyEdge
    status: Literal["in office", "stated then", "former", "later", "stated later"] = Field(
        description="'in office' (the latest statements on or before the date name it, or a hand-over stated by "
                    "then puts the date inside its term), 'former' (handed over or no longer named), 'later' "
                    "(starts after), 'stated later' (only a statement dated after the date puts it inside a "
                    "term: 'X took over in November 2011 from Y', said in 2012).")
    stated: dt.date | None = Field(default=None, description="Date of the statement the line rests on.")
    statement: Statement | None = Field(default=None, description="Where the text says it: document, locator, "
                                                                  "quote, dates.")
    note: str | None = Field(default=None, description="'took over 2011-11-01', 'until 2011-11-01', 'last "
                                                       "stated 2022-02-28' (for a date after the last statement).")


class AreaLeads(BaseModel):
    """The leads of one area, optionally on one date."""

    area: Area
    as_of: dt.date | None
    leads: list[Lead]


class OrganizationRoles(BaseModel):
    """The areas an organisation leads and works in, what it funds, who funds it."""

    organization: Organization
    leads: list[Link]
    works_in: list[AnyNode] = Field(description="The areas it leads, then the areas of the projects it implements.")
    implements: list[Link]
    funds: list[Link]
    funded_by: list[Link]


class CountryProfile(BaseModel):
    """The work in one country."""

    country: Country
    projects: list[Link]
    events: list[Link]
    areas: list[AnyNode]
    implementers: list[Link]
    funders: list[Link]
    organizations: list[Link] = Field(description="Organisations of this country's government that lead or work.")
    planned: list[Link] = Field(default_factory=list, description="What the text gives as planned here, apart: "
                                "projects and events planned in the country, and planned implementers and "
                                "funders of the work here (never counted as done).")


class Subgraph(BaseModel):
    """Nodes and the edges between them."""

    nodes: list[AnyNode]
    edges: list[AnyEdge]


class SearchHit(BaseModel):
    """A node whose name or alias resembles the query."""

    node: AnyNode
    matched: str
    score: float


# -- resolving references -----------------------------------------------------------------------
def _names(store: GraphStore, types: Iterable[str] | None = None) -> dict[str, str]:
    """Lower-cased name, alias and key -> node id (first one wins)."""
    wanted = set(types) if types else None
    table: dict[str, str] = {}
    for node_id, data in store.nx.nodes(data=True):
        if wanted is not None and data["type"] not in wanted:
            continue
        for name in (data.get("key"), data.get("name"), *data.get("aliases", [])):
            if name:
                table.setdefault(str(name).casefold(), node_id)
    return table


def resolve(store: GraphStore, reference: str, *types: str) -> AnyNode:
    """The node ``reference`` names: an id, a key ('7', 'asgm', 'IDN'), a name or an alias, any case.

    Raises :class:`NotFound` with up to three close names when nothing matches.
    """
    reference = reference.strip()
    if reference in store.nx and (not types or store.nx.nodes[reference]["type"] in types):
        return store.node(reference)
    if reference in store.nx and store.nx.nodes[reference]["type"] == "Document":
        raise NotFound(reference, [], message=f"{reference!r} is a document, the source of facts, not a place in "
                                              f"the network; its entities are the ones MENTIONED_IN it")
    table = _names(store, types or None)
    hit = table.get(reference.casefold())
    if hit is None and types == ("Article",):
        hit = table.get(reference.casefold().removeprefix("article").strip())
    if hit is not None:
        return store.node(hit)
    close = process.extract(reference.casefold(), list(table), scorer=fuzz.WRatio, limit=3, score_cutoff=60)
    suggestions = list(dict.fromkeys(table[name] for name, _, _ in close))
    raise NotFound(reference, suggestions, "/".join(t.lower() for t in types) or None)


def _links(store: GraphStore, node_id: str, edge_type: str, direction: Literal["out", "in"]) -> list[Link]:
    edges = store.edges(edge_type, source=node_id) if direction == "out" else store.edges(edge_type, target=node_id)
    return [Link(node=store.node(e.target if direction == "out" else e.source), edge=e) for e in edges]


# -- questions ----------------------------------------------------------------------------------
def supporters(store: GraphStore, article: str, area: str | None = None) -> ArticleSupport:
    """What supports an article: stated in the text, or through an area's mandate (with that area's projects);
    with ``area``, only the support of that area's work (one cell of the coverage matrix).

    Each supporter comes with its areas, implementers, funders and countries. An article of the Convention
    (1 to 35) that no report names is an empty answer with a ``note`` saying what was searched, not an error.
    """
    if area is not None:
        within = resolve(store, area, "Area").id
        support = supporters(store, article)

        def of_area(s: Supporter) -> bool:
            return s.node.id == within or s.via_area == within or within in {a.id for a in s.areas}

        stated, mandate = [s for s in support.stated if of_area(s)], [s for s in support.area_mandate if of_area(s)]
        note = support.note if stated or mandate or support.note else (
            f"nothing of the area {store.node(within).name!r} is tied to {support.article.name}")
        return ArticleSupport(article=support.article, stated=stated, area_mandate=mandate, note=note)
    try:
        node = resolve(store, article, "Article")
    except NotFound:
        number = _article_number(article)
        if number is None:
            raise
        return ArticleSupport(article=Article(id=f"article:{number}", key=str(number), name=f"Article {number}"),
                              stated=[], area_mandate=[], note=_nothing_supports(store, number))
    stated, mandate = [], []
    for edge in store.edges("SUPPORTS", target=node.id):
        supporter = _supporter(store, store.node(edge.source), edge)
        (stated if getattr(edge, "basis", "stated") == "stated" else mandate).append(supporter)
    stated_ids = {s.node.id for s in stated}
    for area in [s for s in [*stated, *mandate] if s.node.type == "Area"]:
        if int(node.key) not in area_by_key()[area.node.key].mandate_articles:
            continue
        for link in _links(store, area.node.id, "PART_OF", "in"):  # the area's projects, with their PART_OF edge
            if link.node.id not in stated_ids:
                mandate.append(_supporter(store, link.node, link.edge, via_area=area.node.id))
    note = None if stated or mandate else _nothing_supports(store, int(node.key))
    return ArticleSupport(article=node, stated=stated, area_mandate=mandate, note=note)


def _article_number(reference: str) -> int | None:
    """The Convention article a reference names by number ('9', 'article:9', 'Article 9'), if any."""
    from schema.reference import article_titles

    text = reference.strip().casefold().removeprefix("article").removeprefix(":").strip()
    return int(text) if text.isdigit() and int(text) in article_titles() else None


def _nothing_supports(store: GraphStore, number: int) -> str:
    reports = sum(1 for _ in store.nodes("Document"))
    return (f"no report ties a project, area, publication or event to Article {number}, in stated text or "
            f"through an area's mandate ({reports} report{'s' if reports != 1 else ''} searched)")


def _supporter(store: GraphStore, node: AnyNode, edge: AnyEdge, via_area: str | None = None) -> Supporter:
    areas = [link.node for link in _links(store, node.id, "PART_OF", "out")] if node.type != "Area" else [node]
    basis = "area-mandate" if via_area or getattr(edge, "basis", "stated") != "stated" else "stated"
    return Supporter(node=node, edge=edge, via_area=via_area, basis=basis, areas=areas,
                     implementers=_links(store, node.id, "IMPLEMENTS", "in"),
                     funders=_links(store, node.id, "FUNDS", "in"),
                     countries=_links(store, node.id, "LOCATED_IN", "out"))


def _statements(edge: AnyEdge) -> list[Statement]:
    """An edge's dated statements (an edge from an older graph file has only its first: rebuilt from it)."""
    if edge.statements:
        return [s for s in edge.statements if s.status != "planned"]
    prov = edge.provenance[0] if edge.provenance else None
    return [Statement(document=prov.document if prov else "?", locator=prov.locator if prov else "?",
                      as_of=edge.as_of, start=edge.start, end=edge.end, quote=prov.quote[:400] if prov else "")]


def leads(store: GraphStore, area: str, as_of: dt.date | None = None) -> AreaLeads:
    """The leads of an area; with ``as_of``, those in office on that date, each with the statement it rests on.

    A statement holds as of its document's date (the end of the period a report covers). On a date D the
    leads in office are those the area's latest statements on or before D name; a hand-over stated by then
    bounds them: 'Spain and Uruguay took over in November 2011 from the Mercury Policy Project' puts Spain
    and Uruguay in office from 2011-11 and the Mercury Policy Project until then. A hand-over stated only
    after D that dates a term around D is listed apart, as 'stated later' with the date it was said: the
    reports said nothing of it on D. A date after the last statement answers from it, noted 'last stated
    ...'. Without a date, every lead is listed with its latest statement.

    >>> from gmpgraph.store import GraphStore
    >>> from schema import Area, Leads, Organization, Statement
    >>> store = GraphStore()
    >>> _ = store.add_node(Area(id="area:coal", key="coal", name="Mercury releases from coal combustion"))
    >>> _ = store.add_node(Organization(id="org:a", name="A"))
    >>> _ = store.add_edge(Leads(source="org:a", target="area:coal", statements=[
    ...     Statement(document="r.txt", locator="para 1", as_of=dt.date(2012, 6, 30))]))
    >>> [(lead.organization.name, lead.note) for lead in leads(store, "coal", dt.date(2015, 1, 1)).leads]
    [('A', 'last stated 2012-06-30')]
    >>> leads(store, "coal", dt.date(2011, 1, 1)).leads
    []
    """
    node = resolve(store, area, "Area")
    stated = [(link, s) for link in _links(store, node.id, "LEADS", "in")
              if getattr(link.edge, "status", None) != "planned" for s in _statements(link.edge)]
    if as_of is None:
        found = []
        for link in _links(store, node.id, "LEADS", "in"):
            mine = sorted((s for l, s in stated if l.node.id == link.node.id), key=lambda s: s.as_of or dt.date.min)
            if not mine:
                continue
            last = mine[-1]
            status = "former" if last.end else "in office"
            found.append(Lead(organization=link.node, edge=link.edge, status=status, stated=last.as_of,
                              statement=last, note=_term(last)))
        return AreaLeads(area=node, as_of=None, leads=found)
    said_by_then = [(l, s) for l, s in stated if s.as_of and s.as_of <= as_of]
    chosen = _in_office(said_by_then, as_of)
    last_stated = max((s.as_of for _, s in stated if s.as_of), default=None)
    found = []
    for link, s in chosen.values():
        note = _term(s)
        if last_stated and as_of > last_stated and not s.end:
            note = f"last stated {last_stated.isoformat()}" + (f"; {note}" if note else "")
        found.append(Lead(organization=link.node, edge=link.edge, status="in office", stated=s.as_of, statement=s,
                          note=note))
    for link, s in stated:  # a later report's hand-over that dates a term around the date: shown as such
        if link.node.id in chosen or not s.as_of or s.as_of <= as_of or not (s.start or s.end):
            continue
        if (not s.start or s.start <= as_of) and (not s.end or as_of < s.end):
            chosen[link.node.id] = (link, s)
            found.append(Lead(organization=link.node, edge=link.edge, status="stated later", stated=s.as_of,
                              statement=s, note=f"{_term(s)}, said on {s.as_of.isoformat()}"))
    return AreaLeads(area=node, as_of=as_of, leads=found)


def _in_office(stated: list[tuple[Link, Statement]], as_of: dt.date) -> dict[str, tuple[Link, Statement]]:
    """The leads in office on ``as_of`` by ``stated`` (statements dated on or before it): those the latest
    plain statements name, bounded by the hand-overs ('took over in November 2011 from ...')."""
    plain = [(l, s) for l, s in stated if not s.start and not s.end]
    latest = max((s.as_of for _, s in plain), default=None)
    chosen: dict[str, tuple[Link, Statement]] = {}
    for link, s in plain:
        if s.as_of == latest:
            chosen.setdefault(link.node.id, (link, s))
    for link, s in stated:
        if s.start and s.start <= as_of and not (s.end and s.end <= as_of) and (
                latest is None or latest <= (s.as_of or s.start) or link.node.id in chosen):
            chosen[link.node.id] = (link, s)  # took over, and not left out by a later statement
        elif s.end and as_of < s.end and not (s.start and as_of < s.start) and (latest is None or latest < s.end):
            chosen[link.node.id] = (link, s)  # still in office until the hand-over
        elif s.end and s.end <= as_of and link.node.id in chosen and chosen[link.node.id][1].as_of and (
                chosen[link.node.id][1].as_of < s.end):
            del chosen[link.node.id]  # handed over after the statement that named it
    return chosen


def _term(s: Statement) -> str | None:
    if s.start and s.end:
        return f"from {s.start.isoformat()} until {s.end.isoformat()}"
    if s.start:
        return f"took over {s.start.isoformat()}"
    if s.end:
        return f"until {s.end.isoformat()}"
    return None


def organization_roles(store: GraphStore, organization: str) -> OrganizationRoles:
    """What an organisation leads, implements and funds, who funds it, and the areas it works in (those it
    leads and those of its projects)."""
    node = resolve(store, organization, "Organization")
    implements = _links(store, node.id, "IMPLEMENTS", "out")
    led = _links(store, node.id, "LEADS", "out")
    areas = {link.node.id: link.node for link in led}
    for link in implements:
        for part in _links(store, link.node.id, "PART_OF", "out"):
            areas[part.node.id] = part.node
    return OrganizationRoles(organization=node, leads=led,
                             works_in=list(areas.values()), implements=implements,
                             funds=_links(store, node.id, "FUNDS", "out"),
                             funded_by=_links(store, node.id, "FUNDS", "in"))


def area_funders(store: GraphStore, area: str, planned: bool = False) -> list[Link]:
    """Who funds an area: directly, or through a project that is part of it (the edge shows which); funding
    the text gives as planned only with ``planned`` (its edge says ``status: planned``)."""
    node = resolve(store, area, "Area")
    found = _links(store, node.id, "FUNDS", "in")
    for project in _links(store, node.id, "PART_OF", "in"):
        found += _links(store, project.node.id, "FUNDS", "in")
    return found if planned else _stated(found)


def _stated(links: list[Link]) -> list[Link]:
    return [link for link in links if getattr(link.edge, "status", None) != "planned"]


def _names_place(edge: AnyEdge, place: str) -> bool:
    return any(place in s.places for s in edge.statements)


def _said_with_the_place(edge: AnyEdge, located: AnyEdge) -> bool:
    """Whether a statement of ``edge`` that names no country is made where the text locates the work (same
    document and paragraph or item): 'IMPACT began a new project ... entitled "Understanding and Disrupting
    ..." ... with a focus on Peru and Kenya' ties IMPACT to the project's work in Peru."""
    places = {(s.document, s.locator) for s in located.statements}
    return any(not s.places and (s.document, s.locator) in places for s in edge.statements)


def country_profile(store: GraphStore, country: str) -> CountryProfile:
    """The work in one country: the projects and events located there, and the implementers and funders of
    that work only.

    A project that works in this country alone brings all its implementers. A programme in many countries
    brings only those the text ties to this one ('UNDP is carrying out the projects in Colombia, Indonesia,
    Kenya, and Peru'), not every implementer of the programme (the Artisanal Gold Council 'is executing the
    planetGOLD projects in Burkina Faso, Mongolia and the Philippines'); the text ties one to this country
    also where it names the implementer without a country in the very paragraph or item that locates the
    work here (IMPACT's project 'with a focus on Peru and Kenya'). Planned work, and planned implementers
    and funders of the work here, are listed apart (``planned``), never among what is done. Funders are those of the work located
    here (a programme's funders fund its work here too) and those whose statement names the country ('has
    contributed $150,000 to work in India, Cambodia, Indonesia, ...').
    """
    node = resolve(store, country, "Country")
    located = _stated(_links(store, node.id, "LOCATED_IN", "in"))
    projects = [link for link in located if link.node.type == "Project"]
    events = [link for link in located if link.node.type == "Event"]
    areas: dict[str, AnyNode] = {}
    implementers: list[Link] = []
    funders: list[Link] = []
    here = {link.node.id for link in located}
    planned = [link for link in _links(store, node.id, "LOCATED_IN", "in") if link.node.id not in here]
    for link in projects:
        for part in _links(store, link.node.id, "PART_OF", "out"):
            areas[part.node.id] = part.node
        countries = {c.node.id for c in _stated(_links(store, link.node.id, "LOCATED_IN", "out"))}
        for imp in _links(store, link.node.id, "IMPLEMENTS", "in"):
            if countries <= {node.id} or _names_place(imp.edge, node.id) or _said_with_the_place(imp.edge, link.edge):
                (planned if getattr(imp.edge, "status", None) == "planned" else implementers).append(imp)
    for link in located:
        funding = _links(store, link.node.id, "FUNDS", "in")
        funders += _stated(funding)
        planned += [f for f in funding if getattr(f.edge, "status", None) == "planned"]
    for edge in store.edges("IMPLEMENTS"):  # tied to this country by the statement itself
        if edge.target not in here and getattr(edge, "status", None) != "planned" and _names_place(edge, node.id):
            implementers.append(Link(node=store.node(edge.source), edge=edge))
    for edge in store.edges("FUNDS"):
        if edge.target not in here and getattr(edge, "status", None) != "planned" and _names_place(edge, node.id):
            funders.append(Link(node=store.node(edge.source), edge=edge))
    names = {node.name.casefold(), *(a.casefold() for a in node.aliases)}
    governments = []
    for org in store.nodes("Organization"):
        if org.kind == "government" and any(org.name.casefold().endswith(" " + n) for n in names):
            governments += _links(store, org.id, "LEADS", "out") + _links(store, org.id, "IMPLEMENTS", "out")
    return CountryProfile(country=node, projects=projects, events=events, areas=list(areas.values()),
                          implementers=implementers, funders=funders, organizations=governments, planned=planned)


def neighbourhood(store: GraphStore, entity: str, depth: int = 1) -> Subgraph:
    """Everything within ``depth`` edges of an entity (1 to MAX_DEPTH), documents left out."""
    if not 1 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
    node = resolve(store, entity, *CONTENT_TYPES)  # a document is no place in the network
    undirected = _content_view(store)
    reached = nx.single_source_shortest_path_length(undirected, node.id, cutoff=depth)
    return _subgraph(store, reached)


def paths(store: GraphStore, source: str, target: str, limit: int = 5) -> list[Subgraph]:
    """The shortest paths between two entities (documents left out), at most ``limit`` (≤ MAX_PATHS)."""
    start, end = resolve(store, source, *CONTENT_TYPES), resolve(store, target, *CONTENT_TYPES)
    undirected = _content_view(store)
    try:
        found = []
        for path in nx.all_shortest_paths(undirected, start.id, end.id):
            found.append(_subgraph(store, path, ordered=True))
            if len(found) >= min(limit, MAX_PATHS):
                break
        return found
    except nx.NetworkXNoPath:
        return []


def _content_view(store: GraphStore) -> nx.Graph:
    keep = [n for n, data in store.nx.nodes(data=True) if data["type"] != "Document"]
    return store.nx.subgraph(keep).to_undirected(as_view=True)


def _subgraph(store: GraphStore, node_ids: Iterable[str], ordered: bool = False) -> Subgraph:
    ids = list(node_ids)
    wanted = set(ids)
    edges = [e for e in store.edges() if e.source in wanted and e.target in wanted and e.type != "MENTIONED_IN"]
    if ordered:  # only the edges along the path, in order
        steps = set(zip(ids, ids[1:], strict=False)) | set(zip(ids[1:], ids, strict=False))
        edges = [e for e in edges if (e.source, e.target) in steps]
    return Subgraph(nodes=[store.node(i) for i in ids], edges=edges)


def search(store: GraphStore, query: str, limit: int = 10, node_type: str | None = None) -> list[SearchHit]:
    """Nodes whose name or alias resembles ``query`` (typo-tolerant), best first.

    Uses rapidfuzz's WRatio (a weighted mix of whole, partial and token-order similarity), so
    'mercury policy' finds 'Mercury Policy Project' and 'planetgld' finds 'planetGOLD'.
    """
    query = query.strip()
    if not query:
        return []
    choices: list[tuple[str, str]] = []
    for node_id, data in store.nx.nodes(data=True):
        if data["type"] == "Document" or (node_type and data["type"] != node_type):
            continue
        for name in (data.get("name"), *data.get("aliases", []), data.get("key")):
            if name and len(str(name)) >= 0.6 * len(query):  # a short alias inside a long query is no match
                choices.append((str(name), node_id))
    best: dict[str, SearchHit] = {}
    for name, score, index in process.extract(query, [c[0] for c in choices], scorer=fuzz.WRatio,
                                              processor=str.casefold, limit=limit * 8, score_cutoff=70):
        node_id = choices[index][1]
        if node_id not in best or best[node_id].score < score:
            best[node_id] = SearchHit(node=store.node(node_id), matched=name, score=round(score, 1))
    return sorted(best.values(), key=lambda h: (-h.score, h.node.name))[:limit]


def growth(store: GraphStore) -> list[MembershipFigure]:
    """The Partnership's membership counts over time, one per date (the first statement of a date wins),
    each with the document and sentence that states it."""
    by_date: dict[str, MembershipFigure] = {}
    for document in store.nodes("Document"):
        for figure in getattr(document, "membership", []):
            by_date.setdefault(figure.as_of, figure)
    return [by_date[d] for d in sorted(by_date)]
