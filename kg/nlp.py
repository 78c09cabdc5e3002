"""The spaCy pipeline: a trained model, rulers built from the knowledge base,
and the components that resolve every name to one entity.

Known actors become entities with the knowledge base key as their `ent_id_`
(an EntityRuler after the statistical NER, overwriting it where they disagree);
issue triggers become spans in `doc.spans["issues"]` (a SpanRuler). Then, in
the order a reader resolves names (kg.entities): `kg_issue_triggers`,
`kg_names`, `kg_titles`, `kg_references`, `kg_topics`.
"""
from __future__ import annotations

import itertools
import re
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg import DEFAULT_MODEL, syntax  # noqa: F401 (registers subject_repair)
from kg import headlines  # noqa: F401 (registers headline_repair)
from kg.errors import ModelError
from kg.entities import RESOLVERS
from kg.entities.mentions import CAPITAL_MARK
from kg.entities.triggers import ISSUES_KEY, NER_KEY
from kg.kb import KnowledgeBase


def load_pipeline(kb: KnowledgeBase, model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline and add the knowledge base rulers."""
    import spacy

    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as err:
        raise ModelError(f"cannot load the spaCy pipeline {model!r}: is it installed? ({err})") from err
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"the spaCy pipeline {model!r} needs a parser and an entity recognizer")
    nlp.add_pipe("newline_sentences", before="parser")
    nlp.add_pipe("subject_repair", after="lemmatizer" if "lemmatizer" in nlp.pipe_names else "parser")
    nlp.add_pipe("headline_repair", before="subject_repair")
    nlp.add_pipe("glued_words", first=True).kb = kb
    add_knowledge_rulers(nlp, kb)
    nlp.add_pipe("phrase_repair", after="prefer_full_names")
    add_resolvers(nlp, kb)
    return nlp


def add_resolvers(nlp: Language, kb: KnowledgeBase) -> None:
    """The resolution components, last, each given the knowledge base."""
    for name in RESOLVERS:
        nlp.add_pipe(name, last=True).kb = kb


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and teasers stand
    alone. The parser keeps boundaries set before it and finds the others.
    Line breaks are found in the text, not by visiting every token."""
    import numpy as np
    from spacy.attrs import IDX

    text = doc.text
    breaks = [i for i, c in enumerate(text) if c == "\n"] if "\n" in text else []
    starts = doc.to_array([IDX]).ravel()
    lines = {0} | set(np.searchsorted(starts, np.array(breaks, dtype=np.int64) + 1).tolist())
    for i in sorted(lines):
        if 0 < i < len(doc) and not doc[i].is_space:
            doc[i].is_sent_start = True
        end = _dateline_end(doc, i)
        if end:
            doc[end].is_sent_start = True
    return doc


DATELINE_DASHES = frozenset({"—", "–", "--", "-"})


def _dateline_end(doc: Doc, start: int) -> int | None:
    """"CARACAS, Venezuela — Several countries...": the story begins after the
    dash that closes a dateline in capitals (the dateline stands alone)."""
    if start >= len(doc) or not (doc[start].is_upper and len(doc[start]) > 2 and doc[start].is_alpha):
        return None
    for tok in doc[start + 1:min(len(doc), start + 10)]:
        if tok.text in DATELINE_DASHES and tok.i + 1 < len(doc):
            return tok.i + 1
        if tok.text in (".", "\n") or "\n" in tok.text:
            return None
    return None


class GluedWords:
    """Scraped pages glue words together ('improveU.S.', 'inBeijing',
    'China."We'). The tokens are split where the glued part is a name the
    knowledge base knows or an acronym, so the parser reads them apart; the
    text itself is not changed, so evidence stays the article's own words,
    and ordinary words written in camel case ("JavaScript", "AstraZeneca")
    stay whole."""

    def __init__(self, nlp: Language) -> None:
        self.tokenizer = nlp.tokenizer
        self.kb: KnowledgeBase | None = None

    def __call__(self, doc: Doc) -> Doc:
        splits = [(tok, parts) for tok in doc if (parts := self._parts(tok.text))]
        if splits:
            with doc.retokenize() as retokenizer:
                for tok, parts in splits:
                    retokenizer.split(tok, parts, heads=[(tok, 0)] * len(parts))
            for tok in doc:
                if tok.i > 0 and tok.text in OPENING_QUOTES and doc[tok.i - 1].text in (".", "!", "?"):
                    tok.is_sent_start = True
        return doc

    def _parts(self, text: str) -> list[str] | None:
        if len(text) > 1 and text[0] in OPENING_QUOTES and text[1].isupper():
            return [text[0], text[1:]]
        m = _GLUED.match(text)
        if not m or not (_ACRONYM.match(m["rest"]) or self._known(m["rest"])):
            return None
        return [m["word"], *(t.text for t in self.tokenizer(m["rest"]))]

    def _known(self, rest: str) -> bool:
        name = _NAME_PART.match(rest)
        return bool(name) and (self.kb.country_named(name[0]) is not None or name[0].lower() in self.kb.demonyms
                               or self.kb.person_named(name[0]) is not None)


OPENING_QUOTES = frozenset('"“')
_GLUED = re.compile(r"^(?P<word>[A-Za-z][a-z]+)(?P<rest>[A-Z].*)$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}|^[A-Z]{2,}\b")
_NAME_PART = re.compile(r"^[A-Z][a-z]+")


@Language.factory("glued_words", assigns=["token.is_sent_start"], retokenizes=True)
def make_glued_words(nlp: Language, name: str) -> GluedWords:
    return GluedWords(nlp)


def add_knowledge_rulers(nlp: Language, kb: KnowledgeBase) -> None:
    """Add the actor EntityRuler and the issue SpanRuler to `nlp`."""
    nlp.add_pipe("stash_ner", after="ner")
    ruler = nlp.add_pipe("entity_ruler", name="kb_actors", after="stash_ner",
                         config={"overwrite_ents": True, "validate": False})
    ruler.add_patterns(list(actor_patterns(kb)))
    nlp.add_pipe("prefer_full_names", after="kb_actors")
    issues = nlp.add_pipe("span_ruler", name="kb_issues", last=True,
                          config={"spans_key": ISSUES_KEY, "phrase_matcher_attr": "LOWER",
                                  "validate": False})
    issues.add_patterns(list(issue_patterns(kb)))


@Language.component("stash_ner")
def stash_ner(doc: Doc) -> Doc:
    """Keep the statistical entities, which the knowledge base ruler overwrites."""
    doc.spans[NER_KEY] = list(doc.ents)
    return doc


@Language.component("prefer_full_names")
def prefer_full_names(doc: Doc) -> Doc:
    """A known name inside a longer person's name is not that entity: "Wang"
    is Wang Yi, but "Wang Wentao" is someone else; "Israel Katz" is a person."""
    ents = list(doc.ents)
    for full in doc.spans.get(NER_KEY, []):
        if full.label_ != "PERSON" or len(full) < 2:
            continue
        inside = [e for e in ents if full.start <= e.start and e.end <= full.end and e != full]
        if inside and sum(len(e) for e in inside) < len(full) and not any(
                e.start < full.end and full.start < e.end and e not in inside for e in ents):
            ents = [e for e in ents if e not in inside] + [full]
            for token in full:  # a span's ent_id_ is its root token's: "Kayikwamba Wagner" is no Wagner Group
                if not token.ent_id_.startswith("person/"):  # ("Secretary of State Antony Blinken" is Blinken)
                    token.ent_id_ = ""
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def actor_patterns(kb: KnowledgeBase) -> Iterator[dict]:
    """Phrase patterns (case-sensitive) for every name of every known actor."""
    labels = {"Person": "PERSON", "Country": "GPE", "Organization": "ORG"}
    for key, entry in kb.entries.items():
        target, label = key, labels[entry.entity.kind]
        if entry.speaks_for:  # "the Kremlin said": the state speaks
            target, label = entry.speaks_for, "GPE"
        for name in dict.fromkeys((entry.entity.label, *entry.aliases)):
            for written in _as_written(name):
                yield {"label": label, "pattern": written, "id": target}
        for capital in entry.capitals:
            yield {"label": "GPE", "pattern": capital, "id": key + CAPITAL_MARK}


def _as_written(name: str) -> tuple[str, ...]:
    """A name that begins with "the" also begins a sentence: "The West"."""
    return (name, "T" + name[1:]) if name.startswith("the ") else (name,)


def expand_trigger(trigger: str) -> Iterator[str]:
    """"war|invasion on|of Ukraine" -> "war on Ukraine", "war of Ukraine", ...;
    a word in parentheses is optional."""
    choices = []
    for word in trigger.split():
        if word.startswith("(") and word.endswith(")"):
            choices.append(word[1:-1].split("|") + [""])
        else:
            choices.append(word.split("|"))
    for combo in itertools.product(*choices):
        yield " ".join(w for w in combo if w)


def issue_patterns(kb: KnowledgeBase) -> Iterator[dict]:
    for key, spec in kb.issues.items():
        for trigger in spec.triggers:
            for phrase in expand_trigger(trigger):
                yield {"label": "ISSUE", "pattern": phrase, "id": key}
