"""Small numerical functions of the estimate, written with the standard library only.

`scipy.stats` costs more than a second to import and `scipy.optimize`/`scipy.special` more than half a
second each on the machines this runs on; the estimate needs only a handful of their functions, so they
live here (tested against scipy in tests/estimate/test_numerics.py):

- `poisson_cdf`, `poisson_sf`: P(X <= k) and P(X >= k) for X ~ Poisson(mu), through the regularized
  incomplete gamma function (series below a + 1, continued fraction above; Numerical Recipes 6.2).
- `norm_cdf`, `norm_ppf`: the standard normal distribution (`math.erfc`; `statistics.NormalDist`'s
  inverse, Wichura's AS241).
- `chi2_1_ppf`: the quantile of chi-squared with one degree of freedom.
- `find_root`: Brent's method, as scipy's `brentq`, on a bracketing interval.
- `log_gamma`: `math.lgamma` over a sequence, as a numpy array.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from statistics import NormalDist

_STANDARD = NormalDist()
_EPS = 1e-16
_TINY = 1e-300


def _lower_series(a: float, x: float) -> float:
    """P(a, x) by its power series (converges fast for x < a + 1)."""
    term = total = 1.0 / a
    ap = a
    for _ in range(100_000):
        ap += 1.0
        term *= x / ap
        total += term
        if abs(term) < abs(total) * _EPS:
            break
    return total * math.exp(-x + a * math.log(x) - math.lgamma(a))


def _upper_fraction(a: float, x: float) -> float:
    """Q(a, x) by its continued fraction (modified Lentz; converges fast for x > a + 1)."""
    b = x + 1.0 - a
    c = 1.0 / _TINY
    d = 1.0 / b
    h = d
    for i in range(1, 100_000):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        if abs(d) < _TINY:
            d = _TINY
        c = b + an / c
        if abs(c) < _TINY:
            c = _TINY
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return math.exp(-x + a * math.log(x) - math.lgamma(a)) * h


def gamma_lower_regularized(a: float, x: float) -> float:
    """P(a, x) = gamma(a, x) / Gamma(a), a > 0."""
    if x <= 0:
        return 0.0
    if x < a + 1.0:
        return _lower_series(a, x)
    return 1.0 - _upper_fraction(a, x)


def gamma_upper_regularized(a: float, x: float) -> float:
    """Q(a, x) = 1 - P(a, x), computed without cancellation on the side where it is small."""
    if x <= 0:
        return 1.0
    if x < a + 1.0:
        return 1.0 - _lower_series(a, x)
    return _upper_fraction(a, x)


def poisson_cdf(k: int, mu: float) -> float:
    """P(X <= k) for X ~ Poisson(mu) (R's `ppois(k, mu)`)."""
    if k < 0:
        return 0.0
    if mu <= 0:
        return 1.0
    return gamma_upper_regularized(k + 1.0, mu)


def poisson_sf(k: int, mu: float) -> float:
    """P(X >= k) for X ~ Poisson(mu) (R's `ppois(k - 1, mu, lower.tail = FALSE)`)."""
    if k <= 0:
        return 1.0
    if mu <= 0:
        return 0.0
    return gamma_lower_regularized(float(k), mu)


def norm_cdf(z: float) -> float:
    """Phi(z) as 0.5 erfc(-z / sqrt 2), accurate in the lower tail too."""
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def norm_ppf(p: float) -> float:
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return _STANDARD.inv_cdf(p)


def chi2_1_ppf(level: float) -> float:
    """Quantile of chi-squared(1) at `level` (3.841... at 0.95)."""
    z = norm_ppf(0.5 + level / 2.0)
    return z * z


def find_root(
    fun: Callable[[float], float],
    a: float,
    b: float,
    xtol: float = 1e-10,
    rtol: float = 4 * 2.220446049250313e-16,
    maxiter: int = 200,
) -> float:
    """A root of `fun` in [a, b], where f(a) and f(b) differ in sign: Brent's method, step for step as
    scipy's `brentq` (scipy/optimize/Zeros/brentq.c)."""
    xpre, xcur = a, b
    fpre, fcur = fun(xpre), fun(xcur)
    if fpre == 0:
        return xpre
    if fcur == 0:
        return xcur
    if (fpre > 0) == (fcur > 0):
        raise ValueError("find_root: f(a) and f(b) must have different signs")
    xblk = fblk = spre = scur = 0.0
    for _ in range(maxiter):
        if fpre != 0 and fcur != 0 and ((fpre < 0) != (fcur < 0)):
            xblk, fblk = xpre, fpre
            spre = scur = xcur - xpre
        if abs(fblk) < abs(fcur):
            xpre, xcur, xblk = xcur, xblk, xcur
            fpre, fcur, fblk = fcur, fblk, fcur
        delta = (xtol + rtol * abs(xcur)) / 2
        sbis = (xblk - xcur) / 2
        if fcur == 0 or abs(sbis) < delta:
            return xcur
        if abs(spre) > delta and abs(fcur) < abs(fpre):
            if xpre == xblk:  # interpolate
                stry = -fcur * (xcur - xpre) / (fcur - fpre)
            else:  # extrapolate
                dpre = (fpre - fcur) / (xpre - xcur)
                dblk = (fblk - fcur) / (xblk - xcur)
                stry = -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre))
            if 2 * abs(stry) < min(abs(spre), 3 * abs(sbis) - delta):  # good short step
                spre, scur = scur, stry
            else:  # bisect
                spre = scur = sbis
        else:  # bisect
            spre = scur = sbis
        xpre, fpre = xcur, fcur
        xcur += scur if abs(scur) > delta else (delta if sbis > 0 else -delta)
        fcur = fun(xcur)
    return xcur


def log_gamma(values: Iterable[float]):
    """`math.lgamma` of each value, as a float numpy array."""
    import numpy as np

    floats = np.asarray(values, dtype=float).ravel().tolist()  # Python floats: math.lgamma's fast path
    return np.array(list(map(math.lgamma, floats)), dtype=float)
