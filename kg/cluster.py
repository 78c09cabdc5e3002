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
    """Loads the pipeline once in each worker, as the worker starts or joins.
    A worker that cannot load it keeps the reason, which the driver reports
    in one line (rather than a traceback in the worker's log)."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.name = plugin_name(model)
        self.extractor: "Extractor | None" = None
        self.error: str | None = None

    def setup(self, worker) -> None:
        from kg.build import Extractor

        try:
            self.extractor = Extractor.load(self.model)
        except KgError as err:
            self.error = f"Dask worker {worker.address}: {err}"


def plugin_name(model: str) -> str:
    return f"kg-extractor-{model}"


def _extractor(worker, model: str) -> "Extractor":
    """The worker's pipeline, loaded by its plugin."""
    plugin = worker.plugins.get(plugin_name(model))
    if plugin is None:
        raise ModelError(f"Dask worker {worker.address}: the spaCy pipeline {model!r} was never loaded")
    if plugin.extractor is None:
        raise ModelError(plugin.error)
    return plugin.extractor


def read_chunk(articles: tuple[Article, ...], model: str) -> tuple[list[DocumentResult], dict[str, float]]:
    """The task a worker runs: its own loaded pipeline over one chunk."""
    timings = Timings()
    from distributed import get_worker

    results = list(_extractor(get_worker(), model).read(articles, timings))
    return results, timings.stages


def _check(model: str, dask_worker=None) -> str | None:
    """Run on every worker (Dask passes it as `dask_worker`): why it cannot read articles, or None."""
    try:
        _extractor(dask_worker, model)
    except ModelError as err:
        return str(err)
    return None


def read_on_cluster(chunks: Iterable[Chunk], client: "Client", model: str, timings: Timings) -> Iterator[Finished]:
    """Chunks submitted a few per worker at a time, yielded as they finish."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
    pending = as_completed()
    submitted: dict[str, Chunk] = {}
    for chunk in chunks:
        if not chunk.todo:
            yield chunk, []
            continue
        future = client.submit(read_chunk, chunk.todo, model, pure=False, key=f"kg-read-{uuid.uuid4().hex}")
        submitted[future.key] = chunk
        pending.add(future)
        if pending.count() >= IN_FLIGHT_PER_WORKER * workers:
            yield _finished(next(pending), submitted, timings, workers)
    for future in pending:
        yield _finished(future, submitted, timings, workers)


def _finished(future, submitted: dict[str, Chunk], timings: Timings, workers: int) -> Finished:
    results, stages = future.result()
    future.release()
    for stage, seconds in stages.items():
        timings.add(stage, seconds / workers)  # wall-clock share of parallel work
    return submitted.pop(future.key), results


@contextlib.contextmanager
def cluster(workers: int, scheduler: str | None, model: str) -> Iterator["Client"]:
    """A client of a running scheduler, or of a local cluster of `workers`
    processes, with the pipeline loaded on every worker."""
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(_connect(scheduler))
        else:
            stack.enter_context(_worker_environment())
            # the scheduler's HTTP server always starts: on a free port, not on 8787 which another cluster may hold
            local = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                     host="127.0.0.1", dashboard_address=":0"))
            client = stack.enter_context(Client(local))
        try:
            client.register_plugin(ExtractorPlugin(model))
            problems = [p for p in client.run(_check, model).values() if p]
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"cannot start the pipeline on the Dask workers: {err}") from err
        if problems:
            raise ModelError(problems[0] + (f" (and {len(problems) - 1} more workers)" if len(problems) > 1 else ""))
        yield client


def _worker_environment():
    """Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which
    makes glibc hand memory back to the system after every small free: the
    parse allocates and frees arrays all the time, and ran a fifth slower so
    (measured: 400 articles in 20.8 s against 17.5 s). The workers keep
    glibc's own adaptive threshold; their memory is bounded by the chunks
    in flight, not by the corpus. Dask's single-thread settings stay."""
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return dask.config.set({"distributed.nanny.pre-spawn-environ": environ})


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
