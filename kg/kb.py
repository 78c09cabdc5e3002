"""The knowledge base of known actors, issues and titles, read from ontology/kb/.

Countries start from ISO 3166 (pycountry) and take what news adds (short names,
capitals, demonyms, Wikidata ids) from countries.yaml. Everything else is YAML a
domain expert edits without reading Python.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from kg.errors import KnowledgeBaseError
from kg.model import Entity

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
def _ontology_dir() -> Path:
    """ontology/ beside the package in a checkout, kg/ontology in an installed wheel."""
    package = Path(__file__).resolve().parent
    installed = package / "ontology"
    return installed if installed.is_dir() else package.parent / "ontology"


ONTOLOGY_DIR = _ontology_dir()


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
    media: bool = False  # a news organization: it reports, it is no side
    in_office: tuple[tuple[dt.date, dt.date | None], ...] = ()  # terms in which a person acts for `country`/`org`


@dataclass(frozen=True)
class Role:
    title: str
    variants: tuple[str, ...]  # lower-case
    descriptions: tuple[str, ...]  # lower-case
    acts_for_state: bool = True
    posted: bool = False  # an envoy: the body named is where they serve, the state whom they serve
    state: str | None = None  # the one state that has this office ("House Speaker"), for when none is named


@dataclass(frozen=True)
class IssueSpec:
    entity: Entity
    triggers: tuple[str, ...]
    country: str | None = None  # key of the country whose bare name can mean this issue
    scoped: bool = False
    # states whose name or nationality may qualify a one-word trigger; any
    # other one means another thing ("German reunification" is not Taiwan's)
    parties: frozenset[str] = frozenset()
    broader: str | None = None  # key of a more general issue


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
    person_aliases: Mapping[str, str]  # a folded name or alias -> the one known person it denotes
    version: str
    country_names: Mapping[str, str] = field(default_factory=dict)  # "China", "Beijing" -> country key
    country_issues: Mapping[str, str] = field(default_factory=dict)  # country key -> issue its name can mean
    issue_acronyms: frozenset[str] = frozenset()  # "ai": triggers that match only when written in capitals
    title_words: frozenset[str] = frozenset()  # "secretary", "state": words of titles, not of bodies
    reporting_verbs: frozenset[str] = frozenset()  # "say", "tell": their subject speaks
    bodies: Mapping[str, str] = field(default_factory=dict)  # "ministry of foreign affairs" -> "Foreign Ministry"
    demonym_of: Mapping[str, str] = field(default_factory=dict)  # country key -> "Chinese"
    state_bodies: Mapping[str, Entity] = field(default_factory=dict)  # "organization/china-foreign-ministry"
    body_adjectives: Mapping[str, str] = field(default_factory=dict)  # "western" (of "Western-backed") -> the West

    def entity(self, key: str) -> Entity | None:
        entry = self.entries.get(key)
        if entry:
            return entry.entity
        issue = self.issues.get(key)
        return issue.entity if issue else self.state_bodies.get(key)

    def acts_for_on(self, key: str, date: dt.date) -> str | None:
        """The state or body a known person acted for on `date`, if one of
        their terms in office (``in_office``) covers it."""
        entry = self.entries.get(key)
        if entry is None or not any(start <= date and (end is None or date < end) for start, end in entry.in_office):
            return None
        return entry.country or entry.org

    def person_named(self, name: str) -> str | None:
        """The known person a full name or alias denotes, if exactly one,
        however it is cased or accented ("Vladimir PUTIN") and with or without
        middle initials ("Antony J. Blinken")."""
        folded = fold(name)
        return self.person_aliases.get(folded) or self.person_aliases.get(_INITIAL.sub(" ", folded).strip())

    def country_named(self, name: str) -> str | None:
        return self.country_names.get(name)

    @cached_property
    def posted_titles(self) -> frozenset[str]:
        """Envoys' titles: "Russia's UN ambassador" serves Russia."""
        return frozenset(r.title for r in self.roles if r.posted)

    @cached_property
    def issue_name_words(self) -> frozenset[str]:
        """Proper names that issues are named by ("Fukushima", "Gaza", "Crimea"),
        lower-cased: such a word alone is no person."""
        words = set()
        for spec in self.issues.values():
            for text in (spec.entity.label, *spec.triggers):
                words.update(w.lower() for w in re.findall(r"[A-Za-z][\w-]*", text) if w[0].isupper())
        return frozenset(words)

    @cached_property
    def state_of_title(self) -> dict[str, str]:
        """Offices only one state has ("House Speaker" -> the United States)."""
        return {r.title: r.state for r in self.roles if r.state}

    @cached_property
    def role_by_variant(self) -> dict[str, Role]:
        """Each way of writing a title -> its role (the first role to list it)."""
        found: dict[str, Role] = {}
        for role in self.roles:
            for variant in role.variants:
                found.setdefault(variant, role)
        return found

    def known_states(self, keys) -> dict[str, str]:
        """The state each of these known actors acts for, where the knowledge base says."""
        found = {}
        for key in keys:
            entry = self.entries.get(key)
            if entry is not None and entry.country:
                found[key] = entry.country
        return found

    @cached_property
    def media(self) -> frozenset[str]:
        """The news organizations: who report, not sides of what they report."""
        return frozenset(key for key, entry in self.entries.items() if entry.media)

    @cached_property
    def demonym_words(self) -> frozenset[str]:
        return frozenset(self.demonyms)

    @cached_property
    def body_words(self) -> frozenset[str]:
        """The words that can head a state's body ("ministry", "embassy")."""
        return frozenset(w for v in self.bodies for w in v.split()) - {"of", "the"}

    def titles_described_by(self, words: str) -> frozenset[str]:
        """The titles a description names: "secretary of state", "top diplomat"."""
        return frozenset(r.title for r in self.roles if words in r.variants or words in r.descriptions)


