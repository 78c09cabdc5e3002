"""The small frozen records passed between stages."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One input article, as read from disk."""

    doc_id: str  # the file's base name: dcterms:identifier
    path: str
    text: str
    date: dt.date | None = None
    also_named: tuple[str, ...] = ()  # other files with the identical text
    url: str | None = None  # where a crawled article came from: dcterms:source


@dataclass(frozen=True)
class Entity:
    """A real-world thing; `key` is its IRI below res: ("person/antony-blinken")."""

    key: str
    kind: str  # Person | Country | Organization | Issue
    label: str
    wikidata: str | None = None


@dataclass(frozen=True)
class Fact:
    """One relation read from one sentence. `obj` is an entity key, or the
    title itself for holdsPosition."""

    subject: str
    relation: str
    obj: str
    evidence: str
    confidence: float


@dataclass(frozen=True)
class DocumentResult:
    """What one article yields: its entities, the names they went by, its facts."""

    doc_id: str
    date: dt.date | None
    entities: tuple[Entity, ...]
    aliases: tuple[tuple[str, str], ...]  # (entity key, name used in the text)
    facts: tuple[Fact, ...]
    also_named: tuple[str, ...] = ()
    words: int = 0
    source: str | None = None  # the article's URL, when the input gave one


@dataclass(frozen=True)
class Skipped:
    """An input file that was not used, and why."""

    path: str
    reason: str


@dataclass
class Timings:
    """Seconds spent per stage, summed over a build."""

    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds
