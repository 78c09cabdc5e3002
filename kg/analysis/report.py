"""The analysis as one report a person reads in a minute: key actors, blocs,
the strongest alignments and antagonisms with a sentence each, who backs and
who opposes each issue, and how often each issue came up month by month.

`analyze(graph)` computes it (plain data); `render(report, fmt)` writes it as
text, Markdown or JSON. An actor's profile and the chain of facts between two
actors render the same way.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.analysis import measures
from kg.terms import relation_labels

if TYPE_CHECKING:
    import networkx as nx

FORMATS = ("text", "markdown", "json")


@dataclass(frozen=True)
class Report:
    entities: int
    facts: int  # assertions between entities (titles left out)
    first: str  # dates covered
    last: str
    key_actors: tuple[measures.KeyActor, ...]
    blocs: tuple[tuple[str, ...], ...]
    alignments: tuple[measures.Alignment, ...]  # positive balance, strongest first
    antagonisms: tuple[measures.Alignment, ...]  # negative balance, strongest first
    issue_sides: tuple[measures.IssueSides, ...]
    salience: dict[str, dict[str, int]]
    labels: dict[str, str]  # every key named above -> its label


def analyze(graph: "nx.MultiDiGraph", top: int = 10, seed: int = 0) -> Report:
    pairs = measures.alignment(graph)
    dates = [d for _, _, e in graph.edges(data=True) for d in (e["first"], e["last"]) if d]
    return Report(
        graph.number_of_nodes(), sum(e["count"] for _, _, e in graph.edges(data=True)),
        min(dates, default=""), max(dates, default=""),
        tuple(measures.key_actors(graph, top)), tuple(measures.blocs(graph, seed)),
        tuple(p for p in pairs if p.balance > 0)[:5], tuple(p for p in pairs if p.balance < 0)[:5],
        tuple(measures.issue_sides(graph)), measures.salience(graph),
        {k: d["label"] for k, d in graph.nodes(data=True)})


def render(result: "Report | measures.Profile | list[measures.Step]", fmt: str = "text",
           labels: dict[str, str] | None = None) -> str:
    """A Report, a Profile or a list of Steps, as text, Markdown or JSON.
    `labels` names the keys of a Profile or Steps (JSON keeps the keys)."""
    if fmt == "json":
        return json.dumps(_plain(result), indent=2, ensure_ascii=False) + "\n"
    markdown = fmt == "markdown"
    if isinstance(result, Report):
        lines = _report_lines(result, markdown)
    elif isinstance(result, measures.Profile):
        lines = _profile_lines(result, markdown, (labels or {}).get)
    else:
        lines = _path_lines(result, markdown, (labels or {}).get)
    return "\n".join(lines).rstrip() + "\n"


def _plain(result):
    if isinstance(result, list):
        return [dataclasses.asdict(step) for step in result]
    return dataclasses.asdict(result)


def _heading(text: str, markdown: bool) -> list[str]:
    return ["", f"## {text}", ""] if markdown else ["", text]


def _item(text: str, markdown: bool, n: int | None = None) -> str:
    if markdown:
        return f"{n}. {text}" if n is not None else f"- {text}"
    return f"  {n:2d}. {text}" if n is not None else f"  {text}"


def _report_lines(r: Report, markdown: bool) -> list[str]:
    name = r.labels.get
    span = f", {r.first} to {r.last}" if r.first else ""
    lines = [("# " if markdown else "") + f"{r.entities} entities, {r.facts} facts between them{span}"]
    lines += _heading("Key actors (PageRank on who deals with whom; betweenness: who bridges groups)", markdown)
    if markdown and r.key_actors:
        lines += ["| # | actor | type | PageRank | betweenness | partners |", "| ---: | --- | --- | ---: | ---: | ---: |"]
        lines += [f"| {i} | {a.label} | {a.type} | {a.pagerank:.3f} | {a.betweenness:.3f} | {a.degree} |"
                  for i, a in enumerate(r.key_actors, 1)]
    else:
        lines += [_item(f"{a.label:28} {a.type:12} PageRank {a.pagerank:.3f}  betweenness {a.betweenness:.3f}",
                        markdown, i) for i, a in enumerate(r.key_actors, 1)]
    lines += _heading("Blocs (actors tied by meetings and positive facts)", markdown)
    lines += [_item(", ".join(name(k, k) for k in bloc), markdown, i) for i, bloc in enumerate(r.blocs, 1)]
    for title, pairs in (("Strongest alignments", r.alignments), ("Strongest antagonisms", r.antagonisms)):
        lines += _heading(f"{title} (positive minus negative facts)", markdown)
        for pair in pairs:
            lines.append(_item(f"{name(pair.a)} and {name(pair.b)}: {pair.balance:+d} "
                               f"({pair.positive} positive, {pair.negative} negative)", markdown))
            lines.append(("  " if markdown else "      ") + _quote(pair.evidence))
        if not pairs:
            lines.append(_item("none found", markdown))
    if r.issue_sides:
        lines += _heading("Issues: who backs, who opposes", markdown)
        lines += [_item(f"{name(s.issue)}: backed by {_names(s.backers, name)}; opposed by "
                        f"{_names(s.opposers, name)}", markdown) for s in r.issue_sides]
    lines += _heading("Issue salience (facts per month)", markdown)
    busiest = sorted(r.salience.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    lines += [_item(f"{name(issue)}: " + ", ".join(f"{m} {n}" for m, n in months.items()), markdown)
              for issue, months in busiest]
    return lines


def _names(keys, name) -> str:
    return ", ".join(name(k, k) for k in keys) or "no one"


def _quote(evidence: measures.Evidence) -> str:
    where = " · ".join(x for x in (evidence.document, evidence.date) if x)
    return f"“{evidence.sentence}” ({where})"


def _profile_lines(p: measures.Profile, markdown: bool, name) -> list[str]:
    lines = [("# " if markdown else "") + f"{p.label} ({p.type})"]
    if p.positions or p.represents:
        lines.append(_item("; ".join(x for x in (", ".join(p.positions),
                                                  "acts for " + ", ".join(name(k, k) for k in p.represents)
                                                  if p.represents else "") if x), markdown))
    words = relation_labels()
    sections = (("Concerns (raised or discussed)", p.concerns), ("Partners (met, agreed, cooperated, backed)",
                p.partners), ("Adversaries (criticized, warned, opposed, attacked...)", p.adversaries))
    for title, pairs in sections:
        lines += _heading(title, markdown)
        lines += [_item(f"{name(k, k)} ({n})", markdown) for k, n in pairs] or [_item("none", markdown)]
    if p.stances:
        lines += _heading("Stances", markdown)
        lines += [_item(f"{words[r]} {name(k, k)} ({n})", markdown) for r, k, n in p.stances]
    lines += _heading("Over time (facts per month)", markdown)
    lines += [_item(f"{month}: " + ", ".join(f"{words[r]} {n}" for r, n in counts), markdown)
              for month, counts in p.timeline]
    return lines


def _path_lines(steps: list[measures.Step], markdown: bool, name) -> list[str]:
    words = relation_labels()
    lines = []
    for i, step in enumerate(steps, 1):
        times = f" ({step.count} sentences)" if step.count > 1 else ""
        lines.append(_item(f"{name(step.source, step.source)} {words[step.relation]} {name(step.target, step.target)}{times}", markdown, i))
        lines.append(("   " if markdown else "      ") + _quote(step.evidence))
    return lines
