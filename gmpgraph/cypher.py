"""Read-only Cypher on the embedded graph, with grand-cypher (openCypher over networkx).

grand-cypher's grammar starts every query with MATCH, so nothing can write: CREATE, MERGE, SET and
DELETE are syntax errors. Node labels are node types (``:Project``), relationship types are edge types
(``[:LEADS]``); properties are the export's (``key``, ``name``, ``kind``, ``start``, ``end``, ``basis``,
``amount`` ...), provenance left out. The same text runs on Neo4j.

>>> from gmpgraph.graphfile import graph_from_json
>>> store = graph_from_json({"nodes": [
...     {"id": "area:asgm", "type": "Area", "key": "asgm", "name": "Artisanal and small-scale gold mining"},
...     {"id": "project:p", "type": "Project", "name": "P"}],
...     "edges": [{"type": "PART_OF", "source": "project:p", "target": "area:asgm"}]})
>>> run_cypher(store, 'MATCH (p:Project)-[:PART_OF]->(a:Area) WHERE a.key = "asgm" RETURN p.name')
[{'p.name': 'P'}]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from gmpgraph.store import GraphStore


class CypherError(ValueError):
    """A query the embedded engine cannot run (a syntax error, or a write)."""


def cypher_view(store: GraphStore) -> nx.MultiDiGraph:
    """The store as grand-cypher reads it: labels from types, properties without provenance."""
    view = nx.MultiDiGraph()
    for node_id, data in store.nx.nodes(data=True):
        view.add_node(node_id, **{k: v for k, v in data.items() if k != "provenance"}, id=node_id,
                      __labels__={data["type"]})
    for u, v, key, data in store.nx.edges(keys=True, data=True):
        view.add_edge(u, v, key=key, **{k: v for k, v in data.items() if k != "provenance"}, __labels__={key})
    return view


def run_cypher(store: GraphStore, query: str, view: nx.MultiDiGraph | None = None) -> list[dict[str, Any]]:
    """Rows of a read-only Cypher query (one dict per row, keyed by the RETURN expressions)."""
    from grandcypher import GrandCypher

    if not query.lstrip().upper().startswith("MATCH"):
        raise CypherError("only read queries that start with MATCH run on the embedded graph")
    from lark.exceptions import UnexpectedInput

    try:
        columns = GrandCypher(view if view is not None else cypher_view(store)).run(query)
    except UnexpectedInput as exc:
        raise CypherError(syntax_error(query, exc.line, exc.column, getattr(exc, "allowed", None)
                                       or getattr(exc, "expected", None) or ())) from None
    except Exception as exc:  # and KeyErrors for unknown names
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CypherError(f"cannot run this query on the embedded graph: {first}") from None
    names = list(columns)
    length = max((len(v) for v in columns.values()), default=0)
    return [{str(name): _plain(columns[name][i]) for name in names} for i in range(length)]


#: the parser's names of terminals, as a user would write them
_TERMINALS = {"LPAR": "'('", "RPAR": "')'", "LBRACE": "'{'", "RBRACE": "'}'", "LSQB": "'['", "RSQB": "']'",
              "VBAR": "'|'", "DOT": "'.'", "COMMA": "','", "COLON": "':'", "EQUAL": "'='", "MINUS": "'-'",
              "PLUS": "'+'", "STAR": "'*'", "SLASH": "'/'", "PERCENT": "'%'", "LEFT_ANGLE": "'<'",
              "RIGHT_ANGLE": "'>'", "MORETHAN": "'>'", "LESSTHAN": "'<'", "NUMBER": "a number",
              "ESTRING": "a quoted string", "STRING": "a quoted string", "CNAME": "a name"}


def syntax_error(query: str, line: int, column: int, expected: object) -> str:
    """A parse error in plain words: where, the text there, and what could have come there.

    >>> syntax_error("MATCH (o:Organization) RETRUN o.name", 1, 24, {"RETURN", "WHERE", "__ANON_7", "LPAR"})
    "syntax error at line 1, column 24, at 'RETRUN o.name': expected '(', RETURN or WHERE"
    """
    lines = query.splitlines() or [""]
    here = lines[min(max(line, 1), len(lines)) - 1][max(column, 1) - 1:]
    words = sorted({_TERMINALS.get(t, t) for t in expected if isinstance(t, str) and not t.startswith("__")})
    wanted = f": expected {', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else (
        f": expected {words[0]}" if words else "")
    return f"syntax error at line {line}, column {column}, at {here[:30]!r}{wanted}"


def _plain(value: Any) -> Any:
    """grand-cypher gives multi-edge properties as {edge key: value}; one edge per key here, so unwrap."""
    if isinstance(value, dict) and len(value) == 1:
        return next(iter(value.values()))
    return value
