"""Build a graph from documents: find the files, extract each, merge into one store.

One broken file never stops the rest: its error is recorded and the build goes on.

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Viet Nam reported on Article 11.")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> store, report = build_graph([folder])
>>> sorted(n.id for n in store.nodes() if n.type != "Document")
['article:11', 'country:VNM']
>>> [(f.file, f.error) for f in report.failed]
[('b.txt', 'b.txt: empty file')]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel, Field

from gmpgraph.infer import add_mandate_supports
from gmpgraph.resolve import resolve_entities
from gmpgraph.store import GraphStore
from loaders.extract import extract_document
from loaders.readers import read_document
from loaders.text import DEFAULT_MAX_BYTES, ReadError
from schema import Extraction, node_id


class FileResult(BaseModel):
    """What happened to one input file."""

    path: str
    file: str
    ok: bool
    document_id: str | None = None
    error: str | None = None
    nodes: int = 0
    edges: int = 0


class BuildReport(BaseModel):
    """The outcome of a build: one result per file, and the graph's counts."""

    files: list[FileResult] = Field(default_factory=list)
    counts: dict[str, dict[str, int]] = Field(default_factory=dict)
    merged: int = Field(default=0, description="Nodes merged into another by cross-document resolution.")

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if not f.ok]

    @property
    def built(self) -> list[FileResult]:
        return [f for f in self.files if f.ok]


class InputError(Exception):
    """A path given to the build that does not exist or holds no files."""


def discover(paths: Iterable[Path]) -> list[Path]:
    """The files under ``paths`` in a stable order: files as given, folders walked recursively.

    Hidden files and folders (names starting with '.') are skipped, and symbolic links to
    folders are not followed, so a link loop cannot trap the walk.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
        elif path.exists():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def build_graph(paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES,
                on_file: Callable[[FileResult], None] | None = None) -> tuple[GraphStore, BuildReport]:
    """Extract every file under ``paths`` and merge the results into a new store.

    ``on_file`` is called after each file (for progress display).
    """
    store = GraphStore()
    report = BuildReport()
    seen_hashes: dict[str, str] = {}
    for path in discover(paths):
        result = _build_one(store, path, max_bytes, seen_hashes)
        report.files.append(result)
        if on_file:
            on_file(result)
    report.merged = resolve_entities(store)
    add_mandate_supports(store)
    report.counts = store.counts()
    return store, report


def _build_one(store: GraphStore, path: Path, max_bytes: int, seen_hashes: dict[str, str]) -> FileResult:
    try:
        doc, digest = read_document(path, max_bytes=max_bytes)
    except ReadError as exc:
        return FileResult(path=str(path), file=path.name, ok=False, error=str(exc))
    if digest in seen_hashes:
        return FileResult(path=str(path), file=path.name, ok=False,
                          error=f"{path.name}: same content as {seen_hashes[digest]}, skipped as a duplicate")
    seen_hashes[digest] = path.name
    doc.meta.file = _unique_name(store, path.name)
    extraction = extract_document(doc, sha256=digest)
    merge_extraction(store, extraction)
    return FileResult(path=str(path), file=path.name, ok=True, document_id=extraction.document.id,
                      nodes=len(extraction.nodes), edges=len(extraction.edges))


def _unique_name(store: GraphStore, name: str) -> str:
    """A document name not yet used in ``store`` (two different files may share a name)."""
    candidate, n = name, 1
    while node_id("Document", candidate) in store:
        n += 1
        candidate = f"{name}~{n}"
    return candidate


def merge_extraction(store: GraphStore, extraction: Extraction) -> None:
    """Add one document's nodes and edges to ``store`` (nodes first, then edges)."""
    store.add_node(extraction.document)
    for node in extraction.nodes:
        store.add_node(node)
    for edge in extraction.edges:
        store.add_edge(edge)
