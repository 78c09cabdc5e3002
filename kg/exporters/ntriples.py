"""N-Triples, one triple a line, sorted: byte-identical between builds."""
from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.rdf import ntriples_lines


def write_ntriples(kg: KnowledgeGraph, path: Path) -> None:
    path.write_text("\n".join(ntriples_lines(kg)) + "\n", encoding="utf-8")
