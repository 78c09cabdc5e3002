"""Turtle: a prefix per kind of IRI, subjects sorted and grouped, byte-identical
between builds. The sorted N-Triples file is reformatted by pyoxigraph as a
stream (faster than writing Turtle in Python, and memory does not grow)."""
from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.rdf import PREFIXES, sorted_ntriples


def write_turtle(kg: KnowledgeGraph, path: Path) -> None:
    import pyoxigraph as ox

    triples = ox.parse(path=str(sorted_ntriples(kg)), format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
