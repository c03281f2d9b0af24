"""The graph being served, and writes to it as transactions.

A request reads :attr:`Served.store` once and keeps that snapshot to the end; nothing ever changes a
snapshot. A write (:meth:`Served.add`) extracts the report and merges it into a *copy* of the graph, in a
worker thread, then saves the copy and swaps it in as one step. A write that is stopped (its time ran
out), fails, or loses its process leaves the served graph and the file as they were: readers see the old
graph or the new one, never a mix, and never wait for a write. Writes queue behind each other only.

>>> import asyncio
>>> served = Served(GraphStore())
>>> added = asyncio.run(served.add(b"Viet Nam reported on Article 11.", "note.txt", time_limit=60))
>>> added.result.document_id, served.version, "country:VNM" in served.store
('doc:note.txt', 2, True)
"""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool

from gmpgraph import GraphStore
from gmpgraph.build import FileResult, add_document
from gmpgraph.graphfile import save_graph
from gmpgraph.review.apply import apply_decisions, texts_from
from gmpgraph.review.decisions import append_decision
from loaders.pipeline import Stopped, stop_when
from schema.review import Decision


class WriteStopped(Exception):
    """A write ran out of time before it was committed; the graph and its file are unchanged."""


@dataclass
class Added:
    result: FileResult
    saved: bool


class Served:
    """The served graph: a snapshot swapped whole by each committed write, with a version number."""

    def __init__(self, store: GraphStore, graph_path: Path | None = None) -> None:
        self.store = store
        self.graph_path = graph_path
        self.version = 1
        self._writing: asyncio.Lock | None = None

    def _lock(self) -> asyncio.Lock:
        if self._writing is None:
            self._writing = asyncio.Lock()
        return self._writing

    async def add(self, data: bytes, name: str, time_limit: float) -> Added:
        """Add a report as one transaction, or raise :class:`WriteStopped` (nothing changed) when it cannot
        be ready to commit within ``time_limit`` seconds of the call (waiting for earlier writes included)."""
        deadline = time.monotonic() + time_limit
        stop = threading.Event()
        try:
            await asyncio.wait_for(self._lock().acquire(), max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            raise WriteStopped("waited for earlier writes until the time limit") from None
        try:
            base = self.store
            work = asyncio.ensure_future(run_in_threadpool(_prepare, base, data, name, stop))
            try:
                copy, result = await asyncio.wait_for(asyncio.shield(work), max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                stop.set()  # the thread stops at its next check; what it made is dropped
                raise WriteStopped("extraction did not finish within the time limit") from None
            except Stopped:
                raise WriteStopped("extraction was stopped") from None
            if not result.ok:
                return Added(result, saved=False)
            documents = copy.nx.graph.setdefault("documents", [])  # the graph's list of its documents, kept true
            if result.file not in documents:
                documents.append(result.file)
            # the commit: save, then swap; it runs to the end even if the request is cancelled meanwhile
            await asyncio.shield(run_in_threadpool(self._commit, copy))
            return Added(result, saved=self.graph_path is not None)
        finally:
            self._lock().release()

    async def review(self, decision: Decision, reviews: Path | None) -> str | None:
        """Apply a reviewer's decision as one transaction: on a copy, then kept in the review file (if any) and
        committed; the reason it cannot be applied (nothing changes), or None."""
        async with self._lock():
            copy = self.store.copy()
            text_of = texts_from(dict(copy.nx.graph.get("sources") or {}))
            outcome = await run_in_threadpool(apply_decisions, copy, [decision], text_of)
            if outcome.missing:
                return outcome.missing[0].reason
            if reviews is not None:
                append_decision(reviews, decision)
            await asyncio.shield(run_in_threadpool(self._commit, copy))
            return None

    def _commit(self, copy: GraphStore) -> None:
        if self.graph_path is not None:
            save_graph(copy, self.graph_path)  # atomic: the old file until the new one is complete
        self.store = copy
        self.version += 1
        gc.freeze()  # the new graph out of full collections too (see api.warm.settle)


def _prepare(base: GraphStore, data: bytes, name: str, stop: threading.Event) -> tuple[GraphStore, FileResult]:
    with stop_when(stop):
        copy = base.copy()
        result = add_document(copy, data, name)
    if stop.is_set():
        raise Stopped("stopped")
    return copy, result