def fold(name: str) -> str:
    """A name compared without case or accents."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise KnowledgeBaseError(f"{path}: cannot read the knowledge base: {err}") from err


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or ()))


def _terms(value: Any, where: str) -> tuple[tuple[dt.date, dt.date | None], ...]:
    """ISO 8601 intervals, "2021-01-20/2025-01-20" or open-ended "2025-01-20/"."""
    terms = []
    for term in value or ():
        start, _, end = str(term).partition("/")
        try:
            terms.append((dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else None))
        except ValueError:
            raise KnowledgeBaseError(f"{where}: in_office {term!r} is not START/END or START/ "
                                     f"in YYYY-MM-DD") from None
    return tuple(terms)


def _countries(extra: Mapping[str, Any]) -> Iterable[tuple[str, KbEntry, tuple[str, ...]]]:
    """(alpha-2, entry, demonyms) for every ISO country, news names first, and
    for the states countries.yaml adds under a code ISO does not use."""
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
                        descriptions=_lower(more.get("descriptions")))
        yield country.alpha_2, entry, _tuple(more.get("demonyms"))
    iso = {c.alpha_2 for c in pycountry.countries}
    for code, more in extra.items():  # states ISO 3166-1 does not list (Kosovo: XK)
        if code not in iso and more and more.get("label"):
            entity = Entity(f"country/{slugify(more['label'])}", "Country", more["label"], more.get("wikidata"))
            yield code, KbEntry(entity, _tuple(more.get("aliases")), capitals=_tuple(more.get("capitals")),
                                descriptions=_lower(more.get("descriptions"))), _tuple(more.get("demonyms"))


_INITIAL = re.compile(r"(?<=\s)[a-z]\.?\s")  # a middle initial: "antony j. blinken"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")
COUNTRY_FIELDS = {"label", "aliases", "capitals", "demonyms", "descriptions", "wikidata"}
ORG_FIELDS = {"key", "name", "aliases", "country", "descriptions", "speaks_for", "media", "wikidata", "adjectives"}
PERSON_FIELDS = {"name", "aliases", "country", "org", "positions", "family_name_first", "in_office", "wikidata"}
ISSUE_FIELDS = {"key", "label", "triggers", "country", "scoped", "wikidata", "parties", "broader"}
ROLE_FIELDS = {"title", "variants", "descriptions", "acts_for_state", "posted", "state"}


def load_kb(root: Path = ONTOLOGY_DIR) -> KnowledgeBase:
    """Read ontology/kb/ into a KnowledgeBase; a file or entry that does not
    fit its schema is a one-line error naming both."""
    kb_dir = root / "kb"
    if not sorted(kb_dir.glob("*.yaml")):
        raise KnowledgeBaseError(f"{kb_dir}: no knowledge base files")
    entries: dict[str, KbEntry] = {}
    demonyms: dict[str, str] = {}
    by_code: dict[str, str] = {}
    countries_file = kb_dir / "countries.yaml"
    country_extra = _read_yaml(countries_file) or {}
    bad = [k for k in country_extra if not (isinstance(k, str) and re.fullmatch(r"[A-Z]{2}", k))]
    if bad:  # YAML reads a bare NO (Norway) as false
        raise KnowledgeBaseError(f"{countries_file}: keys must be quoted ISO alpha-2 codes, not {bad[0]!r}")
    for code, more in country_extra.items():
        _check_fields(more or {}, COUNTRY_FIELDS, (), f"{countries_file}: {code}")
    demonym_of: dict[str, str] = {}
    body_adjectives: dict[str, str] = {}
    for code, entry, dems in _countries(country_extra):
        entries[entry.entity.key] = entry
        by_code[code] = entry.entity.key
        demonyms.update({d.lower(): entry.entity.key for d in dems})
        if dems:
            demonym_of[entry.entity.key] = dems[0]

    def country_key(code: Any, where: str) -> str | None:
        if code is None:
            return None
        if str(code) not in by_code:
            raise KnowledgeBaseError(f"{where}: unknown ISO country code {code!r}")
        return by_code[str(code)]

    orgs_file = kb_dir / "organizations.yaml"
    for n, org in enumerate(_entries(orgs_file), 1):
        where = _where(orgs_file, n, org, "key")
        _check_fields(org, ORG_FIELDS, ("key", "name"), where)
        _check_slug(org["key"], where)
        key = f"organization/{org['key']}"
        _check_new(key, entries, where)
        entity = Entity(key, "Organization", str(org["name"]), _wikidata(org, where))
        entries[key] = KbEntry(entity, _tuple(org.get("aliases")),
                               country=country_key(org.get("country"), where),
                               descriptions=_lower(org.get("descriptions")),
                               speaks_for=country_key(org.get("speaks_for"), where), media=bool(org.get("media")))
        body_adjectives.update({str(a).lower(): key for a in org.get("adjectives") or ()})
    bodies = _bodies(kb_dir / "bodies.yaml")
    state_bodies = _state_bodies(entries, bodies, demonym_of)
    people_file = kb_dir / "people.yaml"
    for n, person in enumerate(_entries(people_file), 1):
        where = _where(people_file, n, person, "name")
        _check_fields(person, PERSON_FIELDS, ("name",), where)
        key = f"person/{slugify(str(person['name']))}"
        _check_new(key, entries, where)
        entity = Entity(key, "Person", str(person["name"]), _wikidata(person, where))
        org = person.get("org")
        if org is not None and f"organization/{org}" not in entries and f"organization/{org}" not in state_bodies:
            raise KnowledgeBaseError(f"{where}: unknown organization {org!r} (neither in organizations.yaml "
                                     f"nor a state's body such as china-foreign-ministry)")
        entries[key] = KbEntry(entity, _tuple(person.get("aliases")),
                               country=country_key(person.get("country"), where),
                               org=f"organization/{org}" if org else None,
                               positions=_tuple(person.get("positions")),
                               family_name_first=bool(person.get("family_name_first")),
                               in_office=_terms(person.get("in_office"), where))
    origin = {key: countries_file if key.startswith("country/") else
              orgs_file if key.startswith("organization/") else people_file for key in entries}
    _check_aliases(entries, origin)
    issues_file = kb_dir / "issues.yaml"
    issue_data = _read_yaml(issues_file) or {}
    issues: dict[str, IssueSpec] = {}
    for n, issue in enumerate(issue_data.get("issues") or [], 1):
        where = _where(issues_file, n, issue, "key")
        _check_fields(issue, ISSUE_FIELDS, ("key", "label", "triggers"), where)
        _check_slug(issue["key"], where)
        key = f"issue/{issue['key']}"
        _check_new(key, issues, where)
        entity = Entity(key, "Issue", str(issue["label"]), _wikidata(issue, where))
        country = country_key(issue.get("country"), where)
        parties = {country_key(c, where) for c in issue.get("parties") or ()} | {country}
        issues[key] = IssueSpec(entity, _tuple(issue.get("triggers")), country=country,
                                scoped=bool(issue.get("scoped")),
                                parties=frozenset(parties - {None}) if issue.get("parties") else frozenset(),
                                broader=f"issue/{issue['broader']}" if issue.get("broader") else None)
    for key, spec in issues.items():
        if spec.broader and spec.broader not in issues:
            raise KnowledgeBaseError(f"{issues_file}: {key}: broader issue {spec.broader!r} is not in the file")
    roles_file = kb_dir / "roles.yaml"
    role_data = _read_yaml(roles_file) or {}
    roles = []
    for n, r in enumerate(role_data.get("roles") or [], 1):
        where = _where(roles_file, n, r, "title")
        _check_fields(r, ROLE_FIELDS, ("title",), where)
        roles.append(Role(str(r["title"]), _lower(r.get("variants")) or (str(r["title"]).lower(),),
                          _lower(r.get("descriptions")), bool(r.get("acts_for_state", True)),
                          bool(r.get("posted")), country_key(r.get("state"), where)))
    references = _read_yaml(kb_dir / "references.yaml") or {}
    return KnowledgeBase(
        entries, issues, tuple(roles), demonyms,
        frozenset(_lower(role_data.get("official_words"))), frozenset(_lower(role_data.get("generic_heads"))),
        frozenset(_tuple(issue_data.get("topic_nouns"))), frozenset(_lower(references.get("pair_phrases"))),
        frozenset(_lower(references.get("person_pair_phrases"))), frozenset(_lower(references.get("place_words"))),
        _person_aliases(entries), ontology_version(root),
        country_names=_country_names(entries),
        country_issues={spec.country: key for key, spec in issues.items() if spec.country},
        issue_acronyms=frozenset(w.lower() for spec in issues.values() for t in spec.triggers
                                 for w in t.split() if len(w) > 1 and w.isalpha() and w.isupper()),
        title_words=frozenset(w for r in roles for v in r.variants for w in v.split()) | {"affairs"},
        reporting_verbs=frozenset(_lower(references.get("reporting_verbs"))),
        bodies=bodies, demonym_of=demonym_of, state_bodies=state_bodies,
        body_adjectives=body_adjectives)


BODY_FIELDS = {"name", "variants"}


def state_body(state: Entity, body: str, demonym: str | None) -> Entity:
    """The body `body` ("Foreign Ministry") of a state: one node per state and body."""
    key = f"organization/{state.key.split('/', 1)[1]}-{slugify(body)}"
    return Entity(key, "Organization", f"{demonym or state.label} {body}")


def _state_bodies(entries: Mapping[str, KbEntry], bodies: Mapping[str, str],
                  demonym_of: Mapping[str, str]) -> dict[str, Entity]:
    """Every state's every body, by key, so people can be said to speak for one."""
    found = {}
    for key, entry in entries.items():
        if entry.entity.kind == "Country":
            for body in set(bodies.values()):
                made = state_body(entry.entity, body, demonym_of.get(key))
                found[made.key] = made
    return found


