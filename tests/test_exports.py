"""Every export format: written, stable between builds, and read back the same."""
from __future__ import annotations

import csv

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.exporters import FORMATS
from kg.rdf import to_rdf
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def out(seeds_build):
    return seeds_build.written[0].parent


def test_exports_every_format_is_written(out):
    for fmt in FORMATS.values():
        assert (out / fmt.filename).exists(), fmt.name
    assert sorted(p.name for p in (out / "property-graph").iterdir()) == [
        "load-kuzu.cypher", "load-neo4j.cypher", "nodes.csv", "relationships.csv"]


def test_exports_rdf_formats_are_byte_identical_between_builds(tmp_path, extractor, out):
    from kg.build import build

    again = build([SEEDS], tmp_path, extractor=extractor, formats=["turtle", "ntriples", "jsonld"])
    for path in again.written:
        assert path.read_bytes() == (out / path.name).read_bytes(), path.name


@pytest.mark.parametrize("filename, rdflib_format, ox_format", [
    ("graph.ttl", "turtle", "TURTLE"), ("graph.nt", "nt", "N_TRIPLES"), ("graph.jsonld", "json-ld", "JSON_LD")])
def test_exports_round_trip_rdflib_and_pyoxigraph(out, seeds_build, filename, rdflib_format, ox_format):
    import pyoxigraph as ox

    expected = to_rdf(seeds_build.graph)
    read = Graph().parse(out / filename, format=rdflib_format)
    assert isomorphic(read, expected)
    store = ox.Store()
    store.bulk_load(path=str(out / filename), format=getattr(ox.RdfFormat, ox_format))
    via_ox = Graph().parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode(), format="nt")
    assert isomorphic(via_ox, expected)


def test_exports_graphml_carries_types_and_provenance(out, seeds_build):
    graph = nx.read_graphml(out / "graph.graphml")
    assert graph.nodes["person/antony-blinken"]["type"] == "Person"
    assert graph.nodes["person/antony-blinken"]["label"] == "Antony Blinken"
    assert "Secretary of State" in graph.nodes["person/antony-blinken"]["positions"]
    edges = [d for _, _, d in graph.edges(data=True)]
    assert len(edges) == sum(1 for _, f in seeds_build.graph.facts() if f.relation != "holdsPosition")
    for data in edges:
        assert data["relation"] and data["evidence"] and data["document"].endswith(".txt")
        assert 0 < float(data["confidence"]) <= 1


def test_exports_property_graph_csv_follows_neo4j_admin_headers(out, seeds_build):
    with open(out / "property-graph" / "nodes.csv", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(out / "property-graph" / "relationships.csv", encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    assert list(nodes[0]) == ["id:ID", "label", "kind", "wikidata", "aliases:string[]",
                              "positions:string[]", ":LABEL"]
    assert list(rels[0]) == [":START_ID", ":END_ID", ":TYPE", "evidence", "document", "date",
                             "confidence:float"]
    ids = {n["id:ID"] for n in nodes}
    assert ids == set(seeds_build.graph.entities)
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    script = (out / "property-graph" / "load-neo4j.cypher").read_text()
    assert "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv'" in script
    assert "CREATE (a)-[:metWith" in script


def test_exports_unknown_format_is_refused(tmp_path, seeds_build):
    from kg.errors import ExportError
    from kg.exporters import export

    with pytest.raises(ExportError, match="unknown format 'pdf'"):
        export(seeds_build.graph, tmp_path, ["pdf"])
    assert list(tmp_path.iterdir()) == []
