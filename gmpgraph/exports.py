"""Bulk exports of a graph: files for ``neo4j-admin database import``, a ``cypher-shell`` script, GraphML,
GEXF (Gephi) and JSON-LD.

Every format keeps every node and edge with its provenance (as a JSON string where the format holds only
scalars). Node labels are ``Entity`` + the node type + role labels, as :mod:`gmpgraph.graphdb.push`
writes them, so an imported database answers the same Cypher as a pushed one.

>>> cypher_literal("it's a \\\\ test\\n")
"'it\\\\'s a \\\\\\\\ test\\\\n'"
>>> cypher_literal({"id": "x", "aliases": ["a", "b"], "n": 2})
"{id: 'x', aliases: ['a', 'b'], n: 2}"
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from gmpgraph.graphdb import statements as cypher
from gmpgraph.graphdb.push import edge_rows, node_rows, role_members
from gmpgraph.graphfile import write_atomic
from gmpgraph.store import GraphStore

Format = Literal["neo4j-csv", "cypher", "graphml", "gexf", "jsonld"]
FORMATS: tuple[str, ...] = ("neo4j-csv", "cypher", "graphml", "gexf", "jsonld")
#: between array elements and labels in the CSV files (passed to neo4j-admin as --array-delimiter)
ARRAY_DELIMITER = "\u001f"
NEO4J_ADMIN_TYPES = frozenset({"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
                               "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"})
SCRIPT_BATCH = 200
JSONLD_VOCAB = "urn:gmpgraph:vocab:"


# -- neo4j-admin CSV -------------------------------------------------------------------------------------------
def _column_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if any(isinstance(v, list) for v in present):
        return "string[]"
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "double"
    return "string"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def export_neo4j_csv(store: GraphStore, folder: Path) -> list[Path]:
    """One CSV per node type (``nodes-<Type>.csv``) and per edge type (``relationships-<TYPE>.csv``), headers
    in neo4j-admin's ``name:type`` format, plus ``import.sh`` with the command that loads them."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    roles = {role: set(ids) for role, ids in role_members(store).items()}
    for node_type, rows in sorted(node_rows(store).items()):
        keys = sorted({k for row in rows for k in row["props"] if k != "id"})
        types = {k: _column_type([row["props"].get(k) for row in rows]) for k in keys}
        header = ["id:ID", *(f"{k}:{types[k]}" for k in keys), ":LABEL"]
        body = []
        for row in rows:
            labels = [cypher.ENTITY, node_type, *sorted(r for r, ids in roles.items() if row["id"] in ids)]
            body.append([row["id"], *(_cell(row["props"].get(k)) for k in keys), ARRAY_DELIMITER.join(labels)])
        path = folder / f"nodes-{node_type}.csv"
        _write_csv(path, header, body)
        written.append(path)
    for edge_type, rows in sorted(edge_rows(store).items()):
        keys = sorted({k for row in rows for k in row["props"]})
        types = {k: _column_type([row["props"].get(k) for row in rows]) for k in keys}
        header = [":START_ID", ":END_ID", ":TYPE", *(f"{k}:{types[k]}" for k in keys)]
        body = [[row["source"], row["target"], edge_type, *(_cell(row["props"].get(k)) for k in keys)]
                for row in rows]
        path = folder / f"relationships-{edge_type}.csv"
        _write_csv(path, header, body)
        written.append(path)
    nodes = " ".join(f"--nodes={p.name}" for p in written if p.name.startswith("nodes-"))
    rels = " ".join(f"--relationships={p.name}" for p in written if p.name.startswith("relationships-"))
    script = folder / "import.sh"
    write_atomic(script, "#!/bin/sh\n# Load these files into a new Neo4j database (run from this folder; the database must not exist).\n"
                         "# Then create the constraints: gmpgraph export --format cypher prints them at the top.\n"
                         "exec neo4j-admin database import full --array-delimiter=U+001F --id-type=string "
                         f'{nodes} {rels} "${{1:-neo4j}}"\n')
    script.chmod(0o755)
    written.append(script)
    return written


# -- cypher-shell script ---------------------------------------------------------------------------------------
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a JSON-like value; strings escaped so no value can end the literal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        out = []
        for char in value:
            if char in _ESCAPES:
                out.append(_ESCAPES[char])
            elif ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 or char in "\u2028\u2029":
                out.append(f"\\u{ord(char):04x}")
            else:
                out.append(char)
        return "'" + "".join(out) + "'"
    if isinstance(value, list):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k if _IDENTIFIER.match(k) else '`' + k.replace('`', '``') + '`'}: "
                               f"{cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def cypher_statements(store: GraphStore, constraints: bool = True) -> list[str]:
    """The statements of the script: the push's own MERGE statements with the rows written in as literals."""
    out = list(cypher.neo4j_constraints()) if constraints else []
    for node_type, rows in node_rows(store).items():
        for start in range(0, len(rows), SCRIPT_BATCH):
            out.append(cypher.node_merge(node_type).replace("$rows", cypher_literal(rows[start:start + SCRIPT_BATCH])))
    for edge_type, rows in edge_rows(store).items():
        for start in range(0, len(rows), SCRIPT_BATCH):
            out.append(cypher.edge_merge(edge_type).replace("$rows", cypher_literal(rows[start:start + SCRIPT_BATCH])))
    for role, ids in role_members(store).items():
        if ids:
            out.append(cypher.role_add(role).replace("$ids", cypher_literal(ids)))
    return out


