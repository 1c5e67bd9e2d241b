"""Confidence intervals for the population size.

- `profile_interval`: profile likelihood of the Poisson log-linear model for the intercept
  (log of the dark figure): all b0 with 2 (l_max - l_p(b0)) <= chi2_1(level). The interval for the
  total is observed + exp(b0) at the two ends.
- `multinomial_profile_interval`: the profile likelihood interval of Rcapture's `closedpCI`
  (Cormack 1992): the multinomial likelihood of the complete table, profiled over the population
  size N (continuous), with the model parameters maximised for each N.
- `wald_interval`: SparseMSE's `estimatepopulation.0`: normal on the log of the dark figure.
- the bootstrap intervals live in `bootstrap` (they repeat the model selection).
"""

from __future__ import annotations

import math

from jaarcijfers.estimate.loglinear import Fit, FitError, full_table_loglik, profile_loglik_dark
from jaarcijfers.estimate.numerics import chi2_1_ppf, find_root, norm_ppf


def chi2_crit(level: float) -> float:
    return chi2_1_ppf(level)


def _find_root(fun, a: float, b: float) -> float:
    return find_root(fun, a, b, xtol=1e-10, rtol=1e-12, maxiter=200)


def profile_interval(fit: Fit, level: float = 0.95) -> tuple[float, float]:
    crit = chi2_crit(level)
    b_hat = fit.log_dark
    l_hat = fit.loglik
    start = {"beta": fit.coef[1:].copy()}

    def g(b: float) -> float:
        try:
            ll, beta = profile_loglik_dark(fit, b, start=start["beta"])
        except FitError:
            ll, beta = profile_loglik_dark(fit, b)
        start["beta"] = beta
        return 2 * (l_hat - ll) - crit

    se = fit.se_log_dark if math.isfinite(fit.se_log_dark) and fit.se_log_dark > 0 else 1.0
    n = fit.table.observed

    def search(direction: int) -> float:
        start["beta"] = fit.coef[1:].copy()
        step = max(se, 1e-3)
        prev = b_hat
        for _ in range(80):
            b = prev + direction * step
            if direction < 0 and b < -50:
                return -math.inf
            if direction > 0 and b - b_hat > 60:
                return math.inf
            try:
                val = g(b)
            except FitError:
                return math.inf if direction > 0 else -math.inf
            if val > 0:
                start["beta"] = fit.coef[1:].copy()
                lo, hi = (b, prev) if direction < 0 else (prev, b)
                return _find_root(g, lo, hi)
            prev = b
            step *= 1.6
        return math.inf if direction > 0 else -math.inf

    b_lo = search(-1)
    b_hi = search(+1)
    lower = n + (math.exp(b_lo) if math.isfinite(b_lo) else 0.0)
    upper = n + math.exp(b_hi) if math.isfinite(b_hi) and b_hi < 700 else math.inf
    return lower, upper


def multinomial_profile(fit: Fit):
    """Profile multinomial log-likelihood of N: l(N) = max Poisson loglik of the complete table + log N! + N - N log N."""
    n = fit.table.observed

    def ll(N: float) -> float:
        n0 = N - n
        return full_table_loglik(fit, n0) + math.lgamma(N + 1) + N - N * math.log(N)

    return ll


def multinomial_profile_interval(fit: Fit, level: float = 0.95) -> tuple[float, float, float]:
    """(N_hat, lower, upper) of the multinomial profile likelihood (as Rcapture's closedpCI)."""
    from scipy.optimize import minimize_scalar

    n = fit.table.observed
    crit = chi2_crit(level)
    ll = multinomial_profile(fit)
    dark = fit.dark
    # bracket the maximum on log(n0)
    res = minimize_scalar(
        lambda u: -ll(n + math.exp(u)),
        bracket=(math.log(max(dark, 1e-6)) - 0.5, math.log(max(dark, 1e-6))),
        tol=1e-12,
    )
    n_hat = n + math.exp(res.x)
    l_max = -res.fun

    def g(u: float) -> float:
        return 2 * (l_max - ll(n + math.exp(u))) - crit

    def search(direction: int) -> float:
        prev = res.x
        step = 0.05
        for _ in range(200):
            u = prev + direction * step
            if direction < 0 and u < -30:
                return -math.inf
            if direction > 0 and u > 40:
                return math.inf
            if g(u) > 0:
                lo, hi = (u, prev) if direction < 0 else (prev, u)
                return _find_root(g, lo, hi)
            prev = u
            step *= 1.5
        return math.inf if direction > 0 else -math.inf

    u_lo, u_hi = search(-1), search(+1)
    lower = n + (math.exp(u_lo) if math.isfinite(u_lo) else 0.0)
    upper = n + math.exp(u_hi) if math.isfinite(u_hi) else math.inf
    return n_hat, lower, upper


def wald_interval(fit: Fit, level: float = 0.95) -> tuple[float, float]:
    """SparseMSE `estimatepopulation.0`: observed + exp(qnorm(q, b0, se(b0)))."""
    z = norm_ppf(0.5 + level / 2)
    b, se = fit.log_dark, fit.se_log_dark
    n = fit.table.observed
    return n + math.exp(b - z * se), n + math.exp(min(b + z * se, 700.0))
