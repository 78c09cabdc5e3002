"""The interactive view: pyvis renders our template with vis-network inline.

Nothing is fetched when the page opens: vis-network's script and style are
included from pyvis's own copy. Text from articles reaches the page only as
JSON data (escaped by Jinja's tojson) and is put on screen with textContent,
never as markup.

What the page shows is computed here, with networkx (kg.analysis): node size
by PageRank, communities (blocs) laid out apart with no label over another
(kg.analysis.layout), the labels of the key nodes drawn and the others on
hover or zoom, each node's profile, relations in the ontology's words.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader

from kg.analysis import measures
from kg.analysis.layout import Box, communities, layout
from kg.analysis.network import to_networkx
from kg.graph import KnowledgeGraph
from kg.terms import relation_labels
from kg.vocab import RELATIONS

if TYPE_CHECKING:
    import networkx as nx

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
BLOC_COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4",
                "#b2df8a", "#fb9a99", "#cab2d6", "#ff7f00"]
OTHER_BLOC = "#9e9e9e"  # blocs beyond the palette, and entities without facts
PHYSICS_LIMIT = 300  # up to this many nodes with facts, the user may switch physics on
ALL_LABELS = 50  # up to this many nodes with facts every label is drawn; above, the key ones:
KEY_LABELS = (40, 10, 150)  # at least 40, a tenth of the nodes, at most 150
FONT = 16  # label size in canvas units
KEY_FONT = 24  # the ten key nodes' labels, on a graph too large to label every node
CHAR_WIDTH = 0.62  # of the font size: a generous average for the sans-serif Chromium draws


def write_html(kg: KnowledgeGraph, path: Path) -> None:
    path.write_text(render_html(kg), encoding="utf-8")


def render_html(kg: KnowledgeGraph) -> str:
    from pyvis.network import Network
    import pyvis

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    loader = FileSystemLoader([str(TEMPLATES), str(Path(pyvis.__file__).parent / "templates")])
    net.templateEnv = Environment(loader=loader, autoescape=True)
    net.path = "graph.html.j2"
    nodes, edges, view = view_data(kg)
    net.templateEnv.globals["view"] = view
    # Node and edge dicts are handed to pyvis whole: its add_node and add_edge
    # look for duplicates in lists, which is quadratic in the graph's size.
    net.nodes = nodes
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {node["id"]: node for node in nodes}
    net.edges = edges
    net.set_options(_options(view["edgeLabels"]))
    net.heading = _heading(kg)
    return net.generate_html()


def view_data(kg: KnowledgeGraph) -> tuple[list[dict], list[dict], dict]:
    """The page's nodes, edges and settings, as plain JSON-ready data."""
    import networkx as nx

    graph = to_networkx(kg)
    simple = _fact_graph(graph)
    rank = nx.pagerank(simple, weight="weight") if simple else {}
    groups = communities(simple)
    fonts = _label_fonts(rank)
    top = max(rank.values(), default=1.0)
    sizes = {k: 6 + 30 * (rank.get(k, 0) / top) ** 0.75 for k in graph}
    boxes = {k: _box(graph.nodes[k]["label"], sizes[k], fonts.get(k, 0)) for k in simple}
    positions = layout(simple, groups, boxes)
    positions.update(_loose_grid([k for k in graph if k not in simple], graph, positions))
    words = relation_labels()
    names = {k: d["label"] for k, d in graph.nodes(data=True)}
    bloc = {key: i for i, group in enumerate(groups) for key in group}
    first = _first_dates(graph)
    nodes = []
    for key, data in graph.nodes(data=True):
        linked = key in simple
        colour, shape = KIND_STYLE.get(data["type"], (OTHER_BLOC, "dot"))
        node = {"id": key, "name": data["label"], "title": f"{data['label']} ({data['type']})", "kind": data["type"],
                "color": colour, "kindColor": colour, "shape": shape, "size": round(sizes[key], 1),
                "aliases": list(data["aliases"]), "degree": simple.degree(key) if linked else 0,
                "pagerank": round(rank.get(key, 0.0), 5), "loose": not linked, "key": key in fonts,
                "first": first.get(key, ""), "font": {"size": fonts.get(key, FONT)},
                "blocColor": BLOC_COLOURS[bloc[key]] if bloc.get(key, 99) < len(BLOC_COLOURS) else OTHER_BLOC}
        if linked:
            node["bloc"] = bloc[key]
            node["profile"] = _profile(measures.profile(graph, key), names, words)
        if key in fonts or not linked:  # the others' labels come on hover or zoom
            node["label"] = data["label"]
        node["x"], node["y"] = positions[key]
        nodes.append(node)
    edges = _edges(graph, words, 1.0 if len(simple) <= ALL_LABELS else 0.4)
    view = {"dates": sorted({d for e in edges for d in e["dates"]}), "physics": len(simple) <= PHYSICS_LIMIT,
            "loose": sum(n["loose"] for n in nodes),
            "blocs": [{"colour": BLOC_COLOURS[i], "name": names[max(g, key=lambda k: (rank.get(k, 0), k))],
                       "size": len(g)} for i, g in enumerate(groups[:len(BLOC_COLOURS)]) if len(g) > 1],
            "relations": {name: words[name] for name in sorted({e["relation"] for e in edges})},
            "kinds": {kind: colour for kind, (colour, _) in KIND_STYLE.items()},
            "edgeLabels": len(simple) <= ALL_LABELS}
    return nodes, edges, view


