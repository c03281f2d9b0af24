"""The statistical analyses remembered per sentence (``loaders.syntax.SentenceStore``) and run beside a lone
extraction (``loaders.model_process``): a changed report sends only its new sentences through the model; a
damaged or deleted cache is only a miss; the model process gives what the model in this process gives, serves
only the worker forked after it, and is gone when the build is done."""

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


def _served(queue) -> None:  # in a forked child: what the model processes answer it
    from loaders import model_process

    texts = ["UNIDO implements the project in Peru."]
    queue.put((model_process.serves("parse"), model_process.run("parse", "", texts)))


def test_the_model_processes_give_what_the_models_here_give() -> None:
    from loaders import model_process
    from loaders.learned.models import shipped
    from loaders.syntax import analyse_texts

    texts = ["UNIDO implements the project in Peru.", "Jane Doerty said the Zyxwv Mining Cooperative helped."]
    service = model_process.start()
    assert service is not None
    try:
        assert model_process.run("parse", "", texts) is None  # never the process that started them
        assert not model_process.serves("ner") and not model_process.prepare("ner", "x")
        syntax, ner_pipe = service.pipes["syntax"], service.pipes["ner"]
        assert syntax.request("parse", "", texts) == analyse_texts(texts, "parse")
        assert syntax.request("ents", "", texts) == analyse_texts(texts, "ents")
        ner = shipped().ner
        if ner is not None:
            assert ner_pipe.send("prepare", str(ner.path), [])  # loads it; its answer is read before the next
            answer = ner_pipe.request("ner", str(ner.path), texts)
            assert [[tuple(s) for s in found] for found in answer] == ner.entities_of(texts)
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        child = context.Process(target=_served, args=(queue,))
        child.start()
        assert queue.get(timeout=120) == (True, analyse_texts(texts[:1], "parse"))  # a process forked after: served
        child.join(timeout=30)
        assert syntax.request("no such analysis", "", texts) is None  # an error there: the caller runs its own
        assert syntax.request("parse", "", texts[:1]) == analyse_texts(texts[:1], "parse")  # and it goes on
    finally:
        model_process.stop()
    assert not service.process.is_alive()
    assert not [p for p in multiprocessing.active_children() if p.name == "gmpgraph-models"]
    assert service.pipes["syntax"].request("parse", "", texts) is None  # stopped: the caller runs its own model


def test_a_lone_changed_file_gets_the_model_process_and_leaves_none_behind(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gmpgraph.build as build
    from loaders import model_process

    if build.worker_count(None, [Path("a"), Path("b")]) < 2:
        pytest.skip("one CPU: a lone file is extracted in this process")
    assert threading.active_count() == 1  # (a process running threads never forks: it would extract in itself)
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in (REPORT, "waste-area-meeting-slides.txt"):
        if not (CORPUS / name).is_file():
            pytest.skip(f"no shared corpus at {CORPUS}")
        shutil.copy(CORPUS / name, folder / name)
    build.build_graph([folder])
    changed = folder / REPORT
    changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    started, stopped = [], []
    start, stop = model_process.start, model_process.stop
    monkeypatch.setattr(model_process, "start", lambda: started.append(start()) or started[-1])
    monkeypatch.setattr(model_process, "stop", lambda: stopped.append(model_process._current) or stop())
    store, report = build.build_graph([folder])
    assert len(started) == 1 and started[0] in stopped and not started[0].process.is_alive()
    assert not [p for p in multiprocessing.active_children() if p.name == "gmpgraph-models"]
    assert any(n.name == "Jane Doerty" for n in store.nodes("Person"))
    monkeypatch.setenv("GMPGRAPH_EXTRACTION_CACHE", "0")
    monkeypatch.setenv("GMPGRAPH_PARSE_CACHE", "0")
    uncached, _ = build.build_graph([folder], workers=1)
    assert list(store.nx.nodes(data=True)) == list(uncached.nx.nodes(data=True))
    assert list(store.nx.edges(keys=True, data=True)) == list(uncached.nx.edges(keys=True, data=True))
