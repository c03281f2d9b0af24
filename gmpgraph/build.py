"""Build a graph from documents: find the files, extract each, merge into one store.

One broken file never stops the rest: its error is recorded and the build goes on.

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Viet Nam reported on Article 11.")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> store, report = build_graph([folder])
>>> sorted(n.id for n in store.nodes() if n.type != "Document")
['article:11', 'country:VNM', 'org:government-of-viet-nam']
>>> [(f.file, f.error) for f in report.failed]
[('b.txt', 'b.txt: empty file')]
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from pydantic import BaseModel, Field

from gmpgraph.extraction_cache import (ExtractionData, as_data, cached_extraction, is_cached, remember_extraction,
                                       enabled as extraction_cache_enabled)
from gmpgraph.infer import add_mandate_supports
from gmpgraph.resolve import resolve_entities
from gmpgraph.store import GraphStore
from loaders import model_process
from loaders.gazetteers.countries import find_countries
from loaders.text import DEFAULT_MAX_BYTES, ReadError, read_bytes
from schema import Extraction


__all__ = ["BuildReport", "FileResult", "InputError", "ReadError", "add_document", "build_graph", "discover",
           "extract_path", "merge_extraction", "unique_names", "worker_count"]


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


#: how many cached extractions are read ahead, while a file before them is extracted (memory for as many)
READ_AHEAD = 64
NOT_DOCUMENTS = (".json", ".jsonl", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".zip", ".gz", ".tgz")


def discover(paths: Iterable[Path]) -> list[Path]:
    """The files under ``paths`` in a stable order: files as given, folders walked recursively.

    Hidden files and folders (names starting with '.') are skipped, and symbolic links to
    folders are not followed, so a link loop cannot trap the walk. In a folder, data files that are no
    document (JSON: a manifest, a graph written there, its reviews; pictures; archives) are left out; named
    on their own they are read like any file.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in sorted(files)
                             if not f.startswith(".") and not f.lower().endswith(NOT_DOCUMENTS))
        elif path.exists() or path.is_symlink():  # a dangling link is reported when it is read
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def build_graph(paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES,
                on_file: Callable[[FileResult], None] | None = None,
                workers: int | None = None) -> tuple[GraphStore, BuildReport]:
    """Extract every file under ``paths`` and merge the results into a new store.

    Files are extracted in ``workers`` processes (default: one per CPU, never more than there
    are files to extract) and merged in the order :func:`discover` gives, so the graph is the same
    whatever the number of workers. A file the extraction cache holds is read from it in this process
    while the others are extracted. ``on_file`` is called after each file is merged (for
    progress display). Two files with the same name get ``name``, ``name~2``, ... in that order.
    """
    files = discover(paths)
    names = unique_names(files)
    store = GraphStore()
    report = BuildReport()
    seen_hashes: dict[str, str] = {}
    for path, outcome in _extractions(files, names, max_bytes, workers):
        result = _merge_one(store, path, outcome, seen_hashes)
        report.files.append(result)
        if on_file:
            on_file(result)
    report.merged = resolve_entities(store)
    add_mandate_supports(store)
    report.counts = store.counts()
    return store, report


Outcome = tuple[ExtractionData, str] | str  # (extraction as the store merges it, sha256) or why the file failed


