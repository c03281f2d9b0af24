"""What every command module shares: the consoles, the options, exit codes, loading a graph, and the
tables that fit a terminal. No command module imports another; each imports this one.

Exit codes: 0 success (an empty answer is said on stderr); 1 nothing could be built, a graph file is
unreadable or a database cannot be reached; 2 bad arguments or missing input; 3 ``build --strict`` and at
least one file failed; 4 the entity named does not exist (with "did you mean ...").
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

DEFAULT_GRAPH = Path(os.environ.get("GMPGRAPH_GRAPH", "graph.json"))
EXIT_FAILED, EXIT_USAGE, EXIT_STRICT, EXIT_NOT_FOUND = 1, 2, 3, 4
DEFAULT_ROWS = 25
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
T = TypeVar("T")

out = Console()
err = Console(stderr=True, soft_wrap=True)  # messages stay on one line for grep and logs

GraphOption = Annotated[Path, typer.Option(
    "--graph", "-g", metavar="FILE", help="Graph file to read (written by 'gmpgraph build'). Env: GMPGRAPH_GRAPH.",
    show_default=True)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout instead of tables.")]
EvidenceOption = Annotated[bool, typer.Option("--evidence", "--wide", help="Add each line's quote (the table "
                                              "folds it over several lines).")]
ReviewsOption = Annotated[Path | None, typer.Option(
    "--reviews", metavar="FILE", help="The review file (reviewers' decisions, JSON Lines). Default: reviews.jsonl "
                                      "beside the graph file.", show_default=False)]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=0, metavar="N", help="Show at most N lines per "
                                          "table, then say how many more (0: all). --json is never cut.")]


def plain_help_types() -> None:
    """Help that names values the way a user types them: nothing after a flag (Typer prints ``<bool>``),
    an option's ``metavar`` where it has one, and no Python type after an argument (``<list[Path]>``: its
    upper-case name and help say it)."""
    from typer.core import TyperArgument, TyperOption

    default = TyperOption.display_type_rich

    def option_type(self: TyperOption, ctx: Any) -> str | None:
        if self.is_flag:
            return None
        if self.metavar:
            return self.metavar
        shown = default(self, ctx) or ""  # '<int range>', '<path>', '<str>', 'a|b' ...
        bare = shown.strip("<>").removesuffix(" range").removesuffix("...")
        if "|" in bare:  # choices, as they are typed
            return bare
        return {"int": "N", "float": "NUMBER", "path": "PATH", "str": "TEXT"}.get(bare, bare.upper())

    def usage_name(self: TyperArgument) -> str:
        name = self.display_name_raw.upper()
        return (name if self.required else f"[{name}]") + ("..." if self.nargs != 1 else "")

    TyperOption.display_type_rich = option_type  # type: ignore[method-assign]
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]


def reflow(text: str | None) -> str | None:
    r"""A docstring's paragraphs as one line each, so the terminal wraps them; a paragraph with indented lines
    (examples) keeps its lines.

    >>> reflow("Build it\nfrom files.\n\nExamples:  a\n           b")
    'Build it from files.\n\nExamples:  a\n           b'
    """
    if text is None:
        return None
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(p if any(line[:1].isspace() for line in p.splitlines()[1:]) else " ".join(p.split("\n"))
                       for p in paragraphs)


def reflow_help(command: Any) -> Any:
    """Reflow the help of a click command and of every command under it (see ``reflow``); returns it."""
    command.help = reflow(command.help)
    for sub in getattr(command, "commands", {}).values():
        reflow_help(sub)
    return command


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print ``error: message`` on stderr and return the exit to raise: ``raise fail("...")``."""
    err.print(f"[red]error:[/] {escape(message)}")
    return typer.Exit(code)


def load_or_exit(graph: Path) -> Any:
    """Load a graph file for a command, or print why not and exit 1."""
    from gmpgraph.graphfile import GraphFileError, load_graph

    try:
        return load_graph(graph)
    except GraphFileError as exc:
        raise fail(str(exc), EXIT_FAILED) from None


def answer(compute: Callable[[], T]) -> T:
    """Run a query, turning unknown entities (exit 4) and bad values (exit 2) into one clear line."""
    from gmpgraph.queries import NotFound

    try:
        return compute()
    except NotFound as exc:
        raise fail(str(exc), EXIT_NOT_FOUND) from None
    except ValueError as exc:
        raise fail(str(exc)) from None


