"""The graph in real databases started by the tests: an Oxigraph SPARQL server
(over HTTP, on 127.0.0.1) and an embedded Ladybug (Kùzu) Cypher database."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.query import load_store, named_queries, query_text, run
from tests.conftest import run_kg


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"oxigraph did not start: {proc.stderr.read().decode()[-500:]}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def _http_select(url: str, query: str) -> list[tuple[str, ...]]:
    request = urllib.request.Request(url + "/query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        data = json.load(response)
    variables = data["head"]["vars"]
    return [tuple(b.get(v, {}).get("value", "") for v in variables) for b in data["results"]["bindings"]]


def test_oxigraph_kg_load_then_every_named_query_answers_as_kg_query(oxigraph, seeds_build):
    ttl = seeds_build.written[0]
    proc = run_kg("load", str(ttl), "--sparql-endpoint", oxigraph)
    assert proc.returncode == 0, proc.stderr
    local = load_store(ttl)
    for name in named_queries():
        text = query_text(name)
        expected = run(local, text).rows
        assert expected, name
        assert sorted(_http_select(oxigraph, text)) == sorted(expected), name


def test_oxigraph_unreachable_endpoint_is_one_line(seeds_build):
    proc = run_kg("load", str(seeds_build.written[0]), "--sparql-endpoint", f"http://127.0.0.1:{_free_port()}")
    assert proc.returncode == 2
    assert "cannot reach the server" in proc.stderr and "Traceback" not in proc.stderr


def test_ladybug_bundle_loads_and_answers_as_sparql(tmp_path, seeds_build):
    import ladybug

    from kg.exporters.property_graph import kuzu_statements

    bundle = seeds_build.written[0].parent / "property-graph"
    db = ladybug.Database(str(tmp_path / "db"))
    conn = ladybug.Connection(db)
    for statement in kuzu_statements(bundle):
        conn.execute(statement)

    def cypher(query: str) -> set[tuple]:
        result = conn.execute(query)
        rows = set()
        while result.has_next():
            rows.add(tuple(result.get_next()))
        return rows

    met = cypher("MATCH (a:Entity)-[f:Fact]->(b:Entity) WHERE f.relation = 'metWith' "
                 "RETURN a.label, b.label")
    store = load_store(seeds_build.written[0])
    sparql_met = {row[:2] for row in run(store, query_text("who-met-whom")).rows}
    assert met == sparql_met

    taiwan = cypher("MATCH (a:Entity)-[f:Fact]->(i:Entity {id: 'issue/taiwan'}) "
                    "WHERE f.relation = 'raisedConcernAbout' RETURN DISTINCT a.label")
    sparql_taiwan = run(store, query_text("concerns-about-issue"), {"issue": "issue/taiwan"})
    assert taiwan == {(row[2],) for row in sparql_taiwan.rows}
    assert ("Antony Blinken",) in taiwan
