"""Readings of constructions the small model misparses, in the shape of the
matcher's own matches so that the linker reads them like any other.

The parser of en_core_web_sm loses objects in long sentences: "China accused
Australia, the U.K. and the U.S. of threatening peace ... after leaders ...
unveiled" hangs "Australia" on "unveiled". A trigger verb with no object of
its own, followed at once by an actor's name, takes that name.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Doc, Token

from kg.entities import DocMentions

if TYPE_CHECKING:
    from kg.relations import Pattern


def direct_object_verbs(patterns: tuple[Pattern, ...]) -> dict[str, tuple[int, ...]]:
    """Lemma -> the patterns that read a verb's plain direct object."""
    found: dict[str, tuple[int, ...]] = {}
    for index, p in enumerate(patterns):
        if p.takes_direct_object and p.pos == "VERB" and not (p.requires or p.subject or p.obj[0].lemmas):
            for lemma in p.lemmas:
                found[lemma] = found.get(lemma, ()) + (index,)
    return found


def unattached_objects(doc: Doc, ents: DocMentions,
                       verbs: dict[str, tuple[int, ...]]) -> Iterator[tuple[int, list[int]]]:
    """"China accused Australia, the U.K. and the U.S. of ...": in a long
    sentence the parser may hang the object on a later verb. A trigger verb
    of a direct-object pattern that has no object, followed at once by an
    actor's name, takes that name as its object: (pattern index, [trigger,
    object]) as the matcher gives them. `verbs` is `direct_object_verbs`."""
    for tok in doc:
        indices = verbs.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if not indices or any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            continue
        after = _after_place(tok) + 1
        after += after < len(doc) and doc[after].lower_ == "the"
        mention = ents.actor(after) if after < tok.sent.end else None
        if mention is not None and mention.start == after and mention.via != "pronoun" \
                and doc[mention.end - 1].dep_ != "dobj" and not _subject_of_next_verb(doc[mention.end - 1]):
            for index in indices:
                yield index, [tok.i, _named_body(doc[mention.end - 1])]


def _after_place(verb: Token) -> int:
    """"received at the palace the US delegation": the object may come after
    a short phrase of place or time of the verb; the last token before it."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.dep_ == "prep" and nxt.head == verb and nxt.lower_ in ("at", "in", "on") \
            and nxt.right_edge.i - nxt.i <= 5:
        return nxt.right_edge.i
    return verb.i


def _named_body(token: Token) -> int:
    """"the US delegation headed by Blinken": the noun a name before it
    qualifies, whose own phrase may say who it is."""
    head = token.head
    if token.dep_ == "compound" and head.pos_ == "NOUN" and head.i == token.i + 1:
        return head.i
    return token.i


def _subject_of_next_verb(token: Token) -> bool:
    """"We support Russia and Ukraine moving towards talks": the names are
    the subject of the verb right after them, and that clause is the object."""
    last = max((token, *token.conjuncts), key=lambda t: t.i)
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.i == last.i + 1
