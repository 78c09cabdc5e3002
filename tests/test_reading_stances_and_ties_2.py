"""Stances and ties, second round: agreement, disagreement, cooperation and
support in more of the ways news states them (sentences written for these
tests)."""
from __future__ import annotations

import pytest


READS = [
    # a headline lists the sides with a bare comma for "and"
    ("Kenya, Ethiopia sign trade pact", ("Ethiopia", "agreedWith", "Kenya")),
    ("Chile, Peru agree on steps to end fishing row", ("Chile", "agreedWith", "Peru")),
    # "signed a deal with X" where the parser hangs "with X" on the verb
    ("On Monday, Chile signed a deal with Peru.", ("Chile", "agreedWith", "Peru")),
    # rejecting or dismissing the other side's proposal, offer or threat is disagreement with it
    ("Ethiopia rejected Egypt's proposal to bring in new mediators.", ("Egypt", "disagreedWith", "Ethiopia")),
    ("Hamas rebuffed the Israeli offer of a pause.", ("Hamas", "disagreedWith", "Israel")),
    ("Mali's junta dismissed the ECOWAS threat as empty words.", ("ECOWAS", "disagreedWith", "Malian Junta")),
    # accepting it is agreement; not accepting it, disagreement
    ("Kenya accepted Ethiopia's offer of talks.", ("Ethiopia", "agreedWith", "Kenya")),
    ("Kenya did not accept Ethiopia's offer of talks.", ("Ethiopia", "disagreedWith", "Kenya")),
    # a joint statement issued by the sides is agreement between them
    ("Egypt and Ethiopia issued a joint statement after the talks.", ("Egypt", "agreedWith", "Ethiopia")),
    ("Foreign Minister Sameh Shoukry met his Ethiopian counterpart Demeke Mekonnen in Cairo. "
     "The two ministers also issued a joint statement.", ("Sameh Shoukry", "agreedWith", "Demeke Mekonnen")),
    # "the two parties", "both parties" are the two sides
    ("Sudan and Chad held talks on Monday. The two parties agreed to reopen the border.",
     ("Chad", "agreedWith", "Sudan")),
    # "X and Y announced they had signed it": they are X and Y, "it" the deal they signed
    ("Fiji and China announced they had signed a security pact.", ("China", "agreedWith", "Fiji")),
    ("The Fijian prime minister, Sitiveni Rabuka, and China announced on Monday they had signed it.",
     ("Sitiveni Rabuka", "agreedWith", "China")),
    # "days after the island nation and China said": the parser takes the first side into "after"
    ("The US envoy met the leader of Tonga on Friday, days after the Pacific island nation and China said "
     "they had signed a security pact.", ("China", "agreedWith", "Tonga")),
    # inking a pact; settling differences is agreement, failing to bridge them disagreement
    ("Kenya and Ethiopia inked a trade pact in Addis Ababa.", ("Ethiopia", "agreedWith", "Kenya")),
    ("Peru and Chile finally resolved their differences over fishing rights.", ("Chile", "agreedWith", "Peru")),
    ("Peru and Chile failed to bridge their differences over fishing rights.", ("Chile", "disagreedWith", "Peru")),
    ("Peru and Chile did not settle their dispute over the border.", ("Chile", "disagreedWith", "Peru")),
    # talks that collapse, break down or end without a deal; no progress made; divided sides
    ("Talks between Peru and Chile collapsed on Monday.", ("Chile", "disagreedWith", "Peru")),
    ("Talks between Peru and Chile broke down after two days.", ("Chile", "disagreedWith", "Peru")),
    ("Talks between Peru and Chile ended without agreement.", ("Chile", "disagreedWith", "Peru")),
    ("Talks between Peru and Chile ended with no breakthrough.", ("Chile", "disagreedWith", "Peru")),
    ("Peru and Chile made no progress in talks on the border.", ("Chile", "disagreedWith", "Peru")),
    ("Peru and Chile remain divided over the border.", ("Chile", "disagreedWith", "Peru")),
    # working together, teaming up, ties deepened or forged with someone
    ("Peru and Chile work together on fisheries control.", ("Chile", "cooperatesWith", "Peru")),
    ("Peru and Chile teamed up to patrol the coast.", ("Chile", "cooperatesWith", "Peru")),
    ("Peru forged closer ties with Chile last year.", ("Chile", "cooperatesWith", "Peru")),
    # backing given, support thrown behind, a backer or supporter; aid delivered, provided, donated
    ("Ghana gave its backing to Togo on Monday.", ("Ghana", "supports", "Togo")),
    ("Ghana threw its support behind Togo.", ("Ghana", "supports", "Togo")),
    ("Ghana is a staunch supporter of Togo.", ("Ghana", "supports", "Togo")),
    ("Norway has provided Ukraine with air defence systems.", ("Norway", "supports", "Ukraine")),
    ("Norway donated vaccines to Ukraine.", ("Norway", "supports", "Ukraine")),
    ("Norway announced a new aid package for Ukraine.", ("Norway", "supports", "Ukraine")),
]


@pytest.mark.parametrize("text,fact", READS, ids=[t[:40] for t, _ in READS])
def test_reads(read_both_ways, text, fact):
    facts = read_both_ways(text)
    assert fact in facts, sorted(facts)


NOT_READ = [
    # a date that opens a sentence is no side of a list
    ("Monday, Chile signed the decree.", "agreedWith"),
    # a rejection that did not happen or may happen is none
    ("Ethiopia did not reject Egypt's proposal.", "disagreedWith"),
    ("Ethiopia may reject Egypt's proposal.", "disagreedWith"),
    ("Kenya could accept Ethiopia's offer of talks.", "agreedWith"),
    ("Egypt and Ethiopia will issue a joint statement.", "agreedWith"),
    ("Egypt and Ethiopia did not issue a joint statement.", "agreedWith"),
    ("The president signed it into law on Friday.", "agreedWith"),
    # talks held to resolve a dispute have not resolved it; a hope to resolve it is none
    ("Peru and Chile held talks to resolve their dispute.", "agreedWith"),
    ("Peru and Chile hope to resolve their differences.", "agreedWith"),
    ("Peru and Chile met in Lima to sign a trade deal.", "agreedWith"),
    # working together in the future, aid still to be sent
    ("Peru and Chile will work together on fisheries control.", "cooperatesWith"),
    ("Norway will send tanks to Ukraine.", "supports"),
]


@pytest.mark.parametrize("text,relation", NOT_READ, ids=[f"{t[:36]}-{r}" for t, r in NOT_READ])
def test_not_read(read, text, relation):
    _, facts = read(text)
    assert not [f for f in facts if f[1] == relation], sorted(facts)


NOT_FACTS = [
    # "Y, X signed": the first name is fronted, no second signer, where a verb of its own follows it
    ("In Lima, Chile signed a deal with Peru.", ("Lima", "agreedWith", "Chile")),
]


@pytest.mark.parametrize("text,fact", NOT_FACTS, ids=[t[:40] for t, _ in NOT_FACTS])
def test_not_fact(read, text, fact):
    _, facts = read(text)
    assert fact not in facts, sorted(facts)
