"""Stances and ties: supports, opposes, restricted, agreedWith, cooperatesWith,
allyOf read from common turns of diplomatic news (sentences written for
these tests)."""
from __future__ import annotations

import pytest


READS = [
    # "called for an end to X" / "demanded a halt to X": X is opposed
    ("Brazil called for an end to the war in Ukraine on Monday.",
     ("Brazil", "opposes", "Ukraine war")),
    ("Egypt demanded an immediate halt to the blockade of Gaza.",
     ("Egypt", "opposes", "Blockade of Gaza")),
    # adopting or approving sanctions, tariffs on X restricts X
    ("The European Union adopted new sanctions against Belarus on Friday.",
     ("European Union", "restricted", "Belarus")),
    ("Canada approved tariffs on Iran after the vote.",
     ("Canada", "restricted", "Iran")),
    ("EU governments gave a green light to sanctions on Iran.",
     ("European Union", "restricted", "Iran")),
    ("EU leaders agreed new sanctions on Russia at the summit.",
     ("European Union", "restricted", "Russia")),
    # joint exercises, patrols, operations: the sides cooperate
    ("India and France held joint exercises in the Indian Ocean.",
     ("France", "cooperatesWith", "India")),
    ("The joint patrols by Malaysia and Indonesia began in March.",
     ("Indonesia", "cooperatesWith", "Malaysia")),
    ("Vietnam launched a joint investigation with Cambodia.",
     ("Vietnam", "cooperatesWith", "Cambodia")),
    # who brokered together cooperate
    ("A truce brokered by Qatar and Egypt ended the fighting.",
     ("Egypt", "cooperatesWith", "Qatar")),
    # "X, along with Y," / "X, together with Y,": Y acts too
    ("Poland, along with Slovakia and Hungary, imposed an embargo on Ukrainian grain.",
     ("Slovakia", "restricted", "Ukrainian grain")),
    ("Poland, along with Slovakia and Hungary, imposed an embargo on Ukrainian grain.",
     ("Hungary", "restricted", "Ukrainian grain")),
    ("Britain, together with France, denounced the tariffs.",
     ("France", "opposes", "Tariffs")),
    # a "which" misparsed onto a noun before the name is the name's
    ("Officials called the remarks unfair to Lithuania which has been backing Ukraine for years.",
     ("Lithuania", "supports", "Ukraine")),
    # a "both" elsewhere in the sentence leaves the acting list together
    ("After both Chile and Peru protested, Brazil and Argentina imposed tariffs on steel.",
     ("Argentina", "cooperatesWith", "Brazil")),
    # without "both" the list is one side that agrees together; "both sides" are two
    ("Chile and Peru agreed to curb their exports.",
     ("Chile", "agreedWith", "Peru")),
    ("Egypt and Ethiopia held talks in Cairo. Both sides agreed to resume talks.",
     ("Egypt", "agreedWith", "Ethiopia")),
    # "X and Y were aligned on", "X is aligned with Y"
    ("Kenya and Ethiopia were aligned on the plan to expand the mission.",
     ("Ethiopia", "agreedWith", "Kenya")),
    ("Chile is aligned with Peru on fishing rights.",
     ("Chile", "agreedWith", "Peru")),
    # what a package or resolution is: not what a clause under it names
    ("A sanctions package aimed at the shadow fleet of Iran was vetoed by Slovakia.",
     ("Slovakia", "opposes", "Sanctions")),
    # condemning or slamming an issue (no actor) is opposing it
    ("Russia denounced the sanctions at the summit.",
     ("Russia", "opposes", "Sanctions")),
    ("India slammed the tariffs on its steel.",
     ("India", "opposes", "Tariffs")),
    # "opposed to X"
    ("Mexico remains firmly opposed to the tariffs.",
     ("Mexico", "opposes", "Tariffs")),
    # weight or support thrown behind, signalled, lent
    ("Brazil threw its weight behind Argentina at the meeting.",
     ("Brazil", "supports", "Argentina")),
    ("Germany signalled its support for Moldova on Monday.",
     ("Germany", "supports", "Moldova")),
    # "at odds", "at loggerheads"
    ("Greece and Turkey remain at odds over the islands.",
     ("Greece", "disagreedWith", "Turkey")),
    ("Serbia is at loggerheads with Kosovo over licence plates.",
     ("Kosovo", "disagreedWith", "Serbia")),
    # relations that are (have become) fraught, tense relations with
    ("Relations between Rwanda and Burundi have become fraught over the border.",
     ("Burundi", "disagreedWith", "Rwanda")),
    ("Rwanda has tense relations with Burundi.",
     ("Burundi", "disagreedWith", "Rwanda")),
    # "X is Y's ally", "X, Y's closest ally,"
    ("Japan is Washington's most important ally in the region.",
     ("Japan", "allyOf", "United States")),
    ("Poland, Ukraine's staunchest ally, sent more tanks.",
     ("Poland", "allyOf", "Ukraine")),
    ("Belarus is widely seen as Moscow's closest ally.",
     ("Belarus", "allyOf", "Russia")),
    ("Belarus is considered Russia's most loyal ally.",
     ("Belarus", "allyOf", "Russia")),
    # "a US ally", "X and Y are US allies": allies of the US
    ("Greece, a US ally, protested the move.",
     ("Greece", "allyOf", "United States")),
    ("Greece and Italy are US allies.",
     ("Italy", "allyOf", "United States")),
]


