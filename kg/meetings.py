"""What a meeting was about, when the sentence names the meeting rather than
who met: "The talks covered trade and migration", "The meeting focused on
border security", "They reviewed the ceasefire efforts".

The linker reads such a subject as a placeholder for the meeting's sides
(`placeholder`); `resolve_meetings` then gives each placeholder fact to the
sides of the meeting the article reported last: in the same sentence ("talks
between A and B covered X") or a few sentences before ("A met B on Monday.
The talks covered X."). A pronoun reaches back one sentence only, since
"they" may be anyone; with no meeting close enough, the fact is dropped.
It reaches further back ("A received B. ... They also addressed X") only
where no sentence in between names another group that "they" could be.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.entities import DocMentions, Mention
from kg.model import Fact
from kg.tokens import sentence_numbers

PREFIX = "meeting/"
NOUN_LOOKBACK = 4  # sentences before the topic sentence where "the talks" may have been reported
PRONOUN_LOOKBACK = 1
PRONOUN_REACH = 8  # sentences a "they" reaches back when no other group is named in between
SUBJECT_DEPS = ("nsubj", "nsubjpass")
DISCOUNT = 0.85  # the sides are inferred from the article, not named in the sentence


def placeholder(token: Token) -> Mention:
    """A subject that stands for the sides of a meeting ("the talks", "they")."""
    kind = "pronoun" if token.pos_ == "PRON" else "noun"
    return Mention(token.i, token.i + 1, f"{PREFIX}{kind}/{token.i}", token.text, "meeting")


def is_placeholder(key: str) -> bool:
    return key.startswith(PREFIX)


def resolve_meetings(doc: Doc, facts: list[Fact], ents: DocMentions | None = None,
                     meeting_nouns: frozenset[str] = frozenset()) -> list[Fact]:
    """Facts with a meeting placeholder as subject, given to the meeting's sides."""
    if not any(is_placeholder(f.subject) for f in facts):
        return facts
    sents = list(doc.sents)  # one pass: doc.sents is computed anew at each call
    sentence_of = sentence_numbers(sents)
    sides: dict[int, set[str]] = {}
    for f in facts:
        if f.relation == "metWith" and f.evidence in sentence_of:
            sides.setdefault(sentence_of[f.evidence], set()).update((f.subject, f.obj))
    token_sentence = {sent.start: n for n, sent in enumerate(sents)}
    kept = [f for f in facts if not is_placeholder(f.subject)]
    for f in facts:
        if is_placeholder(f.subject):
            kept += _given_to_sides(f, doc, token_sentence, sides) or \
                _given_to_far_sides(f, doc, sents, token_sentence, sides, ents, meeting_nouns)
    return kept


def _given_to_sides(fact: Fact, doc: Doc, token_sentence: dict[int, int], sides: dict[int, set[str]]) -> list[Fact]:
    _, kind, index = fact.subject.split("/")
    here = token_sentence[doc[int(index)].sent.start]
    lookback = PRONOUN_LOOKBACK if kind == "pronoun" else NOUN_LOOKBACK
    for n in range(here, max(-1, here - lookback - 1), -1):
        if n in sides:
            confidence = round(fact.confidence * DISCOUNT, 2)
            return [Fact(side, fact.relation, fact.obj, fact.evidence, confidence)
                    for side in sorted(sides[n]) if side != fact.obj]
    return []


def _given_to_far_sides(fact: Fact, doc: Doc, sents: list, token_sentence: dict[int, int],
                        sides: dict[int, set[str]], ents: DocMentions | None,
                        meeting_nouns: frozenset[str]) -> list[Fact]:
    """"The president received the delegation headed by Blinken. ... They also
    addressed migration": a "they" further back than PRONOUN_LOOKBACK is the
    last meeting's sides when no sentence since names another group."""
    _, kind, index = fact.subject.split("/")
    if kind != "pronoun" or ents is None:
        return []
    pronoun = doc[int(index)]
    here = token_sentence[pronoun.sent.start]
    for n in range(here - PRONOUN_LOOKBACK - 1, max(-1, here - PRONOUN_REACH - 1), -1):
        if n in sides:
            allowed = sides[n] | {ents.states[k] for k in sides[n] if k in ents.states}
            between = [t for s in sents[n + 1:here] for t in s] + list(doc[pronoun.sent.start:pronoun.i])
            if any(_other_group(t, allowed, ents, meeting_nouns) for t in between):
                return []
            confidence = round(fact.confidence * DISCOUNT * DISCOUNT, 2)
            return [Fact(side, fact.relation, fact.obj, fact.evidence, confidence)
                    for side in sorted(sides[n]) if side != fact.obj]
    return []


def _other_group(token: Token, allowed: set[str], ents: DocMentions, meeting_nouns: frozenset[str]) -> bool:
    """A subject that names a group other than the meeting's sides (or the
    states they act for): actors named together, "the two sides" of another
    pair, a plural such as "the Houthis" or "Arab leaders"."""
    if token.dep_ not in SUBJECT_DEPS:
        return False
    keys = set(ents.pairs.get(token.i, ()))
    for t in (token, *token.conjuncts):
        mention = ents.actor(t.i)
        if mention is not None and mention.via != "pronoun":
            keys.add(mention.key)
    plural = token.tag_ in ("NNS", "NNPS")
    if not keys:
        return plural and token.lemma_.lower() not in meeting_nouns and token.lower_ not in meeting_nouns
    return bool(keys - allowed) and (len(keys) > 1 or plural)
