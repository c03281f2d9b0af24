"""``gmpgraph eval --cv K``: generalisation measured as the field does. The annotated texts are cut into K
folds by document (never by paragraph); for each fold the learned models are trained on the other folds
only and the fold's texts are extracted with them; the graphs of each set are then scored, all folds
together, with the evaluator's rules. The same folds give the figure of the rules alone.

The NER of each fold (trained without it) also gives the NER spans of the fold's texts that the entity
decision is trained on in the other folds ("out of fold"), so no decision is fitted on spans of a model that
saw its text.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from gmpgraph.evaluate import Gold, prf, score
from gmpgraph.graphfile import graph_to_json
from gmpgraph.learn.bootstrap import Counts, gain_interval, interval, micro_f1
from gmpgraph.learn.decisions import fit_decisions
from gmpgraph.learn.texts import AnnotatedText, training_data_hash
from loaders.learned.models import Models, using
from loaders.extract import extract_document
from loaders.pipeline import PIPELINE

Progress = Callable[[str], None]
#: where the NER of each fold is kept between runs (shared by ``eval --cv`` and ``train``)
WORK = Path(tempfile.gettempdir()) / "gmpgraph-cv"


def folds_of(texts: list[AnnotatedText], k: int) -> list[int]:
    """The fold of each text: texts sorted by a hash of their name and dealt round, so folds mix the sets
    and do not change when a text is added elsewhere in the list.

    >>> from types import SimpleNamespace as T
    >>> folds_of([T(set="a", file=f"{i}.txt") for i in range(4)], 2)
    [1, 0, 0, 1]
    """
    order = sorted(range(len(texts)), key=lambda i: hashlib.sha256(f"{texts[i].set}/{texts[i].file}".encode()).hexdigest())
    fold = [0] * len(texts)
    for rank, i in enumerate(order):
        fold[i] = rank % k
    return fold


def out_of_fold_ner(texts: list[AnnotatedText], fold: list[int], k: int, work: Path, seed: int = 0,
                    progress: Progress = print, workers: int = 2) -> dict[str, list[tuple[int, int, str]]]:
    """Each text's NER spans from the model trained on the other folds (models cached in ``work`` by a hash
    of what they were trained on and of the training config); ``workers`` folds train at once."""
    from gmpgraph.learn.ner import train_in_subprocess
    from loaders.learned.ner_spans import NerRunner

    outs, jobs = [], []
    for i in range(k):
        train = [t for t, f in zip(texts, fold) if f != i]
        out = work / f"ner-{ner_digest(train, seed)}"
        outs.append(out)
        if not (out / "meta.json").is_file():
            jobs.append((i, train, out))
    if jobs:
        progress(f"training the NER of {len(jobs)} fold(s), {min(workers, len(jobs))} at a time "
                 f"(two to three minutes each on two cores)")
        run_parallel([(train_in_subprocess, (train, out, seed)) for _, train, out in jobs], workers)
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for i, out in enumerate(outs):
        runner = NerRunner(out)
        for t, f in zip(texts, fold):
            if f == i:
                spans[t.sha256] = runner.spans(t.doc.text)
    return spans


def ner_digest(texts: list[AnnotatedText], seed: int) -> str:
    """What a trained NER depends on: its texts and gold, how its examples are made from them (the projection
    and the example code), its config and its seed."""
    from gmpgraph.learn import ner, projection
    from gmpgraph.learn.ner import CONFIG

    digest = hashlib.sha256(training_data_hash(texts).encode())
    for module in (projection, ner):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(CONFIG.read_bytes())
    digest.update(f"seed={seed}".encode())
    return digest.hexdigest()[:16]


def run_parallel(calls: list[tuple[Callable, tuple]], workers: int) -> list:
    """Run ``calls`` in up to ``workers`` threads (each call's work is a child process of its own)."""
    if workers <= 1 or len(calls) <= 1:
        return [fn(*args) for fn, args in calls]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_call, calls))


def _call(call: tuple[Callable, tuple]):
    fn, args = call
    return fn(*args)


