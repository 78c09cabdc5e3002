"""Precision, recall and F1 per relation type, by the shared scorer's own rules.

    python scripts/per_relation.py                      # seeds + tests/corpus
    python scripts/per_relation.py --set seeds ../shared/eval/seeds.gold.yaml

Builds each article set with kg, then scores the assertions of one relation at
a time with ../shared/eval/score.py's matching (so the totals agree with it),
and prints one row per relation plus the entity and fact totals.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEFAULT_SETS = [("seeds", ROOT / "seeds", ROOT.parent / "shared" / "eval" / "seeds.gold.yaml"),
                ("corpus", ROOT / "tests" / "corpus", ROOT / "tests" / "corpus" / "gold.yaml")]


def load_scorer():
    if not SCORER.exists():
        sys.exit(f"per_relation: {SCORER} is missing (../shared/eval beside this checkout)")
    spec = importlib.util.spec_from_file_location("kg_shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def only_relation(graph, relation: str, score):
    """A copy of the graph whose assertions are those of one relation."""
    from rdflib import RDF, Graph

    kept = Graph()
    for triple in graph:
        kept.add(triple)
    for assertion in list(graph.subjects(RDF.type, score.DIP.Assertion)):
        if str(graph.value(assertion, RDF.predicate)).rsplit("#", 1)[-1] != relation:
            kept.remove((assertion, None, None))
    return kept


def score_set(score, graph, gold_docs, relation: str | None):
    from rdflib import Literal
    from rdflib.namespace import DCTERMS

    entities, facts = score.Score(), score.Score()
    g = only_relation(graph, relation, score) if relation else graph
    for gold in gold_docs:
        if relation:
            gold = {**gold, "facts": [f for f in gold.get("facts", []) if f[1] == relation]}
        docs = list(g.subjects(DCTERMS.identifier, Literal(gold["document"])))
        if not docs:
            e, f = score.Score(n_gold=len(gold.get("entities", []))), score.Score(n_gold=len(gold["facts"]))
        else:
            e, f = score.score_document(g, docs[0], gold)
        entities.add(e)
        facts.add(f)
    return entities, facts


def main() -> None:
    import yaml
    from rdflib import Graph

    from kg.build import build
    from kg.vocab import RELATIONS

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", nargs=2, action="append", metavar=("ARTICLES", "GOLD"), type=Path)
    args = parser.parse_args()
    sets = [(a.name, a, g) for a, g in args.set] if args.set else DEFAULT_SETS
    score = load_scorer()
    loaded = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, articles, gold in sets:
            result = build([articles], Path(tmp) / name, formats=["turtle"])
            graph = Graph().parse(result.written[0], format="turtle")
            loaded.append((name, graph, yaml.safe_load(gold.read_text())))
    print(f"{'relation':20} " + "  ".join(f"{name:>26}" for name, _, _ in loaded))
    print(f"{'':20} " + "  ".join(f"{'P     R     F1   gold':>26}" for _ in loaded))
    for relation in RELATIONS:
        cells = []
        for _, graph, gold_docs in loaded:
            _, facts = score_set(score, graph, gold_docs, relation)
            cells.append(f"{facts.precision:5.2f} {facts.recall:5.2f} {facts.f1:5.2f} {facts.n_gold:5d}"
                         if facts.n_gold or facts.n_pred else f"{'-':>26}")
        print(f"{relation:20} " + "  ".join(f"{c:>26}" for c in cells))
    totals = [score_set(score, graph, gold_docs, None) for _, graph, gold_docs in loaded]
    print(f"{'ENTITIES':20} " + "  ".join(f"{e.precision:5.2f} {e.recall:5.2f} {e.f1:5.2f} {e.n_gold:5d}".rjust(26)
                                          for e, _ in totals))
    print(f"{'FACTS':20} " + "  ".join(f"{f.precision:5.2f} {f.recall:5.2f} {f.f1:5.2f} {f.n_gold:5d}".rjust(26)
                                       for _, f in totals))


if __name__ == "__main__":
    main()