def _bodies(path: Path) -> dict[str, str]:
    """Each way of writing a state's body -> its canonical name."""
    found: dict[str, str] = {}
    if not path.exists():
        return found
    for n, body in enumerate((_read_yaml(path) or {}).get("bodies") or [], 1):
        where = _where(path, n, body, "name")
        _check_fields(body, BODY_FIELDS, ("name", "variants"), where)
        for variant in _lower(body["variants"]):
            if found.setdefault(variant, str(body["name"])) != body["name"]:
                raise KnowledgeBaseError(f"{where}: {variant!r} is already a variant of {found[variant]!r}")
    return found


def _entries(path: Path) -> list[dict]:
    data = _read_yaml(path) or []
    if not isinstance(data, list):
        raise KnowledgeBaseError(f"{path}: expected a list of entries")
    return data


def _where(path: Path, n: int, entry: Any, name_field: str) -> str:
    if not isinstance(entry, dict):
        raise KnowledgeBaseError(f"{path}: entry {n}: expected a mapping of fields, not {entry!r}")
    name = entry.get(name_field)
    return f"{path}: entry {n}" + (f" ({name})" if name else "")


def _check_fields(entry: Mapping, known: set[str], required: tuple[str, ...], where: str) -> None:
    if not isinstance(entry, Mapping):
        raise KnowledgeBaseError(f"{where}: expected a mapping of fields")
    unknown = sorted(set(entry) - known)
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown field {unknown[0]!r} (known: {', '.join(sorted(known))})")
    missing = [f for f in required if entry.get(f) in (None, "")]
    if missing:
        raise KnowledgeBaseError(f"{where}: missing field {missing[0]!r}")
    for name, value in entry.items():
        if name in ("aliases", "capitals", "demonyms", "descriptions", "positions", "triggers",
                    "variants", "parties") and not isinstance(value, list):
            raise KnowledgeBaseError(f"{where}: {name!r} must be a list")


