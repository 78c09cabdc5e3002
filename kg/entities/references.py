"""Component `kg_references`: what refers back without naming, in reading order.

Reads ``doc.spans["kg_mentions"]`` (the names) and ``doc._.kg_roles``.
Writes more ``kg_mentions`` (descriptions: "the top US diplomat", "the
island"; pronouns), ``doc.spans["kg_pairs"]`` ("the two sides": the last two
actors named together, else the two countries named most; "the two leaders":
the last two people of different states), ``doc.spans["kg_nationalities"]``
("the Chinese action") and titles that descriptions carry (``kg_roles``).

"He" and "she" are the last person named as a subject, else the last person
named; "its" is the state or body that is the subject of its clause ("the US
extended its ban"), else the last one named.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.entities.mentions import (ENTITIES_EXT, NATIONALITIES, PAIRS, ROLES_EXT, VIA_DESCRIPTION, VIA_NAME,
                                  VIA_PRONOUN, actors_by_token, add_mention, kind_of, KnowledgeComponent,
                                  Mention, title_actor_key)
from kg.entities.roles import role_mentions
from kg.titles import POSSESSIVE, TitleReading, read_title
from kg.tokens import positions_of, word_in

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
THING_PRONOUNS = frozenset({"its"})  # a subject "it" is too often "it is necessary"...
REPORTED_PRONOUNS = frozenset({"he", "she", "it", "they"})  # ...but not in "Egypt said it would"
ALL_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | REPORTED_PRONOUNS
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_PRONOUNS = frozenset({"him", "her"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
DESCRIPTION_CONFIDENCE = 0.7
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "ORG"})  # "US export curbs": a name, not a nationality word
# "talks hosted by Saudi Arabia and the United States": the hosts are not "the two sides"
# Verbs whose reported clause, like a reporting verb's, has its subject as
# "it" or "they": "X and China announced they had signed it".
ANNOUNCING_VERBS = frozenset({"announce", "confirm", "reveal", "disclose"})
HOSTING_VERBS = frozenset({"host", "mediate", "broker", "facilitate", "sponsor", "organize", "organise", "chair",
                           "convene", "attend", "observe"})


@dataclass
class _Reading:
    """Who was last named, as a reader keeps it in mind (one article only)."""

    person: str | None = None
    subject_person: str | None = None
    subject_people: list[str] = field(default_factory=list)  # every person named as a subject, in order
    thing: str | None = None  # a state or body
    pair: tuple[str, str] | None = None  # the last two actors named together
    subject_pair: tuple[tuple[str, str], int] | None = None  # the last two that were a subject, and where
    recent: dict[str, int] = field(default_factory=dict)  # key -> when last named
    people_states: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # country -> mentions so far
    described: dict[int, str] = field(default_factory=dict)  # token -> whom a description there refers to

    def saw(self, doc: Doc, m: Mention) -> None:
        kind = kind_of(m.key)
        self.recent.pop(m.key, None)
        self.recent[m.key] = m.start
        state = self.people_states.get(m.key) if kind == "Person" else m.key
        if state and state.startswith("country/"):
            self.counts[state] = self.counts.get(state, 0) + 1
        if kind == "Person" and m.via == VIA_NAME:
            self.person = m.key
            root = doc[m.start:m.end].root
            if root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS):
                self.subject_person = m.key  # also "the deputy envoy, Dai Wen, said": named beside the subject
                self.subject_people.append(m.key)
        elif kind in ("Country", "Organization"):
            self.thing = m.key


class ReferenceResolver(KnowledgeComponent):
    def __call__(self, doc: Doc) -> Doc:
        kb = self.kb
        names, actor_at = actors_by_token(doc)
        roles = doc._.get(ROLES_EXT)
        reading = _Reading(people_states={r.person: r.state for r in roles if r.state})
        for key, state in kb.known_states(doc._.get(ENTITIES_EXT)).items():
            reading.people_states.setdefault(key, state)
        doc.spans[PAIRS] = []
        for item in _items(doc, names):
            if isinstance(item, Mention):
                self._after_name(doc, item, names, actor_at, reading)
                reading.saw(doc, item)
            elif isinstance(item, Token):
                self._pronoun(doc, item, names, actor_at, reading)
            else:
                self._description(doc, item, names, actor_at, reading)
        self._nationalities(doc)
        return doc

    # ------------------------------------------------------------ names
    def _after_name(self, doc: Doc, m: Mention, names: list[Mention], actor_at: list[int],
                    reading: _Reading) -> None:
        """"the United States and China": a pair the two sides may refer to."""
        root = doc[m.start:m.end].root
        if root.dep_ == "conj" and kind_of(m.key) in ("Country", "Organization") and not _hosts(root.head):
            partner = actor_at[root.head.i]
            if partner < 0:  # "representatives of X and Y", the parser joining Y to "representatives"
                partner = next((actor_at[g.i] for c in root.head.children if c.dep_ == "prep"
                                and c.lower_ in ("of", "from") for g in c.children
                                if g.dep_ == "pobj" and actor_at[g.i] >= 0), -1)
            if partner >= 0 and names[partner].key != m.key:
                reading.pair = (names[partner].key, m.key)
                if root.head.dep_ in SUBJECT_DEPS:  # "China and Brazil did not follow. They urged"
                    reading.subject_pair = (reading.pair, root.sent.start)

    # --------------------------------------------------------- pronouns
    def _pronoun(self, doc: Doc, tok: Token, names: list[Mention], actor_at: list[int],
                 reading: _Reading) -> None:
        reporters = _reporters(tok, names, actor_at, self.kb.reporting_verbs | ANNOUNCING_VERBS, reading.described)
        if reporters:  # "Egypt said it would", "Japan and Korea said they had"
            if len(reporters) == 1:
                add_mention(doc, tok.i, tok.i + 1, reporters[0], VIA_PRONOUN)
            else:
                for key in reporters:
                    doc.spans[PAIRS].append(Span(doc, tok.i, tok.i + 1, label="they", kb_id=key))
            return
        if tok.lower_ == "they" and tok.dep_ in SUBJECT_DEPS and _opens_sentence_after(doc, tok, reading.subject_pair):
            _add_pair(doc, doc[tok.i:tok.i + 1], reading.subject_pair[0])  # the two just named as a subject
            return
        if tok.lower_ not in PERSON_PRONOUNS | THING_PRONOUNS:
            return
        if tok.lower_ in PERSON_PRONOUNS:
            key = reading.subject_person or reading.person
            own = _own_subjects(tok, names, actor_at)
            if key in own:
                key = _other_person(reading, own)  # "Wong joined him": him is not Wong
        else:
            key = _clause_subject_thing(tok, names, actor_at) or reading.thing
        if key:
            add_mention(doc, tok.i, tok.i + 1, key, VIA_PRONOUN)
            reading.saw(doc, Mention(tok.i, tok.i + 1, key, tok.text, VIA_PRONOUN))

    # ------------------------------------------------------ descriptions
    def _description(self, doc: Doc, chunk: Span, names: list[Mention], actor_at: list[int],
                     reading: _Reading) -> None:
        """"the top US diplomat", "the secretary", "the island", "the two sides"."""
        kb = self.kb
        words = [t for t in chunk if not t.is_punct] + _of_phrase(chunk)
        if not words or any(actor_at[t.i] >= 0 and kind_of(names[actor_at[t.i]].key) == "Person"
                            for t in words):
            return
        text = " ".join(t.lower_ for t in words).replace("’", "'")
        owner = next((i for i, t in enumerate(words) if t.text in POSSESSIVE), None)
        if owner and words[0].lower_ == "the":  # "the alliance's hesitancy"
            body = self._described_country(" ".join(t.lower_ for t in words[:owner]), reading)
            if body:
                self._describe(doc, words[0].i, words[owner - 1].i + 1, body, reading)
                return
        if words[0].lower_ not in ("the", "both") and owner is None:
            return
        if text in kb.pair_phrases:
            pair = reading.pair or _top_two(reading.counts)
            if pair:
                _add_pair(doc, chunk, pair)
            return
        if text in kb.person_pair_phrases:
            pair = _last_two_people(reading)
            if pair:
                _add_pair(doc, chunk, pair)
            return
        backed = [t for t in words if not _backing_words(t)]
        body = self._described_country(" ".join(t.lower_ for t in backed), reading) \
            if 1 < len(backed) < len(words) else None
        if body:  # "the Iran-backed group": the group named before; who backs it stays a name of its own
            self._describe(doc, chunk.root.i, chunk.root.i + 1, body, reading)
            return
        country = self._described_country(text, reading) or self._country_by_place_word(words) \
            or _body_named_before(words, reading, self.kb.bodies)
        if country:
            self._describe(doc, chunk.start, chunk.end, country, reading)
            return
        if any(t.dep_ == "appos" and t.ent_type_ == "PERSON" for t in chunk.root.children):
            return

        title = read_title(words, kb, title_actor_key(doc, names, actor_at, kb))
        person = self._described_person(doc, words, title, actor_at, reading)
        if person is None:
            return
        self._describe(doc, chunk.start, words[-1].i + 1, person, reading)
        if title and title.title:
            if title.title not in self._positions(doc, person):  # "the German leader" is no title of Scholz's
                title = replace(title, title=None)
            doc._.get(ROLES_EXT).extend(role_mentions(person, title, chunk.root.i, DESCRIPTION_CONFIDENCE, kb))

    def _positions(self, doc: Doc, person: str) -> set[str]:
        """The titles the knowledge base gives a person and those read beside their name."""
        entry = self.kb.entries.get(person)
        return {r.title for r in doc._.get(ROLES_EXT) if r.person == person and r.title} | set(
            entry.positions if entry else ())

    def _describe(self, doc: Doc, start: int, end: int, key: str, reading: _Reading) -> None:
        add_mention(doc, start, end, key, VIA_DESCRIPTION, self.kb.entity(key))
        reading.described.update((i, key) for i in range(start, end))
        reading.saw(doc, Mention(start, end, key, doc[start:end].text, VIA_DESCRIPTION))

    def _described_country(self, text: str, reading: _Reading) -> str | None:
        """The last state or body named whose descriptions include `text`."""
        for key in reversed(reading.recent):
            entry = self.kb.entries.get(key)
            if entry and text in entry.descriptions:
                return key
        return None

    def _country_by_place_word(self, words: list[Token]) -> str | None:
        """"the Lithuanian capital", "the Russian government"."""
        if len(words) == 3 and words[0].lower_ == "the" and words[2].lower_ in self.kb.place_words:
            return self.kb.demonyms.get(words[1].lower_)
        return None

    def _described_person(self, doc: Doc, words: list[Token], title: TitleReading | None,
                          actor_at: list[int], reading: _Reading) -> str | None:
        """The last person named who holds the office described, of the state named."""
        kb = self.kb
        country = title.country if title else None
        tail = " ".join(t.lower_ for t in words if t.pos_ != "DET" and t.text not in POSSESSIVE
                        and actor_at[t.i] < 0 and t.lower_ not in kb.demonyms)
        titles = kb.titles_described_by(tail)
        if not titles:
            return None
        for key in reversed(reading.recent):
            if kind_of(key) != "Person":
                continue
            state = reading.people_states.get(key)
            if self._positions(doc, key) & titles and (country is None or country == state):
                return key
        return None

    # ---------------------------------------------------- nationalities
    def _nationalities(self, doc: Doc) -> None:
        """"the Chinese action": a nationality word modifying a thing."""
        spans, entities = [], doc._.get(ENTITIES_EXT)
        for token in (doc[i] for i in positions_of(doc, self.kb.demonym_words)):
            if token.i > 0 and doc[token.i - 1].lower_ in REGION_QUALIFIERS and doc[token.i - 1].is_title \
                    and f"{doc[token.i - 1].lower_} {token.lower_}" not in self.kb.demonyms:
                continue  # "Latin American", "South American": a region, not the United States
            country = self.kb.demonyms.get(token.lower_) if token.dep_ in ("amod", "npadvmod") \
                or token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.ent_type_ not in PLACE_ENTITIES \
                else None  # "Azerbaijani forces" parsed as a compound
            if country:
                spans.append(Span(doc, token.i, token.i + 1, label="nationality", kb_id=country))
                entities.setdefault(country, self.kb.entity(country))
        for token in doc:  # "Western-backed": a body's adjective joined to a participle names the body
            body = self.kb.body_adjectives.get(token.lower_)
            if body and token.dep_ in ("npadvmod", "amod", "compound") and _backing_words(token) \
                    and token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "‐", "–"):
                spans.append(Span(doc, token.i, token.i + 1, label="nationality", kb_id=body))
                entities.setdefault(body, self.kb.entity(body))
        doc.spans[NATIONALITIES] = spans


@Language.factory("kg_references", requires=["doc.spans", "doc._.kg_roles"],
                  assigns=["doc.spans", "doc._.kg_roles"])
def make_reference_resolver(nlp: Language, name: str) -> ReferenceResolver:
    return ReferenceResolver()


def _body_named_before(words: list[Token], reading: _Reading, bodies: dict[str, str] | None = None) -> str | None:
    """"the ministry", "the foreign ministry", "the embassy": the last body
    named whose name ends in these words ("China's foreign ministry"), or
    before where it is ("the Chinese embassy in London")."""
    if len(words) < 2 or words[0].lower_ != "the" or any(t.pos_ not in ("NOUN", "ADJ") or t.text[0].isupper()
                                                         for t in words[1:]):
        return None
    tail = "-" + "-".join(t.lower_ for t in words[1:])
    body = (bodies or {}).get(" ".join(t.lower_ for t in words[1:]))  # "the coup plotters": the junta named before
    tails = (tail, "-" + body.lower().replace(" ", "-")) if body else (tail,)
    for key in reversed(reading.recent):
        if kind_of(key) == "Organization" and any(t + "-" in key + "-" for t in tails):  # "china-embassy-london" too
            return key
    return None


REGION_QUALIFIERS = frozenset({"latin", "south", "north", "central", "east", "west", "southeast", "northeast"})


def _backing_words(tok: Token) -> bool:
    """"Iran-backed", "Western-funded": a participle joined to who does it,
    which qualifies a description without changing whom it describes."""
    participle = tok if tok.dep_ == "amod" and tok.tag_ == "VBN" else tok.head
    return participle.dep_ == "amod" and participle.tag_ == "VBN" and any(
        c.dep_ in ("npadvmod", "compound", "amod") and c.i < participle.i for c in participle.children) \
        and (tok.i == participle.i or (tok.head.i == participle.i and tok.i < participle.i))


def _items(doc: Doc, names: list[Mention]) -> list[Mention | Token | Span]:
    """Names, definite descriptions and pronouns, in reading order."""
    person_tokens = {i for m in names if kind_of(m.key) == "Person" for i in range(m.start, m.end)}
    named = {i for m in names for i in range(m.start, m.end)}
    items: list[tuple[tuple[int, int], Mention | Token | Span]] = [((m.start, 1), m) for m in names]
    for chunk in doc.noun_chunks:
        # only "the ...", "both ..." and "X's ..." can describe someone named before
        definite = chunk[0].lower_ in ("the", "both") or any(t.text in POSSESSIVE for t in chunk)
        if definite and not any(t.i in person_tokens for t in chunk):
            items.append(((chunk.start, 2), chunk))
    for token in (doc[i] for i in positions_of(doc, ALL_PRONOUNS)):
        if token.pos_ == "PRON" and token.i not in named:
            items.append(((token.i, 0), token))
    items.sort(key=lambda x: x[0])
    return [item for _, item in items]


def _reporters(tok: Token, names: list[Mention], actor_at: list[int], verbs: frozenset[str],
               described: dict[int, str] | None = None) -> list[str]:
    """The subject of the reporting verb whose reported clause this pronoun is
    the subject of: "Egypt said it would retaliate" (it is Egypt), of the
    kind the pronoun agrees with."""
    if tok.lower_ not in REPORTED_PRONOUNS or tok.dep_ not in SUBJECT_DEPS:
        return []
    clause = tok.head
    while clause.dep_ == "conj":
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.pos_ != "VERB" or not word_in(verb, verbs):
        return []
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return []
    keys = []
    for t in (subject, *subject.conjuncts):
        owner = actor_at[t.i] if actor_at[t.i] >= 0 else next(  # "the Fijian prime minister, Rabuka, and China"
            (actor_at[c.i] for c in t.children if c.dep_ in ("compound", "poss", "appos") and actor_at[c.i] >= 0), -1)
        if owner >= 0:
            keys.append(names[owner].key)
        elif described and t.i in described:  # "the island nation and China said they"
            keys.append(described[t.i])
    kinds = {"he": ("Person",), "she": ("Person",), "it": ("Country", "Organization"),
             "they": ("Person", "Country", "Organization")}[tok.lower_]
    keys = [k for k in dict.fromkeys(keys) if kind_of(k) in kinds]
    return keys if tok.lower_ == "they" or len(keys) == 1 else []


def _clause_subject_thing(tok: Token, names: list[Mention], actor_at: list[int]) -> str | None:
    """The state or body that is the subject of the verb whose own argument
    "its" qualifies: "the US extended its ban" (not "sanctions on Iran over
    its supply", where "its" is the nearer Iran)."""
    noun = tok.head
    if noun.dep_ not in ARGUMENT_DEPS or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = noun.head
    for _ in range(2):  # "Russia dismissed it, with its envoy calling ...": the clause the phrase hangs from
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child is not noun and child.i < tok.i and actor_at[child.i] >= 0:
                key = names[actor_at[child.i]].key
                return key if kind_of(key) in ("Country", "Organization") else None
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head
        elif verb.dep_ in ("advcl", "conj"):
            verb = verb.head
        else:
            return None
    return None


def _own_subjects(tok: Token, names: list[Mention], actor_at: list[int]) -> set[str]:
    """Who is the subject of the clause an object "him"/"her" stands in:
    not whom it means, since the clause would say "himself"."""
    if tok.lower_ not in OBJECT_PRONOUNS or tok.dep_ not in OBJECT_DEPS:
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head  # "Wong and Fletcher joined him": the subject the verbs share
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    listed = [t for s in subjects for t in (s, *s.conjuncts)]
    listed += [c for t in listed for c in t.children if c.dep_ == "appos"]
    return {names[actor_at[t.i]].key for t in listed if actor_at[t.i] >= 0}


def _other_person(reading: _Reading, own: set[str]) -> str | None:
    """The last person named as a subject, else named at all, who is not
    one of `own`."""
    people = [*reversed(reading.subject_people), *(k for k in reversed(reading.recent) if kind_of(k) == "Person")]
    return next((k for k in people if k not in own), None)


def _of_phrase(chunk: Span) -> list[Token]:
    """"the US secretary" + "of state": noun chunks stop before "of"."""
    doc, end = chunk.doc, chunk.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end].head == chunk.root:
        pobj = [t for t in doc[end].children if t.dep_ == "pobj"]
        if pobj and len(list(pobj[0].subtree)) <= 3:
            return [doc[end], *pobj[0].subtree]
    return []


