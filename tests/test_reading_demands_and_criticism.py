"""Demands, warnings and criticism in the forms diplomatic news gives them
beyond a plain verb: ultimatums handed to someone, calls and warnings that
someone went against. Sentence in, facts of these relations out."""
from __future__ import annotations

import pytest

OURS = ("urged", "warned", "criticized")


def _ours(read, text: str) -> set[tuple[str, str, str]]:
    _, facts = read(text)
    return {f for f in facts if f[1] in OURS}


@pytest.mark.parametrize("text, expected", [
    # an ultimatum is a demand backed by a threat: urged and warned
    ("The African Union issued a ten-day ultimatum to Niger.",
     {("African Union", "urged", "Niger"), ("African Union", "warned", "Niger")}),
    ("ECOWAS issued an ultimatum to the Niger junta to free the president.",
     {("ECOWAS", "urged", "Nigerien Junta"), ("ECOWAS", "warned", "Nigerien Junta"), ("ECOWAS", "warned", "Niger")}),
    ("Washington gave Tehran a stern warning.", {("United States", "warned", "Iran")}),
    # calls and warnings someone went against: their issuer urged or warned them
    ("Despite calls from the United States not to sign the pact, Kiribati went ahead with it.",
     {("United States", "urged", "Kiribati")}),
    ("Despite a flurry of calls from the United States and its allies not to sign the pact, Kiribati signed it.",
     {("United States", "urged", "Kiribati")}),
    ("Despite warnings from Washington, Iran launched the satellite.", {("United States", "warned", "Iran")}),
])
def test_demands_and_warnings_beyond_the_verb(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text", [
    "Washington gave Tehran a loan.",
    "China welcomed calls from Brazil for peace talks.",  # calls welcomed were not made to the welcomer
    # several went against the calls: which of them was called on is not said
    "Despite calls from the United States, Fiji and China signed the pact.",
])
def test_no_demand_or_warning(read, text):
    assert _ours(read, text) == set()


@pytest.mark.parametrize("text, expected", [
    # the warring sides are the sides of the war the article reported before
    ("Russia invaded Ukraine in 2022. China urged the warring parties to hold talks.",
     {("China", "urged", "Russia"), ("China", "urged", "Ukraine")}),
    ("Putin ordered the invasion of Ukraine. Brazil urged the warring nations to talk.",
     {("Brazil", "urged", "Russia"), ("Brazil", "urged", "Ukraine")}),
    ("Russia invaded Ukraine in 2022. Xi appealed to all parties in the war to ease tensions.",
     {("Xi Jinping", "urged", "Russia"), ("Xi Jinping", "urged", "Ukraine")}),
    ("Israel attacked Hamas. The UN called on the belligerents to stop.",
     {("United Nations", "urged", "Israel"), ("United Nations", "urged", "Hamas")}),
    # a side that urges the warring sides urges the other one
    ("Russia invaded Ukraine in 2022. Ukraine urged the warring parties to hold talks.",
     {("Ukraine", "urged", "Russia")}),
])
def test_warring_sides_are_the_sides_of_the_war_reported(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text", [
    "China urged the warring parties to hold talks.",  # no war reported: whose sides is not known
    "China urged the warring parties to hold talks. Russia invaded Ukraine in 2022.",  # a later war
    "Russia invaded Ukraine. France criticized the parties to the agreement.",
])
def test_no_war_no_warring_sides(read, text):
    assert _ours(read, text) == set()


@pytest.mark.parametrize("text, expected", [
    # a deed criticised is its doer's
    ("Beijing slammed the protectionist tariffs imposed by the EU.", {("China", "criticized", "European Union")}),
    ("Jordan condemned the raid carried out by Israel.", {("Jordan", "criticized", "Israel")}),
    ("Jordan condemned the attack by Israeli forces.", {("Jordan", "criticized", "Israel")}),
    # a judged deed in the second of two verbs that share their subject
    ("Beijing said Washington ignored its concerns and violated the agreement.",
     {("China", "criticized", "United States")}),
])
def test_criticism_of_a_deed_is_of_its_doer(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text", [
    "Jordan condemned the raid on the village.",  # no doer named
    "Beijing said Washington had not ignored its concerns and would not violate the agreement.",
])
def test_no_doer_no_criticism(read, text):
    assert _ours(read, text) == set()


