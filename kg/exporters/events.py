"""events.csv: one row per assertion, the shape event data takes in pandas or R.

Each row: date, the subject (IRI, label, type, and the state it acts for, from
`represents` facts), the relation and its PLOVER category where one
corresponds (ontology/plover.yaml), the object, confidence, document and the
evidence sentence. `assertion` is the row's dip:Assertion IRI, so a row can be
joined back to the RDF.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

from kg.extsort import sorted_unique
from kg.graph import KnowledgeGraph
from kg.rdf import assertion_iri, entity_iri, spill_folder
from kg.terms import plover_categories

COLUMNS = ("date", "subject", "subject_label", "subject_type", "subject_state", "relation", "plover",
           "object", "object_label", "object_type", "confidence", "document", "evidence", "assertion")


def write_events(kg: KnowledgeGraph, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(event_rows(kg))


def event_rows(kg: KnowledgeGraph) -> Iterator[tuple]:
    """The table's rows, in date, subject, relation, object order (undated
    last), by an external sort: memory does not grow with the corpus."""
    lines = (_sort_line(row) for row in _rows(kg))
    for line in sorted_unique(lines, spill_folder(kg) / "events-runs"):
        yield tuple(json.loads(line.partition("\0")[2]))


def _sort_line(row: tuple) -> str:
    """The row's sort key (fields joined by a character no field holds), then
    the row itself as JSON, which escapes any line break in a sentence."""
    key = ("1" if row[0] == "" else "0") + "\x01".join(field.replace("\x01", " ") for field in row)
    return f"{key.replace(chr(0), ' ')}\0{json.dumps(row, ensure_ascii=False)}"


def _rows(kg: KnowledgeGraph) -> Iterator[tuple]:
    plover = plover_categories()
    states = acting_for(kg)
    for doc, fact in kg.facts():
        subject = kg.entities.get(fact.subject)
        literal = fact.relation == "holdsPosition"
        obj = None if literal else kg.entities.get(fact.obj)
        yield (
            doc.date.isoformat() if doc.date else "",
            entity_iri(fact.subject).value, subject.label if subject else "", subject.kind if subject else "",
            ";".join(states.get(fact.subject, ())),
            fact.relation, plover.get(fact.relation, ""),
            fact.obj if literal else entity_iri(fact.obj).value,
            fact.obj if literal else (obj.label if obj else ""), "" if literal or not obj else obj.kind,
            f"{fact.confidence:.2f}", doc.doc_id, fact.evidence, assertion_iri(doc, fact).value)


def acting_for(kg: KnowledgeGraph) -> dict[str, tuple[str, ...]]:
    """Entity key -> labels of the states it acts for: a country itself; a person
    the countries it represents, or the countries of the bodies it represents."""
    represents: dict[str, set[str]] = {}
    for _, fact in kg.facts():
        if fact.relation == "represents":
            represents.setdefault(fact.subject, set()).add(fact.obj)

    def kind(key: str) -> str:
        entity = kg.entities.get(key)
        return entity.kind if entity else ""

    found: dict[str, tuple[str, ...]] = {}
    for key, entity in kg.entities.items():
        if entity.kind == "Country":
            states = {key}
        else:
            direct = represents.get(key, set())
            states = {k for k in direct if kind(k) == "Country"}
            if not states:  # a person acting for a body that acts for a state
                states = {s for body in direct for s in represents.get(body, ()) if kind(s) == "Country"}
        if states:
            found[key] = tuple(sorted(kg.entities[s].label for s in states))
    return found
