"""Small readings of single tokens that several stages share."""
from __future__ import annotations

from spacy.tokens import Token


def word_in(token: Token, words: frozenset[str]) -> bool:
    """Lemma or inflected form: the small model lemmatises "hoped" as "hop"."""
    lower = token.lower_
    stems = (lower, lower[:-1], lower[:-2], lower[:-3]) if lower.endswith(("d", "s", "ing")) else (lower,)
    return token.lemma_.lower() in words or any(s in words for s in stems)


def child(token: Token, deps: tuple[str, ...]) -> Token | None:
    """The first child with one of these dependency labels."""
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None
