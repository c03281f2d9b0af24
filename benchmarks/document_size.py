"""Cost of one document as it grows: one plain document of a repeated real paragraph at 1, 2, 4 and 8 MB.

Each size is a fresh ``gmpgraph build FILE -o OUT -j 1 -q`` process, timed wall-clock, with the parse cache
off. A build whose cost is linear in the document's size keeps the seconds per MB about constant; the
issue that asked for this (22) measured 6.5 s at 1 MB, 17.4 s at 2 MB and 54.7 s at 4 MB before the fix.

Two layouts: ``lines`` (the paragraph's wrapped lines, one block running on for the whole file: the case
that was quadratic) and ``paragraphs`` (the paragraph repeated with a blank line between copies).

Run by hand (never part of the tests):

    .venv/bin/python benchmarks/document_size.py                 # 1, 2, 4, 8 MB, both layouts
    .venv/bin/python benchmarks/document_size.py --sizes 1,2 --layout lines
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# a real paragraph of the meeting report, wrapped as the PDF text is
PARAGRAPH = """The Partnership Advisory Group welcomed the progress made by the partnership areas since
its fifth meeting, and noted that the Artisanal and Small-Scale Gold Mining partnership area, led by
the Natural Resources Defense Council and UNIDO, had supported national action plans in several
countries with funding from the Global Environment Facility and the United States Department of State."""


def write_document(path: Path, megabytes: float, layout: str) -> None:
    separator = "\n" if layout == "lines" else "\n\n"
    unit = PARAGRAPH + separator
    copies = max(1, int(megabytes * 1_000_000 / len(unit.encode())))
    path.write_text(unit * copies, encoding="utf-8")


def build_seconds(document: Path, out: Path) -> float:
    env = dict(os.environ, GMPGRAPH_PARSE_CACHE="0")
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gmpgraph", "build", str(document), "-o", str(out), "-j", "1", "-q"],
                   check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,2,4,8", help="document sizes in MB, comma-separated")
    parser.add_argument("--layout", choices=["lines", "paragraphs", "both"], default="both")
    args = parser.parse_args()
    layouts = ["lines", "paragraphs"] if args.layout == "both" else [args.layout]
    print("| layout | MB | wall s | s per MB |\n| --- | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for layout in layouts:
            for size in (float(s) for s in args.sizes.split(",")):
                document, out = Path(tmp) / f"repeated-{layout}-{size:g}mb.txt", Path(tmp) / "graph.json"
                write_document(document, size, layout)
                seconds = build_seconds(document, out)
                print(f"| {layout} | {size:g} | {seconds:.1f} | {seconds / size:.1f} |", flush=True)


if __name__ == "__main__":
    main()
