"""Incremental build benchmark (issue 32): how long a rebuild takes when nothing or one file changed, with each
document's extraction remembered (``gmpgraph.extraction_cache``), against a full build that extracts every
document again (the parse cache warm, as today's warm build).

For each corpus (the 10x corpus: the five reports copied 10 times, 50 files; and 1,000 synthetic documents: the reports copied 200
times, renamed and lightly varied by ``synthetic.make_corpus``), in a fresh cache folder:

1. a first build (fills the parse and extraction caches);
2. a full warm build: the parse cache warm, the extraction cache off (every document extracted again);
3. a rebuild with nothing changed (every extraction from the cache);
4. a rebuild after one file changed (one sentence added to one report, the 26th file: a copy of the INC7
   progress report, 24 KB; the sentence is a paragraph of its own, which the learned NER and the parser read);
5. the graph of (4) against an uncached build of the same files: they must be identical.

Every build is a fresh ``gmpgraph build FOLDER -o OUT --json -q`` process, timed wall-clock. With ``--repeat N``
steps 2-4 run N times in turn (each one-changed rebuild from the cache as it was before the change) and the
figures are the fastest of each, the closest a shared machine gets to a quiet one; every run is printed too.
Run by hand:

    .venv/bin/python benchmarks/incremental.py                 # 10x and 1,000 documents
    .venv/bin/python benchmarks/incremental.py --corpora 10x   # the 10x corpus only
    .venv/bin/python benchmarks/incremental.py --corpora 10x --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import make_corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DATA = HERE / ".data"
CORPORA = {"10x": 10, "1000docs": 200}  # copies of the five reports


def build(folder: Path, out: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gmpgraph", "build", str(folder), "-o", str(out), "--json", "-q"],
                   check=True, capture_output=True, env={**os.environ, **env}, cwd=ROOT)
    return time.perf_counter() - started


def graph_without_time(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["graph"].pop("built_at", None)
    return data


def run(name: str, copies: int, repeat: int = 1) -> dict:
    folder = DATA / f"incremental-{name}"
    files = make_corpus(CORPUS, folder, copies)
    size = sum(f.stat().st_size for f in files)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir, before_change = Path(tmp) / "cache", Path(tmp) / "cache-before-change"
        cache = {"GMPGRAPH_CACHE_DIR": str(cache_dir)}
        out = Path(tmp) / "graph.json"
        first = build(folder, out, cache)
        full, unchanged, one_changed = [], [], []
        changed = files[len(files) // 2]
        original = changed.read_text(encoding="utf-8")
        for i in range(repeat):  # the three builds in turn, so that a change of load falls on all of them
            full.append(build(folder, out, {**cache, "GMPGRAPH_EXTRACTION_CACHE": "0"}))
            unchanged.append(build(folder, out, cache))
            if i == 0:
                shutil.copytree(cache_dir, before_change)
            else:  # the cache as it was before the change, so that the changed file is new to it each time
                shutil.rmtree(cache_dir)
                shutil.copytree(before_change, cache_dir)
            try:
                changed.write_text(original + "\nThe Government of Norway funded the benchmark project.\n",
                                   encoding="utf-8")
                one_changed.append(build(folder, out, cache))
                if i == repeat - 1:
                    uncached = Path(tmp) / "uncached.json"
                    build(folder, uncached, {**cache, "GMPGRAPH_EXTRACTION_CACHE": "0"})
                    identical = graph_without_time(out) == graph_without_time(uncached)
            finally:
                changed.write_text(original, encoding="utf-8")
    result = {"corpus": name, "files": len(files), "mb": round(size / 1e6, 1), "first_build_s": round(first, 1),
              "full_warm_build_s": round(min(full), 1), "nothing_changed_s": round(min(unchanged), 1),
              "one_file_changed_s": round(min(one_changed), 1),
              "ratio_one_changed_to_full": round(min(one_changed) / min(full), 3),
              "cached_graph_identical": identical}
    if repeat > 1:  # the fastest of each (above: the closest to a quiet machine), every run, and their medians
        result |= {"runs": {"full_warm_build_s": [round(t, 2) for t in full],
                            "nothing_changed_s": [round(t, 2) for t in unchanged],
                            "one_file_changed_s": [round(t, 2) for t in one_changed]},
                   "ratio_of_medians": round(statistics.median(one_changed) / statistics.median(full), 3)}
    return result | {"load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", default=",".join(CORPORA), help="which: " + ", ".join(CORPORA))
    parser.add_argument("--repeat", type=int, default=1,
                        help="time the full warm, unchanged and one-changed builds this many times each, in turn "
                             "(the figures are the fastest of each; every run and the ratio of medians beside them)")
    args = parser.parse_args()
    for name in args.corpora.split(","):
        print(json.dumps(run(name, CORPORA[name], args.repeat)), flush=True)


if __name__ == "__main__":
    main()
