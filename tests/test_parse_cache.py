"""The statistical analyses remembered per sentence (``loaders.syntax.SentenceStore``) and run beside a lone
extraction (``loaders.model_process``): a changed report sends only its new sentences through the model; a
damaged or deleted cache is only a miss; the model processes give what the models in this process give, serve
only the worker forked after them, and are gone when the build is done (those tests in a spawned process,
which runs no thread)."""

from __future__ import annotations

import multiprocessing
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import CORPUS

REPORT = "overall-progress-2010-2012.txt"
#: a paragraph whose sentences need the parse (a role verb) and the entities (a speech verb and a name)
ADDED = ("\n\nAt the meeting, Jane Doerty said that the Zyxwv Mining Cooperative had trained miners in Bolivia. "
         "The Government of Norway funded the Zyxwv pilot project, which UNIDO implements in Peru.\n")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GMPGRAPH_CACHE_DIR", str(folder))
    monkeypatch.delenv("GMPGRAPH_PARSE_CACHE", raising=False)
    return folder


def analysed(text: str):
    """The report ``text`` through the pipeline: its annotated document (``ann.syntax.model_spans`` says which
    spans went through the model)."""
    from loaders.pipeline import run
    from loaders.readers import parse_text

    return run(parse_text(text, REPORT))


def report() -> str:
    path = CORPUS / REPORT
    if not path.is_file():
        pytest.skip(f"no shared corpus at {CORPUS}")
    return path.read_text(encoding="utf-8")


def test_a_changed_paragraph_sends_only_its_sentences_through_the_model(cache: Path) -> None:
    text = report()
    first = analysed(text)
    assert first.syntax.model_spans  # a cold cache: the model ran
    assert not analysed(text).syntax.model_spans  # the same report again: nothing through the model
    changed = analysed(text + ADDED)
    spans = changed.syntax.model_spans
    assert {kind for kind, _ in spans} == {"parse", "ents"}  # the new sentences, parsed and read for people
    assert all(a >= len(text) for _, (a, _) in spans), "a sentence outside the new paragraph was analysed again"
    assert len(spans) < len(first.syntax.model_spans) / 10
    assert any(n.name == "Jane Doerty" for n in changed.nodes)
    # what the cache gives is what the model gives, for the old sentences and the new
    from loaders.syntax import Syntax

    parsed = [span for kind, span in first.syntax.model_spans[:30] + spans if kind == "parse"]
    model, cached = Syntax(text + ADDED, cache=False), Syntax(text + ADDED)
    assert [p.rows() for p in cached.parse(parsed)] == [p.rows() for p in model.parse(parsed)]
    assert not cached.model_spans and model.model_spans


def test_a_damaged_or_deleted_cache_is_only_a_miss(cache: Path) -> None:
    from loaders.syntax import SENTENCES, Syntax, cache_dir

    text = "It works in Kenya. UNIDO implements the project in Peru."
    spans = [(0, 18), (19, 56)]
    fresh = Syntax(text)
    rows = [p.rows() for p in fresh.parse(spans)]
    fresh.save()
    files = sorted((cache_dir() / SENTENCES).rglob("*.json"))
    assert len(files) == 2  # one file per sentence
    again = Syntax(text)
    assert [p.rows() for p in again.parse(spans)] == rows and not again.model_spans
    files[0].write_text("{not json")
    files[1].write_text('{"parse": "not rows"}')
    damaged = Syntax(text)
    assert [p.rows() for p in damaged.parse(spans)] == rows and len(damaged.model_spans) == 2
    damaged.save()  # written anew
    rewritten = Syntax(text)
    assert [p.rows() for p in rewritten.parse(spans)] == rows and not rewritten.model_spans
    shutil.rmtree(cache)
    deleted = Syntax(text)
    assert [p.rows() for p in deleted.parse(spans)] == rows and len(deleted.model_spans) == 2


def test_a_sentence_is_found_whichever_document_holds_it(cache: Path) -> None:
    from loaders.syntax import Syntax

    one = Syntax("UNIDO implements the project in Peru. It works.")
    one.parse([(0, 37)])
    one.save()
    other = Syntax("A new opening. UNIDO implements the project in Peru.")
    other.parse([(15, 52)])
    assert other.model_spans == []


