"""API benchmark: start a real uvicorn server on loopback, drive the main endpoints with a bounded number
of requests from a few concurrent clients, and print throughput and p50/p99 latency per endpoint.

Run by hand (never part of the tests):

    .venv/bin/python benchmarks/api.py --graph graph.json --requests 300 --concurrency 4
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ENDPOINTS = {
    "stats": "/stats",
    "entity": "/entities/UNIDO",
    "entities page": "/entities?type=Organization&limit=50",
    "supporters": "/articles/7/supporters",
    "leads as of": "/areas/supply-storage/leads?as_of=2010-06-30",
    "country": "/countries/IDN",
    "search": "/search?q=mercury%20policy",
    "path": "/paths?from=UNIDO&to=planetGOLD",
    "gaps": "/gaps",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def drive(base: str, path: str, total: int, concurrency: int) -> tuple[list[float], float]:
    latencies: list[float] = []
    queue = iter(range(total))

    async def worker(client: httpx.AsyncClient) -> None:
        for _ in queue:
            start = time.perf_counter()
            response = await client.get(path)
            latencies.append(time.perf_counter() - start)
            response.raise_for_status()

    began = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return latencies, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, default=Path("graph.json"))
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "gmpgraph", "serve", "--graph", str(args.graph),
                               "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/stats", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, Python "
              f"{platform.python_version()}; graph {args.graph}; {args.requests} requests per endpoint, "
              f"{args.concurrency} concurrent clients, one uvicorn worker")
        print(f"{'endpoint':<16}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
        for name, path in ENDPOINTS.items():
            latencies, elapsed = asyncio.run(drive(base, path, args.requests, args.concurrency))
            cuts = statistics.quantiles(latencies, n=100)
            print(f"{name:<16}{len(latencies) / elapsed:>9.0f}{cuts[49] * 1000:>9.1f}{cuts[98] * 1000:>9.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
