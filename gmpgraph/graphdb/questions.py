"""The README's example questions as Cypher, run where the graph lives (Neo4j or FalkorDB).

Each function takes an open :class:`Target` and returns plain rows; the tests check that every answer
equals the embedded query layer's on the same graph. Parameters carry every value.

* :func:`article_supporters` - which projects (areas, publications, events) support Article N, and on what
  basis.
* :func:`country_funders` - who funded work in a country (funders of the projects located there).
* :func:`area_leads` - who leads an area, with the dates the text gives.
* :func:`shared_partners` - which areas share partners (organisations that lead or fund an area, or
  implement or fund its projects).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

from gmpgraph.graphdb.connect import Target

ARTICLE_SUPPORTERS = """
MATCH (s:Entity)-[r:SUPPORTS]->(a:Article {key: $article})
RETURN s.id AS id, s.type AS type, s.name AS name, r.basis AS basis
ORDER BY basis, id"""

COUNTRY_FUNDERS = """
MATCH (o:Organization)-[:FUNDS]->(:Project)-[:LOCATED_IN]->(c:Country {key: $iso3})
RETURN DISTINCT o.id AS id, o.name AS name
ORDER BY id"""

AREA_LEADS = """
MATCH (o:Organization)-[r:LEADS]->(a:Area {key: $area})
RETURN o.id AS id, o.name AS name, r.start AS start, r.end AS end, r.as_of AS as_of
ORDER BY id"""

AREA_PARTNERS = """
MATCH (o:Organization)-[:LEADS|FUNDS]->(a:Area)
RETURN a.id AS area, o.id AS organization
UNION
MATCH (o:Organization)-[:IMPLEMENTS|FUNDS]->(:Project)-[:PART_OF]->(a:Area)
RETURN a.id AS area, o.id AS organization"""


def article_supporters(target: Target, article: int | str) -> list[dict[str, Any]]:
    """What supports an article: ``{id, type, name, basis}`` rows, stated first."""
    return target.run(ARTICLE_SUPPORTERS, {"article": str(int(article))})


def country_funders(target: Target, iso3: str) -> list[dict[str, Any]]:
    """Organisations that fund a project located in the country."""
    return target.run(COUNTRY_FUNDERS, {"iso3": iso3.upper()})


def area_leads(target: Target, area: str) -> list[dict[str, Any]]:
    """The leads of an area, with ``start``, ``end`` and ``as_of`` where known."""
    return target.run(AREA_LEADS, {"area": area})


def shared_partners(target: Target) -> list[dict[str, Any]]:
    """Pairs of areas and the organisations both have as partners."""
    partners: dict[str, set[str]] = defaultdict(set)
    for row in target.run(AREA_PARTNERS):
        partners[row["area"]].add(row["organization"])
    return [{"areas": [a, b], "partners": sorted(partners[a] & partners[b])}
            for a, b in combinations(sorted(partners), 2) if partners[a] & partners[b]]


QUESTIONS = {"supporters": article_supporters, "funders": country_funders, "leads": area_leads,
             "shared-partners": shared_partners}
