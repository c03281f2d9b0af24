"""FastAPI application over a built graph file (read-only).

>>> from fastapi.testclient import TestClient
>>> from gmpgraph import GraphStore
>>> TestClient(create_app(GraphStore())).get("/stats").json()
{'nodes': {}, 'edges': {}}
"""

from __future__ import annotations

from fastapi import FastAPI
from pydantic import BaseModel

from gmpgraph import GraphStore


class Stats(BaseModel):
    """Counts of nodes and edges by type."""

    nodes: dict[str, int]
    edges: dict[str, int]


def create_app(store: GraphStore) -> FastAPI:
    """An app serving ``store``; the graph is loaded once by the caller."""
    app = FastAPI(title="gmpgraph", summary="The UNEP Global Mercury Partnership knowledge graph.")

    @app.get("/stats", response_model=Stats, summary="Counts of nodes and edges by type")
    def stats() -> Stats:
        return Stats(**store.counts())

    return app
