"""kg.analysis: each measure on a small graph whose answer is worked out by hand."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from kg.analysis import measures
from kg.analysis.network import between, to_networkx
from kg.analysis.readback import read_graph
from kg.errors import InputError
from kg.graph import merge
from kg.model import DocumentResult, Entity, Fact
from tests.conftest import run_kg

KINDS = {"person": "Person", "country": "Country", "organization": "Organization", "issue": "Issue"}


def _entity(key: str) -> Entity:
    return Entity(key, KINDS[key.split("/")[0]], key.split("/")[1].upper())


def graph_of(*articles: tuple[str | None, list[tuple[str, str, str]]], aliases=()):
    """A KnowledgeGraph from articles given as (date, [(subject, relation, object)]);
    each fact's sentence is "SUBJECT relation OBJECT (doc N)."."""
    docs = []
    for n, (date, triples) in enumerate(articles):
        facts = tuple(Fact(s, r, o, f"{s} {r} {o} (doc {n}).", 0.9) for s, r, o in triples)
        keys = sorted({s for s, _, _ in triples} | {o for _, r, o in triples if r != "holdsPosition"})
        docs.append(DocumentResult(f"doc{n}.txt", dt.date.fromisoformat(date) if date else None,
                                   tuple(_entity(k) for k in keys), tuple(a for a in aliases if a[0] in keys),
                                   facts))
    return merge(docs)


# A star: one person met three countries. PageRank (damping 0.85) by hand:
# c = 0.15/4 + 0.85·3l, l = 0.15/4 + 0.85·c/3  =>  c = 0.4797, l = 0.1734;
# betweenness: the centre lies on all 3 leaf-to-leaf paths (1.0), leaves on none.
STAR = graph_of(("2024-01-05", [("person/a", "metWith", "country/x"), ("person/a", "metWith", "country/y"),
                                ("person/a", "metWith", "country/z")]))


def test_key_actors_rank_the_centre_of_a_star_first():
    ranked = measures.key_actors(to_networkx(STAR))
    assert [a.key for a in ranked] == ["person/a", "country/x", "country/y", "country/z"]
    assert ranked[0].pagerank == pytest.approx(0.4797, abs=1e-3)
    assert [a.pagerank for a in ranked[1:]] == pytest.approx([0.1734] * 3, abs=1e-3)
    assert [a.betweenness for a in ranked] == [1.0, 0.0, 0.0, 0.0]
    assert [a.degree for a in ranked] == [3, 1, 1, 1]


def test_key_actors_leave_out_issues_and_actors_without_actor_ties():
    kg = graph_of((None, [("person/a", "metWith", "person/b"), ("person/c", "raisedConcernAbout", "issue/t")]))
    assert [a.key for a in measures.key_actors(to_networkx(kg))] == ["person/a", "person/b"]


# Two triangles joined by one meeting and one criticism: Louvain (any seed)
# splits at the bridge; the criticism is not a tie that binds.
TRIANGLES = graph_of(("2024-01-05", [
    ("person/a", "metWith", "person/b"), ("person/b", "metWith", "person/c"), ("person/a", "metWith", "person/c"),
    ("person/d", "agreedWith", "person/e"), ("person/e", "agreedWith", "person/f"),
    ("person/d", "agreedWith", "person/f"), ("person/c", "metWith", "person/d"),
    ("person/c", "criticized", "person/d"), ("person/c", "criticized", "person/e")]))


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_blocs_are_the_two_triangles(seed):
    found = measures.blocs(to_networkx(TRIANGLES), seed=seed)
    assert sorted(map(sorted, found)) == [["person/a", "person/b", "person/c"], ["person/d", "person/e", "person/f"]]


def test_blocs_are_the_same_at_every_run():
    graph = to_networkx(TRIANGLES)
    assert measures.blocs(graph) == measures.blocs(graph)