def emit(result: BaseModel | Sequence[BaseModel], as_json: bool, render: Callable[[Any], None]) -> None:
    """JSON of ``result`` on stdout for ``--json``, else ``render(result)``."""
    if as_json:
        if isinstance(result, BaseModel):
            print(result.model_dump_json(indent=1, exclude_none=True))
        else:
            print(json.dumps([r.model_dump(mode="json", exclude_none=True) for r in result], indent=1))
        return
    render(result)


def parse_date(value: str | None, option: str = "--as-of") -> dt.date | None:
    """A ``YYYY-MM-DD`` option value as a date, or exit 2 saying how to write it."""
    if value is None:
        return None
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2010-06-30") from None


def empty(what: str) -> None:
    """Say on stderr that an answer is empty."""
    err.print(f"[yellow]{escape(what)}[/]")


def quote(edge: Any) -> str:
    """The edge's first statement as ``document locator: “quote”`` (+ how many more), escaped for rich; the
    quote whole (the table wraps it)."""
    if not edge or not edge.provenance:
        return ""
    p = edge.provenance[0]
    more = f" (+{len(edge.provenance) - 1})" if len(edge.provenance) > 1 else ""
    return f"[dim]{escape(p.document)} {escape(p.locator)}:[/] “{escape(p.quote)}”{more}"


def first_source(edge: Any) -> str:
    """The edge's first statement as ``locator in document-stem`` (plain text; the locator first, so that a
    narrow column keeps it)."""
    if not edge or not edge.provenance:
        return ""
    p = edge.provenance[0]
    return f"{p.locator} in {Path(p.document).stem}"


def sources(edge: Any) -> str:
    """How many statements an edge rests on, with ✓ when a reviewer accepted, added or corrected it."""
    if edge is None:
        return "0"
    return f"{len(edge.provenance)}{'✓' if getattr(edge, 'reviewed', None) else ''}"


def names(links: Sequence[Any]) -> str:
    """The distinct names of linked nodes, comma-separated and escaped."""
    return escape(", ".join(dict.fromkeys(link.node.name for link in links)))


def amount(edge: Any) -> str:
    """``1,000,000 USD`` for an edge with an amount, with the month the text gives it (``850,000 USD (Nov
    2011)``), else ``""``."""
    if not getattr(edge, "amount", None):
        return ""
    when = getattr(edge, "start", None)
    return f"{edge.amount:,.0f} {edge.currency}" + (f" ({when:%b %Y})" if when else "")


def folded_table(*columns: str, title: str = "") -> Table:
    """A full-width table whose columns fold long text over several lines."""
    table = Table(title=title or None, expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


# columns of short values: as wide as their content
SHORT_COLUMNS = frozenset({"type", "basis", "n", "stated", "amount", "role", "edge", "score", "kind",
                           "strength", "as of", "total", "area", "change", "when", "action"})
# columns that only point to where a line comes from: cut with '…' to keep the table one line per row
POINTER_COLUMNS = frozenset({"first source", "statement", "source"})


def line_table(*columns: str, title: str = "", fold_last: bool = False) -> Table:
    """A table that fits the terminal: names and statuses wrap over several lines (never cut: "Government of
    Spain" and "Government of Uruguay" must stay apart), pointers to a source end in '…'. With
    ``fold_last`` the last column (a quote) is shown whole, wrapped."""
    table = Table(title=title or None, show_edge=False, pad_edge=False, box=None, header_style="bold",
                  expand=True, title_justify="left")
    for i, column in enumerate(columns):
        if fold_last and i == len(columns) - 1:
            table.add_column(column, overflow="fold", ratio=3)
        elif column in SHORT_COLUMNS:
            table.add_column(column, no_wrap=True, overflow="ellipsis")
        elif column in POINTER_COLUMNS:
            table.add_column(column, no_wrap=True, overflow="ellipsis", ratio=2, min_width=8)
        else:
            table.add_column(column, overflow="fold", ratio=2, min_width=10)
    return table


def add_rows(table: Table, rows: Sequence[Sequence[str]], limit: int) -> int:
    """Add at most ``limit`` rows (0: all) and return how many were left out."""
    shown = rows if limit == 0 else rows[:limit]
    for row in shown:
        table.add_row(*row)
    return len(rows) - len(shown)


def print_table(table: Table, left_out: int) -> None:
    """Print a table and, when rows were left out, a line saying how many and how to see them."""
    out.print(table)
    if left_out:
        out.print(f"[dim]… {left_out} more (--limit 0 shows all, --json gives everything)[/]")
