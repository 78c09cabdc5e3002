"""The linker: typed facts read off the dependency parse.

Patterns live in ontology/patterns/relations.yaml; `load_rules` compiles them
into one spaCy DependencyMatcher, and `extract_facts(doc, ents, rules)` turns
its matches into Facts between the mentions that `kg.entities` resolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from kg.entities import DocEntities, Mention
from kg.errors import KnowledgeBaseError
from kg.kb import ONTOLOGY_DIR
from kg.model import Fact
from kg.vocab import ACTORS, RELATIONS

PATTERNS_FILE = ONTOLOGY_DIR / "patterns" / "relations.yaml"
_STEP = re.compile(r"^(?P<dep>[a-z]+)(?:\((?P<lemmas>[^)]*)\))?$")
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "pobj", "prep", "ccomp", "acomp"})
PRONOUN_DISCOUNT = 0.85
INHERITED_DISCOUNT = 0.9


@dataclass(frozen=True)
class Step:
    dep: str
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
    confidence: float = 0.8


@dataclass(frozen=True)
class Rules:
    """Compiled patterns and the words that steer how a match is read."""

    patterns: tuple[Pattern, ...]
    modals: frozenset[str]
    hypothetical_governors: frozenset[str]
    hypothetical_marks: frozenset[str]
    negating_governors: frozenset[str]
    light_verbs: frozenset[str]
    matcher: DependencyMatcher


def _path(text: str | None, where: str) -> tuple[Step, ...]:
    steps = []
    for part in (text or "").split():
        m = _STEP.match(part)
        if not m:
            raise KnowledgeBaseError(f"{where}: cannot read the path step {part!r}")
        lemmas = tuple(m["lemmas"].split("|")) if m["lemmas"] else ()
        steps.append(Step(m["dep"], lemmas))
    return tuple(steps)


def _pattern(raw: dict, where: str) -> Pattern:
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
                   bool(raw.get("between")), negated, float(raw.get("confidence", 0.8)))


def load_rules(vocab: Vocab, path: Path = PATTERNS_FILE) -> Rules:
    """Read the pattern file and compile it for `vocab`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise KnowledgeBaseError(f"{path}: cannot read the patterns: {err}") from err
    patterns = tuple(_pattern(raw, f"{path}: pattern {n + 1}")
                     for n, raw in enumerate(data.get("patterns") or []))
    matcher = DependencyMatcher(vocab)
    for n, pattern in enumerate(patterns):
        matcher.add(str(n), [_matcher_pattern(pattern)])

    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(name) or ())

    return Rules(patterns, words("modals"), words("hypothetical_governors"),
                 words("hypothetical_marks"), words("negating_governors"),
                 words("light_verbs"), matcher)


def _matcher_pattern(pattern: Pattern) -> list[dict]:
    """Trigger, then the object path, the required path and the subject path,
    in that order: the match's token list follows it."""
    nodes: list[dict] = [{"RIGHT_ID": "t", "RIGHT_ATTRS": {
        "LEMMA": {"IN": list(pattern.lemmas)}, "POS": pattern.pos}}]
    for prefix, steps in (("o", pattern.obj), ("r", pattern.requires), ("s", pattern.subject)):
        left = "t"
        for n, step in enumerate(steps):
            attrs: dict = {"DEP": step.dep}
            if step.lemmas:
                attrs["LEMMA"] = {"IN": list(step.lemmas)}
            node_id = f"{prefix}{n}"
            nodes.append({"LEFT_ID": left, "REL_OP": ">", "RIGHT_ID": node_id, "RIGHT_ATTRS": attrs})
            left = node_id
    return nodes


def extract_facts(doc: Doc, ents: DocEntities, rules: Rules) -> list[Fact]:
    """Every fact the patterns read in `doc`, plus the titles `ents` found."""
    facts: dict[tuple[str, str, str, str], Fact] = {}
    for fact in [*ents.title_facts, *_matched_facts(doc, ents, rules)]:
        key = (fact.subject, fact.relation, fact.obj, fact.evidence)
        if key not in facts or facts[key].confidence < fact.confidence:
            facts[key] = fact
    return list(facts.values())


