"""Component `kg_issue_triggers`: keep only the issue-trigger matches that name
the issue.

Reads ``doc.spans["issues"]`` (the knowledge base's SpanRuler, which matches
case-insensitively) and the named entities; writes ``doc.spans["issues"]``
again, without the matches that are

- inside a longer person's or body's name ("Ai" in "Ai Weiwei", "human
  rights" in "Human Rights Watch");
- an acronym written otherwise ("AI" is an acronym, "Ai" a name);
- a one-word trigger qualified by a nation that is no party to the issue
  ("German reunification" is not the Taiwan question), or by a common noun
  that makes it another thing ("investment climate", "arms trade");
- a lone word that is not a noun ("chip in" is no semiconductor).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.entities.mentions import KnowledgeComponent
from kg.kb import KnowledgeBase

ISSUES_KEY = "issues"
NER_KEY = "ner"
NAME_CONTAINERS = frozenset({"PERSON", "ORG"})
QUALIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


class IssueTriggerFilter(KnowledgeComponent):
    def __call__(self, doc: Doc) -> Doc:
        kb = self.kb
        names = [e for e in (*doc.ents, *doc.spans.get(NER_KEY, ())) if e.label_ in NAME_CONTAINERS]
        spans = [s for s in doc.spans.get(ISSUES_KEY, ())
                 if _is_noun_phrase(s) and not _inside_name(s, names)
                 and not _acronym_miswritten(s, kb) and not _other_nation(s, kb) and not _kind_of_other(s)]
        doc.spans[ISSUES_KEY] = filter_spans(spans)
        return doc


@Language.factory("kg_issue_triggers", requires=["doc.spans", "doc.ents"], assigns=["doc.spans"])
def make_issue_trigger_filter(nlp: Language, name: str) -> IssueTriggerFilter:
    return IssueTriggerFilter()


def _is_noun_phrase(span: Span) -> bool:
    return len(span) > 1 or span[0].pos_ in ("NOUN", "PROPN")


def _inside_name(span: Span, names: list[Span]) -> bool:
    return any(n.start <= span.start and span.end <= n.end and len(n) > len(span) for n in names)


def _acronym_miswritten(span: Span, kb: KnowledgeBase) -> bool:
    return any(t.lower_ in kb.issue_acronyms and not t.is_upper for t in span)


def _other_nation(span: Span, kb: KnowledgeBase) -> bool:
    """A one-word trigger qualified by a nation the issue does not concern."""
    spec = kb.issues[span.id_]
    if len(span) > 1 or not spec.parties:
        return False
    for child in span.root.children:
        if child.dep_ not in QUALIFIER_DEPS:
            continue
        nation = kb.demonyms.get(child.lower_) or kb.country_named(child.text)
        if nation and nation not in spec.parties:
            return True
    return False


def _kind_of_other(span: Span) -> bool:
    """"investment climate", "arms trade": a common noun before a one-word
    trigger names a kind of something else."""
    return len(span) == 1 and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < span.start
                                  for c in span.root.children)
