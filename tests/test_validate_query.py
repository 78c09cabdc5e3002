"""SHACL validation and SPARQL queries over the exports."""
from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kg.query import load_store, named_queries, query_text, run
from kg.validate import validate
from tests.conftest import run_kg

DIP = Namespace("https://w3id.org/diplomacy-kg/ontology#")


@pytest.fixture(scope="module")
def ttl(seeds_build):
    return seeds_build.written[0]


def test_validate_seeds_conform(ttl):
    assert validate(ttl) == []
    proc = run_kg("validate", str(ttl))
    assert proc.returncode == 0 and "conforms" in proc.stderr


def _broken(ttl, tmp_path):
    g = Graph().parse(ttl)
    assertion = next(g.subjects(RDF.type, DIP.Assertion))
    g.remove((assertion, DIP.evidence, None))
    g.set((assertion, DIP.confidence, Literal(1.5)))
    g.add((URIRef("https://w3id.org/diplomacy-kg/id/person/nobody"), RDF.type, DIP.Person))
    second = list(g.subjects(RDF.type, DIP.Assertion))[1]
    g.set((second, RDF.predicate, DIP.likes))
    path = tmp_path / "broken.ttl"
    g.serialize(path, format="turtle")
    return path


def test_validate_broken_graph_lists_violations_and_fails(ttl, tmp_path):
    path = _broken(ttl, tmp_path)
    messages = {v.message for v in validate(path)}
    assert "an assertion carries its evidence sentence" in messages
    assert "an assertion's confidence is one decimal in [0, 1]" in messages
    assert "an entity has exactly one rdfs:label" in messages
    assert "an assertion's predicate is one of the contract's 18 relations" in messages
    proc = run_kg("validate", str(path))
    assert proc.returncode == 1
    assert "SHACL violation" in proc.stderr and "evidence sentence" in proc.stdout


def test_validate_unparsable_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<")
    proc = run_kg("validate", str(bad))
    assert proc.returncode == 2 and "cannot parse as turtle" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_query_named_queries_match_rdflib(ttl, name):
    """pyoxigraph answers as rdflib does, on every named query."""
    text = query_text(name)
    ours = run(load_store(ttl), text)
    g = Graph().parse(ttl)
    theirs = [tuple("" if v is None else str(v) for v in row) for row in g.query(text)]
    assert sorted(ours.rows) == sorted(theirs)
    assert ours.rows, f"{name} found nothing on the seeds"


def test_query_binding_narrows_to_one_actor(ttl):
    result = run(load_store(ttl), query_text("concerns-of-actor"), {"actor": "person/antony-blinken"})
    issues = {row[result.variables.index("issueLabel")] for row in result.rows}
    assert {"Taiwan", "South China Sea", "Human rights", "Fentanyl"} <= issues
    assert {row[0] for row in result.rows} == {"https://w3id.org/diplomacy-kg/id/person/antony-blinken"}


def test_query_cli_formats(ttl):
    proc = run_kg("query", str(ttl), "--name", "who-met-whom", "--format", "json")
    rows = json.loads(proc.stdout)
    assert {"a": "Antony Blinken", "b": "Xi Jinping", "sentences": rows[[r["b"] for r in rows].index("Xi Jinping")]["sentences"]} in rows
    table = run_kg("query", str(ttl), "--name", "who-met-whom").stdout
    assert table.splitlines()[0].split() == ["a", "b", "sentences"] and "rows)" in table
    csv_out = run_kg("query", str(ttl), "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert csv_out.stdout.splitlines()[0] == "n" and int(csv_out.stdout.splitlines()[1]) > 1000


def test_query_syntax_error_names_line_and_column(ttl, tmp_path):
    query = tmp_path / "bad.rq"
    query.write_text("SELECT ?s WHERE {\n  ?s foo:bar ?o .\n}\n")  # an undeclared prefix
    proc = run_kg("query", str(ttl), str(query))
    assert proc.returncode == 2
    assert "line 2, column 13" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_query_store_is_reused_and_never_stale(tmp_path, ttl):
    graph = tmp_path / "graph.ttl"
    graph.write_bytes(ttl.read_bytes())
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    first = run_kg("query", str(graph), "-e", count, "--format", "csv").stdout.splitlines()[1]
    stores = list((tmp_path / ".kg-cache" / "query-stores").iterdir())
    assert len(stores) == 1
    assert run_kg("query", str(graph), "-e", count, "--format", "csv").stdout.splitlines()[1] == first
    with open(graph, "a", encoding="utf-8") as f:
        f.write('\n<https://example.org/a> <https://example.org/b> "one more triple" .\n')
    after = run_kg("query", str(graph), "-e", count, "--format", "csv").stdout.splitlines()[1]
    assert int(after) == int(first) + 1
    assert len(list((tmp_path / ".kg-cache" / "query-stores").iterdir())) == 1
