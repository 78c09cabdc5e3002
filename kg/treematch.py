"""A fast evaluator for the DependencyMatcher patterns the linker compiles.

spaCy's DependencyMatcher runs every node of every pattern over every token;
with the linker's ~200 patterns that took longer than the parse itself. These
patterns only use the operators ">" (child) and "<" (head) and the attributes
LEMMA, POS, TAG and DEP, so they can be walked from an index of trigger lemmas
instead. `TreeMatcher` takes the same pattern dicts and returns the same
matches, in pattern-node order; tests/test_treematch.py holds it to
DependencyMatcher's answers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc

SUPPORTED_OPS = frozenset({">", "<"})
ATTR_COLUMNS = {"LEMMA": 0, "POS": 1, "TAG": 2, "DEP": 3}  # the columns of the Doc array walked
SUPPORTED_ATTRS = frozenset(ATTR_COLUMNS)


@dataclass(frozen=True)
class _Node:
    """A pattern node on string ids: which earlier node it hangs from and how
    (">" a child of it, "<" its head), and the (column, ids) it must take."""

    right: str
    left: str | None
    op: str | None
    tests: tuple[tuple[int, frozenset[int]], ...]

    def accepts(self, row: list[int]) -> bool:
        return all(row[column] in ids for column, ids in self.tests)


def _node(node: dict) -> _Node:
    from spacy.strings import get_string_id

    tests = tuple((ATTR_COLUMNS[attr], frozenset(get_string_id(v) for v in (want["IN"] if isinstance(want, dict)
                                                                            else [want])))
                  for attr, want in node["RIGHT_ATTRS"].items())
    return _Node(node["RIGHT_ID"], node.get("LEFT_ID"), node.get("REL_OP"), tests)


class TreeMatcher:
    """DependencyMatcher's `add(key, patterns)` and `__call__(doc)`, for
    patterns of child and head steps anchored on a trigger with a LEMMA IN
    list. It walks the Doc's arrays (string ids, heads), not Token objects."""

    def __init__(self) -> None:
        self._patterns: list[tuple[int, tuple[_Node, ...]]] = []
        self._by_lemma: dict[int, list[int]] = {}  # trigger lemma id -> pattern indexes

    def add(self, key: int, patterns: list[list[dict]]) -> None:
        from spacy.strings import get_string_id

        for pattern in patterns:
            self._check(pattern)
            index = len(self._patterns)
            self._patterns.append((key, tuple(_node(node) for node in pattern)))
            for lemma in dict.fromkeys(pattern[0]["RIGHT_ATTRS"]["LEMMA"]["IN"]):
                self._by_lemma.setdefault(get_string_id(lemma), []).append(index)

    @staticmethod
    def _check(pattern: list[dict]) -> None:
        anchor = pattern[0]["RIGHT_ATTRS"]
        if "LEMMA" not in anchor or "IN" not in anchor["LEMMA"]:
            raise ValueError("the first node needs a LEMMA IN list")
        for node in pattern:
            if set(node["RIGHT_ATTRS"]) - SUPPORTED_ATTRS:
                raise ValueError(f"unsupported attributes in {node}")
            if "REL_OP" in node and node["REL_OP"] not in SUPPORTED_OPS:
                raise ValueError(f"unsupported operator {node['REL_OP']}")

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        import numpy as np
        from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG

        if not len(doc):
            return []
        rows = doc.to_array([LEMMA, POS, TAG, DEP]).tolist()
        heads = (doc.to_array(HEAD).astype(np.int64) + np.arange(len(doc))).tolist()
        tree = _Tree(rows, heads)
        found: list[tuple[int, list[int]]] = []
        for i, row in enumerate(rows):
            for index in self._by_lemma.get(row[0], ()):
                key, nodes = self._patterns[index]
                if nodes[0].accepts(row):
                    for bound in tree.extend(nodes, 1, {nodes[0].right: i}):
                        found.append((key, [bound[node.right] for node in nodes]))
        return found


class _Tree:
    """A Doc's rows of string ids, each token's head and children (in order)."""

    def __init__(self, rows: list[list[int]], heads: list[int]) -> None:
        self.rows, self.heads = rows, heads
        self.children: list[list[int]] = [[] for _ in rows]
        for i, head in enumerate(heads):
            if head != i:
                self.children[head].append(i)

    def extend(self, nodes: tuple[_Node, ...], n: int, bound: dict[str, int]) -> Iterator[dict[str, int]]:
        if n == len(nodes):
            yield bound
            return
        node = nodes[n]
        left = bound[node.left]
        if node.op == ">":
            candidates = self.children[left]
        else:
            candidates = [self.heads[left]] if self.heads[left] != left else []
        for candidate in candidates:
            if node.accepts(self.rows[candidate]):
                yield from self.extend(nodes, n + 1, {**bound, node.right: candidate})
