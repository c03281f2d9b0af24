"""Incremental builds (issue 32): each document's extraction remembered by its bytes, its name and the
extractor's fingerprint; a rebuild gives the graph an uncached build gives, a changed file is read again, a
removed file's facts leave the graph, another extractor (the rules alone) never reads the cache of this one,
and a damaged entry is only a miss. Real builds of the five reports in processes; and, in this process, an
extraction merged as the entry holds it (its JSON dumps) gives the store its models give."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CORPUS, gmpgraph_command


def build(folder: Path, out: Path, cache: Path, **env: str) -> dict:
    proc = subprocess.run([*gmpgraph_command(), "build", str(folder), "-o", str(out), "--quiet"], capture_output=True,
                          text=True, timeout=600, env={**os.environ, "GMPGRAPH_CACHE_DIR": str(cache), **env})
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    data["graph"].pop("built_at", None)
    return data


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    shutil.copytree(CORPUS, folder)
    return folder


def test_a_cached_rebuild_is_the_uncached_graph(reports: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build(reports, tmp_path / "a.json", cache)
    entries = list((cache / "extractions").rglob("*.json"))
    assert len(entries) == 5  # one per report
    assert build(reports, tmp_path / "b.json", cache) == first
    assert build(reports, tmp_path / "c.json", cache, GMPGRAPH_EXTRACTION_CACHE="0") == first
    entry = json.loads(entries[0].read_text(encoding="utf-8"))  # the extraction as the store merges it
    assert set(entry) == {"document", "nodes", "edges"} and entry["document"]["type"] == "Document"
    assert all({"id", "type", "name"} <= set(node) for node in entry["nodes"])
    for entry in entries:  # a damaged entry is a miss, not an error
        entry.write_text("{not json")
    assert build(reports, tmp_path / "d.json", cache) == first
    for i, entry in enumerate(entries):  # so is JSON that is no extraction
        entry.write_text(['{}', '[]', '{"document": {}, "nodes": [], "edges": []}', '{"document": {"id": "doc:x"}, '
                          '"nodes": [{"id": "org:x"}], "edges": []}', 'null'][i])
    assert build(reports, tmp_path / "e.json", cache) == first


def test_a_changed_file_is_read_again_and_a_removed_one_leaves(reports: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(reports, tmp_path / "a.json", cache)
    changed = reports / "waste-area-meeting-slides.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe Zyxwv Foundation funded the slides.\n",
                       encoding="utf-8")
    graph = build(reports, tmp_path / "b.json", cache)
    assert any("Zyxwv Foundation" in n["name"] for n in graph["nodes"])
    (reports / "inc7-interim-secretariat-progress-2015.txt").unlink()
    graph = build(reports, tmp_path / "c.json", cache)
    assert not any(n["id"] == "doc:inc7-interim-secretariat-progress-2015.txt" for n in graph["nodes"])
    assert not any(p["document"].startswith("inc7") for n in graph["nodes"] for p in n.get("provenance", []))
    assert build(reports, tmp_path / "d.json", cache, GMPGRAPH_EXTRACTION_CACHE="0") == graph


def test_another_extractor_never_reads_this_ones_cache(reports: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    learned = build(reports, tmp_path / "a.json", cache)
    rules = build(reports, tmp_path / "b.json", cache, GMPGRAPH_RULES_ONLY="1")
    assert rules != learned and rules["graph"]["model"]["name"] == "rules"
    assert rules == build(reports, tmp_path / "c.json", cache, GMPGRAPH_RULES_ONLY="1", GMPGRAPH_EXTRACTION_CACHE="0")
    assert len(list((cache / "extractions").iterdir())) == 2  # one folder per extractor fingerprint


def test_an_extraction_merged_from_its_entry_gives_the_store_its_models_give() -> None:
    import orjson

    from gmpgraph.build import merge_extraction
    from gmpgraph.extraction_cache import as_data
    from gmpgraph.infer import add_mandate_supports
    from gmpgraph.resolve import resolve_entities
    from gmpgraph.store import GraphStore
    from loaders.extract import extract_document
    from loaders.readers import read_document

    from_models, from_entries = GraphStore(), GraphStore()
    for path in sorted(CORPUS.iterdir()):
        doc, digest = read_document(path)
        extraction = extract_document(doc, sha256=digest)
        merge_extraction(from_models, extraction)
        merge_extraction(from_entries, orjson.loads(orjson.dumps(as_data(extraction))))  # written, read back
    for store in (from_models, from_entries):
        resolve_entities(store)
        add_mandate_supports(store)
    assert list(from_models.nx.nodes(data=True)) == list(from_entries.nx.nodes(data=True))
    assert list(from_models.nx.edges(keys=True, data=True)) == list(from_entries.nx.edges(keys=True, data=True))
