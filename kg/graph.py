"""The graph: per-article results merged into one node per real thing.

`merge(results)` joins what each article contributed (kg.document) held in
memory, `join(documents)` articles already sorted by id in any re-iterable
collection (a build's Parquet records), reading them as a stream. Both are
pure and know nothing of language processing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Protocol

from kg.model import DocumentResult, Entity, Fact


class Documents(Protocol):
    """Documents sorted by id: a tuple, or a build's records read from disk on
    each iteration (kg.records.DocumentStore)."""

    def __iter__(self) -> Iterator[DocumentResult]: ...

    def __len__(self) -> int: ...


@dataclass(frozen=True)
class KnowledgeGraph:
    """Entities and their other names are held in memory (one per real thing);
    `documents` may be on disk, so iterate it rather than index it."""

    entities: dict[str, Entity]
    alt_labels: dict[str, tuple[str, ...]]
    documents: Documents
    # Views computed from this (immutable) graph by exporters, kept so that
    # formats sharing one (the sorted RDF statements) compute it once.
    derived: dict = field(default_factory=dict, compare=False, repr=False)

    def facts(self) -> Iterable[tuple[DocumentResult, Fact]]:
        for doc in self.documents:
            for fact in doc.facts:
                yield doc, fact

    def titles(self) -> dict[str, tuple[str, ...]]:
        """Entity key -> the titles (holdsPosition) read for it, sorted."""
        found: dict[str, set[str]] = {}
        for _, fact in self.facts():
            if fact.relation == "holdsPosition":
                found.setdefault(fact.subject, set()).add(fact.obj)
        return {key: tuple(sorted(values)) for key, values in found.items()}

    def summary(self) -> dict[str, dict[str, int]]:
        kinds: dict[str, int] = {}
        for entity in self.entities.values():
            kinds[entity.kind] = kinds.get(entity.kind, 0) + 1
        relations: dict[str, int] = {}
        for _, fact in self.facts():
            relations[fact.relation] = relations.get(fact.relation, 0) + 1
        return {"entities": dict(sorted(kinds.items())), "facts": dict(sorted(relations.items()))}


def merge(results: Iterable[DocumentResult]) -> KnowledgeGraph:
    """Join articles: an entity key is one node, whatever article named it."""
    return join(tuple(sorted(results, key=lambda d: d.doc_id)))


def join(documents: Documents) -> KnowledgeGraph:
    """Join articles sorted by id in one pass: the first article to name an
    entity fixes its label, as in `merge`."""
    entities: dict[str, Entity] = {}
    alt: dict[str, set[str]] = {}
    for doc in documents:
        for entity in doc.entities:
            entities.setdefault(entity.key, entity)
        for key, name in doc.aliases:
            alt.setdefault(key, set()).add(name)
    alt_labels = {k: tuple(sorted(v - {entities[k].label})) for k, v in sorted(alt.items())}
    return KnowledgeGraph(dict(sorted(entities.items())), alt_labels, documents)
