"""Component `kg_bodies`: the bodies of states, found by their structure.

Reads ``doc.spans["kg_mentions"]`` (the states named) and the parse. Writes
``kg_mentions`` for each body of a state ("China's foreign ministry", "the
Japanese embassy in Seoul", "India's Ministry of External Affairs", "the Coast
Guard of Japan", "the Sudanese army"), replacing what `kg_names` made of the
same words, and ``doc._.kg_entities`` for them: one Organization per state and
body (``organization/china-foreign-ministry``, "Chinese Foreign Ministry"), so
every article's name for it is one node. The bodies known are data
(``ontology/kb/bodies.yaml``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.entities.mentions import (ENTITIES_EXT, MENTIONS, NAMES_EXT, VIA_NAME, actors_by_token, add_mention,
                                  kind_of, KnowledgeComponent, Mention, mentions_of)
from kg.kb import slugify, state_body
from kg.model import Entity
from kg.tokens import positions_of

QUALIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
LEADING = frozenset({"the", "'s", "’s", "'", "a", "an"})


@dataclass(frozen=True)
class Body:
    start: int
    end: int
    key: str
    label: str
    state: str
    names: tuple[str, ...] = ()  # other names it goes by: "Indian Ministry of External Affairs"


class BodyReader(KnowledgeComponent):
    def __call__(self, doc: Doc) -> Doc:
        mentions, actor_at = actors_by_token(doc)
        found = [b for tok in (doc[i] for i in positions_of(doc, self.kb.body_words)) if tok.pos_ in ("NOUN", "PROPN")
                 for b in [self._body(doc, tok, mentions, actor_at)] if b]
        found += [b for m in mentions if kind_of(m.key) == "Organization" and m.key not in self.kb.entries
                  for b in [self._named_body(doc[m.start:m.end], mentions, actor_at)] if b]
        if found:
            self._record(doc, _widest(found))
        return doc

    def _body(self, doc: Doc, head: Token, mentions: list[Mention], actor_at: list[int]) -> Body | None:
        """The body headed by `head`, if its words name a body and a state is named with it."""
        kb = self.kb
        left = [t for c in head.lefts if c.dep_ in QUALIFIER_DEPS for t in c.subtree]
        phrase = sorted({*left, head, *_of_phrase(head)}, key=lambda t: t.i)
        state, words = None, []
        for tok in phrase:
            nation = self._nation(tok, mentions, actor_at)
            if nation and (tok.i < head.i or tok.head.lower_ == "of"):
                state = state or nation  # "China's", "Chinese", "of Japan"
            elif tok.lower_ not in LEADING and not nation:
                words.append(tok.text)
        while words and words[-1].lower() == "of":  # "Coast Guard of" + Japan
            words.pop()
        written = " ".join(words)
        name = kb.bodies.get(written.lower())
        if not state or not name:
            return None
        place = _located_in(head) if name in ("Embassy", "Consulate") else None
        return self._make(phrase[0].i, phrase[-1].i + 1, state, name, place, written)

    def _named_body(self, name: Span, mentions: list[Mention], actor_at: list[int]) -> Body | None:
        """A name the statistical model found whole: "Chinese Foreign Ministry"."""
        words = [t for t in name if t.lower_ not in LEADING]
        if len(words) < 2 or not self._nation(words[0], mentions, actor_at):
            return None
        state = self._nation(words[0], mentions, actor_at)
        written = " ".join(t.text for t in words[1:])
        body = self.kb.bodies.get(written.lower())
        return self._make(name.start, name.end, state, body, None, written) if body else None

    def _make(self, start: int, end: int, state: str, name: str, place: tuple[int, str] | None,
              written: str) -> Body:
        """The body `name` of `state` ("Foreign Ministry" of China), as written."""
        country = self.kb.entity(state)
        body = state_body(country, name, self.kb.demonym_of.get(state))
        demonym = body.label.removesuffix(" " + name)
        where = f" in {place[1]}" if place else ""
        key = body.key + (f"-{slugify(place[1])}" if place else "")
        names = (f"{demonym} {written}", f"{country.label}'s {name}", body.label)
        return Body(start, place[0] if place else end, key, body.label + where, state, names)

    def _nation(self, tok: Token, mentions: list[Mention], actor_at: list[int]) -> str | None:
        key = mentions[actor_at[tok.i]].key if actor_at[tok.i] >= 0 else None
        return key if key and kind_of(key) == "Country" else self.kb.demonyms.get(tok.lower_)

    def _record(self, doc: Doc, bodies: list[Body]) -> None:
        known = [m for m in mentions_of(doc) if m.key in self.kb.entries and kind_of(m.key) == "Organization"]
        bodies = [b for b in bodies if not any(  # a body the knowledge base lists keeps its entry
            m.start <= b.start < m.end and self.kb.entries[m.key].country == b.state for m in known)]
        covered = {i for b in bodies for i in range(b.start, b.end)}
        kept = [s for s in doc.spans[MENTIONS]
                if not (kind_of(s.kb_id_) == "Organization" and any(i in covered for i in range(s.start, s.end)))]
        doc.spans[MENTIONS] = kept
        entities, names = doc._.get(ENTITIES_EXT), doc._.get(NAMES_EXT)
        for body in bodies:
            entities.setdefault(body.state, self.kb.entity(body.state))
            add_mention(doc, body.start, body.end, body.key, VIA_NAME, Entity(body.key, "Organization", body.label))
            names.setdefault(body.key, set()).update(body.names)


@Language.factory("kg_bodies", requires=["doc.spans"], assigns=["doc.spans", "doc._.kg_entities"])
def make_body_reader(nlp: Language, name: str) -> BodyReader:
    return BodyReader()


def _of_phrase(head: Token) -> list[Token]:
    """"Ministry" + "of Foreign Affairs", "Coast Guard" + "of Japan"."""
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            inner = list(c.subtree)
            return inner if len(inner) <= 5 else []
    return []


def _located_in(head: Token) -> tuple[int, str] | None:
    """"the Chinese embassy in The Hague": where it is (token end, place name)."""
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "in":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN":
                words = list(pobj.subtree)
                return words[-1].i + 1, " ".join(t.text for t in words)
    return None


def _widest(bodies: list[Body]) -> list[Body]:
    """One body per stretch of text: the widest reading."""
    kept: list[Body] = []
    for body in sorted(bodies, key=lambda b: (b.start, -(b.end - b.start))):
        if not kept or body.start >= kept[-1].end:
            kept.append(body)
    return kept


def body_spans(doc: Doc) -> list[Span]:
    """The bodies found in `doc` (for tests and inspection)."""
    return [s for s in doc.spans.get(MENTIONS, ()) if s.kb_id_.startswith("organization/") and "-" in s.kb_id_]
