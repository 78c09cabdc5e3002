"""The graph as RDF, in the contract's IRIs (ontology/CONTRACT.md).

`statements(kg)` is the one place that decides which triples a graph has; they
are written as canonical N-Triples lines, sorted on disk (which the exporters
serialise), or turned into an rdflib Graph (validation, tests).
"""
from __future__ import annotations

import hashlib
import shutil
import tempfile
import weakref
from decimal import Decimal
from pathlib import Path
from typing import Iterator, NamedTuple
from urllib.parse import quote

from kg.extsort import sorted_unique

from kg.graph import KnowledgeGraph
from kg.model import DocumentResult, Fact
from kg.vocab import DIP, RELATIONS, RES

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCTERMS_NS = "http://purl.org/dc/terms/"
WD_NS = "http://www.wikidata.org/entity/"
# One prefix per kind of IRI: a Turtle prefixed name cannot hold a "/".
PREFIXES = {
    "dip": DIP, "res": RES, "person": RES + "person/", "country": RES + "country/",
    "org": RES + "organization/", "issue": RES + "issue/", "doc": RES + "document/",
    "assertion": RES + "assertion/", "prov": PROV_NS, "dcterms": DCTERMS_NS, "skos": SKOS_NS,
    "owl": OWL_NS, "wd": WD_NS, "xsd": XSD_NS, "rdfs": RDFS_NS, "rdf": RDF_NS,
}


class GraphFile(NamedTuple):
    """How a graph file of one suffix is read: by rdflib, by pyoxigraph, over HTTP."""

    rdflib_format: str
    oxigraph_format: str  # the name of a pyoxigraph.RdfFormat
    content_type: str


GRAPH_FILES = {
    ".ttl": GraphFile("turtle", "TURTLE", "text/turtle"),
    ".nt": GraphFile("nt", "N_TRIPLES", "application/n-triples"),
    ".jsonld": GraphFile("json-ld", "JSON_LD", "application/ld+json"),
    ".json": GraphFile("json-ld", "JSON_LD", "application/ld+json"),
}


def graph_file(path) -> GraphFile:
    """The reading of a graph file, or a one-line error naming the suffixes known."""
    from kg.errors import InputError

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    found = GRAPH_FILES.get(path.suffix.lower())
    if found is None:
        raise InputError(f"{path}: not a graph file (expected {', '.join(GRAPH_FILES)})")
    return found


class Iri(NamedTuple):
    value: str


class Lit(NamedTuple):
    """A literal; named tuples sort and hash at C speed, which matters at 1M triples."""

    value: str
    datatype: str = XSD_NS + "string"


Statement = tuple[Iri, Iri, "Iri | Lit"]
TYPE, LABEL = Iri(RDF_NS + "type"), Iri(RDFS_NS + "label")
ALT_LABEL, SAME_AS = Iri(SKOS_NS + "altLabel"), Iri(OWL_NS + "sameAs")
IDENTIFIER, DATE, MENTIONS = Iri(DCTERMS_NS + "identifier"), Iri(DCTERMS_NS + "date"), Iri(DIP + "mentions")
SUBJECT, PREDICATE, OBJECT = Iri(RDF_NS + "subject"), Iri(RDF_NS + "predicate"), Iri(RDF_NS + "object")
DERIVED_FROM, EVIDENCE = Iri(PROV_NS + "wasDerivedFrom"), Iri(DIP + "evidence")
CONFIDENCE, SOURCE = Iri(DIP + "confidence"), Iri(DCTERMS_NS + "source")
DOCUMENT, ASSERTION, CONCEPT = Iri(DIP + "Document"), Iri(DIP + "Assertion"), Iri(SKOS_NS + "Concept")
BROADER = Iri(SKOS_NS + "broader")
RELATION_IRIS = {name: Iri(DIP + name) for name in RELATIONS}


def entity_iri(key: str) -> Iri:
    return Iri(RES + key)


def document_iri(doc_id: str) -> Iri:
    """The file name itself, percent-encoded where it is not a plain ASCII
    name: two file names are always two documents ("a b.txt", "a-b.txt")."""
    return Iri(f"{RES}document/{quote(doc_id, safe='')}")


def assertion_iri(doc: DocumentResult, fact: Fact) -> Iri:
    """Stable: the same fact read from the same sentence of the same article."""
    text = "\x1f".join((doc.doc_id, fact.subject, fact.relation, fact.obj, fact.evidence))
    return Iri(f"{RES}assertion/{hashlib.sha1(text.encode()).hexdigest()[:16]}")


def source_iri(url: str) -> Iri:
    """A URL as given by a crawl, with the characters an IRI cannot hold
    (spaces, quotes, angle brackets, controls) percent-encoded."""
    return Iri(quote(url.strip(), safe="/:?#[]@!$&'()*+,;=%~-._"))


def confidence_literal(confidence: float) -> Lit:
    """Canonical lexical form ("0.9", not "0.90"): the graph reads back term for term."""
    return Lit(str(Decimal(f"{confidence:.2f}").normalize()), XSD_NS + "decimal")


