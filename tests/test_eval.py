"""Extraction quality on the development set, by the shared scorer."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED

SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "seeds.gold.yaml"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside this checkout")
def test_eval_seeds_meet_the_bar(seeds_build):
    proc = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--graph",
                           str(seeds_build.written[0]), "--quiet", "--json"],
                          capture_output=True, text=True, check=True)
    scores = json.loads(proc.stdout.strip().splitlines()[-1])
    assert scores["entities"]["f1"] >= 0.92, proc.stdout
    assert scores["facts"]["f1"] >= 0.85, proc.stdout