@pytest.mark.parametrize("text,fact", READS, ids=[t[:40] for t, _ in READS])
def test_reads(read_both_ways, text, fact):
    facts = read_both_ways(text)
    assert fact in facts, sorted(facts)


NOT_READ = [
    # a call for an end that is only planned is no stance yet
    ("Brazil may call for an end to the war in Ukraine.", "opposes"),
    # only hoped-for sanctions
    ("The European Union hopes to adopt new sanctions against Belarus.", "restricted"),
    # "not aligned": no agreement, and no disagreement stated either
    ("Chile is not aligned with Peru on fishing rights.", "agreedWith"),
    ("Chile is not aligned with Peru on fishing rights.", "disagreedWith"),
    # a joint statement is no cooperation of its own; a hoped-for joint venture neither
    ("Egypt and Jordan issued a joint statement on Sunday.", "cooperatesWith"),
    ("Egypt hopes to start a joint venture with Jordan.", "cooperatesWith"),
    # a stance given up is none, and not the opposite one either
    ("Turkey stopped blocking Sweden's application to join NATO.", "opposes"),
    ("Turkey stopped blocking Sweden's application to join NATO.", "supports"),
    ("Hungary ceased backing Serbia after the vote.", "supports"),
    # condemning an actor is criticism, not opposition
    ("France condemned Iran on Tuesday.", "opposes"),
    # "not opposed to", "not critical of": no stance stated
    ("Mexico is not opposed to the tariffs.", "opposes"),
    ("Mexico is not opposed to the tariffs.", "supports"),
    ("Japan was not critical of China at the summit.", "criticized"),
    # relations that soured or were strained before (often before a thaw the story reports) are left
    ("Relations between Chile and Peru soured after the 2019 clash.", "disagreedWith"),
    # joint exercises only agreed to be expanded are a plan
    ("Chile and Peru agreed to expand joint naval exercises.", "cooperatesWith"),
    # "criticised X as protectionism": the label is no topic opposed
    ("The ministry criticised the decision as protectionism.", "opposes"),
    # a ban or embargo ended, a restriction stopped, restricts no more
    ("Washington ended its embargo on Cuba.", "restricted"),
    ("The US stopped restricting exports to China.", "restricted"),
    # a group named by its trade is no issue of its own
    ("Warsaw acted to defend the interests of its farmers.", "supports"),
    ("Critics said Beijing's state aid to carmakers was unfair.", "supports"),
    # good or not tense relations are no disagreement
    ("Relations between Chile and Peru are good.", "disagreedWith"),
    ("Relations between Chile and Peru are not tense.", "disagreedWith"),
    # odds that are no dispute
    ("Against all odds, Chile won the vote.", "disagreedWith"),
    # a possessor that is no actor makes no ally
    ("The company's closest ally in parliament resigned.", "allyOf"),
]


@pytest.mark.parametrize("text,relation", NOT_READ, ids=[f"{t[:36]}-{r}" for t, r in NOT_READ])
def test_not_read(read, text, relation):
    _, facts = read(text)
    assert not [f for f in facts if f[1] == relation], sorted(facts)


NOT_FACTS = [
    # "both X and Y did": each did, under a third side's pressure, not with the other
    ("Both Chile and Peru agreed to curb their exports after pressure from Washington.",
     ("Chile", "agreedWith", "Peru")),
    ("Both Chile and Peru agreed to curb their exports after pressure from Washington.",
     ("Chile", "cooperatesWith", "Peru")),
    ("Both Chile and Peru agreed to curb their exports after pressure from Washington.",
     ("Peru", "agreedWith", "Chile")),
    # the sides of a deal another brokered do not thereby cooperate
    ("Armenia and Azerbaijan signed a peace deal brokered by Washington.",
     ("Armenia", "cooperatesWith", "Azerbaijan")),
    # allies of a third state are not thereby each other's
    ("Greece and Italy are US allies.", ("Greece", "allyOf", "Italy")),
    # "X and its NATO allies": the allies are not named
    ("The US and its Nato allies sent arms to Ukraine.", ("NATO", "allyOf", "United States")),
    ("A sanctions package aimed at the shadow fleet of Iran was vetoed by Slovakia.",
     ("Slovakia", "opposes", "Shadow fleet")),
    # "along with" after the object names no second actor
    ("Britain condemned Iran along with France.", ("France", "criticized", "Iran")),
    # the name before a "which" that the parser put right is not taken
    ("The remarks by Zelensky, which angered Poland, came on Tuesday.", ("Ukraine", "criticized", "Poland")),
]


@pytest.mark.parametrize("text,fact", NOT_FACTS, ids=[t[:40] for t, _ in NOT_FACTS])
def test_not_fact(read, text, fact):
    _, facts = read(text)
    assert fact not in facts, sorted(facts)