def extract_path(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """Read and extract one file as document ``name`` (or take its extraction from the extraction cache, where
    the same extractor read the same bytes under the same name before: :mod:`gmpgraph.extraction_cache`), as
    the store merges it (:func:`gmpgraph.extraction_cache.as_data`); a failure comes back as its reason, never
    raised.

    >>> extract_path(Path("/no/such/file.txt"), "file.txt")
    'file.txt: cannot read file: No such file or directory'
    """
    try:
        _, digest = read_bytes(path, max_bytes)
        remembered = cached_extraction(digest, name)  # read before, by this very extractor
        if remembered is not None:
            return remembered, digest
        from loaders.extract import extract_document
        from loaders.readers import read_document

        doc, digest = read_document(path, max_bytes=max_bytes)
        doc.meta.file = name
        data = as_data(extract_document(doc, sha256=digest))
        remember_extraction(digest, name, data)
        return data, digest
    except ReadError as exc:
        return str(exc)
    except RecursionError:
        return f"{path.name}: too deeply nested to read"
    except Exception as exc:  # noqa: BLE001 - one broken file never stops the rest of a corpus
        return f"{path.name}: could not be extracted ({type(exc).__name__}: {exc})"


def worker_count(requested: int | None, files: list[Path]) -> int:
    """Processes to extract with: ``requested``, or one per usable CPU; never more than the files."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(requested or cpus, len(files)))


def _extractions(files: list[Path], names: dict[Path, str], max_bytes: int,
                 workers: int | None) -> Iterator[tuple[Path, Outcome]]:
    """Each file's outcome, in the order of ``files``. A copy of an earlier file (the same bytes) is reported as
    a duplicate without being extracted; a file the extraction cache holds is read from it here; the others
    are extracted by :func:`_extracted`, which starts on all of them at once (in ``workers`` processes, see
    :func:`worker_count`), so they are extracted while the cached ones are read: those before a file to extract
    in their turn, and up to :data:`READ_AHEAD` of those after it before its extraction is waited for."""
    # a rebuild after one file changed may need the statistical models for that file: they start loading
    # beside this process now (if the caller has not started them already), before the files are even hashed,
    # and are stopped at once if this is not that rebuild
    models_beside = _models_may_be_needed_beside(workers, files) and model_process.start() is not None
    digests = _digests(files, max_bytes)
    copies = _copies_of_earlier_files(files, digests)
    cached = {path for path in files if path not in copies and path in digests
              and is_cached(digests[path], names[path])}
    todo = [path for path in files if path not in copies and path not in cached]
    # one file to extract beside cached ones to read: in a worker all the same, if there is a CPU for it
    beside = bool(cached) and worker_count(workers, files) > 1
    if not (models_beside and todo and beside and worker_count(workers, todo) == 1):
        model_process.stop()  # (those started here or by the caller: no lone file for them to serve)
        models_beside = False
    extracted = _extracted(todo, names, max_bytes, worker_count(workers, todo), beside,
                           models_beside) if todo else iter(())
    in_order = [path for path in files if path in cached]
    read = 0  # in_order[:read] are read: merged, or waiting in ahead for their turn
    ahead: dict[Path, ExtractionData | None] = {}
    for path in files:
        if path in copies:
            yield path, f"{path.name}: same content as {copies[path].name}, skipped as a duplicate"
        elif path in cached:
            if path in ahead:
                data = ahead.pop(path)
            else:
                data, read = cached_extraction(digests[path], names[path]), read + 1
            yield path, (data, digests[path]) if data is not None else extract_path(path, names[path], max_bytes)
        else:
            # before waiting for this file's extraction, the cached files after it are read (merged in their turn)
            while read < len(in_order) and len(ahead) < READ_AHEAD:
                ahead[in_order[read]] = cached_extraction(digests[in_order[read]], names[in_order[read]])
                read += 1
            yield next(extracted)
    close = getattr(extracted, "close", None)
    if close is not None:
        close()  # the pool is shut down and its worker is gone before this returns


def _digests(files: list[Path], max_bytes: int) -> dict[Path, str]:
    """The SHA-256 of each file's bytes (a file that cannot be read is left out: its extraction says why)."""
    digests: dict[Path, str] = {}
    for path in files:
        try:
            digests[path] = read_bytes(path, max_bytes)[1]
        except (ReadError, OSError):
            continue
    return digests


def _copies_of_earlier_files(files: list[Path], digests: dict[Path, str]) -> dict[Path, Path]:
    """Each file whose bytes an earlier file of ``files`` has -> that first file."""
    first: dict[str, Path] = {}
    copies: dict[Path, Path] = {}
    for path in files:
        digest = digests.get(path)
        if digest is None:
            continue
        if digest in first:
            copies[path] = first[digest]
        else:
            first[digest] = path
    return copies


def _extracted(files: list[Path], names: dict[Path, str], max_bytes: int, workers: int,
               in_pool: bool = False, models_beside: bool = False) -> Iterator[tuple[Path, Outcome]]:
    """Each file's outcome, in the order of ``files``; extracted in a process pool when ``workers`` > 1 or
    ``in_pool`` (one worker then), which starts before this returns (the caller reads cached extractions
    meanwhile).

    The pool forks (workers inherit the loaded modules and compiled patterns). Files go to it in
    consecutive groups, two groups in flight, each group largest file first so the processes finish
    together; results are merged as their group completes, so memory holds two groups' extractions at
    most and merging keeps pace with extraction however many files there are. A process that runs threads (a server)
    extracts in its own process instead, since forking it could deadlock the child. ``models_beside``: the
    model processes started for a lone worker (:mod:`loaders.model_process`), ended when it is done.
    """
    # (a process that runs threads extracts in itself: forking it could deadlock the child)
    if (workers <= 1 and not in_pool) or threading.active_count() > 1:
        if models_beside:
            model_process.stop()
        return ((path, extract_path(path, names[path], max_bytes)) for path in files)
    import loaders.extract  # noqa: F401 - loaded once here, inherited by every forked worker

    find_countries("")  # the country patterns, built once here: every worker reads them, and so does resolution
    context = multiprocessing.get_context("fork")
    chunk = max(16, 8 * workers)
    groups = iter([files[i:i + chunk] for i in range(0, len(files), chunk)])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def submit(group: list[Path]) -> tuple[list[Path], dict[Path, Future[Outcome]]]:
        by_size = sorted(group, key=_size, reverse=True)
        return group, {path: pool.submit(extract_path, path, names[path], max_bytes) for path in by_size}

    in_flight = deque(submit(group) for group in islice(groups, 2))

    def results() -> Iterator[tuple[Path, Outcome]]:
        left = len(files)
        with pool, _stopping_models(models_beside):
            while in_flight:
                group, futures = in_flight.popleft()
                for path in group:
                    try:
                        outcome: Outcome = futures.pop(path).result()
                    except BrokenProcessPool:
                        outcome = f"{path.name}: the extracting process died (out of memory?)"
                    left -= 1
                    if models_beside and not left:  # the worker is done with the models
                        model_process.stop()
                    yield path, outcome
                following = next(groups, None)
                if following:
                    in_flight.append(submit(following))

    return results()


@contextmanager
def _stopping_models(started: bool) -> Iterator[None]:
    """Within the block, the model process started for the pool (if ``started``) runs; after it, it is ended
    (also when the block is left early)."""
    try:
        yield
    finally:
        if started:
            model_process.stop()


def _models_may_be_needed_beside(workers: int | None, files: list[Path]) -> bool:
    """Whether this build may extract one file in a lone worker beside cached ones (a rebuild with the extraction
    cache on and a CPU to spare), whose new sentences the models loaded beside it (:mod:`loaders.model_process`,
    where :func:`~loaders.model_process.wanted`) would read."""
    return (extraction_cache_enabled() and len(files) > 1 and worker_count(workers, files) > 1
            and model_process.wanted())


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def unique_names(files: list[Path], taken: Iterable[str] = ()) -> dict[Path, str]:
    """A document name for each file: its file name, with '~2', '~3', ... for repeats (in order, and
    of the names in ``taken``, which are already used).

    >>> unique_names([Path("a/r.txt"), Path("b/r.txt"), Path("b/s.txt")])[Path("b/r.txt")]
    'r.txt~2'
    """
    names: dict[Path, str] = {}
    used: set[str] = set(taken)
    for path in files:
        candidate, n = path.name, 1
        while candidate in used:
            n += 1
            candidate = f"{path.name}~{n}"
        used.add(candidate)
        names[path] = candidate
    return names


def _merge_one(store: GraphStore, path: Path, outcome: Outcome, seen_hashes: dict[str, str]) -> FileResult:
    if isinstance(outcome, str):
        return FileResult(path=str(path), file=path.name, ok=False, error=outcome)
    extraction, digest = outcome
    if digest in seen_hashes:
        return FileResult(path=str(path), file=path.name, ok=False,
                          error=f"{path.name}: same content as {seen_hashes[digest]}, skipped as a duplicate")
    seen_hashes[digest] = path.name
    merge_extraction(store, extraction)
    return FileResult(path=str(path), file=path.name, ok=True, document_id=extraction["document"]["id"],
                      nodes=len(extraction["nodes"]), edges=len(extraction["edges"]))


def add_document(store: GraphStore, data: bytes, name: str) -> FileResult:
    """Read ``data`` as a report called ``name``, extract it and merge it into ``store`` (then resolve
    entities across documents again). A report already in the store (same bytes) is not added twice.

    Raises ReadError with the reason when ``data`` is not a readable document.

    >>> from gmpgraph.store import GraphStore
    >>> store = GraphStore()
    >>> add_document(store, b"Viet Nam reported on Article 11.", "note.txt").document_id
    'doc:note.txt'
    >>> add_document(store, b"Viet Nam reported on Article 11.", "again.txt").error
    'again.txt: same content as note.txt, skipped as a duplicate'
    """
    if not data.strip():
        raise ReadError(f"{name}: empty file")
    from loaders.extract import extract_document
    from loaders.readers import read_document_bytes

    digest = hashlib.sha256(data).hexdigest()
    seen = {node.sha256: node.file for node in store.nodes("Document")}  # type: ignore[attr-defined]
    doc = read_document_bytes(data, name)
    used = (node.file for node in store.nodes("Document"))  # type: ignore[attr-defined]
    doc.meta.file = unique_names([Path(name)], taken=used)[Path(name)]
    outcome: Outcome = (as_data(extract_document(doc, sha256=digest)), digest)
    result = _merge_one(store, Path(name), outcome, seen)
    if result.ok:
        resolve_entities(store)
        add_mandate_supports(store)
    return result


def merge_extraction(store: GraphStore, extraction: Extraction | ExtractionData) -> None:
    """Add one document's nodes and edges to ``store`` (nodes first, then edges); the extraction as its
    models or as the store merges it (:func:`gmpgraph.extraction_cache.as_data`), which it then owns.

    >>> store = GraphStore()
    >>> merge_extraction(store, {"document": {"id": "doc:a.txt", "type": "Document", "name": "a.txt"},
    ...                          "nodes": [{"id": "country:KEN", "type": "Country", "name": "Kenya"}], "edges": []})
    >>> sorted(store.nx)
    ['country:KEN', 'doc:a.txt']
    """
    data = as_data(extraction) if isinstance(extraction, Extraction) else extraction
    store.merge_node_data(data["document"])
    for node in data["nodes"]:
        store.merge_node_data(node)
    for edge in data["edges"]:
        store.merge_edge_data(edge)
