"""Query benchmark: the query layer's main questions on a graph 100x the corpus graph, median and p99.

The 100x graph is the corpus graph copied 100 times (``synthetic.scaled_graph``: every organisation,
project, event, person and publication copied, areas, articles and countries shared), so each shared
node has 100 times the links it has in the corpus graph. Each question runs ``--runs`` times in
this process (no HTTP; ``benchmarks/api.py`` measures that).

Run by hand (never part of the tests):

    .venv/bin/gmpgraph build ../shared/corpus -o graph.json
    .venv/bin/python benchmarks/queries.py --graph graph.json --copies 100 --runs 30
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from synthetic import scaled_graph

from gmpgraph.analysis import coverage_matrix, findings
from gmpgraph.graphfile import load_graph
from gmpgraph.queries import (country_profile, leads, neighbourhood, organization_roles, paths, search,
                              supporters)
from gmpgraph.store import GraphStore


def questions(store: GraphStore) -> dict[str, Callable[[], object]]:
    return {
        "supporters of Article 7": lambda: supporters(store, "7"),
        "leads of supply and storage, 2010": lambda: leads(store, "supply-storage", __import__("datetime").date(2010, 6, 30)),
        "country profile IDN": lambda: country_profile(store, "IDN"),
        "organisation roles UNIDO": lambda: organization_roles(store, "UNIDO"),
        "search 'mercury policy'": lambda: search(store, "mercury policy"),
        "neighbourhood of ASGM, depth 1": lambda: neighbourhood(store, "area:asgm", 1),
        "paths UNIDO -> planetGOLD": lambda: paths(store, "UNIDO", "planetGOLD", 5),
        "coverage matrix": lambda: coverage_matrix(store),
        "gap findings": lambda: findings(store),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the query layer on a scaled graph.")
    parser.add_argument("--graph", type=Path, default=Path("graph.json"))
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    began = time.perf_counter()
    store = scaled_graph(load_graph(args.graph), args.copies)
    made = time.perf_counter() - began
    counts = store.counts()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    print(f"graph: {args.graph} x{args.copies} = {sum(counts['nodes'].values())} nodes, "
          f"{sum(counts['edges'].values())} edges (made in {made:.1f} s); {args.runs} runs per question")
    print(f"{'question':<36}{'median ms':>11}{'p99 ms':>9}")
    for name, ask in questions(store).items():
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            ask()
            times.append((time.perf_counter() - start) * 1000)
        p99 = statistics.quantiles(times, n=100)[98] if len(times) >= 2 else times[0]
        print(f"{name:<36}{statistics.median(times):>11.1f}{p99:>9.1f}", flush=True)


if __name__ == "__main__":
    main()
