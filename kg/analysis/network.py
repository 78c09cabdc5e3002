"""The graph as a networkx.MultiDiGraph: one node per entity, one edge per
(subject, relation, object) with every assertion of it aggregated.

Node attributes: type, label, aliases, wikidata, positions (titles held).
Edge attributes (key: the relation): relation, symmetric, count (assertions),
first and last date (ISO, "" when undated), confidence (the highest),
documents, and evidence: one dict per assertion (date, document, sentence,
confidence), oldest first. Symmetric facts are one edge, stored one way round.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kg.graph import KnowledgeGraph, merge
from kg.vocab import RELATIONS

if TYPE_CHECKING:
    import networkx as nx


def to_networkx(kg: KnowledgeGraph) -> "nx.MultiDiGraph":
    import networkx as nx

    titles = kg.titles()
    graph = nx.MultiDiGraph()
    for key, entity in kg.entities.items():
        graph.add_node(key, type=entity.kind, label=entity.label, aliases=tuple(kg.alt_labels.get(key, ())),
                       wikidata=entity.wikidata or "", positions=titles.get(key, ()))
    grouped: dict[tuple[str, str, str], list[dict]] = {}
    for doc, fact in kg.facts():
        if fact.relation == "holdsPosition":  # a literal: kept as the node's `positions`
            continue
        grouped.setdefault((fact.subject, fact.relation, fact.obj), []).append({
            "date": doc.date.isoformat() if doc.date else "", "document": doc.doc_id,
            "sentence": fact.evidence, "confidence": fact.confidence})
    for (subject, relation, obj), evidence in sorted(grouped.items()):
        evidence.sort(key=lambda e: (e["date"] == "", e["date"], e["document"], e["sentence"]))
        dates = [e["date"] for e in evidence if e["date"]]
        for key in (subject, obj):
            if key not in graph:  # a fact on an entity the file does not type: keep it, untyped
                graph.add_node(key, type="", label=key, aliases=(), wikidata="", positions=())
        graph.add_edge(subject, obj, key=relation, relation=relation, symmetric=RELATIONS[relation].symmetric,
                       count=len(evidence), first=min(dates, default=""), last=max(dates, default=""),
                       confidence=max(e["confidence"] for e in evidence),
                       documents=tuple(sorted({e["document"] for e in evidence})), evidence=tuple(evidence))
    return graph


def between(kg: KnowledgeGraph, start: dt.date | None = None, end: dt.date | None = None) -> KnowledgeGraph:
    """The graph of the articles dated within [start, end]; with either bound,
    undated articles are left out."""
    if start is None and end is None:
        return kg
    kept = [doc for doc in kg.documents
            if doc.date and (start is None or doc.date >= start) and (end is None or doc.date <= end)]
    return merge(kept)
