"""GraphML: nodes with type, label, names and titles; one edge per assertion
with its relation, evidence, source, date and confidence. Opens in Gephi and
yEd, and reads back with networkx.read_graphml. Written directly as a stream
(networkx's writer took longer than the Turtle, and held the whole graph)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator
from xml.sax.saxutils import escape, quoteattr

from kg.graph import KnowledgeGraph

NODE_KEYS = (("label", "string"), ("type", "string"), ("aliases", "string"), ("wikidata", "string"),
             ("positions", "string"))
EDGE_KEYS = (("relation", "string"), ("label", "string"), ("evidence", "string"), ("document", "string"),
             ("date", "string"), ("confidence", "double"))


def _xml_text(value: str) -> str:
    # XML 1.0 cannot hold most control characters, even escaped
    cleaned = "".join(c for c in value if c in "\t\n\r" or ord(c) >= 0x20)
    return escape(cleaned)


def write_graphml(kg: KnowledgeGraph, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(f"{line}\n" for line in _lines(kg))


def _lines(kg: KnowledgeGraph) -> Iterator[str]:
    positions = kg.titles()
    yield '<?xml version="1.0" encoding="utf-8"?>'
    yield ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
    yield from (f'  <key id="n_{k}" for="node" attr.name="{k}" attr.type="{t}"/>' for k, t in NODE_KEYS)
    yield from (f'  <key id="e_{k}" for="edge" attr.name="{k}" attr.type="{t}"/>' for k, t in EDGE_KEYS)
    yield '  <graph id="diplomacy-kg" edgedefault="directed">'
    for key, entity in kg.entities.items():
        values = (entity.label, entity.kind, "; ".join(kg.alt_labels.get(key, ())), entity.wikidata or "",
                  "; ".join(positions.get(key, ())))
        yield f"    <node id={quoteattr(key)}>"
        yield from (f'      <data key="n_{k}">{_xml_text(v)}</data>' for (k, _), v in zip(NODE_KEYS, values))
        yield "    </node>"
    for n, (doc, fact) in enumerate(f for f in kg.facts() if f[1].relation != "holdsPosition"):
        values = (fact.relation, fact.relation, fact.evidence, doc.doc_id,
                  doc.date.isoformat() if doc.date else "", f"{fact.confidence:.2f}")
        yield f'    <edge id="e{n}" source={quoteattr(fact.subject)} target={quoteattr(fact.obj)}>'
        yield from (f'      <data key="e_{k}">{_xml_text(v)}</data>' for (k, _), v in zip(EDGE_KEYS, values))
        yield "    </edge>"
    yield "  </graph>"
    yield "</graphml>"
