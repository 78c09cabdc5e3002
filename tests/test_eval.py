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




@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside this checkout")
def test_eval_own_corpus_meets_the_bar(tmp_path, extractor):
    """26 articles in our own words on other actors and issues (tests/corpus)."""
    from kg.build import build
    from tests.conftest import ROOT

    corpus = ROOT / "tests" / "corpus"
    result = build([corpus], tmp_path, extractor=extractor, formats=["turtle"])
    proc = subprocess.run([sys.executable, str(SCORER), "--gold", str(corpus / "gold.yaml"), "--graph",
                           str(result.written[0]), "--quiet", "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(proc.stdout.strip().splitlines()[-1])
    assert scores["entities"]["f1"] >= 0.90, proc.stdout
    assert scores["facts"]["f1"] >= 0.75, proc.stdout


def test_eval_corpus_gold_has_every_relation_three_times():
    import yaml

    from kg.vocab import RELATIONS
    from tests.conftest import ROOT

    gold = yaml.safe_load((ROOT / "tests" / "corpus" / "gold.yaml").read_text())
    counts = {name: 0 for name in RELATIONS}
    for doc in gold:
        for _, relation, _ in doc["facts"]:
            counts[relation] += 1
    assert min(counts.values()) >= 3, counts
    assert len(gold) >= 20
