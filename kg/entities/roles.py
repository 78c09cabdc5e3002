"""Component `kg_titles`: the titles and allegiances written beside names.

Reads ``doc.spans["kg_mentions"]`` (the people named) and ``doc.ents``.
Writes ``doc._.kg_roles``: a ``RoleMention`` for each title before a name
("Chinese President Xi Jinping", "State Department spokesperson Matthew
Miller") and each apposition after one ("Wang Yi, China's foreign minister,").
A second name joined to a first ("Philippine counterparts Enrique Manalo and
Gilberto Teodoro") shares its state, not its title.
"""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.entities.mentions import (ENTITIES_EXT, ROLES_EXT, VIA_NAME, actors_by_token, kind_of,
                                  KnowledgeComponent, Mention, register_extensions, RoleMention,
                                  title_actor_key)
from kg.kb import KnowledgeBase
from kg.titles import POSSESSIVE, TitleReading, read_title

BEFORE_CONFIDENCE = 0.9
APPOSITION_CONFIDENCE = 0.85
SHARED_STATE_CONFIDENCE = 0.75
KNOWN_STATE = 0.9  # the state of an office comes from the knowledge base, not the text
MAX_TITLE_WORDS = 8
MAX_LONG_TITLE = 12  # tokens of the longest title with "for", "and" in it
COUNTERPART_CONFIDENCE = 0.7  # the office is the other side's, read across the sentence


class TitleReader(KnowledgeComponent):
    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        mentions, actor_at = actors_by_token(doc)
        actor_key = title_actor_key(doc, mentions, actor_at, self.kb)

        roles: list[RoleMention] = []
        prefixed: dict[int, str] = {}  # a name's root token -> the state its title named
        def person_at(i: int) -> bool:
            return actor_at[i] >= 0 and kind_of(mentions[actor_at[i]].key) == "Person"

        counterparts: list[tuple[Mention, Token]] = []
        for m in mentions:
            if m.via == VIA_NAME and kind_of(m.key) == "Person":
                roles.extend(self._roles_of(doc[m.start:m.end], m, actor_key, prefixed, person_at, counterparts))
        roles.extend(counterpart_roles(roles, counterparts, lambda t: mentions[actor_at[t.i]].key
                                       if person_at(t.i) else None, self.kb))
        entities = doc._.get(ENTITIES_EXT)
        for role in roles:  # the bodies acted for are entities of this article
            if role.body and role.body not in entities:
                entities[role.body] = self.kb.entity(role.body)
        doc._.set(ROLES_EXT, roles)
        return doc

    def _roles_of(self, ent: Span, m: Mention, actor_key, prefixed: dict[int, str],
                  person_at, counterparts: list[tuple[Mention, Token]]) -> Iterator[RoleMention]:
        read = False
        for words, confidence in [*title_phrases(ent, person_at), *self._long_title_before(ent, person_at)]:
            word = next((w for w in words if w.lower_ == "counterpart"), None)  # not "counterparts": which is whose?
            if word is not None:
                counterparts.append((m, word))
            reading = read_title(words, self.kb, actor_key)
            if reading:
                read = True
                yield from role_mentions(m.key, reading, ent.root.i, confidence, self.kb)
                if reading.country and reading.acts_for_state:
                    prefixed[ent.root.i] = reading.country
        if not read and ent.root.dep_ == "conj":
            state = prefixed.get(ent.root.head.i)
            entry = self.kb.entries.get(m.key)
            if state and not (entry and entry.country and entry.country != state):
                yield RoleMention(m.key, None, state, state, ent.root.i, SHARED_STATE_CONFIDENCE)


    def _long_title_before(self, ent: Span, person_at) -> Iterator[tuple[list[Token], float]]:
        """A known title with words that end other titles ("High Representative
        for Foreign Affairs and Security Policy Josep Borrell"), with the state
        or body named before it."""
        doc = ent.doc  # the parser may end a sentence inside such a title: it is read across
        for size in range(min(MAX_LONG_TITLE, ent.start), 2, -1):
            start = ent.start - size
            words = doc[start:ent.start]
            if " ".join(t.lower_ for t in words) in self.kb.role_by_variant \
                    and not any(t.is_punct for t in words) and any(not _title_word(t) for t in words):
                while start > 0 and _title_word(doc[start - 1]) and not person_at(start - 1):
                    start -= 1
                yield list(doc[start:ent.start]), BEFORE_CONFIDENCE
                return


@Language.factory("kg_titles", requires=["doc.spans"], assigns=["doc._.kg_roles"])
def make_title_reader(nlp: Language, name: str) -> TitleReader:
    return TitleReader()