# x and y: supports twice (+2), criticized once (-1): balance +1 on 3 facts.
# y attacked z: -1 on 1 fact. metWith and discussed carry no sign.
SIGNED = graph_of(
    ("2024-01-05", [("country/x", "supports", "country/y"), ("country/y", "attacked", "country/z"),
                    ("country/x", "metWith", "country/z"), ("country/x", "supports", "issue/t"),
                    ("country/y", "opposes", "issue/t"), ("country/z", "discussed", "issue/t")]),
    ("2024-01-20", [("country/x", "supports", "country/y"), ("country/x", "criticized", "country/y")]),
    ("2024-03-02", [("country/z", "raisedConcernAbout", "issue/t")]),
    (None, [("country/x", "discussed", "issue/t")]))


def test_alignment_balances_positive_against_negative_facts():
    found = measures.alignment(to_networkx(SIGNED))
    assert [(p.a, p.b, p.positive, p.negative, p.balance) for p in found] == [
        ("country/x", "country/y", 2, 1, 1), ("country/y", "country/z", 0, 1, -1)]
    # the evidence is the oldest sentence of the prevailing sign
    assert found[0].evidence.sentence == "country/x supports country/y (doc 0)."
    assert found[1].evidence.date == "2024-01-05"


def test_issue_sides_list_who_backs_and_who_opposes():
    assert measures.issue_sides(to_networkx(SIGNED)) == [
        measures.IssueSides("issue/t", ("country/x",), ("country/y",))]


def test_salience_counts_dated_facts_about_an_issue_per_month():
    # January: supports, opposes, discussed (doc 0); March: raisedConcernAbout; the undated one is not counted
    assert measures.salience(to_networkx(SIGNED)) == {"issue/t": {"2024-01": 3, "2024-03": 1}}


def test_profile_of_an_actor():
    kg = graph_of(
        ("2023-06-19", [("person/a", "holdsPosition", "Foreign Minister"), ("person/a", "represents", "country/x"),
                        ("person/a", "raisedConcernAbout", "issue/t"), ("person/a", "metWith", "person/b")]),
        ("2024-04-26", [("person/a", "raisedConcernAbout", "issue/t"), ("person/a", "discussed", "issue/u"),
                        ("person/c", "warned", "person/a"), ("person/a", "opposes", "issue/u")]))
    p = measures.profile(to_networkx(kg), "person/a")
    assert (p.label, p.type, p.positions, p.represents) == ("A", "Person", ("Foreign Minister",), ("country/x",))
    assert p.concerns == (("issue/t", 2), ("issue/u", 1))
    assert p.stances == (("opposes", "issue/u", 1),)
    assert p.partners == (("person/b", 1),)
    assert p.adversaries == (("person/c", 1),)
    assert p.timeline == (("2023-06", (("metWith", 1), ("raisedConcernAbout", 1), ("represents", 1))),
                          ("2024-04", (("discussed", 1), ("opposes", 1), ("raisedConcernAbout", 1), ("warned", 1))))


def test_fact_path_walks_facts_either_way_and_gives_each_sentence():
    # a -metWith- x <-criticized- y: two steps, the second against its direction
    kg = graph_of(("2024-01-05", [("person/a", "metWith", "country/x"), ("country/y", "criticized", "country/x"),
                                  ("country/y", "criticized", "country/w")]),
                  ("2024-02-05", [("person/a", "urged", "country/x"), ("person/a", "urged", "country/x")]))
    steps = measures.fact_path(to_networkx(kg), "person/a", "country/y")
    # between a and x, "urged" was read twice, "metWith" once: the step is the better attested fact
    assert [(s.source, s.relation, s.target, s.count) for s in steps] == [
        ("person/a", "urged", "country/x", 2), ("country/y", "criticized", "country/x", 1)]
    assert steps[1].evidence == measures.Evidence("2024-01-05", "doc0.txt", "country/y criticized country/x (doc 0).")


def test_fact_path_between_unlinked_actors_is_a_one_line_error():
    kg = graph_of((None, [("person/a", "metWith", "person/b"), ("person/c", "metWith", "person/d")]))
    with pytest.raises(InputError, match="no chain of facts joins A and C"):
        measures.fact_path(to_networkx(kg), "person/a", "person/c")


