"""Poisson log-linear models for multiple systems estimation.

The observed cells (all non-empty capture histories) follow independent Poisson distributions with
log mean  b0 + sum_j x_j b_j + sum_{(i,j) in terms} x_i x_j g_ij.  The expected count of the
unobserved all-zero history is exp(b0); the population estimate is observed + exp(b0).

A two-list term whose pair of lists has no case in common ("empty overlap") is handled as in
SparseMSE (Chan, Silverman & Vincent 2021): its parameter is -infinity, so every cell containing
both lists is removed from the fit and the term is not a column of the design; it still counts as a
parameter in AIC/BIC.

The fit is Newton-Raphson (= IRLS for the canonical link) in numpy, iterated to machine precision;
tests check it against statsmodels' GLM.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from jaarcijfers.estimate.histories import CaptureTable

if TYPE_CHECKING:  # numpy is imported where it is used, not when this module is imported
    import numpy as np
    from numpy.typing import NDArray

Term = tuple[int, int]


class DarkFigure(StrEnum):
    """What the maximum likelihood estimate of the dark figure is under a model (see checks.py)."""

    EXISTS = "bestaat"  # the MLE exists and is identifiable: a regular fit
    BOUNDARY = "rand"  # no (identifiable) MLE, but the extended MLE of the dark figure is finite
    UNBOUNDED = "niet begrensd"  # the data are consistent with an arbitrarily large dark figure


def all_pairs(m: int) -> tuple[Term, ...]:
    return tuple((i, j) for i in range(m) for j in range(i + 1, m))


def normalise_terms(terms) -> tuple[Term, ...]:
    return tuple(sorted({(min(i, j), max(i, j)) for i, j in terms}))


def term_names(table: CaptureTable, terms) -> list[str]:
    return [f"{table.lists[i]}:{table.lists[j]}" for i, j in normalise_terms(terms)]


@dataclass(frozen=True)
class Design:
    """Design matrix for one model on one table."""

    X: NDArray[np.float64]  # n_cells x p
    y: NDArray[np.float64]  # n_cells
    cells: NDArray[np.intp]  # indices (0-based) of the kept cells in table.counts
    names: tuple[str, ...]
    terms: tuple[Term, ...]  # all requested terms
    fitted_terms: tuple[Term, ...]  # terms that are columns
    empty_terms: tuple[Term, ...]  # terms with empty overlap (parameter -inf)


@dataclass(frozen=True)
class _Columns:
    """Every column a design on one table can have, computed once per table: the intercept, the main
    effects and every two-list product (`pairs`, in `all_pairs` order), over all 2^m - 1 cells; which pairs
    have an empty overlap, and the cells containing both lists of each pair."""

    matrix: NDArray[np.float64]  # cells x (1 + m + m(m-1)/2)
    y: NDArray[np.float64]
    pairs: dict[Term, int]  # column of each pair's product
    empty: frozenset[Term]
    both: dict[Term, NDArray[np.bool_]]
    log_factorials: NDArray[np.float64]  # log(y!) per cell


@lru_cache(maxsize=16)  # a search uses one table, a bootstrap one replicate at a time; 12 lists: 2.6 MB each
def _columns(table: CaptureTable) -> _Columns:
    import numpy as np

    from jaarcijfers.estimate.numerics import log_gamma

    H = table.histories()
    y = table.count_array()
    m = table.m
    pairs = all_pairs(m)
    products = [H[:, i] * H[:, j] for i, j in pairs]
    matrix = np.column_stack([np.ones(len(y)), *(H[:, j] for j in range(m)), *products])
    both = {pair: col > 0 for pair, col in zip(pairs, products, strict=True)}
    return _Columns(
        matrix=matrix,
        y=y,
        pairs={pair: 1 + m + k for k, pair in enumerate(pairs)},
        empty=frozenset(pair for pair in pairs if y[both[pair]].sum() == 0),
        both=both,
        log_factorials=log_gamma(y + 1),
    )


def build_design(table: CaptureTable, terms=()) -> Design:
    """The design of a model: the columns are taken from the table's precomputed columns (`_columns`)."""
    import numpy as np

    terms = normalise_terms(terms)
    columns = _columns(table)
    fitted = [t for t in terms if t not in columns.empty]
    empty = [t for t in terms if t in columns.empty]
    chosen = [*range(1 + table.m), *(columns.pairs[t] for t in fitted)]
    names = ("(Intercept)", *table.lists, *(f"{table.lists[i]}:{table.lists[j]}" for i, j in fitted))
    if empty:
        keep = np.ones(len(columns.y), dtype=bool)
        for t in empty:
            keep &= ~columns.both[t]
        cells = np.flatnonzero(keep)
        X = columns.matrix[np.ix_(cells, chosen)]
        y = columns.y[cells]
    else:
        cells = np.arange(len(columns.y))
        X = columns.matrix[:, chosen]
        y = columns.y.copy()
    return Design(
        X=np.ascontiguousarray(X),
        y=y,
        cells=cells,
        names=names,
        terms=terms,
        fitted_terms=tuple(fitted),
        empty_terms=tuple(empty),
    )


