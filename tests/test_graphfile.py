"""Saving and loading node-link JSON: round trip, the export shape, atomic writes, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gmpgraph.graphfile as graphfile
from gmpgraph import GraphFileError, GraphStore, load_graph, save_graph
from schema import Area, Article, CollaboratesWith, Funds, Organization, Project, Provenance, Supports


def sample_store() -> GraphStore:
    p = Provenance(document="r.txt", locator="para 3", quote="Norway granted 850,000 US$", start=4, end=30,
                   section="Ⅲ. Highlights — ASGM")
    store = GraphStore()
    store.add_node(Organization(id="org:government-of-norway", name="Government of Norway", kind="government",
                                aliases=["Norway"], provenance=[p]))
    store.add_node(Project(id="project:planetgold", name="planetGOLD", provenance=[p]))
    store.add_node(Area(id="area:asgm", key="asgm", name="Artisanal and small-scale gold mining"))
    store.add_node(Area(id="area:waste", key="waste", name="Mercury waste management"))
    store.add_node(Article(id="article:7", key="7", name="Article 7"))
    store.add_edge(Funds(source="org:government-of-norway", target="project:planetgold", amount=850000,
                         currency="USD", provenance=[p]))
    store.add_edge(Supports(source="area:asgm", target="article:7", basis="area-mandate"))
    store.add_edge(CollaboratesWith(source="area:waste", target="area:asgm"))
    return store


def test_round_trip_keeps_every_node_edge_and_property(tmp_path: Path) -> None:
    store = sample_store()
    path = tmp_path / "g.json"
    save_graph(store, path, {"built_at": "2026-11-23"})
    loaded = load_graph(path)
    assert [n.model_dump() for n in loaded.nodes()] == [n.model_dump() for n in store.nodes()]
    assert [e.model_dump() for e in loaded.edges()] == [e.model_dump() for e in store.edges()]
    assert loaded.nx.graph["built_at"] == "2026-11-23"
    save_graph(loaded, tmp_path / "again.json", {"built_at": "2026-11-23"})
    assert (tmp_path / "again.json").read_text() == path.read_text()  # stable output


def test_file_has_the_ontology_export_shape(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    save_graph(sample_store(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= {"nodes", "edges", "directed", "multigraph", "graph"}
    article = next(n for n in data["nodes"] if n["id"] == "article:7")
    assert article["type"] == "Article" and article["key"] == "7" and article["name"] == "Article 7"
    assert article["aliases"] == []
    funds = next(e for e in data["edges"] if e["type"] == "FUNDS")
    assert funds["source"] == "org:government-of-norway" and funds["target"] == "project:planetgold"
    assert funds["amount"] == 850000 and funds["currency"] == "USD"
    assert funds["provenance"][0]["locator"] == "para 3"
    mandate = next(e for e in data["edges"] if e["type"] == "SUPPORTS")
    assert mandate["basis"] == "area-mandate"


def test_a_failed_save_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.json"
    save_graph(sample_store(), path)
    before = path.read_bytes()

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(graphfile.os, "replace", crash)
    bigger = sample_store()
    bigger.add_node(Article(id="article:8", key="8", name="Article 8"))
    with pytest.raises(OSError, match="disk full"):
        save_graph(bigger, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]  # no temporary file left behind


@pytest.mark.parametrize("content, message", [
    ("{not json", "not JSON"),
    ("[1, 2]", "not a node-link graph"),
    ('{"nodes": [{"id": "article:99", "type": "Article", "key": "99", "name": "Article 99"}], "edges": []}',
     "not an article of the Minamata Convention"),
    ('{"nodes": [{"id": "country:XX", "type": "Country", "key": "XX", "name": "X"}], "edges": []}',
     "ISO 3166-1 alpha-3"),
    ('{"nodes": [{"id": "area:asgm", "type": "Area", "key": "asgm", "name": "ASGM"}], '
     '"edges": [{"type": "LEADS", "source": "org:x", "target": "area:asgm"}]}', "unknown node 'org:x'"),
    ('{"nodes": [{"id": "area:asgm", "type": "Area", "key": "asgm", "name": "ASGM"}, '
     '{"id": "area:asgm", "type": "Area", "key": "asgm", "name": "ASGM"}], "edges": []}', "duplicate id"),
])
def test_corrupted_or_hand_edited_files_are_refused_whole(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFileError, match=message) as info:
        load_graph(path)
    assert "bad.json" in str(info.value)


def test_missing_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError, match="gmpgraph build"):
        load_graph(tmp_path / "nope.json")


def test_links_key_is_read_too(tmp_path: Path) -> None:
    data = {"nodes": [{"id": "area:asgm", "type": "Area", "key": "asgm", "name": "ASGM"},
                      {"id": "article:7", "type": "Article", "key": "7", "name": "Article 7"}],
            "links": [{"type": "SUPPORTS", "source": "area:asgm", "target": "article:7"}]}
    path = tmp_path / "links.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert [e.type for e in load_graph(path).edges()] == ["SUPPORTS"]


SAVER = """
import sys
from pathlib import Path
from gmpgraph.graphfile import load_graph, save_graph
sys.path.insert(0, sys.argv[3])
from synthetic import scaled_graph
big = scaled_graph(load_graph(Path(sys.argv[1])), copies=int(sys.argv[4]))
print("ready", flush=True)
while True:
    save_graph(big, Path(sys.argv[2]))
"""


def test_killing_the_process_mid_save_leaves_a_whole_file(corpus_graph: Path, tmp_path: Path) -> None:
    """SIGKILL a process that saves a large graph over and over: at every kill the file is either the
    old graph or the new one, complete and valid, never a part of one."""
    import random
    import signal
    import subprocess
    import sys
    import time

    from gmpgraph.graphfile import load_graph as load

    path = tmp_path / "graph.json"
    path.write_bytes(corpus_graph.read_bytes())
    old_nodes = len(load(path))
    benchmarks = Path(__file__).resolve().parent.parent / "benchmarks"
    sys.path.insert(0, str(benchmarks))
    try:
        from synthetic import scaled_graph
    finally:
        sys.path.remove(str(benchmarks))
    new_nodes = len(scaled_graph(load(corpus_graph), copies=8))
    rng = random.Random(5)
    seen = set()
    for attempt in range(6):
        proc = subprocess.Popen([sys.executable, "-c", SAVER, str(corpus_graph), str(path), str(benchmarks), "8"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        if attempt % 2:
            time.sleep(rng.uniform(0.3, 0.9))  # anywhere in the loop (after a first save): serialising, writing, replacing
        else:  # the moment a save's temporary file exists: mid-save, before it replaces graph.json
            deadline = time.monotonic() + 30
            while not list(tmp_path.glob(".graph.json.*.tmp")) and time.monotonic() < deadline:
                time.sleep(0.0005)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        nodes = len(load(path))  # raises GraphFileError if the file were torn
        assert nodes in (old_nodes, new_nodes)
        seen.add(nodes)
    assert new_nodes in seen  # some kill came after a completed save: the new graph is there, whole
    # and kills did land mid-save: what they cut short is a temporary file, never graph.json
    assert list(tmp_path.glob(".graph.json.*.tmp"))
