"""The command line as a new user meets it (issue 21): answers that fit an 80-column terminal, options the
CLI checks with one clear error, help that names values as they are typed, plain Cypher errors, and one
CLI package whose command modules import only the shared one. Real processes on the corpus graph.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
from pathlib import Path
from typing import get_args

import pytest

from gmpgraph.analysis import FindingKind
from gmpgraph.cli.gaps import Kind
from tests.conftest import REPO, gmpgraph_command


def run(graph: Path | None, *args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([*gmpgraph_command(), *args, *(("--graph", str(graph)) if graph is not None else ())],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": str(columns)})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


QUESTIONS = [("query", "supports", "7"), ("query", "supports", "7", "--evidence"), ("query", "leads", "asgm"),
             ("query", "leads", "coal", "--as-of", "2015-06-30", "--evidence"), ("query", "org", "UNIDO"),
             ("query", "funders", "asgm"), ("query", "country", "IDN"), ("query", "neighbours", "planetGOLD",
                                                                          "--depth", "2"),
             ("query", "path", "UNIDO", "planetGOLD"), ("query", "search", "mercury"), ("query", "growth"),
             ("gaps",), ("gaps", "--countries", "asgm", "coal")]


@pytest.mark.parametrize("args", QUESTIONS, ids=" ".join)
def test_answers_fit_80_columns(corpus_graph: Path, args: tuple[str, ...]) -> None:
    proc = run(corpus_graph, *args)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= 80, max(lines, key=len)


def test_names_wrap_and_quotes_are_whole_at_80_columns(corpus_graph: Path) -> None:
    """Issue 30: 'Government of S…' and 'Government of U…' could not be told apart; quotes stopped mid-word."""
    table = run(corpus_graph, "query", "leads", "supply-storage", "--as-of", "2012-06-30").stdout
    words = " ".join(table.split())
    assert "Spain" in words and "Uruguay" in words and "Government o…" not in table
    quoted = run(corpus_graph, "query", "leads", "supply-storage", "--as-of", "2012-06-30", "--evidence").stdout
    answer = json.loads(run(corpus_graph, "query", "leads", "supply-storage", "--as-of", "2012-06-30",
                            "--json").stdout)
    for lead in answer["leads"]:
        assert " ".join(lead["statement"]["quote"].split()) in " ".join(quoted.replace("│", " ").split())


def test_supporters_of_article_7_are_a_summary_of_at_most_120_lines(corpus_graph: Path) -> None:
    """One line per supporter (name, type, basis, statements, first source), 25 per table, then 'N more'."""
    proc = run(corpus_graph, "query", "supports", "7")
    lines = proc.stdout.splitlines()
    assert len(lines) <= 120
    answer = json.loads(run(corpus_graph, "query", "supports", "7", "--json").stdout)
    mandate = len(answer["area_mandate"])
    assert mandate > 25 and f"… {mandate - 25} more (--limit 0 shows all" in proc.stdout
    assert "mandate: asgm" in proc.stdout and "stated" in proc.stdout
    everything = run(corpus_graph, "query", "supports", "7", "--limit", "0", columns=200).stdout
    assert all(s["node"]["name"][:20] in everything for s in answer["area_mandate"])
    quoted = run(corpus_graph, "query", "supports", "7", "--evidence", "--limit", "3").stdout
    assert "“" in quoted and "“" not in proc.stdout


def test_neighbourhoods_are_cut_to_the_limit_with_a_count(corpus_graph: Path) -> None:
    proc = run(corpus_graph, "query", "neighbours", "planetGOLD", "--depth", "2", "--limit", "10", columns=250)
    assert len(proc.stdout.splitlines()) <= 14 and "more (--limit 0 shows all" in proc.stdout


def test_options_are_checked_with_one_clear_error(corpus_graph: Path) -> None:
    bogus = run(corpus_graph, "gaps", "--kind", "bogus")
    assert bogus.returncode == 2 and "no kind of finding called 'bogus'" in bogus.stderr
    assert "area-without-funder" in bogus.stderr
    date = run(corpus_graph, "query", "leads", "asgm", "--as-of", "2015-13-01")
    assert date.returncode == 2 and "is not a date; write it as YYYY-MM-DD" in date.stderr
    assert run(corpus_graph, "query", "leads", "asgm", "--as-of", "20150101").returncode == 2
    depth = run(corpus_graph, "query", "neighbours", "UNIDO", "--depth", "9")
    assert depth.returncode == 2 and "--depth" in depth.stderr
    missing = run(Path("no-such-graph.json"), "query", "supports", "7")
    assert missing.returncode == 1 and "no such graph file" in missing.stderr


def test_the_cli_kinds_are_the_analysis_kinds() -> None:
    assert [k.value for k in Kind] == list(get_args(FindingKind))


def test_a_cypher_typo_names_the_position_and_what_was_expected(corpus_graph: Path) -> None:
    proc = run(corpus_graph, "cypher", "MATCH (o:Organization) RETRUN o.name")
    assert proc.returncode == 2
    assert "syntax error at line 1, column 24, at 'RETRUN o.name': expected" in proc.stderr
    assert "RETURN" in proc.stderr and "No terminal" not in proc.stderr and "parser context" not in proc.stderr


@pytest.mark.parametrize("command", [("build",), ("query", "supports"), ("query", "leads"), ("gaps",), ("map",),
                                     ("cypher",)])
def test_help_names_values_as_they_are_typed(command: tuple[str, ...]) -> None:
    proc = run(None, *command, "--help", columns=100)
    assert proc.returncode == 0 and "Example" in proc.stdout
    for python_type in ("<bool>", "<list[", "{paths}", "{article}", "<path>"):
        assert python_type not in proc.stdout, python_type


def test_query_help_has_examples() -> None:
    proc = run(None, "query", "--help", columns=100)
    assert "gmpgraph query supports 7" in proc.stdout and "gmpgraph query country IDN --json" in proc.stdout


def test_network_map_leaves_out_what_only_documents_link(corpus_graph: Path, tmp_path: Path) -> None:
    data = json.loads(corpus_graph.read_text(encoding="utf-8"))
    linked = {end for e in data["edges"] if e["type"] != "MENTIONED_IN" for end in (e["source"], e["target"])}
    shown = json.loads(run(corpus_graph, "map", "network", "-o", str(tmp_path / "n.html"), "--json").stdout)
    assert shown["nodes"] == len(linked)
    every = json.loads(run(corpus_graph, "map", "network", "--unlinked", "-o", str(tmp_path / "all.html"),
                           "--json").stdout)
    assert every["nodes"] == sum(n["type"] != "Document" for n in data["nodes"]) > shown["nodes"]
    assert (tmp_path / "n.html").stat().st_mode & 0o004, "others cannot read the map"


def test_command_modules_import_only_the_shared_module() -> None:
    """gmpgraph/cli is one package: the root assembles the groups; no command module imports another."""
    package = REPO / "gmpgraph" / "cli"
    modules = {p.stem for p in package.glob("*.py")} - {"__init__"}
    assert {"common", "files", "query", "gaps", "serve", "maps", "database"} <= modules
    for module in modules:
        tree = ast.parse((package / f"{module}.py").read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert {m for m in imported if m.startswith("gmpgraph.cli")} <= {"gmpgraph.cli.common"}, module
    assert not any((REPO / "gmpgraph" / old).exists() for old in ("cli.py", "query_cli.py", "db_cli.py",
                                                                  "map_cli.py"))
