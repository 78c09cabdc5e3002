"""Shared fixtures: the spaCy pipeline is loaded once per test session, and the
seeds are built once into a temporary folder that tests only read."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    from kg.build import Extractor

    return Extractor.load()


@pytest.fixture(scope="session")
def read(extractor):
    """text -> (DocumentResult, facts as (subject label, relation, object label))."""
    from kg.model import Article

    def _read(text: str):
        [result] = list(extractor.read([Article("test.txt", "test.txt", text)]))
        labels = {e.key: e.label for e in result.entities}
        facts = {(labels[f.subject], f.relation,
                  f.obj if f.relation == "holdsPosition" else labels[f.obj]) for f in result.facts}
        return result, facts

    return _read


@pytest.fixture(scope="session")
def read_both_ways(read):
    """text -> facts as `read` gives them, symmetric relations written both ways round."""
    from kg.vocab import RELATIONS

    def _read(text: str) -> set[tuple[str, str, str]]:
        _, facts = read(text)
        return facts | {(o, r, s) for s, r, o in facts if RELATIONS[r].symmetric}

    return _read


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory, extractor):
    """The seeds built once with the CLI's own build function."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds-build")
    return build([SEEDS], out, extractor=extractor)


def run_kg(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The CLI as a user runs it (`env`: variables to set beside the environment's own)."""
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env={**os.environ, **env} if env else None)
