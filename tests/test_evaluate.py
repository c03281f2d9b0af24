"""`gmpgraph eval` scores exactly as the shared evaluator does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import EVALUATOR, GOLD, gmpgraph_command


def test_same_numbers_as_the_shared_evaluator(corpus_graph: Path) -> None:
    shared = subprocess.run([sys.executable, str(EVALUATOR), str(corpus_graph), str(GOLD), "--json"],
                            capture_output=True, text=True, check=True, timeout=120)
    ours = subprocess.run([*gmpgraph_command(), "eval", str(corpus_graph), str(GOLD), "--json"],
                          capture_output=True, text=True, check=True, timeout=120)
    assert json.loads(ours.stdout) == json.loads(shared.stdout)
    table = subprocess.run([*gmpgraph_command(), "eval", str(corpus_graph), str(GOLD), "--show-errors", "3"],
                           capture_output=True, text=True, check=True, timeout=120).stdout
    shared_table = subprocess.run([sys.executable, str(EVALUATOR), str(corpus_graph), str(GOLD), "--show-errors",
                                   "3"], capture_output=True, text=True, check=True, timeout=120).stdout
    assert table.strip() == shared_table.strip()


def test_missing_gold_is_a_usage_error(corpus_graph: Path, tmp_path: Path) -> None:
    proc = subprocess.run([*gmpgraph_command(), "eval", str(corpus_graph), str(tmp_path / "nope")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr
