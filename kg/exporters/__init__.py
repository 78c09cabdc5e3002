"""Exporters, registered by format name.

Each format maps to a file name and the dotted path of a function
`write(kg, path) -> None`, imported only when that format is written (as
rdflib's plugin registry does). Adding a format touches this table only.
Every file is written beside its target and renamed into place, so an
interrupted build leaves the previous export whole. Formats marked `apart`
(the view, the charts, GraphML and the events table, which share no work
with the RDF formats) are queued for helper processes, one per core beyond
the first, the costliest first, while the RDF formats and the property graph
are written here; then this process writes those no helper has started,
so neither side waits while the other still has work.
"""
from __future__ import annotations

import contextlib
import importlib
import logging
import os
import shutil
import tempfile
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.errors import ExportError
from kg.graph import KnowledgeGraph
from kg.locks import lock_folder


@dataclass(frozen=True)
class Format:
    name: str
    filename: str
    writer: str  # "module:function"
    description: str
    folder: bool = False  # a bundle of files rather than one file
    apart: bool = False  # written in a helper process, beside the others, when there is a core to spare
    cost: int = 0  # how long it takes to write, relative to the others apart: the costliest are queued first

    def load(self) -> Callable[[KnowledgeGraph, Path], None]:
        module, function = self.writer.split(":")
        return getattr(importlib.import_module(module), function)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("turtle", "graph.ttl", "kg.exporters.turtle:write_turtle", "RDF 1.1 Turtle"),
    Format("ntriples", "graph.nt", "kg.exporters.ntriples:write_ntriples", "N-Triples, sorted"),
    Format("jsonld", "graph.jsonld", "kg.exporters.jsonld:write_jsonld", "JSON-LD with the dip: context"),
    Format("graphml", "graph.graphml", "kg.exporters.graphml:write_graphml", "GraphML for Gephi and yEd",
           apart=True, cost=2),
    Format("neo4j", "property-graph", "kg.exporters.property_graph:write_bundle",
           "nodes.csv + relationships.csv (neo4j-admin) and Cypher loaders", folder=True),
    Format("html", "graph.html", "kg.exporters.view:write_view",
           "interactive view (offline; the most connected actors of a large graph)", apart=True, cost=3),
    Format("events", "events.csv", "kg.exporters.events:write_events", "one row per assertion, with PLOVER categories",
           apart=True, cost=1),
    Format("plots", "plots", "kg.analysis.plots:write_plots", "PNG and SVG charts of the analysis", folder=True,
           apart=True, cost=4),
)}
DEFAULT_FORMATS = tuple(FORMATS)
SPILL_PREFIX = ".kg-spill"
log = logging.getLogger(__name__)


