"""Synthetic graphs for benchmarks: the corpus graph copied ``k`` times.

Areas, articles and countries are shared (there are only so many); every other node is copied
with a numbered name and id, and every edge is copied between the copies, so a 10x graph has
the corpus's shape at ten times its size.

    from synthetic import scaled_graph   # from a script in benchmarks/
    big = scaled_graph(load_graph(Path("graph.json")), copies=14)   # about 5,000 nodes
"""

from __future__ import annotations

from gmpgraph.store import GraphStore
from schema import edge_adapter, node_adapter

SHARED_TYPES = frozenset({"Area", "Article", "Country", "Document"})


def _copy_id(node_id: str, copy: int) -> str:
    return node_id if copy == 0 else f"{node_id}-copy{copy}"


def scaled_graph(store: GraphStore, copies: int) -> GraphStore:
    """A graph with ``copies`` copies of every node but areas, articles, countries and documents."""
    out = GraphStore()
    shared = {n for n, data in store.nx.nodes(data=True) if data["type"] in SHARED_TYPES}
    for node_id, data in store.nx.nodes(data=True):
        for copy in range(1 if node_id in shared else copies):
            suffix = "" if copy == 0 else f" {copy}"
            out.nx.add_node(_copy_id(node_id, copy), **{**data, "name": data["name"] + suffix})
    for u, v, key, data in store.nx.edges(keys=True, data=True):
        for copy in range(1 if u in shared and v in shared else copies):
            source = u if u in shared else _copy_id(u, copy)
            target = v if v in shared else _copy_id(v, copy)
            out.nx.add_edge(source, target, key=key, **data)
    # the copies are still valid schema objects: check the first copied node and edge
    for node_id, data in out.nx.nodes(data=True):
        if node_id.endswith("-copy1"):
            node_adapter.validate_python({"id": node_id, **data})
            break
    for u, v, data in out.nx.edges(data=True):
        if u.endswith("-copy1"):
            edge_adapter.validate_python({"source": u, "target": v, **data})
            break
    return out


def copies_for(store: GraphStore, nodes: int) -> int:
    """How many copies give about ``nodes`` nodes (documents not counted)."""
    shared = sum(1 for _, data in store.nx.nodes(data=True) if data["type"] in SHARED_TYPES - {"Document"})
    copied = sum(1 for _, data in store.nx.nodes(data=True) if data["type"] not in SHARED_TYPES)
    return max(1, round((nodes - shared) / max(copied, 1)))
