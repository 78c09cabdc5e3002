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

    def load(self) -> Callable[[KnowledgeGraph, Path], None]:
        module, function = self.writer.split(":")
        return getattr(importlib.import_module(module), function)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("turtle", "graph.ttl", "kg.exporters.turtle:write_turtle", "RDF 1.1 Turtle"),
    Format("html", "graph.html", "kg.exporters.html:write_html", "interactive view (offline)"),
)}
DEFAULT_FORMATS = tuple(FORMATS)


def export(kg: KnowledgeGraph, out_dir: Path, formats: Iterable[str] = DEFAULT_FORMATS,
           on_written: Callable[[str, float], None] | None = None) -> list[Path]:
    """Write `kg` in each format into `out_dir`; returns the paths written."""
    import time

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in formats:
        fmt = FORMATS.get(name)
        if fmt is None:
            raise ExportError(f"unknown format {name!r}; known: {', '.join(FORMATS)}")
        start = time.perf_counter()
        target = out_dir / fmt.filename
        write_atomically(target, lambda tmp: fmt.load()(kg, tmp))
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
