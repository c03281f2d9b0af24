"""The graph store: merge semantics, one edge per (type, source, target), typed look-ups."""

from __future__ import annotations

import networkx as nx
import pytest

from gmpgraph import GraphError, GraphStore
from schema import Area, Article, Country, Leads, Organization, Person, Provenance, Statement, Supports


def prov(locator: str, start: int = 0, doc: str = "r.txt") -> Provenance:
    return Provenance(document=doc, locator=locator, quote="quoted text", start=start, end=start + 11)


def unido(*locators: str, name: str = "United Nations Industrial Development Organization",
          aliases: list[str] | None = None) -> Organization:
    return Organization(id="org:unido", name=name, aliases=aliases or [], kind="intergovernmental",
                        provenance=[prov(loc) for loc in locators])


def test_adding_a_node_twice_merges_aliases_and_provenance() -> None:
    store = GraphStore()
    store.add_node(unido("para 1", aliases=["UNIDO"]))
    merged = store.add_node(unido("para 1", "para 9", name="UNIDO", aliases=["U.N.I.D.O."]))
    assert merged.name == "United Nations Industrial Development Organization"  # first name stays canonical
    assert merged.aliases == ["UNIDO", "U.N.I.D.O."]  # no duplicates, case-insensitive
    assert [p.locator for p in merged.provenance] == ["para 1", "para 9"]  # same place not twice
    assert len(store) == 1


def test_merge_fills_missing_properties_but_keeps_stored_ones() -> None:
    store = GraphStore()
    store.add_node(Organization(id="org:x", name="X"))
    store.add_node(Organization(id="org:x", name="X", kind="ngo", kind_rule="name has 'Council'"))
    assert store.node("org:x").kind == "other"  # the stored value wins: merging never rewrites a fact
    store.add_node(Organization(id="org:y", name="Y"))
    store.add_node(Organization(id="org:y", name="Y", kind_rule="r"))
    assert store.node("org:y").kind_rule == "r"  # a missing property is filled


def test_a_node_cannot_change_type() -> None:
    store = GraphStore()
    store.add_node(Organization(id="org:x", name="X"))
    node = Organization(id="org:x", name="X")
    node.__dict__["type"] = "Person"  # a forged model: the store must still refuse it
    with pytest.raises(GraphError, match="already a Organization"):
        store.add_node(node)


def test_edge_exists_once_per_type_source_target_with_all_provenance() -> None:
    store = GraphStore()
    store.add_node(unido())
    store.add_node(Area(id="area:asgm", key="asgm", name="Artisanal and small-scale gold mining"))
    store.add_edge(Leads(source="org:unido", target="area:asgm", provenance=[prov("para 25")]))
    store.add_edge(Leads(source="org:unido", target="area:asgm", provenance=[prov("para 25"), prov("line 40")],
                         as_of="2022-03-01"))
    edges = list(store.edges("LEADS"))
    assert len(edges) == 1
    assert [p.locator for p in edges[0].provenance] == ["para 25", "line 40"]
    assert str(edges[0].as_of) == "2022-03-01"  # filled by the second statement
    assert store.nx.number_of_edges() == 1


def test_different_edge_types_between_the_same_nodes_are_kept_apart() -> None:
    store = GraphStore()
    store.add_node(Area(id="area:asgm", key="asgm", name="ASGM"))
    store.add_node(Article(id="article:7", key="7", name="Article 7"))
    store.add_edge(Supports(source="area:asgm", target="article:7", basis="stated"))
    store.add_edge(Supports(source="area:asgm", target="article:7", basis="area-mandate"))
    assert len(list(store.edges("SUPPORTS"))) == 1  # same type: one edge, the first basis kept
    assert store.edge("area:asgm", "article:7", "SUPPORTS").basis == "stated"


def test_edges_need_existing_nodes_of_allowed_types() -> None:
    store = GraphStore()
    store.add_node(unido())
    with pytest.raises(GraphError, match="unknown node 'area:asgm'"):
        store.add_edge(Leads(source="org:unido", target="area:asgm"))


def test_typed_lookups_and_filters() -> None:
    store = GraphStore()
    store.add_node(unido())
    store.add_node(Person(id="person:susan-keane", name="Susan Keane"))
    store.add_node(Country(id="country:PHL", key="PHL", name="Philippines"))
    store.add_node(Area(id="area:asgm", key="asgm", name="ASGM"))
    store.add_edge(Leads(source="org:unido", target="area:asgm"))
    assert [n.id for n in store.nodes("Country")] == ["country:PHL"]
    assert isinstance(store.node("person:susan-keane"), Person)
    assert [e.target for e in store.edges(source="org:unido")] == ["area:asgm"]
    assert [e.source for e in store.edges("LEADS", target="area:asgm")] == ["org:unido"]
    assert list(store.edges(source="org:missing")) == []
    assert store.counts() == {"nodes": {"Area": 1, "Country": 1, "Organization": 1, "Person": 1},
                              "edges": {"LEADS": 1}}
    with pytest.raises(KeyError):
        store.node("org:missing")
    with pytest.raises(GraphError, match="unknown node type 'Planet'"):
        list(store.nodes("Planet"))


