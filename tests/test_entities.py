"""Entity resolution: many names, one node each."""
from __future__ import annotations

import pytest


def _entities(read, text):
    result, facts = read(text)
    names = {}
    for key, alias in result.aliases:
        names.setdefault(key, set()).add(alias)
    return {e.key: (e.kind, e.label, names.get(e.key, set())) for e in result.entities}, facts


@pytest.mark.parametrize("text, key, alias", [
    ("US Secretary of State Antony Blinken arrived on Sunday. Mr Blinken met officials.", "person/antony-blinken", None),
    ("US Secretary of State Antony Blinken landed. The top US diplomat then met Wang Yi.",
     "person/antony-blinken", "the top US diplomat"),
    ("Beijing said the talks were candid.", "country/china", "Beijing"),
    ("Washington's arms sales anger Beijing.", "country/united-states", "Washington"),
    ("Moscow and Kyiv traded accusations.", "country/ukraine", "Kyiv"),
    ("The Kremlin rejected the proposal.", "country/russia", "the Kremlin"),  # as written mid-sentence
    ("The DPRK fired a missile on Sunday.", "country/north-korea", "DPRK"),
    ("Manila lodged a protest with Beijing.", "country/philippines", "Manila"),
])
def test_entities_names_resolve_to_one_node(read, text, key, alias):
    entities, _ = _entities(read, text)
    assert key in entities, sorted(entities)
    if alias:
        assert alias in entities[key][2], entities[key]


def test_entities_title_gives_position_and_state(read):
    _, facts = read("Chinese President Xi Jinping received the delegation.")
    assert ("Xi Jinping", "holdsPosition", "President") in facts
    assert ("Xi Jinping", "represents", "China") in facts


def test_entities_an_envoy_posted_by_its_state_does_not_represent_the_body(read):
    """"its UN representative": the UN is where the envoy serves."""
    _, facts = read("Moscow dismissed the text, with its UN representative Vasily Nebenzia calling it biased.")
    assert ("Vasily Nebenzya", "represents", "United Nations") not in facts


def test_entities_apposition_gives_position_and_state(read):
    _, facts = read("Sergei Lavrov, Russia's foreign minister, arrived in Ankara.")
    assert ("Sergei Lavrov", "holdsPosition", "Foreign Minister") in facts
    assert ("Sergei Lavrov", "represents", "Russia") in facts


def test_entities_unknown_title_is_kept_as_written(read):
    _, facts = read("Public Security Minister Zhao Leji met the delegation.")
    assert ("Zhao Leji", "holdsPosition", "Public Security Minister") in facts


def test_entities_opposition_leader_does_not_represent_the_state(read):
    _, facts = read("Israeli opposition leader Yair Lapid met the envoy.")
    assert ("Yair Lapid", "holdsPosition", "Opposition leader") in facts
    assert ("Yair Lapid", "represents", "Israel") not in facts


def test_entities_body_before_title_is_what_the_person_represents(read):
    _, facts = read("State Department spokesperson Matthew Miller declined to comment.")
    assert ("Matthew Miller", "represents", "State Department") in facts


def test_entities_unknown_person_is_found_and_linked_by_surname(read):
    entities, _ = _entities(read, "Dutch minister Caspar Veldkamp arrived. Veldkamp then left.")
    assert entities["person/caspar-veldkamp"][0] == "Person"
    assert "Veldkamp" in entities["person/caspar-veldkamp"][2]


def test_entities_family_name_of_several_words_links_and_a_cut_name_is_made_whole(read):
    """The model may read "Jean-Yves Le" as the name; "Le Drian" is then his surname."""
    entities, facts = _entities(read, "The talks were hosted by French Foreign Minister Jean-Yves Le Drian. "
                                      "Le Drian said progress was made. Le Drian met Sergei Lavrov in Paris.")
    assert ("Jean-Yves Le Drian", "metWith", "Sergei Lavrov") in facts
    assert not [k for k in entities if k.startswith("organization/le")]


def test_entities_a_place_right_before_a_name_is_not_whom_they_represent(read):
    _, facts = read("During his meetings in Paris Mirzoyan stuck to his line. China's Xi Jinping spoke later.")
    assert not [f for f in facts if f[1] == "represents" and f[2] == "France"]
    assert ("Xi Jinping", "represents", "China") in facts


