"""The Cypher gmpgraph sends to a graph database, in one dialect that Neo4j 5 and FalkorDB both accept.

Values always travel as parameters (``$rows``, ``$ids``); the only names written into the text are
labels and relationship types, and those come from the schema's fixed lists (checked by
:func:`label`), never from documents. Schema set-up differs by engine and is kept apart:
:func:`neo4j_constraints` and :func:`falkordb_indexes`.

>>> node_merge("Organization").splitlines()[1]
'MERGE (n:Entity {id: row.id})'
>>> label("Organization); DETACH DELETE n //")
Traceback (most recent call last):
...
ValueError: not a gmpgraph label or relationship type: 'Organization); DETACH DELETE n //'
"""

from __future__ import annotations

from schema import EDGE_CLASSES, NODE_CLASSES

#: every gmpgraph node also carries this label, so one index on :Entity(id) finds any node
ENTITY = "Entity"
#: labels a node gets from its edges (an organisation with FUNDS edges is a Funder, ...)
ROLE_LABELS: dict[str, tuple[str, ...]] = {
    "Funder": ("FUNDS",),
    "Lead": ("LEADS",),
    "Implementer": ("IMPLEMENTS",),
    "Partner": ("LEADS", "IMPLEMENTS"),  # takes part in an area's work: leads it or implements its projects
}
_NAMES = frozenset({ENTITY, *NODE_CLASSES, *EDGE_CLASSES, *ROLE_LABELS})


def label(name: str) -> str:
    """``name`` if it is one of gmpgraph's labels or relationship types, else ValueError."""
    if name not in _NAMES:
        raise ValueError(f"not a gmpgraph label or relationship type: {name!r}")
    return name


def node_merge(node_type: str) -> str:
    """Create or replace nodes of one type: ``$rows`` = [{id, props}]; properties are replaced whole."""
    return (f"UNWIND $rows AS row\n"
            f"MERGE (n:{ENTITY} {{id: row.id}})\n"
            f"SET n = row.props, n:{label(node_type)}")


def edge_merge(edge_type: str) -> str:
    """Create or replace edges of one type, one per (source, target): ``$rows`` = [{source, target, props}]."""
    return (f"UNWIND $rows AS row\n"
            f"MATCH (a:{ENTITY} {{id: row.source}}), (b:{ENTITY} {{id: row.target}})\n"
            f"MERGE (a)-[r:{label(edge_type)}]->(b)\n"
            f"SET r = row.props")


def role_add(role: str) -> str:
    """Give the nodes in ``$ids`` a role label."""
    return f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) SET n:{label(role)}"


def role_remove(role: str) -> str:
    """Take a role label from every node not in ``$ids`` (a role the graph no longer supports)."""
    return f"MATCH (n:{ENTITY}:{label(role)}) WHERE NOT n.id IN $ids REMOVE n:{label(role)}"


PRUNE_NODES = f"MATCH (n:{ENTITY}) WHERE NOT n.id IN $ids DETACH DELETE n"
#: nodes the graph merged into others (``merged_into``): one thing, so the old node goes
DELETE_NODES = f"MATCH (n:{ENTITY}) WHERE n.id IN $ids DETACH DELETE n"


#: joins an edge's source and target ids into one key for :func:`prune_edges` (never inside an id)
KEY_SEPARATOR = "\u001f"


def prune_edges(edge_type: str) -> str:
    """Delete edges of one type whose ``source + $sep + target`` key is not in ``$keys``."""
    return (f"MATCH (a:{ENTITY})-[r:{label(edge_type)}]->(b:{ENTITY}) "
            f"WHERE NOT (a.id + $sep + b.id) IN $keys DELETE r")


EXISTING = f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) RETURN count(n) AS existing"
READ_NODES = f"MATCH (n:{ENTITY}) RETURN properties(n) AS props"
READ_EDGES = (f"MATCH (a:{ENTITY})-[r]->(b:{ENTITY}) "
              "RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props")
COUNT_NODES = f"MATCH (n:{ENTITY}) RETURN n.type AS type, count(n) AS count"
COUNT_EDGES = f"MATCH (:{ENTITY})-[r]->(:{ENTITY}) RETURN type(r) AS type, count(r) AS count"


def neo4j_constraints() -> list[str]:
    """Neo4j 5 only: a uniqueness constraint on ``id`` for :Entity and for every node-type label."""
    return [f"CREATE CONSTRAINT gmpgraph_{name.lower()}_id IF NOT EXISTS FOR (n:{label(name)}) REQUIRE n.id IS UNIQUE"
            for name in (ENTITY, *NODE_CLASSES)]


def falkordb_indexes() -> list[str]:
    """FalkorDB: a range index on :Entity(id) (FalkorDB's uniqueness constraints are a separate command)."""
    return [f"CREATE INDEX FOR (n:{ENTITY}) ON (n.id)"]
