"""The statistical models loaded in processes of their own, beside a lone extraction that may need them.

A rebuild after one file changed extracts that file in one worker while a CPU is otherwise idle, and most of
what the worker would spend on a new sentence is loading models rather than running them: ``import spacy``
(0.65 s on a quiet machine), then ``en_core_web_sm`` for the parses and entities and the learned NER with its base
vectors (0.3-0.4 s each), against 0.3 s for the rules to read a small report. So the build starts a model
process beside the worker (:func:`start`, before the worker is forked), which imports spaCy while the worker
runs the rules and then splits in two, one process per model, each answering what the worker sends it
(:func:`run`): ``syntax`` the parses and entities of :mod:`loaders.syntax` (``en_core_web_sm``, loaded at once),
``ner`` the spans of :mod:`loaders.learned.ner_spans` (the learned NER, loaded as soon as the worker says it may
need it, :func:`prepare`, or first asks). The answers are plain lists, the same the worker's own models would
give (the same models, the same texts); where no model process serves a process, or one fails, the caller runs
its own model, as before. A rebuild whose new sentences are all in the caches never waits for them, and
:func:`stop` ends them as soon as the worker is done.

>>> run("parse", "", ["A sentence."]) is None   # no model process here: the caller runs its own model
True
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from multiprocessing.connection import Connection
from typing import Any

#: which model process answers which task: en_core_web_sm's analyses, and the learned NER (arg: its folder)
ROLES = {"parse": "syntax", "ents": "syntax", "ner": "ner", "prepare": "ner"}


def analyse(task: str, arg: str, texts: list[str]) -> list[Any]:
    """One request answered by the models of this process (loading them if need be): ``task`` "parse" or "ents"
    (``arg`` empty) asks ``en_core_web_sm`` (:func:`loaders.syntax.analyse_texts`), "ner" the learned NER in the
    folder ``arg``, one result per text; "prepare" only loads that NER."""
    if task in ("ner", "prepare"):
        from pathlib import Path

        from loaders.learned.ner_spans import runner_for

        runner = runner_for(Path(arg))
        if task == "prepare":
            runner.nlp()
            return []
        return runner.entities_of(texts)
    from loaders.syntax import analyse_texts

    return analyse_texts(texts, task)


def _start_models(ends: dict[str, Connection], others: list[Connection]) -> None:
    """The model process: import spaCy, then fork one process per model; each serves its end of the pipes."""
    for end in others:
        end.close()  # the ends the worker uses
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupted build ends it (stop), with no traceback here
    global _current
    _current = None  # never send a request to itself
    try:
        import spacy  # noqa: F401 - once, for both models
    except ImportError:  # pragma: no cover - a broken install: each request fails, the worker meets the error
        pass
    ner = os.fork()
    if ner == 0:  # the NER's process: it ends with the syntax process (which stop() terminates) or its pipe
        ends["syntax"].close()
        _serve(ends["ner"], preload=False)
        os._exit(0)
    ends["ner"].close()

    def end(*_: object) -> None:  # the syntax process, ended, ends the NER's
        _end(ner)
        os._exit(0)

    signal.signal(signal.SIGTERM, end)
    try:
        _serve(ends["syntax"], preload=True)
    finally:
        _end(ner)


def _end(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (OSError, ChildProcessError):
        pass


def _serve(conn: Connection, preload: bool) -> None:
    """Load ``en_core_web_sm`` first if ``preload``, then answer each request (task, arg, texts) with ("ok", one
    result per text) or ("error", why) until the pipe closes."""
    if preload:
        try:
            from loaders.syntax import load_model

            load_model()
        except Exception:  # noqa: BLE001 - a missing model is said when a request needs it, by the caller's own run
            pass
    while True:
        try:
            task, arg, texts = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, Any] = ("ok", analyse(task, arg, texts))
        except Exception as exc:  # noqa: BLE001 - the caller runs its own model and meets the error there
            answer = ("error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return


class Pipe:
    """The worker's end of the pipe to one model process: requests and their answers, in order."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.broken = False
        self.unread = 0  # answers to requests sent without waiting (prepare), read before the next answer

    def send(self, task: str, arg: str, texts: list[str]) -> bool:
        """Send a request without waiting for its answer; False if the process cannot take it."""
        if self.broken:
            return False
        try:
            self.conn.send((task, arg, texts))
        except (OSError, ValueError):
            self.broken = True
            return False
        self.unread += 1
        return True

    def request(self, task: str, arg: str, texts: list[str]) -> list[Any] | None:
        """The model process's answer, or None if it cannot give one (then the caller runs its own model)."""
        if not self.send(task, arg, texts):
            return None
        try:
            while self.unread:
                status, value = self.conn.recv()
                self.unread -= 1
        except (EOFError, OSError, ValueError):
            self.broken = True
            return None
        return value if status == "ok" else None


