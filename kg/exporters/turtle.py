"""Turtle: a prefix per kind of IRI, subjects sorted and grouped, byte-identical
between builds. The sorted N-Triples are reformatted by pyoxigraph, which is
fast at any corpus size (faster than writing Turtle in Python)."""
from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.rdf import PREFIXES, ntriples_lines


def write_turtle(kg: KnowledgeGraph, path: Path) -> None:
    import pyoxigraph as ox

    data = ("\n".join(ntriples_lines(kg)) + "\n").encode("utf-8")
    ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), str(path),
                 format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
