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

from typing import Iterator

from spacy.tokens import Doc, Token

SUPPORTED_OPS = frozenset({">", "<"})
SUPPORTED_ATTRS = frozenset({"LEMMA", "POS", "TAG", "DEP"})


def _value(token: Token, attr: str) -> str:
    if attr == "LEMMA":
        return token.lemma_
    if attr == "POS":
        return token.pos_
    if attr == "TAG":
        return token.tag_
    return token.dep_


def _accepts(token: Token, attrs: dict) -> bool:
    for attr, want in attrs.items():
        value = _value(token, attr)
        if isinstance(want, dict):
            if value not in want["IN"]:
                return False
        elif value != want:
            return False
    return True


class TreeMatcher:
    """DependencyMatcher's `add(key, patterns)` and `__call__(doc)`, for
    patterns of child and head steps anchored on a trigger with a LEMMA IN list."""

    def __init__(self) -> None:
        self._patterns: list[tuple[int, list[dict]]] = []
        self._by_lemma: dict[str, list[int]] = {}
        self._lemma_ids = None  # the trigger lemmas' string ids, made on first use

    def add(self, key: int, patterns: list[list[dict]]) -> None:
        for pattern in patterns:
            self._check(pattern)
            index = len(self._patterns)
            self._patterns.append((key, [self._prepared(node) for node in pattern]))
            for lemma in pattern[0]["RIGHT_ATTRS"]["LEMMA"]["IN"]:
                self._by_lemma.setdefault(lemma, []).append(index)
            self._lemma_ids = None

    @staticmethod
    def _prepared(node: dict) -> dict:
        attrs = {a: ({"IN": frozenset(v["IN"])} if isinstance(v, dict) else v)
                 for a, v in node["RIGHT_ATTRS"].items()}
        return {**node, "RIGHT_ATTRS": attrs}

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
        from spacy.attrs import LEMMA
        from spacy.strings import get_string_id

        if self._lemma_ids is None:
            self._lemma_ids = np.fromiter((get_string_id(w) for w in self._by_lemma), dtype=np.uint64)
        lemmas = doc.to_array([LEMMA]).astype(np.uint64)
        found: list[tuple[int, list[int]]] = []
        for i in np.nonzero(np.isin(lemmas, self._lemma_ids))[0].tolist():  # only possible triggers
            token = doc[i]
            for index in self._by_lemma.get(token.lemma_, ()):
                key, nodes = self._patterns[index]
                if _accepts(token, nodes[0]["RIGHT_ATTRS"]):
                    for bound in self._extend(nodes, 1, {nodes[0]["RIGHT_ID"]: token}):
                        found.append((key, [bound[n["RIGHT_ID"]].i for n in nodes]))
        return found

    def _extend(self, nodes: list[dict], n: int, bound: dict[str, Token]) -> Iterator[dict[str, Token]]:
        if n == len(nodes):
            yield bound
            return
        node = nodes[n]
        left = bound[node["LEFT_ID"]]
        if node["REL_OP"] == ">":
            candidates = list(left.children)
        else:
            candidates = [left.head] if left.head is not left else []
        for candidate in candidates:
            if _accepts(candidate, node["RIGHT_ATTRS"]):
                yield from self._extend(nodes, n + 1, {**bound, node["RIGHT_ID"]: candidate})
