"""The standard-library replacements of scipy's functions agree with scipy."""

import math

import numpy as np
import pytest
from scipy.optimize import brentq
from scipy.special import ndtr, ndtri, pdtr, pdtrc
from scipy.stats import chi2

from jaarcijfers.estimate import numerics as nm


def test_poisson_tails_agree_with_scipy():
    rng = np.random.default_rng(0)
    worst = 0.0
    for _ in range(5000):
        k = int(rng.integers(0, 3000))
        mu = float(np.exp(rng.uniform(-5, 9)))
        for ours, ref in (
            (nm.poisson_cdf(k, mu), pdtr(k, mu)),
            (nm.poisson_sf(k, mu), pdtrc(k - 1, mu) if k > 0 else 1.0),
        ):
            if ref > 1e-290:
                worst = max(worst, abs(ours - ref) / ref)
    assert worst < 1e-10


@pytest.mark.parametrize(("k", "mu"), [(0, 0.0), (3, 0.0), (0, 2.0), (-1, 2.0)])
def test_poisson_edges(k, mu):
    assert nm.poisson_cdf(k, mu) == pytest.approx(pdtr(k, mu) if k >= 0 else 0.0)
    assert nm.poisson_sf(k, mu) == pytest.approx(1.0 if k <= 0 else pdtrc(k - 1, mu))


def test_normal_and_chi2():
    for p in (1e-10, 0.025, 0.3, 0.5, 0.975, 1 - 1e-10):
        assert nm.norm_ppf(p) == pytest.approx(float(ndtri(p)), rel=1e-12, abs=1e-12)
    for z in (-8.0, -1.96, 0.0, 2.5):
        assert nm.norm_cdf(z) == pytest.approx(float(ndtr(z)), rel=1e-12, abs=1e-300)
    assert nm.norm_ppf(0.0) == -math.inf and nm.norm_ppf(1.0) == math.inf
    for level in (0.8, 0.95, 0.99):
        assert nm.chi2_1_ppf(level) == pytest.approx(float(chi2.ppf(level, 1)), rel=1e-12)


@pytest.mark.parametrize(
    ("f", "a", "b"),
    [
        (lambda x: x**3 - 2 * x - 5, 2.0, 3.0),
        (lambda x: math.exp(x) - 10.0, 0.0, 5.0),
        (lambda x: math.atan(x - 1e-3), -100.0, 50.0),
    ],
)
def test_find_root_is_brentq(f, a, b):
    assert nm.find_root(f, a, b, xtol=1e-10, rtol=1e-12) == brentq(f, a, b, xtol=1e-10, rtol=1e-12)


def test_find_root_needs_a_bracket():
    with pytest.raises(ValueError):
        nm.find_root(lambda x: x * x + 1, -1.0, 1.0)


def test_log_gamma():
    assert np.allclose(nm.log_gamma([1, 2.5, 1e6]), [math.lgamma(v) for v in (1, 2.5, 1e6)])
