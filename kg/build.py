"""A build: articles in, graph and exports out. The one function the CLI calls.

The model is loaded once per process and passed in; spaCy Docs are streamed
through `nlp.pipe` and dropped as soon as their entities and facts are read, so
memory does not grow with the corpus. Articles already in the cache are not
parsed; with workers, each process loads its own model and reads a share.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from kg import DEFAULT_MODEL
from kg.cache import ExtractionCache, pipeline_version
from kg.exporters import DEFAULT_FORMATS, export
from kg.graph import KnowledgeGraph, merge
from kg.ingest import read_articles
from kg.model import Article, DocumentResult, Skipped, Timings

if TYPE_CHECKING:  # spaCy is imported only when a build needs the model
    from spacy.language import Language

    from kg.kb import KnowledgeBase
    from kg.relations import Rules

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
CHUNK = 32  # articles sent to a worker at a time
PART_CHARS = 100_000  # longer articles are read in parts of about this size


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
            facts = extract_facts(doc, self.rules, self.kb)
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
                          first.also_named, sum(p.words for p in parts))


def build(inputs: Sequence[Path | str], out_dir: Path, *, model: str = DEFAULT_MODEL,
          formats: Sequence[str] = DEFAULT_FORMATS, progress: Progress | None = None,
          extractor: Extractor | None = None, workers: int = 1,
          cache_dir: Path | None = None) -> BuildResult:
    """Read `inputs`, extract the graph, write `formats` into `out_dir`.
    `cache_dir` None means no cache."""
    timings = Timings()
    start = time.perf_counter()
    corpus = read_articles(inputs)
    timings.add("read", time.perf_counter() - start)
    cache = ExtractionCache(cache_dir, pipeline_version(model)) if cache_dir else None
    results: dict[str, DocumentResult] = {}
    todo = []
    for article in corpus.articles:
        hit = cache.get(article) if cache else None
        if hit is not None:
            results[article.doc_id] = hit
        else:
            todo.append(article)
    total, done = len(corpus.articles), len(results)
    if progress and done:
        progress(done, total)
    for article, result in zip(todo, _extract(todo, model, extractor, workers, timings)):
        results[article.doc_id] = result
        if cache:
            cache.put(article, result)
        done += 1
        if progress:
            progress(done, total)
    start = time.perf_counter()
    graph = merge(results.values())
    timings.add("merge", time.perf_counter() - start)
    written = export(graph, out_dir, formats, on_written=lambda name, s: timings.add(f"export:{name}", s))
    return BuildResult(graph, corpus.skipped, tuple(written), timings, len(todo))


def _extract(articles: list[Article], model: str, extractor: Extractor | None, workers: int,
             timings: Timings) -> Iterator[DocumentResult]:
    if not articles:
        return
    if workers > 1 and extractor is None and len(articles) > CHUNK:
        yield from _extract_in_workers(articles, model, workers, timings)
        return
    start = time.perf_counter()
    extractor = extractor or Extractor.load(model)
    timings.add("load", time.perf_counter() - start)
    yield from extractor.read(articles, timings)


def _extract_in_workers(articles: list[Article], model: str, workers: int,
                        timings: Timings) -> Iterator[DocumentResult]:
    """Chunks of articles to `workers` processes, results back in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from kg import worker

    chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=worker.start,
                             initargs=(model,)) as pool:
        for results, stages in pool.map(worker.read_chunk, chunks):
            for stage, seconds in stages.items():
                timings.add(stage, seconds / workers)  # wall-clock share of parallel work
            yield from results
