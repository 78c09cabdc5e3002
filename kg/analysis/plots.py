"""The analysis as charts, PNG and SVG: facts per month by relation, key
actors, issue salience over time, and the alignment matrix as a heatmap.

`write_plots(kg, folder)` is a registered export format (`plots`) and the
writer of `kg analyze --plots DIR`. The bytes are the same at every run for
the same graph: no dates in the files' metadata, a fixed SVG id salt, fonts
as paths, and figures made without pyplot's global state.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from kg.analysis import measures
from kg.analysis.network import to_networkx
from kg.graph import KnowledgeGraph
from kg.terms import relation_labels

if TYPE_CHECKING:
    import networkx as nx

CHARTS = ("facts-per-month", "key-actors", "issue-salience", "alignment")
RC = {"svg.hashsalt": "diplomacy-kg", "svg.fonttype": "path", "font.family": "DejaVu Sans", "font.size": 9,
      "axes.spines.top": False, "axes.spines.right": False}
METADATA = {".png": {"Software": None}, ".svg": {"Date": None, "Creator": None}}


def write_plots(kg: KnowledgeGraph, folder: Path) -> list[Path]:
    """Each chart as CHART.png and CHART.svg in `folder`; returns the paths."""
    import matplotlib

    graph = to_networkx(kg)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with matplotlib.rc_context(RC):
        for name, draw in zip(CHARTS, (facts_per_month, key_actors, issue_salience, alignment_heatmap)):
            figure = draw(graph)
            for suffix in (".png", ".svg"):
                path = folder / f"{name}{suffix}"
                figure.savefig(path, dpi=110 if suffix == ".png" else 72, metadata=METADATA[suffix])
                written.append(path)
    return written


def _figure(width: float = 7.5, height: float = 4.0) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _empty(figure: Figure, title: str, why: str) -> Figure:
    axes = figure.add_subplot()
    axes.set_title(title)
    axes.text(0.5, 0.5, why, ha="center", va="center", color="#666", transform=axes.transAxes)
    axes.set_axis_off()
    return figure


def _months(first: str, last: str) -> list[str]:
    """Every month from first to last ("2023-06"), so that gaps show as gaps."""
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def facts_per_month(graph: "nx.MultiDiGraph") -> Figure:
    """Stacked bars: dated assertions per month, one colour per relation."""
    title = "Facts per month, by relation"
    counts: dict[str, dict[str, int]] = {}
    for _, _, data in graph.edges(data=True):
        for evidence in data["evidence"]:
            if evidence["date"]:
                per = counts.setdefault(data["relation"], {})
                per[evidence["date"][:7]] = per.get(evidence["date"][:7], 0) + 1
    figure = _figure()
    if not counts:
        return _empty(figure, title, "no dated facts")
    months = _months(min(m for per in counts.values() for m in per), max(m for per in counts.values() for m in per))
    words = relation_labels()
    axes = figure.add_subplot()
    bottom = [0] * len(months)
    colours = _palette(len(counts))
    for colour, relation in zip(colours, sorted(counts, key=lambda r: (-sum(counts[r].values()), r))):
        heights = [counts[relation].get(m, 0) for m in months]
        axes.bar(range(len(months)), heights, bottom=bottom, label=words[relation], color=colour, width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights)]
    _month_ticks(axes, months)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("assertions")
    axes.set_title(title)
    axes.legend(fontsize=7, ncols=2, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return figure


def _palette(n: int) -> list:
    from matplotlib import colormaps

    cmap = colormaps["tab20"]
    return [cmap(i % 20) for i in range(n)]


def _month_ticks(axes, months: list[str]) -> None:
    step = max(1, len(months) // 12)  # at most about twelve labels
    axes.set_xticks(range(0, len(months), step), [months[i] for i in range(0, len(months), step)],
                    rotation=45, ha="right")


def key_actors(graph: "nx.MultiDiGraph", top: int = 12) -> Figure:
    """Horizontal bars: the key actors' PageRank, betweenness written beside."""
    title = "Key actors (PageRank on who deals with whom)"
    ranked = measures.key_actors(graph, top)
    figure = _figure(7.5, 0.6 + 0.32 * max(len(ranked), 3))
    if not ranked:
        return _empty(figure, title, "no facts between actors")
    axes = figure.add_subplot()
    from kg.exporters.html import KIND_STYLE

    positions = range(len(ranked))[::-1]
    axes.barh(list(positions), [a.pagerank for a in ranked], color=[KIND_STYLE[a.type][0] for a in ranked])
    axes.set_yticks(list(positions), [a.label for a in ranked])
    for y, actor in zip(positions, ranked):
        axes.text(actor.pagerank, y, f"  betweenness {actor.betweenness:.2f}", va="center", fontsize=7, color="#555")
    axes.set_xlim(0, max(a.pagerank for a in ranked) * 1.45)
    axes.set_xlabel("PageRank")
    axes.set_title(title)
    return figure


def issue_salience(graph: "nx.MultiDiGraph", top: int = 8) -> Figure:
    """One line per issue (the most discussed): facts about it per month."""
    title = "Issue salience: facts per issue per month"
    found = measures.salience(graph)
    figure = _figure()
    if not found:
        return _empty(figure, title, "no dated facts about issues")
    busiest = sorted(found, key=lambda i: (-sum(found[i].values()), i))[:top]
    months = _months(min(m for i in busiest for m in found[i]), max(m for i in busiest for m in found[i]))
    axes = figure.add_subplot()
    for colour, issue in zip(_palette(len(busiest)), busiest):
        axes.plot(range(len(months)), [found[issue].get(m, 0) for m in months], marker="o", markersize=4,
                  color=colour, label=graph.nodes[issue]["label"])
    _month_ticks(axes, months)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("assertions")
    axes.set_title(title)
    axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return figure


def alignment_heatmap(graph: "nx.MultiDiGraph", top: int = 12) -> Figure:
    """Actor × actor balance of positive minus negative facts (blue sides
    together, red apart), for the actors with the most signed facts."""
    title = "Alignment: positive minus negative facts"
    pairs = measures.alignment(graph)
    weight: dict[str, int] = {}
    for pair in pairs:
        for key in (pair.a, pair.b):
            weight[key] = weight.get(key, 0) + pair.positive + pair.negative
    actors = sorted(weight, key=lambda k: (-weight[k], k))[:top]
    figure = _figure(6.5, 5.5)
    if len(actors) < 2:
        return _empty(figure, title, "no positive or negative facts between actors")
    index = {k: i for i, k in enumerate(actors)}
    matrix = [[0] * len(actors) for _ in actors]
    for pair in pairs:
        if pair.a in index and pair.b in index:
            matrix[index[pair.a]][index[pair.b]] = matrix[index[pair.b]][index[pair.a]] = pair.balance
    limit = max(1, max(abs(v) for row in matrix for v in row))
    axes = figure.add_subplot()
    image = axes.imshow(matrix, cmap="RdBu", vmin=-limit, vmax=limit)
    labels = [graph.nodes[k]["label"] for k in actors]
    axes.set_xticks(range(len(actors)), labels, rotation=45, ha="right")
    axes.set_yticks(range(len(actors)), labels)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                axes.text(j, i, f"{value:+d}", ha="center", va="center", fontsize=7,
                          color="white" if abs(value) > limit / 2 else "black")
    axes.spines[:].set_visible(False)
    figure.colorbar(image, ax=axes, shrink=0.7, label="balance")
    axes.set_title(title)
    return figure