def _hosts(first: Token) -> bool:
    """"hosted by Saudi Arabia and the US", "mediated by Qatar and Egypt":
    a pair named as who hosts or mediates the talks."""
    by = first.head if first.dep_ == "pobj" else None
    return by is not None and by.lower_ == "by" and by.head.lemma_.lower() in HOSTING_VERBS


def _opens_sentence_after(doc: Doc, tok: Token, named: tuple[tuple[str, str], int] | None) -> bool:
    """"They" first in the sentence right after the one whose subject was a pair."""
    sent = tok.sent
    if named is None or tok.i != sent.start or sent.start == 0:
        return False
    return doc[sent.start - 1].sent.start == named[1]


def _add_pair(doc: Doc, chunk: Span, pair: tuple[str, str]) -> None:
    for key in pair:
        doc.spans[PAIRS].append(Span(doc, chunk.start, chunk.end, label="pair", kb_id=key))


def _last_two_people(reading: _Reading) -> tuple[str, str] | None:
    """The last two people named, of different states where that is known."""
    people: list[str] = []
    for key in reversed(reading.recent):
        if kind_of(key) != "Person":
            continue
        state = reading.people_states.get(key)
        if not people or state is None or state != reading.people_states.get(people[0]):
            people.append(key)
        if len(people) == 2:
            return people[1], people[0]
    return None


def _top_two(counts: dict[str, int]) -> tuple[str, str] | None:
    """The two countries named most so far (counting the states people act for)."""
    top = sorted(counts, key=lambda k: -counts[k])[:2]
    return (top[0], top[1]) if len(top) == 2 else None
