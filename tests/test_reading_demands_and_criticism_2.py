"""Demands, warnings, criticism and visits where the small parser misreads
the phrase that carries them: a name before "and other" ("a U.N. and other
calls"), a second demand joined to the wrong noun ("calls to stop the attacks
on ships and warnings from X"), a subject right after a place ("in Ankara
Lavrov urged"), a capital named after a comma ("arrived in the capital,
Canberra"), a nationality read as a compound ("Azerbaijani troops"), and a
body referred to by another of its names ("the coup leaders" for the junta).
Sentence in, facts out."""
from __future__ import annotations

import pytest

OURS = ("urged", "warned", "criticized", "visited")


def _ours(read, text: str) -> set[tuple[str, str, str]]:
    _, facts = read(text)
    return {f for f in facts if f[1] in OURS}


@pytest.mark.parametrize("text, expected", [
    # a name before "and other": it qualifies the noun after, whose issuer it is
    ("The Taliban defied a U.N. and other international calls to reopen schools for girls.",
     {("United Nations", "urged", "Taliban")}),
    ("Pyongyang ignored a U.S. and other foreign appeals to return to talks.",
     {("United States", "urged", "North Korea")}),
    # a second demand or warning in the list of what was gone against
    ("Hamas ignored calls to free the hostages held in Gaza and warnings from Israel of a ground offensive.",
     {("Israel", "warned", "Hamas")}),
    ("Iran ignored appeals from France and warnings from Britain.",
     {("France", "urged", "Iran"), ("United Kingdom", "warned", "Iran")}),
    ("Despite calls from China and threats from Russia, Moldova held the vote.",
     {("China", "urged", "Moldova"), ("Russia", "warned", "Moldova")}),
    # the subject right after a place the parser joined it to
    ("During his talks in Ankara Lavrov urged Turkey to stay neutral.", {("Sergei Lavrov", "urged", "Turkey")}),
    ("In Brussels Stoltenberg warned Russia against escalation.", {("Jens Stoltenberg", "warned", "Russia")}),
    ("After the meeting in Geneva Blinken condemned Iran.", {("Antony Blinken", "criticized", "Iran")}),
    # a nationality the parser made a compound; troops act for their state
    ("Armenia denounced the attack by Azerbaijani troops on the village.", {("Armenia", "criticized", "Azerbaijan")}),
    # a junta named again by another of its names
    ("Mali's junta expelled the French ambassador. Algeria urged the coup leaders to restore civilian rule.",
     {("Algeria", "urged", "Malian Junta")}),
    ("Niger's military rulers closed the border. Nigeria demanded that the putschists free the president.",
     {("Nigeria", "urged", "Nigerien Junta")}),
])
def test_demands_criticism_and_visits_through_misparses(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text", [
    # a country and other countries: a list of actors, not a qualifier
    "The United States and other countries defied the calls.",
    # a name that is the subject stays where it is
    "In Paris, Macron met the press.",
    # "US" in "US export curbs" is a name, not a nationality word read as a compound
    "China voices opposition to US export restrictions on chips",
    # the coup leaders with no junta named before are nobody
    "Algeria urged the coup leaders to restore civilian rule.",
])
def test_no_fact_of_ours(read, text):
    assert not _ours(read, text)


def test_capital_named_after_a_comma_is_the_capitals():
    """The parse the small model gives in a longer article: "Honiara" hung on
    the verb as an adverbial phrase; the repair makes it the capital's."""
    import spacy
    from spacy.tokens import Doc

    from kg.syntax import phrase_repair

    words = ["Campbell", "met", "Sogavare", "after", "arriving", "in", "the", "capital", ",", "Honiara", "."]
    heads = [1, 1, 1, 1, 3, 4, 7, 5, 4, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pcomp", "prep", "det", "pobj", "punct", "npadvmod", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "ADP", "VERB", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "PUNCT"]
    lemmas = ["Campbell", "meet", "Sogavare", "after", "arrive", "in", "the", "capital", ",", "Honiara", "."]
    ents = ["B-PERSON", "O", "B-PERSON", "O", "O", "O", "O", "O", "O", "B-GPE", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    phrase_repair(doc)
    assert (doc[9].head.i, doc[9].dep_) == (7, "appos")
