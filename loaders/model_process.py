"""The statistical models loaded in a process of their own, beside a lone extraction that may need them.

A rebuild after one file changed extracts that file in one worker while a CPU is otherwise idle, and most of
what the worker would spend on a new sentence is loading a model (``import spacy`` and ``en_core_web_sm``:
about 1.2 s on a quiet machine, as long as the rules take to read the largest report) rather than running
it. So the build starts a :class:`ModelProcess` beside the worker (:func:`start`, before the worker is
forked): it loads ``en_core_web_sm`` at once, while the worker runs the rules, and then analyses what the
worker sends it (:func:`run`): the dependency parses and entities of :mod:`loaders.syntax`, and the learned
NER's spans of :mod:`loaders.learned.ner_spans` (that model is loaded only when asked for). The results are
plain lists, the same the worker's own model would give (the same model, the same texts); where no model
process serves a process, or it fails, the caller runs its own model, as before. A rebuild whose new
sentences are all in the caches never waits for it, and :func:`stop` ends it as soon as the worker is done.

>>> run("parse", "", ["A sentence."]) is None   # no model process here: the caller runs its own model
True
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing.connection import Connection
from typing import Any

def analyse(task: str, arg: str, texts: list[str]) -> list[Any]:
    """One request answered by the models of this process (loading them if need be): ``task`` "parse" or "ents"
    (``arg`` empty) asks ``en_core_web_sm`` (:func:`loaders.syntax.analyse_texts`), "ner" the learned NER in the
    folder ``arg``; one result per text."""
    if task == "ner":
        from pathlib import Path

        from loaders.learned.ner_spans import runner_for

        return runner_for(Path(arg)).entities_of(texts)
    from loaders.syntax import analyse_texts

    return analyse_texts(texts, task)


def _serve(conn: Connection, other: Connection) -> None:
    """The model process: load ``en_core_web_sm``, then answer each request (task, arg, texts) with ("ok", one
    result per text) or ("error", why) until the pipe closes."""
    other.close()  # the end the worker uses
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupted build ends it (stop), with no traceback here
    global _current
    _current = None  # never send a request to itself
    try:
        from loaders.syntax import load_model

        load_model()  # a missing model is said when a request needs it, by the caller's own attempt
    except Exception:  # noqa: BLE001
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


class ModelProcess:
    """A forked process holding the models, and the pipe to it, made in the process that forks the worker
    (:attr:`owner`) and used by that worker alone."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe(duplex=True)
        self.owner = os.getpid()
        self.process = context.Process(target=_serve, args=(child, self.conn), name="gmpgraph-models", daemon=True)
        self.process.start()
        child.close()
        self.broken = False

    def request(self, task: str, arg: str, texts: list[str]) -> list[Any] | None:
        """The model process's answer, or None if it cannot give one (then the caller runs its own model)."""
        if self.broken:
            return None
        try:
            self.conn.send((task, arg, texts))
            status, value = self.conn.recv()
        except (EOFError, OSError, ValueError):
            self.broken = True
            return None
        return value if status == "ok" else None

    def stop(self) -> None:
        """End the process (it holds nothing to keep)."""
        self.broken = True
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=5)
        self.conn.close()


_current: ModelProcess | None = None


def start() -> ModelProcess | None:
    """Start a model process for the worker about to be forked from this process (which must run no other
    thread); :func:`stop` ends it. None if no process can be started (the worker then loads its own models)."""
    global _current
    stop()
    try:
        _current = ModelProcess()
    except OSError:
        _current = None
    return _current


def stop() -> None:
    """End the model process started here, if any."""
    global _current
    if _current is not None and _current.owner == os.getpid():
        _current.stop()
    _current = None


def run(task: str, arg: str, texts: list[str]) -> list[Any] | None:
    """``texts`` analysed by the model process serving this process (one result per text), or None where none
    does: only a process forked after :func:`start` (the worker) is served, never the one that started it."""
    service = _current
    if service is None or service.owner == os.getpid() or not texts:
        return None
    return service.request(task, arg, texts)
