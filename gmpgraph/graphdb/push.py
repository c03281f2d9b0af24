"""Write the graph into a graph database idempotently, and read it back.

:func:`push` sends batched ``UNWIND $rows … MERGE`` statements: nodes by type (each node is
``:Entity:<Type>``, properties replaced whole), then edges by type (one per source, target and type, as
in the embedded store), then role labels (``Funder``, ``Lead``, ``Implementer``, ``Partner``) made exact.
Pushing the same graph twice leaves the database as it was; pushing a graph built from more documents
adds and updates (incremental), and deletes the nodes the graph merged into others (``merged_into``: the
slides' "MOEJ" once the report that spells it out is added); ``prune=True`` also deletes what the graph no
longer has.
:func:`read_graph` reads a database back into a :class:`GraphStore`, provenance included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel, Field

from gmpgraph.graphdb import statements as cypher
from gmpgraph.graphdb.connect import Target
from gmpgraph.graphdb.properties import from_properties, to_properties
from gmpgraph.store import GraphStore
from schema import edge_adapter, node_adapter

BATCH = 1000


class PushReport(BaseModel):
    """What a push sent and found."""

    engine: str
    nodes: int = Field(description="Nodes written (created or replaced).")
    created: int = Field(description="Of those, nodes the database did not have before.")
    edges: int
    roles: dict[str, int]
    pruned: bool = False
    counts: dict[str, dict[str, int]] = Field(description="Node and edge counts by type in the database after.")


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _send(target: Target, statement: str, name: str, rows: list[Any], batch: int,
          progress: Callable[[str, int], None] | None, stage: str = "") -> None:
    """Run ``statement`` once per batch of ``rows`` (bound to the parameter ``name``)."""
    for chunk in _batches(rows, batch):
        target.run(statement, {name: chunk}, write=True)
        if progress and stage:
            progress(stage, len(chunk))


def node_rows(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    """Node type -> rows ``{id, props}`` for :func:`statements.node_merge`."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id, data in store.nx.nodes(data=True):
        rows[data["type"]].append({"id": node_id, "props": to_properties({"id": node_id, **data})})
    return rows


def edge_rows(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    """Edge type -> rows ``{source, target, props}`` for :func:`statements.edge_merge`."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for source, target, key, data in store.nx.edges(keys=True, data=True):
        props = to_properties({k: v for k, v in data.items() if k != "type"})
        places = sorted({p for s in data.get("statements") or [] for p in _get(s, "places")})
        if places:
            props["_places"] = places
        rows[key].append({"source": source, "target": target, "props": props})
    return rows


def _get(statement: Any, name: str) -> list[str]:
    value = statement.get(name) if isinstance(statement, dict) else getattr(statement, name, None)
    return list(value or [])


def role_members(store: GraphStore) -> dict[str, list[str]]:
    """Role label -> ids of the nodes that have it (from their outgoing edges)."""
    members: dict[str, set[str]] = {role: set() for role in cypher.ROLE_LABELS}
    for source, _target, key in store.nx.edges(keys=True):
        for role, edge_types in cypher.ROLE_LABELS.items():
            if key in edge_types:
                members[role].add(source)
    return {role: sorted(ids) for role, ids in members.items()}


def setup(target: Target) -> None:
    """Constraints (Neo4j) or an index (FalkorDB) on ``id``; running it again is harmless."""
    if target.engine == "neo4j":
        for statement in cypher.neo4j_constraints():
            target.run(statement, write=True)
        return
    for statement in cypher.falkordb_indexes():
        try:
            target.run(statement, write=True)
        except Exception as exc:  # FalkorDB says so when the index exists already
            if "already" not in str(exc).lower():
                raise


def push(store: GraphStore, target: Target, batch: int = BATCH, prune: bool = False,
         progress: Callable[[str, int], None] | None = None) -> PushReport:
    """Write ``store`` into ``target``; ``progress(stage, rows)`` is called after each batch."""
    setup(target)
    ids = list(store.nx.nodes)
    existing = sum(row["existing"] for chunk in _batches(ids, batch)
                   for row in target.run(cypher.EXISTING, {"ids": chunk}))
    for node_type, rows in node_rows(store).items():
        _send(target, cypher.node_merge(node_type), "rows", rows, batch, progress, f"nodes {node_type}")
    merged = [i for i in store.nx.graph.get("merged_into", {}) if i not in store.nx]
    for chunk in _batches(merged, batch):  # one body under two ids before: the graph merged them since
        target.run(cypher.DELETE_NODES, {"ids": chunk}, write=True)
    edges = edge_rows(store)
    for edge_type, rows in edges.items():
        _send(target, cypher.edge_merge(edge_type), "rows", rows, batch, progress, f"edges {edge_type}")
    roles = role_members(store)
    for role, members in roles.items():
        target.run(cypher.role_remove(role), {"ids": members}, write=True)
        _send(target, cypher.role_add(role), "ids", members, batch, None)
    if prune:
        target.run(cypher.PRUNE_NODES, {"ids": ids}, write=True)
        for edge_type in {*edges, *(row["type"] for row in target.run(cypher.COUNT_EDGES))}:
            if edge_type in edges or edge_type in cypher.EDGE_CLASSES:
                keys = [r["source"] + cypher.KEY_SEPARATOR + r["target"] for r in edges.get(edge_type, [])]
                target.run(cypher.prune_edges(edge_type), {"keys": keys, "sep": cypher.KEY_SEPARATOR}, write=True)
    return PushReport(engine=target.engine, nodes=len(ids), created=len(ids) - existing,
                      edges=sum(len(rows) for rows in edges.values()),
                      roles={role: len(members) for role, members in roles.items()}, pruned=prune,
                      counts=database_counts(target))


def database_counts(target: Target) -> dict[str, dict[str, int]]:
    """Node counts by type and edge counts by type in the database (gmpgraph's nodes only)."""
    nodes = {row["type"]: row["count"] for row in target.run(cypher.COUNT_NODES)}
    edges = {row["type"]: row["count"] for row in target.run(cypher.COUNT_EDGES)}
    return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}


def read_graph(target: Target) -> GraphStore:
    """The gmpgraph nodes and edges in ``target`` as a store, validated by the schema."""
    store = GraphStore()
    for row in target.run(cypher.READ_NODES):
        data = from_properties(row["props"])
        node = node_adapter.validate_python(data)
        store.nx.add_node(node.id, **{k: v for k, v in data.items() if k != "id"})
    for row in target.run(cypher.READ_EDGES):
        data = {"type": row["type"], **from_properties(row["props"])}
        edge_adapter.validate_python({"source": row["source"], "target": row["target"], **data})
        store.nx.add_edge(row["source"], row["target"], key=row["type"], **data)
    store.changed()
    return store
