"""Maps benchmark: time to render each map's HTML, and to open and settle it in headless Chromium.

Maps: the corpus network, an area, an article, and a synthetic network of about 5,000 nodes (the corpus
graph copied, see synthetic.py). For each: render time in Python (median of --repeat), page size, and in
Chromium (Debian's, driven by Playwright, network cut off) the time from navigation until the layout has
settled, and the page's own figure for the physics alone (``window.gmpMap.stabilizationMs``).

Run by hand (never part of the tests):

    .venv/bin/python benchmarks/maps.py --graph graph.json --nodes 5000
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from synthetic import copies_for, scaled_graph

from gmpgraph import load_graph
from gmpgraph.maps import make_map


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"


def settle(page, url: str) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    page.goto(url)
    while not page.evaluate("() => !!(window.gmpMap && window.gmpMap.stabilized)"):
        page.wait_for_timeout(20)
    return time.perf_counter() - start, page.evaluate("() => window.gmpMap.stabilizationMs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, default=Path("graph.json"))
    parser.add_argument("--nodes", type=int, default=5000, help="size of the synthetic network map")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    store = load_graph(args.graph)
    big = scaled_graph(store, copies_for(store, args.nodes))
    maps = [("corpus network", store, "network", None), ("area asgm", store, "area", "asgm"),
            ("article 7", store, "article", "7"), (f"synthetic network ({len(big)} nodes)", big, "network", None)]
    print(f"machine: {machine()}")
    print(f"{'map':34} {'nodes':>6} {'edges':>6} {'MB':>5} {'render':>8} {'open+settle':>12} {'physics':>9}")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, headless=True,
                                             args=["--no-sandbox", "--proxy-server=127.0.0.1:9"])
        for label, graph, view, argument in maps:
            renders = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                page = make_map(graph, view, argument)
                renders.append(time.perf_counter() - start)
            path = Path(folder) / f"{view}-{len(graph)}.html"
            path.write_text(page.html, encoding="utf-8")
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            opened = [settle(tab, path.as_uri()) for _ in range(args.repeat)]
            tab.close()
            wall = statistics.median(o[0] for o in opened)
            physics = statistics.median(o[1] for o in opened)
            print(f"{label:34} {page.nodes:>6} {page.edges:>6} {len(page.html) / 1e6:>5.1f} "
                  f"{statistics.median(renders) * 1000:>6.0f}ms {wall:>10.2f}s {physics / 1000:>8.2f}s")
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
