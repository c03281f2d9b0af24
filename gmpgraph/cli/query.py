"""``gmpgraph query ...``: the query layer on the command line, one question per command.

A summary table by default, one line per answer that fits the terminal (name, type, basis, how many
statements it rests on, the first one's document and locator), at most ``--limit`` lines with an "N more"
line; ``--evidence`` adds the quotes; ``--json`` gives everything, for scripts. Exit codes: see
``gmpgraph.cli.common``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from gmpgraph.cli.common import (
    DEFAULT_GRAPH,
    DEFAULT_ROWS,
    EvidenceOption,
    GraphOption,
    JsonOption,
    LimitOption,
    add_rows,
    amount,
    answer,
    emit,
    empty,
    fail,
    first_source,
    line_table,
    load_or_exit,
    names,
    out,
    parse_date,
    print_table,
    quote,
    sources,
)

commands = typer.Typer(
    help="Ask the graph a question: supporters of an article, leads of an area, funding, a country's work, "
         "neighbourhoods, paths, search, what changed between two dates. Every line cites the statements it "
         "rests on.\n\n"
         "Examples:  gmpgraph query supports 7\n"
         "           gmpgraph query leads asgm --as-of 2015-06-30 --evidence\n"
         "           gmpgraph query country IDN --json",
    no_args_is_help=True, rich_markup_mode="rich", options_metavar="[OPTIONS]")


def _cells(*cells: Any, edge: Any, evidence: bool) -> list[str]:
    """A row's cells, then the edge's number of statements and its first source, with ``evidence`` quoted."""
    return [*(escape(str(c)) for c in cells), str(sources(edge)), quote(edge) if evidence
            else escape(first_source(edge))]


def _columns(*columns: str, evidence: bool) -> tuple[str, ...]:
    return (*columns, "n", "first statement" if evidence else "first source")


@commands.command()
def supports(
    article: Annotated[str, typer.Argument(help="Article number (7), id (article:7) or name.")],
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: LimitOption = DEFAULT_ROWS,
) -> None:
    """What supports a Convention article: stated in the text, and through an area's mandate.

    Basis 'stated' means a report ties it to the article; 'mandate: AREA' means it is work of an area
    whose mandate covers the article. 'n' counts the statements a line rests on.

    Examples:  gmpgraph query supports 7
               gmpgraph query supports 7 --evidence --limit 5
               gmpgraph query supports "Article 11" --json
    """
    from gmpgraph.queries import supporters

    store = load_or_exit(graph)
    result = answer(lambda: supporters(store, article))

    def render(r: Any) -> None:
        out.print(f"[bold]{escape(r.article.name)}[/] {escape(r.article.title or '')}")
        for label, rows in (("stated in the text", r.stated), ("through an area's mandate", r.area_mandate)):
            if not rows:
                continue
            table = line_table(*_columns("supporter", "type", "basis", evidence=evidence),
                               title=f"{label} ({len(rows)})", fold_last=evidence)
            lines = [_cells(s.node.name, s.node.type,
                            f"mandate: {store.node(s.via_area).key}" if s.via_area else "stated",
                            edge=s.edge, evidence=evidence) for s in rows]
            print_table(table, add_rows(table, lines, limit))
        if not r.stated and not r.area_mandate:
            empty(r.note or f"nothing in the graph supports {r.article.name}")

    emit(result, as_json, render)


@commands.command("leads")
def leads_(
    area: Annotated[str, typer.Argument(help="Area key (asgm, supply-storage, ...), id or name.")],
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD",
                                              help="Only the leads in office on this date.")] = None,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: LimitOption = DEFAULT_ROWS,
) -> None:
    """Who leads a partnership area, each line with the statement it rests on and its date; --as-of for one
    date (the area's latest statements on or before it, with the hand-overs the text gives).

    Examples:  gmpgraph query leads supply-storage --as-of 2010-06-30
               gmpgraph query leads asgm --evidence
    """
    from gmpgraph.queries import leads

    store = load_or_exit(graph)
    when = parse_date(as_of)
    result = answer(lambda: leads(store, area, when))

    def render(r: Any) -> None:
        title = f"Leads of {escape(r.area.name)}" + (f" on {r.as_of}" if r.as_of else "")
        table = line_table("organisation", "status", "stated", "first statement" if evidence else "statement",
                           title=title, fold_last=evidence)
        lines = []
        for lead in r.leads:
            s = lead.statement
            where = f"{s.locator} in {Path(s.document).stem}" if s else first_source(lead.edge)
            said = (f"[dim]{escape(s.document)} {escape(s.locator)}:[/] “{escape(s.quote)}”" if s
                    else quote(lead.edge))
            status = lead.status + (f" ({lead.note})" if lead.note else "")
            lines.append([escape(lead.organization.name), escape(status), str(lead.stated or ""),
                          said if evidence else escape(where)])
        print_table(table, add_rows(table, lines, limit))
        if not r.leads:
            empty(f"no lead of {r.area.name} known" + (f" on {r.as_of}" if r.as_of else ""))

    emit(result, as_json, render)


@commands.command()
def org(
    organization: Annotated[str, typer.Argument(help="Organisation id, name or acronym (UNIDO).")],
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: LimitOption = DEFAULT_ROWS,
) -> None:
    """What an organisation leads, implements and funds, who funds it, and the areas it works in.

    Examples:  gmpgraph query org UNIDO
               gmpgraph query org "Global Environment Facility" --evidence
    """
    from gmpgraph.queries import organization_roles

    store = load_or_exit(graph)
    result = answer(lambda: organization_roles(store, organization))

    def render(r: Any) -> None:
        out.print(f"[bold]{escape(r.organization.name)}[/] ({r.organization.kind})")
        out.print(f"works in: {escape(', '.join(a.name for a in r.works_in)) or '-'}")
        table = line_table(*_columns("role", "what", "amount", evidence=evidence), fold_last=evidence)
        lines = [_cells(role, link.node.name, amount(link.edge), edge=link.edge, evidence=evidence)
                 for role, links in (("leads", r.leads), ("implements", r.implements), ("funds", r.funds),
                                     ("funded by", r.funded_by)) for link in links]
        print_table(table, add_rows(table, lines, limit))

    emit(result, as_json, render)


@commands.command()
def funders(
    area: Annotated[str, typer.Argument(help="Area key, id or name.")],
    planned: Annotated[bool, typer.Option("--planned", help="Also funding the text gives as planned "
                                                            "(marked 'planned').")] = False,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: LimitOption = DEFAULT_ROWS,
) -> None:
    """Who funds an area, directly or through its projects: what the reports state; --planned adds what
    they give as planned, marked so.

    Examples:  gmpgraph query funders asgm
               gmpgraph query funders coal --planned
    """
    from gmpgraph.queries import area_funders

    store = load_or_exit(graph)
    result = answer(lambda: area_funders(store, area, planned))

    def render(links: Any) -> None:
        table = line_table(*_columns("funder", "funds", "amount", evidence=evidence),
                           title=f"Funders of {escape(area)} ({len(links)})", fold_last=evidence)
        lines = [_cells(link.node.name, store.node(link.edge.target).name + _planned(link.edge), amount(link.edge),
                        edge=link.edge, evidence=evidence) for link in links]
        if links:
            print_table(table, add_rows(table, lines, limit))
            for label, kept in (("sums stated", [k for k in links if not _planned(k.edge)]),
                                ("sums planned", [k for k in links if _planned(k.edge)])):
                totals: dict[str, float] = {}
                for link in kept:
                    if getattr(link.edge, "amount", None):
                        totals[link.edge.currency] = totals.get(link.edge.currency, 0) + link.edge.amount
                summed = sum(1 for link in kept if getattr(link.edge, "amount", None))
                if totals:
                    out.print(f"{label}: " + ", ".join(f"{v:,.0f} {c}" for c, v in sorted(totals.items())) +
                              f" (on {summed} of {len(kept)} lines; the others state no sum)")
        else:
            from gmpgraph.analysis import money_without_funder
            from gmpgraph.queries import resolve

            money = money_without_funder(store, resolve(store, area, "Area").id)
            if money:
                first = money[0]
                empty(f"no funder is stated for {area} or its work; 'gmpgraph gaps' does not list it as an area "
                      f"without a funder because {len(money)} sentence(s) naming its work speak of money, e.g. "
                      f"{Path(first.document).stem} {first.locator}: “{first.quote[:200]}”")
            else:
                empty(f"no funder is stated for {area} or its work ('gmpgraph gaps --kind area-without-funder' "
                      "lists it, with what was searched)")

    emit(result, as_json, render)


@commands.command()
def country(
    country_ref: Annotated[str, typer.Argument(metavar="COUNTRY", help="ISO alpha-3 code (IDN), id or name.")],
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: LimitOption = DEFAULT_ROWS,
) -> None:
    """The work in one country: projects, events, areas, and the implementers and funders of that work.

    Examples:  gmpgraph query country IDN
               gmpgraph query country Indonesia --json
    """
    from gmpgraph.queries import country_profile

    store = load_or_exit(graph)
    result = answer(lambda: country_profile(store, country_ref))

    def render(r: Any) -> None:
        out.print(f"[bold]{escape(r.country.name)}[/] ({r.country.key})")
        out.print(f"areas: {escape(', '.join(a.name for a in r.areas)) or '-'}")
        out.print(f"implementers: {names(r.implementers) or '-'}")
        table = line_table(*_columns("project or event", "type", evidence=evidence), fold_last=evidence)
        lines = [_cells(link.node.name, link.node.type, edge=link.edge, evidence=evidence)
                 for link in [*r.projects, *r.events]]
        print_table(table, add_rows(table, lines, limit))
        if r.funders:  # each funder with what it funds here and the statement that says so
            funding = line_table(*_columns("funder", "funds", "amount", evidence=evidence),
                                 title=f"funders of the work in {escape(r.country.name)} ({len(r.funders)})",
                                 fold_last=evidence)
            rows = [_cells(link.node.name, store.node(link.edge.target).name, amount(link.edge), edge=link.edge,
                           evidence=evidence) for link in r.funders]
            print_table(funding, add_rows(funding, rows, limit))
        else:
            out.print("funders: -")
        if r.planned:  # never among what is done
            out.print("planned: " + escape("; ".join(
                f"{link.node.name} ({_role_planned(link.edge.type)} {store.node(link.edge.target).name})"
                if link.edge.type != "LOCATED_IN" else link.node.name for link in r.planned)))
        if not r.projects and not r.events:
            empty(f"no project or event located in {r.country.name}")

    emit(result, as_json, render)


def _role_planned(edge_type: str) -> str:
    return {"IMPLEMENTS": "to implement", "FUNDS": "to fund"}.get(edge_type, edge_type.lower())


def _planned(edge: Any) -> str:
    """' (planned)' for an edge the text gives as planned: never shown as done."""
    return " (planned)" if getattr(edge, "status", None) == "planned" else ""


def _render_subgraph(store: Any, sub: Any, title: str, evidence: bool, limit: int) -> None:
    table = line_table(*_columns("from", "edge", "to", evidence=evidence), title=title, fold_last=evidence)
    lines = [_cells(store.node(e.source).name, e.type + _planned(e), store.node(e.target).name, edge=e,
                    evidence=evidence) for e in sub.edges]
    print_table(table, add_rows(table, lines, limit))


@commands.command()
def neighbours(
    entity: Annotated[str, typer.Argument(help="Any entity: id, key, name or alias.")],
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=4, help="How many edges away.")] = 1,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: LimitOption = DEFAULT_ROWS,
) -> None:
    """An entity's neighbourhood: everything within --depth edges, with the edges' evidence.

    Examples:  gmpgraph query neighbours planetGOLD
               gmpgraph query neighbours planetGOLD --depth 2 --limit 0
    """
    from gmpgraph.queries import neighbourhood

    store = load_or_exit(graph)
    result = answer(lambda: neighbourhood(store, entity, depth))
    emit(result, as_json, lambda r: _render_subgraph(
        store, r, f"{len(r.nodes)} nodes, {len(r.edges)} edges within {depth} of {escape(entity)}", evidence, limit))


@commands.command()
def path(
    source: Annotated[str, typer.Argument(help="First entity.")],
    target: Annotated[str, typer.Argument(help="Second entity.")],
    limit: Annotated[int, typer.Option("--limit", min=1, max=20, help="At most this many shortest paths.")] = 5,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, evidence: EvidenceOption = False,
) -> None:
    """The shortest paths between two entities.

    Example:  gmpgraph query path UNIDO planetGOLD
    """
    from gmpgraph.queries import paths

    store = load_or_exit(graph)
    result = answer(lambda: paths(store, source, target, limit))

    def render(found: Any) -> None:
        for i, sub in enumerate(found, 1):
            out.print(f"[bold]{i}.[/] " + " → ".join(escape(n.name) for n in sub.nodes))
            _render_subgraph(store, sub, "", evidence, 0)
        if not found:
            empty(f"no path between {source} and {target}")

    emit(result, as_json, render)


@commands.command("search")
def search_(
    text: Annotated[str, typer.Argument(help="Words to look for; spelling mistakes are tolerated.")],
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="At most this many hits.")] = 10,
    node_type: Annotated[str | None, typer.Option("--type", metavar="TYPE",
                                                  help="Only this node type (Organization, Project, ...).")] = None,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """Find entities by name or alias, across all types (typo-tolerant); the id column is what other
    commands and the API take.

    Examples:  gmpgraph query search "mercury policy"
               gmpgraph query search gold --type Project
    """
    from gmpgraph.queries import search

    store = load_or_exit(graph)
    result = answer(lambda: search(store, text, limit, node_type))

    def render(hits: Any) -> None:
        table = line_table("name", "matched", "type", "score", "id", fold_last=True)  # the id whole
        lines = [[escape(h.node.name), escape(h.matched), h.node.type, f"{h.score:.0f}", escape(h.node.id)]
                 for h in hits]
        print_table(table, add_rows(table, lines, 0))
        if not hits:
            empty(f"nothing resembles {text!r}")

    emit(result, as_json, render)


@commands.command("changes")
def changes_(
    from_date: Annotated[str, typer.Option("--from", metavar="YYYY-MM-DD", help="The first date.")],
    to_date: Annotated[str, typer.Option("--to", metavar="YYYY-MM-DD", help="The second date, after the first.")],
    area: Annotated[str | None, typer.Option("--area", metavar="AREA", help="Only this area (key or name).")] = None,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: LimitOption = 0,
) -> None:
    """What changed between two dates, area by area: leads that arrived, left or were renamed, and the
    projects, funders and countries the reports start or stop naming, each with the statement it rests on and
    its date; and the membership figures of both dates.

    On a date, an area's state is what its latest statements on or before that date say. 'left' and 'no
    longer stated' mean the later statements stop naming it (not that the text says it ended); a rename is
    shown as one when a report gives the old name as the new one's former name ("ICSC, formerly IEACCC").

    Examples:  gmpgraph query changes --from 2012-06-30 --to 2022-02-28
               gmpgraph query changes --from 2012-06-30 --to 2022-02-28 --area coal --evidence
               gmpgraph query changes --from 2012-06-30 --to 2022-02-28 --json
    """
    from gmpgraph.changes import changes

    store = load_or_exit(graph)
    first, second = parse_date(from_date, "--from"), parse_date(to_date, "--to")
    if first >= second:
        raise fail(f"--from {first} must come before --to {second}")
    result = answer(lambda: changes(store, first, second, area))

    def render(r: Any) -> None:
        table = line_table("area", "kind", "change", "name", "stated", "first statement" if evidence else "statement",
                           title=f"Changes from {r.from_date} to {r.to_date}", fold_last=evidence)
        lines = []
        for c in r.changes:
            said = (c.now or c.then or [None])[0]
            name = f"{c.renamed_from.name} → {c.node.name}" if c.renamed_from else c.node.name
            where = (f"[dim]{escape(said.document)} {escape(said.locator)}:[/] “{escape(said.quote)}”" if evidence
                     else escape(f"{said.locator} in {Path(said.document).stem}")) if said else ""
            lines.append([escape(c.area), c.kind, c.change, escape(name),
                          str(said.as_of or "") if said else "", where])
        print_table(table, add_rows(table, lines, limit))
        for figure in {f.as_of: f for f in r.membership}.values():
            out.print(f"members as of {figure.as_of}: {figure.total} "
                      f"[dim]({escape(Path(figure.provenance.document).stem)} {escape(figure.provenance.locator)})[/]")
        if not r.changes:
            empty(f"nothing changed between {r.from_date} and {r.to_date} by the statements in the graph")

    emit(result, as_json, render)


@commands.command("growth")
def growth_(graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False) -> None:
    """The Partnership's membership over time, by category, as the reports state it.

    Example:  gmpgraph query growth
    """
    from gmpgraph.queries import growth

    store = load_or_exit(graph)
    result = growth(store)

    def render(figures: Any) -> None:
        table = line_table("as of", "total", "by category", "source", title="Partnership membership")
        lines = [[str(f.as_of), str(f.total), escape(", ".join(f"{n} {c}" for c, n in f.by_category.items())),
                  escape(f"{Path(f.provenance.document).stem} {f.provenance.locator}")] for f in figures]
        print_table(table, add_rows(table, lines, 0))
        if not figures:
            empty("no membership figures stated in the graph's documents")

    emit(result, as_json, render)
