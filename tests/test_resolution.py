"""Resolution components, each specified alone on the Doc it leaves, and the
wrong readings they once gave (each case failed before the fix)."""
from __future__ import annotations

import pytest

from kg.entities.mentions import MENTIONS, NATIONALITIES, PAIRS, ROLES_EXT


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def _mentions(doc) -> dict[str, str]:
    """Mention text -> entity key."""
    return {span.text: span.kb_id_ for span in doc.spans[MENTIONS]}


def test_pipeline_resolvers_run_in_reading_order(nlp):
    names = nlp.pipe_names
    order = ["glued_words", "ner", "kb_actors", "kb_issues", "kg_issue_triggers", "kg_names", "kg_titles",
             "kg_references", "kg_topics"]
    assert [n for n in names if n in order] == order


def test_names_link_full_names_surnames_and_capitals(nlp):
    doc = nlp("Antony Blinken met Wang Yi in Beijing. Blinken said Beijing must act.")
    spans = [(s.text, s.kb_id_, s.label_) for s in doc.spans[MENTIONS]]
    assert ("Antony Blinken", "person/antony-blinken", "name") in spans
    assert ("Blinken", "person/antony-blinken", "name") in spans
    assert ("Beijing", "country/china", "place") in spans  # "in Beijing": a place
    assert ("Beijing", "country/china", "capital") in spans  # "Beijing must act": the state


def test_names_a_full_stop_kept_in_a_name_and_a_short_form_read_as_an_organisation(nlp):
    """The model may keep the full stop of a line's last name in the entity,
    and call the short form with a particle an organisation: one person."""
    from spacy.tokens import Span

    doc = nlp.make_doc("Talks were hosted by Jean-Pierre De Smet.\nLater De Smet spoke.")
    words = [t.text for t in doc]
    first, second = words.index("Jean"), words.index("De", words.index("Later"))
    doc.ents = [Span(doc, first, words.index(".") + 1, label="PERSON"), Span(doc, second, second + 2, label="ORG")]
    doc = nlp.get_pipe("kg_names")(doc)
    keys = {s.text: s.kb_id_ for s in doc.spans[MENTIONS]}
    assert keys == {"Jean-Pierre De Smet": "person/jean-pierre-de-smet", "De Smet": "person/jean-pierre-de-smet"}


@pytest.mark.parametrize("text, place, absent", [
    ("The senator spoke in Austin on Monday about the budget.", "Austin", "person/lloyd-austin"),
    ("Abraham Lincoln was born in Kentucky. The delegation arrived in Lincoln late on Tuesday.", "Lincoln",
     "person/abraham-lincoln"),
])
def test_names_a_place_is_not_a_person(nlp, text, place, absent):
    doc = nlp(text)
    assert [s for s in doc.spans[MENTIONS] if s.text == place and s.kb_id_ == absent] == []


def test_names_a_known_surname_is_still_a_person(nlp):
    doc = nlp("Lloyd Austin flew to Manila. Austin met the Philippine defence secretary in Manila.")
    assert list(_mentions(doc).values()).count("person/lloyd-austin") >= 1
    assert ("Austin", "person/lloyd-austin") in [(s.text, s.kb_id_) for s in doc.spans[MENTIONS]]


def test_names_a_known_person_written_oddly_is_the_known_node(read):
    result, _ = read("Vladimir PUTIN met the visiting delegation in the Kremlin.")
    putin = {e.key: e for e in result.entities}["person/vladimir-putin"]
    assert putin.label == "Vladimir Putin"
    assert putin.wikidata == "Q7747"


def test_titles_two_word_nationality_is_the_state_not_the_title(read):
    _, facts = read("South Korean Foreign Minister Cho Tae-yul met his Japanese counterpart in Tokyo.")
    assert ("Cho Tae-yul", "holdsPosition", "Foreign Minister") in facts
    assert ("Cho Tae-yul", "represents", "South Korea") in facts
    assert not [f for f in facts if f[1] == "holdsPosition" and "Korean" in f[2]]


def test_titles_are_left_on_the_doc(nlp):
    doc = nlp("Chinese President Xi Jinping received the envoy.")
    [role] = doc._.get(ROLES_EXT)
    assert (role.person, role.title, role.body) == ("person/xi-jinping", "President", "country/china")


