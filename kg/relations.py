"""The linker: typed facts read off the dependency parse.

Patterns live in ontology/patterns/relations.yaml; `load_rules` compiles them
into spaCy DependencyMatcher patterns (evaluated by kg.treematch, which gives
DependencyMatcher's matches faster), and `extract_facts(doc, rules, kb)`
turns the matches into Facts between the mentions that `kg.entities` resolved.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from kg.entities import DocMentions, Mention, kind_of
from kg.entities.mentions import VIA_OPEN_ISSUE, VIA_PLACE, add_mention
from kg.entities.names import PLACE_PREPS
from kg.entities.speakers import speaker_of
from kg.errors import KnowledgeBaseError
from kg.kb import ONTOLOGY_DIR, KnowledgeBase
from kg.judgements import judged_facts
from kg.meetings import is_placeholder, placeholder, resolve_meetings
from kg.model import Entity, Fact
from kg.offices import office_facts
from kg.open_issues import HYPHENS, OpenIssue, past_vague_heads, open_issue
from kg.repairs import direct_object_verbs, unattached_objects
from kg.tokens import child, evidence_of, objects_of, word_in
from kg.treematch import TreeMatcher
from kg.vocab import ACTORS, RELATIONS
from kg.wars import WarWords, names_war_sides, resolve_wars
from kg.wars import placeholder as war_placeholder

PATTERNS_FILE = ONTOLOGY_DIR / "patterns" / "relations.yaml"
_STEP = re.compile(r"^(?P<dep>[a-z|]+)(?:\((?P<lemmas>[^)]*)\))?$")
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "pobj", "prep", "ccomp", "acomp"})
PRONOUN_DISCOUNT = 0.85
INHERITED_DISCOUNT = 0.9
COUNTERPART_DISCOUNT = 0.9
JOINT_DISCOUNT = 0.8  # cooperation read from acting together, not stated
COUNTERPART_LOOKBACK = 3  # sentences
MEMBER_PREPS = ("including", "like", "among")
STANCES = frozenset({"supports", "opposes"})  # what an actor can give up
# "reached a patrolling arrangement ... welcomed the agreement": words news uses by turns for one deal
PACT_WORDS = frozenset({"agreement", "deal", "pact", "accord", "arrangement"})
GENERIC_MODIFIERS = frozenset({"global", "new", "historic", "landmark", "comprehensive", "final", "interim", "broad",
                               "preliminary", "tentative", "major", "first", "latest", "recent", "draft", "formal"})
# "supports Russia and Ukraine resuming talks", "backed imposing sanctions": a deed
# under these, in a clause of no subject of its own, is what is backed, not what happened
BACKING_VERBS = frozenset({"support", "back", "favour", "favor", "endorse", "advocate"})
GOVERNMENT_NOUNS = frozenset({"administration", "government", "cabinet"})  # "the Biden administration"
LIST_GLUE = frozenset({",", "and", "or", "the"})  # between the items of a list of countries
# "sent an envoy over concerns about", "acted out of fear of": why the subject acted
REASON_PREPS = frozenset({"over", "amid", "of", "because", "due"})
RESULT_WORDS = frozenset({"result", "outcome", "tally"})  # "the results": of the vote named before
VOTE_WORDS = frozenset({"election", "elections", "vote", "referendum", "poll", "polls", "ballot", "runoff"})
MEETING_VERBS = frozenset({"meet", "host", "receive", "welcome"})  # "met X and discussed Y"
TOPIC_RELATIONS = frozenset({"discussed", "raisedConcernAbout"})
AGENDA_RELATIONS = frozenset({"discussed"})  # each item of a list of topics is one (a concern's list gives examples)
# Relations a clause_object pattern reads from the deed of the clause's verb
# ("Kenya rejected Ethiopia's proposal"), not from the other side's noun
# ("defied calls from X"): the verb's negation and modality are the fact's.
CLAUSE_DEEDS = frozenset({"agreedWith", "disagreedWith"})  # what a meeting or a worry is about
LED_BODIES = frozenset({"delegation", "team", "mission", "entourage", "contingent"})  # "the delegation headed by X" is X's
LEADING_VERBS = frozenset({"head", "lead"})
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "during", "following", "on", "at", "ahead", "amid", "in"})  # "countries including X and Y": X and Y act
APPOSED_REACH = 6  # tokens from a title to the comma before the name in apposition
PHRASE_POS = frozenset({"ADP", "DET", "PROPN", "NOUN", "ADJ", "PART"})


@dataclass(frozen=True)
class Step:
    deps: tuple[str, ...]
    lemmas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pattern:
    relation: str
    pos: str
    lemmas: tuple[str, ...]
    obj: tuple[Step, ...]
    subject: tuple[Step, ...] = ()
    requires: tuple[Step, ...] = ()
    reciprocal: bool = False
    between: bool = False
    negated: str | None = None
    objects: frozenset[str] = frozenset()  # entity kinds the object may have, if narrower
    counterpart: bool = False  # no object named: the other side named in the sentence is meant
    nationality: bool = False  # "condemned the Chinese action": the nationality names the actor
    object_preps: tuple[str, ...] = ()  # "banned imports from Japan": the actor after these
    open_issues: bool = False  # an object no list knows may be an issue of its own
    future: bool = False  # a statement about the future is the fact itself: "vowed to retaliate"
    speaker_subject: bool = False  # the subject is who says the sentence: '"X must stop," Lula said'
    clause_object: bool = False  # the object is the subject of the clause: "X agreed under pressure from Y"
    clause_verbs: tuple[str, ...] = ()  # with clause_object, the verbs whose object the trigger must be
    reason: bool = False  # the noun is the reason of the clause's deed, and its subject's: "over concerns about"
    confidence: float = 0.8
    displaces: frozenset[str] = frozenset()  # relations its trigger no longer gives when it matches: "hit X with sanctions"

    @property
    def takes_direct_object(self) -> bool:
        return bool(self.obj) and "dobj" in self.obj[0].deps and len(self.obj) == 1


@dataclass(frozen=True)
class Rules:
    """Compiled patterns and the words that steer how a match is read."""

    patterns: tuple[Pattern, ...]
    modals: frozenset[str]
    hypothetical_governors: frozenset[str]
    hypothetical_marks: frozenset[str]
    negating_governors: frozenset[str]
    ending_verbs: frozenset[str]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    vague_objects: frozenset[str]
    shared_with_partners: frozenset[str]
    object_control: frozenset[str]
    joint_action: frozenset[str]
    meeting_nouns: frozenset[str]
    collective_agents: frozenset[str]
    vague_alone: frozenset[str]
    condemning_words: frozenset[str]
    judging_verbs: frozenset[str]
    belonging_verbs: frozenset[str]
    not_for_state: frozenset[str]
    matcher: TreeMatcher  # the compiled DependencyMatcher patterns, keyed by pattern index
    direct_object_verbs: dict[str, tuple[int, ...]]  # lemma -> patterns of a plain direct object
    planned_modifiers: frozenset[str] = frozenset()  # "an upcoming meeting": an event still ahead
    war_words: WarWords = WarWords()  # "the warring parties": the sides of the war (kg.wars)
    unfolding_verbs: frozenset[str] = frozenset()  # "the summit has not taken place": it did not happen
    at_stake: frozenset[str] = frozenset()  # "threatens the peace of Japan": no one is addressed

    def matches(self, doc: Doc) -> list[tuple[int, list[int]]]:
        """(pattern index, token ids in pattern-node order) of every match."""
        return self.matcher(doc)


def _path(text: str | None, where: str) -> tuple[Step, ...]:
    steps = []
    for part in (text or "").split():
        m = _STEP.match(part)
        if not m:
            raise KnowledgeBaseError(f"{where}: cannot read the path step {part!r}")
        lemmas = tuple(m["lemmas"].split("|")) if m["lemmas"] else ()
        steps.append(Step(tuple(m["dep"].split("|")), lemmas))
    return tuple(steps)


PATTERN_FIELDS = frozenset({"relation", "trigger", "object", "subject", "requires", "reciprocal", "between",
                            "negated", "objects", "counterpart", "nationality", "object_preps", "open_issues",
                            "future", "speaker_subject", "clause_object", "reason", "confidence", "displaces"})


def _pattern(raw: dict, where: str) -> Pattern:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where}: expected a mapping of fields")
    unknown = sorted(set(raw) - PATTERN_FIELDS)
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown field {unknown[0]!r} (known: {', '.join(sorted(PATTERN_FIELDS))})")
    relation = raw.get("relation")
    if relation not in RELATIONS:
        raise KnowledgeBaseError(f"{where}: unknown relation {relation!r}")
    negated = raw.get("negated")
    if negated is not None and negated not in RELATIONS:
        raise KnowledgeBaseError(f"{where}: unknown relation {negated!r} for negated")
    trigger = raw.get("trigger") or {}
    return Pattern(relation, trigger.get("pos", "VERB"), tuple(trigger.get("lemmas") or ()),
                   _path(raw.get("object"), where), _path(raw.get("subject"), where),
                   _path(raw.get("requires"), where), bool(raw.get("reciprocal")),
                   bool(raw.get("between")), negated, frozenset(raw.get("objects") or ()),
                   bool(raw.get("counterpart")), bool(raw.get("nationality")),
                   tuple(raw.get("object_preps") or ()), bool(raw.get("open_issues")),
                   bool(raw.get("future")), bool(raw.get("speaker_subject")), bool(raw.get("clause_object")),
                   _clause_verbs(raw.get("clause_object")), bool(raw.get("reason")),
                   float(raw.get("confidence", 0.8)), frozenset(raw.get("displaces") or ()))


def _clause_verbs(value: object) -> tuple[str, ...]:
    """`clause_object: [defy, reject]`: only as the object of these verbs."""
    return tuple(value) if isinstance(value, list) else ()


def load_rules(vocab: Vocab, path: Path = PATTERNS_FILE,
               reporting_verbs: frozenset[str] = frozenset()) -> Rules:
    """Read the pattern file and compile it for `vocab`; `reporting_verbs`
    (the knowledge base's) mark who speaks a sentence."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise KnowledgeBaseError(f"{path}: cannot read the patterns: {err}") from err
    patterns = tuple(_pattern(raw, f"{path}: pattern {n + 1}")
                     for n, raw in enumerate(data.get("patterns") or []))
    matcher = TreeMatcher()
    for n, pattern in enumerate(patterns):
        matcher.add(n, matcher_patterns(pattern))

    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(name) or ())

    return Rules(patterns, words("modals"), words("hypothetical_governors"),
                 words("hypothetical_marks"), words("negating_governors"), words("ending_verbs"),
                 words("light_verbs"), reporting_verbs, words("agent_nouns"),
                 words("vague_objects") | words("vague_groups"), frozenset(data.get("shared_with_partners") or ()),
                 words("object_control"), frozenset(data.get("joint_action") or ()), words("meeting_nouns"),
                 words("collective_agents"), words("vague_alone"), words("condemning_words"),
                 words("judging_verbs"), words("belonging_verbs"), words("not_for_state"), matcher, direct_object_verbs(patterns),
                 words("planned_modifiers"), WarWords(words("war_sides"), words("warring_words"), words("war_nouns")),
                 words("unfolding_verbs"), words("at_stake"))


