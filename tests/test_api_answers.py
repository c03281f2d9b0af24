"""Answers of bounded size, cached per graph version, and writes as transactions (issues 20 and 22).

In process (the app with the corpus graph) where only the answer matters; real ``gmpgraph serve`` servers on
127.0.0.1 where the cache, the write path or start-up has to be seen from outside.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from gmpgraph import GraphStore, load_graph
from tests.conftest import REPO
from tests.test_api_hardening import NEW_REPORT, TOKEN, write_server

DEFAULT_ANSWERS = ["/stats", "/entities/UNIDO", "/articles/7/supporters", "/areas/asgm/leads?as_of=2015-01-01",
                   "/organizations/UNIDO/funding", "/countries/IDN", "/search?q=mercury",
                   "/paths?from=UNIDO&to=planetGOLD", "/gaps", "/gaps/matrix", "/entities?type=Organization",
                   "/entities/planetGOLD/neighbourhood?depth=2", "/growth", "/gaps/countries?active=asgm&missing=waste"]
ONE_MB = 1_000_000


@pytest.fixture(scope="module")
def store(corpus_graph: Path) -> GraphStore:
    return load_graph(corpus_graph)


@pytest.fixture(scope="module")
def client(store: GraphStore) -> TestClient:
    return TestClient(create_app(store), raise_server_exceptions=False)


def _scaled(store: GraphStore, copies: int) -> GraphStore:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from synthetic import scaled_graph
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return scaled_graph(store, copies=copies)


def test_no_default_answer_is_over_a_megabyte_on_the_corpus_or_ten_times_it(store: GraphStore) -> None:
    big = TestClient(create_app(_scaled(store, 10), warm=False), raise_server_exceptions=False)
    for client in (TestClient(create_app(store, warm=False)), big):
        for path in DEFAULT_ANSWERS:
            answer = client.get(path)
            assert answer.status_code == 200, (path, answer.text[:200])
            assert len(answer.content) < ONE_MB, (path, len(answer.content))
    # and the full answer is still there when a client asks for it
    full = big.get("/articles/7/supporters", params={"full": "true"})
    assert full.status_code == 200 and len(full.content) > len(big.get("/articles/7/supporters").content)


def _collect(client: TestClient, first: dict[str, Any]) -> list[dict[str, Any]]:
    """An item's shown provenance, then every page its ``provenance_more`` link leads to."""
    entries = list(first["provenance"])
    more = first.get("provenance_more")
    while more:
        page = client.get(more)
        assert page.status_code == 200, page.text
        body = page.json()
        entries += body["items"]
        offset = body["offset"] + len(body["items"])
        more = None
        if body["items"] and offset < body["total"]:
            more = more_link(client, page.url, offset)
    return entries


def more_link(client: TestClient, url: httpx.URL, offset: int) -> str:
    params = dict(url.params)
    params["offset"] = str(offset)
    params["limit"] = "7"
    return str(url.copy_with(params=params).raw_path.decode())


def test_paged_provenance_adds_up_to_the_full_list(client: TestClient) -> None:
    entity = client.get("/entities/UNIDO").json()
    node = entity["node"]
    assert len(node["provenance"]) == 3 and node["provenance_total"] > 3
    full = client.get("/entities/UNIDO", params={"full": "true"}).json()["node"]["provenance"]
    assert _collect(client, node) == full and len(full) == node["provenance_total"]
    # the same for an edge, one entry shown: its provenance and its dated statements
    shown = client.get("/entities/UNIDO", params={"provenance": "1"}).json()
    one = next(e for e in shown["outgoing"] if e.get("provenance_total", 0) > 2)
    assert len(one["provenance"]) == 1
    whole = next(e for e in client.get("/entities/UNIDO", params={"full": "true"}).json()["outgoing"]
                 if (e["type"], e["target"]) == (one["type"], one["target"]))
    assert _collect(client, one) == whole["provenance"] and len(whole["provenance"]) == one["provenance_total"]
    edge = one
    statements = client.get("/edges/statements", params={"type": edge["type"], "source": edge["source"],
                                                         "target": edge["target"], "limit": 1000}).json()
    assert statements["total"] == len(whole["statements"]) and statements["items"] == whole["statements"]


def test_lists_are_paged_with_their_totals(client: TestClient) -> None:
    whole = client.get("/articles/7/supporters", params={"full": "true"}).json()["area_mandate"]
    first = client.get("/articles/7/supporters", params={"limit": 5}).json()
    second = client.get("/articles/7/supporters", params={"limit": 5, "offset": 5}).json()
    assert first["area_mandate_total"] == len(whole) > 10
    assert [s["node"]["id"] for s in first["area_mandate"] + second["area_mandate"]] == [
        s["node"]["id"] for s in whole[:10]]


