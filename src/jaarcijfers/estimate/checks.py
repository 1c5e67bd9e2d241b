"""Checks that make estimates on sparse data trustworthy.

- existence of the (extended) maximum likelihood estimate: the linear-programming criterion of
  Fienberg & Rinaldo (2012) as SparseMSE's `checkident` implements it: maximise s subject to
  A x = t, x_j >= s (x >= 0), where A is the transposed design matrix (cells with an empty
  overlap in the model removed) and t = A n the sufficient statistics. The MLE exists iff s > 0.
- identifiability: the design matrix has full column rank.
- what the dark figure does when either fails (`dark_figure_status`): the facial set F (the cells whose
  fitted mean stays positive in the extended MLE: the cells x_j > 0 for some x >= 0 with A x = t, one LP
  per empty cell) and whether the intercept b0 = log(dark figure) is estimable from the cells in F
  (e_0 in the row space of X_F). If it is, the dark figure has a finite extended MLE (`BOUNDARY`); if it
  is not, the likelihood's supremum is reached along directions in which b0 takes any value, so the
  data are consistent with an arbitrarily large hidden number (`UNBOUNDED`, "niet begrensd").
- data checks: empty lists, lists holding every case, lists without any overlap, duplicated lists.

Existence depends only on which cells are positive (the support), so results are cached by
(support, model) -- the bootstrap and the model search hit the cache most of the time. The linear
programs are solved with HiGHS through the solver layer (`jaarcijfers.solver`), not through
scipy.optimize (whose import alone takes a second).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.linalg import column_rank
from jaarcijfers.estimate.loglinear import DarkFigure, build_design, normalise_terms
from jaarcijfers.estimate.warning_texts import REASONS, Code, warning
from jaarcijfers.solver.model import Limits

OK, NOT_EXIST, NOT_IDENTIFIABLE = 0, 1, 2

LP_LIMITS = Limits(iterations=100_000)
"""A safety limit: these LPs have at most 2^6 cells and need a few dozen simplex iterations."""


def _solve_lp(cost, rows, row_lower, row_upper) -> tuple[bool, float]:
    """min cost.v subject to row_lower <= rows v <= row_upper, v >= 0, on the solver layer (presolve off:
    the programs are tiny). Returns (optimal, objective)."""
    import numpy as np

    from jaarcijfers.solver.model import INF, Model, Settings, Status

    rows = np.asarray(rows, dtype=float)
    nrow, ncol = rows.shape
    model = Model(Settings(limits=LP_LIMITS, presolve=False), name="MLE-bestaan")
    model.add_columns([0.0] * ncol, [INF] * ncol, [float(c) for c in cost])
    for i in range(nrow):
        idx = [j for j in range(ncol) if rows[i, j] != 0]
        upper = float(row_upper[i])
        model.add_row(
            float(row_lower[i]),
            INF if upper == float("inf") else upper,
            idx,
            [float(rows[i, j]) for j in idx],
        )
    res = model.solve(values=False)
    if res.status is Status.LIMIT or res.status is Status.ERROR:
        raise RuntimeError(f"bestaanscontrole van de schatting: de solver stopte ({res.detail})")
    if res.status is not Status.OPTIMAL:
        return False, 0.0
    return True, float(res.objective)


def _lp_positive_solution(A, t) -> float:
    """Optimal s of  max s  s.t. A x = t, x_j - s >= 0, x >= 0 (0 when the LP fails)."""
    import numpy as np

    npar, nobs = A.shape
    cost = np.zeros(nobs + 1)
    cost[-1] = -1.0
    rows = np.vstack([np.hstack([A, np.zeros((npar, 1))]), np.hstack([np.eye(nobs), -np.ones((nobs, 1))])])
    lower = np.concatenate([t, np.zeros(nobs)])
    upper = np.concatenate([t, np.full(nobs, np.inf)])
    ok, value = _solve_lp(cost, rows, lower, upper)
    return -value if ok else 0.0


def _max_cell(A, t, j: int) -> float:
    """max x_j subject to A x = t, x >= 0."""
    import numpy as np

    cost = np.zeros(A.shape[1])
    cost[j] = -1.0
    ok, value = _solve_lp(cost, A, t, t)
    return -value if ok else 0.0


def _support_key(table: CaptureTable) -> tuple[int, ...]:
    return tuple(1 if c > 0 else 0 for c in table.counts)


def _scale_tol(y) -> float:
    return 1e-9 * max(1.0, float(y.sum()))


# Existence is monotone in the support: for one design (the model's terms and the terms whose overlap is
# empty, which fix the cells that are kept), a support containing one for which the MLE exists gives an
# MLE too, and a support contained in one for which it does not exist gives none. The bootstrap meets
# thousands of supports; these lists answer most of them without a linear program.
_KNOWN: dict[tuple, tuple[list[int], list[int]]] = {}
_RANK_DEFICIENT: dict[tuple, bool] = {}


def _mask(support: tuple[int, ...]) -> int:
    return sum(1 << k for k, v in enumerate(support) if v)


# A bootstrap resamples the data: a cell with many cases is (practically) never empty in a replicate.
# Within `existence_floor(table)`, a replicate's support S is first reduced to its "floor" (the cells of S
# with at least FLOOR_COUNT cases in the data, plus S's cells in the overlap of any model term that would
# otherwise become empty, so that the design stays the same); when the MLE exists for the floor it exists
# for S (monotonicity), and the floor is shared by most replicates, so one linear program serves them all.
FLOOR_COUNT = 10
_FLOOR: ContextVar[tuple[int, int] | None] = ContextVar("existence_floor", default=None)


@contextmanager
def existence_floor(table: CaptureTable, min_count: int = FLOOR_COUNT) -> Iterator[None]:
    token = _FLOOR.set((table.m, sum(1 << k for k, c in enumerate(table.counts) if c >= min_count)))
    try:
        yield
    finally:
        _FLOOR.reset(token)


def _pair_mask(m: int, i: int, j: int) -> int:
    return sum(1 << (k - 1) for k in range(1, 2**m) if (k >> i) & 1 and (k >> j) & 1)


def _floor_support(m: int, mask: int, terms: tuple) -> int | None:
    floor = _FLOOR.get()
    if floor is None or floor[0] != m:
        return None
    fmask = floor[1] & mask
    for i, j in terms:
        overlap = _pair_mask(m, i, j)
        if mask & overlap and not fmask & overlap:
            fmask |= mask & overlap
    return fmask if fmask != mask else None


@lru_cache(maxsize=200_000)
def _check_cached(m: int, support: tuple[int, ...], terms: tuple) -> int:
    import numpy as np

    table = CaptureTable(tuple(f"L{j}" for j in range(m)), support)
    d = build_design(table, terms)
    key = (m, terms, d.empty_terms)
    if key not in _RANK_DEFICIENT:
        _RANK_DEFICIENT[key] = bool(column_rank(d.X) < d.X.shape[1])
    ierr = NOT_IDENTIFIABLE if _RANK_DEFICIENT[key] else 0
    y = d.y
    if np.all(y > 0):
        return ierr  # x = n is a strictly positive solution
    mask = _mask(support)
    exists, missing = _KNOWN.setdefault(key, ([], []))
    if any(k & ~mask == 0 for k in exists):
        return ierr
    if any(mask & ~k == 0 for k in missing):
        return ierr | NOT_EXIST
    fmask = _floor_support(m, mask, terms)
    if fmask is not None:
        floor_support = tuple((fmask >> k) & 1 for k in range(len(support)))
        if not _check_cached(m, floor_support, terms) & NOT_EXIST:
            exists.append(mask)
            return ierr
    A = d.X.T
    s = _lp_positive_solution(A, A @ y)
    # s is scale dependent: compare with the size of the data
    if s <= _scale_tol(y):
        missing.append(mask)
        return ierr | NOT_EXIST
    exists.append(mask)
    return ierr


def check_model(table: CaptureTable, terms=()) -> int:
    """SparseMSE's `checkident` error code: 0 ok, 1 MLE does not exist, 2 not identifiable, 3 both."""
    return _check_cached(table.m, _support_key(table), normalise_terms(terms))


