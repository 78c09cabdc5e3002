"""Who acts, specified by sentences in and facts out: a title whose holder is
named after a comma, and an object pronoun that cannot be its own clause's
subject."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, fact", [
    # the parser hangs the name on the first item of the list, not on "envoy"
    ("Anthony Albanese met Xi Jinping on Monday. Foreign Minister Penny Wong and Canada's envoy to China, "
     "John Marsh joined them and attended the meeting with the Chinese President.",
     ("John Marsh", "metWith", "Xi Jinping")),
    ("Ghana's ambassador to the UN, Kofi Mensah, met Wang Yi in New York.",
     ("Kofi Mensah", "metWith", "Wang Yi")),
])
def test_actors_person_named_after_a_title_acts(read, text, fact):
    _, facts = read(text)
    assert fact in facts
    assert not any(s in ("Canada", "Ghana") and rel == "metWith" for s, rel, _ in facts)


def _pronoun_keys(extractor, text: str) -> list[tuple[str, str]]:
    doc = extractor.nlp(text)
    return [(s.text, s.kb_id_) for s in doc.spans["kg_mentions"] if s.label_ == "pronoun"]


@pytest.mark.parametrize("text, expected", [
    ("Macron called Scholz on Monday. Scholz thanked him for the support.",
     [("him", "person/emmanuel-macron")]),
    ("Anthony Albanese met Xi Jinping. Penny Wong and the envoy, John Marsh, joined him later.",
     [("him", "person/anthony-albanese")]),
    # "his" may be the subject's own
    ("Xi Jinping met Modi. Modi said his visit was a success.", [("his", "person/narendra-modi")]),
])
def test_actors_object_pronoun_is_not_its_clauses_subject(extractor, text, expected):
    assert _pronoun_keys(extractor, text) == expected
