"""JSON-LD, compacted with ontology/context.jsonld (inlined, so the file stands
alone offline), nodes sorted by @id and values sorted: byte-identical between builds."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.graph import KnowledgeGraph
from kg.kb import ONTOLOGY_DIR
from kg.rdf import to_rdf

CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"


def write_jsonld(kg: KnowledgeGraph, path: Path) -> None:
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    raw = to_rdf(kg).serialize(format="json-ld", context=context, auto_compact=True)
    data = json.loads(raw)
    nodes = data.get("@graph", [data] if "@id" in data else [])
    document = {"@context": context, "@graph": sorted((_canonical(n) for n in nodes), key=lambda n: n["@id"])}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items() if k != "@context"}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value
