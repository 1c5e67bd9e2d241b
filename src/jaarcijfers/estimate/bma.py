"""Bayesian model averaging over decomposable graphical models (Madigan & York 1997, Biometrika 84, 19-31;
the method of HRDAG's R package `dga`, Johndrow, Lum & Ball).

The complete table (the 2^m capture histories, the unobserved all-zero cell n0 included) is multinomial
with N = n + n0 cases. Model g is a decomposable graph on the lists (graphs.py); its cell probabilities
have the hyper-Dirichlet prior of Dawid & Lauritzen (1993) in which every cell of the full table has
weight delta, so a clique (or separator) C's marginal table has weight alpha_C = delta 2^(m - |C|) per
cell. The probability of the data given g and n0 is then, with A = delta 2^m,

    p(n, n0 | g) = N! / (n0! prod_k n_k!) * prod_C ML_C / prod_S ML_S,
    ML_C = Gamma(A) / Gamma(N + A) * prod_cells Gamma(n_C(cell) + alpha_C) / Gamma(alpha_C),

(the zero cell of each marginal table includes n0; empty separators contribute 1), exactly as `dga`'s
`bma.cr` computes it. Prior: uniform over the decomposable graphs (as `dga`), and over N the prior
1/N (dga's default; `log_prior` gives another); delta defaults to 2^-m (dga's suggested default: the
prior is worth one observation in total). The posterior of (g, n0) is normalised over all graphs and n0.

Summaries of the posterior of the total N: the median (the point estimate), the equal-tailed credible
interval, the mode, dga's "Bayes estimate" E(1/N) / E(1/N^2), and the posterior probability of every
graph (the best are listed with their own medians).

Grid over n0: given explicitly (`n_missing`, summed exactly, as dga's `Nmissing`), or chosen here: a
coarse pass over n0 = 0 .. 10^9 (n + 1) (all integers up to 50, then a geometric grid with ratio 1.02)
finds where the posterior mass lies (all but 10^-10 on either side) and which graphs carry it (graphs
below 10^-12 of the total are dropped); a fine pass over that range then sums 2,000 consecutive integers
from its lower end and integrates beyond them on a geometric grid with ratio 1.002 (trapezoid rule;
quantiles are interpolated linearly within a step of 0.2%). When
more than 10^-4 of the posterior mass lies beyond the largest n0 considered, the upper limit is reported
as not bounded.

Cost: every (graph, grid point) pair is one row of a matrix product (the graphs' incidence rows,
`graphs.incidences`, times the terms of each clique or separator over the grid, computed once per grid)
and one exponential, in blocks of 256 graphs written into one reused buffer and finished 32 rows at a
time (in the processor's cache). Six lists (18,154 graphs, about 86 million pairs on the demo) take
about 0.55-0.65 s of CPU on one thread, of which the matrix products about 40% and the exponentials
about 20%; more lists are not supported (graphs.py). The matrix product's rounding depends on the shape
of each call (OpenBLAS chooses its kernel by it), so the blocks keep their size: the posterior is bit
for bit what it was. The second half of the blocks is computed in a thread beside the first
(`_log_sums_in_two`; combined in the same order, so bit for bit the same): on two cores about half the
wall time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from jaarcijfers.estimate.graphs import MAX_ENUMERATED_LISTS, Decomposable, decomposable_graphs, incidences
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.warning_texts import Code, warning

COARSE_RATIO = 1.02
FINE_RATIO = 1.002
INTEGER_SPAN = 2000
TAIL_TOLERANCE = 1e-4
CHUNK = 256
SUB = 32


@dataclass(frozen=True)
class GraphPosterior:
    """One graph: its posterior probability and the summaries of N given the graph (as dga's table)."""

    edges: tuple[str, ...]  # "A:B" per edge
    probability: float
    median: float
    mode: float
    bayes: float
    lower: float
    upper: float


@dataclass(frozen=True)
class BmaResult:
    observed: int
    delta: float
    prior: str
    level: float
    median: float
    lower: float
    upper: float  # inf when more posterior mass lies beyond the grid than TAIL_TOLERANCE
    mode: float
    bayes: float  # dga's estimate E(1/N) / E(1/N^2)
    n_graphs: int
    top: tuple[GraphPosterior, ...]
    tail_mass: float  # posterior mass beyond the largest n0 considered (auto grid), estimated
    warnings: tuple[str, ...] = ()
    n0: tuple[float, ...] = field(default=(), repr=False)  # grid of n0
    mass: tuple[float, ...] = field(default=(), repr=False)  # posterior mass at each grid point
    graph_probabilities: tuple[float, ...] = field(default=(), repr=False)  # in decomposable_graphs order


def _subset_counts(table: CaptureTable) -> list[list[int]]:
    """For every non-empty subset c of the lists (bitmask 1 .. 2^m - 1): the marginal counts of the
    observed cases over c's 2^|c| cells; index 0 is the cell off every list of c."""
    m = table.m
    out = []
    for c in range(1, 2**m):
        members = [j for j in range(m) if (c >> j) & 1]
        cells = [0] * (2 ** len(members))
        for k, n in enumerate(table.counts, start=1):
            if n:
                idx = sum(1 << b for b, j in enumerate(members) if (k >> j) & 1)
                cells[idx] += n
        out.append(cells)
    return out


def _component_terms(table: CaptureTable, delta: float, n0):
    """F[c - 1, :] = sum_cells lgamma(count + alpha_c) - 2^|c| lgamma(alpha_c) with n0 in the zero cell."""
    import numpy as np

    from jaarcijfers.estimate.numerics import log_gamma

    m = table.m
    rows = []
    for c, cells in enumerate(_subset_counts(table), start=1):
        size = bin(c).count("1")
        alpha = delta * 2 ** (m - size)
        const = sum(math.lgamma(x + alpha) for x in cells[1:]) - len(cells) * math.lgamma(alpha)
        rows.append(log_gamma(n0 + cells[0] + alpha) + const)
    return np.vstack(rows)


def _grid_terms(table, delta, n0, log_prior, weights):
    """What every graph's log posterior mass over the grid `n0` is made of: the component terms F (per
    subset of the lists), the denominator per clique or separator, and the part common to all graphs (the
    grid point's weight included). Computed once per grid; `_blocks` combines them per graph."""
    import numpy as np

    from jaarcijfers.estimate.numerics import log_gamma

    n = table.observed
    N = n0 + n
    A = delta * 2**table.m
    F = _component_terms(table, delta, n0)
    den = math.lgamma(A) - log_gamma(N + A)
    common = (
        log_gamma(N + 1)
        - sum(math.lgamma(c + 1) for c in table.counts)
        - log_gamma(n0 + 1)
        + log_prior(N)
        + np.log(weights)
    )
    return F, den, common


def _blocks(M, count, terms, scaled: bool = False):
    """log posterior mass (unnormalised) of every (graph, grid point), in blocks of CHUNK graphs; the
    graphs are given by their incidence rows `M` and #cliques - #separators `count` (graphs.incidences).
    Yields (start, block) or, with `scaled`, (start, block, top): each row of the block then holds
    exp(value - top) for the row's maximum `top` (one exponential per cell).

    Every block is one matrix product written into the same buffer (fresh arrays of this size cost page
    faults every time; a block is valid until the next one is made); the work per cell after it is done
    SUB rows at a time, which stay in the processor's cache from one step to the next. Each cell's value
    is computed by the same operations whatever the number of rows at a time."""
    import numpy as np

    F, den, common = terms
    width = F.shape[1]
    out = np.empty((min(CHUNK, len(M)), width))
    part = np.empty((min(SUB, len(M)), width))
    for start in range(0, len(M), CHUNK):
        stop = min(start + CHUNK, len(M))
        block = out[: stop - start]
        np.matmul(M[start:stop], F, out=block)
        top = np.empty(stop - start)
        for a in range(0, stop - start, SUB):
            b = min(a + SUB, stop - start)
            rows, scaled_den = block[a:b], part[: b - a]
            np.multiply.outer(count[start + a : start + b], den, out=scaled_den)
            rows += scaled_den
            rows += common
            if scaled:
                row_top = np.max(rows, axis=1)
                top[a:b] = np.where(np.isfinite(row_top), row_top, 0.0)
                np.exp(np.subtract(rows, top[a:b, None], out=rows), out=rows)
        yield (start, block, top) if scaled else (start, block)


def _log_sums(M, count, terms):
    """For every block of `_blocks`: (start, log of the sums of exp over each row (graph), log of the sums
    over each column (grid point)). The columns are summed with the rows' maxima as weights (a
    matrix-vector product), scaled by the largest of them."""
    import numpy as np

    for start, scaled, top in _blocks(M, count, terms, scaled=True):
        rows = top + np.log(np.sum(scaled, axis=1))
        peak = np.max(top)
        with np.errstate(divide="ignore"):
            columns = peak + np.log(np.exp(top - peak) @ scaled)
        yield start, rows, columns


def _log_sums_in_two(M, count, terms):
    """`_log_sums`, the first half of the blocks in this thread and the second in a thread beside it
    (numpy leaves Python's lock in the products and exponentials), yielded in the same order: every
    block is computed by the same operations on the same rows as in one thread, so every value is bit
    for bit the same. Two threads on the two cores of a build: the estimate's process is the build's
    longest path (docs/performance.md)."""
    from concurrent.futures import ThreadPoolExecutor

    n_blocks = -(-len(M) // CHUNK)
    split = (n_blocks // 2) * CHUNK  # a multiple of CHUNK: the same blocks as `_log_sums` makes
    if n_blocks < 4:
        yield from _log_sums(M, count, terms)
        return
    with ThreadPoolExecutor(max_workers=1) as beside:
        second = beside.submit(lambda: list(_log_sums(M[split:], count[split:], terms)))
        yield from _log_sums(M[:split], count[:split], terms)
        for start, sums, columns in second.result():
            yield split + start, sums, columns


def _grid_weights(points):
    """Trapezoid weights of a grid whose first part is consecutive integers (weight 1 each)."""
    import numpy as np

    w = np.ones(len(points))
    gaps = np.diff(points)
    if len(points) > 2:
        steps = np.concatenate([[1.0], gaps])  # left gap
        right = np.concatenate([gaps, [gaps[-1] if len(gaps) else 1.0]])
        wide = (steps > 1.0 + 1e-9) | (right > 1.0 + 1e-9)
        w = np.where(wide, (steps + right) / 2, 1.0)
    return w


def _geometric(start: float, stop: float, ratio: float):
    import numpy as np

    if stop <= start:
        return np.array([])
    k = math.ceil(math.log(stop / start) / math.log(ratio))
    return start * ratio ** np.arange(1, k + 1)


def _grid(start: float, integer_span: float, stop: float, ratio: float):
    """Every integer from `start` for `integer_span` values (at most up to `stop`), then a geometric grid
    with the given ratio up to `stop`."""
    import numpy as np

    first = math.floor(start)
    ints = np.arange(first, math.floor(min(first + integer_span, stop)) + 1, dtype=float)
    return np.concatenate([ints, _geometric(max(ints[-1], 1.0), stop, ratio)])


def _quantile(points, cdf, q: float) -> float:
    """The first n0 where the cumulative mass exceeds q (dga's rule on integers; linear within a geometric
    step)."""
    import numpy as np

    i = int(np.searchsorted(cdf, q, side="right"))
    if i >= len(points):
        return math.inf
    if i == 0 or points[i] - points[i - 1] <= 1.0 + 1e-9:
        return float(points[i])
    frac = (q - cdf[i - 1]) / (cdf[i] - cdf[i - 1])
    return float(points[i - 1] + frac * (points[i] - points[i - 1]))


def bma_posterior(
    table: CaptureTable,
    delta: float | None = None,
    log_prior: Callable | None = None,
    prior_label: str = "1/N",
    n_missing: Sequence[float] | None = None,
    level: float = 0.95,
    top: int = 10,
) -> BmaResult:
    """The model-averaged posterior of the total N (see the module docstring)."""
    import numpy as np

    m = table.m
    if m > MAX_ENUMERATED_LISTS:
        raise ValueError(f"model averaging over decomposable graphs for at most {MAX_ENUMERATED_LISTS} lists")
    graphs = incidences(m)
    delta = 2.0**-m if delta is None else float(delta)
    if log_prior is None:

        def log_prior(N):
            return -np.log(N)

    n = table.observed
    warnings: list[str] = []
    tail_mass = 0.0
    if n_missing is not None:
        points = np.asarray(n_missing, dtype=float)
        weights = np.ones(len(points))
        keep = np.arange(len(graphs.codes))
    else:
        coarse = _grid(0, 50, 1e9 * (n + 1), COARSE_RATIO)
        cw = _grid_weights(coarse)
        per_graph = np.empty(len(graphs.codes))
        per_point = np.full(len(coarse), -np.inf)
        terms = _grid_terms(table, delta, coarse, log_prior, cw)
        for start, sums, columns in _log_sums_in_two(graphs.rows, graphs.counts, terms):
            per_graph[start : start + len(sums)] = sums
            per_point = np.logaddexp(per_point, columns)
        total = np.logaddexp.reduce(per_graph)
        keep = np.flatnonzero(per_graph - total > math.log(1e-12))
        cdf = np.cumsum(np.exp(per_point - total))
        lo_index = max(int(np.searchsorted(cdf, 1e-10)) - 1, 0)
        hi_index = min(int(np.searchsorted(cdf, 1 - 1e-10)) + 1, len(coarse) - 1)
        tail_mass = float(max(0.0, 1 - cdf[max(len(coarse) - 2, 0)]))
        points = _grid(float(coarse[lo_index]), INTEGER_SPAN, float(coarse[hi_index]), FINE_RATIO)
        weights = _grid_weights(points)
    rows, counts = graphs.rows[keep], graphs.counts[keep]
    per_graph = np.empty(len(keep))
    per_point = np.full(len(points), -np.inf)
    terms = _grid_terms(table, delta, points, log_prior, weights)
    for start, sums, columns in _log_sums_in_two(rows, counts, terms):
        per_graph[start : start + len(sums)] = sums
        per_point = np.logaddexp(per_point, columns)
    total = np.logaddexp.reduce(per_graph)
    mass = np.exp(per_point - total)
    cdf = np.cumsum(mass)
    N = points + n
    lo_q, hi_q = (1 - level) / 2, (1 + level) / 2
    lower = _quantile(points, cdf, lo_q) + n
    upper = _quantile(points, cdf, hi_q) + n
    median = _quantile(points, cdf, 0.5) + n
    if tail_mass > TAIL_TOLERANCE:
        warnings.append(warning(Code.BMA_TAIL, mass=f"{tail_mass:.1e}"))
        upper = math.inf
    mode_log = per_point - np.log(weights)
    mode = float(N[int(np.argmax(mode_log))])
    bayes = float(np.sum(mass / N) / np.sum(mass / N**2))
    probs = np.exp(per_graph - total)
    full = np.zeros(len(graphs.codes))
    full[keep] = probs
    order = np.argsort(-probs, kind="stable")[:top]
    best = []
    for i in order:
        g = int(i)
        for _start, block in _blocks(rows[g : g + 1], counts[g : g + 1], terms):
            row = np.exp(block[0] - np.logaddexp.reduce(block[0]))
            row_cdf = np.cumsum(row)
            best.append(
                GraphPosterior(
                    edges=tuple(f"{table.lists[a]}:{table.lists[b]}" for a, b in graphs.edges(int(keep[g]))),
                    probability=float(probs[int(i)]),
                    median=_quantile(points, row_cdf, 0.5) + n,
                    mode=float(N[int(np.argmax(block[0] - np.log(weights)))]),
                    bayes=float(np.sum(row / N) / np.sum(row / N**2)),
                    lower=_quantile(points, row_cdf, lo_q) + n,
                    upper=_quantile(points, row_cdf, hi_q) + n,
                )
            )
    return BmaResult(
        observed=n,
        delta=delta,
        prior=prior_label,
        level=level,
        median=median,
        lower=lower,
        upper=upper,
        mode=mode,
        bayes=bayes,
        n_graphs=len(graphs.codes),
        top=tuple(best),
        tail_mass=tail_mass,
        warnings=tuple(warnings),
        n0=tuple(float(p) for p in points),
        mass=tuple(float(v) for v in mass),
        graph_probabilities=tuple(float(v) for v in full),
    )


def bma_cr(
    table: CaptureTable, n_missing: Sequence[float], delta: float, log_prior: Callable | None = None
) -> tuple[tuple[Decomposable, ...], object]:
    """The counterpart of dga's `bma.cr`: every decomposable graph and the matrix of posterior
    probabilities of (graph, n0) over the given values of n0 (summed exactly), normalised to sum 1."""
    import numpy as np

    graphs = decomposable_graphs(table.m)
    inc = incidences(table.m)
    if log_prior is None:

        def log_prior(N):
            return -np.log(N)

    points = np.asarray(n_missing, dtype=float)
    blocks = [
        b.copy()  # _blocks reuses its buffer
        for _s, b in _blocks(
            inc.rows, inc.counts, _grid_terms(table, float(delta), points, log_prior, np.ones(len(points)))
        )
    ]
    w = np.vstack(blocks)
    w = np.exp(w - np.max(w))
    return graphs, w / w.sum()
