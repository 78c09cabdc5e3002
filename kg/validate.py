"""Validation of a graph file against ontology/shapes.ttl (SHACL, pyshacl)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.kb import ONTOLOGY_DIR
from kg.rdf import graph_file

SHAPES = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    value: str


def read_graph(path: Path):
    """An rdflib Graph from a .ttl, .nt or .jsonld file, or a one-line error."""
    from rdflib import Graph

    fmt = graph_file(path).rdflib_format
    graph = Graph(bind_namespaces="core")
    try:
        graph.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise InputError(f"{path}: cannot parse as {fmt}: {first}") from err
    return graph


def validate(path: Path, shapes: Path = SHAPES) -> list[Violation]:
    """Every SHACL violation of the graph in `path`, sorted."""
    from pyshacl import validate as shacl_validate
    from rdflib import Graph, Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    data = read_graph(path)
    shape_graph = Graph().parse(shapes, format="turtle")
    _, report, _ = shacl_validate(data, shacl_graph=shape_graph, inference="none",
                                  advanced=True, allow_warnings=True)
    found = []
    for result in report.subjects(sh.resultSeverity, sh.Violation):
        found.append(Violation(str(report.value(result, sh.focusNode)),
                               _short(report.value(result, sh.resultPath)),
                               str(report.value(result, sh.resultMessage) or ""),
                               str(report.value(result, sh.value) or "")))
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))


def _short(node) -> str:
    if node is None:
        return ""
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]
