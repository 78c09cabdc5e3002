"""What is not (yet) a fact, specified by sentences: events said to lie ahead
and deeds said to be needed state no relation; the same words in a report of
what happened do."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, fact", [
    ("New Zealand and Tonga said they would raise the pact at an upcoming meeting with Fiji.",
     ("New Zealand", "metWith", "Fiji")),
    ("The proposed talks between Japan and China were cancelled.", ("China", "metWith", "Japan")),
    ('Lula said, "It is important to have patience" to talk with Putin and Zelensky.',
     ("Luiz Inacio Lula da Silva", "metWith", "Vladimir Putin")),
    ("Kenya said it was necessary to sanction Somalia.", ("Kenya", "restricted", "Somalia")),
    ("A visit to Ankara by Iranian President Ebrahim Raisi has been under discussion for months.",
     ("Ebrahim Raisi", "visited", "Turkey")),
    ("A meeting between Orban and Zelensky has been discussed for a year but has not taken place.",
     ("Viktor Orbán", "metWith", "Volodymyr Zelenskyy")),
    ("The EU hopes to conclude negotiations with Mercosur.", ("European Union", "agreedWith", "Mercosur")),
    # a threat with a time between the verb and its infinitive, which the parser hangs as an adverbial clause
    ("ECOWAS threatened on Monday to impose new sanctions on Guinea unless the junta freed the president.",
     ("ECOWAS", "restricted", "Guinea")),
    ("China is preparing on Monday to impose tariffs on Australia.", ("China", "restricted", "Australia")),
])
def test_modality_planned_or_needed_is_no_fact(read, text, fact):
    _, facts = read(text)
    assert fact not in facts and (fact[2], fact[1], fact[0]) not in facts


@pytest.mark.parametrize("text, fact", [
    ("The talks between Japan and China ended without a deal.", ("Japan", "metWith", "China")),
    ("Lula talked with Putin on Monday.", ("Luiz Inacio Lula da Silva", "metWith", "Vladimir Putin")),
    ("The meeting between Orban and Zelensky took place in Kyiv.", ("Viktor Orbán", "metWith", "Volodymyr Zelenskyy")),
    # concluded negotiations are an agreement; hoped-for or negated ones are not (below)
    ("Britain concluded talks with India on a free trade agreement.", ("United Kingdom", "agreedWith", "India")),
    ("The EU and Mercosur concluded negotiations on the trade pact.", ("European Union", "agreedWith", "Mercosur")),
])
def test_modality_what_happened_is_a_fact(read, text, fact):
    _, facts = read(text)
    assert fact in facts or (fact[2], fact[1], fact[0]) in facts