@pytest.mark.parametrize("text, expected", [
    # an actor's demand that another do something
    ("Kosovo's demands that Serbia hand over the suspects blocked progress.", {("Kosovo", "urged", "Serbia")}),
    ("Ukraine's call that Russia withdraw its troops went unheeded.", {("Ukraine", "urged", "Russia")}),
    # a case brought by one state against another
    ("The court heard the case brought by Gambia against Myanmar.", {("Gambia", "criticized", "Myanmar")}),
    ("The charges brought by Ukraine against Russia were heard in The Hague.",
     {("Ukraine", "criticized", "Russia")}),
])
def test_demands_and_cases_named_by_their_noun(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text", [
    "Ukraine rejected the demands that Russia made.",  # whose demands they were is the clause's
    "The case brought against Myanmar was heard.",  # by whom is not said
])
def test_no_demand_or_case(read, text):
    assert _ours(read, text) == set()


@pytest.mark.parametrize("text, expected", [
    # "the ministry", "the embassy": the body of that name named before
    ("Egypt's foreign ministry said the dam was a threat. The ministry lodged a formal protest with Ethiopia.",
     {("Egyptian Foreign Ministry", "criticized", "Ethiopia")}),
    ("The Chinese embassy in London issued a statement. The embassy lodged stern representations with Britain.",
     {("Chinese Embassy in London", "criticized", "United Kingdom")}),
    # another ministry than the one named is no one known
    ("Egypt's foreign ministry said the dam was a threat. The defence ministry lodged a formal protest with Ethiopia.",
     set()),
])
def test_a_body_described_by_its_last_words(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a deed named before: who did it, by its verb or by its noun with the doer
    ("North Korea launched a missile on Tuesday. Japan condemned the launch.", {("Japan", "criticized", "North Korea")}),
    ("Russia annexed Crimea in 2014. The EU condemned the annexation.", {("European Union", "criticized", "Russia")}),
    ("The latest launch by North Korea was its fifth. Seoul condemned the launch.",
     {("South Korea", "criticized", "North Korea")}),
    # another deed, or a word too vague to name one
    ("Iran seized a tanker. Britain condemned the attack.", set()),
    ("China held talks with Japan. Britain condemned the move.", set()),
])
def test_criticism_of_a_deed_named_before(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia and Ukraine exchanged fire. Wang urged both sides to stop fighting.",
     {("Wang Yi", "urged", "Russia"), ("Wang Yi", "urged", "Ukraine")}),
    # the last pair named holds the speaker's own state: not the pair meant
    ("China and India abstained. Wang urged both sides to stop fighting.", set()),
])
def test_both_sides_never_include_the_speaker(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "They" opening the sentence after one whose subject was two actors: those two
    ("China and Brazil stayed neutral. They urged Russia to talk.",
     {("China", "urged", "Russia"), ("Brazil", "urged", "Russia")}),
    ("Putin ordered the invasion of Ukraine, but China and Brazil stayed out. They urged the warring nations to talk.",
     {("China", "urged", "Russia"), ("China", "urged", "Ukraine"),
      ("Brazil", "urged", "Russia"), ("Brazil", "urged", "Ukraine")}),
    # not inside the sentence, and not after a pair that was no subject
    ("China and Brazil stayed neutral. Officials said they urged Russia to talk.", set()),
    ("Russia sent envoys to China and Brazil. They urged Ukraine to talk.", set()),
])
def test_they_after_two_named_as_a_subject(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a condemning word on what the subject acts on, whose owner is named
    ("China firmly opposes the EU's unfair and unreasonable protectionist practices, the ministry said.",
     {("China", "criticized", "European Union")}),
    ("Naledi Pandor detailed the genocidal acts by Israel.", {("Naledi Pandor", "criticized", "Israel")}),
    ("Japan criticized China's unfair ban.", {("Japan", "criticized", "China")}),
    # approved, negated, or no owner named
    ("Australia welcomed China's removal of unfair tariffs.", set()),
    ("China does not oppose the EU's unfair practices.", set()),
    ("China opposes unfair practices.", set()),
])
def test_condemning_words_on_what_the_subject_acts_on(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a condemning word in what a speaker says an actor's deed is or did
    ("\"The Russian war of aggression against Ukraine has a negative impact on Europe,\" Scholz said.",
     {("Olaf Scholz", "criticized", "Russia")}),
    ("Russia's illegal war has killed thousands, the UN said.", {("United Nations", "criticized", "Russia")}),
    # a mistake made, a crime committed
    ("Modi said Canada had made a serious mistake.", {("Narendra Modi", "criticized", "Canada")}),
    ("Kyiv says Russia committed war crimes in Bucha.", {("Ukraine", "criticized", "Russia")}),
    ("Jordan condemned the recent killings by Israeli forces of two civilians.", {("Jordan", "criticized", "Israel")}),
    # no one speaks it, or it is denied
    ("Russia's war of aggression continues.", set()),
    ("Modi said Canada had not made a mistake.", set()),
])
def test_condemning_words_in_what_is_said_of_a_deed(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a label the parser reads as a second object; a judge named in apposition
    ("Lavrov called Ukraine \"neo-Nazi\".", {("Sergei Lavrov", "criticized", "Ukraine")}),
    ("Moscow rejected the text, with its envoy Vasily Nebenzya calling Ukraine \"neo-Nazi\".",
     {("Vasily Nebenzya", "criticized", "Ukraine")}),
    ("Blinken called Wang to discuss the crimes.", set()),
])
def test_labels_read_as_a_second_object(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "called for X to do": X is urged
    ("France called for Israel to halt its offensive.", {("France", "urged", "Israel")}),
    ("Germany appealed for Russia to return to the talks.", {("Germany", "urged", "Russia")}),
    # threatened sanctions against: a warning
    ("The EU threatened sanctions against Belarus.", {("European Union", "warned", "Belarus")}),
    # "lashed out at", "hit out at"
    ("Erdogan lashed out at Sweden over the Koran burning.", {("Recep Tayyip Erdogan", "criticized", "Sweden")}),
    ("Turkey hit out at Sweden.", {("Turkey", "criticized", "Sweden")}),
    # rejected or dismissed as a falsehood
    ("India rejected Canada's allegations as absurd.", {("India", "criticized", "Canada")}),
    ("Beijing dismissed the American report as a fabrication.", {("China", "criticized", "United States")}),
    # no actor called on, a military reply, no owner of what is rejected
    ("France called for a ceasefire.", set()),
    ("Israel hit back at Hezbollah.", set()),
    ("Moscow dismissed the claims as absurd.", set()),
])
def test_calls_threats_and_rebuttals(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    # displeasure voiced at someone, a protest to them, a swipe at them
    ("China expressed strong dissatisfaction with Japan.", {("China", "criticized", "Japan")}),
    ("Beijing voiced anger at Manila over the collision.", {("China", "criticized", "Philippines")}),
    ("China protested to Japan over the visit.", {("China", "criticized", "Japan")}),
    ("In a swipe at Washington, Xi said no country should seek hegemony.",
     {("Xi Jinping", "criticized", "United States")}),
    ("Wang expressed hope for better ties with Australia.", set()),
])
def test_displeasure_and_protest(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia's brutal invasion has killed thousands, the UN said.", {("United Nations", "criticized", "Russia")}),
    ("The brutal winter hit Ukraine, Zelensky said.", set()),  # no actor's deed
])
def test_more_condemning_words(read, text, expected):
    assert _ours(read, text) == expected


@pytest.mark.parametrize("text, expected", [
    # retaliation promised where the other side is named in the sentence
    ("China slammed the EU tariffs and promised retaliation.",
     {("China", "criticized", "European Union"), ("China", "warned", "European Union")}),
    ("China slammed the tariffs imposed by Brussels and vowed a firm response.",
     {("China", "criticized", "European Union"), ("China", "warned", "European Union")}),
    ("Beijing vowed retaliation.", set()),
])
def test_retaliation_promised(read, text, expected):
    assert _ours(read, text) == expected
