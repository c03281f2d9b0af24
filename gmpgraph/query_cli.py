"""``gmpgraph query ...`` and ``gmpgraph gaps``: the query layer on the command line.

Tables by default (rich), ``--json`` for scripts. Exit codes: 0 an answer (possibly empty, said on
stderr); 1 the graph file is unreadable; 2 a bad argument (a date that is not YYYY-MM-DD, a depth out
of range); 4 the entity named does not exist (with "did you mean ...").
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

import typer
from pydantic import BaseModel
from rich.markup import escape
from rich.table import Table

from gmpgraph.cli import DEFAULT_GRAPH, EXIT_USAGE, GraphOption, JsonOption, app, err, load_or_exit, out

EXIT_NOT_FOUND = 4
T = TypeVar("T")

query_app = typer.Typer(help="Ask the graph a question: supporters of an article, leads of an area, funding, a "
                             "country's work, neighbourhoods, paths, search. Every answer cites its evidence.",
                        no_args_is_help=True, rich_markup_mode="rich")
app.add_typer(query_app, name="query")


def _answer(compute: Callable[[], T]) -> T:
    """Run a query, turning unknown entities and bad values into clear messages and exit codes."""
    from gmpgraph.queries import NotFound

    try:
        return compute()
    except NotFound as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(EXIT_NOT_FOUND) from None
    except ValueError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from None


def _emit(result: BaseModel | Sequence[BaseModel], as_json: bool, render: Callable[[Any], None]) -> None:
    if as_json:
        if isinstance(result, BaseModel):
            print(result.model_dump_json(indent=1, exclude_none=True))
        else:
            print(json.dumps([r.model_dump(mode="json", exclude_none=True) for r in result], indent=1))
        return
    render(result)


def _quote(edge: Any) -> str:
    if not edge or not edge.provenance:
        return ""
    p = edge.provenance[0]
    more = f" (+{len(edge.provenance) - 1})" if len(edge.provenance) > 1 else ""
    return f"[dim]{escape(p.document)} {escape(p.locator)}:[/] “{escape(p.quote[:110])}”{more}"


def _names(links: Sequence[Any]) -> str:
    return escape(", ".join(dict.fromkeys(link.node.name for link in links)))


def _table(*columns: str, title: str = "") -> Table:
    """A full-width table whose columns fold long text."""
    table = Table(title=title or None, expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _amount(edge: Any) -> str:
    return f"{edge.amount:,.0f} {edge.currency}" if getattr(edge, "amount", None) else ""


def _empty(what: str) -> None:
    err.print(f"[yellow]{what}[/]")


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]error:[/] --as-of {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2010-06-30")
        raise typer.Exit(EXIT_USAGE) from None


@query_app.command()
def supports(
    article: Annotated[str, typer.Argument(help="Article number (7), id (article:7) or name.")],
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """What supports a Convention article: stated in the text, and through an area's mandate.

    Example:  gmpgraph query supports 7
    """
    from gmpgraph.queries import supporters

    store = load_or_exit(graph)
    result = _answer(lambda: supporters(store, article))

    def render(r: Any) -> None:
        out.print(f"[bold]{escape(r.article.name)}[/] {escape(r.article.title or '')}")
        for label, rows in (("stated in the text", r.stated), ("through an area's mandate", r.area_mandate)):
            table = _table("supporter", "type", "areas", "implementers", "funders", "countries", "evidence",
                           title=f"{label} ({len(rows)})")
            for s in rows:
                table.add_row(escape(s.node.name), s.node.type, escape(", ".join(a.name for a in s.areas)),
                              _names(s.implementers), _names(s.funders), _names(s.countries), _quote(s.edge))
            out.print(table)
        if not r.stated and not r.area_mandate:
            _empty(f"nothing in the graph supports {r.article.name}")

    _emit(result, as_json, render)


@query_app.command("leads")
def leads_(
    area: Annotated[str, typer.Argument(help="Area key (asgm, supply-storage, ...), id or name.")],
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD",
                                              help="Only the leads in office on this date.")] = None,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """Who leads a partnership area, each line with the statement it rests on and its date; --as-of for one
    date (the area's latest statements on or before it, with the hand-overs the text gives).

    Example:  gmpgraph query leads supply-storage --as-of 2010-06-30
    """
    from gmpgraph.queries import leads

    store = load_or_exit(graph)
    when = _date(as_of)
    result = _answer(lambda: leads(store, area, when))

    def render(r: Any) -> None:
        title = f"Leads of {escape(r.area.name)}" + (f" on {r.as_of}" if r.as_of else "")
        table = _table("organisation", "status", "stated", "note", "statement", title=title)
        for lead in r.leads:
            s = lead.statement
            where = f"{s.document} {s.locator}: \u201c{s.quote[:160]}\u201d" if s else _quote(lead.edge)
            table.add_row(escape(lead.organization.name), lead.status, str(lead.stated or ""), lead.note or "",
                          escape(where))
        out.print(table)
        if not r.leads:
            _empty(f"no lead of {r.area.name} known" + (f" on {r.as_of}" if r.as_of else ""))

    _emit(result, as_json, render)


@query_app.command()
def org(
    organization: Annotated[str, typer.Argument(help="Organisation id, name or acronym (UNIDO).")],
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """What an organisation leads, implements and funds, who funds it, and the areas it works in.

    Example:  gmpgraph query org UNIDO
    """
    from gmpgraph.queries import organization_roles

    store = load_or_exit(graph)
    result = _answer(lambda: organization_roles(store, organization))

    def render(r: Any) -> None:
        out.print(f"[bold]{escape(r.organization.name)}[/] ({r.organization.kind})")
        out.print(f"works in: {escape(', '.join(a.name for a in r.works_in)) or '-'}")
        table = _table("role", "what", "evidence")
        for role, links in (("leads", r.leads), ("implements", r.implements), ("funds", r.funds),
                            ("funded by", r.funded_by)):
            for link in links:
                amount = f" ({_amount(link.edge)})" if _amount(link.edge) else ""
                table.add_row(role, escape(link.node.name) + amount, _quote(link.edge))
        out.print(table)

    _emit(result, as_json, render)


@query_app.command()
def funders(
    area: Annotated[str, typer.Argument(help="Area key, id or name.")],
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """Who funds an area, directly or through its projects.

    Example:  gmpgraph query funders asgm
    """
    from gmpgraph.queries import area_funders

    store = load_or_exit(graph)
    result = _answer(lambda: area_funders(store, area))

    def render(links: Any) -> None:
        table = _table("funder", "funds", "amount", "evidence", title=f"Funders of {escape(area)}")
        for link in links:
            e = link.edge
            table.add_row(escape(link.node.name), escape(store.node(e.target).name), _amount(e), _quote(e))
        out.print(table)
        if not links:
            _empty("no funder known")

    _emit(result, as_json, render)


@query_app.command()
def country(
    country_ref: Annotated[str, typer.Argument(metavar="COUNTRY", help="ISO alpha-3 code (IDN), id or name.")],
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """The work in one country: projects, events, areas, implementers, funders.

    Example:  gmpgraph query country IDN
    """
    from gmpgraph.queries import country_profile

    store = load_or_exit(graph)
    result = _answer(lambda: country_profile(store, country_ref))

    def render(r: Any) -> None:
        out.print(f"[bold]{escape(r.country.name)}[/] ({r.country.key})")
        out.print(f"areas: {escape(', '.join(a.name for a in r.areas)) or '-'}")
        out.print(f"implementers: {_names(r.implementers) or '-'}")
        out.print(f"funders: {_names(r.funders) or '-'}")
        table = _table("project or event", "type", "evidence")
        for link in [*r.projects, *r.events]:
            table.add_row(escape(link.node.name), link.node.type, _quote(link.edge))
        out.print(table)
        if not r.projects and not r.events:
            _empty(f"no project or event located in {r.country.name}")

    _emit(result, as_json, render)


def _render_subgraph(store: Any, sub: Any, title: str) -> None:
    table = _table("from", "edge", "to", "evidence", title=title)
    for e in sub.edges:
        table.add_row(escape(store.node(e.source).name), e.type, escape(store.node(e.target).name), _quote(e))
    out.print(table)


@query_app.command()
def neighbours(
    entity: Annotated[str, typer.Argument(help="Any entity: id, key, name or alias.")],
    depth: Annotated[int, typer.Option("--depth", "-d", help="How many edges away (1-4).")] = 1,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """An entity's neighbourhood: everything within --depth edges, with the edges' evidence.

    Example:  gmpgraph query neighbours planetGOLD --depth 1
    """
    from gmpgraph.queries import neighbourhood

    store = load_or_exit(graph)
    result = _answer(lambda: neighbourhood(store, entity, depth))
    _emit(result, as_json, lambda r: _render_subgraph(store, r, f"{len(r.nodes)} nodes within {depth} of {entity}"))


@query_app.command()
def path(
    source: Annotated[str, typer.Argument(help="First entity.")],
    target: Annotated[str, typer.Argument(help="Second entity.")],
    limit: Annotated[int, typer.Option("--limit", min=1, max=20, help="At most this many shortest paths.")] = 5,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """The shortest paths between two entities.

    Example:  gmpgraph query path UNIDO planetGOLD
    """
    from gmpgraph.queries import paths

    store = load_or_exit(graph)
    result = _answer(lambda: paths(store, source, target, limit))

    def render(found: Any) -> None:
        for i, sub in enumerate(found, 1):
            out.print(f"[bold]{i}.[/] " + " → ".join(escape(n.name) for n in sub.nodes))
            _render_subgraph(store, sub, "")
        if not found:
            _empty(f"no path between {source} and {target}")

    _emit(result, as_json, render)


@query_app.command("search")
def search_(
    text: Annotated[str, typer.Argument(help="Words to look for; spelling mistakes are tolerated.")],
    limit: Annotated[int, typer.Option("--limit", min=1, max=100)] = 10,
    node_type: Annotated[str | None, typer.Option("--type", help="Only this node type (Organization, ...).")] = None,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """Find entities by name or alias, across all types (typo-tolerant).

    Example:  gmpgraph query search "mercury policy"
    """
    from gmpgraph.queries import search

    store = load_or_exit(graph)
    result = _answer(lambda: search(store, text, limit, node_type))

    def render(hits: Any) -> None:
        table = _table("id", "type", "name", "matched", "score")
        for h in hits:
            table.add_row(h.node.id, h.node.type, escape(h.node.name), escape(h.matched), f"{h.score:.0f}")
        out.print(table)
        if not hits:
            _empty(f"nothing resembles {text!r}")

    _emit(result, as_json, render)


@query_app.command("growth")
def growth_(graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False) -> None:
    """The Partnership's membership over time, by category, as the reports state it.

    Example:  gmpgraph query growth
    """
    from gmpgraph.queries import growth

    store = load_or_exit(graph)
    result = growth(store)

    def render(figures: Any) -> None:
        table = _table("as of", "total", "by category", "source", title="Partnership membership")
        for f in figures:
            table.add_row(f.as_of, str(f.total), escape(", ".join(f"{n} {c}" for c, n in f.by_category.items())),
                          f"[dim]{escape(f.provenance.document)} {escape(f.provenance.locator)}[/]")
        out.print(table)
        if not figures:
            _empty("no membership figures stated in the graph's documents")

    _emit(result, as_json, render)


@app.command()
def gaps(
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
    matrix_only: Annotated[bool, typer.Option("--matrix", help="Only the area x article coverage matrix.")] = False,
    kind: Annotated[str | None, typer.Option("--kind", help="Only findings of this kind (article-without-project, "
                                             "area-without-funder, area-with-single-lead, "
                                             "areas-never-collaborate).")] = None,
    countries: Annotated[tuple[str, str] | None, typer.Option(
        "--countries", metavar="ACTIVE MISSING", help="Instead: the countries with stated work in area ACTIVE and "
                                                      "none in area MISSING (keys, names or aliases).")] = None,
) -> None:
    """Cross-area gap analysis: the area x article coverage matrix, and the gaps an analyst can act on.

    Matrix cells read 'stated/mandate': how many things in the area the text ties to the article,
    and 'M' where the area's mandate covers it. Each finding has a strength: 'stated' (the text says it),
    'inferred' (a rule read it from stated edges) or 'absence' (nothing says it: --json lists the documents
    searched and the sentences naming the subject, none of which contradicts it). --json gives every
    finding's evidence edges with their quotes.

    Examples:  gmpgraph gaps --kind area-without-funder
               gmpgraph gaps --countries asgm waste --json
    """
    from gmpgraph.analysis import countries_missing_area, coverage_matrix, findings

    store = load_or_exit(graph)
    if countries is not None:
        rows = _answer(lambda: countries_missing_area(store, *countries))
        if as_json:
            print(json.dumps([r.model_dump(mode="json") for r in rows], indent=1))
            return
        listing = _table("country", "work in the active area (stated)", title=(
            f"Countries with work in {store.node(rows[0].active_in).name if rows else countries[0]} and none in "
            f"{store.node(rows[0].missing).name if rows else countries[1]} ({len(rows)})"))
        for r in rows:
            work = sorted({e.source for e in r.evidence if e.type == "LOCATED_IN"})
            listing.add_row(escape(r.name), escape(", ".join(store.node(w).name for w in work)))
        out.print(listing)
        if not rows:
            _empty("no country has stated work in the one area and none in the other")
        return
    matrix = coverage_matrix(store)
    found = [] if matrix_only else [f for f in findings(store) if kind is None or f.kind == kind]
    if as_json:
        print(json.dumps({"matrix": matrix.model_dump(mode="json"),
                          "findings": [f.model_dump(mode="json") for f in found]}, indent=1))
        return
    columns = [a for a in matrix.articles if any(c.article == a for c in matrix.cells)]
    table = Table(title="Area × article coverage (stated count; M = area mandate)")
    table.add_column("area")
    for a in columns:
        table.add_column(a.removeprefix("article:"), justify="center")
    for area in matrix.areas:
        row = []
        for a in columns:
            cell = matrix.cell(area, a)
            row.append("" if cell is None else f"{cell.stated or ''}{'M' if cell.area_mandate else ''}")
        table.add_row(escape(store.node(area).name), *row)
    out.print(table)
    if matrix_only:
        return
    listing = _table("kind", "strength", "finding", "rests on", title=f"Findings ({len(found)})")
    for f in found:
        if f.evidence:
            basis = "; ".join(f"{e.document} {e.locator}" for e in f.evidence[:2] if e.document)
        elif f.searched is not None:
            basis = f"searched {len(f.searched.documents)} documents; {len(f.searched.mentions)} mention(s)"
        else:
            basis = ""
        listing.add_row(f.kind, f.strength, escape(f.message), escape(basis))
    out.print(listing)


@app.command()
def serve(
    graph: GraphOption = DEFAULT_GRAPH,
    host: Annotated[str, typer.Option(help="Interface to listen on; 127.0.0.1 keeps it on this machine."
                                      )] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    cors: Annotated[list[str] | None, typer.Option("--cors-origin", help="Allow this browser origin (CORS); "
                                                   "repeat for more. Off by default.")] = None,
    write_token_env: Annotated[str | None, typer.Option(
        "--write-token-env", metavar="VAR", help="Enable write mode: POST /documents adds a report when it bears "
                                                 "the token held in this environment variable, and the graph file "
                                                 "is saved after each. Off by default (read-only).")] = None,
    max_body_mb: Annotated[float, typer.Option("--max-body-mb", min=0.001, help="Refuse request bodies larger "
                                                                               "than this (413).")] = 16.0,
    time_limit: Annotated[float, typer.Option("--time-limit", min=0.1, help="Stop requests running longer than "
                                                                           "this many seconds (503).")] = 30.0,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Worker processes, each with its own "
                                         "copy of the graph (read-only mode only).")] = 1,
) -> None:
    """Serve the graph over HTTP (FastAPI + uvicorn), read-only unless a write token is set; docs at /docs.

    Answers are computed once per graph version and kept (with ETags); the common ones at start-up.
    Each worker holds the whole graph in memory (the corpus graph: about 150 MB per worker).

    Example:  gmpgraph serve --graph graph.json --port 8000   then open http://127.0.0.1:8000/docs
    More cores:  gmpgraph serve --graph graph.json --workers 2
    Write mode:  GMPGRAPH_WRITE_TOKEN=$(openssl rand -hex 16) gmpgraph serve --write-token-env GMPGRAPH_WRITE_TOKEN
    """
    import os

    import uvicorn

    from api.app import create_app
    from gmpgraph.graphfile import remove_stale_temporaries

    token = None
    if write_token_env:
        token = os.environ.get(write_token_env)
        if not token:
            err.print(f"[red]error:[/] --write-token-env {write_token_env}: that environment variable is empty or unset")
            raise typer.Exit(EXIT_USAGE)
        if workers > 1:
            err.print("[red]error:[/] write mode needs one worker (--workers 1): each worker holds its own copy of "
                      "the graph, and a write to one would not reach the others")
            raise typer.Exit(EXIT_USAGE)
        for stale in remove_stale_temporaries(graph):
            err.print(f"removed {escape(str(stale))}, left by an interrupted save")
    mode = "read-write (token required)" if token else "read-only"
    if workers > 1:
        load_or_exit(graph)  # a clear error here, not one per worker
        os.environ.update({"GMPGRAPH_GRAPH": str(graph), "GMPGRAPH_CORS_ORIGINS": ",".join(cors or []),
                           "GMPGRAPH_TIME_LIMIT": str(time_limit), "GMPGRAPH_MAX_BODY": str(int(max_body_mb * 1e6))})
        os.environ.pop("GMPGRAPH_WRITE_TOKEN", None)
        err.print(f"serving {graph} {mode} on http://{host}:{port} with {workers} workers (docs at /docs)")
        uvicorn.run("api.app:app_from_settings", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False)
        return
    store = load_or_exit(graph)
    err.print(f"serving {graph} {mode} on http://{host}:{port} (docs at /docs)")
    app = create_app(store, cors or [], write_token=token, graph_path=graph if token else None,
                     max_body=int(max_body_mb * 1_000_000), time_limit=time_limit)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