def cross_validate(texts: list[AnnotatedText], k: int = 5, work: Path | None = None, seed: int = 0,
                   progress: Progress = print, rules_miss: int = 0) -> dict:
    """Scores (micro P/R/F1 of entities and relations, per set and over all) of the rules alone and of the
    rules with the learned models, each text extracted by models that never saw it; with ``rules_miss``, the
    texts scored lose that share of the rules' names (:func:`missing_rule_names`)."""
    work = Path(work or WORK)
    work.mkdir(parents=True, exist_ok=True)
    fold = folds_of(texts, k)
    ner = out_of_fold_ner(texts, fold, k, work, seed, progress)
    progress("reading every text with the rules, fitting each fold's decisions, extracting each fold")
    pipeline = missing_rule_names(rules_miss) if rules_miss else PIPELINE
    rules_only = {t.sha256: _extract(t, Models(), pipeline) for t in texts}
    readings: dict = {}  # the rules' reading of each text, made once for all folds
    learned = {}
    for i in range(k):
        train = [t for t, f in zip(texts, fold) if f != i]
        models = fit_decisions(train, ner, readings)
        for t, f in zip(texts, fold):
            if f == i:
                learned[t.sha256] = _extract(t, models, pipeline)
    progress("scoring")
    per_text = {_key(t): {"rules": _text_counts(t, rules_only[t.sha256]), "learned": _text_counts(t, learned[t.sha256])}
                for t in texts}
    return {"k": k, "folds": fold, "texts": len(texts), "rules_miss": rules_miss,
            "rules": _scores(texts, rules_only), "learned": _scores(texts, learned),
            "intervals": _intervals(texts, per_text), "per_text": per_text}


def missing_rule_names(percent: int) -> tuple:
    """The extraction pipeline with a component before the entity decision that takes away ``percent`` per
    cent of the names the rules found of the learned types (the same names, by a hash, in every text): a
    stress test for texts whose names the rules miss, as they miss more in texts nobody read while writing
    them. The hash is not the rule dropout's (:func:`gmpgraph.learn.decisions.dropped`), so the names taken
    away are not those the decision was shown without their rules."""
    from loaders.entities.found import name_key
    from loaders.learned.entities import TYPES
    from gmpgraph.learn.decisions import dropped

    def forget(ann) -> None:
        ann.found = [f for f in ann.found
                     if f.node_type not in TYPES or not dropped("miss:" + name_key(f.name), percent)]

    at = next(i for i, (name, _) in enumerate(PIPELINE) if name == "learned_entities")
    return (*PIPELINE[:at], ("missing_rule_names", forget), *PIPELINE[at:])


def _extract(text: AnnotatedText, models: Models, pipeline: tuple = PIPELINE):
    with using(models):
        return extract_document(text.doc.model_copy(deep=True), sha256=text.sha256, pipeline=pipeline)


def _scores(texts: list[AnnotatedText], extractions: dict) -> dict:
    out = {}
    totals = {"entities": [0, 0, 0], "relations": [0, 0, 0]}
    for set_name in dict.fromkeys(t.set for t in texts):
        members = [t for t in texts if t.set == set_name]
        gold = Gold([g for t in members for g in t.gold_files])
        result = score(_graph_of([extractions[t.sha256] for t in members]), gold)
        out[set_name] = {"entities": result["entities_micro"], "relations": result["relations_micro"],
                         "per_type": {k: v["f1"] for k, v in {**result["entities"], **result["relations"]}.items()}}
        for part in ("entities", "relations"):
            m = result[f"{part}_micro"]
            for j, key in enumerate(("tp", "fp", "fn")):
                totals[part][j] += m[key]
    out["all"] = {part: prf(*totals[part]) for part in totals}
    return out


def _graph_of(extractions: list) -> dict:
    """The node-link graph of some texts' extractions, resolved as a build resolves them."""
    from gmpgraph.build import merge_extraction
    from gmpgraph.infer import add_mandate_supports
    from gmpgraph.resolve import resolve_entities
    from gmpgraph.store import GraphStore

    store = GraphStore()
    for extraction in extractions:
        merge_extraction(store, extraction)
    resolve_entities(store)
    add_mandate_supports(store)
    return graph_to_json(store)


def _key(text: AnnotatedText) -> str:
    """A text's key in a run's per-text counts: its set and file, 'train/e-08-agc-png-....txt'."""
    return f"{text.set}/{text.file}"


def _set_of(key: str) -> str:
    return key.split("/", 1)[0]


def _text_counts(text: AnnotatedText, extraction) -> dict[str, Counts]:
    """One text's graph scored alone against its own gold: (tp, fp, fn) of entities and of relations."""
    result = score(_graph_of([extraction]), Gold(list(text.gold_files)))
    return {part: tuple(result[f"{part}_micro"][key] for key in ("tp", "fp", "fn"))
            for part in ("entities", "relations")}


