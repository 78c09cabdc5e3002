"""Turtle: a prefix per kind of IRI, subjects sorted, byte-identical between builds."""
from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.rdf import to_rdf


def write_turtle(kg: KnowledgeGraph, path: Path) -> None:
    path.write_bytes(to_rdf(kg).serialize(format="turtle", encoding="utf-8"))
