"""Shared fixtures: where the real corpus, gold and evaluator live, and a built corpus graph."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GMPGRAPH_SHARED", REPO.parent / "shared")).resolve()
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "dev"
EVALUATOR = SHARED / "eval" / "gmp_eval.py"


def gmpgraph_command() -> list[str]:
    """The installed console script if there is one beside this Python, else ``python -m gmpgraph``."""
    script = Path(sys.executable).parent / "gmpgraph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "gmpgraph"]


def shared_folder(folder: Path, what: str) -> Path:
    """A folder of ``../shared``: tests that need it fail loudly in CI and skip elsewhere."""
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the shared {what} is missing at {folder} (set GMPGRAPH_SHARED)")
        pytest.skip(f"no shared {what} at {folder}")
    return folder


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The five real reports."""
    return shared_folder(CORPUS, "corpus")


@pytest.fixture(scope="session")
def corpus_graph(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus built once by the real CLI, as a file."""
    out = tmp_path_factory.mktemp("built") / "graph.json"
    proc = subprocess.run([*gmpgraph_command(), "build", str(corpus), "-o", str(out), "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out


PAGES = SHARED / "pages" / "texts"


@pytest.fixture(scope="session")
def pages() -> Path:
    """The sixteen public web pages (texts of other kinds than the reports)."""
    return shared_folder(PAGES, "pages")


def corpus_text(name: str) -> str:
    """The decoded text of a corpus document (as provenance offsets see it)."""
    from loaders.text import read_text

    return read_text(CORPUS / name)


@pytest.fixture
def copy_corpus(corpus: Path, tmp_path: Path) -> Path:
    """A writable copy of the corpus folder."""
    target = tmp_path / "corpus"
    shutil.copytree(corpus, target)
    return target


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(graph: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """A real ``gmpgraph serve`` (uvicorn) on a free loopback port, with ``args`` and ``env`` added, stopped
    afterwards; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([*gmpgraph_command(), "serve", "--graph", str(graph), "--port", str(port), *args],
                            env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # wait for the real server to listen (start-up, not a timing assertion)
            try:
                httpx.get(url + "/stats", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    pytest.fail(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
