"""Entities of one article: every name, description and pronoun resolved to one node.

Entry point: `resolve_entities(doc, kb) -> DocEntities`. Resolution is local to
the article (a surname means the person of that surname named before it) and
global through the knowledge base (its keys are the same in every article).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.kb import KbEntry, KnowledgeBase, slugify
from kg.model import Entity, Fact
from kg.nlp import CAPITAL_MARK, ISSUES_KEY
from kg.titles import HONORIFICS, POSSESSIVE, TitleReading, read_title

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
THING_PRONOUNS = frozenset({"its", "it"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "from", "inside"})
NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"})
MAX_ORG_TOKENS = 6


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an entity."""

    start: int  # token offsets in the Doc
    end: int
    key: str
    text: str
    via: str  # name | capital | description | pronoun | issue
    weak: bool = False  # a capital used only as a place ("in New Delhi")


@dataclass(frozen=True)
class DocEntities:
    """What the resolver found in one article, indexed by token for the linker."""

    mentions: tuple[Mention, ...]
    entities: dict[str, Entity]
    actor_at: tuple[int, ...]  # token -> index of the actor mention covering it, or -1
    issue_at: tuple[int, ...]  # token -> index of the issue mention covering it, or -1
    title_facts: tuple[Fact, ...]
    as_issue: dict[int, str]  # mention index -> issue key, where a country name means its issue
    country_issue: dict[str, str]  # country key -> the issue its bare name can mean
    pairs: dict[int, tuple[str, str]]  # token of "the two sides" -> the two actors it means
    states: dict[str, str]  # person key -> the country they act for, as far as known
    demonyms: dict[int, str]  # token of a nationality word -> its country (not a mention)

    def actor(self, i: int) -> Mention | None:
        m = self.actor_at[i]
        return self.mentions[m] if m >= 0 else None

    def issue(self, i: int) -> Mention | None:
        m = self.issue_at[i]
        return self.mentions[m] if m >= 0 else None

    def kind(self, key: str) -> str:
        return self.entities[key].kind


def resolve_entities(doc: Doc, kb: KnowledgeBase) -> DocEntities:
    """Resolve every mention of a known or named entity in `doc`."""
    return _Resolver(doc, kb).run()


