"""GraphML (networkx): nodes with type, label and names; one edge per
assertion with its relation, evidence, source, date and confidence. Opens in
Gephi and yEd."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.graph import KnowledgeGraph


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name="diplomacy-kg")
    positions: dict[str, set[str]] = {}
    for _, fact in kg.facts():
        if fact.relation == "holdsPosition":
            positions.setdefault(fact.subject, set()).add(fact.obj)
    for key, entity in kg.entities.items():
        graph.add_node(key, label=entity.label, type=entity.kind,
                       aliases="; ".join(kg.alt_labels.get(key, ())), wikidata=entity.wikidata or "",
                       positions="; ".join(sorted(positions.get(key, ()))))
    for doc, fact in kg.facts():
        if fact.relation == "holdsPosition":
            continue
        graph.add_edge(fact.subject, fact.obj, relation=fact.relation, label=fact.relation,
                       evidence=fact.evidence, document=doc.doc_id,
                       date=doc.date.isoformat() if doc.date else "", confidence=fact.confidence)
    return graph


def write_graphml(kg: KnowledgeGraph, path: Path) -> None:
    nx.write_graphml(to_networkx(kg), path, encoding="utf-8", prettyprint=True)
