"""What real news states beyond any list: issues no list names, quotations
and who speaks them. Sentence in, facts out (titles aside)."""
from __future__ import annotations

import pytest

from kg.vocab import RELATIONS


def _content(read, text: str) -> set[tuple[str, str, str]]:
    _, facts = read(text)
    found = set()
    for s, rel, o in facts:
        if rel in ("holdsPosition", "represents"):
            continue
        found.add((o, rel, s) if RELATIONS[rel].symmetric and o < s else (s, rel, o))
    return found


@pytest.mark.parametrize("text, expected", [
    ("Poland raised concerns about the shadow fleet.", {("Poland", "raisedConcernAbout", "Shadow fleet")}),
    ("Hungary opposed the EU loan.", {("Hungary", "opposes", "EU loan")}),
    ("Jaishankar discussed the patrolling agreement and the shipping corridor.",
     {("Subrahmanyam Jaishankar", "discussed", "Patrolling agreement"),
      ("Subrahmanyam Jaishankar", "discussed", "Shipping corridor")}),
    ("Canberra raised concerns about the challenges posed by illegal fishing.",
     {("Australia", "raisedConcernAbout", "Illegal fishing")}),
    ("Beijing imposed duties on several Australian exports.", {("China", "restricted", "Australian exports")}),
    # another clause of the sentence keeps its own topic
    ("Nigeria imposed sanctions on Mali, closed its borders and suspended all commercial flights.",
     {("Nigeria", "restricted", "Mali"), ("Nigeria", "restricted", "Commercial flights")}),
    ("Kenya discussed several topics such as port fees and fishing rights.",
     {("Kenya", "discussed", "Port fees"), ("Kenya", "discussed", "Fishing rights")}),
])
def test_open_issue_is_the_phrase_a_topic_relation_points_at(read, text, expected):
    assert _content(read, text) == expected


@pytest.mark.parametrize("text", [
    "Japan raised the matter with China.",  # too vague to be an issue
    "Blinken spoke on Monday after the meeting.",  # a date is no topic
    "The two ministers talked on the phone.",
    "Japan raised concerns about the pact.",  # which pact is said elsewhere: no topic of its own
    "Japan raised concerns about the war.",  # which war, likewise
    # the topic is in a phrase too long to name, not the event noun alone
    "Japan discussed the formal resetting of its long and difficult diplomatic relations with Seoul.",
])
def test_open_issue_is_not_read_from_vague_or_temporal_phrases(read, text):
    assert not [f for f in _content(read, text) if f[1] in ("discussed", "raisedConcernAbout")]


def test_open_issue_a_vague_word_with_a_modifier_is_a_topic(read):
    assert ("Japan", "raisedConcernAbout", "Military pact") in _content(
        read, "Japan raised concerns about the military pact.")


def test_open_issue_a_bare_plural_is_a_topic(read):
    assert ("India", "restricted", "Visas") in _content(read, "India suspended visas for Canadians.")


@pytest.mark.parametrize("text, absent", [
    ("Seoul worried about the water from Fukushima, said Yoon Suk Yeol.", "person/fukushima"),
])
def test_a_word_that_names_an_issue_is_no_person(read, text, absent):
    result, _ = read(text)
    assert absent not in {e.key for e in result.entities}


@pytest.mark.parametrize("text, expected", [
    ("Moscow accused the West of prolonging the war.", {("Russia", "criticized", "the West")}),
    ("Israeli forces continued to bombard the Gaza Strip.", {("Israel", "attacked", "Palestine")}),
    ("Beijing signed a security pact with the Solomons.", {("China", "agreedWith", "Solomon Islands")}),
    ("The Russian government condemned Western powers.", {("Russia", "criticized", "the West")}),
])
def test_actors_news_names_by_other_names(read, text, expected):
    assert expected <= _content(read, text)


def test_open_issue_label_leaves_out_whose_it_is(read):
    result, facts = read("Ankara backed Greece's pipeline project.")
    issues = {e.key: e for e in result.entities if e.kind == "Issue"}
    assert "issue/pipeline-project" in issues
    assert ("issue/pipeline-project", "Greece's pipeline project") in result.aliases


def test_open_issue_with_a_nationality_keeps_it_and_the_bare_noun_is_an_alias(read):
    result, _ = read("China imposed duties on Australian barley.")
    assert ("issue/australian-barley", "barley") in result.aliases