def _fact_graph(graph) -> "nx.Graph":
    """Entities linked by facts, undirected, weighted by assertions; built in
    sorted order, so that every build gives the same picture."""
    import networkx as nx

    weights: dict[tuple[str, str], int] = {}
    for u, v, data in graph.edges(data=True):
        if u != v:
            pair = tuple(sorted((u, v)))
            weights[pair] = weights.get(pair, 0) + data["count"]
    simple = nx.Graph()
    simple.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(weights.items()))
    return simple


def _label_fonts(rank: dict[str, float]) -> dict[str, int]:
    """The nodes labelled from the start, and their font size: every one on a
    small graph; else the key ones by PageRank, the first ten larger."""
    ranked = sorted(rank, key=lambda k: (-rank[k], k))
    if len(ranked) <= ALL_LABELS:
        return {k: FONT for k in ranked}
    least, share, most = KEY_LABELS
    shown = ranked[:min(most, max(least, len(ranked) // share))]
    return {k: KEY_FONT if i < 10 else FONT for i, k in enumerate(shown)}


def _first_dates(graph) -> dict[str, str]:
    """Node -> the date of its first fact: it is on the page from then on. An
    undated fact cannot be placed in time, so its nodes are always shown ("")."""
    first: dict[str, str] = {}
    for u, v, data in graph.edges(data=True):
        undated = any(not e["date"] for e in data["evidence"])
        for key in (u, v):
            if undated or first.get(key) == "":
                first[key] = ""
            else:
                first[key] = min(first.get(key, data["first"]), data["first"])
    return first


def _box(label: str, size: float, font: int) -> Box:
    """The node's shape, and its label hanging beneath when drawn (font > 0)."""
    if not font:
        return Box(size, size, size, False)
    half = max(size, CHAR_WIDTH * font * len(label) / 2 + 3)
    return Box(half, size, size + 4 + 1.3 * font, True)


def _loose_grid(keys: list[str], graph, placed: dict) -> dict[str, tuple[float, float]]:
    """Entities without facts in a grid beneath the rest, a label's width apart."""
    import math

    if not keys:
        return {}
    keys = sorted(keys, key=lambda k: (graph.nodes[k]["type"], graph.nodes[k]["label"], k))
    width = CHAR_WIDTH * FONT * max(len(graph.nodes[k]["label"]) for k in keys) + 30
    columns = max(1, math.ceil(math.sqrt(len(keys) * 3)))
    xs = [x for x, _ in placed.values()] or [0.0]
    bottom = max((y for _, y in placed.values()), default=0.0) + 120
    left = (min(xs) + max(xs)) / 2 - width * (columns - 1) / 2
    return {k: (round(left + width * (i % columns), 1), round(bottom + 70 * (i // columns), 1))
            for i, k in enumerate(keys)}


def _profile(profile: measures.Profile, names: dict[str, str], words: dict[str, str]) -> dict:
    named = lambda pairs: [[names.get(k, k), n] for k, n in pairs]  # noqa: E731
    return {"positions": list(profile.positions), "represents": [names.get(k, k) for k in profile.represents],
            "concerns": named(profile.concerns), "partners": named(profile.partners),
            "adversaries": named(profile.adversaries),
            "stances": [[words[r], names.get(k, k), n] for r, k, n in profile.stances],
            "timeline": [[month, ", ".join(f"{words[r]} {n}" for r, n in counts)]
                         for month, counts in profile.timeline]}


def _edges(graph, words: dict[str, str], opacity: float) -> list[dict]:
    """One edge per (subject, relation, object), carrying every sentence that says it."""
    colours = {name: RELATION_COLOURS[i % len(RELATION_COLOURS)] for i, name in enumerate(RELATIONS)}
    edges = []
    for subject, obj, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[2]["relation"], e[1])):
        relation, count = data["relation"], data["count"]
        edges.append({
            "id": f"{subject}|{relation}|{obj}", "from": subject, "to": obj, "relation": relation,
            "label": words[relation], "words": words[relation],
            "title": f"{words[relation]} ({count} sentence{'s' if count > 1 else ''})",
            "color": {"color": colours[relation], "opacity": opacity}, "arrows": "" if data["symmetric"] else "to",
            "width": 1 + min(count, 8) ** 0.5, "count": count,
            # on the page from its first date; an undated sentence cannot be placed in time: always
            "first": "" if any(not e["date"] for e in data["evidence"]) else data["first"],
            "evidence": [{"text": e["sentence"], "doc": e["document"], "date": e["date"],
                          "confidence": e["confidence"]} for e in data["evidence"]],
            "dates": sorted({e["date"] for e in data["evidence"] if e["date"]}),
        })
    return edges


def _options(edge_labels: bool) -> str:
    return json.dumps({
        # positions come computed (kg.analysis.layout); physics is the user's to switch on
        "physics": {"enabled": False, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": False}},
        "edges": {"smooth": False,
                  # on a large graph edge labels would blur into each other: hover shows them
                  "font": {"size": 9 if edge_labels else 0, "align": "middle", "strokeWidth": 3}},
        "nodes": {"font": {"size": FONT, "strokeWidth": 3}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
        "layout": {"randomSeed": 7},  # the same picture at every load
    })


def _heading(kg: KnowledgeGraph) -> str:
    summary = kg.summary()
    plural = {"Person": "people", "Country": "countries", "Organization": "organizations", "Issue": "issues"}
    kinds = ", ".join(f"{n} {k.lower() if n == 1 else plural[k]}" for k, n in summary["entities"].items())
    facts = sum(summary["facts"].values())
    return f"{len(kg.documents)} articles · {kinds} · {facts} facts"