def test_the_plain_networkx_graph_is_available() -> None:
    store = GraphStore()
    store.add_node(unido())
    store.add_node(Area(id="area:asgm", key="asgm", name="ASGM"))
    store.add_edge(Leads(source="org:unido", target="area:asgm"))
    graph = store.nx
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes["org:unido"]["kind"] == "intergovernmental"
    assert list(graph.edges(keys=True)) == [("org:unido", "area:asgm", "LEADS")]
    assert nx.shortest_path(graph.to_undirected(as_view=True), "org:unido", "area:asgm") == ["org:unido",
                                                                                            "area:asgm"]


def test_models_are_validated_once_per_state_of_the_graph() -> None:
    store = GraphStore()
    store.add_node(Area(id="area:asgm", key="asgm", name="Artisanal and small-scale gold mining"))
    first = store.node("area:asgm")
    assert store.node("area:asgm") is first  # read again: the same validated model
    store.merge_node(Area(id="area:asgm", key="asgm", name="ASGM"))
    again = store.node("area:asgm")
    assert again is not first and "ASGM" in again.aliases and "ASGM" not in first.aliases
    store.nx.nodes["area:asgm"]["name"] = "Gold mining"  # a write behind the store's back, then declared
    store.changed()
    assert store.node("area:asgm").name == "Gold mining"


def test_a_stated_edge_stays_stated_whatever_order_the_planned_statement_comes_in() -> None:
    # a project sheet states 'funded by the GEF'; another page proposes more work under it: still a fact
    for order in (("stated", "planned"), ("planned", "stated")):
        store = GraphStore()
        store.add_node(unido())
        store.add_node(Area(id="area:asgm", key="asgm", name="Artisanal and small-scale gold mining"))
        for i, status in enumerate(order):
            store.add_edge(Leads(source="org:unido", target="area:asgm", provenance=[prov(f"para {i}", start=i * 20)],
                                 status=None if status == "stated" else "planned"))
        assert next(iter(store.edges("LEADS"))).status is None, order


def test_every_statement_of_an_edge_is_kept_once_however_many_documents_state_it() -> None:
    # the identities of an edge's statements are remembered between merges: each is still kept once, in the
    # order first seen, when many documents state the edge, again and again, and after a merge moves it
    store = GraphStore()
    store.add_node(unido())
    store.add_node(Organization(id="org:unido-2", name="UNIDO Vienna"))
    store.add_node(Area(id="area:asgm", key="asgm", name="Artisanal and small-scale gold mining"))
    said = [Statement(document=f"r{i}.txt", locator="para 1") for i in range(30)]
    for round_ in range(2):
        for i, statement in enumerate(said):
            store.add_edge(Leads(source="org:unido", target="area:asgm", provenance=[prov("para 1", doc=f"r{i}.txt")],
                                 statements=[statement, said[0]] if i else [statement]))
            store.add_edge(Leads(source="org:unido-2", target="area:asgm", provenance=[prov("para 2", doc="x.txt")],
                                 statements=[Statement(document="x.txt", locator=f"para {round_}")]))
    assert [s.document for s in store.edge("org:unido", "area:asgm", "LEADS").statements] == [
        f"r{i}.txt" for i in range(30)]
    store.merge_into("org:unido", "org:unido-2")
    moved = store.edge("org:unido", "area:asgm", "LEADS").statements
    assert [(s.document, s.locator) for s in moved] == [
        *[(f"r{i}.txt", "para 1") for i in range(30)], ("x.txt", "para 0"), ("x.txt", "para 1")]
    store.add_edge(Leads(source="org:unido", target="area:asgm", statements=[said[5], Statement(
        document="x.txt", locator="para 1"), Statement(document="y.txt", locator="para 1")]))
    assert len(store.edge("org:unido", "area:asgm", "LEADS").statements) == 33


def test_a_node_or_edge_merged_as_its_json_dump_is_merged_as_its_model() -> None:
    # a build merges remembered extractions as their dumps: the store must come out the same
    nodes = [unido("para 1"), unido("para 2", name="UNIDO", aliases=["United Nations Industrial  Development"]),
             Area(id="area:asgm", key="asgm", name="Artisanal and small-scale gold mining", provenance=[prov("p")])]
    edges = [Leads(source="org:unido", target="area:asgm", provenance=[prov("para 1")], status="planned",
                   statements=[Statement(document="r.txt", locator="para 1", status="planned")]),
             Leads(source="org:unido", target="area:asgm", provenance=[prov("para 1"), prov("para 3", start=40)],
                   statements=[Statement(document="r.txt", locator="para 3")])]
    as_models, as_dumps = GraphStore(), GraphStore()
    for node in nodes:
        as_models.merge_node(node)
        as_dumps.merge_node_data(node.model_dump(mode="json", exclude_none=True))
    for edge in edges:
        as_models.merge_edge(edge)
        as_dumps.merge_edge_data(edge.model_dump(mode="json", exclude_none=True))
    assert list(as_models.nx.nodes(data=True)) == list(as_dumps.nx.nodes(data=True))
    assert list(as_models.nx.edges(keys=True, data=True)) == list(as_dumps.nx.edges(keys=True, data=True))
    with pytest.raises(GraphError, match="unknown node"):
        as_dumps.merge_edge_data({"type": "LEADS", "source": "org:nobody", "target": "area:asgm"})