def matcher_patterns(pattern: Pattern) -> list[list[dict]]:
    """Trigger, then the object path, the required path and the subject path,
    in that order: the match's token list follows it. A direct object is
    also found in the passive: "Taiwan is claimed by", "the island claimed by"."""
    trigger = {"LEMMA": {"IN": list(pattern.lemmas)}, "POS": pattern.pos}
    rest = _nodes("r", pattern.requires) + _nodes("s", pattern.subject)
    found = [[{"RIGHT_ID": "t", "RIGHT_ATTRS": trigger}, *_nodes("o", pattern.obj), *rest]]
    if pattern.takes_direct_object:
        # a direct object of certain words ("halted imports") keeps them in the passive ("imports were halted")
        words = {"LEMMA": {"IN": list(pattern.obj[0].lemmas)}} if pattern.obj[0].lemmas else {}
        passive_subject = {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": "o0",
                           "RIGHT_ATTRS": {"DEP": "nsubjpass", **words}}
        found.append([{"RIGHT_ID": "t", "RIGHT_ATTRS": {**trigger, "TAG": "VBN"}}, passive_subject, *rest])
        modified_noun = {"LEFT_ID": "t", "REL_OP": "<", "RIGHT_ID": "o0", "RIGHT_ATTRS": words}
        found.append([{"RIGHT_ID": "t", "RIGHT_ATTRS": {**trigger, "TAG": "VBN", "DEP": {"IN": ["acl", "amod"]}}},
                      modified_noun, *rest])  # "the island claimed by Beijing", "the Iran-backed group"
    return found


def _nodes(prefix: str, steps: tuple[Step, ...]) -> list[dict]:
    nodes, left = [], "t"
    for n, step in enumerate(steps):
        attrs: dict = {"DEP": {"IN": list(step.deps)}}
        if step.lemmas:
            attrs["LEMMA"] = {"IN": list(step.lemmas)}
        node_id = f"{prefix}{n}"
        nodes.append({"LEFT_ID": left, "REL_OP": ">", "RIGHT_ID": node_id, "RIGHT_ATTRS": attrs})
        left = node_id
    return nodes


def extract_facts(doc: Doc, rules: Rules, kb: KnowledgeBase, date: dt.date | None = None) -> list[Fact]:
    """Every fact of `doc`: the titles and allegiances resolution read beside
    names, what the patterns read off the parse, and who was in office on the
    article's `date`."""
    ents = doc_mentions(doc, kb)
    opened: dict[str, OpenIssue] = {}
    judged = judged_facts(doc, ents, rules.condemning_words, rules.judging_verbs, rules.reporting_verbs, rules.modals)
    facts = _best([*_role_facts(doc, ents), *_matched_facts(doc, ents, rules, opened), *judged])
    facts = _best(resolve_meetings(doc, [*facts, *_shared_with_partners(facts, rules.shared_with_partners)],
                                        ents, rules.meeting_nouns))
    facts = _best(resolve_wars(doc, facts, ents.states))
    _record_open_issues(doc, [opened[k] for k in {f.obj for f in facts} if k in opened])
    return [*facts, *office_facts(doc, ents, kb, date, facts)]


