"""JSON-LD compacted with ontology/context.jsonld (inlined, so the file stands
alone offline): one node object per subject, sorted, values sorted, so builds
are byte-identical. Compaction is done here from the graph's statements
rather than by a JSON-LD processor, which was the slowest part of a build.
Nodes are made from the sorted N-Triples and put in IRI order by an external
sort, so the file is written as a stream."""
from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any, Iterator

from kg.graph import KnowledgeGraph
from kg.extsort import sorted_unique
from kg.kb import ONTOLOGY_DIR
from kg.rdf import RDF_NS, XSD_NS, Iri, Lit, sorted_ntriples, spill_folder

CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
MEMO_LIMIT = 100_000  # compact IRIs remembered at a time


class Compactor:
    """Term and compact-IRI choices for one @context."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes = sorted(((v, k) for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))),
                               key=lambda item: -len(item[0]))
        self.namespaces = dict(self.prefixes)
        self._compact: dict[str, str] = {}
        self.terms: dict[str, tuple[str, str | None]] = {}
        for term, definition in context.items():
            if isinstance(definition, str) and not definition.endswith(("/", "#")):
                self.terms[self.expand(definition)] = (term, None)
            elif isinstance(definition, dict):
                kind = definition.get("@type")
                self.terms[self.expand(definition["@id"])] = (term, kind and self.expand(kind))

    def expand(self, value: str) -> str:
        prefix, _, local = value.partition(":")
        for namespace, name in self.prefixes:
            if name == prefix:
                return namespace + local
        return value

    def iri(self, value: str) -> str:
        """The compact IRI: the namespace is everything up to the last / or #."""
        found = self._compact.get(value)
        if found is None:
            if len(self._compact) >= MEMO_LIMIT:  # every assertion has its own IRI: keep memory bounded
                self._compact.clear()
            cut = max(value.rfind("/"), value.rfind("#")) + 1
            name = self.namespaces.get(value[:cut])
            found = self._compact[value] = f"{name}:{value[cut:]}" if name and cut < len(value) else value
        return found

    def key_and_value(self, predicate: str, obj: Iri | Lit) -> tuple[str, Any]:
        term, kind = self.terms.get(predicate, (self.iri(predicate), None))
        if isinstance(obj, Iri):
            return term, self.iri(obj.value) if kind == "@id" else {"@id": self.iri(obj.value)}
        if kind == obj.datatype or (kind is None and obj.datatype == XSD_NS + "string"):
            return term, obj.value
        return term, {"@value": obj.value, "@type": self.iri(obj.datatype)}


def write_jsonld(kg: KnowledgeGraph, path: Path) -> None:
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    compactor = Compactor(context)
    # One node a line: readable, and json's C encoder only works without indent.
    head = json.dumps({"@context": context}, ensure_ascii=False, indent=1, sort_keys=True)
    nodes = (f"{subject}\0{json.dumps(_node(compactor, subject, pairs), ensure_ascii=False, sort_keys=True)}"
             for subject, pairs in by_subject(kg))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"{head[:-2]},\n \"@graph\": [\n")
        for n, line in enumerate(sorted_unique(nodes, spill_folder(kg) / "jsonld-runs")):
            out.write((",\n" if n else "") + line.partition("\0")[2])
        out.write("\n]\n}\n")


def by_subject(kg: KnowledgeGraph) -> Iterator[tuple[str, list[tuple[str, Iri | Lit]]]]:
    """Each subject with its (predicate, object) pairs, read from the sorted
    N-Triples, where a subject's lines are consecutive. (Their order is not
    quite the order of subject IRIs: "<…/a1>" sorts after "<…/a10>".)"""
    import pyoxigraph as ox

    triples = ox.parse(path=str(sorted_ntriples(kg)), format=ox.RdfFormat.N_TRIPLES)
    for subject, group in itertools.groupby(triples, key=lambda triple: triple.subject.value):
        yield subject, [(t.predicate.value, Iri(t.object.value) if isinstance(t.object, ox.NamedNode)
                         else Lit(t.object.value, t.object.datatype.value)) for t in group]


def _node(compactor: Compactor, subject: str, pairs: list[tuple[str, Iri | Lit]]) -> dict[str, Any]:
    node: dict[str, Any] = {}
    for predicate, obj in pairs:
        if predicate == RDF_NS + "type":
            key, value = "@type", compactor.iri(obj.value)
        else:
            key, value = compactor.key_and_value(predicate, obj)
        node.setdefault(key, []).append(value)
    return {k: v[0] if len(v) == 1 else _sorted(v) for k, v in node.items()} | {"@id": compactor.iri(subject)}


def _sort_key(value: Any) -> tuple[int, str]:
    return (0, value) if isinstance(value, str) else (1, json.dumps(value, sort_keys=True, ensure_ascii=False))


def _sorted(values: list[Any]) -> list[Any]:
    return sorted(values, key=_sort_key)
