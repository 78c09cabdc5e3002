"""The linker, specified by sentences in and facts out: every relation type of
the contract, in active and passive voice, coordination, nominalisations,
reported speech, negation and hypotheticals."""
from __future__ import annotations

import pytest

from kg.vocab import RELATIONS


def _norm(fact: tuple[str, str, str]) -> tuple[str, str, str]:
    s, rel, o = fact
    if RELATIONS[rel].symmetric and o < s:
        return o, rel, s
    return fact


def _facts(read, text: str) -> set[tuple[str, str, str]]:
    _, facts = read(text)
    return {_norm(f) for f in facts}


CASES = [
    # metWith
    ("Russian Foreign Minister Sergei Lavrov met Indian External Affairs Minister Subrahmanyam Jaishankar in Moscow on Tuesday.",
     [("Sergei Lavrov", "metWith", "Subrahmanyam Jaishankar"), ("Subrahmanyam Jaishankar", "visited", "Russia")]),
    ("Japanese Prime Minister Fumio Kishida held talks with South Korean President Yoon Suk Yeol in Seoul.",
     [("Fumio Kishida", "metWith", "Yoon Suk Yeol")]),
    ("French President Emmanuel Macron hosted Ukrainian President Volodymyr Zelenskyy at the Elysee Palace.",
     [("Emmanuel Macron", "metWith", "Volodymyr Zelenskyy"), ("Volodymyr Zelenskyy", "visited", "France")]),
    ("Narendra Modi spoke by phone with Vladimir Putin on Friday.",
     [("Narendra Modi", "metWith", "Vladimir Putin")]),
    ("Talks between Hakan Fidan and Sergei Lavrov lasted three hours.",
     [("Hakan Fidan", "metWith", "Sergei Lavrov")]),
    # visited
    ("German Chancellor Olaf Scholz visited India last week.", [("Olaf Scholz", "visited", "India")]),
    ("Penny Wong arrived in Beijing on Monday for two days of meetings.", [("Penny Wong", "visited", "China")]),
    ("Antonio Guterres travelled to Kyiv on Thursday.", [("Antonio Guterres", "visited", "Ukraine")]),
    # urged
    ("Antony Blinken urged Israel to allow more aid into Gaza.", [("Antony Blinken", "urged", "Israel")]),
    ("The European Union called on Iran to return to the negotiating table.", [("European Union", "urged", "Iran")]),
    ("Kishida pressed China to release detained Japanese citizens.", [("Fumio Kishida", "urged", "China")]),
    # warned
    ("North Korea warned South Korea against further military drills.",
     [("North Korea", "warned", "South Korea"), ("North Korea", "opposes", "Military drills")]),
    ("Lavrov cautioned NATO that Moscow would respond to any deployment.", [("Sergei Lavrov", "warned", "NATO")]),
    # criticized
    ("The Philippines condemned China over the collision near Second Thomas Shoal.", [("Philippines", "criticized", "China")]),
    ("Iran accused Israel of sabotage at the Natanz site.", [("Iran", "criticized", "Israel")]),
    ("Beijing slammed Washington for its chip restrictions.", [("China", "criticized", "United States")]),
    # agreedWith
    ("Japan and South Korea agreed to resume their security dialogue.",
     [("Japan", "agreedWith", "South Korea"), ("Japan", "cooperatesWith", "South Korea")]),
    ("Turkey reached an agreement with Russia on grain exports.", [("Turkey", "agreedWith", "Russia")]),
    # disagreedWith
    ("India disagreed with Pakistan over the water treaty.", [("India", "disagreedWith", "Pakistan")]),
    ("Tensions between Serbia and Kosovo have flared again.", [("Kosovo", "disagreedWith", "Serbia")]),  # XK in countries.yaml
    ("Differences between Russia and Ukraine remain wide.", [("Russia", "disagreedWith", "Ukraine")]),
    # cooperatesWith
    ("Australia vowed to deepen cooperation with the Philippines on maritime security.",
     [("Australia", "cooperatesWith", "Philippines")]),
    ("Vietnam will cooperate with Japan on infrastructure.", []),  # a plan, not a fact
    ("Seoul has worked closely with Tokyo on North Korea's missile launches.", [("South Korea", "cooperatesWith", "Japan")]),
    # supports
    ("Poland supports Ukraine in its fight against the invasion.", [("Poland", "supports", "Ukraine")]),
    ("Germany pledged support for Moldova at the donor conference.", [("Germany", "supports", "Moldova")]),
    ("Iran supplied drones to Russia, according to the report.", [("Iran", "supports", "Russia")]),
    # opposes (and negation)
    ("Hungary opposes the sanctions package.", [("Hungary", "opposes", "Sanctions")]),
    ("The United States does not support Taiwan independence.", [("United States", "opposes", "Taiwan")]),
    ("Brazil rejected the resolution on Venezuela.", [("Brazil", "opposes", "Resolution on Venezuela")]),  # an open issue
    # attacked
    ("Russia invaded Ukraine in February 2022.", [("Russia", "attacked", "Ukraine")]),
    ("Israel's strikes on Lebanon killed dozens.", [("Israel", "attacked", "Lebanon")]),
    # raisedConcernAbout
    ("Blinken raised concerns about human rights in Xinjiang.", [("Antony Blinken", "raisedConcernAbout", "Human rights")]),
    ("Japan voiced alarm over North Korea's ballistic missile launches.",
     [("Japan", "raisedConcernAbout", "North Korea nuclear programme")]),
    ("Vietnam voiced concern over Beijing's patrols in the South China Sea.",
     [("Vietnam", "raisedConcernAbout", "South China Sea")]),
    # discussed
    ("The two ministers discussed trade and climate change.", []),  # no antecedent for "the two ministers"
    ("Macron and Xi discussed the war in Ukraine.",
     [("Emmanuel Macron", "discussed", "Ukraine war"), ("Xi Jinping", "discussed", "Ukraine war")]),
    # restricted
    ("Washington imposed sanctions on Russia over the war.", [("United States", "restricted", "Russia")]),
    ("The Netherlands restricted exports of advanced chips to China.", [("Netherlands", "restricted", "Semiconductors")]),
    # allyOf
    ("Japan, a close ally of the United States, hosted the summit.", [("Japan", "allyOf", "United States")]),
    # support given as a green light or by dropping opposition; dismissal is opposition
    ("EU governments gave the green light to tariffs on Chinese steel.", [("European Union", "supports", "Tariffs"),
                                                                          ("European Union", "restricted", "Chinese steel")]),
    ("Turkey dropped its opposition to Sweden's NATO membership.", [("Turkey", "supports", "Sweden NATO membership")]),
    ("Russia dismissed the UN resolution on Ukraine.", [("Russia", "opposes", "UN resolution on Ukraine")]),
    # pressure from someone is their urging; a leader's administration is their state
    ("Manila agreed to the plan after coming under pressure from the Biden administration.",
     [("United States", "urged", "Philippines")]),
    ("The Biden administration imposed new curbs on Chinese chipmakers.",
     [("United States", "restricted", "Chinese chipmakers")]),
    # a threat against what another actor does or has
    ("Turkey threatened to veto Sweden's bid to join NATO.", [("Turkey", "warned", "Sweden")]),
    ("Hungary threatened to block the EU aid plans.", [("Hungary", "warned", "European Union")]),
    # criticism by judgement (kg.judgements)
    ("Vietnam said China's actions near the reef were a violation of international law.",
     [("Vietnam", "criticized", "China")]),
    ("Manila labelled Beijing's conduct unacceptable.", [("Philippines", "criticized", "China")]),
    ("Brazil called the American decision a mistake.", [("Brazil", "criticized", "United States")]),
    ("The Russian move is illegal, Poland said.", [("Poland", "criticized", "Russia")]),
    ("Li Ming said the US approach was typical of technological hegemony.", [("Li Ming", "criticized", "United States")]),
    ("Beijing said the G7 had interfered in its internal affairs.", [("China", "criticized", "G7")]),
    ("Nebenzia called Ukraine a neo-Nazi state.", [("Vasily Nebenzya", "criticized", "Ukraine")]),
    ("China's Taiwan Affairs Office issued a statement describing Tsai as a separatist.",
     [("Taiwan Affairs Office", "criticized", "Tsai Ing-wen")]),
    ("South Africa said Israel's actions amounted to genocide.", [("South Africa", "criticized", "Israel")]),
    # whom one thanks for doing a thing does it; an accusation is only a claim
    ("Biden thanked Turkey for backing Sweden.", [("Turkey", "supports", "Sweden")]),
    ("Zelensky appeared to accuse Poland of helping Moscow.", [("Volodymyr Zelenskyy", "criticized", "Poland")]),
    # a nationality before an event noun is its actor
    ("Relations have been strained since the Russian invasion of Ukraine.", [("Russia", "attacked", "Ukraine")]),
    # a list the parser split still gives one fact per country
    ("Beijing called on Canada, the U.K., and the U.S. \"to abandon the bloc mentality.\"",
     [("China", "urged", "Canada"), ("China", "urged", "United Kingdom"), ("China", "urged", "United States")]),
    # a subject the parser hung on a list before a comma is the clause's again
    ("After Iran seized a tanker off the coast of Oman, the West and its partners imposed sanctions on Iran.",
     [("the West", "restricted", "Iran")]),
    ("After the vote on the resolution on Syria, Britain and France criticized Russia.",
     [("United Kingdom", "criticized", "Russia"), ("France", "criticized", "Russia")]),
    ("In Beijing, Russia and Iran criticized the United States.",
     [("Russia", "criticized", "United States"), ("Iran", "criticized", "United States")]),
    ("The West imposed new sanctions on Iran.", [("the West", "restricted", "Iran")]),
    # a statement or act named by its agent is the agent's
    ("Warsaw lodged a protest against the remarks made by Ukraine.", [("Poland", "criticized", "Ukraine")]),
    ("Tokyo voiced its protest against the decision by Seoul.", [("Japan", "criticized", "South Korea")]),
    # a concern that gives the reason of a deed is the doer's
    ("Japan sent an envoy to Honiara over concerns about the security pact with China.",
     [("Japan", "raisedConcernAbout", "Security pact")]),
    # calls defied or heeded: whoever made them urged the clause's subject
    ("Israel ignored Washington's appeals for restraint.", [("United States", "urged", "Israel")]),
    # what belongs to an actor stands for it as a target
    ("Israel struck targets tied to Hezbollah.", [("Israel", "attacked", "Hezbollah")]),
    # fighting between two sides: each attacks the other
    ("Fighting between Armenia and Azerbaijan resumed in September.",
     [("Armenia", "attacked", "Azerbaijan"), ("Azerbaijan", "attacked", "Armenia")]),
    ("Heavy clashes erupted between Ethiopia and Eritrea.",
     [("Ethiopia", "attacked", "Eritrea"), ("Eritrea", "attacked", "Ethiopia")]),
    # "Qatar's" before a title and a name owns them: it is no side of its own
    ("Kenyan President William Ruto and Ethiopia’s Prime Minister Abiy Ahmed met to review the border road.",
     [("William Ruto", "metWith", "Abiy Ahmed"), ("William Ruto", "discussed", "Border road"),
      ("Abiy Ahmed", "discussed", "Border road")]),
    # whose decision it is does what follows "to"
    ("Ties soured over Warsaw's decision to extend an embargo on Ukrainian grain.",
     [("Poland", "restricted", "Ukrainian grain")]),
    # coordinated verbs are of one form, however the parser joined them
    ("The row deepened, with India asking Canada to withdraw its diplomats and suspending visa services.",
     [("India", "urged", "Canada"), ("India", "restricted", "Visas")]),
    # a failed agreement is a disagreement
    ("Kosovo and Serbia failed to agree on the plan.", [("Kosovo", "disagreedWith", "Serbia")]),
    # warning against a course of action opposes it; juntas are actors of their own
    ("Niger warned ECOWAS against military intervention.",
     [("Niger", "warned", "ECOWAS"), ("Niger", "opposes", "Military intervention")]),
    ("The Malian putschists warned ECOWAS against military intervention.",
     [("Malian Junta", "warned", "ECOWAS"), ("Malian Junta", "opposes", "Military intervention")]),
    # drawing attention to a danger is a concern
    ("Scholz drew Xi's attention to the dangers of the war in Ukraine.",
     [("Olaf Scholz", "raisedConcernAbout", "Ukraine war")]),
    # who meets in a state they do not act for visits it
    ("Albanese met Xi at the Great Hall of the People in Beijing.",
     [("Anthony Albanese", "metWith", "Xi Jinping"), ("Anthony Albanese", "visited", "China")]),
    ("Blinken held talks with Lavrov in Jakarta.",
     [("Antony Blinken", "metWith", "Sergei Lavrov"), ("Antony Blinken", "visited", "Indonesia"),
      ("Sergei Lavrov", "visited", "Indonesia")]),
    # "their talks": whoever holds them, when no one resolved "their"
    ("The Sudanese army and the RSF resumed their talks in Jeddah.",
     [("Sudanese Armed Forces", "metWith", "Rapid Support Forces")]),
    # friendship between two states is cooperation
    ("Obrador said the friendship between Mexico and the United States mattered greatly.",
     [("Mexico", "cooperatesWith", "United States")]),
    # "the dam": the issue named before whose name ends in the word
    ("Ethiopia began filling the Grand Ethiopian Renaissance Dam in July. Egypt fears the dam will imperil its "
     "water supplies, while Sudan is concerned about the dam's safety.",
     [("Egypt", "raisedConcernAbout", "Grand Ethiopian Renaissance Dam"),
      ("Sudan", "raisedConcernAbout", "Grand Ethiopian Renaissance Dam")]),
    # claims
    ("China claims most of the South China Sea and Taiwan.", [("China", "claims", "Taiwan")]),
    ("Taiwan, which is claimed by Beijing, held elections in January.", [("China", "claims", "Taiwan")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_relations_sentence_gives_facts(read, text, expected):
    """The sentence's facts, and no others (titles are specified elsewhere)."""
    facts = _facts(read, text)
    content = {f for f in facts if f[1] not in ("holdsPosition", "represents")}
    assert content == {_norm(f) for f in expected if f[1] not in ("holdsPosition", "represents")}
    assert {_norm(f) for f in expected} <= facts


NOT_FACTS = [
    ("Xi may visit Washington in November.", ("Xi Jinping", "visited", "United States")),
    ("Blinken hopes to meet Wang Yi next month.", ("Antony Blinken", "metWith", "Wang Yi")),
    ("Modi is expected to travel to Russia.", ("Narendra Modi", "visited", "Russia")),
    ("If China does not stop, Japan will sanction it.", ("Japan", "restricted", "China")),
    ("Xi has been invited to San Francisco.", ("Xi Jinping", "visited", "United States")),
    ("Kishida did not meet Yoon Suk Yeol in Seoul.", ("Fumio Kishida", "metWith", "Yoon Suk Yeol")),
    ("Scholz refused to support the proposal by Poland.", ("Olaf Scholz", "supports", "Poland")),
    ("Canada said India's claims would be a mistake.", ("Canada", "criticized", "India")),
    ("Tokyo said its decision was not a violation of any rule.", ("Japan", "criticized", "Japan")),
    ("Hungary wants Russian oil deliveries to Hungary to resume.", ("Russia", "supports", "Hungary")),
    ("China urged Japan to stop, and Vietnam said it agreed.", ("China", "urged", "Vietnam")),
    ("Talks hosted by Qatar and Egypt resumed in Doha.", ("Qatar", "metWith", "Egypt")),
    ("Japan echoed the UN's call for restraint.", ("United Nations", "urged", "Japan")),
    ("Beijing's plan to impose curbs on Japanese seafood angered Tokyo.", ("China", "restricted", "Japanese seafood")),
    ("China's refusal to condemn Russia drew criticism.", ("China", "criticized", "Russia")),
    ("Berlin described Paris as a reliable partner.", ("Germany", "criticized", "France")),
    ("The EU backed tariffs on electric cars from China.", ("European Union", "supports", "Electric vehicles")),
    ("Xi met Putin in Beijing.", ("Xi Jinping", "visited", "China")),
    ("Kyiv claimed that Minsk supported Moscow.", ("Belarus", "supports", "Russia")),
    ("The Solomons opposition leader also met Wang Yi.", ("Solomon Islands", "metWith", "Wang Yi")),
    ("A former US official met Wang Yi.", ("United States", "metWith", "Wang Yi")),
    # a place and a news agency are no implied other side of a warning
    ("As witnesses in Yemen told Reuters of explosions, Biden cautioned that he would not hesitate to act.",
     ("Joe Biden", "warned", "Yemen")),
    ("As witnesses in Yemen told Reuters of explosions, Biden cautioned that he would not hesitate to act.",
     ("Joe Biden", "warned", "Reuters")),
]


@pytest.mark.parametrize("text, fact", NOT_FACTS, ids=[c[0][:50] for c in NOT_FACTS])
def test_relations_hypothetical_or_negated_is_no_fact(read, text, fact):
    assert _norm(fact) not in _facts(read, text)


def test_relations_reported_speech_belongs_to_the_speaker(read):
    facts = _facts(read, "Lavrov said he raised concerns with Fidan about the Black Sea grain deal.")
    assert ("Sergei Lavrov", "raisedConcernAbout", "Black Sea grain deal") in facts


def test_relations_pronoun_points_back_to_the_last_person(read):
    facts = _facts(read, "Penny Wong arrived in Jakarta on Monday. She urged Indonesia to join the pact.")
    assert ("Penny Wong", "urged", "Indonesia") in facts


def test_relations_coordinated_objects_each_get_a_fact(read):
    facts = _facts(read, "Blinken met Wang Yi and Li Qiang in Beijing.")
    assert _norm(("Antony Blinken", "metWith", "Wang Yi")) in facts
    assert _norm(("Antony Blinken", "metWith", "Li Qiang")) in facts


def test_relations_two_sides_means_the_pair_named_before(read):
    text = ("Talks between Chile and Peru resumed last year. "
            "The two sides agreed to start a dialogue on fishing quotas.")
    facts = _facts(read, text)
    assert _norm(("Chile", "agreedWith", "Peru")) in facts
    assert _norm(("Chile", "cooperatesWith", "Peru")) in facts


def test_relations_quote_we_is_the_speaker_and_the_other_side(read):
    text = ('Japanese Foreign Minister Yoko Kamikawa met Chinese officials in Beijing. '
            '"There are many issues on which we disagree," Kamikawa said.')
    assert _norm(("Yoko Kamikawa", "disagreedWith", "China")) in _facts(read, text)


def test_relations_every_fact_has_its_sentence_and_a_confidence(read):
    result, _ = read("Sergei Lavrov met Hakan Fidan in Ankara. Fidan urged Russia to extend the grain deal.")
    assert result.facts
    for fact in result.facts:
        assert 0 < fact.confidence <= 1
        assert fact.evidence in ("Sergei Lavrov met Hakan Fidan in Ankara.",
                                 "Fidan urged Russia to extend the grain deal.")


def test_relations_regression_country_read_as_issue_is_a_known_entity(read):
    # regression: "Taipei" read as the Taiwan issue by a fact crashed the build (KeyError: 'issue/taiwan')
    result, facts = read("Beijing rejects any formal exchange between Tokyo and Taipei.")
    keys = {e.key for e in result.entities}
    assert {f.obj for f in result.facts if not f.relation == "holdsPosition"} <= keys


@pytest.mark.parametrize("text, fact", [
    # regression: a noun took the mood of any verb above it, so "to end its war" was no attack
    ("Macron asked Modi to press Russia to end its war against Ukraine.",
     ("Russia", "attacked", "Ukraine")),
    ("Trade has slumped since Russia invaded Ukraine two years ago.",
     ("Russia", "attacked", "Ukraine")),
])
def test_relations_presupposed_events_are_facts(read, text, fact):
    assert fact in _facts(read, text)


def test_relations_noun_under_a_hope_is_no_fact(read):
    facts = _facts(read, "Lai said he would seek dialogue with Beijing.")
    assert not {f for f in facts if f[1] == "cooperatesWith"}


@pytest.mark.parametrize("text, expected", [
    ("Chile's foreign minister Alberto van Klaveren met Argentine President Javier Milei on Monday. "
     "The talks covered trade and migration.",
     {("Alberto van Klaveren", "discussed", "Trade"), ("Javier Milei", "discussed", "Trade"),
      ("Alberto van Klaveren", "discussed", "Migration"), ("Javier Milei", "discussed", "Migration")}),
    ("Kenya's President William Ruto held talks with Olaf Scholz in Nairobi. Both men smiled for cameras. "
     "The meeting focused on climate change.",
     {("William Ruto", "discussed", "Climate change"), ("Olaf Scholz", "discussed", "Climate change")}),
    ("Egypt said the latest round of talks with Ethiopia over fishing quotas ended without progress.",
     {("Egypt", "metWith", "Ethiopia"), ("Egypt", "discussed", "Fishing quotas"), ("Ethiopia", "discussed", "Fishing quotas")}),
])
def test_relations_a_meeting_named_as_subject_stands_for_its_sides(read, text, expected):
    assert expected <= _facts(read, text)


def test_relations_a_meeting_too_far_back_gives_no_sides(read):
    text = ("Lula met Gustavo Petro in Brasilia. Markets rose. Farmers protested. The weather was mild. "
            "Traffic was heavy. Schools reopened. The talks covered migration.")
    assert not {f for f in _facts(read, text) if f[1] == "discussed"}


def test_relations_pressure_from_things_urges_no_one(read):
    assert not [f for f in _facts(read, "Oil prices rose under pressure from Saudi output cuts.") if f[1] == "urged"]


def _parsed(extractor, words, heads, deps, tags, lemmas, ents):
    """A Doc with the parse given (as the small model may give it), read by
    the knowledge-base rulers and resolvers that follow the model."""
    from spacy.tokens import Doc

    pos = {"NNP": "PROPN", "VBD": "VERB", "VBG": "VERB", "VB": "VERB", "DT": "DET", "NN": "NOUN",
           "TO": "PART", "CC": "CCONJ", ".": "PUNCT"}
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, tags=tags,
              pos=[pos[t] for t in tags], lemmas=lemmas, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))
    after_model = extractor.nlp.pipe_names.index("ner") + 1
    for _, component in extractor.nlp.pipeline[after_model:]:
        doc = component(doc)
    return doc


def test_relations_second_verb_describing_a_statement_is_its_issuers(extractor):
    """"issued a statement vowing to act and urging Y": the parser may hang
    "urging" on "vowing", which describes the statement; the issuer urges."""
    from kg.relations import extract_facts

    words = ["Tokyo", "issued", "a", "statement", "vowing", "to", "respond", "and", "urging", "Beijing", "to",
             "stop", "."]
    heads = [1, 1, 3, 1, 3, 6, 4, 4, 4, 8, 11, 8, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "acl", "aux", "xcomp", "cc", "conj", "dobj", "aux", "xcomp", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "VBG", "TO", "VB", "CC", "VBG", "NNP", "TO", "VB", "."]
    lemmas = ["Tokyo", "issue", "a", "statement", "vow", "to", "respond", "and", "urge", "Beijing", "to", "stop", "."]
    ents = ["B-GPE"] + ["O"] * 8 + ["B-GPE", "O", "O", "O"]
    doc = _parsed(extractor, words, heads, deps, tags, lemmas, ents)
    facts = {(f.subject, f.relation, f.obj) for f in extract_facts(doc, extractor.rules, extractor.kb)}
    assert ("country/japan", "urged", "country/china") in facts
