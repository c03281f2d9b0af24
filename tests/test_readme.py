"""The README's examples run: every ``gmpgraph`` command in its bash blocks that needs no server and no
other files runs against the corpus graph and exits 0, and every ``kind:slug`` id it names is in the graph.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from gmpgraph import load_graph
from tests.conftest import REPO, SHARED, gmpgraph_command

README = REPO / "README.md"
#: commands that run on the corpus graph alone (the others need a server, a database or files of your own)
RUNNABLE = {"info", "schema", "eval", "query", "gaps", "map", "cypher", "export"}
ID = re.compile(r"`/?(?:entities/)?((?:org|project|area|article|country|person|event|publication|doc):[\w.-]+)")


def readme_commands() -> list[list[str]]:
    """The ``gmpgraph ...`` lines of the README's bash blocks that RUNNABLE covers, as argument lists."""
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL):
        for line in block.splitlines():
            if not line.startswith("gmpgraph "):
                continue
            words = list(shlex.shlex(line, posix=True, punctuation_chars=True))  # '#' starts a comment
            if any(set(w) <= set("();<>|&") or "$" in w for w in words):  # pipes, redirections, $(…)
                continue
            args = words[1:]
            if args[0] in RUNNABLE and "--neo4j" not in args:
                commands.append([str(SHARED) + a[len("../shared"):] if a.startswith("../shared") else a
                                 for a in args])
    return commands


def test_the_readme_shows_commands_of_every_kind() -> None:
    kinds = {args[0] for args in readme_commands()}
    assert kinds == RUNNABLE, RUNNABLE - kinds
    assert len(readme_commands()) >= 30


@pytest.mark.parametrize("args", readme_commands(), ids=" ".join)
def test_readme_example_runs(args: list[str], corpus_graph: Path, tmp_path: Path) -> None:
    shutil.copy(corpus_graph, tmp_path / "graph.json")
    done = subprocess.run([*gmpgraph_command(), *args], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "100", "GMPGRAPH_GRAPH": "graph.json"})
    assert done.returncode == 0, (done.stdout[-2000:], done.stderr[-2000:])
    assert done.stdout.strip(), done.stderr[-2000:]


def test_every_id_the_readme_names_is_in_the_corpus_graph(corpus_graph: Path) -> None:
    named = set(ID.findall(README.read_text(encoding="utf-8")))
    assert len(named) >= 4
    store = load_graph(corpus_graph)
    assert sorted(i for i in named if i not in store.nx) == []