@pytest.mark.parametrize("text, issue", [
    ("Ai Weiwei criticised the authorities in an interview.", "issue/artificial-intelligence"),
    ("Investors say the investment climate has worsened.", "issue/climate-change"),
    ("The museum marks the anniversary of German reunification.", "issue/taiwan"),
])
def test_issue_trigger_does_not_fire_inside_a_name_or_another_phrase(nlp, text, issue):
    assert issue not in _mentions(nlp(text)).values()


@pytest.mark.parametrize("text, issue", [
    ("Both sides discussed AI safety and the climate crisis.", "issue/artificial-intelligence"),
    ("Both sides discussed AI safety and the climate crisis.", "issue/climate-change"),
    ("Beijing insists on peaceful reunification.", "issue/taiwan"),
])
def test_issue_trigger_still_fires_where_it_names_the_issue(nlp, text, issue):
    assert issue in _mentions(nlp(text)).values()


def test_references_its_is_the_subject_of_its_clause(nlp):
    doc = nlp("The United States, after weeks of talks with China, expanded its sweeping ban on chips.")
    its = [s for s in doc.spans[MENTIONS] if s.text == "its"]
    assert [s.kb_id_ for s in its] == ["country/united-states"]


def test_references_its_in_a_with_phrase_is_the_subject_of_the_clause(nlp):
    doc = nlp("Russia rejected the text, with its envoy calling it biased.")
    its = [s for s in doc.spans[MENTIONS] if s.text == "its"]
    assert [s.kb_id_ for s in its] == ["country/russia"]


def test_references_its_is_the_nearer_state_in_a_phrase(nlp):
    doc = nlp("The European Union imposed sanctions on Iran over its supply of drones to Russia.")
    its = [s for s in doc.spans[MENTIONS] if s.text == "its"]
    assert [s.kb_id_ for s in its] == ["country/iran"]


def test_references_descriptions_and_pairs(nlp):
    doc = nlp("US Secretary of State Antony Blinken met China's Wang Yi. "
              "The top US diplomat said the two sides agreed to talk.")
    assert ("The top US diplomat", "person/antony-blinken") in [(s.text, s.kb_id_) for s in doc.spans[MENTIONS]]
    assert {s.kb_id_ for s in doc.spans[PAIRS]} == {"country/united-states", "country/china"}


def test_references_nationality_words_are_not_mentions(nlp):
    doc = nlp("Manila condemned the Chinese action.")
    assert [s.kb_id_ for s in doc.spans[NATIONALITIES]] == ["country/china"]
    assert "country/china" not in _mentions(doc).values()


def test_counterpart_is_never_guessed_from_the_article_at_large(read):
    text = ("China and Japan met in Tokyo. China said trade grew. China and Japan agreed on fisheries. "
            "The weather was mild. Crowds gathered in the park. Markets were calm. "
            "Hakan Fidan warned of the dangers of a wider war.")
    _, facts = read(text)
    assert not [f for f in facts if f[0] == "Hakan Fidan" and f[1] == "warned"]


def test_counterpart_is_the_other_side_named_in_the_sentence(read):
    _, facts = read("In talks with Sergei Lavrov, Hakan Fidan warned of the dangers of a wider war.")
    assert ("Hakan Fidan", "warned", "Sergei Lavrov") in facts


@pytest.mark.parametrize("text", [
    "Officials want to improveU.S. ties, the minister said.",
    'Blinken was clear-eyed about China."We have no illusions," he said.',
])
def test_evidence_is_the_sentence_as_written(read, text):
    result, _ = read(text + " Antony Blinken met Wang Yi in Beijing.")
    evidence = {f.evidence for f in result.facts}
    assert evidence and all(e in text + " Antony Blinken met Wang Yi in Beijing." for e in evidence)


@pytest.mark.parametrize("text", ["JavaScript", "AstraZeneca", "McDonald", "iPhone"])
def test_glued_words_leave_ordinary_words_whole(nlp, text):
    assert [t.text for t in nlp(f"They use {text} daily.")][2] == text


def test_glued_words_split_a_glued_name(nlp):
    doc = nlp("Talks inBeijing and plans to improveU.S. ties went on.")
    assert doc.text == "Talks inBeijing and plans to improveU.S. ties went on."
    assert {"in", "Beijing", "improve", "U.S."} <= {t.text for t in doc}
