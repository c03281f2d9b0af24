"""``gmpgraph review ...``: check and correct the graph; each decision is kept in the review file (JSON Lines,
default ``reviews.jsonl`` beside the graph), applied to the graph file at once and again on every build.

An edge is named ``TYPE SOURCE TARGET`` and a node by its id or any name ``query`` resolves.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from gmpgraph.cli.common import (
    DEFAULT_GRAPH,
    EXIT_USAGE,
    GraphOption,
    JsonOption,
    LimitOption,
    ReviewsOption,
    add_rows,
    answer,
    err,
    fail,
    line_table,
    load_or_exit,
    out,
    print_table,
    quote,
)

commands = typer.Typer(
    help="Check and correct the graph: accept, reject, merge, rename, retype, add, status. Decisions are kept in "
         "the review file beside the graph (reviews.jsonl) and applied on every build.\n\n"
         "Examples:  gmpgraph review                      (what most needs a look)\n"
         "           gmpgraph review reject FUNDS \"Global Affairs Canada\" IMPACT --by \"A. Researcher\" "
         "--why \"pag12: it funds IMPACT's projects\"\n"
         "           gmpgraph review merge \"International Centre for Sustainable Carbon\" \"IEA Clean Coal Centre\" "
         "--by ... --why \"ICSC, formerly IEACCC\"",
    no_args_is_help=False, invoke_without_command=True, rich_markup_mode="rich", options_metavar="[OPTIONS]")

ByOption = Annotated[str, typer.Option("--by", help="Who decides (kept with the decision).")]
WhyOption = Annotated[str, typer.Option("--why", help="Why: the text or locator that shows it.")]


def _reviews(graph: Path, reviews: Path | None) -> Path:
    from gmpgraph.review.decisions import default_reviews

    return reviews or default_reviews(graph)


def _edge(store: Any, words: list[str]) -> Any:
    from gmpgraph.queries import resolve
    from schema import EDGE_CLASSES
    from schema.review import EdgeRef

    edge_type = words[0].upper()
    if edge_type not in EDGE_CLASSES:
        raise fail(f"{words[0]!r} is not an edge type; one of {', '.join(EDGE_CLASSES)}")
    source, target = (answer(lambda w=w: resolve(store, w)).id for w in words[1:3])
    return EdgeRef(type=edge_type, source=source, target=target)


def _node(store: Any, reference: str) -> str:
    from gmpgraph.queries import resolve

    return answer(lambda: resolve(store, reference)).id


def _record(graph: Path, reviews: Path | None, store: Any, **fields: Any) -> None:
    """Check a decision against the graph, keep it in the review file and apply it to the graph file."""
    from pydantic import ValidationError

    from gmpgraph.graphfile import save_graph
    from gmpgraph.review.apply import apply_decisions, texts_from
    from gmpgraph.review.decisions import append_decision
    from schema.review import Decision

    try:
        decision = Decision(**fields)
    except ValidationError as exc:
        raise fail(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
    sources = dict(store.nx.graph.get("sources") or {})
    outcome = apply_decisions(store, [decision], texts_from(sources))
    if outcome.missing:
        raise fail(f"not recorded: {outcome.missing[0].reason}")
    path = _reviews(graph, reviews)
    append_decision(path, decision)
    meta = dict(store.nx.graph)
    save_graph(store, graph, meta)
    out.print(f"recorded in {escape(str(path))}: {decision.action} {escape(decision.subject())}; "
              f"applied to {escape(str(graph))}")


@commands.callback()
def review(
    ctx: typer.Context,
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, limit: LimitOption = 20,
    edge_type: Annotated[str | None, typer.Option("--type", metavar="TYPE", help="Only edges of this type.")] = None,
) -> None:
    """What most needs a look: the unreviewed edges behind the answers people ask for (leads, funders,
    implementers, supporters, countries), planned ones and those on fewest statements first, each with its
    quote; then the review coverage."""
    if ctx.invoked_subcommand is not None:
        return
    from gmpgraph.review.worklist import ORDER, coverage, coverage_line, to_review

    store = load_or_exit(graph)
    types = (edge_type.upper(),) if edge_type else ORDER
    if edge_type and types[0] not in ORDER:
        raise fail(f"{edge_type!r} is not an edge type answers rest on; one of {', '.join(ORDER)}")
    edges = to_review(store, types)
    if as_json:
        print(json.dumps({"to_review": [e.model_dump(mode="json", exclude_none=True) for e in
                                        (edges if limit == 0 else edges[:limit])],
                          "coverage": coverage(store)}, indent=1))
        return
    table = line_table("edge", "claim", "statement", title=f"To review ({len(edges)})", fold_last=True)
    rows = [[e.type, escape(f"{store.node(e.source).name} → {store.node(e.target).name}"), quote(e)] for e in edges]
    print_table(table, add_rows(table, rows, limit))
    out.print(coverage_line(store))


@commands.command()
def accept(
    what: Annotated[list[str], typer.Argument(metavar="NODE | TYPE SOURCE TARGET", help="A node, or an edge.")],
    by: ByOption, why: WhyOption = "", graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None,
) -> None:
    """Mark a node or an edge as checked and true (reviewed: accepted).

    Example:  gmpgraph review accept LEADS UNIDO chlor-alkali --by "A. Researcher" --why "pag12 §II bullet 2"
    """
    _accept_or_reject("accept", what, by, why, graph, reviews)


@commands.command()
def reject(
    what: Annotated[list[str], typer.Argument(metavar="NODE | TYPE SOURCE TARGET", help="A node, or an edge.")],
    by: ByOption, why: WhyOption = "", graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None,
) -> None:
    """Mark a node or an edge as false: it leaves the graph and every answer ('review list --rejected' lists it).

    Example:  gmpgraph review reject FUNDS "Global Affairs Canada" IMPACT --by "A. Researcher" --why "pag12 bullet 43"
    """
    _accept_or_reject("reject", what, by, why, graph, reviews)


def _accept_or_reject(action: str, what: list[str], by: str, why: str, graph: Path, reviews: Path | None) -> None:
    store = load_or_exit(graph)
    if len(what) == 3:
        edge = _edge(store, what)
        said = [p.document for p in store.edge(edge.source, edge.target, edge.type).provenance] \
            if store.nx.has_edge(edge.source, edge.target, edge.type) else []
        _record(graph, reviews, store, action=action, edge=edge, by=by, why=why,
                document=said[0] if said and action == "reject" else None)  # where the negative was read
    elif len(what) == 1:
        _record(graph, reviews, store, action=action, node=_node(store, what[0]), by=by, why=why)
    else:
        raise fail("name a node (one argument) or an edge as TYPE SOURCE TARGET (three)", EXIT_USAGE)


@commands.command()
def merge(
    keep: Annotated[str, typer.Argument(help="The node kept.")],
    other: Annotated[str, typer.Argument(help="The node merged into it (its names become aliases).")],
    by: ByOption, why: WhyOption = "", graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None,
) -> None:
    """Two nodes are one thing: merge the second into the first, keeping every provenance of both.

    Example:  gmpgraph review merge "International Centre for Sustainable Carbon" "IEA Clean Coal Centre" --by ...
    """
    store = load_or_exit(graph)
    _record(graph, reviews, store, action="merge", node=_node(store, keep), other=_node(store, other), by=by, why=why)


@commands.command()
def rename(
    node: Annotated[str, typer.Argument(help="The node.")], name: Annotated[str, typer.Argument(help="Its name.")],
    by: ByOption, why: WhyOption = "", graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None,
) -> None:
    """Give a node its right name (the old one stays an alias)."""
    _correct(graph, reviews, node, by, why, action="rename", name=name)


@commands.command()
def retype(
    node: Annotated[str, typer.Argument(help="The node.")],
    node_type: Annotated[str, typer.Argument(metavar="TYPE", help="Organization, Project, Publication, Event, ...")],
    by: ByOption, why: WhyOption = "", graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None,
) -> None:
    """Give a node its right type (edges its new type cannot have are dropped)."""
    _correct(graph, reviews, node, by, why, action="retype", type=node_type)


def _correct(graph: Path, reviews: Path | None, node: str, by: str, why: str, **change: str) -> None:
    store = load_or_exit(graph)
    _record(graph, reviews, store, node=_node(store, node), by=by, why=why, **change)


@commands.command()
def add(
    what: Annotated[list[str], typer.Argument(metavar="TYPE SOURCE TARGET", help="The edge.")],
    document: Annotated[str, typer.Option("--document", help="The document of the graph that states it.")],
    quote_: Annotated[str, typer.Option("--quote", help="Its statement, verbatim from the document.")],
    by: ByOption, why: WhyOption = "", graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None,
) -> None:
    """Add an edge the extractor missed, with the document and the quote that state it (refused if the quote
    is not in the document as written).

    Example:  gmpgraph review add IMPLEMENTS UNDP planetGOLD --document pag12-activities-report-2022.txt
              --quote "..." --by ... --why ...
    """
    store = load_or_exit(graph)
    if len(what) != 3:
        raise fail("name the edge as TYPE SOURCE TARGET")
    _record(graph, reviews, store, action="add", edge=_edge(store, what), document=document, quote=quote_,
            by=by, why=why)


@commands.command()
def status(
    what: Annotated[list[str], typer.Argument(metavar="TYPE SOURCE TARGET STATUS",
                                              help="The edge, then planned or stated.")],
    by: ByOption, why: WhyOption = "", graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None,
) -> None:
    """Say whether the text gives an edge as planned or as stated fact."""
    if len(what) != 4 or what[3] not in ("planned", "stated"):
        raise fail("name the edge as TYPE SOURCE TARGET, then planned or stated")
    store = load_or_exit(graph)
    _record(graph, reviews, store, action="status", edge=_edge(store, what[:3]), status=what[3], by=by, why=why)


@commands.command("list")
def list_(
    rejected: Annotated[bool, typer.Option("--rejected", help="Only what was rejected.")] = False,
    graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None, as_json: JsonOption = False,
) -> None:
    """The decisions of the review file, in order (who, when, what, why)."""
    decisions = _read(graph, reviews)
    shown = [d for d in decisions if not rejected or d.action == "reject"]
    if as_json:
        print(json.dumps([d.model_dump(exclude_none=True) for d in shown], indent=1))
        return
    table = line_table("when", "by", "action", "what", "why", fold_last=True)
    rows = [[d.when[:10], escape(d.by), d.action, escape(d.subject()), escape(d.why)] for d in shown]
    print_table(table, add_rows(table, rows, 0))
    if not shown:
        err.print("no decisions" + (" rejecting anything" if rejected else ""))


def _read(graph: Path, reviews: Path | None) -> list[Any]:
    from gmpgraph.review.decisions import ReviewFileError, read_decisions

    try:
        return read_decisions(_reviews(graph, reviews))
    except ReviewFileError as exc:
        raise fail(str(exc)) from None


@commands.command()
def check(graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None, as_json: JsonOption = False) -> None:
    """Which decisions no longer find their target: those the last build could not apply (the extractor
    changed, a name moved), and any whose node is not in the graph now. Exit 1 if any."""
    store = load_or_exit(graph)
    decisions = _read(graph, reviews)
    built = (store.nx.graph.get("reviews") or {}).get("missing", [])
    now = [{"decision": d.model_dump(exclude_none=True), "reason": f"no node {n} in the graph"}
           for d in decisions if d.action not in ("reject", "merge")
           for n in [d.node or (d.edge and d.edge.source), d.edge.target if d.edge else None] if n and n not in store]
    missing = built + [m for m in now if m not in built]
    if as_json:
        print(json.dumps({"decisions": len(decisions), "missing": missing}, indent=1))
    else:
        out.print(f"{len(decisions)} decision(s); {len(missing)} without their target")
        for m in missing:
            d = m["decision"]
            out.print(f"  {d['action']} {escape(json.dumps(d.get('edge') or d.get('node')))} "
                      f"({escape(d['by'])}): {escape(m['reason'])}")
    if missing:
        raise typer.Exit(1)


@commands.command("export-gold")
def export_gold_(
    folder: Annotated[Path, typer.Argument(help="Where to write gold/, texts/ and MANIFEST.json.")],
    graph: GraphOption = DEFAULT_GRAPH, reviews: ReviewsOption = None,
) -> None:
    """Write the reviewed facts as gold annotations (../shared/gold format), one file per document, with the
    rejected ones as known negatives, and copy the documents' texts beside them: training data.

    Example:  gmpgraph review export-gold data/annotated
    """
    from gmpgraph.review.gold import export_gold

    store = load_or_exit(graph)
    rejected = []
    for d in _read(graph, reviews):
        if d.action == "reject" and d.edge is not None:
            names = [store.node(n).name if n in store else n.split(":", 1)[-1] for n in (d.edge.source, d.edge.target)]
            rejected.append((d.edge, *names, d.document))
    written = export_gold(store, rejected, folder, dict(store.nx.graph.get("sources") or {}))
    out.print(f"wrote {len(written)} gold file(s) to {escape(str(folder / 'gold'))}")


@commands.command()
def duplicates(graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False, limit: LimitOption = 20) -> None:
    """Likely duplicates: pairs of nodes that look like one body, work or meeting under two names, each with the
    sign that ties them (an acronym spelled out, singular and plural, a unit and its parent, ...), and how many
    nodes are likely redundant. A pair is a candidate to judge; 'review merge' joins one.

    Example:  gmpgraph review duplicates
    """
    from gmpgraph.duplicates import groups_of, likely_duplicates

    store = load_or_exit(graph)
    pairs = likely_duplicates(store)
    redundant = sum(len(g) - 1 for g in groups_of(pairs))
    if as_json:
        print(json.dumps({"pairs": [vars(p) for p in pairs], "redundant_nodes": redundant}, indent=1))
        return
    if not pairs:
        out.print("no likely duplicates: 0 nodes likely redundant")
        return
    table = line_table("node", "other node", "sign", "names", title=f"Likely duplicates ({len(pairs)})",
                       fold_last=True)
    rows = [[escape(store.node(p.a).name), escape(store.node(p.b).name), p.sign, escape(p.why)] for p in pairs]
    print_table(table, add_rows(table, rows, limit))
    out.print(f"{redundant} node(s) likely redundant")
