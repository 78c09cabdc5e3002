"""Scale benchmark: one process, a local Dask cluster (--workers 2) and an
external scheduler with two workers, on generated corpora.

    python bench/scale.py                       # N = 10000 and 50000
    python bench/scale.py --sizes 10000         # one size
    python bench/scale.py --sizes 50000 --engines workers   # one engine

Each build runs in a fresh process with every format and no cache. Printed:
articles/s (end to end, cluster start and model loading included), the
driver's peak RSS (its own getrusage), each worker's peak RSS (sampled every
0.2 s with psutil: the local cluster's worker processes, or the `dask worker`
processes), CPU seconds of the driver and of each worker (which, unlike wall
time, do not depend on what else the machine runs), and whether the three
builds wrote identical bytes. A script that
prints figures, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(corpus: Path, out: Path, workers: int, scheduler: str) -> dict:
    from kg.build import build

    start = time.perf_counter()
    result = build([corpus], out, workers=workers, scheduler=scheduler or None, cache_dir=None)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"seconds": seconds, "articles": len(result.graph.documents), "driver_rss_mb": usage.ru_maxrss / 1024,
            "driver_cpu_s": usage.ru_utime + usage.ru_stime, "stages": result.timings.stages}


def _digest(out: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(out)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _measure(corpus: Path, out: Path, workers: int, scheduler: str, watched: list[int], logs: Path) -> dict:
    """One build in a child process, sampling the memory of its descendants and of `watched`."""
    import psutil

    with open(logs / f"{out.name}.out", "w") as stdout, open(logs / f"{out.name}.err", "w") as stderr:
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(corpus), str(out), str(workers), scheduler],
                                stdout=stdout, stderr=stderr)
        peaks: dict[int, float] = {}
        cpu: dict[int, float] = {}
        before = {pid: sum(psutil.Process(pid).cpu_times()[:2]) for pid in watched}
        while proc.poll() is None:
            try:
                others = [p.pid for p in psutil.Process(proc.pid).children(recursive=True)] + watched
            except psutil.NoSuchProcess:
                others = watched
            for pid in others:
                try:
                    process = psutil.Process(pid)
                    peaks[pid] = max(peaks.get(pid, 0.0), process.memory_info().rss / 2**20)
                    cpu[pid] = sum(process.cpu_times()[:2]) - before.get(pid, 0.0)
                except psutil.NoSuchProcess:
                    pass
            time.sleep(0.2)
    if proc.returncode != 0:
        sys.exit(f"bench: build failed:\n{(logs / f'{out.name}.err').read_text()[-2000:]}")
    figures = json.loads((logs / f"{out.name}.out").read_text().strip().splitlines()[-1])
    # the biggest descendants of a local cluster are its workers (nannies and trackers are small)
    workers = sorted(peaks, key=peaks.get, reverse=True)[:2] if not watched else watched
    return {**figures, "worker_rss_mb": [peaks.get(p, 0.0) for p in workers],
            "worker_cpu_s": [cpu.get(p, 0.0) for p in workers], "digest": _digest(out)}


ENGINES = ("one process", "--workers 2", "scheduler + 2 workers")


def measure(n: int, corpus_root: Path, engines: tuple[str, ...] = ENGINES) -> dict:
    from bench.cluster import dask_cluster
    from bench.generate import generate

    corpus = corpus_root / f"n{n}"
    if not corpus.exists():
        generate(n, corpus)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        row: dict = {"n": n}
        if "one process" in engines:
            row["one process"] = _measure(corpus, tmp_path / "one", 1, "", [], tmp_path)
        if "--workers 2" in engines:
            row["--workers 2"] = _measure(corpus, tmp_path / "local", 2, "", [], tmp_path)
        if "scheduler + 2 workers" in engines:
            with dask_cluster(tmp_path / "dask-logs") as (address, procs):
                row["scheduler + 2 workers"] = _measure(corpus, tmp_path / "external", 1, address,
                                                        [p.pid for p in procs], tmp_path)
    return row


def report(row: dict) -> str:
    one = row.get("one process")
    lines = []
    for engine in (e for e in ENGINES if e in row):
        m = row[engine]
        rate = m["articles"] / m["seconds"]
        alone = engine == "one process"
        rss = "-" if alone else ", ".join(f"{w:.0f}" for w in m["worker_rss_mb"]) + " MB"
        cpu = f"{m['driver_cpu_s']:.0f}" + ("" if alone else " / " + ", ".join(f"{c:.0f}" for c in m["worker_cpu_s"]))
        speedup = f"{rate / (one['articles'] / one['seconds']):.2f}x" if one else "-"
        same = "-" if not one else "same" if m["digest"] == one["digest"] else "DIFFERENT"
        lines.append(f"| {row['n']:,} | {engine} | {m['seconds']:.1f} s | {rate:.1f} art/s | {speedup} | "
                     f"{m['driver_rss_mb']:.0f} MB | {rss} | {cpu} | {same} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench-corpus")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--engines", nargs="+", choices=["one", "workers", "scheduler"],
                        default=["one", "workers", "scheduler"], help="which builds to measure (default: all three)")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        corpus, out, workers, scheduler = args.child
        print(json.dumps(child(Path(corpus), Path(out), int(workers), scheduler)))
        return
    print("| N | engine | build | throughput | vs one process | driver peak RSS | worker peak RSS "
          "| CPU s (driver / workers) | output |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |", flush=True)
    rows = []
    for n in args.sizes:
        engines = tuple(e for e, short in zip(ENGINES, ("one", "workers", "scheduler")) if short in args.engines)
        rows.append(measure(n, args.corpus_dir, engines))
        print(report(rows[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
