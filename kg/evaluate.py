"""Score a graph against gold annotations: entity and fact precision, recall
and F1, overall and per relation, with every miss and extra.

Gold is YAML, a list of documents (the format is in the README, "Quality"):

    - document: 000_0de2f3066c347bb6.txt
      entities:
        - {name: Antony Blinken, type: Person, aliases: [Blinken, Mr Blinken]}
      facts:
        - [Antony Blinken, metWith, Xi Jinping]
        - [Antony Blinken, holdsPosition, Secretary of State]

A predicted entity of a document matches a gold one when one of its names
(label or alias, anywhere in the graph) equals one of the gold names, as
`same_name` compares them, and the types agree. A predicted fact matches when
the relation is the same and both sides match (either way round for the
symmetric relations); a title matches when one contains the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.vocab import RELATIONS

# Spellings that name the same thing (British and American).
SPELLINGS = {"advisor": "adviser", "defense": "defence", "program": "programme",
             "organization": "organisation", "center": "centre"}
_LEADING = re.compile(r"^(the|mr|mrs|ms|dr)\s+")
_POSSESSIVE = re.compile(r"'s\b")
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_WORD = re.compile(r"\w+")


def normal_name(text: str) -> str:
    """"The U.S." and "US", "Mr Blinken" and "Blinken", "defense" and "defence"."""
    text = text.lower().replace("\u2019", "'").replace(".", "")
    text = _LEADING.sub("", _POSSESSIVE.sub("", text).strip())
    text = _INNER_HYPHEN.sub(" ", text)
    text = _WORD.sub(lambda m: SPELLINGS.get(m.group(0), m.group(0)), text)
    return " ".join(text.split())


@dataclass
class Tally:
    """Counts of one comparison, with what was missed and what was extra."""

    found: int = 0  # gold items found
    gold: int = 0
    right: int = 0  # predicted items that match gold
    predicted: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.found += other.found
        self.gold += other.gold
        self.right += other.right
        self.predicted += other.predicted

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else (0.0 if self.gold else 1.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"p": self.precision, "r": self.recall, "f1": self.f1, "gold": self.gold,
                "found": self.found, "predicted": self.predicted, "right": self.right}


@dataclass(frozen=True)
class DocumentScore:
    document: str
    entities: Tally
    facts: Tally


@dataclass(frozen=True)
class Evaluation:
    documents: tuple[DocumentScore, ...]
    entities: Tally
    facts: Tally
    relations: dict[str, Tally]  # per relation type, facts only

    def as_dict(self) -> dict[str, Any]:
        return {"entities": self.entities.as_dict(), "facts": self.facts.as_dict(),
                "relations": {name: t.as_dict() for name, t in self.relations.items()},
                "documents": [{"document": d.document, "entities": d.entities.as_dict(),
                               "facts": d.facts.as_dict(), "missed_entities": d.entities.misses,
                               "extra_entities": d.entities.extras, "missed_facts": d.facts.misses,
                               "extra_facts": d.facts.extras} for d in self.documents]}


def read_gold(path: Path) -> list[dict]:
    """The gold file, checked enough that scoring cannot fail halfway."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise InputError(f"{path}: cannot read the gold file: {err}") from err
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a list of documents")
    for n, doc in enumerate(data, 1):
        if not isinstance(doc, dict) or "document" not in doc:
            raise InputError(f"{path}: entry {n}: expected a mapping with 'document'")
        for fact in doc.get("facts") or []:
            if not (isinstance(fact, list) and len(fact) == 3 and fact[1] in RELATIONS):
                raise InputError(f"{path}: {doc['document']}: bad fact {fact!r} "
                                 f"(expected [subject, relation, object] with a contract relation)")
    return data


def evaluate(kg: KnowledgeGraph, gold: Iterable[Mapping]) -> Evaluation:
    """Score every gold document against the graph's document of that name."""
    names = _names(kg)
    by_id = {}
    for doc in kg.documents:
        for identifier in (doc.doc_id, *doc.also_named):
            by_id[identifier] = doc
    scores, relations = [], {name: Tally() for name in RELATIONS}
    total_e, total_f = Tally(), Tally()
    for gold_doc in gold:
        doc = by_id.get(gold_doc["document"])
        entities = _score_entities(kg, doc, gold_doc, names)
        facts = Tally()
        for relation, tally in relations.items():
            one = _score_facts(kg, doc, gold_doc, names, relation)
            tally.add(one)
            facts.add(one)
            facts.misses.extend(one.misses)
            facts.extras.extend(one.extras)
        scores.append(DocumentScore(gold_doc["document"], entities, facts))
        total_e.add(entities)
        total_f.add(facts)
    used = {name: t for name, t in relations.items() if t.gold or t.predicted}
    return Evaluation(tuple(scores), total_e, total_f, used)


