"""Words for the vocabulary, read from the ontology's data: each relation's
`rdfs:label` ("raised concern about") and its PLOVER event category.

The labels live once, in ontology/diplomacy.ttl; the PLOVER crosswalk lives
once, in ontology/plover.yaml (a test holds the ontology's `dip:ploverCategory`
annotations to the same pairs).
"""
from __future__ import annotations

from pathlib import Path

from kg.kb import ONTOLOGY_DIR
from kg.vocab import DIP, RELATIONS

ONTOLOGY_FILE = ONTOLOGY_DIR / "diplomacy.ttl"
PLOVER_FILE = ONTOLOGY_DIR / "plover.yaml"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def relation_labels(path: Path = ONTOLOGY_FILE) -> dict[str, str]:
    """Relation name -> its English label; the name itself where the ontology has none.
    (Reading the ontology takes milliseconds: callers read it once per use.)"""
    import pyoxigraph

    labels: dict[str, str] = {}
    with open(path, "rb") as handle:
        for triple in pyoxigraph.parse(handle, pyoxigraph.RdfFormat.TURTLE):
            if triple.predicate.value == RDFS_LABEL and triple.subject.value.startswith(DIP):
                labels[triple.subject.value[len(DIP):]] = triple.object.value
    return {name: labels.get(name, name) for name in RELATIONS}


def plover_categories(path: Path = PLOVER_FILE) -> dict[str, str]:
    """Relation name -> PLOVER event category, for the relations that have one."""
    import yaml

    from kg.errors import KnowledgeBaseError

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    crosswalk = data.get("relations") or {}
    unknown = sorted(set(crosswalk) - set(RELATIONS))
    if unknown:
        raise KnowledgeBaseError(f"{path}: unknown relation {unknown[0]!r} in the PLOVER crosswalk")
    return {name: str(category) for name, category in crosswalk.items()}
