"""Benchmark: kg build against bare spaCy on the same generated corpus, in one run.

    python bench/run.py                       # N = 100, 1000, 10000
    python bench/run.py --sizes 100 1000      # a quicker run

For each N it generates a corpus (bench/generate.py), then measures, each in a
fresh process: bare `nlp.pipe` of the same model over the same texts (same
batch size as kg); `kg build` with one process; with --workers 2; and a
re-build of the unchanged corpus from the cache. It prints articles/s, words/s,
the ratio to bare spaCy, time per stage, peak RSS and triples written.
Throughput leaves out loading the model, for spaCy and kg alike.
A script that prints figures, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BATCH_SIZE = 16  # what kg.build.Extractor.read uses


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def child_bare(corpus: Path) -> dict:
    import spacy

    from kg import DEFAULT_MODEL
    from kg.ingest import read_articles

    texts = [a.text for a in read_articles([corpus]).articles]
    nlp = spacy.load(DEFAULT_MODEL)
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    return {"seconds": time.perf_counter() - start, "articles": len(texts), "words": words,
            "rss_mb": _peak_rss_mb()}


def child_kg(corpus: Path, out: Path, workers: int, cache: str) -> dict:
    from kg.build import build

    cache_dir = Path(cache) if cache else None
    if cache_dir and not any(cache_dir.iterdir()):  # fill the cache first: this measures the re-build
        build([corpus], out, workers=workers, cache_dir=cache_dir)
    start = time.perf_counter()
    result = build([corpus], out, workers=workers, cache_dir=cache_dir)
    seconds = time.perf_counter() - start
    stages = result.timings.stages
    with open(out / "graph.nt", "rb") as f:
        triples = sum(1 for _ in f)
    return {"seconds": seconds, "working_seconds": seconds - stages.get("load", 0.0),
            "articles": len(result.graph.documents), "parsed": result.parsed,
            "words": sum(d.words for d in result.graph.documents), "stages": stages,
            "rss_mb": _peak_rss_mb(), "triples": triples}


def _run_child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench: child {args[0]} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(n: int, corpus_root: Path, workers: int) -> dict:
    from bench.generate import generate

    corpus = corpus_root / f"n{n}"
    if not corpus.exists():
        generate(n, corpus)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        cache = tmp_path / "cache"
        cache.mkdir()
        return {
            "n": n,
            "bare": _run_child("bare", str(corpus)),
            "kg": _run_child("kg", str(corpus), str(tmp_path / "out1"), "1", ""),
            f"kg_workers{workers}": _run_child("kg", str(corpus), str(tmp_path / "out2"), str(workers), ""),
            "kg_cached": _run_child("kg", str(corpus), str(tmp_path / "out3"), "1", str(cache)),
        }


def report(row: dict, workers: int) -> str:
    bare, kg, par, cached = row["bare"], row["kg"], row[f"kg_workers{workers}"], row["kg_cached"]

    def rate(m: dict, key: str = "working_seconds") -> float:
        return m["articles"] / m.get(key, m["seconds"])

    bare_rate = bare["articles"] / bare["seconds"]
    lines = [f"N={row['n']}: {bare['words']} words",
             f"  bare nlp.pipe     {bare_rate:8.1f} articles/s {bare['words'] / bare['seconds']:9.0f} words/s"
             f"  peak RSS {bare['rss_mb']} MB",
             f"  kg build          {rate(kg):8.1f} articles/s {kg['words'] / kg['working_seconds']:9.0f} words/s"
             f"  ratio {rate(kg) / bare_rate:.2f}  peak RSS {kg['rss_mb']} MB  triples {kg['triples']}",
             f"  kg --workers {workers}   {rate(par):8.1f} articles/s  ({rate(par) / rate(kg):.2f}x one process,"
             f" ratio {rate(par) / bare_rate:.2f})  peak RSS {par['rss_mb']} MB",
             f"  kg re-build       {cached['seconds']:8.2f} s from the cache (first build {kg['seconds']:.2f} s:"
             f" {kg['seconds'] / cached['seconds']:.1f}x faster; parsed {cached['parsed']})",
             f"  per article       {1000 * kg['working_seconds'] / kg['articles']:.2f} ms",
             "  stages (s, one process): " + ", ".join(
                 f"{k} {v:.2f}" for k, v in sorted(kg["stages"].items(), key=lambda kv: -kv[1]))]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench-corpus")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "bare":
            print(json.dumps(child_bare(Path(rest[0]))))
        else:
            print(json.dumps(child_kg(Path(rest[0]), Path(rest[1]), int(rest[2]), rest[3])))
        return
    import os
    import platform

    print(f"# {platform.python_version()} on {os.cpu_count()} cores, batch size {BATCH_SIZE}", flush=True)
    rows = []
    for n in args.sizes:
        row = measure(n, args.corpus_dir, args.workers)
        rows.append(row)
        print(report(row, args.workers), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