@pytest.mark.parametrize("name, key", [
    ("person/a", "person/a"), ("https://w3id.org/diplomacy-kg/id/person/a", "person/a"), ("a", "person/a"),
    ("Mr Alpha", "person/a"), ("alpha", "person/a"), ("T", "country/t"),  # the actor before the issue
])
def test_find_entity_by_key_iri_label_or_alias(name, key):
    kg = graph_of((None, [("person/a", "metWith", "country/t"), ("person/a", "discussed", "issue/t")]),
                  aliases=(("person/a", "Alpha"),))
    assert measures.find_entity(to_networkx(kg), name) == key


def test_networkx_graph_aggregates_assertions_per_fact():
    graph = to_networkx(SIGNED)
    edge = graph.edges["country/x", "country/y", "supports"]
    assert (edge["count"], edge["first"], edge["last"], edge["documents"]) == (2, "2024-01-05", "2024-01-20",
                                                                               ("doc0.txt", "doc1.txt"))
    assert graph.nodes["country/x"]["type"] == "Country" and graph.nodes["country/x"]["label"] == "X"
    undated = graph.edges["country/x", "issue/t", "discussed"]
    assert (undated["first"], undated["last"]) == ("", "")


def test_a_date_window_keeps_the_dated_articles_inside_it():
    window = between(SIGNED, dt.date(2024, 1, 10), dt.date(2024, 2, 28))
    assert [d.doc_id for d in window.documents] == ["doc1.txt"]
    assert between(SIGNED, None, None) is SIGNED


@pytest.fixture(scope="module")
def seeds_exports(seeds_build):
    return {p.suffix: p for p in seeds_build.written}


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".graphml"])
def test_every_export_reads_back_as_the_same_networkx_graph(seeds_exports, seeds_build, suffix):
    def shape(graph):
        nodes = {k: (d["type"], d["label"], d["aliases"], d["wikidata"], d["positions"])
                 for k, d in graph.nodes(data=True)}
        edges = {(u, v, d["relation"], d["count"], d["first"], d["last"], d["documents"], round(d["confidence"], 2))
                 for u, v, d in graph.edges(data=True)}
        return nodes, edges

    assert shape(to_networkx(read_graph(seeds_exports[suffix]))) == shape(to_networkx(seeds_build.graph))


def test_kg_analyze_on_the_seeds_names_the_key_actors(seeds_exports):
    done = run_kg("analyze", str(seeds_exports[".ttl"]), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    keys = {a["key"] for a in report["key_actors"]}
    assert {"person/antony-blinken", "person/xi-jinping", "person/wang-yi", "country/china",
            "country/united-states"} <= keys
    text = run_kg("analyze", str(seeds_exports[".ttl"])).stdout
    assert "Key actors" in text and "Blocs" in text and "Strongest antagonisms" in text


def test_kg_analyze_path_prints_each_steps_evidence(seeds_exports):
    done = run_kg("analyze", str(seeds_exports[".ttl"]), "--path", "Mr Blinken", "Wang Xiaohong")
    assert done.returncode == 0, done.stderr
    assert "Antony Blinken met with Wang Xiaohong" in done.stdout
    assert "Earlier, Blinken held lengthy talks with Chinese Foreign Minister Wang Yi" in done.stdout


@pytest.mark.parametrize("args, message", [
    (["--actor", "Nobody"], "'Nobody': no entity of that name or alias in the graph"),
    (["--from", "2024-13-01"], "--from '2024-13-01': expected a date as YYYY-MM-DD"),
    (["--top", "0"], "--top 0: give 1 or more"),
    (["--plots", "README.md"], "README.md: cannot write the charts"),
])
def test_kg_analyze_errors_are_one_line(seeds_exports, args, message):
    done = run_kg("analyze", str(seeds_exports[".ttl"]), *args)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("name, text, message", [
    ("notes.md", "# not a graph", "not a graph file (expected .ttl, .nt, .jsonld, .json, .graphml)"),
    ("broken.ttl", "garbage <", "cannot read the graph: Parser error at line 1"),
    ("broken.graphml", "<graphml", "cannot read the GraphML"),
    ("missing.ttl", None, "no such file"),
])
def test_kg_analyze_says_in_one_line_why_a_file_is_no_graph(tmp_path, name, text, message):
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    done = run_kg("analyze", str(path))
    assert done.returncode == 2 and message in done.stderr and len(done.stderr.strip().splitlines()) == 1