def export_cypher(store: GraphStore, path: Path) -> Path:
    """A script for ``cypher-shell -f FILE``: constraints, then idempotent MERGE statements."""
    text = ("// gmpgraph export for cypher-shell: cypher-shell -a bolt://localhost:7687 -u neo4j -f FILE\n"
            "// Idempotent (MERGE); Neo4j 5 constraints first.\n"
            + "".join(statement + ";\n" for statement in cypher_statements(store)))
    write_atomic(path, text)
    return path


# -- GraphML, GEXF ------------------------------------------------------------------------------------------------
def _flat(data: dict[str, Any]) -> dict[str, Any]:
    """Scalars as they are, everything else as JSON (GraphML and GEXF hold scalars only)."""
    return {k: v if isinstance(v, (str, int, float, bool)) else json.dumps(v, ensure_ascii=False)
            for k, v in data.items() if v is not None}


def flat_graph(store: GraphStore) -> nx.MultiDiGraph:
    """The graph with scalar attributes only; ``label`` is the name (what Gephi shows)."""
    graph = nx.MultiDiGraph()
    for node_id, data in store.nx.nodes(data=True):
        graph.add_node(node_id, **_flat({**data, "label": data["name"]}))
    for source, target, key, data in store.nx.edges(keys=True, data=True):
        graph.add_edge(source, target, key=key, **_flat({**data, "type": key, "label": key}))
    return graph


def export_graphml(store: GraphStore, path: Path) -> Path:
    """GraphML (yEd, Cytoscape, networkx)."""
    lines = nx.generate_graphml(flat_graph(store))
    write_atomic(path, "\n".join(lines) + "\n")
    return path


def export_gexf(store: GraphStore, path: Path) -> Path:
    """GEXF 1.2 for Gephi."""
    lines = nx.generate_gexf(flat_graph(store))
    write_atomic(path, "\n".join(lines) + "\n")
    return path


# -- JSON-LD --------------------------------------------------------------------------------------------------------
def jsonld_document(store: GraphStore) -> dict[str, Any]:
    """Nodes as typed resources; edges as resources of their type with ``source`` and ``target`` links
    (so amounts, dates and provenance stay on the edge)."""
    context = {"@vocab": JSONLD_VOCAB, "@base": "urn:gmpgraph:", "id": "@id", "type": "@type",
               "source": {"@type": "@id"}, "target": {"@type": "@id"}, "provenance": {"@type": "@json"},
               "membership": {"@type": "@json"}}
    items: list[dict[str, Any]] = []
    for node_id, data in store.nx.nodes(data=True):
        items.append({"id": node_id, **data})
    relations: dict[str, int] = defaultdict(int)
    for source, target, key, data in store.nx.edges(keys=True, data=True):
        relations[key] += 1
        items.append({"id": edge_iri(key, source, target), **data, "type": key, "source": source,
                      "target": target})
    return {"@context": context, "@graph": items}


def edge_iri(edge_type: str, source: str, target: str) -> str:
    """An edge's identifier, a valid IRI reference: its type and both ends, percent-encoded where an IRI
    may not hold a character.

    >>> edge_iri("FUNDS", "org:government-of-norway", "project:kyrgyz project")
    'edge:FUNDS/org:government-of-norway/project:kyrgyz%20project'
    """
    from urllib.parse import quote

    return "edge:" + "/".join(quote(part, safe=":-._~") for part in (edge_type, source, target))


def export_jsonld(store: GraphStore, path: Path) -> Path:
    """JSON-LD (``urn:gmpgraph:`` identifiers)."""
    write_atomic(path, json.dumps(jsonld_document(store), ensure_ascii=False, indent=1) + "\n")
    return path


def export(store: GraphStore, fmt: str, output: Path) -> list[Path]:
    """Write ``store`` in format ``fmt`` to ``output`` (a folder for neo4j-csv, a file otherwise)."""
    if fmt == "neo4j-csv":
        return export_neo4j_csv(store, output)
    writers = {"cypher": export_cypher, "graphml": export_graphml, "gexf": export_gexf, "jsonld": export_jsonld}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return [writers[fmt](store, output)]
