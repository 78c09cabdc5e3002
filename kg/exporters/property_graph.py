"""A property-graph bundle: nodes.csv and relationships.csv in the column
format of `neo4j-admin database import`, a Cypher script that loads them into
a running Neo4j with LOAD CSV, and one that loads them into an embedded
Kùzu/Ladybug database with COPY FROM.

Every node is an :Entity with a second label for its type; every assertion is
a relationship whose type is the contract's relation name ("metWith").
Titles (holdsPosition) become the node property `positions`.
"""
from __future__ import annotations

import csv
from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.vocab import RELATIONS

NODE_HEADER = ["id:ID", "label", "kind", "wikidata", "aliases:string[]", "positions:string[]", ":LABEL"]
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "evidence", "document", "date", "confidence:float"]
ARRAY_DELIMITER = ";"


def write_bundle(kg: KnowledgeGraph, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    positions = kg.titles()
    with open(folder / "nodes.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(NODE_HEADER)
        for key, entity in kg.entities.items():
            writer.writerow([key, entity.label, entity.kind, entity.wikidata or "",
                             ARRAY_DELIMITER.join(kg.alt_labels.get(key, ())),
                             ARRAY_DELIMITER.join(positions.get(key, ())),
                             f"Entity{ARRAY_DELIMITER}{entity.kind}"])
    with open(folder / "relationships.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(REL_HEADER)
        for doc, fact in kg.facts():
            if fact.relation != "holdsPosition":
                writer.writerow([fact.subject, fact.obj, fact.relation, " ".join(fact.evidence.split()),
                                 doc.doc_id, doc.date.isoformat() if doc.date else "",
                                 f"{fact.confidence:.2f}"])
    (folder / "load-neo4j.cypher").write_text(neo4j_script(), encoding="utf-8")
    (folder / "load-kuzu.cypher").write_text(kuzu_script(), encoding="utf-8")


def neo4j_script() -> str:
    """LOAD CSV for a running Neo4j: copy the CSV files into its import folder."""
    lines = [
        "// Load the diplomacy-kg bundle into Neo4j (files in the server's import folder).",
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;",
        "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
        "MERGE (e:Entity {id: row.`id:ID`})",
        "SET e.label = row.label, e.kind = row.kind, e.wikidata = row.wikidata,",
        "    e.aliases = split(row.`aliases:string[]`, ';'), e.positions = split(row.`positions:string[]`, ';');",
    ]
    for kind in ("Person", "Country", "Organization", "Issue"):
        lines.append(f"MATCH (e:Entity {{kind: '{kind}'}}) SET e:{kind};")
    for name in RELATIONS:
        if name == "holdsPosition":
            continue
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{name}'",
            "MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})",
            f"CREATE (a)-[:{name} {{evidence: row.evidence, document: row.document, date: row.date,",
            "    confidence: toFloat(row.`confidence:float`)}]->(b);",
        ]
    return "\n".join(lines) + "\n"


def kuzu_script() -> str:
    """COPY FROM for Kùzu / Ladybug, run from the bundle folder."""
    return "\n".join(kuzu_statements(Path("."))) + "\n"


def kuzu_statements(folder: Path) -> list[str]:
    """Schema and COPY statements; columns are read by position."""
    return [
        "CREATE NODE TABLE Entity(id STRING, label STRING, kind STRING, wikidata STRING, "
        "aliases STRING, positions STRING, labels STRING, PRIMARY KEY(id));",
        "CREATE REL TABLE Fact(FROM Entity TO Entity, relation STRING, evidence STRING, "
        "document STRING, date STRING, confidence DOUBLE);",
        f"COPY Entity FROM '{(folder / 'nodes.csv').as_posix()}' (HEADER=true);",
        f"COPY Fact FROM '{(folder / 'relationships.csv').as_posix()}' (HEADER=true);",
    ]