class FitError(Exception):
    """The Newton iterations did not converge (the MLE probably does not exist)."""


def _xlogy(x, y):
    """x log y, with 0 where x == 0."""
    import numpy as np

    positive = x > 0
    return np.where(positive, x * np.log(np.where(positive, y, 1.0)), 0.0)


def _poisson_loglik(y, mu, log_factorials=None):
    """The Poisson log-likelihood; `log_factorials` (log y! per cell), when given, saves computing it."""
    import numpy as np

    from jaarcijfers.estimate.numerics import log_gamma

    lf = log_gamma(y + 1) if log_factorials is None else log_factorials
    return float(np.sum(_xlogy(y, mu) - mu - lf))


def _deviance(y, mu):
    import numpy as np

    return float(2 * np.sum(_xlogy(y, y) - _xlogy(y, mu) - (y - mu)))


def newton_poisson(X, y, offset=None, beta0=None, tol=1e-12, max_iter=200):
    """Maximum likelihood for a Poisson GLM with log link. Returns (beta, mu, info).

    Written for designs of a few dozen cells, where each numpy call costs more than its arithmetic: an
    absent offset is not added (adding zeros changes no value), a full step is not multiplied by 1, and
    the linear system goes to LAPACK through `linalg.solve`; every value is computed by the same
    operations as before these savings, so the fits are bit for bit the same."""
    import numpy as np

    from jaarcijfers.estimate.linalg import solve

    n, p = X.shape
    if p == 0:
        mu = np.exp(np.zeros(n) if offset is None else offset)
        return np.zeros(0), mu, np.zeros((0, 0))
    start = np.log(y + 0.5) if offset is None else np.log(y + 0.5) - offset
    if beta0 is None:
        beta, *_ = np.linalg.lstsq(X, start, rcond=None)
    else:
        beta = np.array(beta0, dtype=float)

    def objective(b):
        eta = X @ b if offset is None else X @ b + offset
        if eta.max() > 700:
            return -np.inf, None
        mu = np.exp(eta)
        return float((y * eta - mu).sum()), mu

    XT = X.T
    ll, mu = objective(beta)
    if mu is None:
        beta, *_ = np.linalg.lstsq(X, start, rcond=None)
        ll, mu = objective(beta)
    for _ in range(max_iter):
        grad = XT @ (y - mu)
        info = XT @ (X * mu[:, None])
        try:
            step = solve(info, grad)
        except np.linalg.LinAlgError:
            step = np.linalg.lstsq(info, grad, rcond=None)[0]
        t = 1.0
        moved = step
        floor = ll - 1e-12 * max(1.0, abs(ll))
        for _halving in range(60):
            new_beta = beta + moved
            new_ll, new_mu = objective(new_beta)
            if new_mu is not None and new_ll >= floor:
                break
            t /= 2
            moved = t * step
        else:
            raise FitError("step halving failed")
        change = new_ll - ll
        beta, ll, mu = new_beta, new_ll, new_mu
        if abs(change) <= tol * max(1.0, abs(ll)) and np.abs(moved).max() < 1e-7:
            break
    else:
        raise FitError("no convergence")
    info = XT @ (X * mu[:, None])
    return beta, mu, info


@dataclass(frozen=True)
class Fit:
    table: CaptureTable
    terms: tuple[Term, ...]
    design: Design = field(repr=False)
    coef: NDArray[np.float64] = field(repr=False)
    cov: NDArray[np.float64] = field(repr=False)
    fitted: NDArray[np.float64] = field(repr=False)  # fitted means of the kept cells
    loglik: float = 0.0
    deviance: float = 0.0
    df_resid: int = 0
    n_params: int = 0  # columns + empty-overlap terms
    aic: float = 0.0
    bic: float = 0.0
    status: DarkFigure = DarkFigure.EXISTS

    @property
    def bounded(self) -> bool:
        return self.status is not DarkFigure.UNBOUNDED

    @property
    def log_dark(self) -> float:
        return float(self.coef[0]) if self.bounded else math.inf

    @property
    def se_log_dark(self) -> float:
        return float(math.sqrt(self.cov[0, 0])) if self.status is DarkFigure.EXISTS else math.nan

    @property
    def dark(self) -> float:
        return math.exp(self.log_dark) if self.log_dark < 709 else math.inf

    @property
    def estimate(self) -> float:
        return self.table.observed + self.dark

    @property
    def se_estimate(self) -> float:
        """Delta-method standard error of the total as in Rcapture: var(exp(b0)) + exp(b0)."""
        if self.status is not DarkFigure.EXISTS:
            return math.nan
        d = self.dark
        return math.sqrt(d * d * self.cov[0, 0] + d)

    def term_names(self) -> list[str]:
        return term_names(self.table, self.terms)


