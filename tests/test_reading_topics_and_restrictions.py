"""What meetings were about and what states restrict: headlines in
telegraphese ("A, B talk X, Y"), the language of
sanctions, bans, tariffs and embargoes ("hit X with sanctions", "sanctions
targeting", "put a ban on", "raised tariffs on", "halted imports of", "added
X to its entity list"), and goods too vague to be an issue ("their exports")."""
from __future__ import annotations

import pytest

FOUND = [
    # a headline in telegraphese: names listed with a comma, "talk" + topics
    ("Japan's Kishida, India's Modi talk trade, climate change",
     [("Fumio Kishida", "discussed", "Trade"), ("Narendra Modi", "discussed", "Trade"),
      ("Fumio Kishida", "discussed", "Climate change"), ("Narendra Modi", "discussed", "Climate change")]),
    ("Erdogan, Putin discuss grain deal in Sochi",
     [("Recep Tayyip Erdogan", "discussed", "Black Sea grain deal"), ("Vladimir Putin", "discussed", "Black Sea grain deal")]),
    # two states joined by a hyphen name whose relations they are; a long of-phrase after a bare head is the topic
    ("Lavrov and Fidan discussed the gradual restoring of Egyptian-Turkish diplomatic ties.",
     [("Sergei Lavrov", "discussed", "Egyptian-Turkish diplomatic ties"),
      ("Hakan Fidan", "discussed", "Egyptian-Turkish diplomatic ties")]),
    # a hyphenated word keeps its hyphen in the label
    ("Poland extended its embargo on Ukrainian agri-products.",
     [("Poland", "restricted", "Agri-products")]),
    # the measure as the instrument of a verb of striking or aiming
    ("Washington hit Moscow with fresh sanctions on Tuesday.",
     [("United States", "restricted", "Russia")]),
    ("Britain targeted Iran with a new round of sanctions.",
     [("United Kingdom", "restricted", "Iran")]),
    # the measure with what it targets after a participle
    ("Canada imposed sanctions targeting Belarusian potash.",
     [("Canada", "restricted", "Belarusian potash")]),
    # other verbs that put, keep or raise a measure on something
    ("Beijing put a ban on Australian wine.",
     [("China", "restricted", "Australian wine")]),
    ("The EU extended its sanctions on Russia for another six months.",
     [("European Union", "restricted", "Russia")]),
    ("The US raised tariffs on Chinese steel.",
     [("United States", "restricted", "Chinese steel")]),
    # trade halted
    ("India halted exports of rice to Bangladesh last month.",
     [("India", "restricted", "Exports of rice")]),
    # blacklists
    ("The US added Huawei to its entity list in 2019.",
     [("United States", "restricted", "Huawei")]),
]

NOT_FOUND = [
    # a headline of talks still ahead
    ("Kishida, Modi to talk trade next month",
     [("Fumio Kishida", "discussed", "Trade"), ("Narendra Modi", "discussed", "Trade")]),
    # sanctions hit with are no attack, tariffs raised are no concern
    ("Washington hit Moscow with fresh sanctions on Tuesday.",
     [("United States", "attacked", "Russia")]),
    ("The US raised tariffs on Chinese steel.",
     [("United States", "raisedConcernAbout", "Tariffs")]),
    # a state's "exports" alone name no goods
    ("Both Sweden and Norway agreed to limit their exports.",
     [("Sweden", "restricted", "Exports"), ("Norway", "restricted", "Exports")]),
    # a measure that may come is no measure
    ("Hungary warned that it might extend an embargo on Ukrainian grain.",
     [("Hungary", "restricted", "Ukrainian grain")]),
    # numbered people name no issue
    ("The EU froze the assets of six officials and two companies.",
     [("European Union", "restricted", "Six officials")]),
    # missiles are no sanctions
    ("Russia hit Ukraine with missiles overnight.",
     [("Russia", "restricted", "Ukraine")]),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_found(read_both_ways, text, expected):
    facts = read_both_ways(text)
    for fact in expected:
        assert fact in facts, f"{fact} not in {sorted(facts)}"


@pytest.mark.parametrize("text,unexpected", NOT_FOUND)
def test_not_found(read, text, unexpected):
    _, facts = read(text)
    for fact in unexpected:
        assert fact not in facts, f"{fact} in {sorted(facts)}"
