"""The graph as RDF, in the contract's IRIs (../shared/CONTRACT.md)."""
from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.graph import KnowledgeGraph
from kg.kb import slugify
from kg.model import DocumentResult, Fact
from kg.vocab import DIP as DIP_IRI, RELATIONS, RES as RES_IRI

DIP = Namespace(DIP_IRI)
RES = Namespace(RES_IRI)
WD = Namespace("http://www.wikidata.org/entity/")
# One prefix per kind of IRI: a prefixed name cannot hold a "/".
PREFIXES = {
    "dip": DIP, "res": RES, "person": Namespace(RES_IRI + "person/"),
    "country": Namespace(RES_IRI + "country/"), "org": Namespace(RES_IRI + "organization/"),
    "issue": Namespace(RES_IRI + "issue/"), "doc": Namespace(RES_IRI + "document/"),
    "assertion": Namespace(RES_IRI + "assertion/"), "prov": PROV, "dcterms": DCTERMS,
    "skos": SKOS, "owl": OWL, "wd": WD, "xsd": XSD, "rdfs": RDFS, "rdf": RDF,
}


def entity_iri(key: str) -> URIRef:
    return RES[key]


def document_iri(doc_id: str) -> URIRef:
    return RES[f"document/{slugify(doc_id)}"]


def assertion_iri(doc: DocumentResult, fact: Fact) -> URIRef:
    """Stable: the same fact read from the same sentence of the same article."""
    text = "\x1f".join((doc.doc_id, fact.subject, fact.relation, fact.obj, fact.evidence))
    return RES[f"assertion/{hashlib.sha1(text.encode()).hexdigest()[:16]}"]


def new_graph() -> Graph:
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_rdf(kg: KnowledgeGraph) -> Graph:
    """Entities, documents, direct triples and Assertion nodes."""
    graph = new_graph()
    for key, entity in kg.entities.items():
        node = entity_iri(key)
        graph.add((node, RDF.type, DIP[entity.kind]))
        if entity.kind == "Issue":
            graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, RDFS.label, Literal(entity.label)))
        for name in kg.alt_labels.get(key, ()):
            graph.add((node, SKOS.altLabel, Literal(name)))
        if entity.wikidata:
            graph.add((node, OWL.sameAs, WD[entity.wikidata]))
    for doc in kg.documents:
        _add_document(graph, doc)
    return graph


def _add_document(graph: Graph, doc: DocumentResult) -> None:
    node = document_iri(doc.doc_id)
    graph.add((node, RDF.type, DIP.Document))
    graph.add((node, DCTERMS.identifier, Literal(doc.doc_id)))
    for name in doc.also_named:
        graph.add((node, DCTERMS.identifier, Literal(name)))
    if doc.date:
        graph.add((node, DCTERMS.date, Literal(doc.date.isoformat(), datatype=XSD.date)))
    for entity in doc.entities:
        graph.add((node, DIP.mentions, entity_iri(entity.key)))
    for fact in doc.facts:
        _add_fact(graph, doc, node, fact)


def _add_fact(graph: Graph, doc: DocumentResult, doc_node: URIRef, fact: Fact) -> None:
    subject, predicate = entity_iri(fact.subject), DIP[fact.relation]
    obj = Literal(fact.obj) if fact.relation == "holdsPosition" else entity_iri(fact.obj)
    graph.add((subject, predicate, obj))
    if RELATIONS[fact.relation].symmetric:
        graph.add((obj, predicate, subject))
    node = assertion_iri(doc, fact)
    graph.add((node, RDF.type, DIP.Assertion))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, doc_node))
    graph.add((node, DIP.evidence, Literal(fact.evidence)))
    # canonical lexical form ("0.9", not "0.90"), so the graph reads back term for term
    graph.add((node, DIP.confidence, Literal(Decimal(f"{fact.confidence:.2f}").normalize())))
    if doc.date:
        graph.add((node, DCTERMS.date, Literal(doc.date.isoformat(), datatype=XSD.date)))