def warm_start(previous: Fit, design: Design):
    """Starting values for `design` from a fit of a smaller model (coefficients matched by name, 0 for
    new columns): Newton then needs a few steps instead of ten."""
    import numpy as np

    known = dict(zip(previous.design.names, previous.coef, strict=True))
    return np.array([known.get(name, 0.0) for name in design.names], dtype=float)


def _log_factorials(table: CaptureTable, design: Design):
    """log(y!) of the design's cells (computed once per table)."""
    return _columns(table).log_factorials[design.cells]


def fit_model(
    table: CaptureTable, terms=(), design: Design | None = None, start=None, rank: int | None = None
) -> Fit:
    """The maximum likelihood fit; `design`, when given, is `build_design(table, terms)`; `rank` (the
    design's column rank), when the caller knows it, saves computing it again."""
    import numpy as np

    from jaarcijfers.estimate.linalg import column_rank

    d = design if design is not None else build_design(table, terms)
    beta, mu, info = newton_poisson(d.X, d.y, beta0=start)
    try:
        cov = np.linalg.inv(info)
    except np.linalg.LinAlgError:
        cov = np.linalg.pinv(info)
    if rank is None:
        rank = column_rank(d.X)
    ll = _poisson_loglik(d.y, mu, _log_factorials(table, d))
    k = d.X.shape[1] + len(d.empty_terms)
    n_obs = max(table.observed, 1)
    return Fit(
        table=table,
        terms=d.terms,
        design=d,
        coef=beta,
        cov=cov,
        fitted=mu,
        loglik=ll,
        deviance=_deviance(d.y, mu),
        df_resid=int(len(d.y) - rank),
        n_params=int(k),
        aic=-2 * ll + 2 * k,
        bic=-2 * ll + math.log(n_obs) * k,
    )


def _column_basis(X) -> list[int]:
    """Columns of X forming a basis of its column space, the intercept (column 0) first."""
    import numpy as np

    keep: list[int] = []
    rank = 0
    for j in range(X.shape[1]):
        r = np.linalg.matrix_rank(X[:, [*keep, j]])
        if r > rank:
            keep.append(j)
            rank = r
    return keep


def fit_facial(table: CaptureTable, terms, facial_rows, status: DarkFigure) -> Fit:
    """The extended maximum likelihood fit: the model fitted to the cells of the facial set only (the
    other cells have fitted mean 0), in a full-rank reparametrisation. The dark figure is
    b0 = z . log(mu_F) with X_F' z = e_0 when b0 is estimable (`BOUNDARY`), infinite otherwise
    (`UNBOUNDED`). Standard errors are not defined (NaN)."""
    import numpy as np

    from jaarcijfers.estimate.linalg import column_rank

    d = build_design(table, terms)
    rows = np.asarray(facial_rows, dtype=np.intp)
    p = d.X.shape[1]
    fitted = np.zeros(len(d.y))
    log_dark = math.inf
    if len(rows):
        XF = d.X[rows]
        basis = _column_basis(XF)
        _beta, mu_f, _info = newton_poisson(XF[:, basis], d.y[rows])
        fitted[rows] = mu_f
        if status is DarkFigure.BOUNDARY:
            e0 = np.zeros(p)
            e0[0] = 1.0
            z, *_ = np.linalg.lstsq(XF.T, e0, rcond=None)
            log_dark = float(z @ np.log(mu_f))
    coef = np.full(p, np.nan)
    coef[0] = log_dark
    ll = _poisson_loglik(d.y, fitted, _log_factorials(table, d))
    k = p + len(d.empty_terms)
    n_obs = max(table.observed, 1)
    return Fit(
        table=table,
        terms=d.terms,
        design=d,
        coef=coef,
        cov=np.full((p, p), np.nan),
        fitted=fitted,
        loglik=ll,
        deviance=_deviance(d.y, fitted),
        df_resid=int(len(d.y) - column_rank(d.X)),
        n_params=int(k),
        aic=-2 * ll + 2 * k,
        bic=-2 * ll + math.log(n_obs) * k,
        status=status,
    )


def profile_loglik_dark(fit: Fit, log_dark: float, start=None):
    """Maximum log-likelihood with the intercept (log of the dark figure) fixed."""
    import numpy as np

    d = fit.design
    X = d.X[:, 1:]
    off = np.full(len(d.y), log_dark)
    beta, mu, _ = newton_poisson(X, d.y, offset=off, beta0=start)
    return _poisson_loglik(d.y, mu, _log_factorials(fit.table, d)), beta


def full_table_loglik(fit: Fit, n0: float) -> float:
    """Max Poisson log-likelihood of the complete table with `n0` cases in the all-zero cell."""
    import numpy as np

    d = fit.design
    X = np.vstack([np.eye(1, d.X.shape[1]), d.X])
    y = np.concatenate([[n0], d.y])
    beta, mu, _ = newton_poisson(X, y, beta0=fit.coef)
    return _poisson_loglik(y, mu)
