"""The Turtle export: the contract's IRIs, classes and provenance, stable between builds."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.vocab import RELATIONS

DIP = Namespace("https://w3id.org/diplomacy-kg/ontology#")
RES = Namespace("https://w3id.org/diplomacy-kg/id/")


@pytest.fixture(scope="module")
def graph(seeds_build):
    g = Graph()
    g.parse(seeds_build.written[0], format="turtle")
    return g


def test_rdf_contract_iris_and_classes(graph):
    assert (RES["person/antony-blinken"], RDF.type, DIP.Person) in graph
    assert (RES["country/china"], RDF.type, DIP.Country) in graph
    assert (RES["issue/taiwan"], RDF.type, DIP.Issue) in graph
    assert (RES["issue/taiwan"], RDF.type, SKOS.Concept) in graph
    assert (RES["country/taiwan"], RDFS.label, Literal("Taiwan")) in graph
    assert (RES["issue/taiwan"], RDFS.label, Literal("Taiwan")) in graph
    assert (RES["country/china"], OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q148")) in graph


def test_rdf_every_entity_has_one_label_and_its_other_names(graph):
    for kind in ("Person", "Country", "Organization", "Issue"):
        for node in graph.subjects(RDF.type, DIP[kind]):
            assert len(list(graph.objects(node, RDFS.label))) == 1, node
    alt = {str(o) for o in graph.objects(RES["person/antony-blinken"], SKOS.altLabel)}
    assert {"Blinken", "the top US diplomat"} <= alt
    assert "Beijing" in {str(o) for o in graph.objects(RES["country/china"], SKOS.altLabel)}


def test_rdf_documents_carry_identifier_date_and_mentions(graph):
    docs = list(graph.subjects(RDF.type, DIP.Document))
    assert len(docs) == 5
    dated = {"000_0de2f3066c347bb6.txt": "2023-06-19", "002_e90d3ca9bf26a6eb.txt": "2024-04-26"}
    for doc in docs:
        identifier = str(graph.value(doc, DCTERMS.identifier))
        date = graph.value(doc, DCTERMS.date)
        if identifier in dated:
            assert str(date) == dated[identifier] and date.datatype.endswith("#date")
        if identifier.startswith(("003", "004")):  # no date line: no date
            assert date is None
        assert list(graph.objects(doc, DIP.mentions))


def test_rdf_every_assertion_has_provenance_and_a_direct_triple(graph):
    assertions = list(graph.subjects(RDF.type, DIP.Assertion))
    assert len(assertions) > 50
    for a in assertions:
        s, p, o = graph.value(a, RDF.subject), graph.value(a, RDF.predicate), graph.value(a, RDF.object)
        assert p.startswith(str(DIP)) and p.split("#")[1] in RELATIONS
        assert (s, p, o) in graph
        if RELATIONS[p.split("#")[1]].symmetric:
            assert (o, p, s) in graph
        assert graph.value(a, PROV.wasDerivedFrom) in docs_of(graph)
        assert str(graph.value(a, DIP.evidence)).strip()
        assert 0 < float(graph.value(a, DIP.confidence)) <= 1
        doc_date = graph.value(graph.value(a, PROV.wasDerivedFrom), DCTERMS.date)
        assert graph.value(a, DCTERMS.date) == doc_date


def docs_of(graph):
    return set(graph.subjects(RDF.type, DIP.Document))


def test_rdf_evidence_is_a_sentence_of_its_article(graph, seeds_build):
    from kg.ingest import read_articles
    from tests.conftest import SEEDS

    texts = {a.doc_id: " ".join(a.text.split()) for a in read_articles([SEEDS]).articles}
    for a in graph.subjects(RDF.type, DIP.Assertion):
        doc_id = str(graph.value(graph.value(a, PROV.wasDerivedFrom), DCTERMS.identifier))
        assert " ".join(str(graph.value(a, DIP.evidence)).split()) in texts[doc_id]


def test_rdf_turtle_is_readable(seeds_build):
    text = seeds_build.written[0].read_text(encoding="utf-8")
    for prefix in ("@prefix person:", "@prefix country:", "@prefix issue:", "@prefix dip:"):
        assert prefix in text
    assert "person:antony-blinken" in text


def test_rdf_two_builds_are_byte_identical(tmp_path, extractor, seeds_build):
    from kg.build import build
    from tests.conftest import SEEDS

    again = build([SEEDS], tmp_path, extractor=extractor, formats=["turtle"])
    assert again.written[0].read_bytes() == seeds_build.written[0].read_bytes()


def test_ontology_declares_exactly_the_contract_relations():
    from tests.conftest import ROOT

    onto = Graph()
    onto.parse(ROOT / "ontology" / "diplomacy.ttl")
    declared = {str(p).split("#")[1] for p in onto.subjects(RDFS.domain, None)
                if str(p).startswith(str(DIP))} - {"mentions", "evidence", "confidence"}
    assert declared == set(RELATIONS)
    symmetric = {str(p).split("#")[1] for p in onto.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == {name for name, r in RELATIONS.items() if r.symmetric}
    for name in RELATIONS:
        assert onto.value(DIP[name], RDFS.label) is not None
        assert onto.value(DIP[name], RDFS.comment) is not None
