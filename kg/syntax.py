"""Repairs to the parse of en_core_web_sm that every later reading needs.

Coordinated verbs are of one form: in "India asking Canada to withdraw its
staff and suspending visas" the parser joins "suspending" to "withdraw";
`subject_repair` joins it to "asking".

The small parser joins a clause's subject to a list that ends just before it:
in "After Moscow invaded Ukraine, the West and its allies imposed sanctions"
it reads "the West" as one more item after "Ukraine", and "imposed" is left
without a subject. `subject_repair` gives such a verb its subject back.
"""
from __future__ import annotations

from spacy.attrs import DEP, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.tokens import positions_of, positions_with

# Clauses that have a subject of their own ("and imposed", "to impose" share one).
CLAUSES = frozenset({"ROOT", "advcl", "ccomp"})
LISTED = frozenset({"conj", "appos"})
NOUNS = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


# Verb forms that coordinate only with their own kind: "asking X to leave and
# suspending visas" joins "suspending" to "asking", not to "leave".
COORDINATED_FORMS = frozenset({"VBG", "VBD", "VBZ"})


@Language.component("subject_repair")
def subject_repair(doc: Doc) -> Doc:
    """A clause's verb takes back the list items that stand right before it,
    after a comma, from the list they were hung on: when it has no subject,
    or when the one it was given lies in a phrase fronted before the comma
    ("After the vote on Syria, Britain and France criticized Russia")."""
    for verb, same_form in _verbs_joined_by_form(doc):
        verb.head = same_form
    for first, second in _comma_listed_subjects(doc):
        first.head, first.dep_ = second.head, second.dep_
        second.head, second.dep_ = first, "conj"
    for noun, prep, verb in _subjects_taken_by_time_words(doc):
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        noun.head, noun.dep_ = verb, "nsubj"
        subject.head, subject.dep_ = noun, "conj"
        verb.head, verb.dep_ = prep, "pcomp"
        doc[subject.left_edge.i - 1].head = noun  # the "and"
    for verb in _clause_verbs(doc):
        found = _stray_subject(verb)
        if found is not None:
            subject, wrong = found
            if wrong is not None:
                wrong.dep_ = "npadvmod"
            subject.head = verb
            subject.dep_ = "nsubj"
    return doc


# Proper names that open a sentence and name no side ("Monday, China signed").
DATE_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "today", "yesterday"})


def _comma_listed_subjects(doc: Doc) -> list[tuple[Token, Token]]:
    """"Russia, China sign deal", "Sudan military, RSF agree on steps": a
    headline lists the sides with a bare comma for "and". The parser hangs
    the first one on the verb as a second subject or a modifier; it is the
    first of a list whose next item is the verb's subject. Only a name that
    opens the sentence, not "On Monday, China signed"."""
    found = []
    for i in positions_with(doc, {DEP: ("nsubj",)}):
        second = doc[i]
        verb, comma = second.head, doc[second.left_edge.i - 1] if second.left_edge.i > 0 else None
        if verb.pos_ not in ("VERB", "AUX") or comma is None or comma.text != ",":
            continue
        first = next((c for c in verb.children if c.dep_ in ("nsubj", "npadvmod", "dep") and c.i < comma.i
                      and c.right_edge.i in (comma.i - 1, comma.i) and c.pos_ in NOUNS), None)
        if first is None or first.left_edge.i != first.sent.start \
                or not any(t.pos_ == "PROPN" for t in first.subtree) \
                or not any(t.pos_ == "PROPN" for t in second.subtree) \
                or any(t.lower_ in DATE_NAMES for t in (*first.subtree, *second.subtree)):
            continue
        found.append((first, second))
    return found


# Words that open a clause as well as a phrase ("after the talks", "after X and Y said").
TIME_WORDS = frozenset({"after", "before", "since", "until"})


def _subjects_taken_by_time_words(doc: Doc) -> list[tuple[Token, Token, Token]]:
    """"days after the island nation and China said they had signed": the
    parser reads "after the island nation" as a phrase and "and China said"
    as a second clause of the sentence; the phrase's noun and the name after
    "and" are the subjects of the verb, whose clause "after" opens. A noun
    with a proper name in it, joined by a bare "and" (no comma) to a verb's
    subject that follows at once: (noun, time word, verb)."""
    found = []
    for i in positions_with(doc, {DEP: ("cc",), LOWER: ("and",)}):
        cc = doc[i]
        verb = cc.head if cc.head.dep_ == "conj" else \
            next((c for c in cc.head.children if c.dep_ == "conj" and c.i > i), cc.head)
        if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or i == 0 or i + 1 >= len(doc):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        noun = doc[i - 1]
        while noun.dep_ in ("compound", "amod", "det") and noun.head.i < i:
            noun = noun.head
        if subject is None or subject.left_edge.i != i + 1 or subject.pos_ not in NOUNS \
                or noun.dep_ != "pobj" or noun.right_edge.i != i - 1 or noun.pos_ not in NOUNS:
            continue
        prep = noun.head
        if prep.lower_ not in TIME_WORDS or prep.head != verb.head \
                or not any(t.pos_ == "PROPN" for t in noun.subtree):
            continue
        found.append((noun, prep, verb))
    return found


