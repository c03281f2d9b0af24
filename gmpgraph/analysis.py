"""Cross-area gap analysis: where the Partnership's work meets the Convention, and where it does not.

* :func:`coverage_matrix` - area x article: how many things in each area the text ties to each
  article (``stated``), and whether the area's mandate covers it (``area_mandate``); every count
  lists the edges it was counted from.
* :func:`findings` - articles with obligations on Parties but no project; areas with no known funder;
  areas with a single lead; countries active in one area but not in a related one; areas that never
  collaborate. Each finding names its evidence.

>>> from gmpgraph.graphfile import graph_from_json
>>> store = graph_from_json({"nodes": [
...     {"id": "area:asgm", "type": "Area", "key": "asgm", "name": "Artisanal and small-scale gold mining"},
...     {"id": "article:7", "type": "Article", "key": "7", "name": "Article 7"},
...     {"id": "project:p", "type": "Project", "name": "P"}], "edges": [
...     {"type": "SUPPORTS", "source": "project:p", "target": "article:7", "basis": "stated"},
...     {"type": "PART_OF", "source": "project:p", "target": "area:asgm"}]})
>>> cell = coverage_matrix(store).cells[0]
>>> (cell.area, cell.article, cell.stated, cell.area_mandate)
('area:asgm', 'article:7', 1, 1)
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Literal

from pydantic import BaseModel, Field

from gmpgraph.queries import leads
from gmpgraph.store import GraphStore
from schema import AnyEdge
from schema.reference import area_by_key, articles

FindingKind = Literal["article-without-project", "area-without-funder", "area-with-single-lead",
                      "country-missing-related-area", "areas-never-collaborate"]


class Evidence(BaseModel):
    """An edge a count or finding rests on: its ends and type (the provenance is on the edge in the graph)."""

    type: str
    source: str
    target: str
    quote: str | None = None


class CoverageCell(BaseModel):
    """One area x article cell."""

    area: str
    article: str
    stated: int = Field(description="Things in the area (the area itself, its projects, publications, events) "
                                    "the text ties to the article.")
    area_mandate: int = Field(description="1 if the area's mandate covers the article, else 0.")
    evidence: list[Evidence]


class CoverageMatrix(BaseModel):
    """The area x article coverage, with row and column labels."""

    areas: list[str]
    articles: list[str]
    cells: list[CoverageCell]

    def cell(self, area: str, article: str) -> CoverageCell | None:
        """The cell for an area id and article id, if it has any count."""
        return next((c for c in self.cells if c.area == area and c.article == article), None)


class Finding(BaseModel):
    """One gap, with the node it is about and the edges (or absence of them) that show it."""

    kind: FindingKind
    subject: str
    message: str
    related: list[str] = Field(default_factory=list, description="Other node ids the finding involves.")
    evidence: list[Evidence] = Field(default_factory=list)


def _evidence(edge: AnyEdge) -> Evidence:
    quote = edge.provenance[0].quote if edge.provenance else None
    return Evidence(type=edge.type, source=edge.source, target=edge.target, quote=quote)


def _members(store: GraphStore, area_id: str) -> list[tuple[str, AnyEdge | None]]:
    """The area itself and everything PART_OF it, with the PART_OF edge."""
    return [(area_id, None), *((e.source, e) for e in store.edges("PART_OF", target=area_id))]


def _area_ids(store: GraphStore) -> list[str]:
    return [n.id for n in store.nodes("Area")]


def coverage_matrix(store: GraphStore) -> CoverageMatrix:
    """Counts of stated SUPPORTS per area and article, plus the area-mandate ones, each traced to edges."""
    mandated = {f"article:{n}" for area in store.nodes("Area") for n in area_by_key()[area.key].mandate_articles}
    article_ids = sorted({n.id for n in store.nodes("Article")} | mandated, key=lambda i: int(i.split(":")[1]))
    cells = []
    for area_id in _area_ids(store):
        mandate = set(area_by_key()[store.node(area_id).key].mandate_articles)
        per_article: dict[str, list[Evidence]] = defaultdict(list)
        for member, part_of in _members(store, area_id):
            for edge in store.edges("SUPPORTS", source=member):
                if getattr(edge, "basis", "stated") == "stated":
                    per_article[edge.target].append(_evidence(edge))
                    if part_of is not None:
                        per_article[edge.target].append(_evidence(part_of))
        for article_id in article_ids:
            stated = [e for e in per_article.get(article_id, []) if e.type == "SUPPORTS"]
            in_mandate = int(int(article_id.split(":")[1]) in mandate)
            if stated or in_mandate:
                cells.append(CoverageCell(area=area_id, article=article_id, stated=len(stated), area_mandate=in_mandate,
                                          evidence=per_article.get(article_id, [])))
    return CoverageMatrix(areas=_area_ids(store), articles=article_ids, cells=cells)


def findings(store: GraphStore) -> list[Finding]:
    """Every gap the graph shows, in a stable order (by kind, then subject)."""
    return [*_articles_without_projects(store), *_areas_without_funders(store), *_single_leads(store),
            *_countries_missing_related_areas(store), *_areas_never_collaborating(store)]


def _articles_without_projects(store: GraphStore) -> list[Finding]:
    found = []
    for ref in articles():
        if not ref.party_obligations:
            continue
        article_id = f"article:{ref.number}"
        supports = list(store.edges("SUPPORTS", target=article_id)) if article_id in store else []
        projects = [e for e in supports if store.nx.nodes[e.source]["type"] == "Project"]
        covering = [a for a in area_by_key().values() if ref.number in a.mandate_articles]
        through_areas = [e for a in covering for e in store.edges("PART_OF", target=f"area:{a.key}")
                         if store.nx.nodes[e.source]["type"] == "Project"]
        if projects or through_areas:
            continue
        others = [_evidence(e) for e in supports]
        areas = ", ".join(a.name for a in covering)
        via = f" (the mandate of {areas} covers it, but the graph holds no project there)" if covering else ""
        found.append(Finding(kind="article-without-project", subject=article_id,
                             message=f"Article {ref.number} ({ref.title}) puts obligations on Parties but no project "
                                     f"in the graph supports it{via}; {len(others)} other supporting statement(s)",
                             related=[e.source for e in others], evidence=others))
    return found


def _areas_without_funders(store: GraphStore) -> list[Finding]:
    found = []
    for area_id in _area_ids(store):
        funds = [e for member, _ in _members(store, area_id) for e in store.edges("FUNDS", target=member)]
        if not funds:
            projects = [m for m, part in _members(store, area_id) if part is not None]
            found.append(Finding(kind="area-without-funder", subject=area_id,
                                 message=f"{store.node(area_id).name}: no FUNDS edge to the area or to any of its "
                                         f"{len(projects)} project(s)", related=projects))
    return found


def _single_leads(store: GraphStore) -> list[Finding]:
    found = []
    for area_id in _area_ids(store):
        current = [lead for lead in leads(store, area_id).leads if lead.status == "in office"]
        if len(current) == 1:
            found.append(Finding(kind="area-with-single-lead", subject=area_id,
                                 message=f"{store.node(area_id).name} has one known lead: {current[0].organization.name}",
                                 related=[current[0].organization.id], evidence=[_evidence(current[0].edge)]))
    return found


def _related_area_pairs(store: GraphStore) -> set[tuple[str, str]]:
    """Areas that work together (COLLABORATES_WITH) or whose mandates share an article."""
    pairs = {tuple(sorted((e.source, e.target))) for e in store.edges("COLLABORATES_WITH")}
    keys = {a: set(area_by_key()[store.node(a).key].mandate_articles) for a in _area_ids(store)}
    for a, b in combinations(sorted(keys), 2):
        if keys[a] & keys[b]:
            pairs.add((a, b))
    return pairs  # type: ignore[return-value]


def _countries_missing_related_areas(store: GraphStore) -> list[Finding]:
    active: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))  # country -> area -> edges
    for located in store.edges("LOCATED_IN"):
        for part in store.edges("PART_OF", source=located.source):
            active[located.target][part.target] += [_evidence(located), _evidence(part)]
    found = []
    for a, b in sorted(_related_area_pairs(store)):
        for country in sorted(active):
            areas = active[country]
            for present, missing in ((a, b), (b, a)):
                if present in areas and missing not in areas:
                    found.append(Finding(
                        kind="country-missing-related-area", subject=country, related=[present, missing],
                        message=f"{store.node(country).name}: work in {store.node(present).name} but none in the "
                                f"related {store.node(missing).name}", evidence=areas[present]))
    return found


def _areas_never_collaborating(store: GraphStore) -> list[Finding]:
    together = {tuple(sorted((e.source, e.target))) for e in store.edges("COLLABORATES_WITH")}
    found = []
    for a, b in combinations(sorted(_area_ids(store)), 2):
        if (a, b) not in together:
            found.append(Finding(kind="areas-never-collaborate", subject=a, related=[b],
                                 message=f"{store.node(a).name} and {store.node(b).name}: no joint work stated"))
    return found