def _check_slug(key: Any, where: str) -> None:
    if not isinstance(key, str) or not SLUG.fullmatch(key):
        raise KnowledgeBaseError(f"{where}: key {key!r} cannot be part of an IRI "
                                 f"(use lower-case letters, digits and single hyphens)")


def _check_new(key: str, seen: Mapping[str, Any], where: str) -> None:
    if key in seen:
        raise KnowledgeBaseError(f"{where}: duplicate entry {key!r}")


def _wikidata(entry: Mapping, where: str) -> str | None:
    value = entry.get("wikidata")
    if value is not None and not (isinstance(value, str) and WIKIDATA_ID.fullmatch(value)):
        raise KnowledgeBaseError(f"{where}: {value!r} is not a Wikidata item id (Q followed by digits)")
    return value


def _check_aliases(entries: Mapping[str, KbEntry], origin: Mapping[str, Path]) -> None:
    """A name may denote one actor only: the ruler could not tell which."""
    owner: dict[str, str] = {}
    for key, entry in entries.items():
        names = {entry.entity.label, *entry.aliases, *entry.capitals}
        for name in sorted(names):
            other = owner.setdefault(name, key)
            if other != key and _kinds_clash(other, key):
                raise KnowledgeBaseError(f"{origin[key]}: {key}: the name {name!r} is given to both "
                                         f"{other} and {key}")


