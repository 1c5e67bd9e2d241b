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

What model averaging needs of every graph, its incidence row (+1 per clique, -1 per separator), is
computed for all graphs at once by `incidences` (numpy, about 20-60 ms for six lists instead of the
search's second): a graph is chordal iff it has no induced cycle of four or more vertices; and in a
junction tree (forest) of a decomposable graph, the cliques containing a non-empty complete set A form a
subtree whose edges are exactly the separators containing A, so

    sum over complete K containing A of nu(K) = 1,   nu(K) = [K is a clique] - (times K is a separator),

which gives nu, the incidence row, from the largest complete sets down (Moebius inversion). A test
checks that it equals the search's cliques and separators for every graph up to six lists.

Counts of decomposable graphs: 8 for three lists, 61 for four, 822 for five, 18,154 of 32,768 for six
(OEIS A058862). The search is cheap up to six lists (about a second for six, `decomposable_graphs`; model
averaging uses `incidences`); seven lists (two million
graphs) are not enumerated.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, permutations
from typing import Any

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


@dataclass(frozen=True)
class Incidences:
    """Every decomposable graph on m lists (in the order of `decomposable_graphs`): its edge bitmask
    `codes[i]` over the pairs (0,1), (0,2), ..., and its incidence row `rows[i, c - 1]` (+1 for a clique,
    -1 per time c is a separator; float) with `counts[i]` = #cliques - #separators."""

    m: int
    codes: Any  # numpy int64 array
    rows: Any  # numpy float array, graphs x (2^m - 1)
    counts: Any  # numpy float array

    def edges(self, i: int) -> tuple[tuple[int, int], ...]:
        """The edges of graph i, as `Decomposable.edges`."""
        code = int(self.codes[i])
        return tuple(pair for b, pair in enumerate(_pairs(self.m)) if (code >> b) & 1)


def _pairs(m: int) -> list[tuple[int, int]]:
    return [(i, j) for i in range(m) for j in range(i + 1, m)]


@lru_cache(maxsize=MAX_ENUMERATED_LISTS + 1)
def incidences(m: int) -> Incidences:
    """The incidence rows of every decomposable graph on m lists, computed for all graphs at once (see the
    module docstring); equal to those of `decomposable_graphs(m)`'s cliques and separators."""
    import numpy as np

    if m > MAX_ENUMERATED_LISTS:
        raise ValueError(f"decomposable graphs are enumerated for at most {MAX_ENUMERATED_LISTS} lists")
    bit = {pair: 1 << b for b, pair in enumerate(_pairs(m))}

    def within(vertices) -> int:
        return sum(bit[pair] for pair in combinations(sorted(vertices), 2))

    codes = np.arange(1 << len(bit), dtype=np.int64)
    chordal = np.ones(len(codes), dtype=bool)
    for k in range(4, m + 1):
        for subset in combinations(range(m), k):
            inside = within(subset)
            for rest in permutations(subset[1:]):
                if rest[0] > rest[-1]:
                    continue  # each cycle once, not once per direction
                cycle = (subset[0], *rest)
                edges = sum(
                    bit[min(a, b), max(a, b)] for a, b in zip(cycle, cycle[1:] + cycle[:1], strict=True)
                )
                chordal &= (codes & inside) != edges  # an induced (chordless) cycle
    codes = codes[chordal]
    full = 1 << m
    nu = np.zeros((full, len(codes)), dtype=np.int64)  # nu[a] over the graphs: one contiguous row per set
    for a in sorted(range(1, full), key=lambda s: -bin(s).count("1")):
        mask = within([v for v in range(m) if (a >> v) & 1])
        complete = (codes & mask) == mask
        supersets = [t for t in range(a + 1, full) if t & a == a]
        above = nu[supersets].sum(axis=0) if supersets else 0
        nu[a] = np.where(complete, 1 - above, 0)
    rows = np.ascontiguousarray(nu[1:].T, dtype=float)  # C order: the matrix products of bma.py rely on it
    return Incidences(m, codes, rows, rows.sum(axis=1))