def _matched_facts(doc: Doc, ents: DocEntities, rules: Rules) -> Iterator[Fact]:
    for match_id, tokens in rules.matcher(doc):
        pattern = rules.patterns[int(doc.vocab.strings[match_id])]
        reader = _MatchReader(doc, ents, rules, pattern, tokens)
        yield from reader.facts()


class _MatchReader:
    """Reads one match into facts."""

    def __init__(self, doc: Doc, ents: DocEntities, rules: Rules, pattern: Pattern,
                 tokens: list[int]) -> None:
        self.doc, self.ents, self.rules, self.p = doc, ents, rules, pattern
        self.trigger = doc[tokens[0]]
        n_obj, n_req = len(pattern.obj), len(pattern.requires)
        self.obj_token = doc[tokens[n_obj]] if n_obj else None
        subject_tokens = tokens[1 + n_obj + n_req:]
        self.subject_token = doc[subject_tokens[-1]] if subject_tokens else None

    def facts(self) -> Iterator[Fact]:
        relation = self.p.relation
        if self.p.pos != "NOUN" and self._hypothetical(self.trigger):
            return
        if self._negated():
            if not self.p.negated:
                return
            relation = self.p.negated
        evidence = self.trigger.sent.text.strip()
        for subj, obj, discount in self._pairs(relation):
            if subj.key == obj.key:
                continue
            confidence = round(self.p.confidence * discount, 2)
            yield Fact(subj.key, relation, obj.key, evidence, confidence)

    # ------------------------------------------------------------ arguments
    def _pairs(self, relation: str) -> Iterator[tuple[Mention, Mention, float]]:
        if self.p.between:
            members = self._actors(self.obj_token) if self.obj_token is not None else []
            yield from _all_pairs(members)
            return
        subjects, discount = self._subjects()
        subjects = [m for m in subjects if self.ents.kind(m.key) in ACTORS]
        if self.p.reciprocal:
            yield from ((a, b, discount * d) for a, b, d in _all_pairs(subjects))
            return
        if self.obj_token is None:
            return
        for obj in self._objects(relation):
            for subj in subjects:
                pronoun = PRONOUN_DISCOUNT if "pronoun" in (subj.via, obj.via) else 1.0
                yield subj, obj, discount * pronoun

    def _objects(self, relation: str) -> list[Mention]:
        allowed = RELATIONS[relation].objects
        token = self.obj_token
        if self._passive():
            token = self._passive_object()
        if token is None:
            return []
        found: list[Mention] = []
        if allowed & ACTORS:
            found = [m for m in self._actors(token) if self.ents.kind(m.key) in allowed]
        if not found and "Issue" in allowed:
            found = self._issues_under(token)
        if relation == "visited":
            found = [m for m in found if not m.key.startswith("issue/")]
        return found

    def _subjects(self) -> tuple[list[Mention], float]:
        if self.subject_token is not None:
            return self._actors(self.subject_token), 1.0
        if self._passive():
            agent = [c for t in self._by_agents() for c in self._actors(t)]
            return agent, 1.0
        token, discount = self._subject_token()
        return (self._actors(token), discount) if token is not None else ([], 1.0)

    def _subject_token(self) -> tuple[Token | None, float]:
        trigger = self.trigger
        if self.p.pos == "NOUN":
            for child in trigger.children:
                if child.dep_ == "poss":
                    return child, 1.0
            for agent in self._by_agents():
                return agent, 1.0
            return self._governing_subject(trigger)
        own = _child(trigger, ("nsubj", "csubj"))
        if own is not None:
            return own, 1.0
        if trigger.dep_ in ("relcl", "acl") and trigger.head.pos_ in ("NOUN", "PROPN"):
            return trigger.head, 1.0
        return self._climb_subject(trigger)

    def _governing_subject(self, noun: Token) -> tuple[Token | None, float]:
        """"Wang outlined complaints about": the subject of a light verb; "X and
        Y smiled before talks": the pair around a reciprocal noun."""
        head = noun.head
        if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.lemma_.lower() in self.rules.light_verbs:
            subject = _child(head, ("nsubj",))
            return (subject, INHERITED_DISCOUNT) if subject is not None else self._climb_subject(head)
        if self.p.reciprocal and noun.dep_ == "pobj" and head.dep_ == "prep":
            subject = _child(head.head, ("nsubj",))
            return subject, INHERITED_DISCOUNT
        return None, 1.0

    def _climb_subject(self, verb: Token) -> tuple[Token | None, float]:
        """A clause without a subject takes the one of the clause it hangs from."""
        token = verb
        for _ in range(4):
            if token.dep_ not in CLIMB_DEPS or token.head is token:
                return None, 1.0
            if token.dep_ == "xcomp":
                controller = _child(token.head, ("dobj",))
                if controller is not None:
                    return controller, INHERITED_DISCOUNT
            token = token.head
            subject = _child(token, ("nsubj",))
            if subject is not None and token.pos_ in ("VERB", "AUX"):
                return subject, INHERITED_DISCOUNT
        return None, 1.0

    def _actors(self, token: Token) -> list[Mention]:
        """The actors a token stands for: its own mention and its conjuncts,
        else a possessor or compound ("China's leadership", "US officials"),
        else the name it is in apposition to."""
        found: list[Mention] = []
        for tok in (token, *token.conjuncts):
            mention = self._actor_mention(tok)
            if mention is not None and mention not in found:
                found.append(mention)
        return found

    def _actor_mention(self, tok: Token) -> Mention | None:
        mention = self.ents.actor(tok.i)
        if mention is not None:
            return mention
        for child in tok.children:
            if child.dep_ in ("poss", "compound") and self.ents.actor(child.i) is not None:
                return self.ents.actor(child.i)
        if tok.dep_ == "appos":
            return self.ents.actor(tok.head.i)
        return None

    def _issues_under(self, token: Token) -> list[Mention]:
        """Every issue named in the phrase, with a country name that also
        means an issue ("concerns about Taiwan") read as that issue."""
        found: dict[str, Mention] = {}
        for tok in token.subtree:
            issue = self.ents.issue(tok.i)
            if issue is not None:
                found.setdefault(issue.key, issue)
                continue
            actor = self.ents.actor(tok.i)
            if actor is not None and actor.key in self.ents.country_issue:
                key = self.ents.country_issue[actor.key]
                found.setdefault(key, Mention(actor.start, actor.end, key, actor.text, "issue"))
        return list(found.values())

    # ------------------------------------------------------------- modality
    def _passive(self) -> bool:
        if self.p.obj != (Step("dobj"),) or self.trigger.tag_ != "VBN":
            return False
        return any(c.dep_ == "nsubjpass" for c in self.trigger.children) or self.trigger.dep_ == "acl"

    def _passive_object(self) -> Token | None:
        subject = _child(self.trigger, ("nsubjpass",))
        return subject if subject is not None else self.trigger.head

    def _by_agents(self) -> list[Token]:
        return [g for c in self.trigger.children if c.dep_ == "agent" or
                (c.dep_ == "prep" and c.lower_ == "by") for g in c.children if g.dep_ == "pobj"]

    def _negated(self) -> bool:
        trigger = self.trigger
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trigger.children):
            return True
        return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in self.rules.negating_governors

    def _hypothetical(self, token: Token) -> bool:
        """Future, possible, hoped-for or conditional: "may visit", "hopes to
        meet", "is expected to meet", "if China does not"."""
        for _ in range(5):
            for child in token.children:
                if child.dep_ == "aux" and child.lower_ in self.rules.modals:
                    return True
                if child.dep_ == "mark" and child.lower_ in self.rules.hypothetical_marks:
                    return True
            if token.dep_ not in ("xcomp", "conj", "advcl") or token.head is token:
                return False
            if token.dep_ == "xcomp" and token.head.lemma_.lower() in self.rules.hypothetical_governors:
                return True
            token = token.head
        return False


def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _all_pairs(members: Iterable[Mention]) -> Iterator[tuple[Mention, Mention, float]]:
    members = list(members)
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if a.key != b.key:
                yield a, b, 1.0
