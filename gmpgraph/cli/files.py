"""Commands on graph files: ``build``, ``info``, ``read``, ``eval`` and ``schema``.

    gmpgraph build ../shared/corpus            # build graph.json from a folder of reports
    gmpgraph info                              # what the graph holds
    gmpgraph schema                            # JSON Schema of the export
"""

from __future__ import annotations

import gc
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from gmpgraph.cli.common import (
    DEFAULT_GRAPH,
    EXIT_FAILED,
    EXIT_STRICT,
    EXIT_USAGE,
    GraphOption,
    JsonOption,
    ReviewsOption,
    err,
    fail,
    load_or_exit,
    out,
)


commands = typer.Typer()


@commands.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of reports (folders are read recursively).",
                                                show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the graph (node-link JSON).")]
    = DEFAULT_GRAPH,
    as_json: JsonOption = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit with code 3 if any file could not be read.")]
    = False,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Refuse files larger than this (MB).")] = 32.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-j", min=1, show_default="one per CPU",
        help="Processes extracting files in parallel (1 = in this process).")] = None,
    reviews: ReviewsOption = None,
) -> None:
    """Build the graph from report files and write it as node-link JSON.

    Every file is read as a document; one that cannot be read (empty, binary, not UTF-8)
    is reported with its reason and the others are still built. Prints a summary of the
    nodes and edges by type. The reviewers' decisions (reviews.jsonl beside the output, or
    --reviews FILE) are applied before the graph is written; one whose target is gone is reported.

    Example:  gmpgraph build ../shared/corpus -o graph.json
    """
    from gmpgraph.extraction_cache import enabled as extraction_cache_enabled
    from loaders import model_process

    if extraction_cache_enabled() and model_process.wanted():
        model_process.start()  # a rebuild's models start loading before anything else (build_graph stops them
        # if no lone file is to be extracted: gmpgraph.build._extractions)
    from gmpgraph import __version__
    from gmpgraph.build import InputError, build_graph, discover
    from gmpgraph.graphfile import save_graph
    from gmpgraph.review.decisions import default_reviews

    try:
        files = discover(paths)
    except InputError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    if not files:
        err.print(f"[red]error:[/] no files found under {', '.join(map(str, paths))}")
        raise typer.Exit(EXIT_USAGE)

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # refreshed by hand after each file: no refresh thread may run while the worker processes fork
    with Progress(TextColumn("[bold]building[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=err, transient=True, auto_refresh=False,
                  disable=quiet or not err.is_terminal) as progress:
        task = progress.add_task("", total=len(files))
        store, report = build_graph(files, max_bytes=int(max_mb * 1_000_000), workers=workers,
                                    on_file=lambda r: progress.update(task, advance=1, description=r.file,
                                                                      refresh=True))
    from loaders.learned.models import current

    gc.freeze()  # the graph lives until this process ends: the collector need not walk it again (0.1 s of a rebuild)
    meta = {"built_at": datetime.now(UTC).isoformat(timespec="seconds"), "gmpgraph_version": __version__,
            "model": current().description(),
            "documents": [f.file for f in report.built],
            "sources": {f.file: str(Path(f.path).resolve()) for f in report.built},
            "failed": [{"file": f.path, "error": f.error} for f in report.failed]}
    meta["reviews"] = _apply_reviews(store, reviews or default_reviews(output), meta["sources"], quiet or as_json)
    if report.built:
        save_graph(store, output, meta)
    summary: dict[str, Any] = {"output": str(output) if report.built else None, **report.model_dump(),
                               "failed": len(report.failed)}
    if as_json:
        print(json.dumps(summary, indent=1))
    else:
        _print_build_summary(report, output)
    if not report.built:
        err.print("[red]error:[/] no document could be read; no graph written")
        raise typer.Exit(EXIT_FAILED)
    if strict and report.failed:
        raise typer.Exit(EXIT_STRICT)


def _apply_reviews(store: Any, reviews: Path, sources: dict[str, str], quiet: bool) -> dict[str, Any] | None:
    """Apply a review file's decisions to a freshly built graph; what was applied and missed, for the graph's
    metadata (None without a review file). A decision whose target is gone is said on stderr."""
    from gmpgraph.review.apply import apply_decisions, texts_from
    from gmpgraph.review.decisions import ReviewFileError, read_decisions

    try:
        decisions = read_decisions(reviews)
    except ReviewFileError as exc:
        raise fail(f"{exc}; fix or remove that line (the graph was not written)", EXIT_FAILED) from None
    if not decisions:
        return None
    outcome = apply_decisions(store, decisions, texts_from(sources))
    if not quiet:
        err.print(f"applied {outcome.applied} of {len(decisions)} review decision(s) from {escape(str(reviews))}")
    for missed in outcome.missing:
        err.print(f"[yellow]review decision not applied:[/] {escape(missed.decision.action)} "
                  f"{escape(missed.decision.subject())} ({escape(missed.decision.by)}, {missed.decision.when[:10]}): "
                  f"{escape(missed.reason)}")
    return {"file": str(reviews), "decisions": len(decisions), "applied": outcome.applied,
            "missing": [{"decision": m.decision.model_dump(exclude_none=True), "reason": m.reason}
                        for m in outcome.missing]}


def _print_build_summary(report: Any, output: Path) -> None:
    for f in report.failed:
        err.print(f"[yellow]skipped[/] {f.path}: {f.error.split(': ', 1)[-1]}")
    out.print(f"Built [bold]{len(report.built)}[/] of {len(report.files)} files -> [bold]{output}[/]")
    _print_counts(report.counts)


def _print_counts(counts: dict[str, dict[str, int]]) -> None:
    table = Table(title=None, show_edge=False)
    table.add_column("nodes")
    table.add_column("count", justify="right")
    table.add_column("edges")
    table.add_column("count", justify="right")
    nodes, edges = list(counts["nodes"].items()), list(counts["edges"].items())
    for i in range(max(len(nodes), len(edges))):
        n = nodes[i] if i < len(nodes) else ("", "")
        e = edges[i] if i < len(edges) else ("", "")
        table.add_row(n[0], str(n[1]), e[0], str(e[1]))
    table.add_row("[bold]total", f"[bold]{sum(counts['nodes'].values())}", "[bold]total",
                  f"[bold]{sum(counts['edges'].values())}")
    out.print(table)


@commands.command()
def info(graph: GraphOption = DEFAULT_GRAPH, as_json: JsonOption = False) -> None:
    """Show what a built graph holds: counts by type, source documents, files that failed.

    Example:  gmpgraph info --graph graph.json
    """
    store = load_or_exit(graph)
    meta = dict(store.nx.graph)
    documents = [{"id": d.id, "file": d.file, "format": d.format, "title": d.title, "date": d.date,
                  "period": [d.period_start, d.period_end] if d.period_start else None, "chars": d.chars}
                 for d in store.nodes("Document")]
    result = {"graph": str(graph), **store.counts(), "documents": documents, "failed": meta.get("failed", []),
              "built_at": meta.get("built_at"), "gmpgraph_version": meta.get("gmpgraph_version"),
              "model": meta.get("model"), "reviews": meta.get("reviews")}
    from gmpgraph.review.worklist import coverage

    result["reviewed"] = coverage(store)
    if as_json:
        print(json.dumps(result, indent=1))
        return
    out.print(f"[bold]{graph}[/] built {result['built_at'] or '?'} by gmpgraph {result['gmpgraph_version'] or '?'}")
    model = result["model"] or {}
    if model:
        data = f", training data {model['training_data'][:12]}" if model.get("training_data") else ""
        out.print(f"extractor: {model.get('name')} {model.get('version') or ''}{data}".rstrip())
    out.print(f"{len(documents)} documents:")
    for d in documents:
        dated = f", {d['date']}" if d["date"] else ""
        out.print(f"  {d['file']} ({d['format'] or 'text'}{dated}) {d['title'] or ''}")
    for f in result["failed"]:
        out.print(f"[yellow]failed at build:[/] {f['file']}: {f['error']}")
    _print_counts(store.counts())
    from gmpgraph.review.worklist import coverage_line

    out.print(coverage_line(store))


@commands.command()
def read(
    path: Annotated[Path, typer.Argument(help="A report: text, Markdown-ish, PDF or DOCX (told from its content).",
                                         show_default=False)],
    as_json: JsonOption = False,
    depth: Annotated[int, typer.Option("--depth", min=1, help="Show blocks down to this nesting depth.")] = 99,
) -> None:
    """Show how gmpgraph reads one document: its metadata and block tree with locators.

    The locators printed here ('para 26', '§IV.3 b) bullet 4', 'table 2 row "Mercury in
    products"', 'footnote 17') are the ones provenance uses.

    Example:  gmpgraph read ../shared/corpus/pag6-meeting-report-2014.txt --depth 2
    """
    from loaders.readers import read_document
    from loaders.text import ReadError

    try:
        doc, _ = read_document(path)
    except ReadError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    if as_json:
        print(doc.model_dump_json(indent=1, exclude={"text"}))
        return
    meta = doc.meta
    out.print(f"[bold]{meta.file}[/] ({meta.format})")
    for label, value in (("title", meta.title), ("symbol", meta.symbol), ("date", meta.date),
                         ("meeting", meta.meeting), ("period", f"{meta.period_start} to {meta.period_end}"
                                                     if meta.period_start else None)):
        if value:
            out.print(f"  {label}: {value}")
    from rich.tree import Tree

    tree = Tree("[dim]blocks[/]")

    def add(node: Tree, blocks: list, level: int) -> None:
        for block in blocks:
            text = " ".join(doc.block_text(block).split())
            label = f"[cyan]{escape(block.locator)}[/] [dim]{block.kind}[/] {escape(text[:70])}"
            child = node.add(label)
            if level < depth:
                add(child, block.children, level + 1)

    add(tree, doc.blocks, 1)
    out.print(tree)
    if doc.dropped:
        out.print(f"[dim]dropped {len(doc.dropped)} spans: "
                  + ", ".join(sorted({d.reason for d in doc.dropped})) + "[/]")


@commands.command("eval")
def eval_(
    graph: Annotated[Path | None, typer.Argument(help="Graph file (node-link JSON) to score.", show_default=False)]
    = None,
    gold: Annotated[list[Path] | None, typer.Argument(help="Gold annotation files or folders of them.",
                                                      show_default=False)] = None,
    as_json: JsonOption = False,
    show_errors: Annotated[int, typer.Option("--show-errors", min=0, metavar="N",
                                             help="List up to N false positives / negatives of each kind.")] = 0,
    cv: Annotated[int | None, typer.Option("--cv", min=2, metavar="K", help=(
        "Cross-validate instead: train the learned models on all annotated texts but one fold, extract the fold "
        "with them, for K folds by document; print the micro-F1 of the rules alone and of the rules with the "
        "models, per set and over all. No GRAPH or GOLD then."))] = None,
    work: Annotated[Path | None, typer.Option("--work", help="Where --cv keeps the NER of each fold (reused "
                                                             "by later runs and by 'gmpgraph train').",
                                              show_default="a folder in the system's temporary folder")] = None,
    rules_miss: Annotated[int, typer.Option("--rules-miss", min=0, max=100, metavar="PCT", help=(
        "With --cv: take PCT% of the rules' names away from the texts scored (the same names in every text), "
        "before the learned decisions read them: how the extractor fares where the rules miss names, as they "
        "do in texts nobody read while writing them."))] = 0,
    compare: Annotated[Path | None, typer.Option("--compare", metavar="RUN.json", help=(
        "With --cv: also compare the learned figures with an earlier run's --json output over the same texts, "
        "with a 95% interval of the change from drawing the texts again: whether a change is a sure gain."),
        show_default=False)] = None,
) -> None:
    """Score a graph against gold annotations (the same numbers as ../shared/eval/gmp_eval.py), or measure how
    the extractor generalises with --cv K.

    Gold files follow ONTOLOGY.md: {"document", "entities": [...], "relations": [...]}.

    Examples:
      gmpgraph eval graph.json ../shared/gold/dev --show-errors 20
      gmpgraph eval --cv 5        # every annotated text, 5 folds by document (about 6 minutes on 2 cores)
      gmpgraph eval --cv 5 --rules-miss 30    # the same, 30% of the rules' names taken away
      gmpgraph eval --cv 5 --json > before.json   # then, after a change:
      gmpgraph eval --cv 5 --compare before.json  # is the change a sure gain?
    """
    if cv is not None:
        _cross_validate(cv, work, as_json, rules_miss, _earlier_run(compare))
        return
    for given, name in ((rules_miss, "--rules-miss"), (compare, "--compare")):
        if given:
            err.print(f"[red]error:[/] {name} goes with --cv K (see gmpgraph eval --help)")
            raise typer.Exit(EXIT_USAGE)
    from gmpgraph.evaluate import evaluate, format_table

    if graph is None or not gold:
        err.print("[red]error:[/] give a GRAPH and at least one GOLD file or folder, or --cv K "
                  "(see gmpgraph eval --help)")
        raise typer.Exit(EXIT_USAGE)
    for path in (graph, *gold):
        if not path.exists():
            err.print(f"[red]error:[/] {path}: no such file or folder")
            raise typer.Exit(EXIT_USAGE)
    try:
        result = evaluate(graph, gold)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        err.print(f"[red]error:[/] cannot score {graph} against {', '.join(map(str, gold))}: {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    if as_json:
        print(json.dumps(result, indent=1))
        return
    print(format_table(result, show_errors))
    for warning in result["gold_warnings"]:
        err.print(f"gold warning: {warning}")


def _earlier_run(path: Path | None) -> dict | None:
    """An earlier ``eval --cv --json`` output, read before a long run starts (a usage error if it is unreadable)."""
    if path is None:
        return None
    try:
        run = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        err.print(f"[red]error:[/] --compare {path}: cannot read it as an 'eval --cv --json' output ({exc})")
        raise typer.Exit(EXIT_USAGE) from None
    if not isinstance(run, dict) or not isinstance(run.get("per_text"), dict):
        err.print(f"[red]error:[/] --compare {path}: not an 'eval --cv --json' output with per-text counts "
                  "(one made by this version of gmpgraph)")
        raise typer.Exit(EXIT_USAGE)
    return run


def _cross_validate(k: int, work: Path | None, as_json: bool, rules_miss: int = 0,
                    earlier: dict | None = None) -> None:
    from gmpgraph.learn.crossval import compare_runs, cross_validate, format_comparison, format_cv
    from gmpgraph.learn.texts import annotated_texts, default_sets

    sets = default_sets()
    if not sets:
        err.print("[red]error:[/] no annotated texts found (looked for ../shared beside the repository and "
                  "data/annotated)")
        raise typer.Exit(EXIT_USAGE)
    texts = annotated_texts(sets)
    err.print(f"cross-validating over {len(texts)} annotated texts "
              f"({', '.join(f'{s.name}: {sum(t.set == s.name for t in texts)}' for s in sets)}), {k} folds by document")
    result = cross_validate(texts, k, work, progress=lambda line: err.print(f"  {line}"), rules_miss=rules_miss)
    comparison = None
    if earlier is not None:
        try:
            comparison = compare_runs(earlier, result)
        except ValueError as exc:
            err.print(f"[yellow]warning:[/] cannot compare with the earlier run: {exc}")
    if as_json:
        print(json.dumps({**result, "comparison": comparison} if comparison else result, indent=1))
        return
    print(format_cv(result))
    if comparison:
        print("\ncompared with the earlier run (learned figures):")
        print(format_comparison(comparison))


@commands.command()
def train(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where to write the models.",
                                                show_default="loaders/models, where the extractor reads them")]
    = None,
    work: Annotated[Path | None, typer.Option("--work", help="Where the NER of each fold is kept (shared with "
                                                             "eval --cv).",
                                              show_default="a folder in the system's temporary folder")] = None,
    seed: Annotated[int, typer.Option("--seed", help="The seed of every random choice.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Rebuild the learned models from every annotated text, with fixed seeds (about 9 minutes on 2 cores).

    Trains the statistical NER (spaCy, config gmpgraph/learn/ner.cfg, fine-tuned from en_core_web_md), the
    entity decision and the relation reader (scikit-learn), and writes them with their card MODEL.json (what
    they were trained on, its hash) to loaders/models. Needs scikit-learn: pip install -e '.[train]'.

    Example:  gmpgraph train && git diff --stat loaders/models
    """
    try:
        import sklearn  # noqa: F401
    except ImportError:
        err.print("[red]error:[/] training needs scikit-learn: pip install -e '.[train]' (./dev test installs it)")
        raise typer.Exit(EXIT_USAGE) from None
    from gmpgraph.learn.texts import annotated_texts
    from gmpgraph.learn.train import train_all
    from loaders.learned.models import MODELS

    texts = annotated_texts()
    if not texts:
        err.print("[red]error:[/] no annotated texts found (../shared beside the repository, data/annotated)")
        raise typer.Exit(EXIT_USAGE)
    err.print(f"training on {len(texts)} annotated texts, seed {seed}")
    card = train_all(texts, output or MODELS, work, seed, progress=lambda line: err.print(f"  {line}"))
    summary = {k: card[k] for k in ("name", "version", "training_data", "trained_on_texts", "seed", "base")}
    if as_json:
        print(json.dumps({"output": str(output or MODELS), **summary}, indent=1))
    else:
        out.print(f"models written to {output or MODELS}: {summary}")


@commands.command()
def schema(
    part: Annotated[str, typer.Argument(help="Which schema: 'graph' (the whole export), 'node', 'edge' "
                                             "or 'provenance'.")] = "graph",
) -> None:
    """Print the JSON Schema of the graph export (or of one part of it).

    Example:  gmpgraph schema node > node.schema.json
    """
    from schema import GraphExport, Provenance, edge_adapter, node_adapter

    schemas = {"graph": GraphExport.model_json_schema, "node": node_adapter.json_schema,
               "edge": edge_adapter.json_schema, "provenance": Provenance.model_json_schema}
    if part not in schemas:
        err.print(f"[red]error:[/] unknown schema {part!r}; choose one of: {', '.join(schemas)}")
        raise typer.Exit(EXIT_USAGE)
    print(json.dumps(schemas[part](), indent=1))