def test_entities_two_people_sharing_a_surname_are_not_merged(read):
    text = ("Chinese Foreign Minister Wang Yi met Public Security Minister Wang Xiaohong. "
            "Later Wang Xiaohong left.")
    entities, _ = _entities(read, text)
    assert "person/wang-yi" in entities and "person/wang-xiaohong" in entities


def test_entities_surname_follows_the_person_named_in_the_article(read):
    # "Wang" is a known alias of Wang Yi, but here only Wang Wentao is named
    entities, _ = _entities(read, "Commerce Minister Wang Wentao met the delegation. Wang said talks were frank.")
    assert "person/wang-yi" not in entities
    assert "Wang" in entities["person/wang-wentao"][2]


def test_entities_nationality_word_alone_is_no_entity(read):
    entities, _ = _entities(read, "Chinese officials met Korean officials.")
    assert not any(k.startswith("country/") for k in entities)


def test_entities_country_named_as_topic_is_the_issue(read):
    entities, _ = _entities(read, "Ministers argued over several issues including fishing, tariffs and Taiwan.")
    assert "issue/taiwan" in entities
    assert "country/taiwan" not in entities


def test_entities_capital_as_mere_place_is_not_mentioned(read):
    entities, _ = _entities(read, "Both leaders are due in New Delhi for the climate conference.")
    assert "country/india" not in entities


def test_entities_scoped_issue_takes_its_country(read):
    entities, _ = _entities(read, "Iran expanded its nuclear programme, inspectors said.")
    assert entities["issue/iran-nuclear-programme"][1] == "Iran nuclear programme"


def test_entities_same_person_same_iri_across_articles(extractor):
    from kg.model import Article

    a = Article("a.txt", "a.txt", "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv.")
    b = Article("b.txt", "b.txt", "Zelensky met NATO leaders in Brussels.")
    ra, rb = list(extractor.read([a, b]))
    assert "person/volodymyr-zelenskyy" in {e.key for e in ra.entities}
    assert "person/volodymyr-zelenskyy" in {e.key for e in rb.entities}


def test_entities_office_of_a_known_person_gives_their_state(read):
    """"President Joe Biden" names no state, but the office acts for one and
    the knowledge base knows whose."""
    _, facts = read("President Joe Biden signed the order on Tuesday.")
    assert ("Joe Biden", "holdsPosition", "President") in facts
    assert ("Joe Biden", "represents", "United States") in facts


def test_entities_office_of_an_unknown_person_gives_no_state(read):
    _, facts = read("President Ana Ruiz signed the order on Tuesday.")
    assert ("Ana Ruiz", "holdsPosition", "President") in facts
    assert not [f for f in facts if f[1] == "represents"]


@pytest.mark.parametrize("text, person, title, body", [
    ("Nigeria's President, Bola Tinubu, called for swift action.", "Bola Tinubu", "President", "Nigeria"),
    ("Australia's Ambassador to China, Graham Fletcher, attended the dinner.", "Graham Fletcher", "Ambassador",
     "Australia"),
    ("Biden's national security advisor, Jake Sullivan, stressed the point.", "Jake Sullivan",
     "National Security Adviser", "United States"),
    ("Russia's UN representative Vasily Nebenzya objected.", "Vasily Nebenzya", "Representative", "Russia"),
    ("Saudi Foreign Minister Prince Faisal bin Farhan arrived.", "Faisal bin Farhan", "Foreign Minister",
     "Saudi Arabia"),
    ("Iran's Foreign Minister Hossein Amir-Abdollahian arrived.", "Hossein Amir-Abdollahian", "Foreign Minister",
     "Iran"),
])
def test_entities_title_set_off_by_commas_or_posted_somewhere(read, text, person, title, body):
    """A title in apposition before the name; "to X" is where an envoy serves;
    a person's possessive is no part of the title."""
    _, facts = read(text)
    assert (person, "holdsPosition", title) in facts
    assert (person, "represents", body) in facts


def test_entities_representing_a_state_is_represents(read):
    _, facts = read("Dmytro Kuleba, representing Ukraine, addressed the assembly.")
    assert ("Dmytro Kuleba", "represents", "Ukraine") in facts
