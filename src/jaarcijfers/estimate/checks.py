"""Checks that make estimates on sparse data trustworthy.

- existence of the (extended) maximum likelihood estimate: the linear-programming criterion of
  Fienberg & Rinaldo (2012) as SparseMSE's `checkident` implements it: maximise s subject to
  A x = t, x_j >= s (x >= 0), where A is the transposed design matrix (cells with an empty
  overlap in the model removed) and t = A n the sufficient statistics. The MLE exists iff s > 0.
- identifiability: the design matrix has full column rank.
- data checks: empty lists, lists holding every case, lists without any overlap, duplicated lists.

Existence depends only on which cells are positive (the support), so results are cached by
(support, model) -- the bootstrap and the model search hit the cache most of the time.
"""

from __future__ import annotations

from functools import lru_cache

from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.loglinear import build_design, normalise_terms
from jaarcijfers.solver.model import Limits

OK, NOT_EXIST, NOT_IDENTIFIABLE = 0, 1, 2


LP_LIMITS = Limits(iterations=100_000)
"""A safety limit: these LPs have at most 2^6 cells and need a few dozen simplex iterations."""


def _lp_positive_solution(A, t) -> float:
    """Optimal s of  max s  s.t. A x = t, x - s >= 0, x >= 0 (0 when the LP has no optimum)."""
    from jaarcijfers.solver.model import INF, Model, Settings, Status

    npar, nobs = A.shape
    model = Model(Settings(limits=LP_LIMITS), name="MLE-bestaan")
    model.add_columns([0.0] * (nobs + 1), [INF] * (nobs + 1), [0.0] * nobs + [-1.0])  # x_1..x_nobs, s
    for i in range(npar):
        idx = [j for j in range(nobs) if A[i, j] != 0]
        model.add_row(float(t[i]), float(t[i]), idx, [float(A[i, j]) for j in idx])
    for j in range(nobs):  # s - x_j <= 0
        model.add_row(-INF, 0.0, [j, nobs], [-1.0, 1.0])
    res = model.solve()
    if res.status is Status.LIMIT or res.status is Status.ERROR:
        raise RuntimeError(f"bestaanscontrole van de schatting: de solver stopte ({res.detail})")
    if res.status is not Status.OPTIMAL:
        return 0.0
    return -res.objective


@lru_cache(maxsize=200_000)
def _check_cached(m: int, support: tuple[bool, ...], counts_key: tuple[int, ...], terms: tuple) -> int:
    import numpy as np

    table = CaptureTable(tuple(f"L{j}" for j in range(m)), counts_key)
    d = build_design(table, terms)
    ierr = 0
    X = d.X
    if np.linalg.matrix_rank(X) < X.shape[1]:
        ierr |= NOT_IDENTIFIABLE
    y = d.y
    if np.all(y > 0):
        return ierr  # x = n is a strictly positive solution
    A = X.T
    t = A @ y
    s = _lp_positive_solution(A, t)
    # s is scale dependent: compare with the size of the data
    if s <= 1e-9 * max(1.0, float(y.sum())):
        ierr |= NOT_EXIST
    return ierr


def check_model(table: CaptureTable, terms=()) -> int:
    """SparseMSE's `checkident` error code: 0 ok, 1 MLE does not exist, 2 not identifiable, 3 both."""
    terms = normalise_terms(terms)
    # existence only depends on the support; use a 0/1 table of the support plus the empty overlaps
    support = tuple(c > 0 for c in table.counts)
    key = tuple(1 if s else 0 for s in support)
    return _check_cached(table.m, support, key, terms)


def tidy_lists(table: CaptureTable) -> tuple[CaptureTable, list[str]]:
    """Remove non-informative lists as SparseMSE's `removenoninformativelists` does.

    Returns the reduced table and Dutch warnings saying what was removed.
    """
    warnings: list[str] = []
    totals = table.list_totals()
    n = table.observed
    keep: list[int] = []
    seen: dict[tuple[int, ...], str] = {}
    for j, name in enumerate(table.lists):
        column = tuple(1 if (k >> j & 1) else 0 for k, c in enumerate(table.counts, start=1) if c)
        counts_on = tuple(c for k, c in enumerate(table.counts, start=1) if c and (k >> j & 1))
        if totals[name] == 0:
            warnings.append(f"Lijst '{name}' bevat geen enkel geval en is weggelaten.")
            continue
        if totals[name] == n:
            warnings.append(
                f"Lijst '{name}' bevat alle waargenomen gevallen en is weggelaten (geen informatie)."
            )
            continue
        key = column + counts_on
        if key in seen:
            warnings.append(f"Lijst '{name}' is gelijk aan lijst '{seen[key]}' en is weggelaten.")
            continue
        seen[key] = name
        keep.append(j)
    if len(keep) == table.m:
        return table, warnings
    return table.drop_lists(keep), warnings


def overlap_warnings(table: CaptureTable) -> list[str]:
    """Dutch warnings about lists that overlap with no other list, and about empty pairwise overlaps."""
    out = []
    m = table.m
    for i in range(m):
        if all(table.overlap(i, j) == 0 for j in range(m) if j != i):
            out.append(
                f"Lijst '{table.lists[i]}' heeft geen overlap met een andere lijst; de schatting hangt dan "
                "sterk af van de aanname dat de lijsten onafhankelijk zijn."
            )
    empty = [
        f"{table.lists[i]}:{table.lists[j]}"
        for i in range(m)
        for j in range(i + 1, m)
        if table.overlap(i, j) == 0
    ]
    if empty:
        out.append(f"Paren van lijsten zonder gezamenlijke gevallen: {', '.join(empty)}.")
    if table.observed < 50:
        out.append(f"Weinig waarnemingen ({table.observed}); de schatting is zeer onzeker.")
    return out


def describe_error(ierr: int) -> str:
    parts = []
    if ierr & NOT_EXIST:
        parts.append("de meest aannemelijke schatting bestaat niet (oneindige parameters)")
    if ierr & NOT_IDENTIFIABLE:
        parts.append("het model is niet identificeerbaar")
    return " en ".join(parts)
