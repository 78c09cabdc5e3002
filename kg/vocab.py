"""The contract's vocabulary: namespaces, classes and the 18 relation types.

This is the one place the relation list lives in code; ontology/diplomacy.ttl
declares the same properties for users and a test keeps the two in step.
"""
from __future__ import annotations

from dataclasses import dataclass

DIP = "https://w3id.org/diplomacy-kg/ontology#"
RES = "https://w3id.org/diplomacy-kg/id/"

ACTORS = frozenset({"Person", "Country", "Organization"})


@dataclass(frozen=True)
class RelationType:
    name: str
    symmetric: bool
    objects: frozenset[str]  # entity kinds the object may have; empty: a literal


def _rel(name: str, symmetric: bool, *objects: str) -> RelationType:
    return RelationType(name, symmetric, frozenset(objects))


_ACT = ("Person", "Country", "Organization")
RELATIONS: dict[str, RelationType] = {r.name: r for r in (
    _rel("metWith", True, *_ACT),
    _rel("visited", False, "Country"),
    _rel("urged", False, *_ACT),
    _rel("warned", False, *_ACT),
    _rel("criticized", False, *_ACT),
    _rel("agreedWith", True, *_ACT),
    _rel("disagreedWith", True, *_ACT),
    _rel("cooperatesWith", True, *_ACT),
    _rel("supports", False, *_ACT, "Issue"),
    _rel("opposes", False, *_ACT, "Issue"),
    _rel("attacked", False, *_ACT),
    _rel("raisedConcernAbout", False, "Issue"),
    _rel("discussed", False, "Issue"),
    _rel("restricted", False, "Issue", *_ACT),
    _rel("holdsPosition", False),
    _rel("represents", False, "Country", "Organization"),
    _rel("allyOf", True, "Country", "Organization"),
    _rel("claims", False, "Country"),
)}
