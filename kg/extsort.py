"""Sorting more lines than fit in memory: sorted runs written to disk, then
merged. Memory holds one run, whatever the number of lines."""
from __future__ import annotations

import heapq
import itertools
from pathlib import Path
from typing import Iterable, Iterator

RUN_LINES = 250_000  # lines sorted in memory at a time (about 60 MB of N-Triples)


def sorted_unique(lines: Iterable[str], folder: Path, run_lines: int = RUN_LINES) -> Iterator[str]:
    """`lines` (none holding a newline) sorted as Python sorts strings, each once.
    Runs are kept in `folder` while the result is read, and removed after."""
    runs = _write_runs(lines, folder, run_lines)
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


def _write_runs(lines: Iterable[str], folder: Path, run_lines: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    runs: list[Path] = []
    source = iter(lines)
    while batch := set(itertools.islice(source, run_lines)):
        run = folder / f"run-{len(runs):06d}.txt"
        with open(run, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(f"{line}\n" for line in sorted(batch))
        runs.append(run)
    return runs
