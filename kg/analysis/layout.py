"""Positions for the view, computed before display so that the first sight is
readable: communities (Louvain) laid out apart, each with a force layout of
its own, and the boxes of nodes and their drawn labels pushed apart until
none overlap.

`layout(graph, boxes, seed)` takes the undirected fact graph and, per node,
the box it draws (node and, if labelled, its label beneath); it returns
positions in vis-network's canvas units. Label boxes scale with the zoom as
positions do, so boxes that do not overlap here do not overlap on screen.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

FORCE_LIMIT = 400  # communities larger than this are laid out on a spiral (linear time)
LARGE = 3000  # above this many nodes, linear-time steps only (label propagation, spirals)
SEPARATE_LIMIT = 700  # above this many nodes, only labelled ones take part in overlap removal
SPACING = 55.0  # canvas units per sqrt(node) of a community's radius
EXTENT = 1000.0  # the picture is first drawn this wide (about a screen at zoom 1), then made room in


@dataclass(frozen=True)
class Box:
    """What a node draws around its centre: half its width, and how far it
    reaches above and below (a label hangs beneath the shape)."""

    half_width: float
    above: float
    below: float
    labelled: bool


def communities(simple: "nx.Graph", seed: int = 7) -> list[list[str]]:
    """Louvain communities of the fact graph, largest first, members sorted.
    On a very large graph, label propagation (deterministic, near linear):
    Louvain took seconds there."""
    import networkx as nx

    if simple.number_of_edges() == 0:
        return [[n] for n in sorted(simple)]
    if len(simple) > LARGE:
        found = nx.community.label_propagation_communities(simple)
    else:
        found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def layout(simple: "nx.Graph", groups: list[list[str]], boxes: dict[str, Box],
           seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions of the nodes of `simple` (grouped by `groups`), no two boxes overlapping."""
    import numpy as np

    placed: dict[str, tuple[float, float]] = {}
    centres = _pack([SPACING * (len(g) ** 0.5) + 40 for g in groups])
    large = len(simple) > LARGE
    for group, (cx, cy), radius in zip(groups, centres, (SPACING * (len(g) ** 0.5) for g in groups)):
        local = _spiral(simple.subgraph(group), group) if large else _inside(simple.subgraph(group), group, seed)
        for key, (x, y) in local.items():
            placed[key] = (cx + radius * x, cy + radius * y)
    keys = list(placed)
    if not keys:
        return {}
    pos = np.array([placed[k] for k in keys], dtype=float)
    # Drawn at about a screen's width, labels keep their size on screen: the
    # view is zoomed out only as far as the room the labels need.
    span = float((pos.max(axis=0) - pos.min(axis=0)).max())
    if span > EXTENT:
        pos *= EXTENT / span
    movable = [i for i, k in enumerate(keys) if len(keys) <= SEPARATE_LIMIT or boxes[k].labelled]
    pos[movable] = _separate(pos[movable], [boxes[keys[i]] for i in movable])
    return {k: (round(float(x), 1), round(float(y), 1)) for k, (x, y) in zip(keys, pos)}


def _inside(sub: "nx.Graph", group: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """A community's own layout in the unit disc."""
    import networkx as nx
    import numpy as np

    if len(group) == 1:
        return {group[0]: (0.0, 0.0)}
    if len(group) > FORCE_LIMIT:
        return _spiral(sub, group)
    ordered = nx.Graph()
    ordered.add_nodes_from(group)  # sorted: the same layout whatever order facts were read in
    ordered.add_edges_from(sorted(sub.edges(data=True)))
    found = nx.spring_layout(ordered, seed=seed, weight=None, iterations=60)
    points = np.array([found[k] for k in group])
    points -= points.mean(axis=0)
    reach = np.abs(points).max() or 1.0
    return {k: tuple(p / reach) for k, p in zip(group, points)}


def _spiral(sub: "nx.Graph", group: list[str]) -> dict[str, tuple[float, float]]:
    """Best connected in the middle, on a sunflower spiral (for very large communities)."""
    import math

    ranked = sorted(group, key=lambda k: (-sub.degree(k), k))
    n = len(ranked)
    golden = math.pi * (3 - math.sqrt(5))
    return {k: (math.sqrt((i + 0.5) / n) * math.cos(i * golden), math.sqrt((i + 0.5) / n) * math.sin(i * golden))
            for i, k in enumerate(ranked)}


def _pack(radii: list[float]) -> list[tuple[float, float]]:
    """Centres for discs of these radii (largest first), each put at the first
    point of a spiral where it overlaps none already placed."""
    import numpy as np

    placed = np.zeros((len(radii), 3))
    t = 0.0
    for i, radius in enumerate(radii):
        while True:
            x, y = 12 * t * np.cos(t), 12 * t * np.sin(t)
            gaps = np.hypot(placed[:i, 0] - x, placed[:i, 1] - y) - placed[:i, 2]
            if i == 0 or gaps.min() >= radius:
                break
            # the disc overlaps: skip ahead along the spiral by about the overlap
            t += max(0.05, min(0.5, (radius - gaps.min()) / (12 * max(t, 1.0))))
        placed[i] = (x, y, radius)
    return [(float(x), float(y)) for x, y, _ in placed]


def _separate(pos, boxes: list[Box], gap: float = 4.0, rounds: int = 300):
    """Push boxes apart along the axis where they overlap least, until none
    overlap; if that does not settle, spread the whole picture a little and go on."""
    import numpy as np

    if len(boxes) < 2:
        return pos
    half_w = np.array([b.half_width for b in boxes]) + gap / 2
    half_h = np.array([(b.above + b.below) / 2 for b in boxes]) + gap / 2
    shift = np.array([(b.below - b.above) / 2 for b in boxes])  # box centre below the node's centre
    pos = pos.copy()
    order = np.arange(len(boxes))
    tie = np.sign(order[:, None] - order[None, :]).astype(float)  # coincident boxes part by index
    for attempt in range(rounds):
        dx = pos[:, 0][:, None] - pos[:, 0][None, :]
        cy = pos[:, 1] + shift
        dy = cy[:, None] - cy[None, :]
        ox = half_w[:, None] + half_w[None, :] - np.abs(dx)
        oy = half_h[:, None] + half_h[None, :] - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            return pos
        sx = np.where(dx == 0, tie, np.sign(dx))
        sy = np.where(dy == 0, tie, np.sign(dy))
        along_x = hit & (ox <= oy)
        along_y = hit & (ox > oy)
        pos[:, 0] += (np.where(along_x, ox * sx, 0.0) * 0.5).sum(axis=1) * 0.6
        pos[:, 1] += (np.where(along_y, oy * sy, 0.0) * 0.5).sum(axis=1) * 0.6
        if attempt % 50 == 49:  # crowded: give everything more room
            pos *= 1.1
    return pos
