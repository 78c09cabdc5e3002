"""Criticism by judgement: a speaker who calls what an actor did wrong
criticises that actor, though no verb of criticism is used.

    Vietnam said China's actions were a violation of international law.
    The spokesperson said the US approach was unacceptable.
    Manila labelled Beijing's conduct provocative.
    The envoy called Ukraine a neo-Nazi state; the office described Tsai as a separatist.
    Kenya's foreign minister said Uganda's move violates the treaty.

A condemning word (`condemning_words` in the pattern file: "violation",
"unacceptable", "provocative", "violate"...) is the predicate of a clause whose
subject is an actor or a thing of an actor ("China's actions", "the US
approach", "Russian troops"); the speaker is the subject of the reporting
verb the clause depends on, the speaker of the quotation it stands in, or
the subject of a verb that judges its object ("labelled X provocative").
Negated and hypothetical predicates ("is not illegal", "would be a mistake")
judge nothing.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Token

from kg.entities import DocMentions, Mention, kind_of
from kg.entities.speakers import speaker_of
from kg.model import Fact
from kg.tokens import child, evidence_of, objects_of, word_in
from kg.vocab import ACTORS

CONFIDENCE = 0.7
APPROVING_VERBS = frozenset({"welcome", "support", "back", "praise", "hail", "endorse", "applaud", "commend"})
PREDICATE_DEPS = frozenset({"acomp", "attr", "dobj", "oprd"})  # "is unacceptable", "is a violation", "represents a violation"


def judged_facts(doc: Doc, ents: DocMentions, words: frozenset[str], judging_verbs: frozenset[str],
                 reporting_verbs: frozenset[str], modals: frozenset[str]) -> Iterator[Fact]:
    """criticized facts read from condemning predicates."""
    for token in doc:
        if token.lemma_.lower() not in words or token.pos_ not in ("NOUN", "ADJ", "VERB", "PROPN"):
            continue
        verb, judged = _clause(token, judging_verbs)
        judge = None
        if verb is None:  # "China opposes the EU's unfair practices": the subject judges them
            verb, judged = _judged_object(token)
            if verb is not None and judged.dep_ == "dobj":
                judge = _actor_of(child(verb, ("nsubj",)), ents)
                if judge is None or judge.via == "pronoun":
                    continue
        if verb is None or judged is None or _negated_or_hypothetical(token, verb, modals):
            continue
        owner = _owner(judged, ents)
        speaker = judge or _speaker(doc, verb, ents, judging_verbs, reporting_verbs)
        if owner is None or speaker is None or owner.key == speaker.key \
                or ents.states.get(speaker.key) == owner.key:
            continue
        yield Fact(speaker.key, "criticized", owner.key, evidence_of(token), CONFIDENCE)


def _clause(token: Token, judging_verbs: frozenset[str]) -> tuple[Token | None, Token | None]:
    """The verb of the judging clause and what it judges."""
    if token.dep_ == "amod" and token.head.dep_ in ("oprd", "attr", "pobj") and token.i < token.head.i:
        token = token.head  # "called Ukraine a neo-Nazi state": the label is the predicate
    prep = token.head
    if token.dep_ in ("amod", "acomp") and prep.lower_ == "as" and prep.dep_ == "prep" \
            and word_in(prep.head, judging_verbs):
        return prep.head, child(prep.head, ("dobj",))  # "rejected the claims as absurd"
    if token.dep_ == "pobj" and prep.lower_ == "as" and word_in(prep.head, judging_verbs):
        return prep.head, child(prep.head, ("dobj",))  # "described Tsai as a separatist"
    if token.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lemma_ == "amount":
        return prep.head, child(prep.head, ("nsubj",))  # "X's actions amount to genocide"
    for _ in range(2):  # "is typical of hegemony", "is an act of aggression": the predicate holds the word
        prep = token.head
        if token.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.dep_ in PREDICATE_DEPS:
            token = prep.head
    if token.pos_ == "VERB":
        subject = child(token, ("nsubj",))
        if subject is None and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            subject = child(token.head, ("nsubj",))  # "said X had ignored it and interfered in": X
        return token, subject
    noun = token.head
    if token.dep_ == "amod" and token.i > noun.i and noun.dep_ == "dobj" and word_in(noun.head, judging_verbs):
        return noun.head, noun  # "labelled X's conduct unacceptable", read as a modifier after the noun
    if token.dep_ not in PREDICATE_DEPS:
        return None, None
    verb = token.head
    if token.dep_ == "oprd" and word_in(verb, judging_verbs):  # "labelled Beijing's conduct provocative"
        return verb, child(verb, ("dobj",))
    first = child(verb, ("dobj",))
    if token.dep_ == "dobj" and word_in(verb, judging_verbs) and first is not None and first.i < token.left_edge.i - 1:
        return verb, first  # 'calling Ukraine "neo-Nazi"': the label read as a second object
    if token.dep_ == "dobj" and verb.lemma_ not in ("represent", "constitute", "amount", "make", "commit"):
        return None, None
    return verb, child(verb, ("nsubj",))


def _judged_object(token: Token) -> tuple[Token | None, Token | None]:
    """"opposes the EU's unfair practices", "detailed the genocidal acts by
    Israel": a condemning adjective on what a verb acts on, whose owner is named."""
    noun = token.head
    if token.dep_ == "pobj" and noun.lower_ == "of" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "Russia's war of aggression"
    elif token.dep_ != "amod" or token.pos_ != "ADJ" or token.i > noun.i:
        return None, None
    if noun.dep_ not in ("dobj", "nsubj") or noun.head.pos_ not in ("VERB", "AUX") \
            or noun.head.lemma_.lower() in APPROVING_VERBS:
        return None, None
    return noun.head, noun