@dataclass(frozen=True)
class Existence:
    """What the data say about the dark figure under one model."""

    code: int  # SparseMSE's checkident code (0 ok, 1 no MLE, 2 not identifiable, 3 both)
    dark: DarkFigure
    facial_rows: tuple[int, ...]  # rows of the design (kept cells) whose extended-MLE mean is positive


@lru_cache(maxsize=50_000)
def _status_cached(m: int, support: tuple[int, ...], terms: tuple) -> Existence:
    import numpy as np

    code = _check_cached(m, support, terms)
    table = CaptureTable(tuple(f"L{j}" for j in range(m)), support)
    d = build_design(table, terms)
    rows = tuple(range(len(d.y)))
    if code == OK:
        return Existence(code, DarkFigure.EXISTS, rows)
    if code & NOT_EXIST:
        A = d.X.T
        t = A @ d.y
        tol = _scale_tol(d.y)
        rows = tuple(j for j in rows if d.y[j] > 0 or _max_cell(A, t, j) > tol)
    XF = d.X[list(rows)]
    e0 = np.zeros(d.X.shape[1])
    e0[0] = 1.0
    if len(rows) == 0:
        return Existence(code, DarkFigure.UNBOUNDED, rows)
    z, *_ = np.linalg.lstsq(XF.T, e0, rcond=None)
    estimable = bool(np.linalg.norm(XF.T @ z - e0) < 1e-8)
    return Existence(code, DarkFigure.BOUNDARY if estimable else DarkFigure.UNBOUNDED, rows)


