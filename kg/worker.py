"""The worker side of `kg build --workers N`: each process loads the pipeline
once (in `start`) and reads chunks of articles with it."""
from __future__ import annotations

from kg.model import Article, DocumentResult, Timings

# The one piece of process-wide state: a worker's own Extractor, set once by
# the pool's initializer. The parent process never touches it.
_extractor = None


def start(model: str) -> None:
    global _extractor
    from kg.build import Extractor

    _extractor = Extractor.load(model)


def read_chunk(articles: list[Article]) -> tuple[list[DocumentResult], dict[str, float]]:
    timings = Timings()
    results = list(_extractor.read(articles, timings))
    return results, timings.stages
