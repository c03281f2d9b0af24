"""The HTTP API over the graph built from the real corpus: through httpx in-process, and a real uvicorn
server on 127.0.0.1 talked to over the network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from gmpgraph import load_graph
from tests.conftest import running_server


@pytest.fixture(scope="module")
def client(corpus_graph: Path) -> TestClient:
    return TestClient(create_app(load_graph(corpus_graph)), raise_server_exceptions=False)


def test_stats_match_the_built_graph(corpus_graph: Path, client: TestClient) -> None:
    body = client.get("/stats").json()
    assert {"nodes": body["nodes"], "edges": body["edges"]} == load_graph(corpus_graph).counts()
    # a graph nobody has reviewed yet; 22 leads: ICSC (formerly IEACCC) and the CNR's institute lead once each
    assert body["reviewed"]["LEADS"] == {"reviewed": 0, "total": 22}
    assert body["nodes"]["Area"] == 8


def test_supporters_leads_country_and_gaps(client: TestClient) -> None:
    supporters = client.get("/articles/7/supporters").json()
    assert "planetGOLD" in {s["node"]["name"] for s in supporters["area_mandate"]}
    assert all(s["edge"]["provenance"] for s in supporters["stated"])
    leads = client.get("/areas/supply-storage/leads", params={"as_of": "2010-06-30"}).json()
    assert [lead["organization"]["name"] for lead in leads["leads"]] == ["Mercury Policy Project"]
    assert leads["leads"][0]["status"] == "stated later"  # only the 2012 report's hand-over dates it
    country = client.get("/countries/IDN").json()
    assert "planetGOLD Indonesia" in {p["node"]["name"] for p in country["projects"]}
    gaps = client.get("/gaps").json()
    assert gaps["matrix"]["cells"] and gaps["findings"]
    assert all(f["strength"] in ("stated", "inferred", "absence") for f in gaps["findings"])
    assert client.get("/gaps/matrix").json()["areas"]
    rows = client.get("/gaps/countries", params={"active": "asgm", "missing": "waste"}).json()
    assert "country:IDN" in {r["country"] for r in rows} and all(r["evidence"] for r in rows)
    unknown = client.get("/gaps/countries", params={"active": "asgm", "missing": "nowhere"})
    assert unknown.status_code == 404 and "nowhere" in unknown.json()["detail"]
    assert [f["total"] for f in client.get("/growth").json()] == [70, 111, 236]


def test_entities_paging_search_paths_and_neighbourhood(client: TestClient) -> None:
    page = client.get("/entities", params={"type": "Organization", "limit": 5, "offset": 5}).json()
    assert len(page["items"]) == 5 and page["total"] > 100 and page["offset"] == 5
    one = client.get("/entities/UNIDO").json()
    assert one["node"]["id"] == "org:united-nations-industrial-development-organization"
    assert any(e["type"] == "LEADS" for e in one["outgoing"]) and one["node"]["provenance"]
    assert client.get("/search", params={"q": "mercury policy"}).json()[0]["node"]["id"] == "org:mercury-policy-project"
    found = client.get("/paths", params={"from": "UNIDO", "to": "planetGOLD"}).json()
    assert found and found[0]["nodes"][-1]["name"] == "planetGOLD"
    near = client.get("/entities/planetGOLD/neighbourhood", params={"depth": 2}).json()
    assert len(near["nodes"]) > 10
    funding = client.get("/organizations/European Commission/funding").json()
    assert 125000 in {link["edge"].get("amount") for link in funding["funds"]}


@pytest.mark.parametrize(("url", "status"), [
    ("/entities/org:nowhere", 404), ("/countries/ATL", 404), ("/areas/gold/leads", 404),
    ("/articles/36/supporters", 422), ("/articles/seven/supporters", 422),
    ("/areas/asgm/leads?as_of=June", 422), ("/entities?limit=100000", 422), ("/entities?type=Spaceship", 422),
    ("/entities/planetGOLD/neighbourhood?depth=50", 422), ("/paths?from=UNIDO", 422), ("/search?q=", 422),
    ("/paths?from=UNIDO&to=planetGOLD&limit=1000", 422),
])
def test_bad_requests_get_a_reason_never_a_server_error(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["detail"] and "Traceback" not in response.text and "/work/" not in response.text


def test_unknown_names_suggest_what_was_meant(client: TestClient) -> None:
    body = client.get("/entities/planetgld").json()
    assert "project:planetgold" in body["suggestions"]


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/stats", "/entities", "/entities/{ref}", "/articles/{number}/supporters", "/areas/{key}/leads",
                 "/organizations/{ref}/funding", "/countries/{iso3}", "/paths", "/search", "/gaps", "/gaps/matrix",
                 "/gaps/countries", "/growth"):
        assert path in spec["paths"], path
        assert spec["paths"][path]["get"]["summary"]


@pytest.fixture(scope="module")
def server(corpus_graph: Path) -> Iterator[str]:
    with running_server(corpus_graph) as url:
        yield url


def test_a_real_uvicorn_server_answers_over_the_network(server: str) -> None:
    with httpx.Client(base_url=server, timeout=10) as http:
        assert http.get("/stats").json()["nodes"]["Area"] == 8
        assert http.get("/areas/supply-storage/leads", params={"as_of": "2012-06-30"}).status_code == 200
        missing = http.get("/countries/ATL")
        assert missing.status_code == 404 and "no country named 'ATL'" in missing.json()["detail"]
        assert http.get("/docs").status_code == 200
        assert "access-control-allow-origin" not in http.get("/stats", headers={"Origin": "http://x.test"}).headers
