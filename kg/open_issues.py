"""Issues no list names: the noun phrase a topic relation points at ("the
shadow fleet", "the EU loan to Ukraine", "EV tariffs") read as an issue.

`open_issue(token, ...)` takes the object of a relation whose object may be an
issue (concern about, talks on, support for, opposition to, restrictions on,
discussed) and returns the phrase, its normalised label and key, or None when
the phrase is too vague to be a topic ("the matter") or names an actor.

The label drops determiners, pronouns and whose the thing is ("Sweden's NATO
membership" is "NATO membership", "China's new export rules" is "Export
rules"), so that articles link by it, except where a nationality and one
noun are all there is ("Australian exports": "Exports" alone names nothing);
the phrase as written is kept as another name.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.entities.mentions import DocMentions
from kg.kb import slugify

MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "npadvmod"})
OF_PREPS = frozenset({"of", "to", "on", "against"})
DESCEND_PREPS = frozenset({"of", "over", "about", "on", "regarding", "concerning", "around", "by"})
DROPPED_TAGS = frozenset({"DT", "PRP$", "WDT", "POS", "PDT"})
MAX_WORDS = 7
NOT_TOPICS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "PERSON", "GPE",
                        "LOC", "NORP"})  # when, how much, or someone no one resolved


@dataclass(frozen=True)
class OpenIssue:
    start: int  # the phrase as written, token offsets
    end: int
    key: str
    label: str
    bare: int | None = None  # the head alone, another name, where the label keeps a nationality


def open_issue(token: Token, ents: DocMentions, vague: frozenset[str],
               vague_alone: frozenset[str] = frozenset()) -> OpenIssue | None:
    """The issue the noun phrase headed by `token` names, if it names one;
    a word of `vague_alone` names one only with a modifier ("the pact" does
    not, "the military pact" does)."""
    token = past_vague_heads(token, vague)
    if token is None or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in NOT_TOPICS \
            or ents.actor(token.i) or ents.issue(token.i):
        return None
    words = _phrase(token)
    if words is None:
        inner = _named_in_of(token)  # "the official resetting of Saudi-Iranian diplomatic relations"
        return open_issue(inner, ents, vague, vague_alone) if inner is not None else None
    kept = [t for t in words if (_pair_word(t, ents) or not _belongs_to_someone(t, ents))
            and t.tag_ not in ("JJS", "JJR", "RBS")]
    while kept and kept[0].text in HYPHENS:  # what was joined to it is gone
        kept = kept[1:]
    while kept and kept[0].lemma_.lower() in vague:  # "several exports", "major line of"
        kept = kept[1:]
    bare = None
    if len(kept) == 1 and kept[0].pos_ == "NOUN" and any(t.i in ents.nationalities for t in words):
        bare = kept[0].i
        kept = [t for t in words if t.i in ents.nationalities or t is kept[0]]  # "Australian exports", not "Exports"
    if not kept or kept[0].pos_ == "ADP" or all(t.lemma_.lower() in vague or t.pos_ in ("ADJ", "NUM", "CCONJ") for t in kept):
        return None  # "the matter", "provocative actions", "six officials": nothing specific
    end = words[-1].i + 1
    if len(kept) == 1 and kept[0].lemma_.lower() in vague_alone:
        place = _place_after(kept[0], ents)  # "the crisis in Myanmar": where it is names it
        if place is None or kept[0].i + 1 != place[0].i:
            return None
        kept, end = [kept[0], *place], place[-1].i + 1
    label = "".join(t.text + (t.whitespace_ if n + 1 < len(kept) and kept[n + 1].i == t.i + 1 else " ")
                    for n, t in enumerate(kept)).strip()  # "agri-products" as written
    label = label[0].upper() + label[1:]
    return OpenIssue(words[0].i, end, f"issue/{slugify(label.lower())}", label, bare)


def _place_after(head: Token, ents: DocMentions) -> list[Token] | None:
    """"crisis in Myanmar", "war in Sudan": the preposition "in" and the
    state or place named right after the head, or None."""
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "in"), None)
    place = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    mention = ents.actor(place.i) if place is not None else None
    if mention is None or not mention.key.startswith("country/") or mention.start != prep.i + 1 + \
            sum(1 for t in head.doc[prep.i + 1:mention.start] if t.tag_ == "DT"):
        return None
    return [prep, *head.doc[mention.start:mention.end]]


def past_vague_heads(token: Token, vague: frozenset[str]) -> Token | None:
    """"the challenges posed by migration", "the question of tariffs": the
    topic is what the vague noun is of (a vague noun with nothing after it
    is rejected later, unless its modifiers make it specific)."""
    for _ in range(3):
        if token.lemma_.lower() not in vague and token.lower_ not in vague:
            return token
        inner = _topic_child(token)
        if inner is None:
            return token
        token = inner
    return token


def _topic_child(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in DESCEND_PREPS:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "acl":  # "posed by", "caused by"
            agent = next((g for g in child.children if g.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


def _phrase(head: Token) -> list[Token] | None:
    """The head with its modifiers and a short of-phrase, without the
    determiner: "the EU loan to Ukraine" -> EU loan to Ukraine."""
    doc = head.doc
    start = min((c.left_edge.i for c in head.lefts if c.dep_ in MODIFIER_DEPS), default=head.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in OF_PREPS and child.i == end:
            inner = list(child.subtree)
            if len(inner) <= 4 and not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in inner):
                end = inner[-1].i + 1
            elif child.lower_ == "of" and all(t.pos_ == "ADJ" or t.tag_ in DROPPED_TAGS for t in doc[start:head.i]):
                return None  # "the official resetting of ... relations": the topic is in what it is of
            break
    words = [t for t in doc[start:end] if t.tag_ not in DROPPED_TAGS]
    if not words or len(words) > MAX_WORDS or any(t.is_punct and t.text != "-" for t in words):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in words):
        return None
    return words


HYPHENS = frozenset({"-", "–"})


def _pair_word(token: Token, ents: DocMentions) -> bool:
    """"Saudi-Iranian relations", "the Sino-Indian border": two states joined
    by a hyphen say between whom the thing is, and so are part of its name
    (the hyphen between them too)."""
    doc = token.doc
    if token.text in HYPHENS:
        return 0 < token.i < len(doc) - 1 and _state_of(doc[token.i - 1], ents) is not None \
            and _state_of(doc[token.i + 1], ents) not in (None, _state_of(doc[token.i - 1], ents))
    own = _state_of(token, ents)
    for side in (-1, 1):
        other = token.i + 2 * side
        if own is not None and 0 <= other < len(doc) and doc[token.i + side].text in HYPHENS \
                and _state_of(doc[other], ents) not in (None, own):
            return True
    return False


def _state_of(token: Token, ents: DocMentions) -> str | None:
    if token.i in ents.nationalities:
        return ents.nationalities[token.i]
    mention = ents.actor(token.i)
    return mention.key if mention is not None else None


def _named_in_of(head: Token) -> Token | None:
    """The noun of a long of-phrase right after a head with no modifier of
    its own but adjectives, which `_phrase` leaves to be read for it."""
    start = min((c.left_edge.i for c in head.lefts if c.dep_ in MODIFIER_DEPS), default=head.i)
    prep = next((c for c in head.rights if c.dep_ == "prep"), None)
    if prep is None or prep.lower_ != "of" or prep.i != head.i + 1 \
            or not all(t.pos_ == "ADJ" or t.tag_ in DROPPED_TAGS for t in head.doc[start:head.i]):
        return None
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def _belongs_to_someone(token: Token, ents: DocMentions) -> bool:
    """Whose a thing is is not part of its name: "Sweden's", "Chinese"
    (but "NATO membership", "EU loan" keep the body that names them)."""
    if token.i in ents.nationalities:
        return True
    mention = ents.actor(token.i)
    return mention is not None and token.doc[mention.start:mention.end].root.dep_ == "poss"
