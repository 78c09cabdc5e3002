"""What two processes get from this machine's cores: the ceiling of any
two-worker speed-up (`--workers 2` in bench/scale.py).

    python bench/cores.py                  # 400 generated articles
    python bench/cores.py --articles 1000

Runs the same work in one process, then in two processes at once, and prints
the wall time and each process's CPU time, for two kinds of work: a pure
Python loop, and bare spaCy (`nlp.pipe` of the project's model over generated
articles). Two processes on two free cores take as long as one; where they
share something (a hyperthreaded core under the virtual CPUs, memory
bandwidth, a busy host), each takes longer, and the speed-up two workers can
reach is `2 × one / two`. A script that prints figures, not a test.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LOOP_STEPS = 30_000_000  # about three seconds


def _loop() -> None:
    total = 0
    for i in range(LOOP_STEPS):
        total += i * i


def _spacy(corpus: Path) -> None:
    import spacy

    from kg import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    for _ in nlp.pipe(texts, batch_size=16):
        pass


def _run(copies: int, work: list[str]) -> dict:
    """`copies` processes of `work` at once: wall time and each one's CPU seconds."""
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, __file__, *work], stdout=subprocess.PIPE, text=True)
             for _ in range(copies)]
    outs = [p.communicate()[0] for p in procs]
    wall = time.perf_counter() - start
    if any(p.returncode for p in procs):
        sys.exit("bench: a worker process failed")
    return {"wall": wall, "cpu": [json.loads(o.strip().splitlines()[-1])["cpu_s"] for o in outs]}


def _child(kind: str, corpus: str) -> None:
    import resource

    if kind == "loop":
        _loop()
    else:
        _spacy(Path(corpus))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"cpu_s": usage.ru_utime + usage.ru_stime}))


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
        for kind, label in (("loop", "pure Python loop"), ("spacy", f"bare spaCy, {args.articles} articles")):
            one = _run(1, ["--child", kind, str(corpus)])
            two = _run(2, ["--child", kind, str(corpus)])
            print(f"| {label} | {one['wall']:.1f} s, {one['cpu'][0]:.1f} s | {two['wall']:.1f} s, "
                  f"{', '.join(f'{c:.1f}' for c in two['cpu'])} s | {2 * one['wall'] / two['wall']:.2f}× |",
                  flush=True)


if __name__ == "__main__":
    main()
