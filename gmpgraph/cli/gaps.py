"""``gmpgraph gaps``: cross-area gap analysis on the command line (``gmpgraph.analysis``)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from gmpgraph.cli.common import (
    DEFAULT_GRAPH,
    DEFAULT_ROWS,
    GraphOption,
    JsonOption,
    LimitOption,
    add_rows,
    answer,
    empty,
    fail,
    line_table,
    load_or_exit,
    out,
    print_table,
)

commands = typer.Typer()


class Kind(StrEnum):
    """The kinds of finding (``gmpgraph.analysis.FindingKind``; a test keeps the two equal)."""

    article_without_project = "article-without-project"
    area_without_funder = "area-without-funder"
    area_with_single_lead = "area-with-single-lead"
    areas_never_collaborate = "areas-never-collaborate"


@commands.command()
def gaps(
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
    matrix_only: Annotated[bool, typer.Option("--matrix", help="Only the area x article coverage matrix.")] = False,
    kind_name: Annotated[str | None, typer.Option(
        "--kind", metavar="|".join(k.value for k in Kind), help="Only findings of this kind.")] = None,
    countries: Annotated[tuple[str, str] | None, typer.Option(
        "--countries", metavar="ACTIVE MISSING", help="Instead: the countries with stated work in area ACTIVE and "
                                                      "none in area MISSING (keys, names or aliases).")] = None,
    limit: LimitOption = DEFAULT_ROWS,
    everything: Annotated[bool, typer.Option("--all", help="Also the low-priority findings: pairs of areas that "
                                                          "share little, articles no area's work comes near.")] = False,
) -> None:
    """Cross-area gap analysis: the area x article coverage matrix, and the gaps an analyst can act on.

    Matrix cells read 'stated/mandate': how many things in the area the text ties to the article,
    and 'M' where the area's mandate covers it. Each finding has a strength: 'stated' (the text says it),
    'inferred' (a rule read it from stated edges) or 'absence' (nothing says it: --json lists the documents
    searched and the sentences naming the subject, none of which contradicts it) and says why it matters.
    Pairs of areas that never collaborate are ranked by what they share (countries, bodies, Convention
    articles, mercury topics); pairs sharing little (score under 1) or only what half the areas have, and
    articles no area's work comes near, are low priority, counted and left out unless --all. --json gives every finding's evidence edges with their quotes, and for a pair
    what it shares ('shared').

    Examples:  gmpgraph gaps --kind area-without-funder
               gmpgraph gaps --countries asgm waste --json
    """
    from gmpgraph.analysis import coverage_matrix, findings, worth_acting_on

    kind = _kind(kind_name)
    store = load_or_exit(graph)
    if countries is not None:
        _countries(store, *countries, as_json=as_json, limit=limit)
        return
    matrix = coverage_matrix(store)
    every = [] if matrix_only else [f for f in findings(store, everything=True) if kind is None or f.kind == kind.value]
    found = every if everything else [f for f in every if worth_acting_on(f)]
    hidden = len(every) - len(found)
    if as_json:
        print(json.dumps({"matrix": matrix.model_dump(mode="json"),
                          "findings": [f.model_dump(mode="json") for f in found],
                          "low_priority_left_out": hidden}, indent=1))
        return
    out.print(_matrix_table(store, matrix))
    if matrix_only:
        return
    if not found:
        empty("no finding" + (f" of kind {kind.value}" if kind else ""))
    for each in Kind:  # one table per kind, so the finding itself has the width
        of_kind = [f for f in found if f.kind == each.value]
        if not of_kind:
            continue
        listing = line_table("strength", "rests on", "finding — why it matters",
                             title=f"{each.value} ({len(of_kind)})", fold_last=True)
        lines = [[f.strength + (" (low)" if f.priority == "low" else ""), escape(_basis(f)),
                  escape(f.message + (f" — {f.why}" if f.why else ""))] for f in of_kind]
        print_table(listing, add_rows(listing, lines, limit))
    if hidden:
        out.print(f"{hidden} low-priority finding(s) left out: pairs of areas that share little, articles no area's "
                  f"work comes near (gmpgraph gaps --all lists them last)")


def _kind(name: str | None) -> Kind | None:
    """The kind ``--kind`` names, or exit 2 with a sentence naming the kinds there are."""
    if name is None:
        return None
    try:
        return Kind(name.strip().lower())
    except ValueError:
        kinds = [k.value for k in Kind]
        raise fail(f"there is no kind of finding called {name!r}; the kinds are {', '.join(kinds[:-1])} and "
                   f"{kinds[-1]} (e.g. gmpgraph gaps --kind {Kind.area_without_funder.value})") from None


def _basis(finding: Any) -> str:
    """What a finding rests on, in a few words: its first statements, or the search behind an absence."""
    if finding.shared is not None:
        things = finding.shared.things()
        if things:
            return (f"{len(things)} shared thing(s), score {finding.shared.score:g}; "
                    f"{len(finding.searched.documents) if finding.searched else 0} docs searched")
    if finding.evidence:
        return "; ".join(f"{e.locator} in {Path(e.document).stem}" for e in finding.evidence[:2] if e.document)
    if finding.searched is not None:
        return f"{len(finding.searched.documents)} docs, {len(finding.searched.mentions)} mentions searched"
    return ""


def _matrix_table(store: Any, matrix: Any) -> Table:
    """Rows by area key, one narrow column per article the matrix has (as in the heat map)."""
    table = Table(title="Area × article coverage (stated count; M = area mandate)", pad_edge=False,
                  show_edge=False, padding=(0, 0), collapse_padding=True)
    table.add_column("area", no_wrap=True)
    for a in matrix.articles:
        table.add_column(a.removeprefix("article:"), justify="center", no_wrap=True, min_width=2)
    for area in matrix.areas:
        row = []
        for a in matrix.articles:
            cell = matrix.cell(area, a)
            row.append("" if cell is None else f"{cell.stated or ''}{'M' if cell.area_mandate else ''}")
        table.add_row(escape(store.node(area).key), *row)
    return table


def _countries(store: Any, active: str, missing: str, as_json: bool, limit: int) -> None:
    from gmpgraph.analysis import countries_missing_area

    rows = answer(lambda: countries_missing_area(store, active, missing))
    if as_json:
        print(json.dumps([r.model_dump(mode="json") for r in rows], indent=1))
        return
    listing = line_table("country", "work in the active area (stated)", title=(
        f"Countries with work in {store.node(rows[0].active_in).name if rows else active} and none in "
        f"{store.node(rows[0].missing).name if rows else missing} ({len(rows)})"))
    lines = []
    for r in rows:
        work = sorted({e.source for e in r.evidence if e.type == "LOCATED_IN"})
        lines.append([escape(r.name), escape(", ".join(store.node(w).name for w in work))])
    print_table(listing, add_rows(listing, lines, limit))
    if not rows:
        empty("no country has stated work in the one area and none in the other")
