"""A build: articles in, graph and exports out. The one function the CLI calls.

The model is loaded once per process and passed in; spaCy Docs are streamed
through `nlp.pipe` and dropped as soon as their entities and facts are read.
Articles go in chunks to a reader (this process, or Dask workers: kg.engine,
kg.cluster); each chunk's results are written to a Parquet partition as it
finishes (kg.records), the graph is joined from those, and the exports are
written as streams, so memory does not grow with the corpus. Articles already
in the cache are not parsed.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from kg import DEFAULT_MODEL
from kg.cache import ExtractionCache, pipeline_version
from kg.engine import Chunk, Finished, read_in_process
from kg.exporters import DEFAULT_FORMATS, export
from kg.graph import KnowledgeGraph, join
from kg.ingest import read_articles
from kg.model import Article, DocumentResult, Skipped, Timings
from kg.records import owned_store, spill_folder, write_partition

if TYPE_CHECKING:  # spaCy is imported only when a build needs the model
    from spacy.language import Language

    from kg.kb import KnowledgeBase
    from kg.relations import Rules

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
CHUNK = 32  # articles read and written together (a multiple of nlp.pipe's batch size)
PART_CHARS = 100_000  # longer articles are read in parts of about this size
RECORDS_PREFIX = "kg-records-"  # a build's Parquet records: a folder of this name, removed after


@dataclass(frozen=True)
class BuildResult:
    graph: KnowledgeGraph
    skipped: tuple[Skipped, ...]
    written: tuple[Path, ...]
    timings: Timings
    parsed: int = 0  # articles read by the model (the rest came from the cache)


@dataclass(frozen=True)
class Extractor:
    """Everything a process needs to read articles: model, knowledge, patterns."""

    nlp: "Language"
    kb: "KnowledgeBase"
    rules: "Rules"

    @classmethod
    def load(cls, model: str = DEFAULT_MODEL) -> "Extractor":
        from kg.kb import load_kb
        from kg.nlp import load_pipeline
        from kg.relations import load_rules

        kb = load_kb()
        nlp = load_pipeline(kb, model)
        return cls(nlp, kb, load_rules(nlp.vocab, reporting_verbs=kb.reporting_verbs))

    def read(self, articles: Iterable[Article], timings: Timings | None = None,
             batch_size: int = 16) -> Iterator[DocumentResult]:
        """Entities and facts of each article, in order; Docs are not kept."""
        from kg.document import document_result
        from kg.relations import extract_facts

        timings = timings if timings is not None else Timings()
        parts = ((text, (article, n, last)) for article in articles
                 for n, text, last in _parts(article.text))
        stream = self.nlp.pipe(parts, as_tuples=True, batch_size=batch_size)
        pending: list[DocumentResult] = []
        while True:
            start = time.perf_counter()
            item = next(stream, None)
            timings.add("parse", time.perf_counter() - start)
            if item is None:
                return
            doc, (article, _, last) = item
            start = time.perf_counter()
            facts = extract_facts(doc, self.rules, self.kb, article.date)
            pending.append(document_result(article, doc, facts, self.kb))
            timings.add("relations", time.perf_counter() - start)
            if last:
                yield pending[0] if len(pending) == 1 else join_parts(pending)
                pending = []


def _parts(text: str, limit: int = PART_CHARS) -> Iterator[tuple[int, str, bool]]:
    """A long article in parts that end at a line break: spaCy refuses texts
    over its max_length, and one huge Doc would hold all its memory at once."""
    if len(text) <= limit:
        yield 0, text, True
        return
    start, n = 0, 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n", start + limit // 2, end)
            end = cut + 1 if cut > 0 else end
        yield n, text[start:end], end >= len(text)
        start, n = end, n + 1


def join_parts(parts: list[DocumentResult]) -> DocumentResult:
    """One article read in parts: the union of what each part found."""
    first = parts[0]
    entities = {e.key: e for p in parts for e in p.entities}
    return DocumentResult(first.doc_id, first.date, tuple(sorted(entities.values(), key=lambda e: e.key)),
                          tuple(sorted({a for p in parts for a in p.aliases})),
                          tuple(sorted({f for p in parts for f in p.facts},
                                       key=lambda f: (f.subject, f.relation, f.obj, f.evidence, f.confidence))),
                          first.also_named, sum(p.words for p in parts), first.source)


def build(inputs: Sequence[Path | str], out_dir: Path, *, model: str = DEFAULT_MODEL,
          formats: Sequence[str] = DEFAULT_FORMATS, progress: Progress | None = None,
          extractor: Extractor | None = None, workers: int = 1, scheduler: str | None = None,
          cache_dir: Path | None = None) -> BuildResult:
    """Read `inputs`, extract the graph, write `formats` into `out_dir`.

    `workers` > 1 reads on a local Dask cluster of that many processes,
    `scheduler` ("tcp://HOST:PORT") on a running one; the output is the same.
    Per-article records go to Parquet partitions under `cache_dir` (None
    means no cache, and a temporary folder), so memory does not grow with
    the corpus."""
    timings = Timings()
    start = time.perf_counter()
    corpus = read_articles(inputs)
    timings.add("read", time.perf_counter() - start)
    cache = ExtractionCache(cache_dir, pipeline_version(model)) if cache_dir else None
    folder = spill_folder(cache_dir / "records" if cache_dir else None, RECORDS_PREFIX)
    store = owned_store(folder, 0)  # removes the folder whatever happens next
    total, written, parsed = len(corpus.articles), 0, 0
    read = _reader(model, extractor, workers, scheduler, timings)
    with contextlib.closing(read(_chunks(corpus.articles, cache))) as finished:
        for chunk, results in finished:
            if cache:
                for article, result in zip(chunk.todo, results):
                    cache.put(article, result)
            written += write_partition(folder, chunk.index, [*chunk.done, *results])
            parsed += len(chunk.todo)
            if progress:
                progress(written, total)
    start = time.perf_counter()
    graph = join(replace(store, count=written))
    timings.add("merge", time.perf_counter() - start)
    paths = export(graph, out_dir, formats, on_written=lambda name, s: timings.add(f"export:{name}", s))
    return BuildResult(graph, corpus.skipped, tuple(paths), timings, parsed)


def _chunks(articles: Sequence[Article], cache: ExtractionCache | None) -> Iterator[Chunk]:
    """The corpus in consecutive chunks, each with what the cache already had."""
    for index, first in enumerate(range(0, len(articles), CHUNK)):
        part = articles[first:first + CHUNK]
        hits = [cache.get(a) for a in part] if cache else [None] * len(part)
        yield Chunk(index, tuple(a for a, hit in zip(part, hits) if hit is None),
                    tuple(hit for hit in hits if hit is not None))


def _reader(model: str, extractor: Extractor | None, workers: int, scheduler: str | None,
            timings: Timings) -> Callable[[Iterable[Chunk]], Iterator[Finished]]:
    """In this process, or on Dask; a cluster is started only once some chunk needs reading."""
    if extractor is not None or (workers <= 1 and not scheduler):
        return lambda chunks: read_in_process(chunks, lambda: extractor or Extractor.load(model), timings)

    def on_cluster(chunks: Iterable[Chunk]) -> Iterator[Finished]:
        from kg.cluster import cluster, read_on_cluster

        chunks = iter(chunks)
        for chunk in chunks:
            if chunk.todo:
                break
            yield chunk, []
        else:
            return
        with cluster(workers, scheduler, model) as client:
            yield from read_on_cluster(itertools.chain([chunk], chunks), client, model, timings)

    return on_cluster