def test_repeated_answers_carry_an_etag_and_304_when_unchanged(client: TestClient) -> None:
    first = client.get("/countries/IDN")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = client.get("/countries/IDN")
    assert again.content == first.content and again.headers["etag"] == etag
    assert client.get("/countries/IDN", headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/countries/IDN", headers={"If-None-Match": '"stale"'}).status_code == 200
    assert client.get("/countries/KEN").headers["etag"] != etag


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_write_clears_the_cache_and_changes_the_etag(corpus_graph: Path, tmp_path: Path) -> None:
    graph = tmp_path / "graph.json"
    shutil.copy(corpus_graph, graph)
    with write_server(graph) as url:
        before = httpx.get(f"{url}/stats")
        etag = before.headers["etag"]
        assert httpx.get(f"{url}/stats", headers={"If-None-Match": etag}).status_code == 304
        mongolia = httpx.get(f"{url}/countries/MNG")  # cached from here on, until the write
        assert "Khuvsgul Gold Project" not in mongolia.text
        added = httpx.post(f"{url}/documents", params={"name": "mongolia.txt"}, content=NEW_REPORT,
                           headers={"Authorization": f"Bearer {TOKEN}"})
        assert added.status_code == 201, added.text
        after = httpx.get(f"{url}/stats", headers={"If-None-Match": etag})
        assert after.status_code == 200 and after.headers["etag"] != etag
        assert after.json()["nodes"]["Document"] == before.json()["nodes"]["Document"] + 1
        now = httpx.get(f"{url}/countries/MNG", headers={"If-None-Match": mongolia.headers["etag"]})
        assert now.status_code == 200
        assert any(p["node"]["name"].startswith("Khuvsgul Gold Project") for p in now.json()["projects"])


def test_start_up_removes_stale_temporaries_beside_the_graph(corpus_graph: Path, tmp_path: Path) -> None:
    graph = tmp_path / "graph.json"
    shutil.copy(corpus_graph, graph)
    stale = tmp_path / ".graph.json.k9x2.tmp"
    stale.write_bytes(b"{half a graph")
    other = tmp_path / "notes.tmp"
    other.write_bytes(b"not ours")
    with write_server(graph) as url:
        assert httpx.get(f"{url}/stats").status_code == 200
        assert not stale.exists() and other.exists()


@pytest.mark.parametrize("value", ["1420070400", "2015-01-01T00:00:00", "2.2250738585e-313", "2021-02-29",
                                   "2015-1-01", " 2015-01-01"])
def test_dates_are_exactly_year_month_day(client: TestClient, value: str) -> None:
    answer = client.get("/areas/asgm/leads", params={"as_of": value})
    assert answer.status_code == 422 and "YYYY-MM-DD" in answer.json()["detail"], answer.text
    assert client.get("/areas/asgm/leads", params={"as_of": "2020-02-29"}).status_code == 200


def test_an_error_quotes_only_a_short_prefix_of_the_input(client: TestClient) -> None:
    answer = client.get("/areas/asgm/leads", params={"as_of": "9" * 60_000})
    assert answer.status_code in (414, 422) and len(answer.content) < 1000


def test_every_route_that_takes_an_id_answers_documents_and_each_kind_of_node(client: TestClient,
                                                                              store: GraphStore) -> None:
    """One real id of every node type, documents included, in every route that takes one: an answer or a
    404/422 with a reason, never a server error."""
    ids = sorted({next(iter(n.id for n in store.nodes(t))) for t in store.counts()["nodes"]})
    assert any(i.startswith("doc:") for i in ids)
    for ref in ids:
        for path, params in ((f"/entities/{ref}", {}), (f"/entities/{ref}/neighbourhood", {}),
                             (f"/entities/{ref}/provenance", {}), (f"/organizations/{ref}/funding", {}),
                             ("/paths", {"from": ref, "to": "UNIDO"}), ("/paths", {"from": "UNIDO", "to": ref}),
                             (f"/maps/entity/{ref}", {})):
            answer = client.get(path, params=params)
            assert answer.status_code in (200, 404, 422), (path, params, answer.status_code, answer.text[:300])
            if answer.status_code != 200:
                assert answer.json()["detail"], (path, params)
    document = next(i for i in ids if i.startswith("doc:"))
    assert client.get(f"/entities/{document}").status_code == 200
    refused = client.get("/paths", params={"from": document, "to": "UNIDO"})
    assert refused.status_code == 404 and "document" in refused.json()["detail"]


def test_following_every_link_an_answer_gives_reaches_no_server_error(client: TestClient) -> None:
    """A walk over the answers: each ``*_more`` link and each entity id met is fetched in turn."""
    seen: set[str] = set()
    queue = ["/entities/UNIDO", "/articles/7/supporters", "/countries/IDN", "/areas/asgm/leads"]
    while queue and len(seen) < 150:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        answer = client.get(path)
        assert answer.status_code in (200, 404), (path, answer.text[:300])
        _links(answer.json(), queue)
    assert len(seen) >= 100


def _links(value: Any, queue: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("_more") and isinstance(item, str):
                queue.append(item)
            elif key == "id" and isinstance(item, str) and ":" in item:
                queue.append(f"/entities/{item}")
            else:
                _links(item, queue)
    elif isinstance(value, list):
        for item in value:
            _links(item, queue)

