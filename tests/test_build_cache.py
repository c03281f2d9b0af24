"""Incremental builds (issue 32): each document's extraction remembered by its bytes, its name and the
extractor's fingerprint; a rebuild gives the graph an uncached build gives, a changed file is read again, a
removed file's facts leave the graph, another extractor (the rules alone) never reads the cache of this one,
and a damaged entry is only a miss. Real builds of the five reports in processes."""

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
    for entry in entries:  # a damaged entry is a miss, not an error
        entry.write_text("{not json")
    assert build(reports, tmp_path / "d.json", cache) == first


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
