"""The API skeleton answers over a real built graph."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from gmpgraph import load_graph


def test_stats_match_the_built_graph(corpus_graph: Path) -> None:
    store = load_graph(corpus_graph)
    response = TestClient(create_app(store)).get("/stats")
    assert response.status_code == 200
    body = response.json()
    assert body == store.counts()
    assert body["nodes"]["Area"] == 8
