"""kg.treematch gives exactly the matches of spaCy's DependencyMatcher."""
from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from kg.relations import matcher_patterns
from kg.treematch import TreeMatcher
from tests.conftest import SEEDS


def test_treematch_equals_dependency_matcher_on_the_seeds(extractor):
    from kg.ingest import read_articles

    rules = extractor.rules
    reference = DependencyMatcher(extractor.nlp.vocab)
    for n, pattern in enumerate(rules.patterns):
        reference.add(str(n), matcher_patterns(pattern))
    texts = [a.text for a in read_articles([SEEDS]).articles]
    total = 0
    for doc in extractor.nlp.pipe(texts):
        expected = sorted((int(extractor.nlp.vocab.strings[key]), tuple(tokens))
                          for key, tokens in reference(doc))
        ours = sorted((key, tuple(tokens)) for key, tokens in rules.matcher(doc))
        assert ours == expected
        total += len(ours)
    assert total > 100


def test_treematch_refuses_what_it_cannot_evaluate():
    matcher = TreeMatcher()
    with pytest.raises(ValueError, match="LEMMA IN"):
        matcher.add(0, [[{"RIGHT_ID": "t", "RIGHT_ATTRS": {"POS": "VERB"}}]])
    with pytest.raises(ValueError, match="operator"):
        matcher.add(0, [[{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": {"IN": ["meet"]}}},
                         {"LEFT_ID": "t", "REL_OP": ">>", "RIGHT_ID": "o", "RIGHT_ATTRS": {}}]])