def _intervals(texts: list[AnnotatedText], per_text: dict) -> dict:
    """Per set and over all: the 95% bootstrap intervals (by document) of the learned figure and of its gain
    over the rules alone (:mod:`gmpgraph.learn.bootstrap`)."""
    out = {}
    for set_name in [*dict.fromkeys(t.set for t in texts), "all"]:
        keys = [_key(t) for t in texts if set_name in ("all", t.set)]
        out[set_name] = {
            part: {"learned": interval([per_text[key]["learned"][part] for key in keys]),
                   "gain": gain_interval([per_text[key]["rules"][part] for key in keys],
                                         [per_text[key]["learned"][part] for key in keys])}
            for part in ("entities", "relations")}
    return out


def format_cv(result: dict) -> str:
    """The cross-validated figures as a table."""
    missing = f", {result['rules_miss']}% of the rules' names taken away" if result.get("rules_miss") else ""
    lines = [f"cross-validation: {result['k']} folds by document over {result['texts']} annotated texts{missing}",
             f"{'set':<10} {'rules: entities':>16} {'relations':>10}   {'learned: entities':>18} {'relations':>10}"
             f"   {'gain 95%: entities':>19} {'relations':>16}"]
    for set_name in result["learned"]:
        r, m = result["rules"][set_name], result["learned"][set_name]
        gains = [_signed(result["intervals"][set_name][part]["gain"]) if "intervals" in result else ""
                 for part in ("entities", "relations")]
        lines.append(f"{set_name:<10} {r['entities']['f1']:>16.3f} {r['relations']['f1']:>10.3f}   "
                     f"{m['entities']['f1']:>18.3f} {m['relations']['f1']:>10.3f}   {gains[0]:>19} {gains[1]:>16}")
    if "intervals" in result:
        lines += ["gain: learned minus rules alone, a 95% interval from drawing the texts again (by document,",
                  "paired); one that holds 0 is no sure gain or loss"]
    return "\n".join(lines)


def compare_runs(before: dict, after: dict) -> dict:
    """Per set and over all, the learned figures of two cross-validation runs (``--json`` outputs over the same
    texts) and the 95% paired bootstrap interval of their change. Raises ``ValueError`` if the runs did not
    score the same texts or one of them has no per-text counts (an output of an older gmpgraph)."""
    if "per_text" not in before or "per_text" not in after:
        raise ValueError("a run without per-text counts (made by an older gmpgraph): run it again with --json")
    if set(before["per_text"]) != set(after["per_text"]):
        raise ValueError(f"the runs scored different texts ({len(before['per_text'])} and "
                         f"{len(after['per_text'])}): compare runs over the same annotated texts")
    keys = list(after["per_text"])
    out = {}
    for set_name in [*dict.fromkeys(_set_of(key) for key in keys), "all"]:
        chosen = [key for key in keys if set_name in ("all", _set_of(key))]
        out[set_name] = {}
        for part in ("entities", "relations"):
            was, now = ([run["per_text"][key]["learned"][part] for key in chosen] for run in (before, after))
            out[set_name][part] = {"before": micro_f1(was), "after": micro_f1(now), "change": gain_interval(was, now)}
    return out


def format_comparison(comparison: dict) -> str:
    """:func:`compare_runs` as a table."""
    lines = [f"{'set':<10} {'entities: before':>17} {'after':>6} {'change, 95%':>17}   "
             f"{'relations: before':>18} {'after':>6} {'change, 95%':>17}"]
    for set_name, parts in comparison.items():
        e, r = parts["entities"], parts["relations"]
        lines.append(f"{set_name:<10} {e['before']:>17.3f} {e['after']:>6.3f} {_signed(e['change']):>17}   "
                     f"{r['before']:>18.3f} {r['after']:>6.3f} {_signed(r['change']):>17}")
    lines += ["each text scored alone (its graph against its gold); the change's interval from drawing the texts",
              "again, the same in both runs: one that holds 0 is no sure change"]
    return "\n".join(lines)


def _signed(bounds: list[float] | tuple[float, float]) -> str:
    """'[-0.004, +0.031]'."""
    return f"[{bounds[0]:+.3f}, {bounds[1]:+.3f}]"


