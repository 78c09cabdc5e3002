"""N-Triples, one triple a line, sorted: byte-identical between builds."""
from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.rdf import to_rdf


def write_ntriples(kg: KnowledgeGraph, path: Path) -> None:
    text = to_rdf(kg).serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
