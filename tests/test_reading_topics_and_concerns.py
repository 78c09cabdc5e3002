"""What meetings were about and what worried their sides: topics listed
after "including" however parsed, "with a focus on", a "they" several
sentences after the meeting, "the delegation headed by X", "the effects of
the war" named before."""
from __future__ import annotations

import pytest

FOUND = [
    # a list under a vague head whose later items the parser hangs elsewhere
    ("Rutte met Erdogan in Ankara on Monday. The talks in Ankara covered a range of topics, including the "
     "reopening of consulates and resumption of Hajj pilgrimage for Turkish citizens, as well as economic "
     "and trade ties, according to the Turkish minister.",
     [("Mark Rutte", "discussed", "Hajj"), ("Recep Tayyip Erdogan", "discussed", "Hajj")]),
    # "with a focus on X" on the verb of the meeting
    ("Macron met Modi in New Delhi to discuss defence ties, with a focus on the war in Ukraine.",
     [("Emmanuel Macron", "discussed", "Ukraine war"), ("Narendra Modi", "discussed", "Ukraine war")]),
    ("Macron held talks with Modi on Friday, with an emphasis on climate change.",
     [("Emmanuel Macron", "discussed", "Climate change")]),
    # a topic read through a vague head to the issue named before
    ("Macron spoke about the war in Ukraine on Monday. Later, he drew Modi's attention to the grave "
     "consequences of the war.",
     [("Emmanuel Macron", "raisedConcernAbout", "Ukraine war")]),
    # the delegation headed by X: X is the side met
    ("Erdogan received the US delegation headed by Blinken on Thursday.",
     [("Recep Tayyip Erdogan", "metWith", "Antony Blinken")]),
    ("The Chinese delegation, led by Wang Yi, met the Indian team headed by Jaishankar.",
     [("Wang Yi", "metWith", "Subrahmanyam Jaishankar")]),
    # the object after a phrase of place ("received at the palace the delegation")
    ("Mexican President Andrés Manuel López Obrador spoke on Thursday. The president received at the "
     "National Palace the US delegation headed by Blinken, who arrived on Wednesday.",
     [("Andrés Manuel López Obrador", "metWith", "Antony Blinken")]),
    # a "they" several sentences after the meeting, with no other group named in between
    ("Egyptian President Abdel-Fattah el-Sissi hosted Qatar's Emir Sheikh Tamim bin Hamad Al-Thani in Cairo "
     "on Monday. Both Egypt and Qatar have mediated in the conflict for months. Sissi praised the emir's "
     "efforts. The two leaders spoke for two hours. They also addressed the delivery of humanitarian aid "
     "to Gaza, the presidency said.",
     [("Abdel Fattah al-Sisi", "discussed", "Humanitarian aid"),
      ("Tamim bin Hamad Al Thani", "discussed", "Humanitarian aid")]),
    # a state's ministry that reports talks with another side reports its state's talks
    ("China's foreign ministry said talks with Japan over seafood imports ended without agreement.",
     [("China", "metWith", "Japan"), ("China", "discussed", "Seafood imports")]),
    ("The Chinese foreign ministry said talks with Japan over seafood imports ended without agreement.",
     [("China", "metWith", "Japan")]),
    # skepticism of "the results": those of the vote named before; who acts "along with" the subject acts
    ("Observers questioned the count in Bolivia's presidential election. Brazil also expressed skepticism of "
     "the results, along with a number of European nations, including Portugal and Greece.",
     [("Brazil", "raisedConcernAbout", "Presidential election"),
      ("Portugal", "raisedConcernAbout", "Presidential election"),
      ("Greece", "raisedConcernAbout", "Presidential election")]),
    # the side met shares the topic when the other side is no actor; "discussed building democracy"
    ("The Fijian opposition leader also met Kurt Campbell and discussed building democracy in the region.",
     [("Kurt Campbell", "discussed", "Democracy")]),
    ("A former US official met Wang Yi and discussed expanding trade.",
     [("Wang Yi", "discussed", "Trade")]),
    # "the two sides" are the sides met, not the hosts of the talks
    ("Delegates of Armenia and Azerbaijan met in Istanbul for talks hosted by Turkey and Qatar. "
     "The two sides discussed a ceasefire, the hosts said.",
     [("Armenia", "discussed", "Ceasefire"), ("Azerbaijan", "discussed", "Ceasefire")]),
    # a relative pronoun stands for the noun its clause modifies
    ("Vanuatu signed a maritime pact that Australia fears will extend Chinese influence in the region.",
     [("Australia", "raisedConcernAbout", "Maritime pact")]),
    # "the pact" after "a maritime pact"; the names in an apposition to the subject
    ("Kazakhstan and China signed a maritime pact last week. US allies France and Japan expressed concern "
     "the pact would weaken regional security.",
     [("France", "raisedConcernAbout", "Maritime pact"), ("Japan", "raisedConcernAbout", "Maritime pact")]),
    # what the feared thing would harm is a concern too
    ("Iraq fears the new dam will imperil its water supplies.",
     [("Iraq", "raisedConcernAbout", "Water supplies")]),
    ("Kazakhstan worries that the new pipeline will threaten its energy security.",
     [("Kazakhstan", "raisedConcernAbout", "Energy security")]),
]

NOT_FOUND = [
    ("Delegates of Armenia and Azerbaijan met in Istanbul for talks hosted by Turkey and Qatar. "
     "The two sides discussed a ceasefire, the hosts said.",
     [("Turkey", "discussed", "Ceasefire"), ("Qatar", "discussed", "Ceasefire")]),
    ("Blinken did not discuss lifting sanctions with Wang Yi.",
     [("Antony Blinken", "discussed", "Sanctions")]),
    # a plan of new ties found no known issue: no open one after "discuss" + gerund
    ("Lapid met Blinken to discuss deepening the strategic relationship of the two allies.",
     [("Antony Blinken", "discussed", "Strategic relationship")]),
    # "the votes of the people" are no vote held
    ("Voters cast their votes in the Bolivian capital. Brazil expressed skepticism of the results.",
     [("Brazil", "raisedConcernAbout", "Votes")]),
    # the ministry itself is no side of its state's talks
    ("China's foreign ministry said talks with Japan over seafood imports ended without agreement.",
     [("Chinese Foreign Ministry", "metWith", "Japan"), ("Japan", "metWith", "Chinese Foreign Ministry")]),
    # negated fear
    ("Iraq does not fear the new dam will imperil its water supplies.",
     [("Iraq", "raisedConcernAbout", "Water supplies")]),
    # "the deal" hailed: a stance is no topic, and the phrase before is not read for it
    ("Oman brokered a grain deal in May. Qatar hailed the deal as a victory.",
     [("Qatar", "supports", "Grain deal")]),
    # another group named in between: "they" may be them
    ("Egyptian President Abdel-Fattah el-Sissi hosted Qatar's Emir Sheikh Tamim bin Hamad Al-Thani in Cairo "
     "on Monday. Sissi praised the emir's efforts. Israel and Hamas have fought for months. The fighting "
     "has killed thousands. They also addressed the delivery of humanitarian aid to Gaza.",
     [("Abdel Fattah al-Sisi", "discussed", "Humanitarian aid")]),
    # a country's own focus is no meeting's topic
    ("India's focus on the war in Ukraine has grown.",
     [("India", "discussed", "Ukraine war")]),
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
