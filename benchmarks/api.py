"""API benchmark with wrk: a real uvicorn server on loopback, each endpoint driven for a fixed time, and a
bare FastAPI endpoint (a small dict, the same server settings) driven in the same run as the ceiling.

Prints req/s, p50/p99 latency, body size and the ratio to the bare endpoint, as a Markdown table.
Run by hand (never part of the tests); needs Debian's ``wrk``:

    .venv/bin/python benchmarks/api.py --graph graph.json --duration 10 --connections 16
    .venv/bin/python benchmarks/api.py --graph big.json --workers 2
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ENDPOINTS = [
    "/stats",
    "/entities/UNIDO",
    "/articles/7/supporters",
    "/areas/asgm/leads?as_of=2015-01-01",
    "/organizations/UNIDO/funding",
    "/countries/IDN",
    "/search?q=mercury",
    "/paths?from=UNIDO&to=planetGOLD",
    "/gaps",
    "/gaps/matrix",
    "/maps/article/7",
    "/maps/network",
    "/maps/country/IDN",
    "/maps/coverage",
    "/maps/world",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(base: str, path: str, seconds: float = 300) -> float:
    began = time.perf_counter()
    while time.perf_counter() - began < seconds:
        try:
            httpx.get(base + path, timeout=5)
            return time.perf_counter() - began
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"server at {base} did not answer within {seconds} s")


def wrk(url: str, duration: int, connections: int, threads: int) -> tuple[float, float, float]:
    """req/s, p50 ms, p99 ms."""
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} non-2xx answers")

    def percentile(p: str) -> float:
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return rate, percentile("50"), percentile("99")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, default=Path("graph.json"))
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers of the gmpgraph server")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    root = Path(__file__).resolve().parent.parent
    bare_port, port = free_port(), free_port()
    bare_server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--app-dir", str(root / "benchmarks"), "bare_app:app", "--port",
                                    str(bare_port), "--log-level", "warning", "--no-access-log"], cwd=root)
    server = subprocess.Popen([sys.executable, "-m", "gmpgraph", "serve", "--graph", str(args.graph), "--port",
                               str(port), "--workers", str(args.workers)], stderr=subprocess.DEVNULL)
    try:
        bare_base, base = f"http://127.0.0.1:{bare_port}", f"http://127.0.0.1:{port}"
        wait(bare_base, "/ping")
        up = wait(base, "/stats")
        print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}; graph {args.graph} ({args.graph.stat().st_size / 1e6:.1f} MB); wrk "
              f"-t{args.threads} -c{args.connections} -d{args.duration}s; {args.workers} gmpgraph worker(s); "
              f"server up and warm in {up:.1f} s")
        ceiling, bare_p50, bare_p99 = wrk(bare_base + "/ping", args.duration, args.connections, args.threads)
        print("\n| endpoint | req/s | p50 | p99 | body | × bare |\n| --- | --- | --- | --- | --- | --- |")
        print(f"| bare FastAPI `/ping` | {ceiling:,.0f} | {bare_p50:.1f} ms | {bare_p99:.1f} ms | 0.0 KB | 1.00 |")
        for path in ENDPOINTS:
            first = time.perf_counter()
            body = httpx.get(base + path, timeout=120).content
            first_ms = (time.perf_counter() - first) * 1000
            rate, p50, p99 = wrk(base + path, args.duration, args.connections, args.threads)
            print(f"| `{path}` | {rate:,.0f} | {p50:.1f} ms | {p99:.1f} ms | {len(body) / 1000:,.1f} KB | "
                  f"{rate / ceiling:.2f} |  <!-- first request {first_ms:.0f} ms -->")
    finally:
        for proc in (server, bare_server):
            proc.terminate()
            proc.wait(timeout=20)


if __name__ == "__main__":
    main()