def _clause_verbs(doc: Doc) -> list[Token]:
    """The verbs heading clauses (this runs on every document: found on the arrays)."""
    return [doc[i] for i in positions_with(doc, {DEP: CLAUSES, POS: ("VERB", "AUX")})]


def _verbs_joined_by_form(doc: Doc) -> list[tuple[Token, Token]]:
    """Verbs coordinated with a verb of another form, below one of their own
    form (the parser joined them to the nearer verb), with that verb."""
    found = []
    for i in positions_with(doc, {DEP: ("conj",), TAG: COORDINATED_FORMS}):
        verb = doc[i]
        same_form = _same_form_ancestor(verb) if verb.head.tag_ != verb.tag_ and verb.head.pos_ in ("VERB", "AUX") \
            else None
        if same_form is not None:
            found.append((verb, same_form))
    return found


def _same_form_ancestor(verb: Token) -> Token | None:
    for up in list(verb.head.ancestors)[:3]:
        if up.tag_ == verb.tag_ and up.pos_ in ("VERB", "AUX"):
            return up
    return None


def _stray_subject(verb: Token) -> tuple[Token, Token | None] | None:
    """The list item that begins the phrase right before `verb`, if that
    phrase was hung on a noun before a comma, with the subject it replaces."""
    doc = verb.doc
    last = doc[verb.i - 1] if verb.i > verb.sent.start else verb
    if last.dep_ not in LISTED or last.pos_ not in NOUNS:
        return None
    item = last
    while not (doc[item.left_edge.i - 1].text == "," and item.head.i < item.left_edge.i - 1
               and item.head.pos_ in NOUNS):
        item = item.head
        if item.dep_ not in LISTED or item.head.i >= item.i:
            return None
    if item.right_edge.i != verb.i - 1:
        return None
    top = item.head
    while top.dep_ in LISTED:
        top = top.head
    given = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if given is None:
        return (item, None) if top.head != verb else None  # not the verb's own object
    fronted = verb.sent[0].pos_ in ("SCONJ", "ADP") and given.i < item.i and given in (top, *top.ancestors)
    return (item, given) if fronted else None


# --------------------------------------------------------------------------
# Phrase repairs: the parse of a few phrases of news that the small parser
# gets wrong, with the entities found (they run after the entity recognizer).

# Nouns of what one actor asks of or threatens another: "a U.N. and other
# international calls", "calls to halt attacks on shipping and warnings from".
DEMAND_NOUNS = frozenset({"call", "appeal", "demand", "plea", "request", "warning", "threat", "ultimatum",
                          "pressure", "urging", "criticism", "condemnation", "protest", "objection"})