def _best(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per subject, relation, object and sentence: the surest."""
    best: dict[tuple[str, str, str, str], Fact] = {}
    for fact in facts:
        key = (fact.subject, fact.relation, fact.obj, fact.evidence)
        if key not in best or best[key].confidence < fact.confidence:
            best[key] = fact
    return list(best.values())


def _known_before_open(facts: list[Fact], opened: dict[str, "OpenIssue"], listed: set[str] = frozenset()) -> list[Fact]:
    """An issue no list names is a fallback: where the same subject has the
    same relation to a known issue or an actor in the same clause, it goes
    (another clause of a long sentence, "imposed sanctions on Mali and
    suspended all flights", keeps its own)."""
    known = {(f.subject, f.relation, f.evidence) for f in facts if f.obj not in opened}
    return [f for f in facts if f.obj not in opened or f.obj in listed or (f.subject, f.relation, f.evidence) not in known]


def _shared_with_partners(facts: list[Fact], relations: frozenset[str]) -> Iterator[Fact]:
    """"Scholz met Xi to discuss trade": what one side of a meeting discussed
    in that sentence, the other side discussed too."""
    partners: dict[tuple[str, str], set[str]] = {}
    for f in facts:
        if f.relation == "metWith":
            partners.setdefault((f.evidence, f.subject), set()).add(f.obj)
            partners.setdefault((f.evidence, f.obj), set()).add(f.subject)
    for f in facts:
        if f.relation in relations:
            for other in partners.get((f.evidence, f.subject), ()):
                if other != f.obj:
                    yield Fact(other, f.relation, f.obj, f.evidence, round(f.confidence * INHERITED_DISCOUNT, 2))


def _record_open_issues(doc: Doc, found: Iterable[OpenIssue]) -> None:
    """The issues the facts named without a list knowing them become entities
    of the article, their phrases its names for them."""
    for issue in found:
        entity = Entity(issue.key, "Issue", issue.label)
        add_mention(doc, issue.start, issue.end, issue.key, VIA_OPEN_ISSUE, entity)
        if issue.bare is not None:  # "Australian barley" is also "barley"
            add_mention(doc, issue.bare, issue.bare + 1, issue.key, VIA_OPEN_ISSUE, entity)


def doc_mentions(doc: Doc, kb: KnowledgeBase) -> DocMentions:
    """What resolution left on `doc`, with the states known people act for."""
    entities = doc._.get("kg_entities") or {}
    states = kb.known_states(entities)
    return DocMentions(doc, states, kb.country_issues, kb.media)


def _role_facts(doc: Doc, ents: DocMentions) -> Iterator[Fact]:
    """holdsPosition and represents from the titles read beside names."""
    for role in ents.roles:
        evidence = evidence_of(doc[role.token])
        if role.title:
            yield Fact(role.person, "holdsPosition", role.title, evidence, role.confidence)
        if role.body:
            yield Fact(role.person, "represents", role.body, evidence, role.confidence)


def _matched_facts(doc: Doc, ents: DocMentions, rules: Rules, opened: dict[str, OpenIssue]) -> Iterator[Fact]:
    by_trigger: dict[int, list[tuple[int, Fact]]] = {}
    displaced: dict[int, frozenset[str]] = {}  # trigger -> relations a surer reading of it took the place of
    listed: set[str] = set()  # open issues that are items of a list beside known ones: kept
    for index, tokens in [*rules.matches(doc), *unattached_objects(doc, ents, rules.direct_object_verbs)]:
        reader = _MatchReader(doc, ents, rules, rules.patterns[index], tokens, opened)
        found = list(reader.facts())
        listed |= reader.listed
        if found and rules.patterns[index].displaces:
            displaced[tokens[0]] = displaced.get(tokens[0], frozenset()) | rules.patterns[index].displaces
        by_trigger.setdefault(_clause_verb(doc[tokens[0]]), []).extend((tokens[0], f) for f in found)
    for facts in by_trigger.values():
        yield from _known_before_open([f for t, f in facts if f.relation not in displaced.get(t, ())], opened, listed)


def _clause_verb(trigger: Token) -> int:
    """The verb a trigger belongs to ("raised" for "raised concerns about"):
    triggers of one clause share their known issues."""
    token = trigger
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token.i


def _object_thanked_for(token: Token) -> Token | None:
    """"thanked Turkey for backing Sweden": the object of the verb does what
    follows "for". Not "accused X of helping Y" (a claim, not a fact) nor
    "barred X from attending" (what X does not do)."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "for":
        return None
    return child(prep.head, ("dobj",)) if prep.head.pos_ == "VERB" else None


def _object_accused_of(token: Token) -> bool:
    """"accused X of doing", "barred X from doing": what X is said to do or not do."""
    prep = token.head
    return token.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ in ("of", "from") \
        and prep.head.pos_ == "VERB" and child(prep.head, ("dobj",)) is not None


class _MatchReader:
    """Reads one match into facts."""

    def __init__(self, doc: Doc, ents: DocMentions, rules: Rules, pattern: Pattern,
                 tokens: list[int], opened: dict[str, OpenIssue]) -> None:
        self.doc, self.ents, self.rules, self.p = doc, ents, rules, pattern
        self.opened = opened  # the open issues read so far in this Doc
        self.trigger = doc[tokens[0]]
        n_obj, n_req = len(pattern.obj), len(pattern.requires)
        self.obj_token = doc[tokens[n_obj]] if n_obj else None
        subject_tokens = tokens[1 + n_obj + n_req:]
        self.subject_token = doc[subject_tokens[-1]] if subject_tokens else None
        self._reporter: Token | None = None  # who reports the meeting the trigger names
        self.listed: set[str] = set()  # open issues listed beside known ones ("trade, the defence industry and energy")

    def facts(self) -> Iterator[Fact]:
        relation = self.p.relation
        if not self.p.future and (self._hypothetical(self._clause_of(self.trigger)) or self._planned()):
            return
        if self._purpose():
            return
        if self._given_up():
            return
        if self._negated():
            if not self.p.negated:
                return
            relation = self.p.negated
        evidence = evidence_of(self.trigger)
        together: dict[str, float] = {}
        for subj, obj, discount in self._pairs(relation):
            own_side = self.ents.states.get(subj.key) == obj.key or self.ents.states.get(obj.key) == subj.key
            if subj.key == obj.key or own_side and relation != "represents":
                continue  # no one meets, urges or criticises themselves or the state they act for
            confidence = round(self.p.confidence * discount, 2)
            together[subj.key] = confidence
            if relation == "metWith":
                together[obj.key] = confidence
            yield Fact(subj.key, relation, obj.key, evidence, confidence)
        if relation in self.rules.joint_action and not self.p.reciprocal and not self.p.between \
                and not self._each_on_its_own([m for m in self.ents.mentions if m.key in together]):
            yield from self._acting_together(together, evidence)
        if relation == "metWith" and together:
            yield from self._visits(together, evidence)

    def _visits(self, sides: dict[str, float], evidence: str) -> Iterator[Fact]:
        """"Blinken met Wang in Beijing": a person who met in a state they do
        not act for visited it."""
        place = self._meeting_place()
        for key, confidence in sides.items() if place is not None else ():
            state = self.ents.states.get(key)
            if kind_of(key) == "Person" and state is not None and state != place:
                yield Fact(key, "visited", place, evidence, round(confidence * INHERITED_DISCOUNT, 2))

    def _meeting_place(self) -> str | None:
        """The country of the capital or country the meeting was held in or at."""
        holders = [self.trigger]
        if self.trigger.pos_ == "NOUN" and self.trigger.dep_ == "dobj":  # "held talks in Beijing"
            holders.append(self.trigger.head)
        for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            for tok in prep.subtree:
                mention = self.ents.actor(tok.i)
                if mention is not None and kind_of(mention.key) == "Country" and mention.via in (VIA_PLACE, "name"):
                    return mention.key
        return None

    def _each_on_its_own(self, subjects: list[Mention]) -> bool:
        """"Both the Netherlands and Japan agreed to limit exports": a "both"
        before the list of subjects says each did it, not with the other."""
        sent = self.trigger.sent
        if any(t.lower_ == "along" and t.dep_ == "prep"
               and any(m.start <= g.i < m.end for g in t.subtree for m in subjects) for t in sent):
            return True  # "Poland, along with Slovakia, imposed": each did the same, not with the other
        return any(t.dep_ in ("preconj", "det") and t.lower_ == "both" and t.i < self.trigger.i
                   and any(c.dep_ == "conj" for c in t.head.children)  # a list, not "both sides"
                   and any(m.start <= t.head.i < m.end for m in subjects) for t in sent)

    def _acting_together(self, subjects: dict[str, float], evidence: str) -> Iterator[Fact]:
        """"The United States and Britain launched strikes": actors who do one
        thing together cooperate."""
        keys = sorted(k for k in subjects if kind_of(k) in ("Country", "Organization"))
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                yield Fact(a, "cooperatesWith", b, evidence, round(min(subjects[a], subjects[b]) * JOINT_DISCOUNT, 2))

    # ------------------------------------------------------------ arguments
    def _pairs(self, relation: str) -> Iterator[tuple[Mention, Mention, float]]:
        allowed = RELATIONS[relation].objects  # a symmetric relation's either side
        if self.p.between:
            members = self._actors(self.obj_token) if self.obj_token is not None else []
            if self.obj_token is not None and self.obj_token.dep_ == "compound":
                members += [m for m in self._hyphen_partners(self.obj_token) if m not in members]
            for a, b, d in _all_pairs(m for m in members if kind_of(m.key) in allowed):
                yield a, b, d
                if not RELATIONS[relation].symmetric:  # "fighting between X and Y": each attacks the other
                    yield b, a, d
            return
        if relation == "allyOf" and self.obj_token is not None and self.obj_token.dep_ == "poss" \
                and self.obj_token.tag_ == "PRP$":
            return  # "the US and its NATO allies": allies left unnamed
        subjects, discount = self._subjects()
        subjects = [m for m in subjects if is_placeholder(m.key) or kind_of(m.key) in ACTORS]
        if self.p.reciprocal:
            if self._each_on_its_own(subjects):
                return
            if relation == "allyOf" and self.p.pos == "NOUN" and any(
                    c.dep_ in ("compound", "poss") and self.ents.actor(c.i) is not None for c in self.trigger.children):
                return  # "Japan and South Korea are US allies": allies of the US, not of each other
            members = [m for m in subjects if kind_of(m.key) in allowed]
            yield from ((a, b, discount * d) for a, b, d in _all_pairs(members))
            return
        if self.p.counterpart:
            objects = self._counterparts(subjects)
            discount *= COUNTERPART_DISCOUNT
        elif self.p.clause_object:
            objects = self._clause_subject_of(self.trigger)
            discount *= INHERITED_DISCOUNT
        elif self.obj_token is None:
            return
        else:
            objects = self._objects(relation)
        paired = {m.key for m in objects if m.via == "pair"}
        for obj in objects:
            for subj in subjects:
                if obj.via == "pair" and paired & {subj.key, self.ents.states.get(subj.key)}:
                    continue  # "China urged both sides": the pair it is one of is not the pair meant
                pronoun = PRONOUN_DISCOUNT if "pronoun" in (subj.via, obj.via) else 1.0
                yield subj, obj, discount * pronoun

    def _hyphen_partners(self, token: Token) -> list[Mention]:
        """"No breakthrough in Armenia-Azerbaijan talks": the state joined to
        the last by a hyphen is the other side."""
        doc = self.doc
        if token.i < 2 or doc[token.i - 1].text not in HYPHENS:
            return []
        mention = self.ents.actor(token.i - 2)
        return [mention] if mention is not None and kind_of(mention.key) in ACTORS else []

    def _objects(self, relation: str) -> list[Mention]:
        allowed = RELATIONS[relation].objects
        token = _antecedent(self.obj_token)
        found: list[Mention] = []
        if "Issue" not in allowed and token.lemma_.lower() in self.rules.at_stake:
            return []  # "threatens the peace and security of Japan" warns no one
        if allowed & ACTORS and not self.p.objects and names_war_sides(token, self.rules.war_words):
            return [war_placeholder(token)]  # "urged the warring parties": the war's sides (kg.wars)
        if allowed & ACTORS and not self._owned_thing(token):
            found = [m for m in self._actors(token) if kind_of(m.key) in allowed]
        if not found and self.p.nationality:
            found = [self._nationality(c)
                     for c in token.children if c.i in self.ents.nationalities]
        if not found and relation == "criticized" and token.pos_ == "NOUN":
            found = self._doers(token) or self._deed_done_before(token)  # "condemned the raid carried out by
            # Israel": the raid's doer; "North Korea launched a missile. Japan condemned the launch": the launcher
        if not found and "Issue" in allowed:
            own = self.ents.issue(token.i) if relation in STANCES else None
            found = [own] if own is not None else self._issues_under(token)  # backing "tariffs on EVs" backs tariffs
            if not found:  # "the dam", "the dam's safety"
                found = next(filter(None, (self._issue_named_before(t) for t in (token, *token.children)
                                           if t is token or t.dep_ == "poss")), [])
            topic = past_vague_heads(token, self.rules.vague_objects)
            if not found and topic is not None and topic is not token:  # "the effects of the war"
                found = self._issue_named_before(topic)
            if topic is not None and topic.dep_ == "prep":  # a path that ends at "of": its object
                topic = past_vague_heads(child(topic, ("pobj",)) or topic, self.rules.vague_objects)
            if not found and topic is not None and topic.lemma_.lower() in RESULT_WORDS:
                found = self._vote_named_before(topic)
        if not found and self.p.object_preps:
            found = [m for t in (token, *token.conjuncts) for c in t.children
                     if c.dep_ == "prep" and c.lower_ in self.p.object_preps
                     for g in c.children if g.dep_ == "pobj" for m in self._actors(g)]
        if not found and self.p.open_issues and not self._modifies(token):
            found = self._open_issues(token)
        elif found and relation in AGENDA_RELATIONS and self.p.open_issues and not self._modifies(token):
            found += [m for m in self._open_list_items(token) if m.key not in {f.key for f in found}]
        if not found and allowed & ACTORS and self._owned_thing(token):
            found = [m for m in self._actors(token) if kind_of(m.key) in allowed]
        if "Issue" in allowed:  # "including A, reopening of B, as well as C": the list's later items
            continued = [m for m in self._list_continued(token) if m.key not in {f.key for f in found}]
            if continued and relation in AGENDA_RELATIONS:  # the open issues listed before them stay
                self.listed |= {m.key for m in found if m.key in self.opened}
            found += continued
        if self.p.objects:
            found = [m for m in found if kind_of(m.key) in self.p.objects]
        return found

    def _doers(self, deed: Token) -> list[Mention]:
        """"the attack by Israeli settlers", "the tariffs imposed by the EU":
        who did the deed criticised."""
        agents = [t for c in deed.children if c.dep_ == "prep" and c.lower_ == "by" for t in objects_of(c)]
        if deed.dep_ == "dobj" and deed.head.tag_ != "VBN":  # "condemned the killings by X", "by" hung on the verb
            agents += [t for c in deed.head.children if c.dep_ == "prep" and c.lower_ == "by" for t in objects_of(c)]
        found: list[Mention] = []
        for agent in agents + _participle_objects(deed, ("by",)):
            found += [m for m in self._acting(agent) if kind_of(m.key) in ACTORS and m not in found]
        return found

    def _deed_done_before(self, deed: Token) -> list[Mention]:
        """"the launch", "the annexation", with nothing to say whose: the actor
        who last did it before, by the verb ("North Korea launched") or the
        noun with its doer ("North Korea's launch") in this sentence or the few
        before it."""
        lemma = deed.lemma_.lower()
        if len(lemma) < DEED_STEM or lemma in self.rules.vague_objects or lemma in self.rules.vague_alone \
                or not any(c.dep_ == "det" and c.lower_ in DEED_DETERMINERS for c in deed.children) \
                or any(c.dep_ in ("poss", "compound", "prep") for c in deed.children):
            return []
        sents = list(self.doc.sents)
        here = next(n for n, sent in enumerate(sents) if sent.start <= deed.i < sent.end)
        start = sents[max(0, here - DEED_LOOKBACK)].start
        for tok in reversed(self.doc[start:deed.i]):
            if tok.pos_ == "VERB" and tok.lemma_.lower()[:DEED_STEM] == lemma[:DEED_STEM]:
                doer = child(tok, ("nsubj",))
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma and tok.i != deed.i:
                doer = child(tok, ("poss",)) or next(
                    (t for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for t in objects_of(c)), None)
            else:
                continue
            found = [m for m in self._acting(doer) if kind_of(m.key) in ACTORS] if doer is not None else []
            if found:
                return found
        return []

    def _modifies(self, token: Token) -> bool:
        """"the Iran-backed group": the trigger is part of the object's phrase,
        which is then no topic of its own."""
        return self.trigger.dep_ in ("acl", "amod") and self.trigger.head == token \
            and self.trigger.i < token.i  # "groups outlawed in Turkey": a clause after the noun

    def _owned_thing(self, token: Token) -> bool:
        """"backed Sweden's NATO membership", "opposed the EU loan": where a
        topic may be the object, a thing of an actor is that thing, not the
        actor ("US officials", "Hamas's demands" still are the actor)."""
        lemma = token.lemma_.lower()
        return self.p.open_issues and token.pos_ == "NOUN" and self.ents.actor(token.i) is None \
            and lemma not in self.rules.agent_nouns and lemma not in self.rules.vague_objects

    def _issue_named_before(self, token: Token) -> list[Mention]:
        """"the dam", "the pact": a word that names no issue alone, with no
        modifier, is the last issue named before it whose name ends in it
        ("the Grand Ethiopian Renaissance Dam" ... "fears the dam will")."""
        word = token.lemma_.lower()
        if word not in self.rules.vague_alone or token.tag_ != "NN" \
                or any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in token.children):
            return []
        named = [m for m in self.ents.mentions if m.key.startswith("issue/") and m.end <= token.i
                 and (m.text.lower().split()[-1] in (word, token.lower_)  # "the war in Ukraine" too
                      or self.doc[m.start:m.end].root.lemma_.lower() == word)]
        last = max(named, key=lambda m: m.start, default=None)
        if last is None and self.p.open_issues and self.p.relation in TOPIC_RELATIONS | STANCES:
            last = self._phrase_named_before(token)
        return [Mention(token.i, token.i + 1, last.key, token.text, "issue")] if last else []

    def _vote_named_before(self, token: Token) -> list[Mention]:
        """"cast doubt on the election ... expressed skepticism of the
        results": results of nothing named are those of the last vote named
        before, in this sentence or an earlier one."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return []
        for tok in reversed(self.doc[:token.i]):
            if tok.lower_ in VOTE_WORDS and tok.pos_ == "NOUN":  # not "the votes of the people"
                issue = self.ents.issue(tok.i)
                if issue is None and self.p.open_issues:
                    opened = open_issue(tok, self.ents, self.rules.vague_objects, self.rules.vague_alone)
                    if opened is not None:
                        self.opened.setdefault(opened.key, opened)
                        issue = Mention(opened.start, opened.end, opened.key, opened.label, VIA_OPEN_ISSUE)
                return [Mention(token.i, token.i + 1, issue.key, token.text, "issue")] if issue else []
        return []

    def _phrase_named_before(self, token: Token) -> Mention | None:
        """"signed a security pact ... concern the pact would": with no issue
        named before, the last phrase before it headed by the same word with a
        modifier of its own, read as an open issue."""
        for tok in reversed(self.doc[:token.i]):
            if (tok.lemma_.lower() == token.lemma_.lower() or {tok.lemma_.lower(), token.lemma_.lower()} <= PACT_WORDS) \
                    and tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") for c in tok.children):
                if all(c.lower_ in GENERIC_MODIFIERS for c in tok.children if c.dep_ in ("amod", "compound")):
                    continue  # "a global agreement", "a new deal": which one is said elsewhere
                issue = open_issue(tok, self.ents, self.rules.vague_objects, self.rules.vague_alone)
                if issue is None:
                    return None
                self.opened.setdefault(issue.key, issue)
                return Mention(issue.start, issue.end, issue.key, issue.label, VIA_OPEN_ISSUE)
        return None

    def _open_issues(self, token: Token) -> list[Mention]:
        """"concerns about the shadow fleet and EV tariffs": one issue each."""
        found = []
        if token.dep_ == "prep":  # a path that ends at "about": what it is about
            token = child(token, ("pobj",)) or token
        for tok in self._list_items(token):
            issue = open_issue(tok, self.ents, self.rules.vague_objects, self.rules.vague_alone)
            if issue is not None:
                self.opened.setdefault(issue.key, issue)
                found.append(Mention(issue.start, issue.end, issue.key, issue.label, VIA_OPEN_ISSUE))
        return found

    def _list_items(self, token: Token) -> list[Token]:
        """The items of a list of topics: the phrase, its conjuncts, what a
        vague head lists ("a range of topics, including A and B"), and the
        items the parser hung on a place in the first one ("the crisis in
        Myanmar, border security and scam centres")."""
        items = [token, *token.conjuncts, *self._listed_topics(token)]
        for appos in (c for c in token.children if c.dep_ == "appos" and _coordinated(c)):
            items += [appos, *appos.conjuncts]  # "A, B and C" parsed as B in apposition to A, C its conjunct
        for item in list(items):
            places = [g for c in item.children if c.dep_ == "prep" for g in c.children
                      if g.dep_ == "pobj" and self.ents.actor(g.i) is not None]
            items += [t for place in places for t in place.conjuncts
                      if t not in items and self.ents.actor(t.i) is None and t.pos_ in ("NOUN", "PROPN")]
        return items

    def _open_list_items(self, token: Token) -> list[Mention]:
        """"discussed trade, the defence industry and energy": where some items
        of a list name known issues, the others that name none are open issues
        of their own (a single phrase is no list: the known issue in it is its topic)."""
        if token.dep_ == "prep":
            token = child(token, ("pobj",)) or token
        items = self._list_items(token)
        if len(items) < 2:
            return []
        found = []
        for item in items:
            listed_after = {t.i for c in item.subtree if c is not item and (c.dep_ == "conj" or c in items)
                            for t in c.subtree}
            own = [t for t in item.subtree if t.i not in listed_after]
            if any(self.ents.issue(t.i) or self.ents.actor(t.i) for t in own):
                continue
            issue = open_issue(item, self.ents, self.rules.vague_objects, self.rules.vague_alone)
            if issue is not None:
                self.opened.setdefault(issue.key, issue)
                self.listed.add(issue.key)
                found.append(Mention(issue.start, issue.end, issue.key, issue.label, VIA_OPEN_ISSUE))
        return found

    def _listed_topics(self, token: Token) -> list[Token]:
        """"a range of topics, including port fees and fishing rights": the
        items listed under a vague head, or under what it is of."""
        for _ in range(3):
            if token.lemma_.lower() not in self.rules.vague_objects:
                return []
            for prep in token.children:
                if prep.dep_ == "prep" and (prep.lower_ in MEMBER_PREPS or _such_as(prep)):
                    return objects_of(prep)
            token = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
            if token is None:
                return []
        return []

    def _list_continued(self, token: Token) -> list[Mention]:
        """"a range of topics, including A, reopening of B and C, as well as
        D": the parser may hang the later items of a list under a vague head
        on the clause instead. The issues named after the list's first items,
        up to the end of the list (a finite verb, "according to", a clause's
        subject), are listed too."""
        prep = None
        for _ in range(3):
            if token is None or token.lemma_.lower() not in self.rules.vague_objects:
                return []
            prep = next((c for c in token.children if c.dep_ == "prep"
                         and (c.lower_ in MEMBER_PREPS or _such_as(c))), None)
            if prep is not None:
                break
            token = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
        if prep is None or prep.right_edge.i + 1 >= prep.sent.end \
                or self.doc[prep.right_edge.i + 1].lower_ not in (",", "and"):
            return []
        found: dict[str, Mention] = {}
        for tok in self.doc[prep.right_edge.i + 1:prep.sent.end]:
            if tok.lower_ in ("according", ";", ":") or tok.dep_ in ("nsubj", "nsubjpass") \
                    or (tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBG") or word_in(tok, self.rules.reporting_verbs):
                break
            issue = self.ents.issue(tok.i)
            if issue is not None:
                found.setdefault(issue.key, issue)
        return list(found.values())

    def _government_of(self, noun: Token, leader: Mention) -> Mention | None:
        """"the Biden administration", "Meloni's government": the state whose
        government it is, where the knowledge base knows whom the leader acts for."""
        state = self.ents.states.get(leader.key) if noun.lemma_.lower() in GOVERNMENT_NOUNS else None
        return Mention(leader.start, leader.end, state, leader.text, "government") if state else None

    def _clause_subject_of(self, noun: Token) -> list[Mention]:
        """"Japan agreed to curbs under pressure from Washington", "Manila
        faces pressure from Beijing": who is under it is the clause's subject."""
        noun = _counted(noun)  # "despite a flurry of calls from": the calls stand where the flurry does
        while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":  # "defied calls and warnings from X": the list's place
            noun = _counted(noun.head)
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else \
            noun.head if noun.dep_ == "dobj" else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return []
        if self.p.clause_verbs and not (noun.dep_ == "dobj" and verb.lemma_.lower() in self.p.clause_verbs
                                        or noun.dep_ == "pobj" and noun.head.lower_ in self.p.clause_verbs):
            return []  # "defied calls from", "despite calls from"
        subject = child(verb, ("nsubj", "nsubjpass"))
        token = subject if subject is not None else self._climb_subject(verb)[0]
        found = self._acting(token) if token is not None else []
        if noun.dep_ == "pobj" and self.p.clause_verbs and len(found) > 1:
            return []  # "despite calls from X, A and B signed": which of them was called on is not said
        return found

    def _counterparts(self, subjects: list[Mention]) -> list[Mention]:
        """"he warned of the dangers": of whom, when the sentence names no one."""
        addressed = any(c.dep_ in ("dobj", "dative") and self.ents.actor(c.i) is not None
                        for c in self.trigger.children)
        if addressed or len(subjects) != 1:
            return []
        targets = [t for c in self.trigger.children if c.dep_ in ("xcomp", "acl", "dobj") for p in c.children
                   if p.dep_ == "prep" and p.lower_ == "against" for t in objects_of(p)]
        if targets:  # "threatened to retaliate against any country that": the threat's own target, if any
            return [m for t in targets for m in self._actors(t)]
        other = counterpart(self.doc, self.ents, subjects[0].key, self.trigger, look_back=False)
        return [other] if other else []

    def _subjects(self) -> tuple[list[Mention], float]:
        meeting = self._meeting_subject()
        if meeting is not None:
            return [meeting], 1.0
        if self.p.speaker_subject:
            return self._speaker(), INHERITED_DISCOUNT
        if self.subject_token is not None and self.subject_token.lower_ == "we" and self.p.reciprocal:
            return self._we(), INHERITED_DISCOUNT
        if self.p.reciprocal and self.subject_token is None and self.trigger.tag_ == "VBN" \
                and self.trigger.dep_ in ("acl", "amod"):  # "a deal brokered by Qatar and Egypt"
            return [c for t in self._by_agents() for c in self._actors(t)], 1.0
        if self.subject_token is not None:
            return self._acting(self.subject_token), 1.0
        if self.p.clause_object and self.p.pos == "NOUN" and not self.p.subject:
            return self._owner_named_before(self.trigger), INHERITED_DISCOUNT
        if self._passive():
            agent = [c for t in self._by_agents() for c in self._actors(t)]
            return agent, 1.0
        token, discount = self._subject_token()
        if token is not None and token.lower_ == "we" and self.p.reciprocal:
            return self._we(), discount
        if token is not None and token is self._reporter:  # "Egypt's foreign ministry said talks with"
            return [self._state_of_body(token, m) for m in self._acting(token)], discount
        found = self._acting(token) if token is not None else []
        if found:  # "X decided to extend the embargo, along with Y, on": Y acts with the subject it takes
            found += [m for m in self._companions(self._own_verb()) if m not in found]
        return (found, discount) if found else (self._met_side(), INHERITED_DISCOUNT)

    def _owner_named_before(self, noun: Token) -> list[Mention]:
        """"Peru and Chile backed a proposal for a joint fishing zone. Bolivia
        rejected the proposal": a "the proposal" that names no owner is the
        one named last before, in this sentence or the few before it; whose it
        is: its owner ("Peru's proposal", "a plan by Peru"), else the
        subject of the clause it stands in ("Peru tabled a plan", "they were
        aligned on a proposal"), or the subject of its verb ("Peru proposed")."""
        if not any(c.dep_ == "det" and c.lower_ in DEED_DETERMINERS for c in noun.children) \
                or any(c.dep_ in ("poss", "compound", "amod") or c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                       for c in noun.children):
            return []
        lemma = noun.lemma_.lower()
        sents = list(self.doc.sents)
        here = next(n for n, sent in enumerate(sents) if sent.start <= noun.i < sent.end)
        start = sents[max(0, here - DEED_LOOKBACK)].start
        for tok in reversed(self.doc[start:noun.i]):
            if tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma:
                owners = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")] + \
                    [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                     for t in objects_of(c)]
                found = [m for t in owners for m in self._acting(t) if kind_of(m.key) in ACTORS]
                if not found and any(c.i in self.ents.nationalities for c in tok.children):
                    found = [self._nationality(c) for c in tok.children if c.i in self.ents.nationalities]
                if not found:
                    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else \
                        tok.head if tok.dep_ == "dobj" else None
                    subject = child(verb, ("nsubj", "nsubjpass")) if verb is not None \
                        and verb.pos_ in ("VERB", "AUX", "ADJ") else None
                    found = [m for m in self._acting(subject) if kind_of(m.key) in ACTORS] if subject is not None else []
                if found or not any(c.dep_ == "det" and c.lower_ in DEED_DETERMINERS for c in tok.children):
                    return found  # "the offer was discussed": one more mention of the same, further back
            if tok.pos_ == "VERB" and len(lemma) >= DEED_STEM and tok.lemma_.lower()[:DEED_STEM] == lemma[:DEED_STEM]:
                subject = child(tok, ("nsubj",))
                return [m for m in self._acting(subject) if kind_of(m.key) in ACTORS] if subject is not None else []
        return []

    def _own_verb(self) -> Token:
        """The verb of the trigger's own clause: the trigger, or the verb a
        noun trigger is the object of ("extend an embargo")."""
        trigger = self.trigger
        return trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger

    def _met_side(self) -> list[Mention]:
        """"The opposition leader also met Campbell and discussed democracy":
        with no actor met on its side, the side met shares the topic."""
        verb = self.trigger.head
        if self.p.relation not in self.rules.shared_with_partners or self.trigger.dep_ != "conj" \
                or verb.lemma_.lower() not in MEETING_VERBS:
            return []
        met = [c for c in verb.children if c.dep_ == "dobj"] + \
            [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for t in objects_of(c)]
        return [m for t in met for m in self._actors(t) if m.via != "pronoun"]

    def _state_of_body(self, token: Token, mention: Mention) -> Mention:
        """A state's ministry that reports talks with another side reports
        its state's talks: the state it is of ("Egypt's foreign ministry")."""
        if kind_of(mention.key) != "Organization":
            return mention
        state = self.ents.states.get(mention.key)
        if state is None:  # a body the pipeline made for the state: organization/<state>-<body>
            owners = [k for k in self.ents.entities if kind_of(k) == "Country"
                      and mention.key.startswith(f"organization/{k.split('/', 1)[1]}-")]
            state = max(owners, key=len, default=None)
        return Mention(mention.start, mention.end, state, mention.text, "government") if state else mention

    def _acting(self, token: Token) -> list[Mention]:
        """The actors of a subject; "Israeli forces", "Chinese officials", "the
        Russian government" act for their state when they do something (as
        objects they stay unnamed); "the Hungarian leader" is a person."""
        found = self._actors(token)
        if not found and token.lemma_.lower() in self.rules.agent_nouns and (
                token.tag_ == "NNS" or token.lemma_.lower() in self.rules.collective_agents):
            found = [self._nationality(c)
                     for c in token.children if c.dep_ in ("amod", "compound") and c.i in self.ents.nationalities]
        return found + [m for m in self._companions(token) if m not in found]

    def _companions(self, subject: Token) -> list[Mention]:
        """"Poland, along with Slovakia, imposed", "Britain, together with
        France, condemned", "X expressed doubts, along with a number of
        European nations, including Spain": who is named with the subject acts
        too; after the verb only where commas set the phrase off ("condemned
        Iran along with France" stays unread)."""
        verb = subject.head if subject.dep_ in ("nsubj", "nsubjpass") else subject
        found: list[Mention] = []
        for c in (*subject.children, *(verb.children if verb is not subject else ())):
            if c.dep_ != "prep" or c.i < subject.i or (c.i > verb.i and self.doc[c.left_edge.i - 1].text != ","):
                continue
            if c.lower_ in ("along", "together"):
                objects = [g for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for g in objects_of(w)]
            elif c.lower_ == "with" and any(a.lower_ == "together" for a in c.children if a.dep_ == "advmod"):
                objects = list(objects_of(c))
            else:
                continue
            for tok in objects:
                found += [m for m in self._actors(self._past_quantity(tok)) if m not in found]
        return found

    def _past_quantity(self, tok: Token) -> Token:
        """"a number of nations": the nations."""
        for _ in range(2):
            inner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
            if tok.lemma_.lower() not in self.rules.vague_objects or inner is None:
                break
            tok = inner
        return tok

    def _meeting_subject(self) -> Mention | None:
        """"The talks covered trade", "they reviewed the aid effort": a
        subject that names a meeting, or a "they" no one resolved, stands for
        the meeting's sides (kg.meetings), for what both sides of a meeting do."""
        if self.p.relation not in self.rules.shared_with_partners or self.p.pos != "VERB":
            return None
        subject = child(self.trigger, ("nsubj", "nsubjpass"))
        if subject is None or self.ents.actor(subject.i) is not None or self.ents.pairs.get(subject.i):
            return None
        if subject.lemma_.lower() in self.rules.meeting_nouns or subject.lower_ == "they":
            return placeholder(subject)
        return None

    def _speaker(self) -> list[Mention]:
        """Who says the sentence: the quotation's speaker, else the subject of
        its reporting verb ('"X needs to stop," Lula said'; 'Lula said X must')."""
        key = speaker_of(self.doc, self.trigger)
        if key:
            return [Mention(self.trigger.i, self.trigger.i + 1, key, self.trigger.text, "speaker")]
        if word_in(self.trigger, self.rules.reporting_verbs):
            subject = child(self.trigger, ("nsubj",))
            return self._actors(subject) if subject is not None else []
        return []

    def _we(self) -> list[Mention]:
        """""we disagree," Blinken said': the speaker and the other side."""
        key = speaker_of(self.doc, self.trigger)
        speaker = Mention(self.trigger.i, self.trigger.i + 1, key, self.trigger.text, "speaker") if key else \
            quote_speaker(self.trigger.sent, self.ents, self.rules.reporting_verbs)
        if speaker is None:
            return []
        other = counterpart(self.doc, self.ents, speaker.key, self.trigger, look_back=True)
        return [speaker, other] if other else []

    def _subject_token(self) -> tuple[Token | None, float]:
        trigger = self.trigger
        if self.p.pos == "NOUN":
            for c in trigger.children:  # "their talks" no one resolved: whoever holds them, below
                if c.dep_ == "poss" and (self.obj_token is None or c.i != self.obj_token.i) \
                        and not (c.tag_ == "PRP$" and self.ents.actor(c.i) is None):  # "Japan is Washington's ally"
                    return c, 1.0
            for agent in self._by_agents():
                return agent, 1.0
            if trigger.dep_ == "appos":  # "Japan, a close ally of the United States"
                return trigger.head, 1.0
            copula_subject = child(trigger.head, ("nsubj",)) if trigger.dep_ == "attr" else None
            if copula_subject is not None and trigger.head.lemma_ == "be":  # "Japan is an ally of"
                return copula_subject, 1.0
            predicated = trigger.head if trigger.dep_ == "oprd" else trigger.head.head \
                if trigger.dep_ == "pobj" and trigger.head.lower_ == "as" else None
            passive_subject = child(predicated, ("nsubjpass",)) if predicated is not None else None
            if passive_subject is not None:  # "Japan is considered (seen as) Washington's closest ally"
                return passive_subject, 1.0
            governing = self._governing_subject(trigger)
            if governing[0] is not None:
                return governing
            nationality = self._nationality_before(trigger)
            if nationality is not None:  # "the Russian invasion of Ukraine": the noun's own actor
                return nationality, 1.0
            modifier = self._modifying_actor(trigger)
            return (modifier, 1.0) if modifier is not None else self._reporter_of_meeting(trigger)
        own = child(trigger, ("nsubj", "csubj"))
        if own is not None:
            return own, 1.0
        first = trigger  # "a statement vowing to act and urging the US": the first of the verbs
        while first.dep_ == "conj" and first.head.pos_ == "VERB" and child(first.head, ("nsubj",)) is None:
            first = first.head
        if first.dep_ in ("relcl", "acl") and first.head.pos_ in ("NOUN", "PROPN"):
            noun = first.head
            if self._actors(noun) or noun.dep_ not in ("dobj", "nsubjpass"):
                return noun, 1.0
            return child(noun.head, ("nsubj",)), INHERITED_DISCOUNT  # "X adopted a resolution demanding"
        return self._climb_subject(trigger)

    def _nationality(self, token: Token) -> Mention:
        """A nationality word read as its state ("Russian" for Russia)."""
        return Mention(token.i, token.i + 1, self.ents.nationalities[token.i], token.text, "nationality")

    def _nationality_before(self, noun: Token) -> Token | None:
        """A nationality adjective before the noun ("Russian", "Israeli"); a
        country's name there is left to `_modifying_actor`, since "the Ukraine
        war" is no war Ukraine wages."""
        for c in noun.children:
            if c.i < noun.i and c.dep_ == "amod" and c.i in self.ents.nationalities \
                    and all(t.pos_ in ("ADJ", "ADV", "PUNCT") for t in self.doc[c.i + 1:noun.i]):
                return c  # not "Russian oil deliveries": the oil is Russian
        return None

    def _reporter_of_meeting(self, noun: Token) -> tuple[Token | None, float]:
        """"Egypt said talks with Ethiopia ended": with no one else named as
        holding the talks, the side that reports them held them."""
        if noun.lemma_.lower() not in self.rules.meeting_nouns:
            return None, 1.0
        token = noun
        for _ in range(6):
            if token.head.i == token.i:
                return None, 1.0
            token = token.head
            if token.pos_ == "VERB" and word_in(token, self.rules.reporting_verbs):
                self._reporter = child(token, ("nsubj",))
                return self._reporter, INHERITED_DISCOUNT
        return None, 1.0

    def _modifying_actor(self, noun: Token) -> Token | None:
        """"US allies", "EU sanctions": with no one else acting, the actor
        named before the noun (nationalities: `_nationality_before`)."""
        for c in noun.children:
            if c.i < noun.i and c.dep_ in ("compound", "amod"):
                mention = self.ents.actor(c.i)
                if mention is not None and not self.ents.read_as_issue(mention):
                    return c
        return None

    def _governing_subject(self, noun: Token) -> tuple[Token | None, float]:
        """"Wang outlined complaints about": the subject of a light verb; "X and
        Y smiled before talks": the pair around a reciprocal noun."""
        head = noun.head
        if noun.dep_ in ("dobj", "attr", "nsubjpass") and word_in(head, self.rules.light_verbs):
            subject = child(head, ("nsubj",))
            return (subject, INHERITED_DISCOUNT) if subject is not None else self._climb_subject(head)
        if self.p.reciprocal and noun.dep_ == "pobj" and head.dep_ == "prep":
            subject = child(head.head, ("nsubj",))
            return subject, INHERITED_DISCOUNT
        if noun.dep_ in ("attr", "acomp") and head.lemma_ == "be":  # "without being specific, complaints"
            return self._climb_subject(head)
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ == "be":  # "was on a visit to"
            verb = head.head
            subject = child(verb, ("nsubj",))
            if subject is not None:
                return subject, INHERITED_DISCOUNT
            if verb.dep_ == "relcl":
                return verb.head, INHERITED_DISCOUNT
        return self._circumstance_subject(noun)

    def _circumstance_subject(self, noun: Token) -> tuple[Token | None, float]:
        """"Speaking after meetings with X, Borrell said", "on the last day of
        a trip to China, Scholz met": whoever does the verb the circumstance
        belongs to."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep":
            return None, 1.0
        if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.head.dep_ == "prep":
            prep = prep.head.head  # "the last day of a trip": the day's preposition
        verb = prep.head
        preps = CIRCUMSTANCE_PREPS | REASON_PREPS if self.p.reason else CIRCUMSTANCE_PREPS
        if prep.lower_ == "for" and word_in(verb, MEETING_VERBS) and word_in(noun, self.rules.meeting_nouns):
            if self._hypothetical(verb):  # "will meet Y for talks on Z": not yet
                return None, 1.0
            preps = preps | {"for"}  # "met Y for talks on Z": whoever met holds the talks
        if prep.lower_ not in preps or verb.pos_ not in ("VERB", "AUX"):
            return None, 1.0
        subject = child(verb, ("nsubj",))
        return (subject, INHERITED_DISCOUNT) if subject is not None else self._climb_subject(verb)

    def _climb_subject(self, verb: Token) -> tuple[Token | None, float]:
        """A clause without a subject takes the one of the clause it hangs from."""
        token = verb
        for _ in range(5):
            owner = _owner_of_intent(token)
            if owner is not None and self._acting(owner):
                return owner, INHERITED_DISCOUNT
            if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
                return None, 1.0
            if token.dep_ == "advcl" and token.i < token.head.i and token.tag_ in ("VBD", "VBP", "VBZ"):
                return None, 1.0  # a finite clause before the main one has a subject of its own, however parsed
            if token.dep_ == "xcomp" and word_in(token.head, self.rules.object_control):
                controller = child(token.head, ("dobj",))  # "asked China to", not "reversed course to"
                if controller is not None:
                    return controller, INHERITED_DISCOUNT
            controller = _object_thanked_for(token)
            if controller is not None and self._actors(controller):
                return controller, INHERITED_DISCOUNT
            if _object_accused_of(token):
                return None, 1.0  # "accused Poland of helping Moscow": Poland's deed, and only a claim
            token = token.head
            subject = child(token, ("nsubj",))
            if subject is not None and token.pos_ in ("VERB", "AUX") and self._acting(subject):
                return subject, INHERITED_DISCOUNT  # a subject that is no actor ("the result was") is passed
        return None, 1.0

    def _actors(self, token: Token) -> list[Mention]:
        """The actors a token stands for: its own mention and its conjuncts,
        else a possessor or compound ("China's leadership", "US officials"),
        else the name it is in apposition to; "the two sides" stands for two."""
        pair = self.ents.pairs.get(token.i)
        if pair:
            return [Mention(token.i, token.i + 1, key, token.text, "pair") for key in pair]
        found: list[Mention] = []
        conjuncts = [self._owned_person(t) if _possessive(t) else t for t in token.conjuncts]
        for tok in (token, *filter(None, conjuncts), *self._listed_appositions(token)):
            mention = self._actor_mention(tok)
            if mention is not None and mention not in found:
                found.append(mention)
        for named in (c for c in token.children if c.dep_ == "appos" and self.ents.actor(c.i) in found):
            # "US allies Australia and New Zealand": the names listed in the apposition
            found += [m for t in named.conjuncts if (m := self.ents.actor(t.i)) is not None and m not in found]
        if not found:  # "most of the South China Sea and Taiwan", "negotiators from Egypt",
            # "several countries, including the United States and Spain"
            preps = ("of", "from") if token.lemma_.lower() in self.rules.agent_nouns else ("of",)
            preps += MEMBER_PREPS
            for c in token.children:
                if c.dep_ == "prep" and (c.lower_ in preps or _such_as(c)):
                    for tok in objects_of(c):
                        mention = self.ents.actor(tok.i)
                        if mention is not None and mention not in found:
                            found.append(mention)
        if not found and token.pos_ == "NOUN":  # "strikes against sites linked to the Houthis"
            found = self._named(_participle_objects(token, ("to", "with", "by"), self.rules.belonging_verbs))
        lemma = token.lemma_.lower()  # talks "hosted by" a state are not its own talks
        if not found and lemma in self.rules.vague_objects and lemma not in self.rules.meeting_nouns:
            by = [t for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for t in objects_of(c)]
            found = self._named(by + _participle_objects(token, ("by",)))  # "the remarks made by Zelensky"
        return found

    def _named(self, tokens: list[Token]) -> list[Mention]:
        return [m for t in tokens if (m := self.ents.actor(t.i)) is not None]

    def _owned_person(self, owner: Token) -> Token | None:
        """"X and Ethiopia's Prime Minister Abiy Ahmed": the owner listed is
        no side of its own; the person named after it, however parsed, is."""
        for tok in self.doc[owner.i + 1:owner.sent.end]:
            if tok.pos_ not in ("PROPN", "NOUN", "ADJ", "PART"):
                return None
            mention = self.ents.actor(tok.i)
            if mention is not None and mention.start == tok.i and kind_of(mention.key) == "Person":
                return self.doc[mention.end - 1]
        return None

    def _listed_appositions(self, token: Token) -> list[Token]:
        """"Australia, the U.K., and the U.S.": the parser reads a middle item
        of a list of countries as an apposition to the first."""
        own = self.ents.actor(token.i)
        if own is None or kind_of(own.key) != "Country":
            return []
        listed = [c for c in token.children if c.dep_ == "appos" and (m := self.ents.actor(c.i)) is not None
                  and kind_of(m.key) == "Country"]
        return listed + [t for t in self._listed_after(own) if t not in listed and t not in token.conjuncts]

    def _listed_after(self, first: Mention) -> list[Token]:
        """"Australia, the U.K., and the U.S.": the countries listed after the
        first by commas and "and", however the parser attached them (it may
        hang the last one on the verb); a country that is the subject of a
        clause of its own ("..., and Moscow said") ends the list."""
        found, i, doc = [], first.end, self.doc
        while i < len(doc):
            j = i
            while j < len(doc) and doc[j].lower_ in LIST_GLUE:
                j += 1
            mention = self.ents.actor(j) if j < len(doc) and j > i else None
            if mention is None or kind_of(mention.key) != "Country" or mention.start != j \
                    or doc[mention.end - 1].dep_ in ("nsubj", "nsubjpass", "poss"):
                return found
            found.append(doc[mention.end - 1])
            i = mention.end
        return found

    def _actor_mention(self, tok: Token) -> Mention | None:
        mention = self.ents.actor(tok.i)
        if mention is not None:
            return mention
        leader = self._leader_of(tok)
        if leader is not None:
            return leader
        if tok.i in self.ents.nationalities and tok.dep_ in ("npadvmod", "amod"):  # "Iranian-backed", "Russian"
            return self._nationality(tok)
        for c in tok.children:  # "the capital, Honiara", "the Chairman ..., Zhao Leji,", named before whose it is
            if c.dep_ == "appos" and self.ents.actor(c.i) is not None and self.ents.actor(c.i).via != "pronoun":
                return self.ents.actor(c.i)
        if any(c.dep_ in ("compound", "amod") and c.lower_ in self.rules.not_for_state for c in tok.children):
            return None  # "the Solomons opposition leader", "a former US official" act for no state
        named = self._apposed_after(tok)
        if named is not None:
            return named
        for c in tok.children:
            owner = self.ents.actor(c.i) if c.dep_ in ("poss", "compound") else None
            if owner is not None and owner.via != "pronoun":  # not "its stance"
                return self._government_of(tok, owner) or owner
        for c in tok.children:  # "the EU sanctions plans": the owner of a compound of the noun
            owner = next((self.ents.actor(g.i) for g in c.children if g.dep_ in ("poss", "compound")
                          and self.ents.actor(g.i) is not None), None) if c.dep_ == "compound" else None
            if owner is not None and owner.via != "pronoun" and not self.ents.read_as_issue(owner):
                return owner

        if tok.dep_ == "appos":
            return self.ents.actor(tok.head.i)
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":  # "Taiwan, which is claimed by"
            return self.ents.actor(tok.head.head.i) or self._name_before_relative(tok)
        following = self.ents.actor(tok.i + 1) if tok.i + 1 < len(self.doc) else None
        if tok.pos_ == "NOUN" and following is not None and following.start == tok.i + 1 \
                and following.key.startswith("person/"):  # "counterpart Hakan Fidan", however parsed
            return following
        before = tok.left_edge.i - 1  # "Taiwan, the democracy claimed by": an apposition misparsed
        if before > 0 and self.doc[before].text == "," and tok.pos_ == "NOUN":
            return self.ents.actor(before - 1)
        return None

    def _apposed_after(self, tok: Token) -> Mention | None:
        """"Wong and Australia's ambassador to China, Graham Fletcher, joined":
        the person named in apposition right after the phrase is who it is,
        though the parser hung the name on another word."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        after = tok.i + 1  # past its own phrase, "to China", however attached
        while after < min(len(self.doc), tok.i + APPOSED_REACH) and self.doc[after].pos_ in PHRASE_POS:
            after += 1
        if after + 1 >= len(self.doc) or self.doc[after].text != ",":
            return None
        mention = self.ents.actor(after + 1)
        if mention is None or mention.start != after + 1 or kind_of(mention.key) != "Person" \
                or self.doc[mention.end - 1].dep_ != "appos":
            return None
        return mention

    def _leader_of(self, tok: Token) -> Mention | None:
        """"received the US delegation headed by Blinken", "a team led by the
        envoy Li Hui": the person who leads the delegation is the side met."""
        if tok.lemma_.lower() not in LED_BODIES:
            return None
        for verb in tok.children:
            if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in LEADING_VERBS:
                by = [t for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                      for t in objects_of(c)]
                named = [m for m in self._named(by) if m.via != "pronoun"]
                if named:
                    return named[0]
        return None

    def _name_before_relative(self, pronoun: Token) -> Mention | None:
        """"unfair to Poland, which has backed Ukraine", the clause misparsed
        as of a noun before the name: the name just before the "which"."""
        before = pronoun.i - 1
        if before > 0 and self.doc[before].text == ",":
            before -= 1
        mention = self.ents.actor(before) if before >= 0 else None
        if mention is None or mention.end != before + 1 or mention.via == "pronoun" \
                or not pronoun.head.head.i < mention.start:
            return None
        return mention

    def _issues_under(self, token: Token) -> list[Mention]:
        """Every issue named in the phrase, with a country name that also
        means an issue ("concerns about Taiwan") read as that issue."""
        found: dict[str, Mention] = {}
        labels = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree}
        clauses = {t.i for c in token.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
        if not any(self.ents.issue(t.i) for t in token.subtree if t.i not in clauses | labels):
            clauses = set()  # "the package targeting the fleet": the clause only where the phrase names none
        for tok in token.subtree:
            if tok.i in labels or tok.i in clauses:  # "criticised the decision as protectionism": a label
                continue
            issue = self.ents.issue(tok.i)
            if issue is not None and not issue.start <= self.trigger.i < issue.end:
                found.setdefault(issue.key, issue)
                continue
            actor = self.ents.actor(tok.i)
            if actor is not None and actor.key in self.ents.country_issues and actor.via != "pronoun":
                key = self.ents.country_issues[actor.key]
                found.setdefault(key, Mention(actor.start, actor.end, key, actor.text, "issue"))
        return list(found.values())

    # ------------------------------------------------------------- modality
    def _passive(self) -> bool:
        if not self.p.takes_direct_object or self.trigger.tag_ != "VBN":
            return False
        return any(c.dep_ == "nsubjpass" for c in self.trigger.children) or self.trigger.dep_ in ("acl", "amod")

    def _by_agents(self) -> list[Token]:
        """"claimed by Beijing", and the "Iran" of "Iran-backed"."""
        agents = [g for c in self.trigger.children if c.dep_ == "agent" or
                  (c.dep_ == "prep" and c.lower_ == "by") for g in c.children if g.dep_ == "pobj"]
        if self.trigger.dep_ == "amod":
            agents += [c for c in self.trigger.children if c.dep_ in ("npadvmod", "compound") and c.i < self.trigger.i]
        return agents

    def _clause_of(self, trigger: Token) -> Token | None:
        """The verb whose modality a trigger shares: itself, or for a noun the
        verb it is the object of ("would seek dialogue with"). A noun elsewhere
        ("its invasion of Ukraine") names a thing that happened."""
        if self.p.pos != "NOUN":
            return trigger
        head = trigger.head
        if trigger.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and (
                word_in(head, self.rules.light_verbs) or word_in(head, self.rules.hypothetical_governors)):
            return head  # "would hold talks", "seek dialogue"; not "to end its war"
        if self.p.relation in CLAUSE_DEEDS and trigger.dep_ == "dobj" and word_in(head, frozenset(self.p.clause_verbs)):
            return head  # "may reject Egypt's proposal", "did not reject it"
        return None

    def _purpose(self) -> bool:
        """"held talks to resolve their dispute", "met in Doha to sign a deal":
        an agreement or a rift that is what something is for has not come
        about (what a meeting is to discuss, it discusses: not here)."""
        t = self.trigger
        return self.p.relation in CLAUSE_DEEDS and self.p.pos == "VERB" and t.dep_ in ("acl", "advcl") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)

    def _negated(self) -> bool:
        trigger = self.trigger
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trigger.children):
            return True
        if self.p.pos == "VERB" and any(c.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
                                        for c in trigger.children) \
                and not any("no" in step.lemmas for step in (*self.p.requires, *self.p.obj)):
            return True  # "have no partnership", "signed no deal" (not where "no" is read: "made no progress")
        if trigger.dep_ == "acomp" and any(c.dep_ == "neg" for c in trigger.head.children):
            return True  # "is not opposed to", "was not critical of"
        if self.p.pos == "NOUN" and self.p.relation in STANCES | {"restricted"} and trigger.dep_ == "dobj" \
                and word_in(trigger.head, self.rules.ending_verbs):
            return True  # "dropped its opposition to" (but "end its war" presupposes the war)
        clause = self._clause_of(trigger) or trigger  # "refused to condemn", "China's refusal to condemn"
        if clause is not trigger and self.p.relation in CLAUSE_DEEDS and any(c.dep_ == "neg" for c in clause.children):
            return True  # "did not reject Egypt's proposal"
        return clause.dep_ in ("xcomp", "acl") and word_in(clause.head, self.rules.negating_governors)

    def _planned(self) -> bool:
        """"an upcoming meeting with", "the proposed talks between": an event
        noun said to lie ahead; "a visit by Raisi has been under discussion",
        "a meeting between them was mooted but has not taken place": one
        said not to have happened."""
        trigger, pending = self.trigger, self.rules.planned_modifiers
        if self.p.pos != "NOUN":
            return False
        if any(c.dep_ == "amod" and word_in(c, pending) for c in trigger.children):
            return True
        if trigger.dep_ not in ("nsubj", "nsubjpass"):
            return False
        for verb in (trigger.head, *trigger.head.conjuncts):
            if trigger.dep_ == "nsubjpass" and verb.i == trigger.head.i and word_in(verb, pending):
                return True  # "was mooted", "has been proposed"
            if any(c.dep_ == "neg" for c in verb.children) and word_in(verb, self.rules.unfolding_verbs):
                return True  # "has not taken place", "never happened"
            if any(c.dep_ == "prep" and c.lower_ == "under" and any(word_in(g, pending) for g in c.children)
                   for c in verb.children):
                return True  # "under discussion", "under consideration"
        return False

    def _given_up(self) -> bool:
        """"stopped blocking the bid", "ceased backing the rebels": a stance
        given up is no stance (and not the opposite one either)."""
        trigger = self.trigger
        if self.p.relation in STANCES and any(c.dep_ in ("advmod", "amod") and c.lower_ in self.rules.ending_verbs
                                              for c in trigger.children):
            return True  # "initially backed the plan", "its original support for": held once, since given up
        return self.p.relation in STANCES | {"restricted"} and self.p.pos == "VERB" and trigger.dep_ == "xcomp" \
            and word_in(trigger.head, self.rules.ending_verbs) and child(trigger.head, ("prt",)) is None

    def _hypothetical(self, token: Token | None) -> bool:
        """Future, possible, hoped-for or conditional: "may visit", "hopes to
        meet", "is expected to meet", "if China does not"."""
        if token is None:
            return False
        if self.p.pos == "NOUN" and token is not self.trigger and word_in(token, self.rules.hypothetical_governors):
            return True  # "seek dialogue with", "want talks with"
        for _ in range(5):
            for c in token.children:
                if c.dep_ == "aux" and c.lower_ in self.rules.modals:
                    return True
                if c.dep_ == "mark" and c.lower_ in self.rules.hypothetical_marks:
                    return True
            if token.dep_ == "acl" and word_in(token.head, self.rules.hypothetical_governors):
                return True  # "Beijing's plan to impose curbs", "a bid to block"
            if token.dep_ == "ccomp" and word_in(token.head, self.rules.hypothetical_governors):
                return True  # "alleging that some countries supported Russia": a claim
            if token.tag_ == "VBG" and token.head.pos_ == "VERB" and token.head.lemma_.lower() in BACKING_VERBS and (
                    token.dep_ in ("xcomp", "ccomp") or token.dep_ == "advcl" and any(
                        c.dep_ == "xcomp" and c.i < token.i for c in token.head.children)):
                return True  # "supports Russia and Ukraine resuming talks", "moving closer, resuming talks"
            if token.dep_ not in ("xcomp", "conj", "advcl") or token.head.i == token.i:
                return False
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                return False  # a clause with its own subject has its own modality
            if _infinitive_complement(token) and any(word_in(t, self.rules.hypothetical_governors) for t in (
                    token.head, *(c for c in token.head.children if c.dep_ == "acomp"))):
                return True  # "hopes to meet"; "it is important to talk with"
            token = token.head
        return False


def _coordinated(token: Token) -> bool:
    """Has a conjunct joined by "and"/"or": the tail of a list."""
    return any(c.dep_ == "cc" for c in token.children) and any(c.dep_ == "conj" for c in token.children)


def _infinitive_complement(token: Token) -> bool:
    """"hopes to meet"; also "threatened on Monday to impose", where the words
    between verb and infinitive make the parser hang it as an adverbial clause."""
    return token.dep_ == "xcomp" or (token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def quote_speaker(sent, ents: DocMentions, reporting_verbs: frozenset[str]) -> Mention | None:
    """The person who says this sentence: subject of "said", "told", "added"."""
    for tok in sent:
        if tok.pos_ == "VERB" and word_in(tok, reporting_verbs):
            subject = child(tok, ("nsubj",))
            mention = ents.actor(subject.i) if subject is not None else None
            if mention is not None and kind_of(mention.key) == "Person":
                return mention
    return None


def counterpart(doc: Doc, ents: DocMentions, speaker: str, trigger: Token, *, look_back: bool) -> Mention | None:
    """The other side for `speaker`: an actor of another state named in the
    same sentence; with `look_back` (a "we" that speaks for two sides), else
    the last person of another state
    named in the sentences just before, else the last state or body. Never a
    guess the text does not support (such as the country named most)."""
    own = ents.states.get(speaker, speaker if speaker.startswith("country/") else None)

    def other(m: Mention) -> bool:
        if m.key in (speaker, own) or m.key in ents.media or kind_of(m.key) == "Issue" or ents.read_as_issue(m):
            return False
        return ents.states.get(m.key) != own or own is None

    sent = trigger.sent
    in_sentence = [m for m in ents.mentions if sent.start <= m.start < sent.end and other(m) and not _where(doc, m)]
    if in_sentence or not look_back:
        return in_sentence[0] if in_sentence else None
    window_start = sent.start
    for _ in range(COUNTERPART_LOOKBACK):
        if window_start == 0:
            break
        window_start = doc[window_start - 1].sent.start
    before = [m for m in ents.mentions if window_start <= m.start < sent.start and other(m)]
    people = [m for m in before if kind_of(m.key) == "Person"]
    return (people or before or [None])[-1]


def _where(doc: Doc, mention: Mention) -> bool:
    """"witnesses in Yemen": a place where things happen, not a side."""
    root = doc[mention.start:mention.end].root
    return mention.via == VIA_PLACE or (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS)


def _owner_of_intent(verb: Token) -> Token | None:
    """"Poland's decision to extend an embargo", "Beijing's plan to impose
    curbs": whose decision or plan it is does what follows "to"."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ != "NOUN" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


DEED_STEM = 4  # letters a deed's noun shares with its verb: "annex(ation)", "seiz(ure)", "inva(sion)"
DEED_LOOKBACK = 4  # sentences
DEED_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
COUNTING_NOUNS = frozenset({"flurry", "series", "string", "wave", "spate", "chorus", "barrage", "number", "raft", "host", "stream"})


def _counted(noun: Token) -> Token:
    """"a flurry of calls": the phrase whose place the counted noun takes."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in COUNTING_NOUNS:
        return prep.head
    return noun


def _possessive(token: Token) -> bool:
    """"Qatar's" in "X and Qatar's emir Tamim": an owner, not one more actor."""
    return any(c.dep_ == "case" for c in token.children)


def _participle_objects(thing: Token, preps: tuple[str, ...], verbs: frozenset[str] | None = None) -> list[Token]:
    """Who a participle describing `thing` names after one of `preps`: "sites
    linked to the Houthis" (with `verbs`, only theirs), "the remarks made by
    Zelensky" (any participle's agent)."""
    return [t for acl in thing.children
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and (verbs is None or acl.lemma_.lower() in verbs)
            for prep in acl.children if prep.dep_ in ("prep", "agent") and prep.lower_ in preps
            for t in objects_of(prep)]


def _antecedent(token: Token | None) -> Token | None:
    """"a pact that the US fears will extend": the relative pronoun that
    stands in a clause for the noun the clause modifies."""
    if token is None or token.lower_ not in ("that", "which") or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return token
    clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
    return clause.head if clause is not None and clause.head.pos_ in ("NOUN", "PROPN") else token


def _such_as(prep: Token) -> bool:
    """"nations such as Spain": the members named act."""
    return prep.lower_ == "as" and any(g.lower_ == "such" for g in prep.children)


def _all_pairs(members: Iterable[Mention]) -> Iterator[tuple[Mention, Mention, float]]:
    members = list(members)
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if a.key != b.key:
                yield a, b, 1.0
