"""The fault suite (issue 22): writes killed, stopped and raced by readers, on real ``gmpgraph serve``
servers on 127.0.0.1. Bounded: twenty kills, one stopped write watched for 20 s, eight reading threads.

A write is a transaction (``api.served``): whatever happens to it, the file holds the old graph or the new
one, and readers never get a server error.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from gmpgraph import load_graph
from tests.conftest import corpus_text, free_port, gmpgraph_command
from tests.test_api_hardening import NEW_REPORT, TOKEN, write_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
READS = ("/articles/7/supporters", "/gaps", "/paths?from=UNIDO&to=planetGOLD", "/stats", "/countries/IDN",
         "/entities/UNIDO")


def _counts(stats: dict) -> dict:
    """The node and edge counts of a /stats answer (without its review coverage)."""
    return {"nodes": stats["nodes"], "edges": stats["edges"]}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _report(copies: int, mark: str) -> bytes:
    """A real report repeated ``copies`` times and marked, so that it is new to the graph: extracting it
    takes seconds (it is the write under test)."""
    text = corpus_text("pag6-meeting-report-2014.txt")
    return ("\n\n".join(text.replace("Partnership", f"Partnership {mark}{i}") for i in range(copies))).encode()


def _small(mark: str) -> bytes:
    return NEW_REPORT.replace(b"Khuvsgul", mark.encode())


@contextmanager
def _readers(url: str, threads: int = 8) -> Iterator[list[str]]:
    """``threads`` clients reading in a loop until the block ends; yields the server errors they met."""
    failures: list[str] = []
    done = threading.Event()

    def read(seed: int) -> None:
        paths = READS[seed % len(READS):] + READS[:seed % len(READS)]
        with httpx.Client(base_url=url, timeout=60) as client:
            while not done.is_set():
                for path in paths:
                    answer = client.get(path, params={"limit": 5})
                    if answer.status_code >= 500:
                        failures.append(f"{path}: {answer.status_code} {answer.text[:200]}")

    workers = [threading.Thread(target=read, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    try:
        yield failures
    finally:
        done.set()
        for worker in workers:
            worker.join(timeout=120)


def test_a_stopped_write_changes_neither_the_served_graph_nor_its_file(corpus_graph: Path, tmp_path: Path) -> None:
    """Stopped by the time limit: `/stats` and the file are as before, and still are 20 s later."""
    graph = tmp_path / "graph.json"
    shutil.copy(corpus_graph, graph)
    saved = _digest(graph)
    with write_server(graph, max_body_mb=8, time_limit=1) as url:
        before = httpx.get(f"{url}/stats").json()
        stopped = httpx.post(f"{url}/documents", params={"name": "long.txt"}, content=_report(40, "S"),
                             headers=AUTH, timeout=60)
        assert stopped.status_code == 503 and "unchanged" in stopped.json()["detail"], stopped.text
        watched_until = time.monotonic() + 20
        while time.monotonic() < watched_until:  # the extraction was told to stop; nothing lands later either
            assert httpx.get(f"{url}/stats").json() == before
            assert _digest(graph) == saved
            time.sleep(2)


def test_reads_through_stopped_completed_and_small_writes_get_no_server_error(corpus_graph: Path,
                                                                              tmp_path: Path) -> None:
    """Eight reading threads while a write is stopped, one completes and a small one follows: no 5xx; the
    small write answers within 5 s under that load, an unauthenticated one within 1 s; a completed write
    changes the served counts and the file the same way."""
    graph = tmp_path / "graph.json"
    shutil.copy(corpus_graph, graph)
    with write_server(graph, max_body_mb=8, time_limit=4) as url, _readers(url) as failures:
        before = httpx.get(f"{url}/stats").json()
        stopped = httpx.post(f"{url}/documents", params={"name": "long.txt"}, content=_report(40, "R"),
                             headers=AUTH, timeout=60)
        assert stopped.status_code == 503, stopped.text
        assert httpx.get(f"{url}/stats").json() == before
        completed = httpx.post(f"{url}/documents", params={"name": "one.txt"}, content=_report(1, "C"),
                               headers=AUTH, timeout=60)
        assert completed.status_code == 201, completed.text
        after = httpx.get(f"{url}/stats").json()
        assert after != before and load_graph(graph).counts() == _counts(after)
        small = httpx.post(f"{url}/documents", params={"name": "small.txt"}, content=_small("Zavkhan"),
                           headers=AUTH, timeout=5)  # a bound on the answer, under the readers' load
        assert small.status_code == 201, small.text
        refused = httpx.post(f"{url}/documents", params={"name": "x.txt"}, content=_small("Uvs"), timeout=1)
        assert refused.status_code == 401
        assert load_graph(graph).counts() == _counts(httpx.get(f"{url}/stats").json())
    assert not failures, failures[:3]


def _start(graph: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([*gmpgraph_command(), "serve", "--graph", str(graph), "--port", str(port),
                             "--write-token-env", "GMP_TEST_TOKEN", "--max-body-mb", "8"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "GMP_TEST_TOKEN": TOKEN})
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):  # start-up, not a timing assertion
        try:
            httpx.get(f"{url}/stats", timeout=1)
            return proc, url
        except httpx.TransportError:
            if proc.poll() is not None:
                raise AssertionError("server exited at start-up") from None
            time.sleep(0.05)
    raise AssertionError("server did not start")


def _post(url: str, body: bytes, outcome: list[Any]) -> None:
    try:
        outcome.append(httpx.post(f"{url}/documents", params={"name": "killed.txt"}, content=body, headers=AUTH,
                                  timeout=60).status_code)
    except httpx.TransportError:
        outcome.append("killed")


def test_kill_9_at_twenty_moments_of_a_write_leaves_the_old_or_the_new_graph(corpus_graph: Path,
                                                                            tmp_path: Path) -> None:
    """A write completed once gives the new counts and its duration; then twenty servers are killed with
    SIGKILL at random moments of the same write (extraction, merge, save, swap): each time the file loads,
    with the old counts or the new ones, and the next server starts from it."""
    body = _report(1, "K")
    reference = tmp_path / "reference.json"
    shutil.copy(corpus_graph, reference)
    old = load_graph(reference).counts()
    proc, url = _start(reference)
    try:
        began = time.monotonic()
        outcome: list[Any] = []
        _post(url, body, outcome)
        duration = time.monotonic() - began
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert outcome == [201]
    new = load_graph(reference).counts()
    assert new != old

    moments = random.Random(22).sample(range(1000), 20)
    seen = {"old": 0, "new": 0}
    graph = tmp_path / "graph.json"
    for round_, moment in enumerate(sorted(moments)):
        shutil.copy(corpus_graph, graph)
        proc, url = _start(graph)
        outcome = []
        writer = threading.Thread(target=_post, args=(url, body, outcome))
        try:
            writer.start()
            time.sleep(duration * 1.2 * moment / 1000)  # a moment of the write (and a little after it)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
            writer.join(timeout=60)
        counts = load_graph(graph).counts()
        assert counts in (old, new), (moment, outcome)
        seen["old" if counts == old else "new"] += 1
        if round_ % 5 == 4:  # and a new server starts from it, its temporaries cleaned
            with write_server(graph) as again:
                assert _counts(httpx.get(f"{again}/stats").json()) == counts
            assert not list(tmp_path.glob(".graph.json.*.tmp"))
    assert seen["old"] >= 1, seen  # some kills landed inside the write
