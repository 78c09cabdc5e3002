"""Incremental builds and worker processes give the same graph, faster; a
damaged cache entry is read again."""
from __future__ import annotations

import shutil

import pytest

from kg.build import build
from kg.cache import ExtractionCache
from kg.kb import ontology_version
from kg.model import Article
from tests.conftest import ROOT, SEEDS

RDF_FORMATS = ["turtle", "ntriples", "jsonld"]


def _bytes(result):
    return {p.name: p.read_bytes() for p in result.written}


def test_cache_output_is_identical_with_and_without_it(tmp_path, seeds_build):
    first = build([SEEDS], tmp_path / "a", cache_dir=tmp_path / "cache", formats=RDF_FORMATS)
    second = build([SEEDS], tmp_path / "b", cache_dir=tmp_path / "cache", formats=RDF_FORMATS)
    assert first.parsed == 5 and second.parsed == 0
    reference = {p.name: p.read_bytes() for p in seeds_build.written if p.name in _bytes(first)}
    assert _bytes(first) == reference
    assert _bytes(second) == reference


def test_cache_adding_one_article_parses_only_that_one(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    build([corpus], tmp_path / "out", cache_dir=tmp_path / "cache", formats=["turtle"])
    (corpus / "new.txt").write_text("Sergei Lavrov met Hakan Fidan in Ankara on Monday.")
    again = build([corpus], tmp_path / "out", cache_dir=tmp_path / "cache", formats=["turtle"])
    assert again.parsed == 1
    assert len(again.graph.documents) == 6


def test_cache_a_changed_pattern_file_changes_the_version(tmp_path):
    copy = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", copy)
    before = ontology_version(copy)
    patterns = copy / "patterns" / "relations.yaml"
    patterns.write_text(patterns.read_text() + "\n# a comment is a change too\n")
    assert ontology_version(copy) != before


def test_cache_entries_of_another_version_are_not_used(tmp_path, extractor):
    article = Article("a.txt", "a.txt", "Modi met Putin in Moscow.")
    [result] = list(extractor.read([article]))
    ExtractionCache(tmp_path, "v1").put(article, result)
    assert ExtractionCache(tmp_path, "v1").get(article) == result
    assert ExtractionCache(tmp_path, "v2").get(article) is None


def test_cache_the_same_text_with_another_date_is_read_again(tmp_path, extractor):
    """Regression: who is in office depends on the date, which the file's text no longer holds."""
    import datetime as dt

    article = Article("a.txt", "a.txt", "Modi met Putin in Moscow.", dt.date(2023, 7, 1))
    [result] = list(extractor.read([article]))
    ExtractionCache(tmp_path, "v1").put(article, result)
    assert ExtractionCache(tmp_path, "v1").get(article) == result
    assert ExtractionCache(tmp_path, "v1").get(Article("a.txt", "a.txt", article.text, dt.date(1990, 7, 1))) is None


def test_workers_give_the_same_exports(tmp_path):
    from bench.generate import generate

    generate(70, tmp_path / "corpus", seed=3)
    one = build([tmp_path / "corpus"], tmp_path / "one", formats=RDF_FORMATS + ["graphml"])
    two = build([tmp_path / "corpus"], tmp_path / "two", formats=RDF_FORMATS + ["graphml"], workers=2)
    assert _bytes(one) == _bytes(two)
    assert len(two.graph.documents) == 70


@pytest.mark.parametrize("damage", ['{"entities": [["person/x", "Per', "\x00\x01garbage\xff", "[]",
                                    '{"entities": 5, "aliases": [], "facts": [], "words": 3}',
                                    '{"entities": ["abcd"], "aliases": [], "facts": [], "words": 3}'])
def test_cache_a_damaged_entry_is_read_again_not_a_crash(tmp_path, seeds_build, damage):
    build([SEEDS], tmp_path / "a", cache_dir=tmp_path / "cache", formats=RDF_FORMATS)
    entries = sorted((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 5
    entries[2].write_bytes(damage.encode("utf-8", "surrogateescape"))
    again = build([SEEDS], tmp_path / "b", cache_dir=tmp_path / "cache", formats=RDF_FORMATS)
    assert again.parsed == 1
    reference = {p.name: p.read_bytes() for p in seeds_build.written if p.name in _bytes(again)}
    assert _bytes(again) == reference
    assert build([SEEDS], tmp_path / "c", cache_dir=tmp_path / "cache", formats=RDF_FORMATS).parsed == 0