def _names(kg: KnowledgeGraph) -> dict[str, set[str]]:
    """Entity key -> every name it has in the graph, normalised."""
    return {key: {normal_name(e.label)} | {normal_name(a) for a in kg.alt_labels.get(key, ())}
            for key, e in kg.entities.items()}


def _gold_names(gold_doc: Mapping) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for e in gold_doc.get("entities") or []:
        found.setdefault(e["name"], set()).update(
            {normal_name(e["name"])} | {normal_name(a) for a in e.get("aliases") or ()})
    return found


def _score_entities(kg: KnowledgeGraph, doc, gold_doc: Mapping, names: dict[str, set[str]]) -> Tally:
    gold = gold_doc.get("entities") or []
    mentioned = [e for e in doc.entities] if doc else []

    def same(entity, g) -> bool:
        want = {normal_name(g["name"])} | {normal_name(a) for a in g.get("aliases") or ()}
        return entity.kind == g["type"] and bool(names.get(entity.key, set()) & want)

    return _compare(gold, mentioned, same, lambda g: f"{g['type']} {g['name']}",
                    lambda e: f"{e.kind} {kg.entities[e.key].label}")


def _compare(gold: list, predicted: list, same, say_gold, say_predicted) -> Tally:
    """Each gold item found or missed, each predicted item right or extra."""
    tally = Tally(gold=len(gold), predicted=len(predicted))
    for g in gold:
        if any(same(p, g) for p in predicted):
            tally.found += 1
        else:
            tally.misses.append(say_gold(g))
    for p in predicted:
        if any(same(p, g) for g in gold):
            tally.right += 1
        else:
            tally.extras.append(say_predicted(p))
    return tally


def _score_facts(kg: KnowledgeGraph, doc, gold_doc: Mapping, names: dict[str, set[str]],
                 relation: str) -> Tally:
    gold_names = _gold_names(gold_doc)
    gold = [f for f in gold_doc.get("facts") or [] if f[1] == relation]
    predicted = list(dict.fromkeys((f.subject, f.obj) for f in (doc.facts if doc else ())
                                   if f.relation == relation))
    literal = not RELATIONS[relation].objects

    def side(value: str, gold_name: str, is_literal: bool) -> bool:
        have = {normal_name(value)} if is_literal else names.get(value, set())
        if is_literal and gold_name not in gold_names:
            want = normal_name(gold_name)
            return any(want == h or want in h or h in want for h in have if h)
        return bool(have & gold_names.get(gold_name, {normal_name(gold_name)}))

    def match(pred: tuple[str, str], g: list) -> bool:
        (s, o), (gs, _, go) = pred, g
        if side(s, gs, False) and side(o, go, literal):
            return True
        return RELATIONS[relation].symmetric and side(s, go, False) and side(o, gs, literal)

    def say(p: tuple[str, str]) -> str:
        return f"{kg.entities[p[0]].label} {relation} {p[1] if literal else kg.entities[p[1]].label}"

    return _compare(gold, predicted, match, lambda g: f"{g[0]} {relation} {g[2]}", say)


def report(result: Evaluation, *, details: bool = True) -> str:
    """The scores as a person reads them."""
    lines = []
    if details:
        for d in result.documents:
            lines.append(f"== {d.document}")
            lines.append(f"   entities {_line(d.entities)}")
            lines.append(f"   facts    {_line(d.facts)}")
            lines += [f"   - missed entity: {m}" for m in d.entities.misses]
            lines += [f"   + extra entity:  {x}" for x in d.entities.extras]
            lines += [f"   - missed fact:   {m}" for m in d.facts.misses]
            lines += [f"   + extra fact:    {x}" for x in d.facts.extras]
    lines.append(f"{'relation':20} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for name, t in result.relations.items():
        lines.append(f"{name:20} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.gold:5d} {t.predicted:5d}")
    lines.append(f"TOTAL entities {_line(result.entities)}")
    lines.append(f"TOTAL facts    {_line(result.facts)}")
    lines.append(f"entity F1 {result.entities.f1:.3f}, fact F1 {result.facts.f1:.3f}")
    return "\n".join(lines) + "\n"


def _line(t: Tally) -> str:
    return (f"P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f} "
            f"(gold {t.found}/{t.gold}, predicted {t.right}/{t.predicted})")