def _kinds_clash(a: str, b: str) -> bool:
    """Two people may share a surname alias only in different articles'
    worlds; a name shared across kinds or bodies is ambiguous."""
    return not (a.startswith("person/") and b.startswith("person/"))


def _country_names(entries: Mapping[str, KbEntry]) -> dict[str, str]:
    return {name: key for key, entry in entries.items() if entry.entity.kind == "Country"
            for name in (entry.entity.label, *entry.aliases, *entry.capitals)}


def _lower(value: Any) -> tuple[str, ...]:
    return tuple(v.lower() for v in _tuple(value))


def _person_aliases(entries: Mapping[str, KbEntry]) -> dict[str, str]:
    keys_by_name: dict[str, set[str]] = {}
    for key, entry in entries.items():
        if entry.entity.kind == "Person":
            for name in (entry.entity.label, *entry.aliases):
                keys_by_name.setdefault(fold(name), set()).add(key)
    return {name: next(iter(keys)) for name, keys in keys_by_name.items() if len(keys) == 1}


@dataclass(frozen=True)
class IssueScheme:
    """How issues nest (skos:broader), read without the rest of the knowledge base."""

    broader: Mapping[str, str]  # issue key -> its more general issue
    labels: Mapping[str, str]  # issue key -> label
    scoped: frozenset[str]  # general issues that have per-country ones

    def broader_of(self, key: str) -> str | None:
        """"issue/gaza-war" -> "issue/middle-east-conflict";
        "issue/north-korea-nuclear-programme" -> "issue/nuclear-programme"."""
        if key in self.broader:
            return self.broader[key]
        return next((base for base in self.scoped if key.endswith("-" + base.split("/", 1)[1])
                     and key != base), None)


def issue_scheme(root: Path = ONTOLOGY_DIR) -> IssueScheme:
    data = _read_yaml(root / "kb" / "issues.yaml") or {}
    issues = [i for i in data.get("issues") or [] if isinstance(i, dict) and i.get("key")]
    return IssueScheme({f"issue/{i['key']}": f"issue/{i['broader']}" for i in issues if i.get("broader")},
                       {f"issue/{i['key']}": str(i.get("label")) for i in issues},
                       frozenset(f"issue/{i['key']}" for i in issues if i.get("scoped")))


def ontology_version(root: Path = ONTOLOGY_DIR) -> str:
    """A hash of every knowledge and pattern file: changes when any of them does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".yaml", ".yml"}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
