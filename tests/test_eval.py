"""Extraction quality on the project's own gold: the seeds and tests/corpus
(43 articles written in our own words), scored by `kg evaluate`. The bars sit
just under what the build scores, to catch a regression."""
from __future__ import annotations

import pytest

from kg.evaluate import evaluate, read_gold
from tests.conftest import ROOT, SEEDS

CORPUS = ROOT / "tests" / "corpus"


def test_eval_seeds_meet_the_bar(seeds_build):
    scores = evaluate(seeds_build.graph, read_gold(SEEDS / "gold.yaml"))
    assert scores.entities.f1 >= 0.95, scores.entities.misses
    assert scores.facts.f1 >= 0.93, [d.facts.misses for d in scores.documents]


def test_eval_own_corpus_meets_the_bar(tmp_path, extractor):
    from kg.build import build

    result = build([CORPUS], tmp_path, extractor=extractor, formats=["turtle"])
    scores = evaluate(result.graph, read_gold(CORPUS / "gold.yaml"))
    # 43 articles (entity F1 0.93, fact F1 0.84 when set); the 11 added last (133-143) were annotated
    # before the extractor read them and score lower on their own
    assert scores.entities.f1 >= 0.92
    assert scores.facts.f1 >= 0.82
    assert scores.facts.precision >= 0.85


def test_eval_corpus_gold_has_every_relation_three_times():
    from kg.vocab import RELATIONS

    gold = read_gold(CORPUS / "gold.yaml")
    counts = {name: 0 for name in RELATIONS}
    for doc in gold:
        for _, relation, _ in doc["facts"]:
            counts[relation] += 1
    assert min(counts.values()) >= 3, counts
    assert len(gold) >= 20


@pytest.mark.parametrize("gold", [SEEDS / "gold.yaml", CORPUS / "gold.yaml"])
def test_eval_gold_names_its_facts_sides_among_its_entities(gold):
    for doc in read_gold(gold):
        names = {e["name"] for e in doc.get("entities") or []}
        for s, relation, o in doc["facts"]:
            assert s in names, (doc["document"], s)
            assert relation == "holdsPosition" or o in names, (doc["document"], o)
