"""Measures of a diplomatic graph (a MultiDiGraph from kg.analysis.network):
functions of the graph returning plain frozen records, as networkx's own
algorithms do. Anything random takes a `seed`.

- `key_actors`: PageRank and betweenness on the actor interaction graph;
- `blocs`: Louvain communities of actors, without antagonistic ties;
- `alignment`: each actor pair's balance of positive and negative facts;
- `issue_sides`: per issue, who supports and who opposes it;
- `salience`: facts per issue per month;
- `profile`: one actor's concerns, partners, adversaries, titles, over time;
- `fact_path`: the shortest chain of facts between two entities.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.vocab import ACTORS

if TYPE_CHECKING:
    import networkx as nx

# The sign of a relation between two actors (issue #13): positive ties draw
# actors together, negative ones set them apart; the others are neutral.
POSITIVE = frozenset({"supports", "agreedWith", "cooperatesWith", "allyOf"})
NEGATIVE = frozenset({"criticized", "opposes", "warned", "disagreedWith", "attacked", "restricted"})
CONCERNS = frozenset({"raisedConcernAbout", "discussed"})
EXACT_BETWEENNESS = 200  # actors up to which betweenness is exact


@dataclass(frozen=True)
class KeyActor:
    key: str
    label: str
    type: str
    pagerank: float
    betweenness: float
    degree: int  # distinct actors it has a fact with


@dataclass(frozen=True)
class Evidence:
    date: str
    document: str
    sentence: str


@dataclass(frozen=True)
class Alignment:
    a: str  # the pair, in key order
    b: str
    positive: int  # assertions
    negative: int
    balance: int  # positive - negative
    evidence: Evidence  # one sentence of the prevailing sign (the oldest)


@dataclass(frozen=True)
class IssueSides:
    issue: str
    backers: tuple[str, ...]
    opposers: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    source: str  # the fact as stated: source relation target
    relation: str
    target: str
    count: int
    evidence: Evidence


@dataclass(frozen=True)
class Profile:
    key: str
    label: str
    type: str
    positions: tuple[str, ...]
    represents: tuple[str, ...]
    concerns: tuple[tuple[str, int], ...]  # (issue, assertions), most first
    stances: tuple[tuple[str, str, int], ...]  # (supports|opposes, target, assertions)
    partners: tuple[tuple[str, int], ...]  # positive ties and meetings
    adversaries: tuple[tuple[str, int], ...]  # negative ties
    timeline: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # (month, ((relation, n), ...))


def _is_actor(graph: "nx.MultiDiGraph", key: str) -> bool:
    return graph.nodes[key].get("type") in ACTORS


def actor_graph(graph: "nx.MultiDiGraph", exclude: frozenset[str] = frozenset()) -> "nx.Graph":
    """Actors as an undirected graph weighted by the assertions between them
    (leaving out the relations in `exclude`). Built in sorted order: results do not
    depend on the order facts were read."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(sorted(k for k in graph if _is_actor(graph, k)))
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
        if u == v or not (_is_actor(graph, u) and _is_actor(graph, v)):
            continue
        if data["relation"] in exclude:
            continue
        a, b = sorted((u, v))
        weight = simple.edges[a, b]["weight"] if simple.has_edge(a, b) else 0
        simple.add_edge(a, b, weight=weight + data["count"])
    return simple


def key_actors(graph: "nx.MultiDiGraph", top: int = 10) -> list[KeyActor]:
    """Actors ranked by PageRank on the interaction graph (weighted by
    assertions); betweenness says who bridges otherwise separate groups."""
    import networkx as nx

    simple = actor_graph(graph)
    simple.remove_nodes_from([n for n in list(simple) if simple.degree(n) == 0])
    if not simple:
        return []
    rank = nx.pagerank(simple, weight="weight")
    # Exact betweenness costs actors x ties; past EXACT_BETWEENNESS actors it
    # is estimated from that many sampled sources (fixed seed: same bytes each build).
    sample = None if len(simple) <= EXACT_BETWEENNESS else EXACT_BETWEENNESS
    between = nx.betweenness_centrality(simple, k=sample, seed=0)
    ranked = sorted(simple, key=lambda k: (-round(rank[k], 12), k))[:top]
    return [KeyActor(k, graph.nodes[k]["label"], graph.nodes[k]["type"], rank[k], between[k], simple.degree(k))
            for k in ranked]


def blocs(graph: "nx.MultiDiGraph", seed: int = 0) -> list[tuple[str, ...]]:
    """Groups of actors tied by meetings and positive facts (Louvain on the
    interaction graph without antagonistic ties), largest first; each bloc's
    members by weighted degree. Single actors are not blocs."""
    import networkx as nx

    simple = actor_graph(graph, exclude=NEGATIVE)
    simple.remove_nodes_from([n for n in list(simple) if simple.degree(n) == 0])
    if not simple:
        return []
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    strength = dict(simple.degree(weight="weight"))
    groups = [tuple(sorted(c, key=lambda k: (-strength[k], k))) for c in found if len(c) > 1]
    return sorted(groups, key=lambda g: (-len(g), g))


def alignment(graph: "nx.MultiDiGraph") -> list[Alignment]:
    """Each pair of actors with signed facts between them: positive minus
    negative assertions, strongest first (by |balance|, then evidence)."""
    pairs: dict[tuple[str, str], list] = {}
    for u, v, data in graph.edges(data=True):
        sign = 1 if data["relation"] in POSITIVE else -1 if data["relation"] in NEGATIVE else 0
        if not sign or u == v or not (_is_actor(graph, u) and _is_actor(graph, v)):
            continue
        entry = pairs.setdefault(tuple(sorted((u, v))), [0, 0, [], []])
        entry[0 if sign > 0 else 1] += data["count"]
        entry[2 if sign > 0 else 3].extend(data["evidence"])
    found = []
    for (a, b), (pos, neg, pos_ev, neg_ev) in pairs.items():
        prevailing = pos_ev if pos >= neg else neg_ev
        first = min(prevailing, key=lambda e: (e["date"] == "", e["date"], e["document"], e["sentence"]))
        found.append(Alignment(a, b, pos, neg, pos - neg, Evidence(first["date"], first["document"],
                                                                    first["sentence"])))
    return sorted(found, key=lambda x: (-abs(x.balance), -(x.positive + x.negative), x.a, x.b))


