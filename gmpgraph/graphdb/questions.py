"""The README's example questions as Cypher, run where the graph lives (Neo4j or FalkorDB).

Each function takes an open :class:`Target` and returns plain rows; each gives the same set as the embedded
query layer (``gmpgraph query``, the API) on the same graph, with the same labels, and the tests check it.
Parameters carry every value.

* :func:`article_supporters` - what supports Article N: stated in the text (``basis: stated``), or through
  an area's mandate (``basis: area-mandate``, with ``via_area``): the area, and the area's projects.
* :func:`country_funders` - who funded work in a country: funders of the projects and events located
  there, and funders whose statement names the country ('contributed $150,000 to work in India, ...').
* :func:`area_leads` - who leads an area, optionally on a date: Cypher reads the area's LEADS edges with
  their dated statements, and the same rule as ``gmpgraph query leads`` picks those in office.
* :func:`shared_partners` - which areas share partners (organisations that lead or fund an area, or
  implement or fund its projects).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import combinations
from typing import Any

from gmpgraph.graphdb.connect import Target
from gmpgraph.graphdb.properties import from_properties
from schema.reference import area_by_key

ARTICLE_SUPPORTERS = """
MATCH (s:Entity)-[r:SUPPORTS]->(a:Article {key: $article})
RETURN s.id AS id, s.type AS type, s.name AS name, coalesce(r.basis, 'stated') AS basis, null AS via_area
ORDER BY basis, id"""

MANDATE_PROJECTS = """
MATCH (p:Entity)-[:PART_OF]->(ar:Area)-[:SUPPORTS]->(a:Article {key: $article})
WHERE ar.key IN $mandate_areas
RETURN DISTINCT p.id AS id, p.type AS type, p.name AS name, 'area-mandate' AS basis, ar.id AS via_area
ORDER BY id"""

COUNTRY_FUNDERS = """
MATCH (o:Organization)-[f:FUNDS]->(w:Entity)-[l:LOCATED_IN]->(c:Country {key: $iso3})
WHERE f.status IS NULL AND l.status IS NULL
RETURN DISTINCT o.id AS id, o.name AS name, w.id AS funds
UNION
MATCH (o:Organization)-[f:FUNDS]->(w:Entity)
WHERE f.status IS NULL AND $country IN f._places
RETURN DISTINCT o.id AS id, o.name AS name, w.id AS funds"""

AREA_LEAD_EDGES = """
MATCH (o:Organization)-[r:LEADS]->(a:Area {key: $area})
RETURN properties(o) AS organization, properties(a) AS area, properties(r) AS edge
ORDER BY o.id"""

AREA_PARTNERS = """
MATCH (o:Organization)-[:LEADS|FUNDS]->(a:Area)
RETURN a.id AS area, o.id AS organization
UNION
MATCH (o:Organization)-[:IMPLEMENTS|FUNDS]->(:Project)-[:PART_OF]->(a:Area)
RETURN a.id AS area, o.id AS organization"""


def article_supporters(target: Target, article: int | str) -> list[dict[str, Any]]:
    """What supports an article: ``{id, type, name, basis, via_area}`` rows, stated first, then through an
    area's mandate (the area, and its projects not stated to support it themselves)."""
    key = str(int(article))
    rows = target.run(ARTICLE_SUPPORTERS, {"article": key})
    stated = {r["id"] for r in rows if r["basis"] == "stated"}
    mandate_areas = [k for k, ref in area_by_key().items() if int(key) in ref.mandate_articles]
    projects = target.run(MANDATE_PROJECTS, {"article": key, "mandate_areas": mandate_areas}) if mandate_areas else []
    return rows + [r for r in projects if r["id"] not in stated]


def country_funders(target: Target, iso3: str) -> list[dict[str, Any]]:
    """Organisations that fund work located in the country, or whose funding statement names it:
    ``{id, name, funds}`` rows."""
    code = iso3.upper()
    rows = target.run(COUNTRY_FUNDERS, {"iso3": code, "country": f"country:{code}"})
    return sorted({(r["id"], r["funds"]): r for r in rows}.values(), key=lambda r: (r["id"], r["funds"]))


def area_leads(target: Target, area: str, as_of: dt.date | str | None = None) -> list[dict[str, Any]]:
    """The leads of an area (on ``as_of``, if given), each with the statement it rests on: ``{id, name,
    status, stated, quote, document, locator, note, start, end}`` rows."""
    from gmpgraph.queries import leads
    from gmpgraph.store import GraphStore
    from schema import edge_adapter, node_adapter

    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    store = GraphStore()
    for row in target.run(AREA_LEAD_EDGES, {"area": area}):
        organization, area_node = (node_adapter.validate_python(from_properties(row[k])) for k in ("organization",
                                                                                                   "area"))
        for node in (organization, area_node):
            if node.id not in store:
                store.add_node(node)
        store.add_edge(edge_adapter.validate_python({"type": "LEADS", "source": organization.id,
                                                     "target": area_node.id, **from_properties(row["edge"])}))
    if not store.nodes("Area"):
        return []
    out = []
    for lead in leads(store, area, as_of).leads:
        said = lead.statement
        out.append({"id": lead.organization.id, "name": lead.organization.name, "status": lead.status,
                    "stated": lead.stated.isoformat() if lead.stated else None,
                    "document": said.document if said else None, "locator": said.locator if said else None,
                    "quote": said.quote if said else None, "note": lead.note,
                    "start": lead.edge.start.isoformat() if lead.edge.start else None,
                    "end": lead.edge.end.isoformat() if lead.edge.end else None})
    return out


def shared_partners(target: Target) -> list[dict[str, Any]]:
    """Pairs of areas and the organisations both have as partners."""
    partners: dict[str, set[str]] = defaultdict(set)
    for row in target.run(AREA_PARTNERS):
        partners[row["area"]].add(row["organization"])
    return [{"areas": [a, b], "partners": sorted(partners[a] & partners[b])}
            for a, b in combinations(sorted(partners), 2) if partners[a] & partners[b]]


QUESTIONS = {"supporters": article_supporters, "funders": country_funders, "leads": area_leads,
             "shared-partners": shared_partners}