def _negated_or_hypothetical(token: Token, verb: Token, modals: frozenset[str]) -> bool:
    for tok in (token, verb):
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in modals) or \
                    (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")):
                return True
    return False


def _owner(judged: Token, ents: DocMentions) -> Mention | None:
    """The actor judged: the subject itself, or whose it is ("China's
    actions", "the US approach", "the Russian decision")."""
    own = ents.actor(judged.i)
    if own is not None:
        return own if _acts(own, ents) else None
    for c in judged.children:
        if c.i > judged.i or c.dep_ not in ("poss", "compound", "amod", "nmod"):
            continue
        if c.i in ents.nationalities:
            return Mention(c.i, c.i + 1, ents.nationalities[c.i], c.text, "nationality")
        mention = ents.actor(c.i)
        if mention is not None and _acts(mention, ents):
            return mention
    for tok in (t for c in judged.children if c.dep_ == "prep" and c.lower_ == "by" for t in objects_of(c)):
        mention = ents.actor(tok.i)  # "the genocidal acts by Israel"
        if mention is not None and _acts(mention, ents):
            return mention
    return None


def _acts(mention: Mention, ents: DocMentions) -> bool:
    return mention.via != "pronoun" and kind_of(mention.key) in ACTORS and not ents.read_as_issue(mention)


def _speaker(doc: Doc, verb: Token, ents: DocMentions, judging_verbs: frozenset[str],
             reporting_verbs: frozenset[str]) -> Mention | None:
    """Who judges: the subject of a judging verb, of the reporting verb the
    clause depends on, or the speaker of the quotation it stands in."""
    if word_in(verb, judging_verbs):
        subject = child(verb, ("nsubj",))
        if subject is None and verb.dep_ == "acl" and verb.head.dep_ == "dobj":
            subject = child(verb.head.head, ("nsubj",))  # "issued a statement describing X as"
        return _actor_of(subject, ents)
    for c in verb.children:  # "The move is illegal, the ministry said"
        if c.dep_ in ("parataxis", "ccomp") and c.i > verb.i and word_in(c, reporting_verbs):
            return _actor_of(child(c, ("nsubj",)), ents)
    token = verb
    for _ in range(3):
        if token.dep_ not in ("ccomp", "conj", "parataxis") or token.head.i == token.i:
            break
        token = token.head
        if word_in(token, reporting_verbs):
            return _actor_of(child(token, ("nsubj",)), ents)
    key = speaker_of(doc, verb)
    return Mention(verb.i, verb.i + 1, key, verb.text, "speaker") if key else None


def _actor_of(token: Token | None, ents: DocMentions) -> Mention | None:
    mention = ents.actor(token.i) if token is not None else None
    if mention is None and token is not None:  # "its envoy, Vasily Nebenzya, called"
        mention = next((m for c in token.children if c.dep_ == "appos" and (m := ents.actor(c.i)) is not None), None)
    return mention if mention is not None and kind_of(mention.key) in ACTORS else None
