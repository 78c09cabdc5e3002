"""Readings of single tokens shared by the stages, on hand-made Docs (no model)."""
from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, LOWER, POS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.headlines import _is_headline
from kg.tokens import evidence_of, positions_of, positions_with

# "Japan and Korea met. Talks ended." with its parse
WORDS = ["Japan", "and", "Korea", "met", ".", "Talks", "ended", "."]
SPACES = [True, True, True, False, True, True, False, False]
POS_ = ["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"]
DEPS = ["nsubj", "cc", "conj", "ROOT", "punct", "nsubj", "ROOT", "punct"]
HEADS = [3, 0, 0, 3, 3, 6, 6, 6]


@pytest.fixture(scope="module")
def doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, spaces=SPACES, pos=POS_, deps=DEPS, heads=HEADS)


@pytest.mark.parametrize("wanted, positions", [
    ({DEP: ("nsubj",)}, [0, 5]),
    ({DEP: ("nsubj",), POS: ("NOUN",)}, [5]),
    ({DEP: ("nsubj", "conj"), POS: ("PROPN",)}, [0, 2]),
    ({DEP: ("ROOT",), POS: ("VERB",), LOWER: ("ended",)}, [6]),
    ({DEP: ("dobj",)}, []),
    ({LOWER: frozenset({"korea", "talks"})}, [2, 5]),
    ({LOWER: ()}, []),
])
def test_positions_with_every_attribute_taking_one_of_its_values(doc, wanted, positions):
    assert positions_with(doc, wanted) == positions


def test_positions_of_lower_case_forms(doc):
    assert positions_of(doc, frozenset({"japan", "."})) == [0, 4, 7]


def test_positions_of_an_empty_doc():
    assert positions_of(Doc(Vocab(), words=[]), frozenset({"x"})) == []


@pytest.mark.parametrize("i, sentence", [(2, "Japan and Korea met."), (6, "Talks ended.")])
def test_evidence_is_the_sentence_of_the_token(doc, i, sentence):
    assert evidence_of(doc[i]) == sentence


@pytest.mark.parametrize("text, headline", [
    ("Japan, Korea talk trade\n\nThe ministers met on Monday.", True),
    ("  Japan, Korea talk trade  \nThe ministers met.", True),
    ("The ministers met. Japan, Korea talk trade\n", False),  # not a line of its own
    ("Japan, Korea talk trade.\n", False),  # a closing stop
])
def test_a_headline_is_a_short_line_of_its_own_without_a_stop(text, headline):
    doc = spacy.blank("en").make_doc(text)
    start = text.index("Japan")
    end = text.index("trade") + len("trade") + (1 if text[text.index("trade") + 5:].startswith(".") else 0)
    assert _is_headline(doc.char_span(start, end), text) == headline
