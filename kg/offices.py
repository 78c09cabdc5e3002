"""Who acts for whom on the day of the story: a known person named in an
article dated within one of their terms in office (`in_office` in
ontology/kb/people.yaml) represents their state or body, though the article
gives no title ("Zelensky accused Poland of ..." in a 2023 story).

The knowledge base alone is not enough: the same name in a story of another
year may be a former or a future office holder ("Trump" in 2023), so an
article without a date, or outside every term, gives nothing.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

from spacy.tokens import Doc

from kg.entities import DocMentions
from kg.kb import KnowledgeBase
from kg.model import Fact
from kg.tokens import evidence_of

CONFIDENCE = 0.6  # from the knowledge base and the date, not from the sentence


def office_facts(doc: Doc, ents: DocMentions, kb: KnowledgeBase, date: dt.date | None,
                 facts: Iterable[Fact]) -> Iterator[Fact]:
    """`represents` for each known person in office on `date` whom no title
    in the article already tied to a state or body; the evidence is the
    sentence that first names them."""
    if date is None:
        return
    tied = {f.subject for f in facts if f.relation == "represents"}
    seen: set[str] = set()
    for mention in sorted(ents.mentions, key=lambda m: m.start):
        key = mention.key
        if key in seen or key in tied or not key.startswith("person/"):
            continue
        seen.add(key)
        body = kb.acts_for_on(key, date)
        if body:
            yield Fact(key, "represents", body, evidence_of(doc[mention.start]), CONFIDENCE)
