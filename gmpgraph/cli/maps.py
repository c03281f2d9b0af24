"""``gmpgraph map VIEW [ARG]``: write an interactive network map (or the coverage heat map) to a file.

Exit codes as for queries: 0 written; 1 the graph file is unreadable or the output cannot be written;
2 a bad view, a missing argument or a depth out of range; 4 the entity named does not exist.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from gmpgraph.cli.common import (
    DEFAULT_GRAPH,
    EXIT_FAILED,
    EXIT_USAGE,
    GraphOption,
    JsonOption,
    answer,
    err,
    load_or_exit,
    out,
)

commands = typer.Typer()

VIEW_HELP = ("network | area KEY | article N | country ISO3 | entity ID [--depth N] | collaboration | coverage | "
             "world [--by projects|funders|areas]")


def default_output(view: str, argument: str | None) -> Path:
    """``map-<view>[-<argument>].html``, the argument made file-name safe.

    >>> default_output("area", "asgm").name, default_output("entity", "org:unido").name
    ('map-area-asgm.html', 'map-entity-org-unido.html')
    """
    from schema.nodes import slugify

    return Path(f"map-{view}" + (f"-{slugify(argument)}" if argument else "") + ".html")


@commands.command("map")
def map_(
    view: Annotated[str, typer.Argument(help=f"Which map: {VIEW_HELP}.", show_default=False)],
    argument: Annotated[str | None, typer.Argument(help="The area key, article number, ISO3 code or entity "
                                                        "the view is about.", show_default=False)] = None,
    depth: Annotated[int, typer.Option("--depth", "-d", help="For 'entity': how many edges away (1-4).")] = 1,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default map-VIEW[-ARG].html). "
                                                "For 'coverage', a name ending in .svg gets the bare picture.",
                                                show_default=False)] = None,
    unlinked: Annotated[bool, typer.Option("--unlinked", help="For 'network': also draw the entities linked only "
                                           "to the documents that mention them (left out by default).")] = False,
    by: Annotated[str, typer.Option("--by", help="For 'world': shade the countries by the projects, the funders or "
                                    "the areas stated there.")] = "projects",
    link: Annotated[str, typer.Option("--link", help="For 'world': where a country links, {iso3} or {iso3_lower} "
                                      "standing for its code (the file 'map country ISO3' writes, by default).")
                    ] = "map-country-{iso3_lower}.html",
    graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False,
) -> None:
    """Draw the graph as an interactive map in one HTML file that works offline and is safe to open.

    Colour and shape by type, size by number of links, tooltips with the sources; filter by type and area.

    Examples:
      gmpgraph map network -o network.html
      gmpgraph map area asgm
      gmpgraph map article 7            (stated support solid, area-mandate support dashed)
      gmpgraph map entity planetGOLD --depth 2
      gmpgraph map coverage -o coverage.svg
      gmpgraph map world --by funders   (countries shaded, each linking to map-country-<iso3>.html)
    """
    from gmpgraph.graphfile import write_atomic
    from gmpgraph.maps import MEASURES, coverage_picture, make_map, world_picture

    store = load_or_exit(graph)
    target = output or default_output(view, argument)
    if view == "world" and (by not in MEASURES or "{iso3" not in link):
        err.print(f"[red]error:[/] --by is one of {', '.join(MEASURES)} and --link needs {{iso3}} or {{iso3_lower}} "
                  f"(got --by {escape(by)!r}, --link {escape(link)!r})")
        raise typer.Exit(EXIT_USAGE)
    if view in ("coverage", "world") and target.suffix.lower() == ".svg":
        if argument:
            err.print(f"[red]error:[/] the {view} map takes no argument (got {escape(argument)!r})")
            raise typer.Exit(EXIT_USAGE)
        text = coverage_picture(store) if view == "coverage" else world_picture(store, by, link)
        nodes, edges = 0, 0
    else:
        page = answer(lambda: make_map(store, view, argument, depth, unlinked, by=by, country_link=link))
        text, nodes, edges = page.html, page.nodes, page.edges
    try:
        write_atomic(target, text)
    except OSError as exc:
        err.print(f"[red]error:[/] cannot write {escape(str(target))}: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(EXIT_FAILED) from None
    if as_json:
        print(json.dumps({"view": view, "argument": argument, "path": str(target), "nodes": nodes, "edges": edges,
                          "bytes": len(text.encode("utf-8"))}))
        return
    what = {"coverage": "area × article heat map", "world": f"{nodes} countries with stated work, shaded by {by}"
            }.get(view, f"{nodes} nodes, {edges} edges")
    out.print(f"wrote {escape(str(target))} ({what}); open it in a browser, no network needed")
