"""Exporters, registered by format name.

Each format maps to a file name and the dotted path of a function
`write(kg, path) -> None`, imported only when that format is written (as
rdflib's plugin registry does). Adding a format touches this table only.
Every file is written beside its target and renamed into place, so an
interrupted build leaves the previous export whole.
"""
from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from kg.errors import ExportError
from kg.graph import KnowledgeGraph


@dataclass(frozen=True)
class Format:
    name: str
    filename: str
    writer: str  # "module:function"
    description: str
    folder: bool = False  # a bundle of files rather than one file

    def load(self) -> Callable[[KnowledgeGraph, Path], None]:
        module, function = self.writer.split(":")
        return getattr(importlib.import_module(module), function)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("turtle", "graph.ttl", "kg.exporters.turtle:write_turtle", "RDF 1.1 Turtle"),
    Format("ntriples", "graph.nt", "kg.exporters.ntriples:write_ntriples", "N-Triples, sorted"),
    Format("jsonld", "graph.jsonld", "kg.exporters.jsonld:write_jsonld", "JSON-LD with the dip: context"),
    Format("graphml", "graph.graphml", "kg.exporters.graphml:write_graphml", "GraphML for Gephi and yEd"),
    Format("neo4j", "property-graph", "kg.exporters.property_graph:write_bundle",
           "nodes.csv + relationships.csv (neo4j-admin) and Cypher loaders", folder=True),
    Format("html", "graph.html", "kg.exporters.html:write_html", "interactive view (offline)"),
)}
DEFAULT_FORMATS = tuple(FORMATS)


def export(kg: KnowledgeGraph, out_dir: Path, formats: Iterable[str] = DEFAULT_FORMATS,
           on_written: Callable[[str, float], None] | None = None) -> list[Path]:
    """Write `kg` in each format into `out_dir`; returns the paths written."""
    import time

    unknown = [name for name in formats if name not in FORMATS]
    if unknown:
        raise ExportError(f"unknown format {unknown[0]!r}; known: {', '.join(FORMATS)}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(f"{out_dir}: cannot create the output folder: {err.strerror}") from err
    written = []
    for name in formats:
        fmt = FORMATS[name]
        start = time.perf_counter()
        target = out_dir / fmt.filename
        replace = replace_folder_atomically if fmt.folder else write_atomically
        replace(target, lambda tmp: fmt.load()(kg, tmp))
        written.append(target)
        if on_written:
            on_written(name, time.perf_counter() - start)
    return written


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as err:
        raise ExportError(f"{target}: cannot write: {err.strerror or err}") from err
    finally:
        tmp.unlink(missing_ok=True)


def replace_folder_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Fill a temporary folder, then swap it for `target`: at every moment one
    complete version of the folder is in place."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    old = target.parent / f".{target.name}.old"
    try:
        write(tmp)
        os.chmod(tmp, 0o755)
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
    except OSError as err:
        raise ExportError(f"{target}: cannot write: {err.strerror or err}") from err
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
