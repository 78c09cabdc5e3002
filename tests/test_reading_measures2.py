"""Measures and threats: restricted and warned read from the way news states
them: a measure a state took with others named "along with" it, threats and
warnings (sentences written for these tests)."""
from __future__ import annotations

import pytest


READS = [
    # "X's decision to extend an embargo, along with Y and Z, on W": the
    # companions set off by commas restrict W too
    ("Ties soured after Argentina's decision to extend an embargo, along with Chile and Peru, on Bolivian timber.",
     ("Chile", "restricted", "Bolivian timber")),
    ("Ties soured after Argentina's decision to extend an embargo, along with Chile and Peru, on Bolivian timber.",
     ("Argentina", "restricted", "Bolivian timber")),
    ("Exporters protested against Greece's move to extend tariffs, along with Cyprus and Malta, on Turkish fruit.",
     ("Malta", "restricted", "Turkish fruit")),
    ("Trade suffered after Hungary's decision to impose a ban, together with Romania, on Serbian steel.",
     ("Romania", "restricted", "Serbian steel")),
    # the companions of a subject the trigger takes from the clause above
    ("Argentina decided to extend a ban, along with Chile, on Bolivian timber.",
     ("Chile", "restricted", "Bolivian timber")),
    # a threat to strike back warns the other side named: "threatened to
    # retaliate if Y", "its threat to respond", "vowed to take countermeasures"
    ("Turkey threatened to intervene unless Greece withdrew its ships.",
     ("Turkey", "warned", "Greece")),
    ("Egypt vowed to take countermeasures if Ethiopia filled the dam.",
     ("Egypt", "warned", "Ethiopia")),
    ("Serbia, making good on its threat to respond if Kosovo's prime minister visited the north, closed the border.",
     ("Serbia", "warned", "Kosovo")),
    ("Algeria has threatened to retaliate if Morocco expands the wall.",
     ("Algeria", "warned", "Morocco")),
    # the target after "against" is the one warned, whoever else is named
    ("Speaking after talks with Japan's foreign minister, Wang vowed retaliation against Taiwan.",
     ("Wang Yi", "warned", "Taiwan")),
    # revenge vowed, and cuts threatened, warn whom they would hit
    ("Iran vowed revenge against Israel.",
     ("Iran", "warned", "Israel")),
    ("Iran vowed to avenge the killing, blaming Israel.",
     ("Iran", "warned", "Israel")),
    ("The Kremlin threatened to cut gas supplies to Moldova.",
     ("Russia", "warned", "Moldova")),
    ("Washington threatened to cut off aid to Egypt.",
     ("United States", "warned", "Egypt")),
    # the measure's participle names who imposed it and on whom
    ("The sanctions imposed by Canada on Iran took effect.",
     ("Canada", "restricted", "Iran")),
    ("The tariffs imposed on Iran by Canada took effect.",
     ("Canada", "restricted", "Iran")),
    # a trade flow blocked, in the active or the passive
    ("Brazil blocked imports of Argentine beef.",
     ("Brazil", "restricted", "Imports of beef")),
    ("Exports of rice were halted by India.",
     ("India", "restricted", "Exports of rice")),
    # airspace, ports or a border closed to a state, its planes or ships
    ("Ukraine closed its airspace to Russian planes.",
     ("Ukraine", "restricted", "Russia")),
    ("Egypt shut its ports to Israeli ships.",
     ("Egypt", "restricted", "Israel")),
    ("Ankara sealed its border with Armenia in 1993.",
     ("Turkey", "restricted", "Armenia")),
    # a ban's place is the state that bans
    ("Police arrested members of Kurdish movements outlawed in Turkey.",
     ("Turkey", "restricted", "Kurdish movements")),
    ("Officials met leaders of the Gulen movement, which is outlawed in Turkey.",
     ("Turkey", "restricted", "Gulen movement")),
    # a crackdown on something restricts it
    ("Kenya launched a crackdown on Somali militants.",
     ("Kenya", "restricted", "Somali militants")),
    ("Kenya's crackdown on Somali militants angered Mogadishu.",
     ("Kenya", "restricted", "Somali militants")),
    # trade rules restrict the goods they govern
    ("Japan's new export rules on chips took effect in May.",
     ("Japan", "restricted", "Semiconductors")),
    ("Washington introduced an export licence requirement for semiconductors.",
     ("United States", "restricted", "Semiconductors")),
    ("Seoul unveiled import regulations for Japanese fish.",
     ("South Korea", "restricted", "Japanese fish")),
]


@pytest.mark.parametrize("text,fact", READS)
def test_reads(read, text, fact):
    _, facts = read(text)
    assert fact in facts, sorted(facts)


NOT_FACTS = [
    # "along with" says each did the same, not that they worked together
    ("Argentina, along with Chile, extended a ban on Bolivian timber.",
     ("Argentina", "cooperatesWith", "Chile")),
    ("Ties soured after Argentina's decision to extend an embargo, along with Chile and Peru, on Bolivian timber.",
     ("Argentina", "cooperatesWith", "Chile")),
    # only a phrase set off by commas names a companion
    ("Argentina decided to condemn Bolivia along with Chile.",
     ("Chile", "criticized", "Bolivia")),
    # a threat that names its own target warns no other side named in the sentence
    ("Speaking after talks with Japan's foreign minister, Wang threatened to retaliate against any country "
     "that joins the blockade.",
     ("Wang Yi", "warned", "Japan")),
    ("Speaking after talks with Japan's foreign minister, Wang vowed retaliation against any country "
     "that joins the blockade.",
     ("Wang Yi", "warned", "Japan")),
    # what a deed endangers is no one warned
    ("Iran's drone flights threaten the security and stability of Iraq, the minister said.",
     ("Iran", "warned", "Iraq")),
    ("Pakistan's tests threaten the peace of India.",
     ("Pakistan", "warned", "India")),
    # a threat only possible, or denied, warns no one
    ("Turkey may threaten to intervene unless Greece withdraws its ships.",
     ("Turkey", "warned", "Greece")),
    ("Turkey did not threaten to intervene if Greece sent ships.",
     ("Turkey", "warned", "Greece")),
    ("Washington may threaten to cut aid to Egypt.",
     ("United States", "warned", "Egypt")),
    # a cut of aid to others in a state does not warn the state
    ("Washington threatened to cut aid to refugees in Egypt.",
     ("United States", "warned", "Egypt")),
    # a measure with no one named to impose it
    ("The tariffs imposed on Iran took effect.",
     ("Iran", "restricted", "Iran")),
    # a plan blocked is opposed, not a trade flow restricted
    ("The EU sanctions package is being blocked by Hungary.",
     ("Hungary", "restricted", "Sanctions")),
    ("Hungary may close its border to Serbian trucks.",
     ("Hungary", "restricted", "Serbia")),
    # a crackdown only demanded by another is no restriction of the one who demands it
    ("Turkey insisted on a crackdown in Germany on the Gulen movement.",
     ("Turkey", "restricted", "Gulen movement")),
    # rules only planned restrict nothing yet
    ("Japan may introduce export rules on chips.",
     ("Japan", "restricted", "Semiconductors")),
    # countermeasures to protect one's own name no one else
    ("Egypt vowed to take countermeasures to protect its farmers.",
     ("Egypt", "warned", "Ethiopia")),
]


@pytest.mark.parametrize("text,fact", NOT_FACTS)
def test_not_fact(read, text, fact):
    _, facts = read(text)
    assert fact not in facts and (fact[2], fact[1], fact[0]) not in facts, sorted(facts)
