"""Headlines in telegraphese: "Germany's Scholz, China's Xi talk Ukraine war,
economic protectionism" means "Scholz and Xi discuss the Ukraine war and
protectionism", but the small parser reads the comma as an apposition and
"talk" as a noun. `headline_repair` parses such a headline again as the
sentence it stands for (the comma between the leading names, and the one
before the last of the listed topics, read as "and"; "talk" + topic read as
"discuss") and keeps that parse where it gives the verb its subject. The
words themselves are not changed: only their tags, heads and labels.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, HEAD, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

NAME_TAGS = frozenset({"NNP", "NNPS", "POS"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
CLOSING = frozenset({".", "!", "?", '"', "”", "'", "’", ":"})
MAX_WORDS = 20
# a verb of headlines the parser takes for a noun, and one that says the same
AS_VERB = {"talk": "discuss"}


class HeadlineRepair:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # joined once: Doc.text joins every token at each call
        for sent in [s for s in map(_trimmed, doc.sents) if s is not None and _is_headline(s, text)]:
            found = _as_sentence(sent)
            if found is not None:
                self._reparse(doc, sent, *found)
        return doc

    def _reparse(self, doc: Doc, sent: Span, words: list[str], verb: int) -> None:
        spaces = [bool(t.whitespace_) or (n + 1 < len(words) and words[n + 1] == "and") for n, t in enumerate(sent)]
        again = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for name in ("tok2vec", "tagger", "parser", "attribute_ruler"):
            if name in self.nlp.pipe_names:
                again = self.nlp.get_pipe(name)(again)
        roots = [t for t in again if t.dep_ == "ROOT"]
        head = again[verb]
        if len(roots) != 1 or head.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in head.children):
            return
        attrs = [HEAD, DEP, TAG, POS]
        array = doc.to_array(attrs)
        array[sent.start:sent.end] = again.to_array(attrs)
        doc.from_array(attrs, array.astype(np.uint64))


def _trimmed(sent: Span) -> Span | None:
    """The sentence without the line breaks and spaces around it."""
    start, end = sent.start, sent.end
    doc = sent.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None


def _is_headline(sent: Span, text: str) -> bool:
    """A line of its own (in `text`, the Doc's) without a closing stop, of a few words."""
    if len(sent) > MAX_WORDS or sent[-1].text in CLOSING:
        return False
    before, after = sent.start_char, sent.end_char  # looked at character by character: slicing the
    while before and text[before - 1] in " \t":    # text before every sentence costs its square
        before -= 1
    while after < len(text) and text[after] in " \t":
        after += 1
    return (not before or text[before - 1] == "\n") and (after == len(text) or text[after] == "\n")


def _as_sentence(sent: Span) -> tuple[list[str], int] | None:
    """The headline's words as the sentence it stands for, and where its verb
    is, when it begins with names listed with commas alone ("A, B talk X")."""
    words = [t.text for t in sent]
    commas, i = [], 0
    while True:
        start = i
        while i < len(sent) and sent[i].tag_ in NAME_TAGS:
            i += 1
        if i == start or i >= len(sent):
            return None
        if sent[i].text != ",":
            break
        commas.append(i)
        i += 1
    verb = sent[i]
    if not commas or not (verb.is_alpha and verb.is_lower):
        return None
    words[commas[-1]] = "and"
    nxt = sent[verb.i - sent.start + 1] if verb.i + 1 < sent.end else None
    if verb.lower_ in AS_VERB and nxt is not None and nxt.pos_ != "ADP":
        words[i] = AS_VERB[verb.lower_]
    rest = [t for t in sent[i + 1:]]
    listed = [t.i - sent.start for t in rest if t.text == ","]
    if listed and not any(t.tag_ in VERB_TAGS for t in rest if t.i - sent.start > listed[-1]):
        words[listed[-1]] = "and"  # "talk Ukraine war, protectionism"
    return words, i


@Language.factory("headline_repair", retokenizes=False)
def make_headline_repair(nlp: Language, name: str) -> HeadlineRepair:
    return HeadlineRepair(nlp)
