"""The build on Dask: `--workers N` starts a local cluster of N processes,
`--scheduler ADDRESS` uses a running one; the code that reads is the same.

Every worker loads the pipeline once, when it starts or joins
(`ExtractorPlugin.setup`); tasks are plain functions of their chunk and send
back DocumentResults. Chunks are submitted a few per worker at a time, so
neither the driver nor the scheduler holds the corpus; a worker that dies has
its tasks run again elsewhere by Dask.
"""
from __future__ import annotations

import contextlib
import logging
import uuid
from typing import TYPE_CHECKING, Iterable, Iterator

from distributed import WorkerPlugin

from kg.engine import Chunk, Finished
from kg.errors import ClusterError, KgError, ModelError
from kg.model import Article, DocumentResult, Timings

if TYPE_CHECKING:
    from distributed import Client

    from kg.build import Extractor

log = logging.getLogger(__name__)
CONNECT_SECONDS = 5  # an unreachable scheduler is reported after this long
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: enough to keep it busy, few enough to bound memory


class ExtractorPlugin(WorkerPlugin):
    """Loads the pipeline once in each worker, as the worker starts or joins."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.name = plugin_name(model)
        self.extractor: "Extractor | None" = None

    def setup(self, worker) -> None:
        from kg.build import Extractor

        try:
            self.extractor = Extractor.load(self.model)
        except KgError as err:  # the message says which worker, so the user knows where to install
            raise ModelError(f"Dask worker {worker.address}: {err}") from err


def plugin_name(model: str) -> str:
    return f"kg-extractor-{model}"


def read_chunk(articles: tuple[Article, ...], model: str) -> tuple[list[DocumentResult], dict[str, float]]:
    """The task a worker runs: its own loaded pipeline over one chunk."""
    from distributed import get_worker

    worker = get_worker()
    plugin = worker.plugins.get(plugin_name(model))
    if plugin is None or plugin.extractor is None:
        raise ModelError(f"Dask worker {worker.address}: the spaCy pipeline {model!r} is not loaded")
    timings = Timings()
    results = list(plugin.extractor.read(articles, timings))
    return results, timings.stages


def read_on_cluster(chunks: Iterable[Chunk], client: "Client", model: str, timings: Timings) -> Iterator[Finished]:
    """Chunks submitted a few per worker at a time, yielded as they finish."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
    window = IN_FLIGHT_PER_WORKER * workers
    source = iter(chunks)
    pending = as_completed()
    submitted: dict[str, Chunk] = {}

    def submit_next() -> bool:
        for chunk in source:
            if not chunk.todo:
                ready.append(chunk)
                continue
            future = client.submit(read_chunk, chunk.todo, model, pure=False, key=f"kg-read-{chunk.index}-{uuid.uuid4().hex}")
            submitted[future.key] = chunk
            pending.add(future)
            return True
        return False

    ready: list[Chunk] = []
    for _ in range(window):
        if not submit_next():
            break
    while ready or not pending.is_empty():
        while ready:
            yield ready.pop(), []
        if pending.is_empty():
            break
        future = next(pending)
        chunk = submitted.pop(future.key)
        results, stages = future.result()
        future.release()
        for stage, seconds in stages.items():
            timings.add(stage, seconds / workers)  # wall-clock share of parallel work
        submit_next()
        yield chunk, results


@contextlib.contextmanager
def cluster(workers: int, scheduler: str | None, model: str) -> Iterator["Client"]:
    """A client of a running scheduler, or of a local cluster of `workers`
    processes, with the pipeline loaded on every worker."""
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(_connect(scheduler))
        else:
            local = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                     dashboard_address=None))
            client = stack.enter_context(Client(local))
        try:
            client.register_plugin(ExtractorPlugin(model))
        except KgError:
            raise
        except Exception as err:
            raise ClusterError(f"cannot start the pipeline on the Dask workers: {err}") from err
        yield client


@contextlib.contextmanager
def _connect(address: str) -> Iterator["Client"]:
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"{address}: cannot reach the Dask scheduler ({err})") from err
    with client:
        if not client.scheduler_info()["workers"]:
            log.warning("%s: the scheduler has no workers yet; waiting for one", address)
            client.wait_for_workers(1)
        yield client
