"""Small readings of single tokens that several stages share."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from spacy.tokens import Token


def word_in(token: Token, words: frozenset[str]) -> bool:
    """Lemma or inflected form: the small model lemmatises "hoped" as "hop"."""
    lower = token.lower_
    stems = (lower, lower[:-1], lower[:-2], lower[:-3]) if lower.endswith(("d", "s", "ing")) else (lower,)
    return token.lemma_.lower() in words or any(s in words for s in stems)


def evidence_of(token: Token) -> str:
    """The sentence a token stands in, as evidence."""
    return _evidence(token.sent)


def sentence_numbers(sents: list) -> dict[str, int]:
    """Each sentence's evidence text -> its number: how a stage finds the
    sentence a fact was read from."""
    return {_evidence(sent): n for n, sent in enumerate(sents)}


def _evidence(sent) -> str:
    """A sentence's text as evidence (not sliced from `doc.text`, which joins
    every token of the Doc at each call)."""
    return sent.text.strip()


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
    readings that need a few (and numpy's set operations cost more than a
    plain scan of a sentence-sized column)."""
    sets = [_string_ids(strings if isinstance(strings, (frozenset, tuple)) else tuple(strings))
            for strings in wanted.values()]
    if not len(doc) or not all(sets):
        return []
    if len(sets) == 1:
        ids = sets[0]
        return [i for i, value in enumerate(doc.to_array(next(iter(wanted))).tolist()) if value in ids]
    rows = doc.to_array(list(wanted)).tolist()
    if len(sets) == 2:
        first, second = sets
        return [i for i, (a, b) in enumerate(rows) if a in first and b in second]
    return [i for i, row in enumerate(rows) if all(value in ids for value, ids in zip(row, sets))]


@lru_cache(maxsize=256)
def _string_ids(strings: Iterable[str]) -> frozenset[int]:
    """The StringStore hashes of `strings` (pure: a hash depends on the string alone)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(s) for s in strings)


def objects_of(prep: Token) -> list[Token]:
    """The objects of a preposition with their conjuncts: "with Japan and Korea"."""
    return [t for p in prep.children if p.dep_ == "pobj" for t in (p, *p.conjuncts)]
