"""The driver's memory past the corpus sizes a 2-core machine can parse in a
session: the records of a real 200-article build are repeated under new
document ids to N articles, then the driver's own work is measured in a fresh
process without spaCy (as the driver of a cluster build): reading N generated articles (their text is what the driver holds
while it sends them out), joining the records, and writing every export.

    python bench/driver_memory.py --sizes 10000 50000

Prints the peak RSS of each step. The parse itself happens on the workers
and is measured by bench/scale.py.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = 200


def child(n: int, work: Path) -> dict:
    from bench.generate import generate
    from kg.build import CHUNK
    from kg.exporters import export
    from kg.graph import join
    from kg.ingest import read_articles
    from kg.records import DocumentStore, write_partition

    sample = list(DocumentStore(work / "sample-records", SAMPLE))
    records = work / f"records-{n}"
    records.mkdir()
    for index in range(0, n // CHUNK + 1):
        ids = range(index * CHUNK, min(n, (index + 1) * CHUNK))
        write_partition(records, index, [replace(sample[i % SAMPLE], doc_id=f"{i:08d}.txt") for i in ids])
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # no spaCy here: the workers parse
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        generate(n, corpus)
    articles = read_articles([corpus]).articles
    after_read = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    del articles
    graph = join(DocumentStore(records, n))
    export(graph, work / f"out-{n}")
    return {"n": n, "entities": len(graph.entities), "after_writing_records_mb": base,
            "after_reading_articles_mb": after_read,
            "after_export_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "triples": sum(1 for _ in open(work / f"out-{n}" / "graph.nt", "rb"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(int(args.child[0]), Path(args.child[1]))))
        return
    from bench.generate import generate
    from kg.build import Extractor
    from kg.ingest import read_articles
    from kg.records import write_partition

    with tempfile.TemporaryDirectory() as tmp:
        generate(SAMPLE, Path(tmp) / "sample", seed=5)
        (Path(tmp) / "sample-records").mkdir()
        write_partition(Path(tmp) / "sample-records", 0,
                        Extractor.load().read(read_articles([Path(tmp) / "sample"]).articles))
        for n in args.sizes:
            proc = subprocess.run([sys.executable, __file__, "--child", str(n), tmp], capture_output=True, text=True)
            if proc.returncode:
                sys.exit(proc.stderr[-2000:])
            print(proc.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
