"""The knowledge base of known actors, issues and titles, read from ontology/kb/.

Countries start from ISO 3166 (pycountry) and take what news adds (short names,
capitals, demonyms, Wikidata ids) from countries.yaml. Everything else is YAML a
domain expert edits without reading Python.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from kg.errors import KnowledgeBaseError
from kg.model import Entity

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated: the stable last segment of an IRI."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class KbEntry:
    """A known actor: its entity and the names news uses for it."""

    entity: Entity
    aliases: tuple[str, ...] = ()
    country: str | None = None  # key of the state it acts for
    org: str | None = None  # key of the body it acts for
    positions: tuple[str, ...] = ()
    family_name_first: bool = False
    capitals: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    speaks_for: str | None = None  # a body that stands for its state ("the Kremlin")


@dataclass(frozen=True)
class Role:
    title: str
    variants: tuple[str, ...]  # lower-case
    descriptions: tuple[str, ...]  # lower-case
    acts_for_state: bool = True


@dataclass(frozen=True)
class IssueSpec:
    entity: Entity
    triggers: tuple[str, ...]
    country: str | None = None  # key of the country whose bare name can mean this issue
    scoped: bool = False


@dataclass(frozen=True)
class KnowledgeBase:
    entries: Mapping[str, KbEntry]
    issues: Mapping[str, IssueSpec]
    roles: tuple[Role, ...]
    demonyms: Mapping[str, str]  # "chinese" -> "country/china"
    official_words: frozenset[str]
    generic_heads: frozenset[str]
    topic_nouns: frozenset[str]
    pair_phrases: frozenset[str]
    person_pair_phrases: frozenset[str]
    place_words: frozenset[str]
    person_aliases: Mapping[str, str]  # a name or alias -> the one known person it denotes
    version: str

    def entity(self, key: str) -> Entity | None:
        entry = self.entries.get(key)
        if entry:
            return entry.entity
        issue = self.issues.get(key)
        return issue.entity if issue else None

    def person_named(self, name: str) -> str | None:
        """The known person a full name or alias denotes, if exactly one."""
        return self.person_aliases.get(name)

    def issue_of_country(self) -> dict[str, str]:
        """Country key -> issue key, for names like "Taiwan" that are both."""
        return {spec.country: key for key, spec in self.issues.items() if spec.country}


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise KnowledgeBaseError(f"{path}: cannot read the knowledge base: {err}") from err


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or ()))


def _countries(extra: Mapping[str, Any]) -> Iterable[tuple[str, KbEntry, tuple[str, ...]]]:
    """(alpha-2, entry, demonyms) for every ISO country, news names first."""
    import pycountry

    for country in pycountry.countries:
        more = extra.get(country.alpha_2) or {}
        iso_names = [getattr(country, a, None) for a in ("common_name", "name", "official_name")]
        names = [n for n in iso_names if n and "," not in n and "(" not in n]
        label = more.get("label") or (names[0] if names else country.name)
        aliases = dict.fromkeys([*names, *_tuple(more.get("aliases"))])
        aliases.pop(label, None)
        key = f"country/{slugify(label)}"
        entity = Entity(key, "Country", label, more.get("wikidata"))
        entry = KbEntry(entity, tuple(aliases), capitals=_tuple(more.get("capitals")),
                        descriptions=_tuple(more.get("descriptions")))
        yield country.alpha_2, entry, _tuple(more.get("demonyms"))


def load_kb(root: Path = ONTOLOGY_DIR) -> KnowledgeBase:
    """Read ontology/kb/ into a KnowledgeBase."""
    kb_dir = root / "kb"
    files = sorted(kb_dir.glob("*.yaml"))
    if not files:
        raise KnowledgeBaseError(f"{kb_dir}: no knowledge base files")
    entries: dict[str, KbEntry] = {}
    demonyms: dict[str, str] = {}
    by_code: dict[str, str] = {}
    country_extra = _read_yaml(kb_dir / "countries.yaml") or {}
    bad = [k for k in country_extra if not (isinstance(k, str) and re.fullmatch(r"[A-Z]{2}", k))]
    if bad:  # YAML reads a bare NO (Norway) as false
        raise KnowledgeBaseError(f"{kb_dir / 'countries.yaml'}: keys must be quoted ISO alpha-2 codes, "
                                 f"not {bad[0]!r}")
    for code, entry, dems in _countries(country_extra):
        entries[entry.entity.key] = entry
        by_code[code] = entry.entity.key
        demonyms.update({d.lower(): entry.entity.key for d in dems})

    def country_key(code: Any, where: str) -> str | None:
        if code is None:
            return None
        if str(code) not in by_code:
            raise KnowledgeBaseError(f"{where}: unknown ISO country code {code!r}")
        return by_code[str(code)]

    for org in _read_yaml(kb_dir / "organizations.yaml") or []:
        key = f"organization/{org['key']}"
        entity = Entity(key, "Organization", org["name"], org.get("wikidata"))
        entries[key] = KbEntry(entity, _tuple(org.get("aliases")),
                               country=country_key(org.get("country"), key),
                               descriptions=_tuple(org.get("descriptions")),
                               speaks_for=country_key(org.get("speaks_for"), key))
    for person in _read_yaml(kb_dir / "people.yaml") or []:
        key = f"person/{slugify(person['name'])}"
        entity = Entity(key, "Person", person["name"], person.get("wikidata"))
        org = person.get("org")
        entries[key] = KbEntry(entity, _tuple(person.get("aliases")),
                               country=country_key(person.get("country"), key),
                               org=f"organization/{org}" if org else None,
                               positions=_tuple(person.get("positions")),
                               family_name_first=bool(person.get("family_name_first")))
    issues = {}
    issue_data = _read_yaml(kb_dir / "issues.yaml") or {}
    for issue in issue_data.get("issues") or []:
        key = f"issue/{issue['key']}"
        entity = Entity(key, "Issue", issue["label"], issue.get("wikidata"))
        issues[key] = IssueSpec(entity, _tuple(issue.get("triggers")),
                                country=country_key(issue.get("country"), key),
                                scoped=bool(issue.get("scoped")))
    role_data = _read_yaml(kb_dir / "roles.yaml") or {}
    references = _read_yaml(kb_dir / "references.yaml") or {}
    roles = tuple(
        Role(r["title"], tuple(v.lower() for v in _tuple(r.get("variants")) or (r["title"],)),
             tuple(d.lower() for d in _tuple(r.get("descriptions"))),
             bool(r.get("acts_for_state", True)))
        for r in role_data.get("roles") or [])
    return KnowledgeBase(entries, issues, roles, demonyms,
                         frozenset(w.lower() for w in _tuple(role_data.get("official_words"))),
                         frozenset(w.lower() for w in _tuple(role_data.get("generic_heads"))),
                         frozenset(_tuple(issue_data.get("topic_nouns"))),
                         frozenset(p.lower() for p in _tuple(references.get("pair_phrases"))),
                         frozenset(p.lower() for p in _tuple(references.get("person_pair_phrases"))),
                         frozenset(p.lower() for p in _tuple(references.get("place_words"))),
                         _person_aliases(entries), ontology_version(root))


def _person_aliases(entries: Mapping[str, KbEntry]) -> dict[str, str]:
    keys_by_name: dict[str, set[str]] = {}
    for key, entry in entries.items():
        if entry.entity.kind == "Person":
            for name in (entry.entity.label, *entry.aliases):
                keys_by_name.setdefault(name, set()).add(key)
    return {name: next(iter(keys)) for name, keys in keys_by_name.items() if len(keys) == 1}


def ontology_version(root: Path = ONTOLOGY_DIR) -> str:
    """A hash of every knowledge and pattern file: changes when any of them does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".yaml", ".yml"}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
