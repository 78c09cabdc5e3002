"""Where resolution leaves its results on a Doc, and the read-only view the
linker takes of them.

On the Doc, in spaCy's own terms:

- ``doc.spans["kg_mentions"]``: every stretch of text that refers to an
  entity; ``span.kb_id_`` is the entity key (its IRI below ``res:``),
  ``span.label_`` how it was read (``VIA_*`` below);
- ``doc.spans["kg_nationalities"]``: nationality words ("the Chinese
  action"), ``kb_id_`` the country; they are not mentions of it;
- ``doc.spans["kg_pairs"]``: "the two sides", twice, once per actor meant;
- ``doc._.kg_entities``: key -> Entity for every entity the mentions name;
- ``doc._.kg_names``: key -> other names of an entity that resolution made
  ("Indian Ministry of External Affairs" for "India's Ministry of External Affairs");
- ``doc._.kg_roles``: the titles and allegiances read beside names
  (``RoleMention``), which the linker turns into facts.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from typing import TYPE_CHECKING, Callable

from spacy.tokens import Doc, Span

from kg.model import Entity

if TYPE_CHECKING:
    from kg.kb import KnowledgeBase

MENTIONS = "kg_mentions"
NATIONALITIES = "kg_nationalities"
PAIRS = "kg_pairs"
ENTITIES_EXT = "kg_entities"
ROLES_EXT = "kg_roles"
NAMES_EXT = "kg_names"  # key -> other names an entity goes by that the text does not spell out

VIA_NAME = "name"
VIA_CAPITAL = "capital"  # "Beijing said": a capital or seat of government for its state
VIA_PLACE = "place"  # a capital used only as a place ("in New Delhi"): not its state acting
VIA_DESCRIPTION = "description"  # "the top US diplomat", "the island"
VIA_PRONOUN = "pronoun"
VIA_ISSUE = "issue"
VIA_TOPIC = "topic"  # a country's name read as its issue ("concerns about Taiwan")
VIA_OPEN_ISSUE = "open-issue"  # a noun phrase a topic relation points at ("the shadow fleet")

CAPITAL_MARK = "|capital"  # suffix of the ent_id of a capital used for its country
KINDS = {"person": "Person", "country": "Country", "organization": "Organization", "issue": "Issue"}


def kind_of(key: str) -> str:
    """The entity kind an IRI key names: "person/x" is a Person."""
    return KINDS[key.split("/", 1)[0]]


class KnowledgeComponent:
    """A pipeline component that reads the knowledge base it is given once
    (`nlp.add_pipe(name).kb = kb`), not per call."""

    def __init__(self) -> None:
        self.kb: "KnowledgeBase | None" = None


def register_extensions() -> None:
    """Declare the Doc attributes resolution writes (idempotent)."""
    for name in (ENTITIES_EXT, ROLES_EXT, NAMES_EXT):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an entity."""

    start: int  # token offsets in the Doc
    end: int
    key: str
    text: str
    via: str

    @classmethod
    def of(cls, span: Span) -> "Mention":
        return cls(span.start, span.end, span.kb_id_, span.text, span.label_)


@dataclass(frozen=True)
class RoleMention:
    """A title or allegiance read beside a name: "Chinese President Xi"."""

    person: str
    title: str | None  # the canonical title, if the words name an office
    body: str | None  # the country or organization the person acts for, if stated
    state: str | None  # the state behind it, if known
    token: int  # a token of the sentence it was read in
    confidence: float


def add_mention(doc: Doc, start: int, end: int, key: str, via: str, entity: Entity | None = None) -> None:
    """Record a mention (and its entity, if new to this Doc)."""
    entities = doc._.get(ENTITIES_EXT)
    if key not in entities:
        if entity is None:
            raise KeyError(key)
        entities[key] = entity
    doc.spans[MENTIONS].append(Span(doc, start, end, label=via, kb_id=key))


def mentions_of(doc: Doc) -> list[Mention]:
    """The mentions recorded so far, in reading order."""
    spans = doc.spans[MENTIONS] if MENTIONS in doc.spans else ()
    return sorted((Mention.of(s) for s in spans), key=lambda m: (m.start, m.end))


def actors_by_token(doc: Doc) -> tuple[list[Mention], list[int]]:
    """The mentions so far, and token -> index of the actor mention covering it."""
    mentions = mentions_of(doc)
    return mentions, token_index(mentions, len(doc), issues=False)


def title_actor_key(doc: Doc, mentions: list[Mention], actor_at: list[int],
                    kb: "KnowledgeBase") -> Callable[[int], str | None]:
    """The actor at token i as a title reads it: resolved, or a state or body
    the knowledge base knows (an apposition is read before its own names are)."""
    def key(i: int) -> str | None:
        if actor_at[i] >= 0:
            return mentions[actor_at[i]].key
        known = doc[i].ent_id_.removesuffix(CAPITAL_MARK)
        return known if known in kb.entries and not known.startswith("person/") else None
    return key


def token_index(mentions: Iterable[Mention], length: int, issues: bool) -> list[int]:
    """token -> index in `mentions` of the (issue or actor) mention covering it, or -1.
    A name or description covers a token before a pronoun does."""
    table = [-1] * length
    for n, m in enumerate(mentions):
        if m.key.startswith("issue/") != issues:
            continue
        for i in range(m.start, m.end):
            if table[i] < 0 or m.via != VIA_PRONOUN:
                table[i] = n
    return table


class DocMentions:
    """A read-only view of what resolution left on one Doc, indexed by token."""

    def __init__(self, doc: Doc, states: dict[str, str] | None = None,
                 country_issues: dict[str, str] | None = None, media: frozenset[str] = frozenset()) -> None:
        self.mentions: tuple[Mention, ...] = tuple(mentions_of(doc))
        self.entities: dict[str, Entity] = dict(doc._.get(ENTITIES_EXT) or {})
        self.names: dict[str, set[str]] = dict(doc._.get(NAMES_EXT) or {})
        self.roles: tuple[RoleMention, ...] = tuple(doc._.get(ROLES_EXT) or ())
        self._actor_at = token_index(self.mentions, len(doc), issues=False)
        self._issue_at = token_index(self.mentions, len(doc), issues=True)
        self.nationalities = {s.start: s.kb_id_ for s in doc.spans.get(NATIONALITIES, ())}
        self.pairs: dict[int, tuple[str, ...]] = {}
        for span in doc.spans.get(PAIRS, ()):
            self.pairs.setdefault(span.root.i, ())
            self.pairs[span.root.i] += (span.kb_id_,)
        self.states: dict[str, str] = dict(states or {})
        self.states.update({r.person: r.state for r in self.roles if r.state})
        self.topics = {(m.start, m.end) for m in self.mentions if m.via == VIA_TOPIC}
        self.country_issues: dict[str, str] = dict(country_issues or {})  # "Taiwan" can be its issue
        self.media = media  # news organizations: never an implied other side

    def actor(self, i: int) -> Mention | None:
        n = self._actor_at[i]
        return self.mentions[n] if n >= 0 else None

    def issue(self, i: int) -> Mention | None:
        n = self._issue_at[i]
        return self.mentions[n] if n >= 0 else None

    def read_as_issue(self, mention: Mention) -> bool:
        """A country's name that this sentence treats as its issue."""
        return (mention.start, mention.end) in self.topics and not mention.key.startswith("issue/")
