"""A KnowledgeGraph read back from an export file (.ttl, .nt, .jsonld, .graphml),
so that analysis, the events table and the view work on any of them.

RDF carries everything: entities, names, documents and one dip:Assertion per
fact. GraphML carries one edge per assertion, but titles only as a node
attribute: they come back as holdsPosition facts of the entity's first
document, with no sentence.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from kg.errors import InputError
from kg.graph import KnowledgeGraph, merge
from kg.model import DocumentResult, Entity, Fact
from kg.rdf import (ALT_LABEL, CONFIDENCE, DATE, DERIVED_FROM, EVIDENCE, IDENTIFIER, LABEL, MENTIONS, OBJECT,
                    PREDICATE, SAME_AS, SUBJECT, TYPE, WD_NS, GRAPH_FILES, graph_file)
from kg.vocab import DIP, RELATIONS, RES

KINDS = ("Person", "Country", "Organization", "Issue")


def read_graph(path: Path) -> KnowledgeGraph:
    """The graph in `path`, or a one-line error saying why it cannot be read."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() == ".graphml":
        return _from_graphml(path)
    if path.suffix.lower() not in GRAPH_FILES:
        raise InputError(f"{path}: not a graph file (expected {', '.join((*GRAPH_FILES, '.graphml'))})")
    return _from_rdf(path)


def _key(iri: str) -> str:
    return iri[len(RES):] if iri.startswith(RES) else iri


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _from_rdf(path: Path) -> KnowledgeGraph:
    import pyoxigraph

    reading = graph_file(path)
    by_subject: dict[str, dict[str, list]] = {}
    try:
        with open(path, "rb") as handle:
            for triple in pyoxigraph.parse(handle, getattr(pyoxigraph.RdfFormat, reading.oxigraph_format)):
                by_subject.setdefault(triple.subject.value, {}).setdefault(triple.predicate.value, []).append(
                    triple.object.value)
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError(f"{path}: cannot read the graph: {str(err).splitlines()[0]}") from err
    entities: dict[str, Entity] = {}
    alt_labels: dict[str, list[str]] = {}
    for iri, props in by_subject.items():
        kinds = [t[len(DIP):] for t in props.get(TYPE.value, ()) if t[len(DIP):] in KINDS]
        if not kinds:
            continue
        key = _key(iri)
        wikidata = next((s[len(WD_NS):] for s in props.get(SAME_AS.value, ()) if s.startswith(WD_NS)), None)
        entities[key] = Entity(key, kinds[0], min(props.get(LABEL.value, [key])), wikidata)
        alt_labels[key] = sorted(props.get(ALT_LABEL.value, ()))
    facts: dict[str, list[Fact]] = {}
    for iri, props in by_subject.items():
        if DIP + "Assertion" not in props.get(TYPE.value, ()):
            continue
        relation = props[PREDICATE.value][0][len(DIP):]
        if relation not in RELATIONS:
            continue
        obj = props[OBJECT.value][0]
        fact = Fact(_key(props[SUBJECT.value][0]), relation, obj if relation == "holdsPosition" else _key(obj),
                    props.get(EVIDENCE.value, [""])[0], float(props.get(CONFIDENCE.value, ["0"])[0]))
        facts.setdefault(props[DERIVED_FROM.value][0], []).append(fact)
    documents = []
    for iri, props in by_subject.items():
        if DIP + "Document" not in props.get(TYPE.value, ()):
            continue
        names = sorted(props.get(IDENTIFIER.value, [_key(iri)]))
        doc_facts = facts.get(iri, [])
        keys = {_key(m) for m in props.get(MENTIONS.value, ())} | {f.subject for f in doc_facts} | {
            f.obj for f in doc_facts if f.relation != "holdsPosition"}
        documents.append(_document(names, _date(min(props.get(DATE.value, [""]))), keys, entities, alt_labels,
                                   doc_facts))
    return merge(documents)


def _document(names: list[str], date: dt.date | None, keys: set[str], entities: dict[str, Entity],
              alt_labels: dict[str, list[str]], facts: list[Fact]) -> DocumentResult:
    known = sorted(k for k in keys if k in entities)
    # an alias is carried by every document that mentions its entity, so that a
    # graph cut to a date range keeps the names of what it holds
    aliases = tuple((k, name) for k in known for name in alt_labels.get(k, ()))
    return DocumentResult(names[0], date, tuple(entities[k] for k in known), aliases,
                          tuple(sorted(facts, key=lambda f: (f.subject, f.relation, f.obj, f.evidence))),
                          tuple(names[1:]))


def _from_graphml(path: Path) -> KnowledgeGraph:
    import networkx as nx

    try:
        graph = nx.read_graphml(path)
    except Exception as err:  # networkx raises several types for malformed XML
        raise InputError(f"{path}: cannot read the GraphML: {str(err).splitlines()[0] if str(err) else err}") from err
    entities, alt_labels, titles = {}, {}, {}
    for key, data in graph.nodes(data=True):
        kind = data.get("type", "")
        if kind not in KINDS:
            continue
        entities[key] = Entity(key, kind, data.get("label") or key, data.get("wikidata") or None)
        alt_labels[key] = [a for a in (data.get("aliases") or "").split("; ") if a]
        titles[key] = [t for t in (data.get("positions") or "").split("; ") if t]
    by_doc: dict[str, tuple[str, list[Fact]]] = {}
    for subject, obj, data in graph.edges(data=True):
        relation = data.get("relation", "")
        if relation not in RELATIONS:
            continue
        fact = Fact(subject, relation, obj, data.get("evidence", ""), float(data.get("confidence", 0.0)))
        by_doc.setdefault(data.get("document", ""), (data.get("date", ""), []))[1].append(fact)
    for key in sorted(titles):
        if not titles[key]:
            continue
        doc = next((d for d in sorted(by_doc) if any(key in (f.subject, f.obj) for f in by_doc[d][1])), "")
        by_doc.setdefault(doc, ("", []))[1].extend(Fact(key, "holdsPosition", t, "", 0.0) for t in titles[key])
    used = {k for _, fs in by_doc.values() for f in fs for k in (f.subject, f.obj)}
    loose = set(entities) - used  # entities no fact touches are still nodes of the file
    if loose:
        by_doc.setdefault("", ("", []))
    documents = []
    for doc_id, (date, doc_facts) in by_doc.items():
        keys = {f.subject for f in doc_facts} | {f.obj for f in doc_facts if f.relation != "holdsPosition"}
        documents.append(_document([doc_id], _date(date), keys | (loose if doc_id == "" else set()), entities,
                                   alt_labels, doc_facts))
    return merge(documents)
