"""Talks and what they were about, specified by sentences in and facts out:
talks that brought nothing are disagreement between their sides ("no
breakthrough in the talks between A and B", "A and B remain far apart")."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, fact", [
    ("Talks between Peru and Chile yielded no breakthrough on Tuesday.", ("Chile", "disagreedWith", "Peru")),
    ("The negotiations between Peru and Chile produced no agreement.", ("Chile", "disagreedWith", "Peru")),
    ("There was no progress in the talks between Peru and Chile on Monday.", ("Chile", "disagreedWith", "Peru")),
    ("No breakthrough in Armenia-Azerbaijan talks, mediator says", ("Armenia", "disagreedWith", "Azerbaijan")),
    ("Officials reported no headway at the Peru-Chile meeting in Lima.", ("Chile", "disagreedWith", "Peru")),
    ("Peru and Chile remain far apart on the maritime border.", ("Chile", "disagreedWith", "Peru")),
    ("Ghana and Togo are still far apart over the disputed lagoon.", ("Ghana", "disagreedWith", "Togo")),
])
def test_talks2_talks_that_brought_nothing_are_disagreement(read_both_ways, text, fact):
    assert fact in read_both_ways(text)


@pytest.mark.parametrize("text", [
    "Talks between Peru and Chile yielded a breakthrough on Tuesday.",
    "There was progress in the talks between Peru and Chile on Monday.",
    "A breakthrough in Armenia-Azerbaijan talks, mediator says",
    "Peru and Chile are not far apart on the maritime border.",
    "Peru and Chile will remain far apart unless the court rules.",
    "The capitals of Peru and Chile lie far apart.",
])
def test_talks2_talks_with_results_or_no_stance_are_no_disagreement(read, text):
    _, facts = read(text)
    assert not any(rel == "disagreedWith" for _, rel, _ in facts)


@pytest.mark.parametrize("text, facts", [
    ("Ghana tabled a plan to share the lagoon's water. Togo rejected the plan on Friday.",
     {("Ghana", "disagreedWith", "Togo")}),
    ("Ghana proposed a joint border patrol. Togo dismissed the proposal as premature.",
     {("Ghana", "disagreedWith", "Togo")}),
    ("Peru and Chile were aligned on a proposal for a joint fishing zone. Bolivia rejected the proposal "
     "at the summit.", {("Bolivia", "disagreedWith", "Peru"), ("Bolivia", "disagreedWith", "Chile")}),
    ("Ghana put forward an offer of talks. The offer was discussed in Accra. Togo rebuffed the offer.",
     {("Ghana", "disagreedWith", "Togo")}),
])
def test_talks2_rejecting_a_proposal_named_before_is_disagreement_with_its_owner(read_both_ways, text, facts):
    assert facts <= read_both_ways(text)


@pytest.mark.parametrize("text", [
    "Togo rejected the proposal on Friday.",  # no one named it before
    "Ghana tabled a plan to share the lagoon's water. Togo did not reject the plan.",
    "Ghana tabled a plan to share the lagoon's water. Togo accepted the plan.",
    "Ghana tabled a plan to share the lagoon's water. Ghana later rejected the plan itself.",
])
def test_talks2_no_disagreement_without_an_owner_or_a_rejection(read, text):
    _, facts = read(text)
    assert not any(rel == "disagreedWith" for _, rel, _ in facts)


@pytest.mark.parametrize("text, topics", [
    # known issues and topics no list names, in one list: each item is a topic
    ("Anthony Albanese met Xi Jinping on Monday. The talks covered a range of topics, including trade, "
     "port fees and fishing rights.",
     {"Trade", "Port fees", "Fishing rights"}),
    ("Anthony Albanese and Xi Jinping discussed trade, port fees and the fisheries agreement.",
     {"Trade", "Port fees", "Fisheries agreement"}),
    # a first item of no list's knowing, later ones named in the knowledge base
    ("Anthony Albanese met Xi Jinping on Monday. The talks covered a range of topics, including the "
     "reopening of consulates, as well as trade.",
     {"Trade", "Reopening of consulates"}),
    # the parser hangs the later items on the place in the first one
    ("Anthony Albanese met Xi Jinping on Monday. The talks covered a range of topics, including the "
     "crisis in Myanmar, port fees and online scam centres.",
     {"Crisis in Myanmar", "Port fees", "Online scam centres"}),
    ("Anthony Albanese and Xi Jinping discussed the conflict in Sudan.", {"Conflict in Sudan"}),
    # "A, B and C" parsed as B in apposition to A and C a conjunct of B
    ("Anthony Albanese met Xi Jinping on Monday. The talks covered the demarcation of the border, the "
     "clearing of landmines and the reopening of crossing points.",
     {"Demarcation of border", "Clearing of landmines", "Reopening of crossing points"}),
])
def test_talks2_every_item_of_a_list_of_topics_is_discussed(read, text, topics):
    _, facts = read(text)
    for side in ("Anthony Albanese", "Xi Jinping"):
        assert {(side, "discussed", t) for t in topics} <= facts


@pytest.mark.parametrize("text, topic", [
    ("Anthony Albanese and Xi Jinping discussed geopolitical flashpoints.", "Geopolitical flashpoints"),
    ("Anthony Albanese and Xi Jinping discussed trade and regional hotspots.", "Regional hotspots"),
    ("Anthony Albanese and Xi Jinping discussed the crisis in recent years.", "Crisis in recent years"),
    # a list of concerns gives examples of the thing feared, not topics of their own
    ("Albanese raised concerns about China's sales of materials, including machine tools and "
     "semiconductors, to Russia.", "Machine tools"),
])
def test_talks2_vague_or_example_items_are_no_topics(read, text, topic):
    _, facts = read(text)
    assert not any(o == topic for _, _, o in facts)


@pytest.mark.parametrize("text, facts", [
    # whoever met holds the talks the meeting was for
    ("Emmanuel Macron met Olaf Scholz in Berlin on Friday for consultations on trade.",
     {("Emmanuel Macron", "discussed", "Trade"), ("Olaf Scholz", "discussed", "Trade")}),
    # "the situation in" a war's place is the war
    ("Qatari Prime Minister Mohammed bin Abdulrahman Al Thani met Egyptian Foreign Minister Sameh Shoukry "
     "in Doha for talks on the situation in the Gaza Strip.",
     {("Mohammed bin Abdulrahman Al Thani", "discussed", "Gaza war"),
      ("Sameh Shoukry", "discussed", "Gaza war")}),
    ("Emmanuel Macron and Olaf Scholz discussed the situation in Ukraine.",
     {("Emmanuel Macron", "discussed", "Ukraine war"), ("Olaf Scholz", "discussed", "Ukraine war")}),
])
def test_talks2_talks_a_meeting_was_for_are_its_sides(read, text, facts):
    _, found = read(text)
    assert facts <= found


@pytest.mark.parametrize("text", [
    "Emmanuel Macron arrived in Berlin on Friday for consultations on trade.",  # still ahead
    "Emmanuel Macron will meet Olaf Scholz in Berlin on Friday for consultations on trade.",
])
def test_talks2_talks_not_yet_held_are_not_discussed(read, text):
    _, facts = read(text)
    assert not any(rel == "discussed" for _, rel, _ in facts)