def test_open_issue_links_articles_by_its_label(extractor):
    from kg.graph import merge
    from kg.model import Article

    articles = [Article("a.txt", "a.txt", "Latvia raised concerns about the shadow fleet."),
                Article("b.txt", "b.txt", "Estonia raised concerns about Russia's shadow fleet.")]
    graph = merge(extractor.read(articles))
    subjects = {f.subject for _, f in graph.facts() if f.obj == "issue/shadow-fleet"}
    assert subjects == {"country/latvia", "country/estonia"}


@pytest.mark.parametrize("text, expected", [
    ('"We are deeply concerned about the blockade," Egyptian Foreign Minister Sameh Shoukry said.',
     {("Sameh Shoukry", "raisedConcernAbout", "Blockade"), ("Egypt", "raisedConcernAbout", "Blockade")}),
    ('Kenyan President William Ruto told reporters: "We oppose the blockade."',
     {("William Ruto", "opposes", "Blockade"), ("Kenya", "opposes", "Blockade")}),
])
def test_quotation_first_person_is_its_speaker(read, text, expected):
    assert expected <= _content(read, text)


def test_quotation_speaker_is_found_after_before_or_introducing(nlp_doc):
    doc = nlp_doc('Lula arrived on Friday. He said: "We need peace." "It will come," Xi Jinping added.')
    from kg.entities.speakers import SPEAKERS

    speakers = [(s.text, s.kb_id_) for s in doc.spans[SPEAKERS]]
    assert speakers == [("We need peace.", "person/luiz-inacio-lula-da-silva"),
                        ("It will come,", "person/xi-jinping")]


@pytest.fixture(scope="module")
def nlp_doc(extractor):
    return extractor.nlp


@pytest.mark.parametrize("text, key, label", [
    ("China's Ministry of Foreign Affairs issued a statement.", "organization/china-foreign-ministry",
     "Chinese Foreign Ministry"),
    ("India's defence ministry denied the report.", "organization/india-defence-ministry", "Indian Defence Ministry"),
    ("The Ethiopian army shelled the town.", "organization/ethiopia-army", "Ethiopian Army"),
    ("The Coast Guard of Japan tracked the vessel.", "organization/japan-coast-guard", "Japanese Coast Guard"),
    ("The Chinese embassy in Canberra issued a note.", "organization/china-embassy-canberra",
     "Chinese Embassy in Canberra"),
    ("The Chinese Foreign Ministry said it was firmly opposed.", "organization/china-foreign-ministry",
     "Chinese Foreign Ministry"),
])
def test_body_of_a_state_is_one_organization_per_state_and_body(read, text, key, label):
    result, _ = read(text)
    bodies = {e.key: e for e in result.entities if e.kind == "Organization"}
    assert key in bodies and bodies[key].label == label


def test_body_speaks_for_its_spokesperson(read):
    _, facts = read("Chinese Foreign Ministry spokesperson Mao Ning criticised the sanctions.")
    assert ("Mao Ning", "represents", "Chinese Foreign Ministry") in facts
    assert ("Mao Ning", "holdsPosition", "Spokesperson") in facts


def test_body_needs_a_state(read):
    result, _ = read("The foreign ministry declined to comment.")
    assert not [e for e in result.entities if e.key.endswith("foreign-ministry")]


@pytest.mark.parametrize("text, expected", [
    # a demand in reported speech: 'X needs to', 'said X must', 'said X should'
    ('Lula told reporters: "The United States needs to stop fuelling the war."',
     {("Luiz Inacio Lula da Silva", "urged", "United States")}),
    ("Tokyo said Beijing must lift the ban on seafood at once.", {("Japan", "urged", "China")}),
    ("Ukraine needs to hold the line, Zelensky said.", set()),  # a speaker's own side is no demand
    # a pronoun subject of a reported clause is the reporter
    ("Egypt said it would retaliate against Ethiopia.", {("Egypt", "warned", "Ethiopia")}),
    ("The G7 said they were concerned about the South China Sea.", {("G7", "raisedConcernAbout", "South China Sea")}),
    # the members after "including" or "such as" act
    ("Nations such as Spain and Italy criticised Russia.",
     {("Spain", "criticized", "Russia"), ("Italy", "criticized", "Russia")}),
    # both sides of a meeting discussed what one side came to discuss
    ("Olaf Scholz met Xi Jinping in Beijing to discuss economic cooperation.",
     {("Olaf Scholz", "metWith", "Xi Jinping"), ("Olaf Scholz", "discussed", "Economic cooperation"),
      ("Xi Jinping", "discussed", "Economic cooperation")}),
])
def test_reported_speech_and_shared_readings(read, text, expected):
    assert _content(read, text) == expected


