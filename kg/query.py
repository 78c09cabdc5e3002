"""SPARQL over a graph file, on pyoxigraph (fast at any size), with a library
of named queries under ontology/queries/."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from kg.errors import InputError, KgError
from kg.kb import ONTOLOGY_DIR
from kg.rdf import graph_file
from kg.vocab import RES

QUERIES_DIR = ONTOLOGY_DIR / "queries"
_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


class QueryError(KgError):
    """A query that cannot be parsed or run."""


@dataclass(frozen=True)
class Result:
    variables: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # IRIs in full, literals as their lexical form, "" unbound


def named_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq"))}


def query_text(name: str) -> str:
    queries = named_queries()
    if name not in queries:
        raise InputError(f"no named query {name!r}; known: {', '.join(queries)}")
    return queries[name].read_text(encoding="utf-8")


def load_store(path: Path, index_dir: Path | None = None):
    """A pyoxigraph Store holding the graph in `path` (.ttl, .nt or .jsonld).

    With `index_dir`, the store is kept on disk there, keyed by the file's
    path, size and modification time: the first query loads the file, later
    ones open the store directly (loading a large graph costs seconds, a query
    on the loaded store milliseconds)."""
    import pyoxigraph as ox

    rdf_format = getattr(ox.RdfFormat, graph_file(path).oxigraph_format)
    if index_dir is not None:
        stored = _stored_index(path, index_dir)
        if stored.exists():
            try:
                return ox.Store.read_only(str(stored))
            except OSError:
                shutil.rmtree(stored, ignore_errors=True)
    if index_dir is None:
        store = ox.Store()
        _bulk_load(store, path, rdf_format)
        return store
    # Loaded beside its place and moved there only when whole: a file that
    # cannot be read never leaves a store that a later query would trust.
    target = _fresh_index(path, index_dir)
    loading = Path(tempfile.mkdtemp(prefix=".loading-", dir=index_dir))
    try:
        store = ox.Store(str(loading))
        _bulk_load(store, path, rdf_format)
        store.flush()
        del store
        os.replace(loading, target)
    finally:
        shutil.rmtree(loading, ignore_errors=True)
    return ox.Store.read_only(str(target))


def _bulk_load(store, path: Path, rdf_format) -> None:
    try:
        store.bulk_load(path=str(path), format=rdf_format)
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError(f"{path}: cannot parse: {str(err).splitlines()[0]}") from err


def _index_name(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]


def _stored_index(path: Path, index_dir: Path) -> Path:
    stat = path.stat()
    return index_dir / f"{_index_name(path)}-{stat.st_size}-{stat.st_mtime_ns}"


def _fresh_index(path: Path, index_dir: Path) -> Path:
    """The folder for a new store; older stores of the same file go."""
    index_dir.mkdir(parents=True, exist_ok=True)
    for old in index_dir.glob(f"{_index_name(path)}-*"):
        shutil.rmtree(old, ignore_errors=True)
    return _stored_index(path, index_dir)


def default_index_dir(path: Path) -> Path:
    return path.resolve().parent / ".kg-cache" / "query-stores"


def run(store, text: str, bindings: Mapping[str, str] | None = None) -> Result:
    """Run a SELECT query; `bindings` fix variables ("actor" -> "person/antony-blinken")."""
    import pyoxigraph as ox

    substitutions = {ox.Variable(name): ox.NamedNode(_iri(value)) for name, value in (bindings or {}).items()}
    try:
        solutions = store.query(text, substitutions=substitutions)
    except SyntaxError as err:
        raise QueryError(_syntax_message(str(err))) from err
    except (OSError, ValueError, RuntimeError) as err:
        raise QueryError(f"query failed: {err}") from err
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries print as a table; this is an ASK or CONSTRUCT query")
    variables = tuple(v.value for v in solutions.variables)
    rows = tuple(tuple(_text(solution[v]) for v in variables) for solution in solutions)
    return Result(variables, rows)


def _iri(value: str) -> str:
    return value if re.match(r"^[a-z][a-z0-9+.-]*:", value) else RES + value.removeprefix("res:")


def _text(term) -> str:
    return "" if term is None else term.value


def _syntax_message(message: str) -> str:
    m = _POSITION.match(message)
    if not m:
        return f"query syntax error: {message.splitlines()[0]}"
    line, column, what = m.groups()
    what = what.splitlines()[0]
    return f"query syntax error at line {line}, column {column}: {what[:100]}"


def format_result(result: Result, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps([dict(zip(result.variables, row)) for row in result.rows],
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows(result.rows)
        return out.getvalue()
    return _table(result)


def _table(result: Result) -> str:
    rows = [tuple(_compact(v) for v in row) for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(result.variables)]
    widths = [min(w, 80) for w in widths]

    def line(values: Sequence[str]) -> str:
        return "  ".join(_cut(v, w).ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(result.variables), line(["-" * w for w in widths])]
    out.extend(line(r) for r in rows)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _compact(value: str) -> str:
    return value.replace(RES, "").replace("https://w3id.org/diplomacy-kg/ontology#", "dip:")


def _cut(value: str, width: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[:width - 1] + "…"
