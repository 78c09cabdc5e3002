"""Component `kg_names`: link every name to its entity, in reading order.

Reads ``doc.ents`` (the statistical NER overwritten by the knowledge base's
EntityRuler, whose ``ent_id_`` is the known actor's key), ``doc.spans["ner"]``
(the statistical entities before that) and ``doc.spans["issues"]``. Writes
``doc.spans["kg_mentions"]`` (names, capitals, capitals used as places) and
``doc._.kg_entities``.

A full name is linked to the known person it names (whatever its case:
"Vladimir PUTIN"), else to a new person of that name; a surname ("Blinken",
"Mr Wang") to the person of that surname named before it in the article, else
to the known person of that alias. A known one-word alias is read as a
person only where the context agrees: "arrived in Austin" is a place.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.entities.mentions import (CAPITAL_MARK, ENTITIES_EXT, MENTIONS, NAMES_EXT, VIA_CAPITAL, VIA_NAME,
                                  VIA_PLACE, add_mention, KnowledgeComponent, register_extensions)
from kg.entities.triggers import ISSUES_KEY
from kg.kb import KbEntry, KnowledgeBase, slugify
from kg.model import Entity
from kg.titles import HONORIFICS, POSSESSIVE

NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "from", "inside"})
# where a one-word name read as a person is a place ("spoke in Austin"); not
# "to" or "from", which take people as often ("spoke to Austin")
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "inside", "within", "throughout"})
MAX_ORG_TOKENS = 6
# words that begin a family name of several words
NAME_PARTICLES = frozenset({"le", "la", "de", "du", "des", "di", "da", "del", "della", "dos", "das", "van", "von",
                            "der", "den", "ter", "ten", "bin", "ibn", "al", "el", "abu", "ben", "mac", "st."})


class NameLinker(KnowledgeComponent):
    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc._.set(ENTITIES_EXT, {})
        doc._.set(NAMES_EXT, {})
        doc.spans[MENTIONS] = []
        surnames: dict[str, list[str]] = {}  # "Blinken" -> person keys, in reading order
        issue_spans = list(doc.spans.get(ISSUES_KEY, ()))
        titles = self.kb.title_words
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS and not _inside_issue_name(ent, issue_spans) and not _dateline(ent):
                _link(doc, ent, self.kb, surnames, titles)
        return doc


@Language.factory("kg_names", requires=["doc.ents", "doc.spans"], assigns=["doc.spans", "doc._.kg_entities"])
def make_name_linker(nlp: Language, name: str) -> NameLinker:
    return NameLinker()


def _link(doc: Doc, ent: Span, kb: KnowledgeBase, surnames: dict[str, list[str]],
          title_words: frozenset[str]) -> None:
    ent_id = ent.ent_id_
    end = ent.end
    while end - ent.start > 1 and doc[end - 1].is_punct and doc[end - 1].text != "-":  # "Le Drian." ends a line
        end -= 1
    ent = Span(doc, ent.start, end, label=ent.label_) if end < ent.end else ent
    if ent.label_ == "PERSON":
        ent = _whole_name(_without_leading_title(ent, title_words | kb.official_words))
    text = clean_name(ent)
    if ent_id:
        key = ent_id.removesuffix(CAPITAL_MARK)
        entry = kb.entries.get(key)
        if entry is None or entry.entity.kind != "Person":
            place = ent_id != key and _locative(ent)
            via = VIA_PLACE if place else VIA_CAPITAL if ent_id != key else VIA_NAME
            add_mention(doc, ent.start, ent.end, key, via, kb.entity(key))
            return
        local = surnames.get(text, [])
        if len(text.split()) == 1 and _reads_as_place(ent):
            return  # "spoke in Austin": the place, not Lloyd Austin
        if len(text.split()) == 1 and local and key not in local:
            key = local[-1]  # "Wang" after "Wang Wentao" is Wang Wentao, not Wang Yi
        _person(doc, ent, key, kb, surnames)
        return
    if not text:
        return
    local = surnames.get(text)
    known = kb.person_named(text) if ent.label_ == "PERSON" else None
    if (local or ent.label_ == "PERSON") and len(text.split()) == 1 and _reads_as_place(ent):
        return  # "arrived in Lincoln", even after "Abraham Lincoln"
    if local:
        _person(doc, ent, local[-1], kb, surnames)
    elif known:  # "Mr Blinken" found whole by the statistical model; "Vladimir PUTIN"
        _person(doc, ent, known, kb, surnames)
    elif ent.label_ == "PERSON" and _looks_like_name(ent) and not _modifies_a_thing(ent) \
            and not (len(text.split()) == 1 and text.lower() in kb.issue_name_words):  # "water from Fukushima"
        _person(doc, ent, f"person/{slugify(text)}", kb, surnames, label=text)
    elif ent.label_ == "ORG" and _looks_like_org(ent) and not _only_title_words(ent, kb, title_words):
        key = f"organization/{slugify(text)}"
        add_mention(doc, ent.start, ent.end, key, VIA_NAME, kb.entity(key) or Entity(key, "Organization", text))


def _person(doc: Doc, ent: Span, key: str, kb: KnowledgeBase, surnames: dict[str, list[str]],
            label: str | None = None) -> None:
    entry = kb.entries.get(key)
    entity = entry.entity if entry else doc._.get(ENTITIES_EXT).get(key) or Entity(key, "Person", label or key)
    parts = clean_name(ent).split()
    if len(parts) > 1:
        for short in _surnames(parts, entry):
            keys = surnames.setdefault(short, [])
            if key not in keys:
                keys.append(key)
    add_mention(doc, ent.start, ent.end, key, VIA_NAME, entity)


def _surnames(parts: list[str], entry: KbEntry | None) -> list[str]:
    """A known name says which word is the family name; for an unknown one
    ("Wang Wentao", "Caspar Veldkamp") either end may be."""
    particle = next((n for n in range(1, len(parts) - 1) if parts[n].lower() in NAME_PARTICLES), None)
    if entry and (entry.family_name_first or particle is None):
        return [parts[0] if entry.family_name_first else parts[-1]]
    if particle is not None:  # "Jean-Yves Le Drian" is "Le Drian", "Ursula von der Leyen" "von der Leyen"
        return [" ".join(parts[particle:]), parts[-1]] + ([] if entry else [parts[0]])
    return [parts[-1], parts[0]]


def _without_leading_title(ent: Span, title_words: frozenset[str]) -> Span:
    """"Spokesperson Wang Wenbin", "President Joe Biden" found whole by the
    statistical model: the name is what follows the title, which kg_titles reads."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in title_words:
        start += 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label)