def in_fresh_process(target, *args) -> dict:
    """What ``target(*args, queue)`` puts on the queue, run in a spawned process: threads this test session may
    run (a served API) keep a process from forking model processes or workers safely."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=target, args=(*args, queue))
    child.start()
    try:
        return queue.get(timeout=600)
    finally:
        child.join(timeout=60)


def _served(queue) -> None:  # in a process forked after the model processes: what they answer it
    from loaders import model_process

    texts = ["UNIDO implements the project in Peru."]
    queue.put((model_process.serves("parse"), model_process.run("parse", "", texts)))


def _model_processes(queue) -> None:
    from loaders import model_process
    from loaders.learned.models import shipped
    from loaders.syntax import analyse_texts

    texts = ["UNIDO implements the project in Peru.", "Jane Doerty said the Zyxwv Mining Cooperative helped."]
    out: dict = {"threads": threading.active_count()}
    service = model_process.start()
    try:
        out["not_the_owner"] = model_process.run("parse", "", texts) is None and not model_process.serves("ner")
        syntax, ner_pipe = service.pipes["syntax"], service.pipes["ner"]
        out["parse"] = syntax.request("parse", "", texts) == analyse_texts(texts, "parse")
        out["ents"] = syntax.request("ents", "", texts) == analyse_texts(texts, "ents")
        ner = shipped().ner
        if ner is not None:
            ner_pipe.send("prepare", str(ner.path), [])  # loads it; its answer is read before the next one
            answer = ner_pipe.request("ner", str(ner.path), texts)
            out["ner"] = [[tuple(s) for s in found] for found in answer] == ner.entities_of(texts)
        context = multiprocessing.get_context("fork")
        child_queue = context.Queue()
        child = context.Process(target=_served, args=(child_queue,))
        child.start()
        out["served"] = child_queue.get(timeout=120) == (True, analyse_texts(texts[:1], "parse"))
        child.join(timeout=30)
        out["error"] = syntax.request("no such analysis", "", texts) is None  # the caller runs its own model
        out["goes_on"] = syntax.request("parse", "", texts[:1]) == analyse_texts(texts[:1], "parse")
    finally:
        model_process.stop()
    out["stopped"] = not service.process.is_alive() and not [
        p for p in multiprocessing.active_children() if p.name == "gmpgraph-models"]
    out["then_none"] = service.pipes["syntax"].request("parse", "", texts) is None
    queue.put(out)


def test_the_model_processes_give_what_the_models_here_give() -> None:
    result = in_fresh_process(_model_processes)
    assert result.pop("threads") == 1
    assert result == {key: True for key in result} and {"parse", "ents", "served", "stopped"} <= set(result), result


def _lone_file_rebuild(folder: str, queue) -> None:
    import os

    import gmpgraph.build as build
    from loaders import model_process

    threads = threading.active_count()
    build.build_graph([Path(folder)])
    changed = Path(folder) / REPORT
    changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    started, stopped = [], []
    start, stop = model_process.start, model_process.stop
    model_process.start = lambda: started.append(start()) or started[-1]
    model_process.stop = lambda: stopped.append(model_process._current) or stop()
    store, _ = build.build_graph([Path(folder)])
    model_process.start, model_process.stop = start, stop
    alive = [p.name for p in multiprocessing.active_children() if p.name == "gmpgraph-models"]
    os.environ["GMPGRAPH_EXTRACTION_CACHE"] = "0"
    os.environ["GMPGRAPH_PARSE_CACHE"] = "0"
    uncached, _ = build.build_graph([Path(folder)], workers=1)
    queue.put({"threads": threads, "started": len({id(s) for s in started if s is not None}),
               "stopped": all(s in stopped and not s.process.is_alive() for s in started), "alive": alive,
               "person": any(n.name == "Jane Doerty" for n in store.nodes("Person")),
               "same": (list(store.nx.nodes(data=True)) == list(uncached.nx.nodes(data=True))
                        and list(store.nx.edges(keys=True, data=True))
                        == list(uncached.nx.edges(keys=True, data=True)))})


def test_a_lone_changed_file_gets_the_model_processes_and_leaves_none_behind(cache: Path, tmp_path: Path) -> None:
    import gmpgraph.build as build

    if build.worker_count(None, [Path("a"), Path("b")]) < 2:
        pytest.skip("one CPU: a lone file is extracted in this process")
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in (REPORT, "waste-area-meeting-slides.txt"):
        if not (CORPUS / name).is_file():
            pytest.skip(f"no shared corpus at {CORPUS}")
        shutil.copy(CORPUS / name, folder / name)
    result = in_fresh_process(_lone_file_rebuild, str(folder))
    assert result["threads"] == 1  # (a process running threads never forks: it would extract in itself)
    assert result["started"] == 1 and result["stopped"] and not result["alive"]
    assert result["person"] and result["same"]
