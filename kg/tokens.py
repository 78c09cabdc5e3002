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


def positions_of(doc, words: frozenset[str]) -> list[int]:
    """Positions of the tokens whose lower-case form is one of `words`, found
    on the Doc's arrays: making a Token object for every token costs more
    than the resolution that needs a few."""
    import numpy as np
    from spacy.attrs import LOWER
    from spacy.strings import get_string_id

    if not len(doc) or not words:
        return []
    ids = np.fromiter((get_string_id(w) for w in words), dtype=np.uint64, count=len(words))
    column = doc.to_array([LOWER]).astype(np.uint64).ravel()
    return np.nonzero(np.isin(column, ids))[0].tolist()
