"""Decomposable (chordal) graphs on the lists: the models of Bayesian model averaging (bma.py).

A graph is a set of edges between lists; its log-linear model has an interaction for every complete
subgraph. It is decomposable when it has no chordless cycle of four or more vertices; then its
distribution factorises over the maximal cliques C and separators S of a junction tree, which is what
the hyper-Dirichlet marginal likelihood needs.

All 2^(m(m-1)/2) graphs are enumerated and tested with maximum cardinality search (Tarjan & Yannakakis
1984): the search numbers the vertices; the graph is chordal iff, for every vertex v, the earlier
neighbours of v other than the last-numbered one, u, are earlier neighbours of u. The cliques are the
maximal sets {v} + earlier neighbours of v, in the order of numbering (which has the running intersection
property), and the separator of each clique after the first is its intersection with the union of the
cliques before it (empty separators, between components, are left out).

Counts of decomposable graphs: 8 for three lists, 61 for four, 822 for five, 18,154 of 32,768 for six
(OEIS A058862). Enumeration is cheap up to six lists (about a second for six); seven lists (two million
graphs) are not enumerated.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MAX_ENUMERATED_LISTS = 6


@dataclass(frozen=True)
class Decomposable:
    edges: tuple[tuple[int, int], ...]
    cliques: tuple[int, ...]  # bitmasks over the lists
    separators: tuple[int, ...]  # non-empty separators, bitmasks


def _members(mask: int) -> list[int]:
    return [v for v in range(mask.bit_length()) if (mask >> v) & 1]


def junction(m: int, adjacency: list[int]) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """(cliques, separators) of a chordal graph, None when the graph is not chordal."""
    weight = [0] * m
    numbered = 0
    order: list[int] = []
    earlier: list[int] = [0] * m  # neighbours numbered before v
    for _ in range(m):
        v = max((u for u in range(m) if not (numbered >> u) & 1), key=lambda u: (weight[u], -u))
        earlier[v] = adjacency[v] & numbered
        order.append(v)
        numbered |= 1 << v
        for u in _members(adjacency[v] & ~numbered):
            weight[u] += 1
    position = {v: i for i, v in enumerate(order)}
    for v in order:
        before = earlier[v]
        if before:
            u = max(_members(before), key=position.__getitem__)
            if (before & ~(1 << u)) & ~earlier[u]:
                return None
    candidates = [(1 << v) | earlier[v] for v in order]
    cliques = [
        c for i, c in enumerate(candidates) if not any(c & ~d == 0 and c != d for d in candidates[i + 1 :])
    ]
    separators = []
    seen = 0
    for c in cliques:
        s = c & seen
        if seen and s:
            separators.append(s)
        seen |= c
    return tuple(cliques), tuple(separators)


@lru_cache(maxsize=MAX_ENUMERATED_LISTS + 1)
def decomposable_graphs(m: int) -> tuple[Decomposable, ...]:
    """Every decomposable graph on m lists, in the order of the edge bitmask (pairs (0,1), (0,2), ...)."""
    if m > MAX_ENUMERATED_LISTS:
        raise ValueError(f"decomposable graphs are enumerated for at most {MAX_ENUMERATED_LISTS} lists")
    pairs = [(i, j) for i in range(m) for j in range(i + 1, m)]
    out = []
    for code in range(1 << len(pairs)):
        adjacency = [0] * m
        edges = []
        for b, (i, j) in enumerate(pairs):
            if (code >> b) & 1:
                adjacency[i] |= 1 << j
                adjacency[j] |= 1 << i
                edges.append((i, j))
        found = junction(m, adjacency)
        if found is not None:
            out.append(Decomposable(tuple(edges), found[0], found[1]))
    return tuple(out)
