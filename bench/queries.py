"""Benchmark: every named query on a graph of N articles (default 10,000).

    python bench/queries.py [--articles 10000]

Extracts a 1,000-article generated corpus once (cached), repeats its
per-article results under new document names up to N articles, writes the
Turtle, then times `kg query` for each named query as a user runs it (a fresh
process: start-up, opening the graph's store, the query), twice: the first
run of the first query also builds the store beside the graph.
A script that prints figures, not a test.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The queries that take an actor or issue are timed as they are used: bound.
BINDINGS = {"concerns-of-actor": ["--bind", "actor=country/china"],
            "concerns-about-issue": ["--bind", "issue=issue/human-rights"],
            "facts-about-actor": ["--bind", "actor=country/china"],
            "sides-of-issue": ["--bind", "target=country/ukraine"]}


def main() -> None:
    from bench.generate import generate
    from kg.build import build
    from kg.exporters import export
    from kg.graph import merge
    from kg.query import named_queries

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        generate(1000, tmp_path / "corpus")
        base = build([tmp_path / "corpus"], tmp_path / "base", formats=["turtle"], workers=2,
                     cache_dir=tmp_path / "cache").graph.documents
        docs = [replace(d, doc_id=f"r{n // len(base)}-{d.doc_id}")
                for n, d in enumerate(base[i % len(base)] for i in range(args.articles))]
        graph = merge(docs)
        start = time.perf_counter()
        [ttl] = export(graph, tmp_path / "big", ["turtle"])
        with open(ttl, "rb") as f:
            triples = sum(1 for line in f if line.rstrip().endswith((b" .", b";", b",")))
        print(f"{args.articles} articles, Turtle written in {time.perf_counter() - start:.2f} s "
              f"({ttl.stat().st_size / 1e6:.0f} MB)", flush=True)
        for n, name in enumerate(named_queries()):
            bind = BINDINGS.get(name, [])
            times = []
            for _ in range(2):  # the first run of the first query also loads the store
                start = time.perf_counter()
                proc = subprocess.run([sys.executable, "-m", "kg", "query", str(ttl), "--name", name,
                                       "--format", "csv", *bind], capture_output=True, text=True, cwd=ROOT)
                times.append(time.perf_counter() - start)
            rows = max(0, len(proc.stdout.splitlines()) - 1)
            print(f"  {name:22} {' '.join(bind):32} {times[0]:6.2f} s, again {times[1]:6.2f} s"
                  f"  {rows:7d} rows  (exit {proc.returncode})", flush=True)


if __name__ == "__main__":
    main()