def export(kg: KnowledgeGraph, out_dir: Path, formats: Iterable[str] = DEFAULT_FORMATS,
           on_written: Callable[[str, float], None] | None = None) -> list[Path]:
    """Write `kg` in each format into `out_dir`; returns the paths written.

    Every format is first written beside its target; only when all are
    written are they renamed into place, so an error or a kill at any moment
    leaves the previous exports whole and consistent with each other."""
    _check_not_in_helper_start()
    formats = list(dict.fromkeys(formats))
    unknown = [name for name in formats if name not in FORMATS]
    if unknown:
        raise ExportError(f"unknown format {unknown[0]!r}; known: {', '.join(FORMATS)}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(f"{out_dir}: cannot create the output folder: {err.strerror}") from err
    with _folder_lock(out_dir):
        return _write_all(kg, out_dir, formats, on_written)


def _check_not_in_helper_start() -> None:
    """A helper process starts by importing the script that started the build
    (Python's spawn method). A script that calls the build outside `if
    __name__ == "__main__":` would build again there, and wait forever for
    the folder its own parent holds: say so instead."""
    import multiprocessing

    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise ExportError("the exports were started while a helper process was importing the script that "
                          "runs the build: call it under `if __name__ == \"__main__\":`")


@contextlib.contextmanager
def _folder_lock(out_dir: Path) -> Iterator[None]:
    """One build writes into a folder at a time: a second one waits for the
    first (the lock is the kernel's, so a killed build never leaves it held)."""
    lock = lock_folder(out_dir, wait=False)
    if lock is None:
        log.warning("%s: another build is writing here; waiting for it to finish", out_dir)
        lock = lock_folder(out_dir)
    try:
        yield
    finally:
        os.close(lock)


def _write_all(kg: KnowledgeGraph, out_dir: Path, formats: list[str],
               on_written: Callable[[str, float], None] | None) -> list[Path]:
    _remove_leftovers(out_dir)
    staged: dict[str, Path] = {}
    # Intermediate files (sorted runs) beside the exports: the same disk, and removed with the leftovers.
    kg.derived["spill"] = Path(tempfile.mkdtemp(prefix=f"{SPILL_PREFIX}.", dir=out_dir))
    apart = sorted((name for name in formats if FORMATS[name].apart), key=lambda n: -FORMATS[n].cost) \
        if _cores() > 1 and len(formats) > 1 else []
    if len(apart) == len(formats):  # keep one for this process, which would only wait
        apart = apart[1:]
    try:
        with _helpers(min(len(apart), _cores() - 1)) as helper:
            pending = {name: helper.submit(_stage_timed, FORMATS[name], out_dir, kg) for name in apart}
            for name in formats:
                if name not in apart:
                    staged[name] = _record(name, _stage_timed(FORMATS[name], out_dir, kg), on_written)
            for name in reversed(apart):  # the cheapest first: what no helper has started is written here
                if pending[name].cancel():
                    staged[name] = _record(name, _stage_timed(FORMATS[name], out_dir, kg), on_written)
            for name in apart:
                if not pending[name].cancelled():
                    staged[name] = _record(name, _helper_result(pending[name]), on_written)
        for name in formats:
            _swap_in(staged[name], out_dir / FORMATS[name].filename)
    except OSError as err:
        raise ExportError(f"{out_dir}: cannot write the exports: {err.strerror or err}") from err
    finally:
        kg.derived.clear()
        _remove_leftovers(out_dir)
    return [out_dir / FORMATS[name].filename for name in formats]


def _cores() -> int:
    return len(os.sched_getaffinity(0))


@contextlib.contextmanager
def _helpers(count: int) -> Iterator[Executor | None]:
    """Helper processes (spawned: safe beside Dask's threads), or none."""
    if count < 1:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_die_with_parent) as pool:
        yield pool


def _die_with_parent() -> None:
    """A helper must not outlive a build that is killed: SIGKILL gives the
    build no time to stop it, so the kernel does (Linux's PR_SET_PDEATHSIG)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the build died before the call
        os._exit(1)


def _helper_result(future: Future) -> tuple[Path, float]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool as err:
        raise ExportError(f"a helper process writing the exports died: {err}") from err


def _record(name: str, result: tuple[Path, float], on_written: Callable[[str, float], None] | None) -> Path:
    if on_written:
        on_written(name, result[1])
    return result[0]


def _stage_timed(fmt: Format, out_dir: Path, kg: KnowledgeGraph) -> tuple[Path, float]:
    import time

    start = time.perf_counter()
    return _stage(fmt, out_dir, kg), time.perf_counter() - start


def _stage(fmt: Format, out_dir: Path, kg: KnowledgeGraph) -> Path:
    """The format written to a temporary path in `out_dir`."""
    if fmt.folder:
        tmp = Path(tempfile.mkdtemp(prefix=f".{fmt.filename}.", dir=out_dir))
        os.chmod(tmp, 0o755)
    else:
        fd, name = tempfile.mkstemp(prefix=f".{fmt.filename}.", suffix=".tmp", dir=out_dir)
        os.close(fd)
        tmp = Path(name)
        os.chmod(tmp, 0o644)
    fmt.load()(kg, tmp)
    return tmp


def _swap_in(tmp: Path, target: Path) -> None:
    if tmp.is_dir():  # a folder cannot replace a folder in one step: move the old one aside
        old = target.parent / f".{target.name}.old"
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, target)


def _remove_leftovers(out_dir: Path) -> None:
    """Temporary files of a build that was killed before it could rename them."""
    for spill in out_dir.glob(f"{SPILL_PREFIX}.*"):
        shutil.rmtree(spill, ignore_errors=True)
    for fmt in FORMATS.values():
        for stale in out_dir.glob(f".{fmt.filename}.*"):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