# "in the capital, Kyiv": the name in apposition to a place noun.
PLACE_NOUNS = frozenset({"capital", "city", "town", "port", "island", "province", "region", "village"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


@Language.component("phrase_repair")
def phrase_repair(doc: Doc) -> Doc:
    """"defied a U.N. and other international calls": the name before "and
    other" qualifies the noun after it, which takes its place ("the U.N.
    calls and other calls"); "calls to stop the attacks on ships and warnings
    from the US": a demand joined to a noun inside the first demand's phrase
    is the first demand's conjunct; "arrived in the capital, Honiara": the
    name after the comma is the capital's; "in Paris Mirzoyan stuck to": the
    person after a place the verb has no subject for is its subject."""
    for i in positions_of(doc, frozenset({"other"})):
        _qualifying_name(doc[i])
    for i in positions_with(doc, {DEP: ("conj",), POS: ("NOUN",)}):
        _demand_joined_lower(doc[i])
    for i in positions_of(doc, frozenset({","})):
        _place_name_after_comma(doc[i])
    for verb in _clause_verbs(doc):
        _subject_after_place(verb)
    for i in positions_of(doc, frozenset({"along", "together"})):
        _companions_set_off_after_object(doc[i])
    return doc


def _qualifying_name(other: Token) -> None:
    noun = other.head
    if other.dep_ != "amod" or noun.dep_ != "conj" or noun.lemma_.lower() not in DEMAND_NOUNS:
        return
    name = noun.head
    cc = name.doc[other.i - 1]
    if name.pos_ != "PROPN" or not name.ent_type_ or name.i != cc.i - 1 or cc.lower_ != "and" \
            or name.dep_ in ("conj", "appos") or name.head == noun:
        return
    noun.head, noun.dep_ = name.head, name.dep_
    for c in [c for c in name.children if c.dep_ == "det"]:
        c.head = noun
    name.head, name.dep_ = noun, "compound"
    cc.head, cc.dep_ = name, "cc"


def _demand_joined_lower(noun: Token) -> None:
    if noun.lemma_.lower() not in DEMAND_NOUNS:
        return
    if noun.head.lemma_.lower() in DEMAND_NOUNS:  # "appeals from France and warnings from Britain"
        after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        if after is not None and after.dep_ == "prep" and after.lower_ in ("from", "by") and after.head == noun.head:
            after.head = noun
        return
    old = noun.head
    for up in list(old.ancestors)[:6]:
        first = up if up.lemma_.lower() in DEMAND_NOUNS and up.pos_ == "NOUN" else next(
            (c for c in up.children if c.lemma_.lower() in DEMAND_NOUNS and c.pos_ == "NOUN" and c.i < noun.i
             and c.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and c != noun), None)
        if first is not None and first.i < noun.i:
            noun.head = first
            after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
            if after is not None and after.dep_ == "prep" and after.lower_ in ("from", "by") \
                    and first.i < after.head.i < noun.i:
                after.head = noun  # "and warnings from the US", "from" hung on the noun before
            return
        if up.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in up.children):
            return  # past a clause of its own


def _place_name_after_comma(comma: Token) -> None:
    doc = comma.doc
    if comma.i == 0 or comma.i + 1 >= len(doc):
        return
    place, name = doc[comma.i - 1], doc[comma.i + 1]
    if place.lemma_.lower() not in PLACE_NOUNS or place.pos_ != "NOUN" or name.ent_type_ not in PLACE_TYPES \
            or name.ent_iob_ != "B":
        return
    last = name
    while last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I":
        last = doc[last.i + 1]
    root = doc[name.i:last.i + 1].root
    if root.dep_ in ("appos", "conj", "compound") or root.head == place or place in root.ancestors \
            or root in place.ancestors:
        return
    root.head, root.dep_ = place, "appos"


def _subject_after_place(verb: Token) -> None:
    doc = verb.doc
    if verb.i == 0 or any(c.dep_ in SUBJECTS for c in verb.children) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return
    person = doc[verb.i - 1]
    if person.ent_type_ != "PERSON" or person.dep_ != "pobj" or person.head.dep_ != "prep":
        return
    start = person.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].ent_iob_ != "O" \
            and doc[start].ent_iob_ == "I":
        start -= 1
    place = doc[start - 1] if start > 0 else None
    if place is None or place.ent_type_ not in PLACE_TYPES | {"ORG"} and place.pos_ != "NOUN" \
            or place.head != person:
        return
    prep = person.head
    for c in [c for c in person.children if c.i < place.i]:
        c.head = place
    place.head, place.dep_ = prep, "pobj"
    person.head, person.dep_ = verb, "nsubj"


def _companions_set_off_after_object(word: Token) -> None:
    """"X's decision to extend an embargo, along with Y, on Z": the parser
    hangs the phrase set off by commas after an object, and the preposition
    right after it, on a verb above the object's own; both go back to the
    verb the object belongs to, as they are parsed without the "decision"."""
    doc = word.doc
    prep = word if word.dep_ == "prep" else word.head if word.dep_ == "advmod" and word.head.lower_ == "with" else None
    opening = doc[word.i - 1] if word.i > 1 else None
    if prep is None or opening is None or opening.text != ",":
        return
    obj = doc[opening.i - 1]
    while obj.dep_ in ("compound", "amod") and obj.head.i > obj.i:
        obj = obj.head
    verb = obj.head
    closing = prep.right_edge.i if prep.right_edge.text == "," else prep.right_edge.i + 1
    if obj.dep_ != "dobj" or verb.pos_ != "VERB" or verb == prep.head or prep.head not in verb.ancestors \
            or obj.right_edge.i != opening.i - 1 or closing + 1 >= len(doc) or doc[closing].text != ",":
        return
    after, above = doc[closing + 1], prep.head
    prep.head = verb
    if after.dep_ == "prep" and after.head == above:
        after.head = verb