def statements(kg: KnowledgeGraph) -> Iterator[Statement]:
    """Entities, documents, direct triples and Assertion nodes (may repeat)."""
    yield from _issue_scheme(kg)
    for key, entity in kg.entities.items():
        node = entity_iri(key)
        yield node, TYPE, Iri(DIP + entity.kind)
        if entity.kind == "Issue":
            yield node, TYPE, CONCEPT
        yield node, LABEL, Lit(entity.label)
        for name in kg.alt_labels.get(key, ()):
            yield node, ALT_LABEL, Lit(name)
        if entity.wikidata:
            yield node, SAME_AS, Iri(WD_NS + entity.wikidata)
    for doc in kg.documents:
        yield from _document(doc)


def _issue_scheme(kg: KnowledgeGraph) -> Iterator[Statement]:
    """skos:broader from each issue to its more general one, up the scheme
    (a general issue no article names is still in the scheme, labelled)."""
    from kg.kb import issue_scheme

    scheme = issue_scheme()
    for key in [k for k, e in kg.entities.items() if e.kind == "Issue"]:
        while (broader := scheme.broader_of(key)) is not None:
            yield entity_iri(key), BROADER, entity_iri(broader)
            if broader not in kg.entities:
                yield entity_iri(broader), TYPE, Iri(DIP + "Issue")
                yield entity_iri(broader), TYPE, CONCEPT
                yield entity_iri(broader), LABEL, Lit(scheme.labels.get(broader, broader))
            key = broader


def _document(doc: DocumentResult) -> Iterator[Statement]:
    node = document_iri(doc.doc_id)
    yield node, TYPE, DOCUMENT
    for name in (doc.doc_id, *doc.also_named):
        yield node, IDENTIFIER, Lit(name)
    date = Lit(doc.date.isoformat(), XSD_NS + "date") if doc.date else None
    if date:
        yield node, DATE, date
    if doc.source:
        yield node, SOURCE, source_iri(doc.source)
    for entity in doc.entities:
        yield node, MENTIONS, entity_iri(entity.key)
    for fact in doc.facts:
        subject, predicate = entity_iri(fact.subject), RELATION_IRIS[fact.relation]
        obj = Lit(fact.obj) if fact.relation == "holdsPosition" else entity_iri(fact.obj)
        yield subject, predicate, obj
        if RELATIONS[fact.relation].symmetric:
            yield obj, predicate, subject
        assertion = assertion_iri(doc, fact)
        yield assertion, TYPE, ASSERTION
        yield assertion, SUBJECT, subject
        yield assertion, PREDICATE, predicate
        yield assertion, OBJECT, obj
        yield assertion, DERIVED_FROM, node
        yield assertion, EVIDENCE, Lit(fact.evidence)
        yield assertion, CONFIDENCE, confidence_literal(fact.confidence)
        if date:
            yield assertion, DATE, date


_NT_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r"}
_NT_ESCAPES.update({c: f"\\u{c:04X}" for c in range(0x20) if c not in (0x0A, 0x0D)})
_NT_ESCAPES[0x7F] = "\\u007F"


def _nt(term: Iri | Lit) -> str:
    if isinstance(term, Iri):
        return f"<{term.value}>"
    text = term.value.translate(_NT_ESCAPES)
    if term.datatype == XSD_NS + "string":
        return f'"{text}"'
    return f'"{text}"^^<{term.datatype}>'


def ntriple(statement: Statement) -> str:
    """One canonical N-Triples line, without its newline."""
    s, p, o = statement
    return f"{_nt(s)} {_nt(p)} {_nt(o)} ."


def spill_folder(kg: KnowledgeGraph) -> Path:
    """Where formats of `kg` keep their intermediate files: set by `export`
    (in the output folder), else a temporary folder that goes with the graph."""
    if "spill" not in kg.derived:
        folder = Path(tempfile.mkdtemp(prefix="kg-spill-"))
        weakref.finalize(kg, shutil.rmtree, folder, True)
        kg.derived["spill"] = folder
    return kg.derived["spill"]


def sorted_ntriples(kg: KnowledgeGraph) -> Path:
    """A file of the graph's canonical N-Triples lines, sorted, each once, so
    that subjects come grouped; written once per graph for every RDF format,
    by an external sort whose memory does not grow with the graph."""
    if "ntriples" not in kg.derived:
        folder = spill_folder(kg)
        path = folder / "sorted.nt"
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(f"{line}\n" for line in sorted_unique(map(ntriple, statements(kg)), folder / "runs"))
        kg.derived["ntriples"] = path
    return kg.derived["ntriples"]


def to_rdf(kg: KnowledgeGraph):
    """An rdflib Graph of the same triples, with the same prefixes."""
    from rdflib import Graph, Literal, URIRef

    graph = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)

    def term(value: Iri | Lit):
        if isinstance(value, Iri):
            return URIRef(value.value)
        if value.datatype == XSD_NS + "string":
            return Literal(value.value)
        return Literal(value.value, datatype=URIRef(value.datatype))

    for s, p, o in statements(kg):
        graph.add((term(s), term(p), term(o)))
    return graph