def issue_sides(graph: "nx.MultiDiGraph") -> list[IssueSides]:
    """Per issue with a stance on it, the actors that support and that oppose it."""
    sides: dict[str, tuple[set[str], set[str]]] = {}
    for u, v, data in graph.edges(data=True):
        if graph.nodes[v].get("type") == "Issue" and data["relation"] in ("supports", "opposes"):
            sides.setdefault(v, (set(), set()))[0 if data["relation"] == "supports" else 1].add(u)
    return [IssueSides(issue, tuple(sorted(back)), tuple(sorted(against)))
            for issue, (back, against) in sorted(sides.items())]


def salience(graph: "nx.MultiDiGraph") -> dict[str, dict[str, int]]:
    """Issue -> month ("2024-04") -> dated assertions that involve the issue."""
    counts: dict[str, dict[str, int]] = {}
    for u, v, data in graph.edges(data=True):
        for issue in {k for k in (u, v) if graph.nodes[k].get("type") == "Issue"}:
            for evidence in data["evidence"]:
                if evidence["date"]:
                    month = counts.setdefault(issue, {})
                    month[evidence["date"][:7]] = month.get(evidence["date"][:7], 0) + 1
    return {issue: dict(sorted(months.items())) for issue, months in sorted(counts.items())}


def _ranked(counts: dict) -> tuple:
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def profile(graph: "nx.MultiDiGraph", key: str) -> Profile:
    """What the graph says about one entity, from the facts it is part of."""
    node = graph.nodes[key]
    concerns: dict[str, int] = {}
    stances: dict[tuple[str, str], int] = {}
    partners: dict[str, int] = {}
    adversaries: dict[str, int] = {}
    represents: list[str] = []
    months: dict[str, dict[str, int]] = {}
    edges = [(u, v, d) for u, v, d in graph.out_edges(key, data=True)] + [
        (u, v, d) for u, v, d in graph.in_edges(key, data=True) if u != key]
    for u, v, data in edges:
        relation, other, outgoing = data["relation"], v if u == key else u, u == key
        if relation in CONCERNS and outgoing:
            concerns[other] = concerns.get(other, 0) + data["count"]
        if relation in ("supports", "opposes") and outgoing:
            stances[(relation, other)] = data["count"]
        if relation == "represents" and outgoing:
            represents.append(other)
        elif _is_actor(graph, other) and (relation in POSITIVE or relation == "metWith"):
            partners[other] = partners.get(other, 0) + data["count"]
        if _is_actor(graph, other) and relation in NEGATIVE:
            adversaries[other] = adversaries.get(other, 0) + data["count"]
        for evidence in data["evidence"]:
            month = months.setdefault(evidence["date"][:7] or "undated", {})
            month[relation] = month.get(relation, 0) + 1
    timeline = tuple((m, tuple(sorted(r.items()))) for m, r in sorted(months.items()))
    return Profile(key, node["label"], node["type"], tuple(node.get("positions", ())), tuple(sorted(represents)),
                   _ranked(concerns), tuple(sorted((r, o, n) for (r, o), n in stances.items())),
                   _ranked(partners), _ranked(adversaries), timeline)


def fact_path(graph: "nx.MultiDiGraph", source: str, target: str) -> list[Step]:
    """The shortest chain of facts joining two entities, whatever their
    direction; between two linked entities the fact read most often (then the
    first relation by name) is the step, with its oldest sentence."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in graph.edges() if u != v}))
    try:
        walk = nx.shortest_path(simple, source, target)
    except nx.NetworkXNoPath as err:
        raise InputError(f"no chain of facts joins {graph.nodes[source]['label']} and "
                         f"{graph.nodes[target]['label']}") from err
    steps = []
    for a, b in zip(walk, walk[1:]):
        candidates = [(u, v, d) for u, v in ((a, b), (b, a)) for d in graph.get_edge_data(u, v, default={}).values()]
        u, v, data = min(candidates, key=lambda c: (-c[2]["count"], c[2]["relation"], c[0]))
        first = data["evidence"][0]
        steps.append(Step(u, data["relation"], v, data["count"],
                          Evidence(first["date"], first["document"], first["sentence"])))
    return steps


def find_entity(graph: "nx.MultiDiGraph", name: str) -> str:
    """The node a user means by `name`: its key or IRI, its label or an alias
    (case does not matter), or a one-line error."""
    from kg.vocab import RES

    wanted = name.strip().removeprefix(RES)
    if wanted in graph:
        return wanted
    folded = wanted.casefold()
    for honorific in ("mr ", "mrs ", "ms ", "dr ", "mr. ", "mrs. ", "ms. ", "dr. "):  # "Mr Blinken"
        folded = folded.removeprefix(honorific)
    for field in ("label", "aliases"):
        matches = sorted(k for k, d in graph.nodes(data=True)
                         if folded in [s.casefold() for s in ((d[field],) if field == "label" else d[field])])
        if matches:
            # an actor rather than the issue of the same name ("Taiwan"), people before places
            return min(matches, key=lambda k: (not _is_actor(graph, k), k))
    raise InputError(f"{name!r}: no entity of that name or alias in the graph")
