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


def build_design(table: CaptureTable, terms=()) -> Design:
    import numpy as np

    terms = normalise_terms(terms)
    H = table.histories()
    y = table.count_array()
    keep = np.ones(len(y), dtype=bool)
    fitted, empty = [], []
    for i, j in terms:
        both = (H[:, i] * H[:, j]) > 0
        if y[both].sum() == 0:
            empty.append((i, j))
            keep &= ~both
        else:
            fitted.append((i, j))
    cols = [np.ones(len(y))] + [H[:, j] for j in range(table.m)] + [H[:, i] * H[:, j] for i, j in fitted]
    names = ("(Intercept)", *table.lists, *(f"{table.lists[i]}:{table.lists[j]}" for i, j in fitted))
    X = np.column_stack(cols)[keep]
    return Design(
        X=X,
        y=y[keep],
        cells=np.flatnonzero(keep),
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
    out = np.zeros(np.broadcast(x, y).shape)
    out[positive] = (x * np.log(np.where(positive, y, 1.0)))[positive]
    return out


def _poisson_loglik(y, mu):
    import numpy as np

    from jaarcijfers.estimate.numerics import log_gamma

    return float(np.sum(_xlogy(y, mu) - mu - log_gamma(y + 1)))


def _deviance(y, mu):
    import numpy as np

    return float(2 * np.sum(_xlogy(y, y) - _xlogy(y, mu) - (y - mu)))


def newton_poisson(X, y, offset=None, beta0=None, tol=1e-12, max_iter=200):
    """Maximum likelihood for a Poisson GLM with log link. Returns (beta, mu, info)."""
    import numpy as np

    n, p = X.shape
    off = np.zeros(n) if offset is None else offset
    if p == 0:
        mu = np.exp(off)
        return np.zeros(0), mu, np.zeros((0, 0))
    if beta0 is None:
        beta, *_ = np.linalg.lstsq(X, np.log(y + 0.5) - off, rcond=None)
    else:
        beta = np.array(beta0, dtype=float)

    def objective(b):
        eta = X @ b + off
        if np.max(eta) > 700:
            return -np.inf, None
        mu = np.exp(eta)
        return float(np.sum(y * eta - mu)), mu

    ll, mu = objective(beta)
    if mu is None:
        beta, *_ = np.linalg.lstsq(X, np.log(y + 0.5) - off, rcond=None)
        ll, mu = objective(beta)
    for _ in range(max_iter):
        grad = X.T @ (y - mu)
        info = X.T @ (X * mu[:, None])
        try:
            step = np.linalg.solve(info, grad)
        except np.linalg.LinAlgError:
            step = np.linalg.lstsq(info, grad, rcond=None)[0]
        t = 1.0
        for _halving in range(60):
            new_beta = beta + t * step
            new_ll, new_mu = objective(new_beta)
            if new_mu is not None and new_ll >= ll - 1e-12 * max(1.0, abs(ll)):
                break
            t /= 2
        else:
            raise FitError("step halving failed")
        change = new_ll - ll
        beta, ll, mu = new_beta, new_ll, new_mu
        if abs(change) <= tol * max(1.0, abs(ll)) and np.max(np.abs(t * step)) < 1e-7:
            break
    else:
        raise FitError("no convergence")
    info = X.T @ (X * mu[:, None])
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


def fit_model(table: CaptureTable, terms=(), design: Design | None = None, start=None) -> Fit:
    import numpy as np

    d = design if design is not None else build_design(table, terms)
    beta, mu, info = newton_poisson(d.X, d.y, beta0=start)
    try:
        cov = np.linalg.inv(info)
    except np.linalg.LinAlgError:
        cov = np.linalg.pinv(info)
    rank = np.linalg.matrix_rank(d.X)
    ll = _poisson_loglik(d.y, mu)
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
    ll = _poisson_loglik(d.y, fitted)
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
        df_resid=int(len(d.y) - np.linalg.matrix_rank(d.X)),
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
    return _poisson_loglik(d.y, mu), beta


def full_table_loglik(fit: Fit, n0: float) -> float:
    """Max Poisson log-likelihood of the complete table with `n0` cases in the all-zero cell."""
    import numpy as np

    d = fit.design
    X = np.vstack([np.eye(1, d.X.shape[1]), d.X])
    y = np.concatenate([[n0], d.y])
    beta, mu, _ = newton_poisson(X, y, beta0=fit.coef)
    return _poisson_loglik(y, mu)
