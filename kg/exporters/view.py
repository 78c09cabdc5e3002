"""The view at any size. A browser shows a few thousand nodes well; past
that the page would be hundreds of megabytes and the build would hold every
sentence in memory. So a large graph's view shows its most connected actors
and the facts among them, and says so at the top of the page; the other
formats keep everything."""
from __future__ import annotations

import html
import logging
from collections import Counter
from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.model import DocumentResult

log = logging.getLogger(__name__)
MAX_NODES = 2_000
MAX_FACTS = 20_000  # assertions between actors (sentences), not counting titles


def write_view(kg: KnowledgeGraph, path: Path) -> None:
    from kg.exporters.html import render_html

    degree, facts = _degrees(kg)
    if len(kg.entities) <= MAX_NODES and facts <= MAX_FACTS:
        path.write_text(render_html(kg), encoding="utf-8")
        return
    shown = most_connected(kg, degree, MAX_NODES, MAX_FACTS)
    shown_facts = sum(1 for _, f in shown.facts() if f.relation != "holdsPosition")
    note = (f"This view shows {shown_facts:,} of the graph's {facts:,} facts, among the {len(shown.entities):,} "
            f"most connected of {len(kg.entities):,} actors; graph.ttl and the other exports hold them all.")
    log.info("graph.html: %s", note)
    page = render_html(shown).replace("<body>", f'<body>\n<p id="view-note">{html.escape(note)}</p>', 1)
    path.write_text(page, encoding="utf-8")


def _degrees(kg: KnowledgeGraph) -> tuple[Counter[str], int]:
    """Facts per actor, and facts in all (titles aside), in one pass."""
    degree: Counter[str] = Counter()
    count = 0
    for _, fact in kg.facts():
        if fact.relation != "holdsPosition":
            degree[fact.subject] += 1
            degree[fact.obj] += 1
            count += 1
    return degree, count


def most_connected(kg: KnowledgeGraph, degree: Counter[str], max_nodes: int, max_facts: int) -> KnowledgeGraph:
    """The `max_nodes` actors with most facts (ties by key), and at most
    `max_facts` of the facts among them (titles included), in document order."""
    ranked = sorted(kg.entities, key=lambda key: (-degree[key], key))[:max_nodes]
    keep = set(ranked)
    documents, budget = [], max_facts
    for doc in kg.documents:
        facts = tuple(f for f in doc.facts if f.subject in keep and (f.obj in keep or f.relation == "holdsPosition"))
        if not facts or len(facts) > budget:  # titles count too: the view's size is bounded whatever the corpus
            continue
        budget -= len(facts)
        documents.append(DocumentResult(doc.doc_id, doc.date, tuple(e for e in doc.entities if e.key in keep),
                                        tuple(a for a in doc.aliases if a[0] in keep), facts, doc.also_named,
                                        doc.words, doc.source))
    return KnowledgeGraph({k: kg.entities[k] for k in sorted(keep)},
                          {k: v for k, v in kg.alt_labels.items() if k in keep}, tuple(documents))
