"""The schema models accept what can be true and reject what cannot, with clear messages."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from schema import (Area, Article, CollaboratesWith, Country, DocumentNode, Funds, GraphExport, Leads, LocatedIn,
                    MentionedIn, Organization, Provenance, Supports, edge_adapter, node_adapter, node_id)
from schema.reference import area_by_key, article_titles, areas, country_name


def test_reference_data_has_35_articles_and_8_areas() -> None:
    assert len(article_titles()) == 35
    assert article_titles()[7] == "Artisanal and small-scale gold mining"
    assert article_titles()[11] == "Mercury wastes"
    assert [a.key for a in areas()] == ["asgm", "chlor-alkali", "fate-transport", "products", "coal", "waste",
                                        "supply-storage", "cement"]
    assert area_by_key()["supply-storage"].mandate_articles == (3, 10)


def test_article_numbers_outside_1_to_35_are_rejected() -> None:
    assert Article(id="article:35", key="35", name="Article 35").title == "Authentic texts"
    with pytest.raises(ValidationError, match="not an article of the Minamata Convention"):
        Article(id="article:36", key="36", name="Article 36")
    with pytest.raises(ValidationError, match="not an article"):
        Article(id="article:0", key="0", name="Article 0")


def test_country_key_must_be_iso_alpha3() -> None:
    assert Country(id="country:IDN", key="IDN", name="Indonesia").key == "IDN"
    for bad in ("XYZ", "ID", "idn", "Indonesia"):
        with pytest.raises(ValidationError, match="ISO 3166-1 alpha-3"):
            Country(id=f"country:{bad}", key=bad, name="x")
    assert country_name("TZA") == "United Republic of Tanzania"


def test_area_key_must_be_one_of_the_eight() -> None:
    with pytest.raises(ValidationError, match="unknown partnership area 'mining'"):
        Area(id="area:mining", key="mining", name="Mining")


def test_id_must_agree_with_type_and_key() -> None:
    with pytest.raises(ValidationError, match="must start with 'org:'"):
        Organization(id="country:PHL", name="UNIDO")
    with pytest.raises(ValidationError, match="id must be 'country:PHL'"):
        Country(id="country:IDN", key="PHL", name="Philippines")


def test_edges_between_wrong_types_are_rejected() -> None:
    assert Leads(source="org:unido", target="area:asgm").type == "LEADS"
    with pytest.raises(ValidationError, match="cannot have a node of type Country as its target"):
        Leads(source="org:unido", target="country:PHL")
    with pytest.raises(ValidationError, match="cannot have a node of type Organization as its source"):
        Supports(source="org:unido", target="article:7")
    with pytest.raises(ValidationError, match="cannot have a node of type Organization as its source"):
        LocatedIn(source="org:unido", target="country:PHL")
    with pytest.raises(ValidationError, match="is not a node id"):
        Funds(source="GEF", target="project:planetgold")
    assert Funds(source="org:gef", target="org:unep").target == "org:unep"


def test_edge_values_are_checked() -> None:
    assert Funds(source="org:norway", target="project:x", amount=850000, currency="USD").amount == 850000
    with pytest.raises(ValidationError):
        Funds(source="org:norway", target="project:x", amount=-1)
    with pytest.raises(ValidationError):
        Funds(source="org:norway", target="project:x", currency="dollars")
    with pytest.raises(ValidationError, match="ends .* before it starts"):
        Leads(source="org:mpp", target="area:supply-storage", start="2011-11-01", end="2010-01-01")
    with pytest.raises(ValidationError):
        Supports(source="area:asgm", target="article:7", basis="guessed")


def test_collaboration_is_undirected_and_stored_in_one_order() -> None:
    a = CollaboratesWith(source="area:waste", target="area:products")
    b = CollaboratesWith(source="area:products", target="area:waste")
    assert (a.source, a.target) == (b.source, b.target) == ("area:products", "area:waste")
    with pytest.raises(ValidationError, match="cannot collaborate with itself"):
        CollaboratesWith(source="area:waste", target="area:waste")


def test_provenance_span_must_not_be_empty() -> None:
    with pytest.raises(ValidationError, match="span is empty"):
        Provenance(document="d.txt", locator="para 1", quote="x", start=5, end=5)
    with pytest.raises(ValidationError):
        Provenance(document="d.txt", locator="", quote="x", start=0, end=1)


def test_discriminated_unions_pick_the_type() -> None:
    node = node_adapter.validate_python({"id": "article:7", "type": "Article", "key": "7", "name": "Article 7"})
    assert isinstance(node, Article)
    edge = edge_adapter.validate_python({"type": "MENTIONED_IN", "source": "article:7", "target": "doc:a.txt"})
    assert isinstance(edge, MentionedIn)
    with pytest.raises(ValidationError):
        node_adapter.validate_python({"id": "x:1", "type": "Planet", "name": "Mars"})


def test_node_ids_are_readable() -> None:
    assert node_id("Organization", "Natural Resources Defence Council (NRDC)") == "org:natural-resources-defence-council-nrdc"
    assert node_id("Article", "07") == "article:7"
    assert node_id("Country", "phl") == "country:PHL"


def test_json_schema_covers_every_type() -> None:
    text = json.dumps(GraphExport.model_json_schema())
    for name in ("Area", "Article", "Country", "Organization", "Project", "Publication", "Event", "Person",
                 "Document", "LEADS", "FUNDS", "IMPLEMENTS", "PART_OF", "LOCATED_IN", "SUPPORTS",
                 "COLLABORATES_WITH", "AFFILIATED_WITH", "Provenance"):
        assert name in text, name
    assert DocumentNode(id="doc:a.txt", name="a.txt", file="a.txt", sha256="0" * 64, chars=1).type == "Document"
