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
]


@pytest.mark.parametrize("text,fact", NOT_FACTS)
def test_not_fact(read, text, fact):
    _, facts = read(text)
    assert fact not in facts and (fact[2], fact[1], fact[0]) not in facts, sorted(facts)