class ModelProcesses:
    """The model processes and the pipes to them, made in the process that forks the worker (:attr:`owner`) and
    used by that worker alone."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        pairs = {role: context.Pipe(duplex=True) for role in ("syntax", "ner")}
        self.pipes = {role: Pipe(ours) for role, (ours, _) in pairs.items()}
        self.owner = os.getpid()
        self.process = context.Process(target=_start_models, name="gmpgraph-models", daemon=True,
                                       args=({role: end for role, (_, end) in pairs.items()},
                                             [ours for ours, _ in pairs.values()]))
        self.process.start()
        for _, end in pairs.values():
            end.close()

    def stop(self) -> None:
        """End the processes (they hold nothing to keep)."""
        for pipe in self.pipes.values():
            pipe.broken = True
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=5)
        for pipe in self.pipes.values():
            pipe.conn.close()


_current: ModelProcesses | None = None


def wanted() -> bool:
    """Whether model processes may be started here: unless ``GMPGRAPH_MODEL_PROCESS=0``, where there is a CPU
    to spare and no other thread runs (forking a process that runs threads could deadlock the child)."""
    on = os.environ.get("GMPGRAPH_MODEL_PROCESS", "1").lower() not in ("0", "off", "no", "false")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return on and cpus > 1 and threading.active_count() == 1


def start() -> ModelProcesses | None:
    """Start the model processes for the worker about to be forked from this process (which must run no other
    thread), or keep those started here before; :func:`stop` ends them. None if they cannot be started (the
    worker then loads its own models)."""
    global _current
    if _current is not None and _current.owner == os.getpid() and _current.process.is_alive():
        return _current
    stop()
    try:
        _current = ModelProcesses()
    except OSError:
        _current = None
    return _current


def stop() -> None:
    """End the model processes started here, if any."""
    global _current
    if _current is not None and _current.owner == os.getpid():
        _current.stop()
    _current = None


def _pipe(task: str) -> Pipe | None:
    """The pipe to the model process that answers ``task`` for this process: only a process forked after
    :func:`start` (the worker) is served, never the one that started it."""
    service = _current
    if service is None or service.owner == os.getpid() or task not in ROLES:
        return None
    return service.pipes[ROLES[task]]


def serves(task: str) -> bool:
    """Whether a model process answers ``task`` for this process."""
    return _pipe(task) is not None


def run(task: str, arg: str, texts: list[str]) -> list[Any] | None:
    """``texts`` analysed by the model process serving this process (one result per text), or None where none
    does."""
    pipe = _pipe(task)
    return pipe.request(task, arg, texts) if pipe is not None and texts else None


def prepare(task: str, arg: str) -> bool:
    """Have the model process that answers ``task`` load its model now (without waiting for it): the worker knows
    early that it will ask. False where no model process serves this process."""
    pipe = _pipe(task)
    return pipe is not None and pipe.send("prepare", arg, [])
