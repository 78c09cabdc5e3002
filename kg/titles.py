"""Read a title phrase ("US Secretary of State", "China's foreign minister",
"State Department spokesperson") into the office, the state and the body it names."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from kg.kb import KnowledgeBase, Role

if TYPE_CHECKING:
    from spacy.tokens import Token

HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame"})
POSSESSIVE = frozenset({"'s", "’s", "'"})
ROYAL_STYLES = frozenset({"prince", "princess", "sheikh", "sheikha", "sheik"})
RANK_WORDS = frozenset({"deputy", "vice", "acting", "senior", "chief", "assistant", "under"})
NOT_CURRENT = frozenset({"former", "ex", "late", "then", "incoming", "would-be", "future"})


@dataclass(frozen=True)
class TitleReading:
    title: str | None  # canonical title, or None when the words name no office
    country: str | None  # key of the state named ("US", "Chinese", "China's")
    org: str | None  # key of the body named ("State Department")
    acts_for_state: bool  # False for "opposition leader", "co-founder"


def read_title(words: Sequence["Token"], kb: KnowledgeBase,
               actor_at: Callable[[int], str | None]) -> TitleReading | None:
    """Read the words before or beside a name. `actor_at(i)` gives the key of
    the known actor covering token i, if any. The state or body comes first
    ("US", "China's", "State Department"), the title after it."""
    words, patron = _after_patron(words, actor_at)  # "President Joe Biden's Indo-Pacific coordinator"
    words = [w for w in words if w.lower_ not in HONORIFICS and w.pos_ not in ("DET", "PRON")
             and not (actor_at(w.i) or "").startswith("person/")]
    while len(words) > 1 and words[-1].lower_ in ROYAL_STYLES and words[-2].lower_ != "crown":
        words = words[:-1]  # "Foreign Minister Prince Faisal": a style of address, not part of the title
    if not words or any(w.lower_ in NOT_CURRENT for w in words):
        return None
    to = next((pos for pos in range(1, len(words)) if words[pos].lower_ == "to"), None)
    if to is not None:  # "Ambassador to China", "envoy to the UN": where they serve, not whom
        words = words[:to]
    keys = _bodies(words, kb, actor_at)
    of = next((pos for pos in range(len(words) - 1, 0, -1) if words[pos].lower_ == "of"), None)
    if of is not None and any(keys[of + 1:]) and not any(keys[:of]):
        body, tail = keys[of + 1:], words[:of]  # "director general of the IAEA"
    else:  # "US Secretary of State", "State Department spokesperson": the body comes first
        boundary = max((pos + 1 for pos, key in enumerate(keys) if key), default=0)
        body, tail = keys[:boundary], words[boundary:]
    country = org = None
    for key in filter(None, body):  # the last state or body named is the one acted for
        if key.startswith("country/"):
            country, org = key, None
        else:
            org = key
    tail = [w for w in tail if w.text not in POSSESSIVE]
    title, acts = _match_role(tail, kb)
    if country and org and title in kb.posted_titles:
        org = None  # "Russia's UN ambassador" serves Russia at the UN
    if org and title in kb.posted_titles and _after_possessive_pronoun(words[0]):
        org = None  # "its UN representative": serves at the UN whoever "its" is; no guess
    if title is None:
        # "China's Xi" names the state; "Chinese artist X" only a nationality
        acts = not tail or tail[-1].lower_ in kb.official_words
        if not (country or org):
            return None
        if all(w.pos_ == "PROPN" and actor_at(w.i) for w in words):
            return None  # "in Paris Mirzoyan said": a place before the name, not "Paris's Mirzoyan"
    if title and acts and not (country or org) and patron:
        country = (entry := kb.entries.get(patron)) and entry.country  # Biden's coordinator serves the US
    if title and acts and not (country or org):
        country = kb.state_of_title.get(title)  # "House Speaker Mike Johnson"
    return TitleReading(title, country, org, acts)


def _after_patron(words: Sequence["Token"], actor_at: Callable[[int], str | None]) -> tuple[list["Token"], str | None]:
    """The words after the last person named with a possessive, and that
    person: the title is of whoever serves them, not theirs."""
    for pos in range(len(words) - 2, -1, -1):
        key = actor_at(words[pos].i) or ""
        if key.startswith("person/") and words[pos + 1].text in POSSESSIVE:
            return list(words[pos + 2:]), key
    return list(words), None


def _after_possessive_pronoun(word: "Token") -> bool:
    return word.i > 0 and word.doc[word.i - 1].tag_ == "PRP$"


def _bodies(words: Sequence["Token"], kb: KnowledgeBase,
            actor_at: Callable[[int], str | None]) -> list[str | None]:
    """The state or body each word names, if any. A two-word nationality
    ("South Korean") names its state with both words."""
    keys: list[str | None] = [actor_at(w.i) for w in words]
    for pos, word in enumerate(words):
        if keys[pos] is not None:
            continue
        pair = " ".join(w.lower_ for w in words[pos:pos + 2])
        if pos + 1 < len(words) and pair in kb.demonyms and keys[pos + 1] is None:
            keys[pos] = keys[pos + 1] = kb.demonyms[pair]
        else:
            keys[pos] = kb.demonyms.get(word.lower_)
    return [key if key and key.startswith(("country/", "organization/")) else None for key in keys]


def _longest_known_ending(text: str, kb: KnowledgeBase) -> tuple[Role | None, int]:
    """The known title that ends `text` at a word boundary, the longest one."""
    start = 0
    while start >= 0:
        role = kb.role_by_variant.get(text[start:])
        if role is not None:
            return role, len(text) - start
        start = text.find(" ", start) + 1 or -1
    return None, 0


def _match_role(words: Sequence["Token"], kb: KnowledgeBase) -> tuple[str | None, bool]:
    """A known title ("foreign minister" -> "Foreign Minister"), or one written
    as a title and ending in a generic head ("Public Security Minister")."""
    if not words or any(w.tag_ in ("JJS", "RBS") for w in words):
        return None, True  # "most powerful leader": a description, not a title
    text = " ".join(w.lower_ for w in words).replace(" - ", "-")
    best, best_len = _longest_known_ending(text, kb)
    if best and len(text) == best_len:
        return best.title, best.acts_for_state
    n_extra = len(text[:len(text) - best_len].split()) if best else len(words)
    extra = words[:n_extra]
    capitalised = all(w.is_title or w.lower_ in RANK_WORDS for w in extra)
    if capitalised and (best or words[-1].lower_ in kb.generic_heads):
        title = " ".join(w.text if w.is_title else w.text.title() for w in words).replace(" - ", "-")
        return title, best.acts_for_state if best else True
    return None, True
