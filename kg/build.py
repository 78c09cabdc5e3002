"""A build: articles in, graph and exports out. The one function the CLI calls.

The model is loaded once and passed in; spaCy Docs are streamed through
`nlp.pipe` and dropped as soon as their entities and facts are read, so memory
does not grow with the corpus.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from kg.entities import resolve_entities
from kg.exporters import DEFAULT_FORMATS, export
from kg.graph import KnowledgeGraph, document_result, merge
from kg.ingest import read_articles
from kg.kb import KnowledgeBase, load_kb
from kg.model import Article, DocumentResult, Skipped, Timings
from kg.nlp import DEFAULT_MODEL, load_pipeline
from kg.relations import Rules, extract_facts, load_rules

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BuildResult:
    graph: KnowledgeGraph
    skipped: tuple[Skipped, ...]
    written: tuple[Path, ...]
    timings: Timings


@dataclass(frozen=True)
class Extractor:
    """Everything a worker needs to read an article: model, knowledge, patterns."""

    nlp: object
    kb: KnowledgeBase
    rules: Rules

    @classmethod
    def load(cls, model: str = DEFAULT_MODEL) -> "Extractor":
        kb = load_kb()
        nlp = load_pipeline(kb, model)
        return cls(nlp, kb, load_rules(nlp.vocab))

    def read(self, articles: Iterable[Article], timings: Timings | None = None,
             batch_size: int = 16) -> Iterator[DocumentResult]:
        """Entities and facts of each article, in order; Docs are not kept."""
        timings = timings or Timings()
        stream = self.nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size)
        while True:
            start = time.perf_counter()
            item = next(stream, None)
            timings.add("parse", time.perf_counter() - start)
            if item is None:
                return
            doc, article = item
            start = time.perf_counter()
            ents = resolve_entities(doc, self.kb)
            timings.add("entities", time.perf_counter() - start)
            start = time.perf_counter()
            facts = extract_facts(doc, ents, self.rules)
            timings.add("relations", time.perf_counter() - start)
            yield document_result(article, ents, facts, words=len(doc))


def build(inputs: Sequence[Path | str], out_dir: Path, *, model: str = DEFAULT_MODEL,
          formats: Sequence[str] = DEFAULT_FORMATS, progress: Progress | None = None,
          extractor: Extractor | None = None) -> BuildResult:
    """Read `inputs`, extract the graph, write `formats` into `out_dir`."""
    timings = Timings()
    start = time.perf_counter()
    corpus = read_articles(inputs)
    timings.add("read", time.perf_counter() - start)
    start = time.perf_counter()
    extractor = extractor or Extractor.load(model)
    timings.add("load", time.perf_counter() - start)
    results = []
    total = len(corpus.articles)
    for n, result in enumerate(extractor.read(corpus.articles, timings), 1):
        results.append(result)
        if progress:
            progress(n, total)
    start = time.perf_counter()
    graph = merge(results)
    timings.add("merge", time.perf_counter() - start)
    written = export(graph, out_dir, formats,
                     on_written=lambda name, s: timings.add(f"export:{name}", s))
    return BuildResult(graph, corpus.skipped, tuple(written), timings)
