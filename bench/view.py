"""Benchmark: time until graph.html shows a stable view in headless Chromium.

    python bench/view.py                 # 200, 2,000 and 10,000 nodes
    python bench/view.py --sizes 200

Builds synthetic graphs of the given sizes (people, countries, bodies and
issues with typed facts), renders them with kg's HTML exporter, opens each in
Debian's chromium through Playwright with every network request blocked, and
prints the time from navigation until the view is drawn and still (physics
stabilised and stopped, or positions precomputed). A script that prints
figures, not a test.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.graph import KnowledgeGraph  # noqa: E402
from kg.model import DocumentResult, Entity, Fact  # noqa: E402
from kg.vocab import RELATIONS  # noqa: E402


def synthetic_graph(nodes: int, seed: int = 5) -> KnowledgeGraph:
    rng = random.Random(seed)
    kinds = ["Person"] * 5 + ["Country"] * 2 + ["Organization"] * 2 + ["Issue"]
    entities = {}
    for i in range(nodes):
        kind = rng.choice(kinds)
        key = f"{kind.lower()}/n{i}"
        entities[key] = Entity(key, kind, f"{kind} {i}")
    keys = list(entities)
    actors = [k for k in keys if not k.startswith("issue/")]
    issues = [k for k in keys if k.startswith("issue/")] or actors
    relations = [r for r in RELATIONS if r != "holdsPosition"]
    docs, facts = [], []
    for i in range(int(nodes * 1.5)):
        relation = rng.choice(relations)
        target = issues if relation in ("raisedConcernAbout", "discussed") else actors
        subject, obj = rng.choice(actors), rng.choice(target)
        if subject != obj:
            facts.append(Fact(subject, relation, obj, f"Sentence {i} says {relation}.", 0.8))
    per_doc = 50
    for n in range(0, len(facts), per_doc):
        chunk = tuple(facts[n:n + per_doc])
        used = {f.subject for f in chunk} | {f.obj for f in chunk}
        docs.append(DocumentResult(f"doc{n}.txt", dt.date(2024, 1, 1),
                                   tuple(entities[k] for k in sorted(used)), (), chunk))
    return KnowledgeGraph(entities, {}, tuple(docs))


def time_to_stable(html: Path) -> tuple[float, int, int]:
    from tests.browser import open_view

    start = time.perf_counter()
    with open_view(html, width=1400, height=900) as visit:
        # open_view returns once the first frame is drawn; then wait for physics to stop
        visit.page.wait_for_function(
            "() => !kgView.network.physics.physicsEnabled || kgView.network.physics.stabilized",
            timeout=600_000)
        seconds = time.perf_counter() - start
        return seconds, len(visit.requests), len(visit.errors)


def main() -> None:
    from kg.exporters.html import render_html

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            graph = synthetic_graph(n)
            start = time.perf_counter()
            html = Path(tmp) / f"graph-{n}.html"
            html.write_text(render_html(graph), encoding="utf-8")
            render = time.perf_counter() - start
            seconds, requests, errors = time_to_stable(html)
            edges = len({(f.subject, f.relation, f.obj) for _, f in graph.facts()})
            print(f"{n:6d} nodes {edges:6d} edges: written in {render:5.2f} s, stable view in {seconds:6.2f} s "
                  f"({html.stat().st_size / 1e6:.1f} MB, {requests} requests, {errors} console errors)", flush=True)


if __name__ == "__main__":
    main()
