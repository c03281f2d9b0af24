"""The gmpgraph command line, end to end, as a user runs it (a real process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EVALUATOR, GOLD, gmpgraph_command


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([*gmpgraph_command(), *args], capture_output=True, text=True, cwd=cwd, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def evaluate(graph: Path) -> dict:
    proc = subprocess.run([sys.executable, str(EVALUATOR), str(graph), str(GOLD), "--json"],
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(proc.stdout)


def test_corpus_build_scores_the_gazetteer_types_against_gold(corpus_graph: Path) -> None:
    result = evaluate(corpus_graph)
    for etype in ("Area", "Article", "Country"):
        assert result["entities"][etype]["f1"] >= 0.95, (etype, result["entities"][etype])
    assert result["provenance_coverage"] == 1.0


def test_every_node_links_to_its_source_document(corpus_graph: Path) -> None:
    data = json.loads(corpus_graph.read_text(encoding="utf-8"))
    documents = {n["id"] for n in data["nodes"] if n["type"] == "Document"}
    assert len(documents) == 5
    linked = {e["source"] for e in data["edges"] if e["type"] == "MENTIONED_IN" and e["target"] in documents}
    entities = {n["id"] for n in data["nodes"] if n["type"] != "Document"}
    assert entities and entities == linked


def test_build_reports_broken_files_and_builds_the_rest(copy_corpus: Path, tmp_path: Path) -> None:
    (copy_corpus / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (copy_corpus / "empty.txt").write_bytes(b"")
    (copy_corpus / "latin1.txt").write_bytes("Rapport de la Côte d'Ivoire".encode("latin-1"))
    out = tmp_path / "g.json"
    proc = run("build", str(copy_corpus), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "binary.bin" in proc.stderr and "binary file" in proc.stderr
    assert "empty.txt" in proc.stderr and "empty file" in proc.stderr
    assert "latin1.txt" in proc.stderr and "not UTF-8" in proc.stderr
    assert "Built 5 of 8 files" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len([n for n in data["nodes"] if n["type"] == "Document"]) == 5
    assert {f["file"].rsplit("/", 1)[-1] for f in data["graph"]["failed"]} == {"binary.bin", "empty.txt",
                                                                                "latin1.txt"}
    result = evaluate(out)  # the broken files cost the real documents nothing
    assert result["entities"]["Country"]["f1"] >= 0.95

    strict = run("build", str(copy_corpus), "-o", str(out), "--strict", "--quiet")
    assert strict.returncode == 3


def test_build_json_summary_for_scripts(corpus: Path, tmp_path: Path) -> None:
    proc = run("build", str(corpus), "-o", str(tmp_path / "g.json"), "--json")
    assert proc.returncode == 0
    summary = json.loads(proc.stdout)
    assert summary["failed"] == 0 and len(summary["files"]) == 5
    assert summary["counts"]["nodes"]["Area"] == 8 and summary["counts"]["nodes"]["Article"] >= 12


def test_default_output_path_is_where_info_looks(corpus: Path, tmp_path: Path) -> None:
    assert run("build", str(corpus / "pag6-meeting-report-2014.txt"), "-q", cwd=tmp_path).returncode == 0
    assert (tmp_path / "graph.json").is_file()
    proc = run("info", "--json", cwd=tmp_path)
    assert proc.returncode == 0
    info = json.loads(proc.stdout)
    assert [d["file"] for d in info["documents"]] == ["pag6-meeting-report-2014.txt"]
    assert info["nodes"]["Article"] == 7


def test_info_prints_a_readable_summary(corpus_graph: Path) -> None:
    proc = run("info", "--graph", str(corpus_graph))
    assert proc.returncode == 0
    assert "5 documents" in proc.stdout and "Country" in proc.stdout and "MENTIONED_IN" in proc.stdout


@pytest.mark.parametrize("args, code, message", [
    (("build", "no/such/folder"), 2, "no such file or folder"),
    (("info", "--graph", "no/such/graph.json"), 1, "no such graph file"),
    (("schema", "planet"), 2, "unknown schema"),
])
def test_errors_are_clear_and_exit_non_zero(tmp_path: Path, args: tuple[str, ...], code: int,
                                            message: str) -> None:
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == code
    assert message in proc.stderr


def test_a_folder_of_only_broken_files_builds_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    proc = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "g.json"))
    assert proc.returncode == 1
    assert "no document could be read" in proc.stderr
    assert not (tmp_path / "g.json").exists()


def test_schema_prints_json_schema() -> None:
    proc = run("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert "Provenance" in schema["$defs"] and "Country" in schema["$defs"]
    node = json.loads(run("schema", "node").stdout)
    assert "oneOf" in node or "anyOf" in node


def test_read_shows_the_block_tree_with_locators(corpus: Path) -> None:
    proc = run("read", str(corpus / "pag12-activities-report-2022.txt"))
    assert proc.returncode == 0
    assert "§IV.3 b) bullet 4" in proc.stdout and "footnote 1" in proc.stdout
    assert "date: 2022-03-10" in proc.stdout
    data = json.loads(run("read", str(corpus / "overall-progress-2010-2012.txt"), "--json").stdout)
    assert data["meta"]["period_start"] == "2010-07-01"
    assert "table 2" in json.dumps(data)
    bad = run("read", str(corpus.parent / "eval" / "gmp_eval.py.missing"))
    assert bad.returncode == 1 and "cannot read file" in bad.stderr


@pytest.mark.parametrize("command", [(), ("build",), ("info",), ("schema",), ("read",)])
def test_help_teaches_every_command(command: tuple[str, ...]) -> None:
    proc = run(*command, "--help")
    assert proc.returncode == 0
    assert "Usage" in proc.stdout
    if command:
        assert "Example" in proc.stdout


def test_eval_rules_miss_without_cv_is_a_usage_error_that_teaches() -> None:
    proc = run("eval", "--rules-miss", "30")
    assert proc.returncode == 2
    assert "--rules-miss goes with --cv K" in proc.stderr
    shown = run("eval", "--help").stdout
    assert "--rules-miss" in shown and "PCT%%" not in shown
