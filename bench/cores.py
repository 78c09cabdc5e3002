"""What two processes get from this machine's cores: the ceiling of any
two-worker speed-up (`--workers 2` in bench/scale.py).

    python bench/cores.py                  # 400 generated articles
    python bench/cores.py --articles 1000

Runs the same work in one process, then in two processes at once, and prints
the wall time and each process's CPU time (loading the model excluded), for
three kinds of work: a pure Python loop, bare spaCy (`nlp.pipe` of the
project's model over generated articles), and kg's reading (`Extractor.read`,
what a worker does, in chunks as a build sends them). Two processes on two
free cores take as long as one; where they share something (a hyperthreaded
core under the virtual CPUs, memory bandwidth, a busy host), each takes
longer, and the speed-up two workers can reach is `2 × one / two`. A last
row runs kg's reading twice over on a local Dask cluster of two workers:
against the two plain processes, it shows what Dask itself costs a worker.
A script that prints figures, not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LOOP_STEPS = 30_000_000  # about three seconds


def _loop(_: Path) -> Iterator[None]:
    yield
    total = 0
    for i in range(LOOP_STEPS):
        total += i * i


def _spacy(corpus: Path) -> Iterator[None]:
    import spacy

    from kg import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    yield  # loaded: the work starts
    for _ in nlp.pipe(texts, batch_size=16):
        pass


def _kg(corpus: Path) -> Iterator[None]:
    from kg.build import CHUNK, Extractor
    from kg.ingest import read_articles
    from kg.model import Timings

    articles = read_articles([corpus]).articles
    extractor = Extractor.load()
    yield  # loaded: the work starts
    for first in range(0, len(articles), CHUNK):
        list(extractor.read(articles[first:first + CHUNK], Timings()))


def _on_dask(corpus: Path) -> dict:
    """kg's reading of the corpus twice over, on two Dask workers: wall time and each worker's CPU seconds."""
    import psutil
    from distributed import Client, LocalCluster

    from kg import DEFAULT_MODEL
    from kg.build import CHUNK
    from kg.cluster import ExtractorPlugin, _worker_environment, read_chunk
    from kg.ingest import read_articles

    articles = read_articles([corpus]).articles
    with _worker_environment(), LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                             host="127.0.0.1", dashboard_address=":0") as local, \
            Client(local) as client:
        client.register_plugin(ExtractorPlugin(DEFAULT_MODEL))
        workers = [psutil.Process(pid) for pid in client.run(os.getpid).values()]
        before = [sum(w.cpu_times()[:2]) for w in workers]
        start = time.perf_counter()
        futures = [client.submit(read_chunk, tuple(articles[first:first + CHUNK]), DEFAULT_MODEL, pure=False)
                   for _ in range(2) for first in range(0, len(articles), CHUNK)]
        client.gather(futures)
        wall = time.perf_counter() - start
        return {"wall": wall, "cpu": [sum(w.cpu_times()[:2]) - b for w, b in zip(workers, before)]}


def _run(copies: int, work: list[str]) -> dict:
    """`copies` processes of `work` at once: the work's wall time (the slowest
    copy's, loading excluded) and each copy's CPU seconds."""
    procs = [subprocess.Popen([sys.executable, __file__, *work], stdout=subprocess.PIPE, text=True)
             for _ in range(copies)]
    outs = [p.communicate()[0] for p in procs]
    if any(p.returncode for p in procs):
        sys.exit("bench: a worker process failed")
    reports = [json.loads(o.strip().splitlines()[-1]) for o in outs]
    return {"wall": max(r["wall_s"] for r in reports), "cpu": [r["cpu_s"] for r in reports]}


def _child(kind: str, corpus: str) -> None:
    """Load, then time the work alone (both copies load before either starts working, give or take)."""
    work = {"loop": _loop, "spacy": _spacy, "kg": _kg}[kind](Path(corpus))
    next(work)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in work:
        pass
    print(json.dumps({"wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    from bench.generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(args.articles, corpus)
        print("| work | one process: wall, CPU | two at once: wall, CPU each | two-process speed-up |")
        print("| --- | ---: | ---: | ---: |")
        for kind, label in (("loop", "pure Python loop"), ("spacy", f"bare spaCy, {args.articles} articles"),
                            ("kg", f"kg's reading, {args.articles} articles")):
            one = _run(1, ["--child", kind, str(corpus)])
            _row(label, one, _run(2, ["--child", kind, str(corpus)]))
        _row("kg's reading on two Dask workers", one, _on_dask(corpus))


def _row(label: str, one: dict, two: dict) -> None:
    print(f"| {label} | {one['wall']:.1f} s, {one['cpu'][0]:.1f} s | {two['wall']:.1f} s, "
          f"{', '.join(f'{c:.1f}' for c in two['cpu'])} s | {2 * one['wall'] / two['wall']:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
