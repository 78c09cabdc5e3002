"""N-Triples, one triple a line, sorted: byte-identical between builds."""
from __future__ import annotations

import shutil
from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.rdf import sorted_ntriples


def write_ntriples(kg: KnowledgeGraph, path: Path) -> None:
    shutil.copyfile(sorted_ntriples(kg), path)
