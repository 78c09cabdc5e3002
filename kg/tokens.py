"""Small readings of single tokens that several stages share."""
from __future__ import annotations

from typing import Iterable

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
    """Positions of the tokens whose lower-case form is one of `words`."""
    from spacy.attrs import LOWER

    return positions_with(doc, {LOWER: words})


def positions_with(doc, wanted: dict[int, Iterable[str]]) -> list[int]:
    """Positions of the tokens whose every attribute given (a spaCy attribute
    id: LOWER, DEP, POS, TAG) takes one of its strings, found on the Doc's
    arrays: making a Token object for every token costs more than the
    readings that need a few."""
    import numpy as np
    from spacy.strings import get_string_id

    columns = {attr: [get_string_id(s) for s in strings] for attr, strings in wanted.items()}
    if not len(doc) or not all(columns.values()):
        return []
    table = doc.to_array(list(columns)).astype(np.uint64).reshape(len(doc), len(columns))
    keep = np.ones(len(doc), dtype=bool)
    for n, ids in enumerate(columns.values()):
        keep &= np.isin(table[:, n], np.array(ids, dtype=np.uint64))
    return np.nonzero(keep)[0].tolist()


def objects_of(prep: Token) -> list[Token]:
    """The objects of a preposition with their conjuncts: "with Japan and Korea"."""
    return [t for p in prep.children if p.dep_ == "pobj" for t in (p, *p.conjuncts)]
