"""Chunks of articles and the in-process reader.

Articles travel in chunks: consecutive slices of the corpus sorted by id,
each with the results the cache already had. A reader turns chunks into
DocumentResults (never Docs) and may finish them in any order; the caller
sorts them out by index. `read_in_process` is one process; `kg.cluster`
reads on Dask.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from kg.model import Article, DocumentResult, Timings

if TYPE_CHECKING:
    from kg.build import Extractor


@dataclass(frozen=True)
class Chunk:
    """Consecutive articles of the corpus: `done` came from the cache, `todo` is to be read."""

    index: int
    todo: tuple[Article, ...]
    done: tuple[DocumentResult, ...] = ()


Finished = tuple[Chunk, list[DocumentResult]]


def read_in_process(chunks: Iterable[Chunk], load: Callable[[], "Extractor"], timings: Timings) -> Iterator[Finished]:
    """Every chunk read here, in order; the model is loaded only if some chunk needs it."""
    extractor = None
    for chunk in chunks:
        if chunk.todo and extractor is None:
            start = time.perf_counter()
            extractor = load()
            timings.add("load", time.perf_counter() - start)
        yield chunk, list(extractor.read(chunk.todo, timings)) if chunk.todo else []
