"""The build on a real Dask cluster: a `dask scheduler` and two `dask worker`
processes on 127.0.0.1, started and stopped by these tests."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from bench.cluster import dask_cluster, free_port
from kg.build import build
from tests.conftest import SEEDS, run_kg

FORMATS = ["turtle", "ntriples", "jsonld", "graphml", "neo4j"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with dask_cluster(tmp_path_factory.mktemp("dask-logs")) as (address, _):
        yield address


@pytest.fixture(scope="module")
def corpus200(tmp_path_factory):
    from bench.generate import generate

    folder = tmp_path_factory.mktemp("corpus200")
    generate(200, folder, seed=11)
    return folder


@pytest.fixture(scope="module")
def one_process_200(tmp_path_factory, corpus200, extractor):
    return build([corpus200], tmp_path_factory.mktemp("one"), formats=FORMATS, extractor=extractor)


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_cluster_seeds_through_a_scheduler_are_byte_identical(tmp_path, cluster, seeds_build):
    result = build([SEEDS], tmp_path / "out", scheduler=cluster, formats=FORMATS)
    assert result.parsed == 5
    reference = seeds_build.written[0].parent
    assert _files(tmp_path / "out") == {k: v for k, v in _files(reference).items() if k in _files(tmp_path / "out")}


def test_cluster_200_articles_through_a_scheduler_are_byte_identical(tmp_path, cluster, corpus200,
                                                                     one_process_200):
    result = build([corpus200], tmp_path / "out", scheduler=cluster, formats=FORMATS)
    assert result.parsed == 200 and len(result.graph.documents) == 200
    assert _files(tmp_path / "out") == _files(one_process_200.written[0].parent)


def test_cluster_a_worker_killed_mid_build_still_gives_the_whole_graph(tmp_path, corpus200, one_process_200):
    with dask_cluster(tmp_path / "logs") as (address, workers):
        killed: list[int] = []

        def kill_after_first_chunk(done: int, total: int) -> None:
            if not killed and done >= 32:
                os.kill(workers[0].pid, signal.SIGKILL)
                killed.append(done)

        result = build([corpus200], tmp_path / "out", scheduler=address, formats=FORMATS,
                       progress=kill_after_first_chunk)
        assert killed and killed[0] < 200
        assert workers[0].wait(10) == -signal.SIGKILL
    assert len(result.graph.documents) == 200
    assert _files(tmp_path / "out") == _files(one_process_200.written[0].parent)


def test_cluster_unreachable_scheduler_is_one_line_and_exit_2_within_10_seconds(tmp_path):
    start = time.monotonic()
    proc = run_kg("build", str(SEEDS), "--out", str(tmp_path / "out"), "--no-cache",
                  "--scheduler", f"tcp://127.0.0.1:{free_port()}")
    assert time.monotonic() - start < 10
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "cannot reach the Dask scheduler" in proc.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_cluster_workers_without_the_model_are_one_line_and_exit_2(tmp_path, cluster):
    proc = run_kg("build", str(SEEDS), "--out", str(tmp_path / "out"), "--no-cache", "-q",
                  "--scheduler", cluster, "--model", "no_such_pipeline_sm")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert proc.stderr.startswith("kg: error: Dask worker tcp://127.0.0.1:")
    assert "no_such_pipeline_sm" in proc.stderr
