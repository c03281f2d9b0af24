"""Incremental build benchmark (issue 32): how long a rebuild takes when nothing or one file changed, with each
document's extraction remembered (``gmpgraph.extraction_cache``), against a full build that extracts every
document again (the parse cache warm, as today's warm build).

For each corpus (the 10x corpus: the five reports copied 10 times, 50 files; and 1,000 synthetic documents: the reports copied 200
times, renamed and lightly varied by ``synthetic.make_corpus``), in a fresh cache folder:

1. a first build (fills the parse and extraction caches);
2. a full warm build: the parse cache warm, the extraction cache off (every document extracted again);
3. a rebuild with nothing changed (every extraction from the cache);
4. a rebuild after one file changed (one sentence added to one report);
5. the graph of (4) against an uncached build of the same files: they must be identical.

Every build is a fresh ``gmpgraph build FOLDER -o OUT --json -q`` process, timed wall-clock. Run by hand:

    .venv/bin/python benchmarks/incremental.py                 # 10x and 1,000 documents
    .venv/bin/python benchmarks/incremental.py --corpora 10x   # the 10x corpus only
"""

from __future__ import annotations

import argparse
import json
import os
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


def run(name: str, copies: int) -> dict:
    folder = DATA / f"incremental-{name}"
    files = make_corpus(CORPUS, folder, copies)
    size = sum(f.stat().st_size for f in files)
    with tempfile.TemporaryDirectory() as tmp:
        cache = {"GMPGRAPH_CACHE_DIR": str(Path(tmp) / "cache")}
        out = Path(tmp) / "graph.json"
        first = build(folder, out, cache)
        full = build(folder, out, {**cache, "GMPGRAPH_EXTRACTION_CACHE": "0"})
        unchanged = build(folder, out, cache)
        changed = files[len(files) // 2]
        original = changed.read_text(encoding="utf-8")
        try:
            changed.write_text(original + "\nThe Government of Norway funded the benchmark project.\n",
                               encoding="utf-8")
            one_changed = build(folder, out, cache)
            uncached = Path(tmp) / "uncached.json"
            build(folder, uncached, {**cache, "GMPGRAPH_EXTRACTION_CACHE": "0"})
            identical = graph_without_time(out) == graph_without_time(uncached)
        finally:
            changed.write_text(original, encoding="utf-8")
    return {"corpus": name, "files": len(files), "mb": round(size / 1e6, 1), "first_build_s": round(first, 1),
            "full_warm_build_s": round(full, 1), "nothing_changed_s": round(unchanged, 1),
            "one_file_changed_s": round(one_changed, 1), "ratio_one_changed_to_full": round(one_changed / full, 3),
            "cached_graph_identical": identical}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", default=",".join(CORPORA), help="which: " + ", ".join(CORPORA))
    args = parser.parse_args()
    for name in args.corpora.split(","):
        print(json.dumps(run(name, CORPORA[name])), flush=True)


if __name__ == "__main__":
    main()
