"""events.csv: one row per dip:Assertion, read as political scientists read it (pandas)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rdflib import DCTERMS, RDF, Graph, Literal, Namespace

from kg.terms import PLOVER_FILE, plover_categories, relation_labels

DIP = Namespace("https://w3id.org/diplomacy-kg/ontology#")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tables(seeds_build):
    import pandas as pd

    files = {p.name: p for p in seeds_build.written}
    events = pd.read_csv(files["events.csv"], keep_default_na=False, dtype=str)
    return events, Graph().parse(files["graph.ttl"])


def test_events_have_one_row_per_assertion_of_the_turtle(tables):
    events, turtle = tables
    assertions = set(turtle.subjects(RDF.type, DIP.Assertion))
    assert len(events) == len(assertions)
    assert set(events["assertion"]) == {str(a) for a in assertions}


def test_each_row_says_what_its_assertion_says(tables):
    events, turtle = tables
    for row in events.itertuples():
        node = turtle.resource(row.assertion)
        assert str(node.value(RDF.subject).identifier) == row.subject
        assert str(node.value(RDF.predicate).identifier) == str(DIP[row.relation])
        obj = node.value(RDF.object)  # an entity, or the title itself for holdsPosition
        assert str(getattr(obj, "identifier", obj)) == row.object
        assert str(node.value(DIP.evidence)) == row.evidence
        assert str(node.value(DCTERMS.date) or "") == row.date


def test_events_carry_labels_states_and_plover_categories(tables):
    events, _ = tables
    met = events[(events.subject_label == "Antony Blinken") & (events.relation == "metWith")
                 & (events.object_label == "Xi Jinping")]
    assert len(met) >= 1
    row = met.iloc[0]
    assert (row.subject_type, row.subject_state, row.plover, row.object_type) == (
        "Person", "United States", "CONSULT", "Person")
    assert row.document and row.evidence and 0 < float(row.confidence) <= 1
    assert set(events[events.relation == "visited"].plover) <= {""}  # no PLOVER category corresponds
    china = events[events.subject_label == "China"]
    assert set(china.subject_state) == {"China"}  # a state acts for itself


def test_the_plover_crosswalk_is_the_one_the_ontology_annotates():
    data = yaml.safe_load(PLOVER_FILE.read_text(encoding="utf-8"))["relations"]
    onto = Graph().parse(ROOT / "ontology" / "diplomacy.ttl")
    annotated = {str(s).split("#")[1]: str(o) for s, o in onto.subject_objects(DIP.ploverCategory)}
    assert annotated == data == plover_categories()
    assert data == {"metWith": "CONSULT", "urged": "DEMAND", "warned": "THREATEN", "criticized": "DISAPPROVE",
                    "opposes": "REJECT", "supports": "SUPPORT", "cooperatesWith": "COOPERATE",
                    "agreedWith": "AGREE", "restricted": "SANCTION", "attacked": "ASSAULT"}
    assert (None, None, Literal("PLOVER category", lang="en")) in onto


def test_relations_read_as_words_from_the_ontology():
    words = relation_labels()
    assert words["raisedConcernAbout"] == "raised concern about"
    assert words["metWith"] == "met with"


def test_events_external_sort_orders_rows_as_tuples_do():
    """Rows go through an on-disk sort as text: the text order must be the
    tuple order (a field that is a prefix of another first, undated rows
    last), and a line break in a sentence must survive."""
    import json

    from kg.exporters.events import _sort_line

    rows = [("2024-01-02", "a", "x\ny"), ("", "a", "b"), ("2024-01-02", "ab", "c"), ("2024-01-01", "z", "z"),
            ("2024-01-02", "a", "x")]
    by_text = sorted(_sort_line(r) for r in rows)
    assert [tuple(json.loads(line.partition("\0")[2])) for line in by_text] == sorted(rows, key=lambda r: (r[0] == "", r))
