"""Component `kg_speakers`: who speaks each quotation, and who "I" and "we"
are inside it.

Reads ``doc.spans["kg_mentions"]`` (names, descriptions and pronouns already
resolved). Writes ``doc.spans["kg_speakers"]`` (the words of each quotation,
``kb_id_`` its speaker), mentions of the speaker for "I", "me" and "my", and
``doc.spans["kg_pairs"]`` for "we", "us" and "our": the speaker and the state
the speaker acts for.

The speaker is the subject of a reporting verb after the quotation in its
sentence ('"...," the spokesperson said'), else before it ('Lula told
reporters: "..."'), else in the sentence before, if that one introduces the
quotation ('He said:').
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.entities.mentions import (ENTITIES_EXT, PAIRS, ROLES_EXT, VIA_PRONOUN, actors_by_token, add_mention,
                                  kind_of, KnowledgeComponent, Mention)
from kg.tokens import child, word_in

SPEAKERS = "kg_speakers"
OPENING, CLOSING, EITHER = frozenset("“"), frozenset("”"), frozenset({'"', "''", "``"})
SINGULAR = frozenset({"i", "me", "my", "myself"})
PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})


class SpeakerReader(KnowledgeComponent):
    def __call__(self, doc: Doc) -> Doc:
        mentions, actor_at = actors_by_token(doc)
        states = self._states(doc)
        speakers = []
        for start, end in quotations(doc):
            speaker = self._speaker(doc, start, end, mentions, actor_at)
            if speaker is None:
                continue
            speakers.append(Span(doc, start, end, label="quote", kb_id=speaker))
            self._first_person(doc, start, end, speaker, states.get(speaker), actor_at)
        doc.spans[SPEAKERS] = speakers
        return doc

    def _states(self, doc: Doc) -> dict[str, str]:
        found = self.kb.known_states(doc._.get(ENTITIES_EXT) or {})
        found.update({r.person: r.state for r in doc._.get(ROLES_EXT) or () if r.state})
        return found

    def _speaker(self, doc: Doc, start: int, end: int, mentions: list[Mention],
                 actor_at: list[int]) -> str | None:
        """After the quotation in its sentence, else before it, else the
        sentence before when it ends by introducing the quotation."""
        verbs = self.kb.reporting_verbs
        after = doc[end:doc[end - 1].sent.end] if end < len(doc) else doc[end:end]
        before = doc[doc[start].sent.start:start]
        for stretch in (after, before):
            found = _reporter(stretch, verbs, mentions, actor_at)
            if found:
                return found
        opener = doc[start].sent.start
        if opener > 0 and doc[opener - 1].text == ":":
            return _reporter(doc[opener - 1].sent, verbs, mentions, actor_at)
        if start > 0 and doc[start - 1].text == ":":
            return _reporter(doc[doc[start - 1].sent.start:start], verbs, mentions, actor_at)
        return None

    def _first_person(self, doc: Doc, start: int, end: int, speaker: str, state: str | None,
                      actor_at: list[int]) -> None:
        for tok in doc[start:end]:
            if actor_at[tok.i] >= 0 or tok.pos_ != "PRON":
                continue
            if tok.lower_ in SINGULAR and kind_of(speaker) == "Person":
                add_mention(doc, tok.i, tok.i + 1, speaker, VIA_PRONOUN)
            elif tok.lower_ in PLURAL:
                for key in dict.fromkeys((speaker, state or speaker)):
                    doc.spans[PAIRS].append(Span(doc, tok.i, tok.i + 1, label="we", kb_id=key))


@Language.factory("kg_speakers", requires=["doc.spans"], assigns=["doc.spans"])
def make_speaker_reader(nlp: Language, name: str) -> SpeakerReader:
    return SpeakerReader()


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks, never across a paragraph."""
    found, opened = [], None
    for tok in doc:
        if "\n\n" in tok.text_with_ws or tok.is_space and tok.text.count("\n") > 1:
            opened = None
        mark = tok.text
        if mark in OPENING or (mark in EITHER and opened is None):
            opened = tok.i + 1
        elif mark in CLOSING or mark in EITHER:
            if opened is not None and tok.i > opened:
                found.append((opened, tok.i))
            opened = None
    return found


def _reporter(stretch: Span, verbs: frozenset[str], mentions: list[Mention], actor_at: list[int]) -> str | None:
    """The actor who is the subject of a reporting verb in `stretch`."""
    for tok in stretch:
        if tok.pos_ == "VERB" and word_in(tok, verbs):
            subject = child(tok, ("nsubj",))
            if subject is not None and actor_at[subject.i] >= 0:
                return mentions[actor_at[subject.i]].key
    return None


def speaker_of(doc: Doc, token: Token) -> str | None:
    """The speaker of the quotation `token` stands in, if known."""
    for span in doc.spans.get(SPEAKERS, ()):
        if span.start <= token.i < span.end:
            return span.kb_id_
    return None
