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