def _whole_name(ent: Span) -> Span:
    """"Jean-Yves Le | Drian": a person's name cut short by the statistical
    model goes on over the proper noun it hangs from, right after it."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].ent_type_ in ("", "PERSON") \
            and any(t.head.i == end for t in doc[ent.start:end]):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label)


def _dateline(ent: Span) -> bool:
    """"CARACAS, Venezuela —": the place in capitals that opens a news story."""
    doc = ent.doc
    at_line_start = ent.start == 0 or "\n" in doc[ent.start - 1].text_with_ws or doc[ent.start - 1].is_space
    follows = doc[ent.end].text if ent.end < len(doc) else ""
    return at_line_start and follows in (",", "(", "—", "-") and all(t.is_upper or not t.is_alpha for t in ent) \
        and sum(t.is_alpha for t in ent) > 0 and ent.label_ != "PERSON"


def _inside_issue_name(ent: Span, issue_spans: list[Span]) -> bool:
    """"China" in "South China Sea": part of a longer proper name, not a mention;
    "Hong Kong" where a trigger names exactly the issue."""
    doc = ent.doc
    for span in issue_spans:
        if span.start <= ent.start and ent.end < span.end and doc[ent.end].is_title:
            return True
        if span.start == ent.start and span.end == ent.end:
            return True
    return False


def _locative(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def _reads_as_place(ent: Span) -> bool:
    """A one-word name where the syntax wants a place ("arrived in Lincoln",
    even after "Abraham Lincoln"), with no title or honorific before it. The
    statistical label alone is no evidence: it calls surnames at the start
    of a sentence places as often as not."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    titled = before is not None and (before.lower_ in HONORIFICS or before.is_title and before.pos_ == "PROPN")
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS and not titled


def clean_name(ent: Span) -> str:
    """The name without honorifics, possessive or a leading "the"."""
    words = [t for t in ent if t.lower_ not in HONORIFICS and t.text not in POSSESSIVE]
    if words and words[0].lower_ == "the":
        words = words[1:]
    # as written: "Amir-Abdollahian" is one word, though three tokens
    text = "".join(t.text + (" " if t.whitespace_ or t.i + 1 < ent.end and t.nbor().text in POSSESSIVE else "")
                   for t in words)
    return " ".join(text.split()).strip(" -,.")


def _only_title_words(ent: Span, kb: KnowledgeBase, title_words: frozenset[str]) -> bool:
    """"State" in "Secretary of State", "Indian External Affairs" in "Indian
    External Affairs Minister": words of a title, not a body."""
    return all(t.lower_ in title_words or t.lower_ in kb.demonyms or t.lower_ in ("of", "the") for t in ent)


def _looks_like_name(ent: Span) -> bool:
    return all(t.is_alpha or t.text.rstrip(".").isalpha() or t.text in ("-", ".", "'") or t.text in POSSESSIVE
               for t in ent) and ent[0].is_title and len(ent) <= 5  # "Robert F. Kennedy Jr."


def _modifies_a_thing(ent: Span) -> bool:
    """"Fukushima" in "the Fukushima nuclear plant": a name used as a modifier
    of a common noun is a place or a thing, not a person."""
    root = ent.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and not root.head.is_title


def _looks_like_org(ent: Span) -> bool:
    return len(ent) <= MAX_ORG_TOKENS and any(t.is_upper or t.is_title for t in ent) \
        and not any(t.like_num for t in ent) and ent.root.pos_ in ("PROPN", "NOUN")
