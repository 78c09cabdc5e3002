"""What one article contributes to the graph: the entities it mentions, the
names it used for them, and its facts (the per-article record that is cached,
sent back by workers and merged by kg.graph)."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.entities.mentions import VIA_CAPITAL, VIA_DESCRIPTION, VIA_NAME, VIA_OPEN_ISSUE, VIA_PLACE, DocMentions
from kg.kb import KnowledgeBase
from kg.model import Article, DocumentResult, Fact
from kg.titles import POSSESSIVE
from kg.vocab import RELATIONS

NAMING = (VIA_NAME, VIA_CAPITAL, VIA_DESCRIPTION, VIA_OPEN_ISSUE)  # the ways of referring that give an alias


def document_result(article: Article, doc: Doc, facts: list[Fact], kb: KnowledgeBase) -> DocumentResult:
    """The entities `doc` mentions (a capital used only as a place, or a
    country's name read as its issue, does not count unless a fact uses it),
    their names, and `facts`, each symmetric one oriented one way."""
    ents = DocMentions(doc)
    facts = [_oriented(f) for f in facts]
    used = {f.subject for f in facts} | {f.obj for f in facts if f.relation != "holdsPosition"}
    keys = used | {m.key for m in ents.mentions if m.via != VIA_PLACE and not ents.read_as_issue(m)}
    aliases: set[tuple[str, str]] = set()
    entities = {k: ents.entities.get(k) or kb.entity(k) for k in keys}
    written = [(m.key, surface(m.text)) for m in ents.mentions if m.via in NAMING]
    made = [(key, name) for key, names in ents.names.items() for name in names]
    for key, name in written + made:
        if key in keys and name and name != entities[key].label:
            aliases.add((key, name))
    facts = sorted(set(facts), key=lambda f: (f.subject, f.relation, f.obj, f.evidence, f.confidence))
    return DocumentResult(article.doc_id, article.date, tuple(sorted(entities.values(), key=lambda e: e.key)),
                          tuple(sorted(aliases)), tuple(facts), article.also_named, len(doc), article.url)


def _oriented(fact: Fact) -> Fact:
    """A symmetric fact is stored one way round, so that repeats are one fact."""
    if RELATIONS[fact.relation].symmetric and fact.obj < fact.subject:
        return Fact(fact.obj, fact.relation, fact.subject, fact.evidence, fact.confidence)
    return fact


def surface(text: str) -> str:
    """A name as an alias: no possessive, no surrounding punctuation."""
    words = text.split()
    while words and words[-1] in POSSESSIVE:
        words.pop()
    if len(words) > 1 and words[0] == "The":  # sentence-initial "The top US diplomat"
        words[0] = "the"
    name = " ".join(words)
    for suffix in POSSESSIVE:
        name = name.removesuffix(suffix)
    return " ".join(name.split()).strip(" ,.;:\"'“”")
