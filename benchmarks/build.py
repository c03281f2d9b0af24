"""Build benchmark: ``gmpgraph build`` on the corpus and on synthetic corpora 10x, 100x, 1000x its size.

Each run is a fresh ``gmpgraph build FOLDER -o OUT --json -q`` process (start-up included), timed
wall-clock; peak memory is the process's maximum resident set (and its workers'), read with
``os.wait4``. The synthetic corpora are the real reports copied, renamed and lightly varied
(``synthetic.make_corpus``) and are kept in ``benchmarks/.data/`` between runs (git ignores it).

With ``--peer PYTHON`` (a Python that has spaCy, see ``peer_spacy.py``) the same corpus at
``--peer-scale`` is also run through a spaCy pipeline with the same number of processes, and the
throughput ratio is printed.

The timed builds run with the parse cache and the extraction cache off (``GMPGRAPH_PARSE_CACHE=0``,
``GMPGRAPH_EXTRACTION_CACHE=0``): every file is extracted and every sentence the extractor parses goes
through spaCy, so the throughput includes the model's cost (with the extraction cache on, a second run of
the benchmark would only read the first run's extractions back). The corpus is also
timed warm, the cache filled by a first run, as a rebuild of documents already read is.

Run by hand (never part of the tests):

    .venv/bin/python benchmarks/build.py                          # 1x (5 runs), 10x, 100x
    .venv/bin/python benchmarks/build.py --scales 1,10,100,1000   # adds the 1000x corpus (~195 MB)
    .venv/bin/python benchmarks/build.py --scales 1,10 --peer .venv/bin/python --peer-scale 10
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from synthetic import make_corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DATA = HERE / ".data"


@dataclass
class Run:
    seconds: float
    peak_mb: float
    summary: dict


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    cores = len(os.sched_getaffinity(0))
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return f"{cpu}, {cores} cores, {memory} GiB, Python {platform.python_version()}, {platform.system()}"


def timed(command: list[str]) -> tuple[float, float, str]:
    """Run ``command``; (wall seconds, peak resident MB of it and its children, stdout)."""
    with tempfile.TemporaryFile() as out:
        began = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr = process.stderr.read().decode() if process.stderr else ""
        out.seek(0)
        stdout = out.read().decode()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}): {stderr[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, stdout


def build(folder: Path, workers: int | None, cache: Path | None = None) -> Run:
    """One build; with ``cache`` the parse cache lives there (warm after a first run), else it is off, so
    every sentence that needs the statistical model goes through it."""
    output = DATA / "graph.json"
    command = [str(ROOT / ".venv" / "bin" / "gmpgraph"), "build", str(folder), "-o", str(output), "--json", "-q"]
    if workers:
        command += ["--workers", str(workers)]
    os.environ.pop("GMPGRAPH_CACHE_DIR", None)
    if cache is None:  # nothing remembered: no parses, and no extractions of an earlier run of this benchmark
        os.environ["GMPGRAPH_PARSE_CACHE"] = "0"
        os.environ["GMPGRAPH_EXTRACTION_CACHE"] = "0"
    else:
        os.environ["GMPGRAPH_PARSE_CACHE"] = "1"
        os.environ["GMPGRAPH_EXTRACTION_CACHE"] = "1"
        os.environ["GMPGRAPH_CACHE_DIR"] = str(cache)
    seconds, peak, stdout = timed(command)
    return Run(seconds, peak, json.loads(stdout))


def corpus_at(scale: int) -> Path:
    if scale == 1:
        return CORPUS
    folder = DATA / f"corpus-{scale}x"
    make_corpus(CORPUS, folder, scale)
    return folder


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def totals(summary: dict) -> tuple[int, int]:
    counts = summary["counts"]
    return sum(counts["nodes"].values()), sum(counts["edges"].values())


def main() -> None:
    parser = argparse.ArgumentParser(description="Time gmpgraph build at several corpus sizes.")
    parser.add_argument("--scales", default="1,10,100", help="Corpus multiples to build (1 = the real corpus).")
    parser.add_argument("--repeat", type=int, default=5, help="Runs of the 1x build (median reported).")
    parser.add_argument("--workers", type=int, default=None, help="Passed to gmpgraph build (default: one per CPU).")
    parser.add_argument("--peer", type=Path, help="Python with spaCy: also run benchmarks/peer_spacy.py.")
    parser.add_argument("--peer-scale", type=int, default=100, help="Corpus multiple for the peer comparison.")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    DATA.mkdir(exist_ok=True)
    print(f"machine: {machine()}")
    print(f"{'corpus':>7} {'files':>6} {'MB':>8} {'wall s':>8} {'MB/s':>6} {'peak MB':>8} {'nodes':>8} {'edges':>8}"
          f" {'s per MB':>9}")
    measured: dict[int, Run] = {}
    if 1 in scales:  # the corpus warm: the parse cache filled by a first run, as on any rebuild
        with tempfile.TemporaryDirectory() as cache:
            build(CORPUS, args.workers, Path(cache))
            warm = sorted(build(CORPUS, args.workers, Path(cache)).seconds for _ in range(args.repeat))
        print(f"    1x warm (parse cache filled): median {warm[len(warm) // 2]:.2f} s of {', '.join(f'{s:.2f}' for s in warm)}")
    for scale in scales:
        folder = corpus_at(scale)
        runs = [build(folder, args.workers) for _ in range(args.repeat if scale == 1 else 1)]
        run = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]
        measured[scale] = run
        mb = size_of(folder) / 1e6
        nodes, edges = totals(run.summary)
        note = f"  (median of {len(runs)}: {', '.join(f'{r.seconds:.2f}' for r in runs)})" if len(runs) > 1 else ""
        print(f"{scale:>6}x {len(run.summary['files']):>6} {mb:>8.1f} {run.seconds:>8.2f} {mb / run.seconds:>6.2f}"
              f" {run.peak_mb:>8.0f} {nodes:>8} {edges:>8} {run.seconds / mb:>9.2f}{note}", flush=True)
    for small, big in zip(scales, scales[1:], strict=False):
        if small >= 10:  # below 10x start-up dominates, so the ratio says nothing about growth
            expected = measured[small].seconds * big / small
            print(f"linearity {small}x -> {big}x: {measured[big].seconds:.1f} s against {expected:.1f} s by linear "
                  f"extrapolation ({(measured[big].seconds / expected - 1) * 100:+.1f}%)")
    if args.peer:
        peer(args.peer.absolute(), args.peer_scale, args.workers, measured.get(args.peer_scale))


def peer(python: Path, scale: int, workers: int | None, ours: Run | None) -> None:
    folder = corpus_at(scale)
    processes = workers or len(os.sched_getaffinity(0))
    ours = ours or build(folder, workers)
    _, _, stdout = timed([str(python), str(HERE / "peer_spacy.py"), str(folder), "--processes", str(processes)])
    result = json.loads(stdout)
    mb = result["bytes"] / 1e6
    print(f"peer: {result['pipeline']} (spaCy {result['spacy']}), {processes} processes, {scale}x corpus:"
          f" {result['seconds']:.1f} s for {mb:.1f} MB = {mb / result['seconds']:.3f} MB/s")
    _, _, stdout = timed([str(python), str(HERE / "peer_spacy.py"), str(folder), "--processes", str(processes),
                          "--numpy-ops"])
    numpy_ops = json.loads(stdout)["seconds"]
    print(f"gmpgraph build, same corpus and processes: {ours.seconds:.1f} s = {mb / ours.seconds:.3f} MB/s "
          f"(start-up, resolution and writing the graph included)")
    print(f"throughput ratio gmpgraph / spaCy: {result['seconds'] / ours.seconds:.1f}x")
    print(f"the same peer multiplying with numpy as gmpgraph's models do (--numpy-ops): {numpy_ops:.1f} s, "
          f"ratio {numpy_ops / ours.seconds:.1f}x")


if __name__ == "__main__":
    main()
