"""`query country` (issue 29): the implementers of the work in a country, also those the text names, without a
country, in the very item that locates the work there; planned work apart."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from gmpgraph.queries import country_profile
from gmpgraph.store import GraphStore
from schema import Country, Implements, LocatedIn, Organization, Project, Provenance, Statement
from tests.conftest import gmpgraph_command

PAG12 = "pag12-activities-report-2022.txt"
# pag12 §IV.1 b) 43.1, verbatim
IMPACT_ITEM = ('IMPACT began a new project in partnership with the Colorado School of Mines and I.R. Consilium entitled '
               '"Understanding and Disrupting Key Convergence Nodes of the Illicit Gold and Mercury Supply Chains in '
               'Latin America and Africa". The project will contribute to a better understanding of illicit supply '
               'chains ... with a focus on Peru and Kenya.')


def said(locator: str, quote: str, places: tuple[str, ...] = (), status: str | None = None) -> dict:
    where = Provenance(document=PAG12, locator=locator, quote=quote, start=0, end=len(quote))
    return {"provenance": [where], "statements": [Statement(document=PAG12, locator=locator, quote=quote[:400],
                                                            places=places, status=status)]}


def test_an_implementer_named_in_the_item_that_locates_the_work_works_there() -> None:
    store = GraphStore()
    for country in (Country(id="country:PER", key="PER", name="Peru"), Country(id="country:KEN", key="KEN",
                                                                                name="Kenya")):
        store.add_node(country)
    project = "project:understanding-and-disrupting"
    store.add_node(Project(id=project, name="Understanding and Disrupting Key Convergence Nodes"))
    for ident, name in (("org:impact", "IMPACT"), ("org:colorado-school-of-mines", "Colorado School of Mines"),
                        ("org:elsewhere", "A Partner Named Elsewhere"), ("org:later", "A Partner To Come")):
        store.add_node(Organization(id=ident, name=name))
    for country in ("country:PER", "country:KEN"):
        store.add_edge(LocatedIn(source=project, target=country, **said("§IV.1 b) bullet 43.1", IMPACT_ITEM,
                                                                        ("country:PER", "country:KEN"))))
    # 'IMPACT began a new project in partnership with the Colorado School of Mines ...': no country in the clause
    for org in ("org:impact", "org:colorado-school-of-mines"):
        store.add_edge(Implements(source=org, target=project, **said("§IV.1 b) bullet 43.1", IMPACT_ITEM)))
    store.add_edge(Implements(source="org:elsewhere", target=project, **said("§IV.1 b) bullet 12", "works on it")))
    store.add_edge(Implements(source="org:later", target=project, status="planned",
                              **said("§IV.1 b) bullet 43.1", IMPACT_ITEM, status="planned")))
    profile = country_profile(store, "PER")
    assert {link.node.name for link in profile.implementers} == {"IMPACT", "Colorado School of Mines"}
    assert [link.node.name for link in profile.planned] == ["A Partner To Come"]  # apart, not as done


def test_planned_work_in_a_country_is_listed_apart() -> None:
    # overall-progress §II: 'A mercury reduction demonstration in South Africa will be initiated by the end of 2012
    # as part of the project “Reducing mercury emissions from coal combustion in the energy sector,” ...'
    store = GraphStore()
    store.add_node(Country(id="country:ZAF", key="ZAF", name="South Africa"))
    project = "project:reducing-mercury-emissions-from-coal-combustion-in-the-energy-sector"
    store.add_node(Project(id=project, name="Reducing mercury emissions from coal combustion in the energy sector"))
    store.add_edge(LocatedIn(source=project, target="country:ZAF", status="planned", **said(
        "§II ¶19", "A mercury reduction demonstration in South Africa will be initiated by the end of 2012",
        ("country:ZAF",), "planned")))
    profile = country_profile(store, "ZAF")
    assert not profile.projects and [link.node.id for link in profile.planned] == [project]


def test_query_country_per_names_impact_and_its_partner(corpus_graph: Path) -> None:
    proc = subprocess.run([*gmpgraph_command(), "query", "country", "PER", "--json", "--graph", str(corpus_graph)],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr
    profile = json.loads(proc.stdout)
    implementers = {(i["node"]["name"], i["edge"]["target"]) for i in profile["implementers"]}
    disrupting = next(p["node"]["id"] for p in profile["projects"] if p["node"]["name"].startswith("Understanding"))
    assert {("IMPACT", disrupting), ("Colorado School of Mines", disrupting)} <= implementers
    # the planetGOLD partners tied to other countries by their own statements stay out
    assert not {n for n, t in implementers if t == "project:planetgold"} & {
        "Artisanal Gold Council", "Conservation International", "Government of Madagascar", "Pure Earth"}
    assert "planned" in profile