def test_issue_scheme_relates_specific_issues_to_general_ones(extractor, tmp_path):
    """skos:broader in the Turtle: a known narrower issue, and a per-country one."""
    import rdflib

    from kg.build import build

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Egypt voiced concern about the war in Gaza. Japan raised North Korea's nuclear programme.", encoding="utf-8")
    build([tmp_path / "in"], tmp_path / "out", extractor=extractor, formats=["turtle"])
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    broader = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#broader")
    res = "https://w3id.org/diplomacy-kg/id/issue/"
    pairs = {(str(s)[len(res):], str(o)[len(res):]) for s, o in g.subject_objects(broader)}
    assert ("gaza-war", "middle-east-conflict") in pairs
    assert ("north-korea-nuclear-programme", "nuclear-programme") in pairs


@pytest.mark.parametrize("text, expected", [
    # X-backed Y: X supports Y
    ("Iran-backed Houthi rebels fired missiles at the ship.", {("Iran", "supports", "Houthis")}),
    # no relation between a person and the state they act for
    ("Chinese President Xi Jinping met China's business leaders.", set()),
])
def test_structures_of_wire_copy(read, text, expected):
    assert _content(read, text) == expected


def test_dateline_is_no_actor(read):
    result, facts = read("CARACAS, Venezuela — Spain criticised Russia on Monday.")
    assert ("Spain", "criticized", "Russia") in facts
    assert not [e for e in result.entities if e.label.upper() == "CARACAS"]


def test_envoy_serves_their_state_at_a_body(read):
    _, facts = read("Russia's UN ambassador Vasily Nebenzya rejected the draft resolution.")
    assert ("Vasily Nebenzya", "represents", "Russia") in facts
    assert ("Vasily Nebenzya", "represents", "United Nations") not in facts


def test_title_read_into_a_name_is_a_title(read):
    _, facts = read("Spokesperson Wang Wenbin criticised the report.")
    assert ("Wang Wenbin", "holdsPosition", "Spokesperson") in facts


def test_open_issue_yields_to_a_known_issue_in_the_sentence(read):
    _, facts = read("Japan raised concerns about the pace of North Korea's nuclear programme.")
    concerns = {f[2] for f in facts if f[1] == "raisedConcernAbout"}
    assert concerns == {"North Korea nuclear programme"}


@pytest.mark.parametrize("text, expected", [
    # an idiom's object does not act: "reversing course to call on"
    ("Madrid backed the plan before reversing course to call on Brussels to reconsider.",
     {("Spain", "urged", "European Union")}),
    # a subject that names no actor is passed on the way up
    ("Blinken said the result was flawed, calling on Venezuela to publish the tallies.",
     {("Antony Blinken", "urged", "Venezuela")}),
])
def test_subjects_found_up_the_clauses(read, text, expected):
    assert expected <= _content(read, text)


@pytest.mark.parametrize("text, expected", [
    ("US allies Australia and New Zealand expressed concern.",
     {("Australia", "allyOf", "United States"), ("New Zealand", "allyOf", "United States")}),
    ("EU sanctions on Russia took effect on Monday.", {("European Union", "restricted", "Russia")}),
])
def test_actor_before_a_noun_acts_when_no_one_else_does(read, text, expected):
    assert _content(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The United States and Britain launched strikes against the Houthis.",
     {("United States", "attacked", "Houthis"), ("United Kingdom", "attacked", "Houthis"),
      ("United Kingdom", "cooperatesWith", "United States")}),
    ("Qatar and Egypt, acting as mediators, announced a pause in the fighting.",
     {("Egypt", "cooperatesWith", "Qatar")}),
])
def test_acting_together_is_cooperation(read, text, expected):
    assert expected <= _content(read, text)


@pytest.mark.parametrize("text", [
    "The Hungarian leader has clashed with EU governments.",  # a person to resolve, not the state
    "Sudan's army fought rebels in West Darfur, the ministry said.",  # "West" of a place is no West
])
def test_no_state_or_bloc_is_read_into_these(read, text):
    result, facts = read(text)
    assert "Hungary" not in {f[0] for f in facts if f[1] == "disagreedWith"}
    assert "organization/west" not in {e.key for e in result.entities}
