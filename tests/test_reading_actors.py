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


def _titles(read, text: str) -> set[tuple[str, str]]:
    _, facts = read(text)
    return {(s, o) for s, rel, o in facts if rel == "holdsPosition"}


@pytest.mark.parametrize("text, title", [
    ("Kenyan Foreign Minister Amina Odhiambo held talks with her Somali counterpart Ahmed Warsame in Nairobi.",
     ("Ahmed Warsame", "Foreign Minister")),
    ("French President Emmanuel Macron thanked his Turkish counterpart Recep Tayyip Erdogan for his help.",
     ("Recep Tayyip Erdogan", "President")),
    # the clause's subject names no one else: the titled person named last before
    ("Ghana's Foreign Minister Ama Boateng flew to Lome, where she met her Togolese counterpart Kodjo Mensah.",
     ("Kodjo Mensah", "Foreign Minister")),
    ("Chilean Defence Minister Rosa Vidal said talks would resume. Her Peruvian counterpart Luis Quispe agreed.",
     ("Luis Quispe", "Defence Minister")),
])
def test_actors_a_counterpart_holds_the_office_of_the_clauses_subject(read, text, title):
    assert title in _titles(read, text)


@pytest.mark.parametrize("text, person, allowed", [
    # "his" is Lammy's, who has no title here: the vice president's office is not the counterpart's
    ("Lammy met Vice President Han Zheng and held talks with his counterpart Kwame Asante.", "Kwame Asante", set()),
    # which of the two is whose is not said
    ("Defence Minister Ana Costa and Foreign Minister Rui Lobo met their Moroccan counterparts Karim Idrissi "
     "and Samir Alaoui.", "Karim Idrissi", set()),
    # a known person keeps the titles the knowledge base gives: a foreign secretary's counterpart is a minister
    ("British Foreign Secretary David Lammy held talks with his counterpart Wang Yi.", "Wang Yi", {"Foreign Minister"}),
])
def test_actors_a_counterpart_whose_office_is_unclear_gets_no_title(read, text, person, allowed):
    assert {t for p, t in _titles(read, text) if p == person} <= allowed


@pytest.mark.parametrize("text, facts", [
    # a known title with "for" and "and" in it, however the parser split the sentence
    ("No deal was reached, EU High Representative for Foreign Affairs and Security Policy Josep Borrell said.",
     {("Josep Borrell", "holdsPosition", "High Representative"), ("Josep Borrell", "represents", "European Union")}),
    # the title is of whoever serves the person named with a possessive, and they serve that person's state
    ("Kurt Campbell, President Joe Biden's Asia coordinator, met the prime minister.",
     {("Kurt Campbell", "holdsPosition", "Asia Coordinator"), ("Kurt Campbell", "represents", "United States")}),
    # counsel in court speak for the state they represent, not for the state of their nationality
    ("Advocate Thandiwe Mokoena, representing Namibia, told the court the blockade was illegal.",
     {("Thandiwe Mokoena", "holdsPosition", "Advocate"), ("Thandiwe Mokoena", "represents", "Namibia")}),
    # the small parser starts a sentence inside "WHO Director-General": the title is read across it
    ("WHO Director-General Tedros Adhanom Ghebreyesus hailed the accord.",
     {("Tedros Adhanom Ghebreyesus", "holdsPosition", "Director General"),
      ("Tedros Adhanom Ghebreyesus", "represents", "World Health Organization")}),
    # an office only one state has gives that state
    ("He was joined by Homeland Security Secretary Ana Ruiz and Attorney General Tom Reed.",
     {("Ana Ruiz", "represents", "United States"), ("Tom Reed", "holdsPosition", "Attorney General")}),
])
def test_actors_titles_in_longer_layouts(read, text, facts):
    _, found = read(text)
    assert facts <= found
    assert ("Joe Biden", "holdsPosition", "Asia Coordinator") not in found
    assert ("Tom Reed", "represents", "United States") not in found  # many states have attorneys general


def _mentions(extractor, text: str) -> list[tuple[str, str]]:
    doc = extractor.nlp(text)
    return [(s.text, s.kb_id_) for s in doc.spans["kg_mentions"]]


def test_actors_a_known_name_inside_a_longer_persons_name_is_not_that_actor(extractor):
    # regression: the span kept the ent_id of its root token, "Wagner", the Wagner Group's alias
    assert ("Therese Kayikwamba Wagner", "person/therese-kayikwamba-wagner") in _mentions(
        extractor, "Foreign Minister Therese Kayikwamba Wagner met her Rwandan counterpart in Luanda.")
    assert ("Wagner", "organization/wagner") in _mentions(extractor, "Wagner fighters left Mali in June.")
    # but a known person's name inside the statistical model's longer span is still that person
    assert {key for _, key in _mentions(extractor, "Secretary of State Antony Blinken arrived on Monday.")} == {
        "person/antony-blinken"}


def test_actors_the_leader_of_a_state_is_its_head_named_before(read):
    _, facts = read("Erdogan arrived in Abu Dhabi on Wednesday. UAE President Mohamed bin Zayed "
                         "received the Turkish leader at the palace.")
    assert ("Mohamed bin Zayed", "metWith", "Recep Tayyip Erdogan") in facts
    assert ("Recep Tayyip Erdogan", "holdsPosition", "Leader") not in facts  # "leader" describes, it is no title


def test_actors_a_name_with_an_initial_and_a_suffix_is_a_person(read):
    _, facts = read("Health and Human Services Secretary Robert F. Kennedy Jr. criticized the WHO.")
    assert ("Robert F. Kennedy Jr", "criticized", "World Health Organization") in facts
