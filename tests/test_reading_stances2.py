"""Support and cooperation as news states them, specified by sentences in and
facts out: who backs whom in "the Iran-backed group" or "Western-backed"
forces, and a stance held only at first ("initially backed") that is none."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, fact", [
    # "the group", "the militia": the armed group named before, backed by whoever the participle names
    ("The navy shot down drones launched by the Houthi movement. The Iran-backed group vowed to keep firing.",
     ("Iran", "supports", "Houthis")),
    ("Israeli jets struck Hezbollah depots overnight, and the Iran-funded militia answered with rockets.",
     ("Iran", "supports", "Hezbollah")),
    ("Hamas fighters crossed the fence, and Qatar-backed negotiators said the Iran-backed group held hostages.",
     ("Iran", "supports", "Hamas")),
    # "Western" names the West only joined to a participle
    ("Western-backed Moldova won a vote on its membership bid at the assembly.",
     ("the West", "supports", "Moldova")),
    ("Kenya said the Western-funded Somalia would hold the election in March.",
     ("the West", "supports", "Somalia")),
])
def test_stances2_backed_participle_gives_support(read, text, fact):
    _, facts = read(text)
    assert fact in facts


@pytest.mark.parametrize("text", [
    "Western officials met in Geneva on Tuesday to review the ceasefire.",
    "Western diplomats criticised the vote in Minsk.",
])
def test_stances2_western_alone_is_no_actor(read, text):
    _, facts = read(text)
    assert not any("the West" in (s, o) for s, _, o in facts)


def test_stances2_group_without_a_group_named_before_is_no_one(read):
    _, facts = read("Iran hosted a summit. The Iran-backed group said it would attend.")
    assert not any(rel == "supports" for _, rel, _ in facts)


@pytest.mark.parametrize("text, stance", [
    # a stance held only at first and since given up is no stance, nor its opposite
    ("Portugal initially supported the fishing quotas before changing course.", ("Portugal", "Fishing quotas")),
    ("Austria originally backed the gas levy, its finance minister said.", ("Austria", "Gas levy")),
    ("Chile's initial support for the mining treaty faded after the election.", ("Chile", "Mining treaty")),
    ("Ghana initially opposed the rice tariffs.", ("Ghana", "Rice tariffs")),
])
def test_stances2_initial_stance_gives_no_fact(read, text, stance):
    _, facts = read(text)
    subject, issue = stance
    assert not any(s == subject and rel in ("supports", "opposes") for s, rel, _ in facts), facts


@pytest.mark.parametrize("text, fact", [
    ("Portugal supported the fishing quotas on Friday.", ("Portugal", "supports", "Fishing quotas")),
    ("Ghana has long opposed the rice tariffs.", ("Ghana", "opposes", "Rice tariffs")),
])
def test_stances2_stance_without_a_change_still_holds(read, text, fact):
    _, facts = read(text)
    assert fact in facts


@pytest.mark.parametrize("text, fact", [
    # what the subject backs resuming or starting is what it supports
    ("Brazil supports resuming direct dialogue between the two sides.", ("Brazil", "supports", "Direct dialogue")),
    ("Norway backed restarting the peace talks on Thursday.", ("Norway", "supports", "Peace talks")),
    ("Qatar favours launching trilateral negotiations with the rebels.",
     ("Qatar", "supports", "Trilateral negotiations")),
])
def test_stances2_backing_resumed_talks_supports_them(read, text, fact):
    _, facts = read(text)
    assert fact in facts


@pytest.mark.parametrize("text", [
    "Brazil supports Argentina, resuming its grain exports.",
    "Norway backed the plan after restarting the peace talks.",
])
def test_stances2_other_deeds_beside_support_are_no_object(read, text):
    _, facts = read(text)
    assert not any(rel == "supports" and o in ("Grain exports", "Peace talks") for _, rel, o in facts), facts


def test_stances2_he_after_a_subject_named_in_apposition_is_that_person(read):
    _, facts = read('Samuel Okoro spoke first. After the debate, Kenya\'s deputy envoy to the African Union, '
                    'Ruth Wambui, took the floor. "We support resuming direct dialogue," she said.')
    assert ("Ruth Wambui", "supports", "Direct dialogue") in facts
    assert not any(s == "Samuel Okoro" and rel == "supports" for s, rel, _ in facts)


@pytest.mark.parametrize("text, pair", [
    # a partnership held or a cooperation agreement signed is cooperation
    ("Australia and Japan have a strategic partnership.", ("Australia", "Japan")),
    ("Kenya signed a cooperation agreement with Uganda.", ("Kenya", "Uganda")),
    ("Kenya and Uganda signed a defence cooperation agreement on Friday.", ("Kenya", "Uganda")),
    ("Vietnam and the Philippines signed a pact on coast guard cooperation.", ("Philippines", "Vietnam")),
    ("Chile and Peru signed a memorandum of understanding on cooperation in mining.", ("Chile", "Peru")),
])
def test_stances2_partnership_and_cooperation_agreements(read_both_ways, text, pair):
    assert (pair[0], "cooperatesWith", pair[1]) in read_both_ways(text)


@pytest.mark.parametrize("text", [
    "India and Pakistan have no cooperation on water.",
    "Australia and Japan do not have a partnership.",
    "Australia and Japan could sign a cooperation agreement next year.",
    "Kenya and Uganda plan to sign a cooperation pact.",
    "Kenya and Uganda signed a trade agreement.",
])
def test_stances2_no_partnership_or_none_yet(read, text):
    _, facts = read(text)
    assert not any(rel == "cooperatesWith" for _, rel, _ in facts), facts


def test_stances2_a_deal_with_no_before_it_is_none(read):
    _, facts = read("Egypt signed no deal with Ethiopia.")
    assert not any(rel == "agreedWith" for _, rel, _ in facts)


@pytest.mark.parametrize("text, unwanted", [
    # what a state backs others doing has not happened
    ("Brazil supports Peru and Chile resuming talks.", "metWith"),
    ('"We support Serbia and Kosovo moving closer, resuming direct dialogue soon," the envoy said.', "cooperatesWith"),
    ("Italy supported imposing sanctions on Belarus.", "restricted"),
])
def test_stances2_what_is_backed_has_not_happened(read, text, unwanted):
    _, facts = read(text)
    assert not any(rel == unwanted for _, rel, _ in facts), facts


def test_stances2_backing_and_a_deed_beside_it(read):
    _, facts = read("Japan supported Ukraine, sending aid to Kyiv.")
    assert ("Japan", "supports", "Ukraine") in facts


@pytest.mark.parametrize("text, fact", [
    # "the agreement", "the deal": the last deal named before, whichever of these words named it
    ("Peru and Chile reached a fishing arrangement last week. On Monday, Brazil welcomed the agreement.",
     ("Brazil", "supports", "Fishing arrangement")),
    ("Egypt and Sudan signed a water-sharing pact. Ethiopia opposed the deal.",
     ("Ethiopia", "opposes", "Water-sharing pact")),
    ("Fiji and Samoa signed a policing accord. Australia raised concerns about the agreement.",
     ("Australia", "raisedConcernAbout", "Policing accord")),
    # a deal named only by a word such as "new" or "global" is not the one meant
    ("Ministers adopted a fisheries agreement in March. Leaders signed a new agreement on Friday. "
     "Norway praised the accord.", ("Norway", "supports", "Fisheries agreement")),
])
def test_stances2_the_deal_is_the_deal_named_before(read, text, fact):
    _, facts = read(text)
    assert fact in facts, facts


def test_stances2_a_deal_named_by_generic_words_only_is_no_issue(read):
    _, facts = read("Kenya and Uganda signed a new agreement. Tanzania welcomed the deal.")
    assert not any(rel == "supports" for _, rel, _ in facts), facts


@pytest.mark.parametrize("text, pair", [
    # ties being deepened, said as a noun
    ("Kenya's deepening relations with Japan worry Beijing.", ("Japan", "Kenya")),
    ("Ghana's warming relations with Brazil drew attention in Lagos.", ("Brazil", "Ghana")),
    # a working arrangement reached together
    ("Peru and Bolivia reached a transit arrangement for their border crossings.", ("Bolivia", "Peru")),
    # "the South American country": the one named before
    ("Chile hosted a delegation from Indonesia. The South American country's deepening ties with Jakarta "
     "were praised by the delegates.", ("Chile", "Indonesia")),
])
def test_stances2_deepening_ties_and_arrangements(read_both_ways, text, pair):
    assert (pair[0], "cooperatesWith", pair[1]) in read_both_ways(text)


@pytest.mark.parametrize("text", [
    "Chile's close ties with India are well known.",
    "Chile's tense relations with Bolivia dominated the summit.",
    "Peru and Bolivia may reach a transit arrangement next year.",
])
def test_stances2_ties_that_are_no_cooperation(read, text):
    _, facts = read(text)
    assert not any(rel == "cooperatesWith" for _, rel, _ in facts), facts


@pytest.mark.parametrize("text", [
    # "Latin American", "South American" name a region: no American actor
    "Latin American leaders urged Cuba to free the prisoners.",
    "South American officials criticised Venezuela over the vote.",
])
def test_stances2_region_adjective_is_no_united_states(read, text):
    _, facts = read(text)
    assert not any(s == "United States" for s, _, _ in facts), facts


def test_stances2_american_alone_still_names_the_united_states(read):
    _, facts = read("American officials criticised Venezuela over the vote.")
    assert ("United States", "criticized", "Venezuela") in facts
