"""Component `kg_topics`: the issues an article names.

Reads ``doc.spans["issues"]`` (the triggers that `kg_issue_triggers` kept)
and ``doc.spans["kg_mentions"]``. Writes issue mentions to ``kg_mentions``:
each trigger as its issue, a per-country issue as that country's ("its
nuclear programme" near North Korea is North Korea's), and a country's name
as its issue where the sentence treats it as a topic ("issues including
trade and Taiwan", "a warning on Taiwan"; ``label_`` "topic").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.entities.mentions import (ENTITIES_EXT, VIA_ISSUE, VIA_PRONOUN, VIA_TOPIC, actors_by_token,
                                  add_mention, kind_of, KnowledgeComponent, Mention)
from kg.entities.triggers import ISSUES_KEY
from kg.kb import KnowledgeBase
from kg.model import Entity


class TopicReader(KnowledgeComponent):
    def __call__(self, doc: Doc) -> Doc:
        kb = self.kb
        actors, actor_at = actors_by_token(doc)
        for span in doc.spans.get(ISSUES_KEY, ()):
            key, entity = span.id_, None
            if kb.issues[key].scoped:
                key, entity = self._scoped(doc, span, actors, actor_at)
            add_mention(doc, span.start, span.end, key, VIA_ISSUE, entity or kb.entity(key))
        issue_at = set(i for s in doc.spans.get(ISSUES_KEY, ()) for i in range(s.start, s.end))
        country_issue = kb.country_issues
        entities = doc._.get(ENTITIES_EXT)
        for m in actors:
            issue = country_issue.get(m.key)
            if issue is None or m.via == VIA_PRONOUN:
                continue
            entities.setdefault(issue, kb.entity(issue))  # the linker may read the name as the issue
            if _reads_as_topic(doc, m, issue_at, kb):
                add_mention(doc, m.start, m.end, issue, VIA_TOPIC)
        return doc

    def _scoped(self, doc: Doc, span: Span, actors: list[Mention], actor_at: list[int]) -> tuple[str, Entity | None]:
        """"its nuclear programme" near North Korea -> North Korea's programme."""
        kb, key = self.kb, span.id_
        owner = None
        for tok in span.root.children:
            if tok.dep_ == "poss" and actor_at[tok.i] >= 0:
                owner = actors[actor_at[tok.i]].key
        if owner is None:
            sent = span.sent
            in_sentence = [m for m in actors if kind_of(m.key) == "Country" and sent.start <= m.start < sent.end
                           and doc[m.start:m.end].root.dep_ not in ("nsubj", "nsubjpass")]  # not who worries
            in_sentence.sort(key=lambda m: (m.start > span.start, abs(m.start - span.start)))
            owner = in_sentence[0].key if in_sentence else None
        if owner is None or kind_of(owner) == "Person":
            return key, None
        country = doc._.get(ENTITIES_EXT)[owner]
        scoped = f"issue/{owner.split('/', 1)[1]}-{key.split('/', 1)[1]}"
        return scoped, Entity(scoped, "Issue", f"{country.label} {kb.issues[key].entity.label}")


@Language.factory("kg_topics", requires=["doc.spans"], assigns=["doc.spans"])
def make_topic_reader(nlp: Language, name: str) -> TopicReader:
    return TopicReader()


def _reads_as_topic(doc: Doc, m: Mention, issue_tokens: set[int], kb: KnowledgeBase) -> bool:
    """"issues including trade and Taiwan", "a warning on Taiwan"."""
    root = doc[m.end - 1]
    if any(t.i in issue_tokens for t in root.conjuncts):
        return True
    head = root.head
    return (root.dep_ == "pobj" and head.lower_ in ("on", "over", "about", "regarding")
            and head.head.lemma_.lower() in kb.topic_nouns)