def dark_figure_status(table: CaptureTable, terms=()) -> Existence:
    """Whether the dark figure has a finite (extended) maximum likelihood estimate under the model."""
    return _status_cached(table.m, _support_key(table), normalise_terms(terms))


def count_triples(table: CaptureTable) -> int:
    """Number of triples of lists that overlap pairwise (0: the all-pairs model is not identifiable)."""
    m = table.m
    adj = [[i != j and table.overlap(i, j) > 0 for j in range(m)] for i in range(m)]
    n = 0
    for i in range(m):
        for j in range(i + 1, m):
            for k in range(j + 1, m):
                if adj[i][j] and adj[i][k] and adj[j][k]:
                    n += 1
    return n


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
            warnings.append(warning(Code.LIST_EMPTY, name=name))
            continue
        if totals[name] == n:
            warnings.append(warning(Code.LIST_ALL, name=name))
            continue
        key = column + counts_on
        if key in seen:
            warnings.append(warning(Code.LIST_SAME, name=name, other=seen[key]))
            continue
        seen[key] = name
        keep.append(j)
    if len(keep) == table.m:
        return table, warnings
    return table.drop_lists(keep), warnings


def isolated_lists(table: CaptureTable) -> tuple[int, ...]:
    """Lists that share no case with any other list."""
    m = table.m
    return tuple(i for i in range(m) if m > 1 and all(table.overlap(i, j) == 0 for j in range(m) if j != i))


def overlap_warnings(table: CaptureTable) -> list[str]:
    """Dutch warnings about empty pairwise overlaps and few observations (lists without any overlap are
    explained separately: run.isolated_rows)."""
    out = []
    m = table.m
    empty = [
        f"{table.lists[i]}:{table.lists[j]}"
        for i in range(m)
        for j in range(i + 1, m)
        if table.overlap(i, j) == 0
    ]
    if empty:
        out.append(warning(Code.NO_OVERLAP, pairs=", ".join(empty)))
    if table.observed < 50:
        out.append(warning(Code.FEW_OBSERVATIONS, n=table.observed))
    return out


def describe_error(ierr: int) -> str:
    parts = []
    if ierr & NOT_EXIST:
        parts.append(REASONS[0])
    if ierr & NOT_IDENTIFIABLE:
        parts.append(REASONS[1])
    return " en ".join(parts)


def fit_checked(table: CaptureTable, terms=()):
    """The (extended) maximum likelihood fit of a model: the regular fit when the MLE exists and is
    identifiable, else the fit on the facial set (`loglinear.fit_facial`), whose dark figure is finite
    (`BOUNDARY`) or infinite (`UNBOUNDED`)."""
    from jaarcijfers.estimate.loglinear import fit_facial, fit_model

    existence = dark_figure_status(table, terms)
    if existence.dark is DarkFigure.EXISTS:
        return fit_model(table, terms)
    return fit_facial(table, terms, existence.facial_rows, existence.dark)
