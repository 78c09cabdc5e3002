"""Per-article records on disk: one Parquet partition per chunk of articles.

A build writes each chunk's DocumentResults as soon as they are read, in
whatever order the chunks finish, so the driver never holds the whole
corpus's results. Chunks are consecutive slices of the corpus sorted by
document id, so reading the partitions in index order gives the documents in
id order. `DocumentStore` is the re-iterable view a KnowledgeGraph keeps.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
import time
import weakref
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from kg.locks import lock_folder
from kg.model import DocumentResult, Entity, Fact

log = logging.getLogger(__name__)
ABANDONED_AFTER = 60  # seconds between creating a records folder and locking it, with a wide margin

SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("date", pa.string()),
    ("also_named", pa.list_(pa.string())),
    ("words", pa.int64()),
    ("source", pa.string()),
    ("entities", pa.list_(pa.struct([("key", pa.string()), ("kind", pa.string()),
                                     ("label", pa.string()), ("wikidata", pa.string())]))),
    ("aliases", pa.list_(pa.struct([("key", pa.string()), ("name", pa.string())]))),
    ("facts", pa.list_(pa.struct([("subject", pa.string()), ("relation", pa.string()), ("obj", pa.string()),
                                  ("evidence", pa.string()), ("confidence", pa.float64())]))),
])


def _row(doc: DocumentResult) -> dict:
    return {"doc_id": doc.doc_id, "date": doc.date.isoformat() if doc.date else None,
            "also_named": list(doc.also_named), "words": doc.words, "source": doc.source,
            "entities": [{"key": e.key, "kind": e.kind, "label": e.label, "wikidata": e.wikidata}
                         for e in doc.entities],
            "aliases": [{"key": k, "name": n} for k, n in doc.aliases],
            "facts": [{"subject": f.subject, "relation": f.relation, "obj": f.obj, "evidence": f.evidence,
                       "confidence": f.confidence} for f in doc.facts]}


def _document(row: dict) -> DocumentResult:
    return DocumentResult(
        row["doc_id"], dt.date.fromisoformat(row["date"]) if row["date"] else None,
        tuple(Entity(e["key"], e["kind"], e["label"], e["wikidata"]) for e in row["entities"]),
        tuple((a["key"], a["name"]) for a in row["aliases"]),
        tuple(Fact(f["subject"], f["relation"], f["obj"], f["evidence"], f["confidence"]) for f in row["facts"]),
        tuple(row["also_named"]), row["words"], row["source"])


def write_partition(folder: Path, index: int, documents: Iterable[DocumentResult]) -> int:
    """The documents of chunk `index`, sorted by id, as one Parquet file; returns how many."""
    rows = [_row(doc) for doc in sorted(documents, key=lambda d: d.doc_id)]
    tmp = folder / f".part-{index:08d}.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), tmp)
    tmp.replace(folder / f"part-{index:08d}.parquet")
    return len(rows)


@dataclass(frozen=True)
class DocumentStore:
    """The documents of a build, read back from their partitions in id order.
    Re-iterable (each iteration reads the files again), with a length."""

    folder: Path
    count: int
    owner: object = field(default=None, repr=False, compare=False)  # removes `folder` when dropped

    def __iter__(self) -> Iterator[DocumentResult]:
        for path in sorted(self.folder.glob("part-*.parquet")):
            for row in pq.read_table(path, schema=SCHEMA).to_pylist():
                yield _document(row)

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int) -> DocumentResult:
        if not -self.count <= index < self.count:
            raise IndexError(index)
        return next(islice(iter(self), index % self.count, None))


def spill_folder(parent: Path | None, prefix: str) -> Path:
    """A fresh folder for a build's records: under `parent` (the cache) or the
    system's temporary folder. Folders of the same prefix that builds killed
    with SIGKILL left there (no process holds their lock) are removed first."""
    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned(Path(parent or tempfile.gettempdir()), prefix)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))


def remove_abandoned(parent: Path, prefix: str) -> list[Path]:
    """Remove the folders `prefix`* in `parent` whose build is gone: a live
    build holds a lock on its folder (the kernel drops it when the process
    dies, however it dies). A folder younger than ABANDONED_AFTER is left
    alone: its build may not have locked it yet."""
    removed = []
    for path in parent.glob(f"{prefix}*"):
        try:
            if not path.is_dir() or time.time() - path.stat().st_mtime < ABANDONED_AFTER:
                continue
            lock = lock_folder(path, wait=False)
        except OSError:
            continue
        if lock is None:
            continue  # a build is using it
        shutil.rmtree(path, ignore_errors=True)
        os.close(lock)
        log.info("%s: removed the records of a build that did not finish", path)
        removed.append(path)
    return removed


class _Owner:
    """Holds the lock on a build's folder and removes the folder once nothing
    refers to it (copies of a store share one)."""

    def __init__(self, folder: Path) -> None:
        weakref.finalize(self, _release, folder, lock_folder(folder))


def _release(folder: Path, lock: int) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    os.close(lock)


def owned_store(folder: Path, count: int) -> DocumentStore:
    """A store whose folder is locked while it is used and removed when the
    store and its copies are no longer used."""
    return DocumentStore(folder, count, _Owner(folder))
