"""What keeps memory bounded: records on disk, sorted runs, a view that fits."""
from __future__ import annotations

import datetime as dt
import os
import random
import time

from kg.build import build
from kg.exporters import view
from kg.extsort import sorted_unique
from kg.graph import join, merge
from kg.model import DocumentResult, Entity, Fact
from kg.records import DocumentStore, owned_store, spill_folder, write_partition
from tests.conftest import SEEDS


def _doc(n: int, *facts: Fact) -> DocumentResult:
    keys = sorted({k for f in facts for k in (f.subject, f.obj)})
    return DocumentResult(f"d{n:03d}", dt.date(2024, 1, 1 + n % 28) if n % 3 else None,
                          tuple(Entity(k, "Person", k.title(), None) for k in keys), (), facts,
                          (f"copy-{n}",) if n % 5 == 0 else (), 10 * n, f"https://x.example/{n}" if n % 2 else None)


def test_scale_external_sort_is_sorted_set_across_many_runs(tmp_path):
    rng = random.Random(3)
    words = ["a", "é", "z", "\\", "\u2028"]  # a backslash and a Unicode line separator too
    lines = [f"<{rng.randrange(300)}> {rng.choice(words)} ." for _ in range(2_000)]
    assert list(sorted_unique(lines, tmp_path / "runs", run_chars=500)) == sorted(set(lines))
    assert list(sorted_unique(lines, tmp_path / "runs", run_chars=500, max_open=3)) == sorted(set(lines))
    assert not list((tmp_path / "runs").iterdir())  # runs are removed once read


def test_scale_records_left_by_a_killed_build_are_removed_by_the_next(tmp_path):
    """A build killed with SIGKILL cannot remove its records; the next build
    removes those no live build holds, and nothing else."""
    hour_ago = (time.time() - 3600,) * 2
    abandoned = tmp_path / "kg-records-killed"
    abandoned.mkdir()
    (abandoned / "part-00000000.parquet").write_bytes(b"partial")
    live = owned_store(spill_folder(tmp_path, "kg-records-"), 0)  # a build still running
    young = tmp_path / "kg-records-starting"  # created, its build about to lock it
    young.mkdir()
    other = tmp_path / "kg-other"
    other.mkdir()
    for path in (abandoned, live.folder, other):
        os.utime(path, hour_ago)
    new = spill_folder(tmp_path, "kg-records-")
    assert not abandoned.exists()
    assert live.folder.exists() and young.exists() and other.exists() and new.is_dir()
    folder = live.folder
    del live
    assert not folder.exists()  # a store's own folder goes with it


def test_scale_records_read_back_in_id_order_whatever_the_write_order(tmp_path):
    docs = [_doc(n, Fact("a", "metWith", "b", f"sentence {n}", 0.9)) for n in range(40)]
    chunks = [docs[i:i + 8] for i in range(0, 40, 8)]
    for index in (3, 0, 4, 1, 2):
        write_partition(tmp_path, index, reversed(chunks[index]))
    store = DocumentStore(tmp_path, 40)
    assert list(store) == docs and list(store) == docs  # re-iterable
    assert len(store) == 40 and store[17] == docs[17] and store[-1] == docs[-1]
    assert join(store).entities == merge(docs).entities


def test_scale_a_large_graph_s_view_shows_the_most_connected_and_says_so(tmp_path, monkeypatch, extractor):
    monkeypatch.setattr(view, "MAX_NODES", 8)
    result = build([SEEDS], tmp_path / "out", formats=["html"], extractor=extractor)
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert f"the 8 most connected of {len(result.graph.entities)} actors" in page


def test_scale_most_connected_keeps_the_facts_among_the_top_actors():
    docs = [_doc(0, Fact("a", "metWith", "b", "s1", 0.9), Fact("a", "urged", "c", "s2", 0.9)),
            _doc(1, Fact("a", "metWith", "b", "s3", 0.9), Fact("d", "warned", "e", "s4", 0.9))]
    graph = merge(docs)
    degree, count = view._degrees(graph)
    shown = view.most_connected(graph, degree, 2, 10)
    assert count == 4 and list(shown.entities) == ["a", "b"]
    assert [f.evidence for _, f in shown.facts()] == ["s1", "s3"]
    assert [f.evidence for _, f in view.most_connected(graph, degree, 2, 1).facts()] == ["s1"]


def test_scale_a_jsonl_url_is_the_document_s_source(tmp_path, extractor):
    (tmp_path / "crawl.jsonl").write_text(
        '{"id": "a1", "text": "Sergei Lavrov met Hakan Fidan in Ankara.", "url": "https://news.example/a 1?q=\\"x\\""}\n',
        encoding="utf-8")
    build([tmp_path / "crawl.jsonl"], tmp_path / "out", formats=["ntriples"], extractor=extractor)
    lines = (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert ("<https://w3id.org/diplomacy-kg/id/document/a1> <http://purl.org/dc/terms/source> "
            "<https://news.example/a%201?q=%22x%22> .") in lines