class _Resolver:
    """The working state of one call to resolve_entities (never shared)."""

    def __init__(self, doc: Doc, kb: KnowledgeBase) -> None:
        self.doc, self.kb = doc, kb
        self.mentions: list[Mention] = []
        self.entities: dict[str, Entity] = {}
        self.actor_at = [-1] * len(doc)
        self.issue_at = [-1] * len(doc)
        self.short_names: dict[str, list[str]] = {}  # "Blinken" -> person keys, in order
        self.roles: dict[str, set[str]] = {}  # person key -> titles held here
        self.states: dict[str, str] = {}  # person key -> country key they act for here
        self.facts: list[Fact] = []
        self.last_person: str | None = None
        self.last_subject_person: str | None = None
        self.last_thing: str | None = None
        self.pairs: dict[int, tuple[str, str]] = {}
        self.demonyms: dict[int, str] = {}  # token of a nationality word -> its country
        self.prefixed_states: dict[int, str] = {}  # name's root token -> the state its title named
        self.last_pair: tuple[str, str] | None = None
        self.issue_spans = self._issue_spans()
        # "State" in "Secretary of State" is a word of a title, not a body
        self._title_words = {w for r in kb.roles for v in r.variants for w in v.split()} | {"affairs"}

    # ------------------------------------------------------------------ driver
    def run(self) -> DocEntities:
        for item in self._items():
            if isinstance(item, Token):
                self._pronoun(item)
            elif item.label_ == "CHUNK":
                self._description(item)
            else:
                self._name(item)
        self._issues()
        for i in _positions_of(self.doc, "LOWER", self.kb.demonyms):  # "the Chinese action"
            token = self.doc[i]
            country = self.kb.demonyms[token.lower_] if token.dep_ == "amod" else None
            if country:
                self.demonyms[token.i] = country
                self._entity(country)
        country_issue = self.kb.issue_of_country()
        as_issue = {i: country_issue[m.key] for i, m in enumerate(self.mentions)
                    if m.key in country_issue and self._reads_as_issue(m)}
        for mention in self.mentions:  # the linker may read any such name as the issue
            if mention.key in country_issue:
                self._entity(country_issue[mention.key])
        states = {key: entry.country for key, entry in self.kb.entries.items()
                  if key in self.entities and entry.country}
        states.update(self.states)
        return DocEntities(tuple(self.mentions), self.entities, tuple(self.actor_at),
                           tuple(self.issue_at), tuple(self.facts), as_issue, country_issue,
                           self.pairs, states, self.demonyms)

    def _items(self) -> list[Span | Token]:
        """Names, definite descriptions and pronouns, in reading order."""
        items: list[Span | Token] = [e for e in self.doc.ents if e.label_ in NAME_LABELS]
        names = {t.i for e in items for t in e}
        for chunk in self.doc.noun_chunks:
            if not any(t.i in names and t.ent_type_ == "PERSON" for t in chunk):
                items.append(Span(self.doc, chunk.start, chunk.end, label="CHUNK"))
        for i in _positions_of(self.doc, "LOWER", PERSON_PRONOUNS | THING_PRONOUNS):
            if i not in names and self.doc[i].pos_ == "PRON":
                items.append(self.doc[i])
        return sorted(items, key=lambda x: (x.i, 0) if isinstance(x, Token) else (x.start, 1))

    # ------------------------------------------------------------------ names
    def _name(self, ent: Span) -> None:
        if self._inside_longer_name(ent):
            return
        ent_id = ent.ent_id_
        if ent_id:
            key = ent_id.removesuffix(CAPITAL_MARK)
            entry = self.kb.entries.get(key)
            if entry and entry.entity.kind == "Person":
                key = self._local_override(ent, key)
                self._person(ent, key, entry)
                return
            weak = ent_id.endswith(CAPITAL_MARK) and self._locative(ent)
            self._add(ent, key, "capital" if ent_id != key else "name", weak=weak)
            return
        text = _clean_name(ent)
        if not text:
            return
        local = self.short_names.get(text)
        known = self.kb.person_named(text) if ent.label_ == "PERSON" else None
        if local:
            self._person(ent, local[-1], self.kb.entries.get(local[-1]))
        elif known:  # "Mr Blinken" found whole by the statistical model
            self._person(ent, known, self.kb.entries[known])
        elif ent.label_ == "PERSON" and _looks_like_name(ent) and not _modifies_a_thing(ent):
            key = f"person/{slugify(text)}"
            self._entity(key, Entity(key, "Person", text))
            self._person(ent, key, None)
        elif ent.label_ == "ORG" and _looks_like_org(ent) and not self._only_title_words(ent):
            key = f"organization/{slugify(text)}"
            self._entity(key, Entity(key, "Organization", text))
            self._add(ent, key, "name")

    def _only_title_words(self, ent: Span) -> bool:
        """"State" in "Secretary of State", "Indian External Affairs" in "Indian
        External Affairs Minister": words of a title, not a body."""
        return all(t.lower_ in self._title_words or t.lower_ in self.kb.demonyms or t.lower_ in ("of", "the")
                   for t in ent)

    def _local_override(self, ent: Span, key: str) -> str:
        """A one-word knowledge-base alias ("Wang") yields to the person of that
        name already met in this article, unless that person is the known one."""
        text = _clean_name(ent)
        if len(text.split()) > 1:
            return key
        local = self.short_names.get(text, [])
        return key if not local or key in local else local[-1]

    def _person(self, ent: Span, key: str, entry: KbEntry | None) -> None:
        text = _clean_name(ent)
        self._entity(key)
        parts = text.split()
        if len(parts) > 1:
            # A known name says which word is the family name; for an unknown
            # one ("Wang Wentao", "Caspar Veldkamp") either end may be.
            if entry:
                shorts = [parts[0] if entry.family_name_first else parts[-1]]
            else:
                shorts = [parts[-1], parts[0]]
            for short in shorts:
                keys = self.short_names.setdefault(short, [])
                if key not in keys:
                    keys.append(key)
        self._add(ent, key, "name")
        self._titles_of(ent, key)
        self.last_person = key
        if ent.root.dep_ in SUBJECT_DEPS:
            self.last_subject_person = key

    def _titles_of(self, ent: Span, key: str) -> None:
        read = False
        for words, confidence in self._title_phrases(ent):
            reading = read_title(words, self.kb, self._actor_key)
            if reading:
                self._title_facts(key, reading, ent.sent, confidence)
                read = True
                if reading.country and reading.acts_for_state:
                    self.prefixed_states[ent.root.i] = reading.country
        if not read and ent.root.dep_ == "conj":
            # "Philippine counterparts Enrique Manalo and Gilberto Teodoro": the
            # state before the first name is the second's too (the title is not)
            state = self.prefixed_states.get(ent.root.head.i)
            entry = self.kb.entries.get(key)
            if state and not (entry and entry.country and entry.country != state):
                self.states[key] = state
                self.facts.append(Fact(key, "represents", state, ent.sent.text.strip(), 0.75))

    def _title_phrases(self, ent: Span) -> Iterator[tuple[list[Token], float]]:
        """The words before a name ("Chinese President") and an apposition
        after it ("Wang Yi, China's foreign minister,")."""
        before: list[Token] = []
        i = ent.start - 1
        while i >= ent.sent.start and len(before) < 8:
            tok = self.doc[i]
            if not _title_word(tok) or self.doc[i].ent_type_ == "PERSON":
                break
            before.insert(0, tok)
            i -= 1
        if before:
            yield before, 0.9
        end = ent.end
        if end + 1 < ent.sent.end and self.doc[end].text == ",":
            after = []
            for tok in self.doc[end + 1:min(ent.sent.end, end + 9)]:
                if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP") and tok.lower_ != "of":
                    break
                after.append(tok)
            if any(t.dep_ == "appos" and t.head.i in range(ent.start, ent.end) for t in after):
                yield after, 0.85

    def _title_facts(self, key: str, reading: TitleReading, sent: Span, confidence: float) -> None:
        evidence = sent.text.strip()
        entry = self.kb.entries.get(key)
        if reading.title:
            self.roles.setdefault(key, set()).add(reading.title)
            self.facts.append(Fact(key, "holdsPosition", reading.title, evidence, confidence))
        if not reading.acts_for_state:
            return
        body = reading.org if reading.org else reading.country
        if body:
            self._entity(body)
            if reading.country:
                self.states[key] = reading.country
            self.facts.append(Fact(key, "represents", body, evidence, confidence))
        elif entry and entry.country and reading.title:
            self.states.setdefault(key, entry.country)

    # ------------------------------------------------------- descriptions
    def _description(self, chunk: Span) -> None:
        """"the top US diplomat", "the secretary", "the island"."""
        words = [t for t in chunk if not t.is_punct] + self._of_phrase(chunk)
        if not words or any(self.actor_at[t.i] >= 0 and self._kind(self.actor_at[t.i]) == "Person"
                            for t in words):
            return
        text = " ".join(t.lower_ for t in words).replace("’", "'")
        owner = next((i for i, t in enumerate(words) if t.text in POSSESSIVE), None)
        if owner and words[0].lower_ == "the":  # "the alliance's hesitancy"
            body = self._described_country(" ".join(t.lower_ for t in words[:owner]))
            if body:
                self._add(self.doc[words[0].i:words[owner - 1].i + 1], body, "description")
                return
        if words[0].lower_ not in ("the", "both") and owner is None:
            return
        if text in self.kb.pair_phrases:
            pair = self.last_pair or self._top_countries()
            if pair:
                self.pairs[chunk.root.i] = pair
            return
        if text in self.kb.person_pair_phrases:
            pair = self._last_two_people()
            if pair:
                self.pairs[chunk.root.i] = pair
            return
        country = self._described_country(text) or self._country_by_place_word(words)
        if country:
            self._add(chunk, country, "description")
            return
        appos = [t for t in chunk.root.children if t.dep_ == "appos" and t.ent_type_ == "PERSON"]
        reading = read_title(words, self.kb, self._actor_key)
        person = self._described_person(words, reading)
        if person is None or appos:
            return
        self._add(self.doc[chunk.start:words[-1].i + 1], person, "description")
        if reading and reading.title:
            self._title_facts(person, reading, chunk.sent, 0.7)

    def _of_phrase(self, chunk: Span) -> list[Token]:
        """"the US secretary" + "of state": noun chunks stop before "of"."""
        end = chunk.end
        if end + 1 < len(self.doc) and self.doc[end].lower_ == "of" and self.doc[end].head == chunk.root:
            pobj = [t for t in self.doc[end].children if t.dep_ == "pobj"]
            if pobj and len(list(pobj[0].subtree)) <= 3:
                return [self.doc[end], *pobj[0].subtree]
        return []

    def _country_by_place_word(self, words: list[Token]) -> str | None:
        """"the Lithuanian capital", "the Russian government"."""
        if len(words) == 3 and words[0].lower_ == "the" and words[2].lower_ in self.kb.place_words:
            return self.kb.demonyms.get(words[1].lower_)
        return None

    def _last_two_people(self) -> tuple[str, str] | None:
        """The last two people named, of different states where that is known."""
        people: list[str] = []
        for m in reversed(self.mentions):
            if m.key.startswith("person/") and m.key not in people:
                state = self.states.get(m.key)
                if not people or state is None or state != self.states.get(people[0]):
                    people.append(m.key)
            if len(people) == 2:
                return people[1], people[0]
        return None

    def _top_countries(self) -> tuple[str, str] | None:
        """The two countries the article names most, counting the states that
        the people named act for."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            key = self.states.get(m.key) if m.key.startswith("person/") else m.key
            if key and key.startswith("country/"):
                counts[key] = counts.get(key, 0) + 1
        top = sorted(counts, key=lambda k: -counts[k])[:2]
        return (top[0], top[1]) if len(top) == 2 else None

    def _described_country(self, text: str) -> str | None:
        for key in reversed(self.entities):
            entry = self.kb.entries.get(key)
            if entry and text in (d.lower() for d in entry.descriptions):
                return key
        return None

    def _described_person(self, words: list[Token], reading: TitleReading | None) -> str | None:
        country = reading.country if reading else None
        tail = " ".join(t.lower_ for t in words if t.pos_ not in ("DET",) and t.text not in POSSESSIVE
                        and self.actor_at[t.i] < 0 and t.lower_ not in self.kb.demonyms)
        titles = {r.title for r in self.kb.roles if tail in r.variants or tail in r.descriptions}
        if not titles:
            return None
        for key in reversed(self.entities):
            if not key.startswith("person/"):
                continue
            entry = self.kb.entries.get(key)
            held = self.roles.get(key, set()) | set(entry.positions if entry else ())
            state = self.states.get(key) or (entry.country if entry else None)
            if held & titles and (country is None or country == state):
                return key
        return None

    # ------------------------------------------------------------ pronouns
    def _pronoun(self, tok: Token) -> None:
        if tok.lower_ in PERSON_PRONOUNS:
            key = self.last_subject_person or self.last_person
        elif tok.lower_ == "its":  # a subject "it" is too often "it is necessary"
            key = self.last_thing
        else:
            return
        if key:
            self._add(self.doc[tok.i:tok.i + 1], key, "pronoun")

    # -------------------------------------------------------------- issues
    def _issue_spans(self) -> list[Span]:
        spans = [s for s in self.doc.spans.get(ISSUES_KEY, [])
                 if len(s) > 1 or s[0].pos_ in ("NOUN", "PROPN")]
        return filter_spans(spans)

    def _issues(self) -> None:
        for span in self.issue_spans:
            key = span.id_
            if self.kb.issues[key].scoped:
                key = self._scoped_issue(span, key)
            self._add(span, key, "issue")

    def _scoped_issue(self, span: Span, key: str) -> str:
        """"its nuclear programme" near North Korea -> North Korea's programme."""
        owner = None
        for tok in span.root.children:
            if tok.dep_ == "poss" and self.actor_at[tok.i] >= 0:
                owner = self.mentions[self.actor_at[tok.i]].key
        if owner is None:
            in_sentence = [m for m in self.mentions if m.key.startswith("country/")
                           and span.sent.start <= m.start < span.sent.end]
            in_sentence.sort(key=lambda m: (m.start > span.start, abs(m.start - span.start)))
            owner = in_sentence[0].key if in_sentence else None
        if owner is None:
            return key
        country = self.entities[owner]
        base = self.kb.issues[key].entity
        scoped = f"issue/{owner.split('/', 1)[1]}-{key.split('/', 1)[1]}"
        self._entity(scoped, Entity(scoped, "Issue", f"{country.label} {base.label}"))
        return scoped

    def _reads_as_issue(self, m: Mention) -> bool:
        """"issues including trade and Taiwan", "a warning on Taiwan"."""
        root = self.doc[m.end - 1]
        if any(self.issue_at[t.i] >= 0 for t in root.conjuncts):
            return True
        head = root.head
        return (root.dep_ == "pobj" and head.lower_ in ("on", "over", "about", "regarding")
                and head.head.lemma_.lower() in self.kb.topic_nouns)

    # --------------------------------------------------------------- helpers
    def _add(self, span: Span, key: str, via: str, weak: bool = False) -> None:
        self._entity(key)
        index = len(self.mentions)
        self.mentions.append(Mention(span.start, span.end, key, span.text, via, weak))
        table = self.issue_at if key.startswith("issue/") else self.actor_at
        for i in range(span.start, span.end):
            if table[i] < 0 or via != "pronoun":
                table[i] = index
        if not key.startswith(("issue/", "person/")):
            self.last_thing = key
        root = span.root
        if root.dep_ == "conj" and via != "pronoun" and key.startswith(("country/", "organization/")):
            partner = self.actor_at[root.head.i]
            if partner >= 0 and self.mentions[partner].key != key:
                self.last_pair = (self.mentions[partner].key, key)

    def _entity(self, key: str, entity: Entity | None = None) -> None:
        if key not in self.entities:
            found = entity or self.kb.entity(key)
            if found is None:
                raise KeyError(key)
            self.entities[key] = found

    def _actor_key(self, i: int) -> str | None:
        """The actor at token i: resolved already, or known to the knowledge
        base (an apposition after a name is read before its own names are)."""
        m = self.actor_at[i]
        if m >= 0:
            return self.mentions[m].key
        key = self.doc[i].ent_id_.removesuffix(CAPITAL_MARK)
        return key if key in self.kb.entries and not key.startswith("person/") else None

    def _kind(self, index: int) -> str:
        return self.entities[self.mentions[index].key].kind

    def _inside_longer_name(self, ent: Span) -> bool:
        """"China" in "South China Sea": part of a longer proper name, not a mention."""
        for span in self.issue_spans:
            if span.start <= ent.start and ent.end < span.end and self.doc[ent.end].is_title:
                return True
            if span.start == ent.start and span.end == ent.end:  # "Hong Kong": the trigger names the issue
                return True
        return False

    def _locative(self, ent: Span) -> bool:
        root = ent.root
        return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def _positions_of(doc: Doc, attr: str, words) -> list[int]:
    """Token positions whose attribute is one of `words`, without making a
    Token object for every token (that alone cost more than resolution)."""
    import numpy as np

    from spacy.attrs import IDS
    from spacy.strings import get_string_id

    ids = np.fromiter((get_string_id(w) for w in words), dtype=np.uint64)
    column = doc.to_array([IDS[attr]]).astype(np.uint64)
    return np.nonzero(np.isin(column, ids))[0].tolist()


def _clean_name(ent: Span) -> str:
    words = [t.text for t in ent if t.lower_ not in HONORIFICS and t.text not in POSSESSIVE]
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).strip(" -,.")


def _title_word(tok: Token) -> bool:
    if tok.text in POSSESSIVE or tok.text == "-":
        return True
    if tok.is_punct or tok.like_num:
        return False
    if tok.pos_ == "ADP":
        return tok.lower_ == "of"
    return tok.pos_ in ("PROPN", "NOUN", "ADJ")


def _looks_like_name(ent: Span) -> bool:
    return all(t.is_alpha or t.text in ("-", ".", "'") or t.text in POSSESSIVE for t in ent) \
        and ent[0].is_title and len(ent) <= 5


def _modifies_a_thing(ent: Span) -> bool:
    """"Fukushima" in "the Fukushima nuclear plant": a name used as a modifier
    of a common noun is a place or a thing, not a person."""
    root = ent.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and not root.head.is_title


def _looks_like_org(ent: Span) -> bool:
    return len(ent) <= MAX_ORG_TOKENS and any(t.is_upper or t.is_title for t in ent) \
        and not any(t.like_num for t in ent) and ent.root.pos_ in ("PROPN", "NOUN")
