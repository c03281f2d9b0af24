"""Warming: the common answers computed at start-up, so that no first request is slow.

:func:`warm_up` sends in-process GET requests through the whole app (cache included) before the server
takes its first connection. :func:`settle` then moves everything alive into the collector's permanent
generation: the graph is hundreds of thousands of objects, and a full collection that walked them all
stalled a request now and then by tens of milliseconds (the p99 of ``benchmarks/api.py``).
"""

from __future__ import annotations

import gc
from typing import Any

from gmpgraph import GraphStore

ASGIApp = Any


def warm_paths(store: GraphStore) -> list[str]:
    """The answers most asked for: counts, gaps, each article's supporters and each area's leads."""
    paths = ["/stats", "/gaps", "/gaps/matrix", "/growth", "/openapi.json"]
    paths += [f"/articles/{n.key}/supporters" for n in store.nodes("Article")]
    paths += [f"/areas/{n.key}/leads" for n in store.nodes("Area")]
    return paths


async def warm_up(app: ASGIApp, paths: list[str]) -> int:
    """GET each path in-process; returns how many answered 200."""
    ok = 0
    for path in paths:
        status = await _get(app, path)
        ok += status == 200
    return ok


async def _get(app: ASGIApp, path: str) -> int:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(b"host", b"warm-up")], "client": ("127.0.0.1", 0), "server": ("127.0.0.1", 0)}
    status = 0
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


def settle() -> None:
    """Collect once, then freeze what is left (the served graph, the warmed answers) out of future full
    collections; call after loading or swapping in a graph."""
    gc.collect()
    gc.freeze()
