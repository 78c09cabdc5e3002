"""The interactive view: pyvis renders our template with vis-network inline.

Nothing is fetched when the page opens: vis-network's script and style are
included from pyvis's own copy. Text from articles reaches the page only as
JSON data (escaped by Jinja's tojson) and is put on screen with textContent,
never as markup.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from kg.graph import KnowledgeGraph
from kg.model import Entity
from kg.vocab import RELATIONS

TEMPLATES = Path(__file__).resolve().parent / "templates"
KIND_STYLE = {  # colour, vis-network shape
    "Person": ("#4e79a7", "dot"),
    "Country": ("#59a14f", "diamond"),
    "Organization": ("#f28e2b", "square"),
    "Issue": ("#e15759", "triangle"),
}
RELATION_COLOURS = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
]
LAYOUT_THRESHOLD = 300  # above this many nodes the layout is computed before display


def write_html(kg: KnowledgeGraph, path: Path) -> None:
    path.write_text(render_html(kg), encoding="utf-8")


def render_html(kg: KnowledgeGraph) -> str:
    from pyvis.network import Network
    import pyvis

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    loader = FileSystemLoader([str(TEMPLATES), str(Path(pyvis.__file__).parent / "templates")])
    net.templateEnv = Environment(loader=loader, autoescape=True)
    net.path = "graph.html.j2"
    edges = _edges(kg)
    degree: Counter[str] = Counter()
    for edge in edges:
        degree[edge["from"]] += 1
        degree[edge["to"]] += 1
    positions = _positions(kg, edges) if len(kg.entities) > LAYOUT_THRESHOLD else {}
    # Node and edge dicts are handed to pyvis whole: its add_node and add_edge
    # look for duplicates in lists, which is quadratic in the graph's size.
    net.nodes = [_node(key, entity, kg.alt_labels.get(key, ()), degree[key], positions.get(key))
                 for key, entity in kg.entities.items()]
    net.node_ids = list(kg.entities)
    net.node_map = {node["id"]: node for node in net.nodes}
    net.edges = edges
    physics = not positions
    net.set_options(_options(physics))
    net.heading = _heading(kg)
    return net.generate_html()


def _node(key: str, entity: Entity, aliases: tuple[str, ...], degree: int,
          position: tuple[float, float] | None) -> dict:
    colour, shape = KIND_STYLE[entity.kind]
    node = {"id": key, "label": entity.label, "title": f"{entity.label} ({entity.kind})",
            "color": colour, "shape": shape, "size": 10 + 6 * min(degree, 25) ** 0.5,
            "kind": entity.kind, "aliases": list(aliases), "degree": degree}
    if position:
        node["x"], node["y"] = position
    return node


def _edges(kg: KnowledgeGraph) -> list[dict]:
    """One edge per (subject, relation, object), carrying every sentence that says it."""
    colours = {name: RELATION_COLOURS[i % len(RELATION_COLOURS)] for i, name in enumerate(RELATIONS)}
    grouped: dict[tuple[str, str, str], list[dict]] = {}
    for doc, fact in kg.facts():
        if fact.relation == "holdsPosition":
            continue
        grouped.setdefault((fact.subject, fact.relation, fact.obj), []).append({
            "text": fact.evidence, "doc": doc.doc_id,
            "date": doc.date.isoformat() if doc.date else "", "confidence": fact.confidence})
    edges = []
    for (subject, relation, obj), evidence in sorted(grouped.items()):
        symmetric = RELATIONS[relation].symmetric
        count = len(evidence)
        edges.append({
            "id": f"{subject}|{relation}|{obj}", "from": subject, "to": obj, "relation": relation, "label": relation,
            "title": f"{relation} ({count} sentence{'s' if count > 1 else ''})",
            "color": colours[relation], "arrows": "" if symmetric else "to",
            "width": 1 + min(count, 8) ** 0.5, "count": count, "evidence": evidence,
            "dates": sorted({e["date"] for e in evidence if e["date"]}),
        })
    return edges


def _positions(kg: KnowledgeGraph, edges: list[dict]) -> dict[str, tuple[float, float]]:
    """A layout computed before display, linear in the graph's size: nodes on a
    sunflower spiral, best connected in the middle, then pulled a few times
    towards their neighbours so that related actors sit together."""
    import numpy as np

    keys = list(kg.entities)
    index = {k: i for i, k in enumerate(keys)}
    src = np.array([index[e["from"]] for e in edges], dtype=np.int64)
    dst = np.array([index[e["to"]] for e in edges], dtype=np.int64)
    degree = np.bincount(np.concatenate([src, dst]), minlength=len(keys)).astype(float)
    order = np.lexsort((np.arange(len(keys)), -degree))  # stable: ties keep graph order
    rank = np.empty(len(keys))
    rank[order] = np.arange(len(keys))
    angle = rank * np.pi * (3 - np.sqrt(5))  # the golden angle
    radius = 40 * np.sqrt(rank + 1)
    home = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    pos = home.copy()
    for _ in range(15):
        pull = np.zeros_like(pos)
        np.add.at(pull, src, pos[dst])
        np.add.at(pull, dst, pos[src])
        linked = degree > 0
        pull[linked] /= degree[linked, None]
        pos[linked] = 0.5 * home[linked] + 0.5 * pull[linked]
    return {k: (round(float(x), 1), round(float(y), 1)) for k, (x, y) in zip(keys, pos)}


def _options(physics: bool) -> str:
    import json

    return json.dumps({
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": 300, "fit": True}},
        "edges": {"smooth": False,
                  # on a large graph edge labels would blur into each other: hover shows them
                  "font": {"size": 9 if physics else 0, "align": "middle", "strokeWidth": 3}},
        "nodes": {"font": {"size": 14, "strokeWidth": 3}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
        "layout": {"randomSeed": 7},  # the same picture at every load
    })


def _heading(kg: KnowledgeGraph) -> str:
    summary = kg.summary()
    plural = {"Person": "people", "Country": "countries", "Organization": "organizations", "Issue": "issues"}
    kinds = ", ".join(f"{n} {k.lower() if n == 1 else plural[k]}" for k, n in summary["entities"].items())
    facts = sum(summary["facts"].values())
    return f"{len(kg.documents)} articles · {kinds} · {facts} facts"
