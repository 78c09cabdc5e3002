"""The sides of a war, where the sentence names the war rather than its
sides: "Beijing urged the warring parties to talk", "Xi appealed to all
parties in the war", "the UN called on the belligerents".

The pattern reader takes such an object as a placeholder (`placeholder`);
`resolve_wars` then gives each placeholder fact to the sides of the war the
article reported last, in that sentence or before it ("Russia invaded
Ukraine ... China urged the warring sides": Russia and Ukraine). A person
who fights is read as the state they act for. With no war reported before,
the fact is dropped.

The words are data in ../ontology/patterns/relations.yaml: `war_sides`
(the heads: parties, sides, nations), `warring_words` (the modifiers that
make them a war's: warring, belligerent) and `war_nouns` ("all parties to
the conflict").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.entities import Mention
from kg.model import Fact
from kg.tokens import sentence_numbers

PREFIX = "war/"
DISCOUNT = 0.85  # the sides are inferred from the article, not named in the sentence


@dataclass(frozen=True)
class WarWords:
    sides: frozenset[str] = frozenset()  # parties, sides, nations
    warring: frozenset[str] = frozenset()  # warring, belligerent
    wars: frozenset[str] = frozenset()  # war, conflict


def names_war_sides(token: Token, words: WarWords) -> bool:
    """"the warring parties", "all sides in the conflict", "the belligerents"."""
    lemma = token.lemma_.lower()
    if lemma not in words.sides and token.lower_ not in words.sides:
        return False
    if lemma in words.warring or token.lower_ in words.warring:  # "the belligerents"
        return any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "both", "all") for c in token.children)
    for c in token.children:
        if c.dep_ in ("amod", "compound") and (c.lemma_.lower() in words.warring or c.lower_ in words.warring):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "of", "involved"):
            if any(g.dep_ == "pobj" and g.lemma_.lower() in words.wars
                   and any(d.dep_ in ("det", "poss") for d in g.children) for g in c.children):
                return True
    return False


def placeholder(token: Token) -> Mention:
    return Mention(token.i, token.i + 1, f"{PREFIX}{token.i}", token.text, "war")


def is_placeholder(key: str) -> bool:
    return key.startswith(PREFIX)


def resolve_wars(doc: Doc, facts: list[Fact], states: dict[str, str]) -> list[Fact]:
    """Facts with a war placeholder as object, given to the sides of the war
    last reported in their sentence or before it."""
    if not any(is_placeholder(f.obj) for f in facts):
        return facts
    sents = list(doc.sents)
    sentence_of = sentence_numbers(sents)
    token_sentence = {sent.start: n for n, sent in enumerate(sents)}
    sides: dict[int, set[str]] = {}
    for f in facts:
        if f.relation == "attacked" and f.evidence in sentence_of:
            sides.setdefault(sentence_of[f.evidence], set()).update(
                states.get(k, k) for k in (f.subject, f.obj))
    kept = [f for f in facts if not is_placeholder(f.obj)]
    for f in facts:
        if not is_placeholder(f.obj):
            continue
        here = token_sentence[doc[int(f.obj[len(PREFIX):])].sent.start]
        war = max((n for n in sides if n <= here), default=None)
        if war is None:
            continue
        own = {f.subject, states.get(f.subject, f.subject)}
        kept += [Fact(f.subject, f.relation, side, f.evidence, round(f.confidence * DISCOUNT, 2))
                 for side in sorted(sides[war] - own)]
    return kept
