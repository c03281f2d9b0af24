"""Review (issue 31): a researcher's decisions kept in a review file beside the graph, applied on every build,
reflected in the answers with their ``reviewed`` marks, reported when their target is gone, and exported as
gold. The real CLI in processes on the five reports, the app in-process, the real evaluator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from gmpgraph import load_graph
from gmpgraph.graphfile import graph_to_json
from gmpgraph.learn.texts import TextSet, annotated_texts
from gmpgraph.store import GraphStore
from tests.conftest import CORPUS, SHARED, gmpgraph_command

CANADA_IMPACT = ["FUNDS", "Global Affairs Canada", "org:impact"]  # a funder of other IMPACT work, not of IMPACT
UNDP_QUOTE = "UNDP is carrying out the projects in Colombia, Indonesia, Kenya, and Peru"


def run(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([*gmpgraph_command(), *args], cwd=folder, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "100"})
    assert "Traceback" not in proc.stderr, proc.stderr
    if check:
        assert proc.returncode == 0, (proc.stdout[-2000:], proc.stderr[-2000:])
    return proc


def _without_build_time(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["graph"].pop("built_at", None)
    return data


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> Path:
    """The corpus built, then reviewed from the terminal: a false edge rejected, one body merged, an edge added
    (and one refused), then built again from the reports with the review file beside the graph."""
    folder = tmp_path_factory.mktemp("review")
    run(folder, "build", str(CORPUS), "-o", "graph.json", "--quiet")
    store = load_graph(folder / "graph.json")
    assert store.nx.has_edge("org:global-affairs-canada", "org:impact", "FUNDS")
    assert not store.nx.has_edge("org:united-nations-development-programme", "project:planetgold-indonesia",
                                 "IMPLEMENTS")
    by = ["--by", "A. Researcher"]
    run(folder, "review", "reject", *CANADA_IMPACT, *by, "--why", "pag12: Global Affairs Canada funds IMPACT's "
                                                                 "projects and its toolkit, not IMPACT")
    run(folder, "review", "merge", "International Centre for Sustainable Carbon", "IEA Clean Coal Centre", *by,
        "--why", "ICSC, formerly IEACCC")
    run(folder, "review", "add", "IMPLEMENTS", "UNDP", "planetGOLD Indonesia", "--document",
        "pag12-activities-report-2022.txt", "--quote", UNDP_QUOTE, *by, "--why", "pag12 §IV.1")
    refused = run(folder, "review", "add", "IMPLEMENTS", "UNEP", "planetGOLD Indonesia", "--document",
                  "pag12-activities-report-2022.txt", "--quote", "UNEP carries out planetGOLD Indonesia alone", *by,
                  check=False)
    assert refused.returncode == 2 and "quote is not in pag12-activities-report-2022.txt" in refused.stderr
    assert len((folder / "reviews.jsonl").read_text().splitlines()) == 3  # a refused decision is not kept
    rebuilt = run(folder, "build", str(CORPUS), "-o", "graph.json")
    assert "applied 3 of 3 review decision(s)" in " ".join(rebuilt.stderr.split())
    return folder


def test_the_decisions_hold_after_a_rebuild(reviewed: Path) -> None:
    store = load_graph(reviewed / "graph.json")
    assert not store.nx.has_edge("org:global-affairs-canada", "org:impact", "FUNDS")
    coal = [n for n in store.nodes("Organization") if "Clean Coal" in " ".join((n.name, *n.aliases))]
    assert len(coal) == 1 and coal[0].reviewed == "corrected" and "IEA Clean Coal Centre" in coal[0].aliases
    added = store.edge("org:united-nations-development-programme", "project:planetgold-indonesia", "IMPLEMENTS")
    assert added.reviewed == "added" and added.provenance[0].quote.replace("\n", " ") == UNDP_QUOTE


def test_the_answers_show_what_was_reviewed(reviewed: Path) -> None:
    roles = json.loads(run(reviewed, "query", "org", "UNDP", "--json").stdout)
    marks = {link["node"]["id"]: link["edge"].get("reviewed") for link in roles["implements"]}
    assert marks["project:planetgold-indonesia"] == "added"
    funded = json.loads(run(reviewed, "query", "org", "Global Affairs Canada", "--json").stdout)
    assert "org:impact" not in {link["node"]["id"] for link in funded["funds"]}
    leads = json.loads(run(reviewed, "query", "leads", "coal", "--json").stdout)
    assert len([lead for lead in leads["leads"] if "Clean Coal" in " ".join(lead["organization"]["aliases"])
                or "Carbon" in lead["organization"]["name"]]) == 1
    client = TestClient(create_app(load_graph(reviewed / "graph.json"), warm=False))
    api = client.get("/organizations/UNDP/funding").json()
    assert {link["node"]["id"]: link["edge"].get("reviewed") for link in api["implements"]}[
        "project:planetgold-indonesia"] == "added"
    stats = client.get("/stats").json()
    assert stats["reviewed"]["IMPLEMENTS"]["reviewed"] >= 1
    assert stats["reviewed"]["IMPLEMENTS"]["total"] >= stats["reviewed"]["IMPLEMENTS"]["reviewed"]
    info = run(reviewed, "info").stdout
    assert "reviewed: " in info and "IMPLEMENTS 1 of" in " ".join(info.split())
    rejected = json.loads(run(reviewed, "review", "list", "--rejected", "--json").stdout)
    assert [d["edge"]["source"] for d in rejected] == ["org:global-affairs-canada"]


def test_a_second_rebuild_changes_nothing(reviewed: Path) -> None:
    before = _without_build_time(reviewed / "graph.json")
    run(reviewed, "build", str(CORPUS), "-o", "graph.json", "--quiet")
    assert _without_build_time(reviewed / "graph.json") == before


def test_a_decision_whose_target_is_gone_is_reported(reviewed: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.jsonl"
    reviews.write_text((reviewed / "reviews.jsonl").read_text() + json.dumps({
        "action": "accept", "by": "A. Researcher", "why": "read by an older extractor",
        "edge": {"type": "FUNDS", "source": "org:government-of-switzerland", "target": "event:inc-7"}}) + "\n")
    proc = run(reviewed, "build", str(CORPUS), "-o", str(tmp_path / "g.json"), "--reviews", str(reviews))
    said = " ".join(proc.stderr.split())
    assert "applied 3 of 4" in said and "review decision not applied: accept FUNDS org:government-of-switzerland" \
        in said and "no edge" in said
    check = run(reviewed, "review", "check", "--graph", str(tmp_path / "g.json"), "--reviews", str(reviews),
                check=False)
    assert check.returncode == 1 and "1 without their target" in check.stdout


def test_a_broken_review_file_stops_the_build_with_its_line(reviewed: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.jsonl"
    reviews.write_text('{"action": "reject", "by": "x"}\n')
    proc = run(reviewed, "build", str(CORPUS), "-o", str(tmp_path / "g.json"), "--reviews", str(reviews),
               check=False)
    assert proc.returncode == 1 and "line 1" in proc.stderr and not (tmp_path / "g.json").exists()


def test_reviews_become_gold_that_scores_itself_and_trains(reviewed: Path, tmp_path: Path) -> None:
    run(reviewed, "review", "accept", "LEADS", "UNIDO", "chlor-alkali", "--by", "A. Researcher")
    out = tmp_path / "annotated"
    run(reviewed, "review", "export-gold", str(out))
    gold = json.loads((out / "gold" / "pag12-activities-report-2022.json").read_text())
    assert {r["type"] for r in gold["relations"]} >= {"IMPLEMENTS", "LEADS"}
    assert gold["negatives"] == [{"type": "FUNDS", "head": "Global Affairs Canada", "tail": "IMPACT"}]
    store = load_graph(reviewed / "graph.json")  # the reviewed facts alone, as a graph
    facts = GraphStore()
    for edge in store.edges():
        if edge.reviewed and edge.type != "MENTIONED_IN":
            for end in (edge.source, edge.target):
                if end not in facts:
                    facts.add_node(store.node(end))
            facts.add_edge(edge)
    (tmp_path / "facts.json").write_text(json.dumps(graph_to_json(facts)))
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "gmp_eval.py"), str(tmp_path / "facts.json"),
                             str(out / "gold"), "--json"], capture_output=True, text=True, check=True)
    result = json.loads(scored.stdout)
    assert result["relations_micro"]["f1"] == 1.0 and result["entities_micro"]["f1"] == 1.0
    texts = annotated_texts([TextSet("ours", out / "texts", out / "gold")])
    assert len(texts) == 1 and texts[0].relations and texts[0].doc.text
