"""Sorting more lines than fit in memory: sorted runs written to disk, then
merged. Memory holds one run (bounded in characters, whatever the length of
the lines) and one buffered line per run being merged."""
from __future__ import annotations

import heapq
import itertools
from pathlib import Path
from typing import Iterable, Iterator

RUN_CHARS = 12_000_000  # characters sorted in memory at a time (about 20 MB as Python strings)
MAX_OPEN = 200  # runs merged at once; more are first merged into longer runs


def sorted_unique(lines: Iterable[str], folder: Path, run_chars: int = RUN_CHARS,
                  max_open: int = MAX_OPEN) -> Iterator[str]:
    """`lines` (none holding a newline) sorted as Python sorts strings, each once.
    Runs are kept in `folder` while the result is read, and removed after."""
    runs = _write_runs(lines, folder, run_chars)
    for n in itertools.count():
        if len(runs) <= max_open:
            break
        merged = folder / f"merged-{n:06d}.txt"
        with open(merged, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(f"{line}\n" for line in _merge(runs[:max_open]))
        runs = runs[max_open:] + [merged]
    yield from _merge(runs)


def _merge(runs: list[Path]) -> Iterator[str]:
    """The lines of sorted runs, merged, each once; the runs are removed after."""
    files = [open(run, encoding="utf-8", newline="\n") for run in runs]
    try:
        previous = None
        for line in heapq.merge(*files):
            if line != previous:
                yield line[:-1]
                previous = line
    finally:
        for file, run in zip(files, runs):
            file.close()
            run.unlink(missing_ok=True)


def _write_runs(lines: Iterable[str], folder: Path, run_chars: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    runs: list[Path] = []
    batch: set[str] = set()
    size = 0
    for line in lines:
        if line not in batch:
            batch.add(line)
            size += len(line)
        if size >= run_chars:
            runs.append(_write_run(batch, folder / f"run-{len(runs):06d}.txt"))
            batch, size = set(), 0
    if batch or not runs:
        runs.append(_write_run(batch, folder / f"run-{len(runs):06d}.txt"))
    return runs


def _write_run(batch: set[str], path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(f"{line}\n" for line in sorted(batch))
    return path