def counterpart_roles(roles: list[RoleMention], counterparts: list[tuple[Mention, Token]],
                      person_key, kb: KnowledgeBase) -> Iterator[RoleMention]:
    """"Iran's foreign minister X met his Saudi counterpart Y": Y holds the
    office of whom the clause is about, its subject, where a title of theirs
    was read; where the subject names no one else ("she met her counterpart
    Y", "His counterpart Y said"), of the titled person named last before. States name one office differently (a British foreign
    secretary's counterpart is a foreign minister), so a known person takes
    the title only where the knowledge base gives it to them too.
    `person_key(token)` is the person a token names, or None."""
    for m, word in counterparts:
        subject = _clause_subject(word)
        other = person_key(subject) if subject is not None else None
        if other == m.key or other is None and (subject is None or subject.pos_ in ("PRON", "NOUN")):
            # "she met her counterpart", "the minister met his counterpart", "His counterpart X confirmed"
            before = [r for r in roles if r.title and r.person != m.key and r.token < m.start]
            other = before[-1].person if before else None  # whose the counterpart is: the last titled person
        titles = [r.title for r in roles if r.person == other and r.title and r.token < m.start]
        entry = kb.entries.get(m.key)
        if not other or other == m.key or not titles or any(r.person == m.key and r.title for r in roles) \
                or entry and entry.positions and titles[-1] not in entry.positions:
            continue
        yield RoleMention(m.key, titles[-1], None, None, m.start, COUNTERPART_CONFIDENCE)


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause a word stands in, through coordinated and
    subordinate verbs that share it."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ not in ("conj", "advcl", "xcomp"):
            return subject
        verb = verb.head
    return None


def role_mentions(person: str, reading: TitleReading, token: int, confidence: float,
                  kb: KnowledgeBase) -> Iterator[RoleMention]:
    """What a title says of a person: the office, and whom they act for."""
    if reading.title and not reading.acts_for_state:
        yield RoleMention(person, reading.title, None, None, token, confidence)
        return
    if not reading.acts_for_state:
        return
    body = reading.org or reading.country
    entry = kb.entries.get(person)
    if reading.title and not body and entry and (entry.org or entry.country):
        # "President Joe Biden", "spokesperson Wang Wenbin": an office whose state
        # or body the knowledge base knows
        yield RoleMention(person, reading.title, None, entry.country, token, confidence)
        yield RoleMention(person, None, entry.org or entry.country, entry.country, token,
                          round(confidence * KNOWN_STATE, 2))
    elif reading.title or body:
        yield RoleMention(person, reading.title, body, reading.country, token, confidence)


def title_phrases(ent: Span, person_at) -> Iterator[tuple[list[Token], float]]:
    """The words before a name ("Chinese President") and an apposition after
    it ("Wang Yi, China's foreign minister,"); `person_at(i)` says whether
    token i names a person (where the words before stop)."""
    doc = ent.doc
    before: list[Token] = []
    i = ent.start - 1
    while i >= 0 and len(before) < MAX_TITLE_WORDS:  # not ent.sent.start: the parser may split inside a title
        tok = doc[i]
        if not _title_word(tok) or person_at(i):
            break
        before.insert(0, tok)
        i -= 1
    if before:
        yield before, BEFORE_CONFIDENCE
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.i < ent.start and head.pos_ in ("NOUN", "PROPN") and \
            ent.start > 0 and doc[ent.start - 1].text == ",":  # "Nigeria's President, Bola Tinubu,"
        words = [t for t in head.subtree if t.i < ent.start and not t.is_punct and t.dep_ != "appos"]
        if 0 < len(words) <= MAX_TITLE_WORDS + 4:
            yield words, APPOSITION_CONFIDENCE
    end = ent.end
    if end + 1 < ent.sent.end and doc[end].text == ",":
        after = []
        for tok in doc[end + 1:min(ent.sent.end, end + 9)]:
            if tok.is_punct and tok.tag_ != "HYPH" or tok.pos_ in ("VERB", "AUX", "ADP") and tok.lower_ != "of":
                break
            after.append(tok)
        if any(t.dep_ == "appos" and t.head.i in range(ent.start, ent.end) for t in after):
            yield after, APPOSITION_CONFIDENCE


def _title_word(tok: Token) -> bool:
    if tok.text in POSSESSIVE or tok.text == "-":
        return True
    if tok.is_punct or tok.like_num:
        return False
    if tok.pos_ == "ADP":
        return tok.lower_ == "of"
    return tok.pos_ in ("PROPN", "NOUN", "ADJ")
