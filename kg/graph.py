"""The graph: per-article results merged into one node per real thing.

`document_result(article, ents, facts)` fixes what one article contributes;
`merge(results)` joins articles held in memory, `join(documents)` articles
already sorted by id in any re-iterable collection (a build's Parquet
records), reading them as a stream. All are pure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator, Protocol

from kg.model import Article, DocumentResult, Entity, Fact
from kg.titles import POSSESSIVE
from kg.vocab import RELATIONS

if TYPE_CHECKING:  # kg.entities needs spaCy, which commands that only read graphs never load
    from kg.entities import DocEntities



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


def document_result(article: Article, ents: "DocEntities", facts: list[Fact], words: int = 0) -> DocumentResult:
    """What one article contributes: the entities it mentions, their names, its facts."""
    facts = [_oriented(f) for f in facts]
    used = {f.subject for f in facts} | {f.obj for f in facts if f.relation != "holdsPosition"}
    strong = {m.key for i, m in enumerate(ents.mentions) if not m.weak and i not in ents.as_issue}
    keys = strong | used | set(ents.as_issue.values())
    aliases: set[tuple[str, str]] = set()
    for mention in ents.mentions:
        if mention.key in keys and mention.via in ("name", "capital", "description"):
            name = _surface(mention.text)
            if name and name != ents.entities[mention.key].label:
                aliases.add((mention.key, name))
    entities = tuple(sorted((ents.entities[k] for k in keys), key=lambda e: e.key))
    facts = sorted(set(facts), key=lambda f: (f.subject, f.relation, f.obj, f.evidence, f.confidence))
    return DocumentResult(article.doc_id, article.date, entities, tuple(sorted(aliases)),
                          tuple(facts), article.also_named, words, article.url)


def _oriented(fact: Fact) -> Fact:
    """A symmetric fact is stored one way round, so that repeats are one fact."""
    if RELATIONS[fact.relation].symmetric and fact.obj < fact.subject:
        return Fact(fact.obj, fact.relation, fact.subject, fact.evidence, fact.confidence)
    return fact


def _surface(text: str) -> str:
    words = text.split()
    while words and words[-1] in POSSESSIVE:
        words.pop()
    if len(words) > 1 and words[0] == "The":  # sentence-initial "The top US diplomat"
        words[0] = "the"
    name = " ".join(words)
    for suffix in POSSESSIVE:
        name = name.removesuffix(suffix)
    return " ".join(name.split()).strip(" ,.;:\"'“”")


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
