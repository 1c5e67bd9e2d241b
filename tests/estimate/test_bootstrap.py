"""SparseMSE's bootstrap (`--ci bca`): its pieces, and its published intervals within Monte Carlo error.

Published: Chan, Silverman & Vincent (2021), JASA 116, 1297-1306, section 4.2 (Western site data, stepwise
with p = 0.02): estimate 2483, BCa 95% interval (1293, 3670) from 1,000 bootstrap replicates (as quoted
in the MultipleSystemsEstimation vignette "Reproducing Chan, Silverman and Vincent (2021)"). R's random
numbers cannot be reproduced here, so the comparison is statistical: our limits with the same number of
replicates vary with the seed by their Monte Carlo error, and so did the published ones.
"""

import math
from pathlib import Path

import numpy as np
import pytest

from jaarcijfers.estimate.bootstrap import (
    MIN_BOOT,
    bca_interval,
    bca_limits,
    jackknife_acceleration,
    replicate_total,
    type8_quantiles,
)
from jaarcijfers.estimate.histories import CaptureTable, read_lists_csv
from jaarcijfers.estimate.selection import ModelKind, ModelSpec, stepwise

DATA = Path(__file__).resolve().parents[1] / "data" / "mse"
STEPWISE = ModelSpec(ModelKind.STEPWISE)
WESTERN_PUBLISHED = (1293.0, 3670.0)


def test_type8_is_numpys_median_unbiased_and_rs_infinity():
    rng = np.random.default_rng(3)
    for n in (1, 2, 7, 100, 1001):
        x = np.sort(rng.exponential(size=n))
        probs = np.array([0.0, 1e-5, 0.025, 0.3, 0.5, 0.975, 1 - 1e-5, 1.0])
        assert np.allclose(type8_quantiles(x, probs)[0], np.quantile(x, probs, method="median_unbiased"))
    x = np.array([1.0, 2.0, 3.0, math.inf, math.inf])
    q = type8_quantiles(x, [0.1, 0.7, 0.99])[0]
    assert q[0] == 1.0 and q[1] == math.inf and q[2] == math.inf


def test_bca_limits_follow_bcaconfvalues():
    rng = np.random.default_rng(4)
    reps = rng.lognormal(7, 0.3, size=999)
    est, a = 1100.0, 0.05
    lower, upper, z0 = bca_limits(reps, est, a, 0.95)
    from scipy.stats import norm

    z0_ref = norm.ppf(np.mean(reps < est))
    zq = [norm.cdf(z0_ref + (z0_ref + za) / (1 - a * (z0_ref + za))) for za in norm.ppf([0.025, 0.975])]
    ref = np.quantile(reps, zq, method="median_unbiased")
    assert z0 == pytest.approx(z0_ref)
    assert (lower, upper) == pytest.approx(tuple(ref))


def test_acceleration_equals_the_jackknife_over_individual_cases():
    """SparseMSE weights each distinct cell by its count; that is the ordinary delete-one jackknife over
    the individual cases (each case of a cell gives the same value)."""
    t = read_lists_csv(DATA / "korea_3.csv")

    def rule(rep):
        return replicate_total(rep, STEPWISE)

    a = jackknife_acceleration(t, rule)
    values = []
    for k, c in enumerate(t.counts):
        counts = list(t.counts)
        if c:
            counts[k] -= 1
            values.extend([rule(t.with_counts(counts))] * c)
    v = np.array(values)
    d = v.mean() - v
    assert a == pytest.approx(np.sum(d**3) / (6 * np.sum(d**2) ** 1.5), rel=1e-12)


def test_replicates_follow_sparsemse_where_lists_degenerate():
    t = CaptureTable(("A", "B", "C"), (10, 5, 3, 0, 0, 0, 0))  # C empty; B inside A-or-B only
    assert replicate_total(t, STEPWISE) == replicate_total(t.drop_lists([0, 1]), STEPWISE)
    every = CaptureTable(("A", "B"), (10, 0, 5))  # A holds every case: dark figure 0
    assert replicate_total(every, STEPWISE) == every.observed
    assert replicate_total(CaptureTable(("A", "B"), (0, 0, 0)), STEPWISE) == 0.0


def test_bca_is_deterministic_for_a_seed():
    t = read_lists_csv(DATA / "korea_3.csv")
    est = stepwise(t).estimate
    a = bca_interval(t, est, STEPWISE, n_boot=300, seed=5)
    b = bca_interval(t, est, STEPWISE, n_boot=300, seed=5)
    c = bca_interval(t, est, STEPWISE, n_boot=300, seed=6)
    assert a == b
    assert a.replicates != c.replicates
    assert min(a.replicates) >= t.observed
    assert a.lower <= est <= a.upper


@pytest.mark.slow
def test_default_number_of_replicates_makes_the_error_small():
    t = CaptureTable(("A", "B"), (300, 200, 60))  # Lincoln-Petersen: quick replicates
    res = bca_interval(t, stepwise(t).estimate, STEPWISE, seed=1)
    assert res.n_boot >= MIN_BOOT
    width = res.upper - res.lower
    assert max(res.lower_mcse, res.upper_mcse) <= 0.02 * width or res.warnings
    # the first replicates do not depend on how many are drawn
    fixed = bca_interval(t, res.estimate, STEPWISE, n_boot=MIN_BOOT, seed=1)
    assert res.replicates[:MIN_BOOT] == fixed.replicates


def test_western_published_interval_within_monte_carlo_error():
    """With the published number of replicates, each of our limits differs from the published one by less
    than three standard deviations of the difference of two independent Monte Carlo runs (each with the
    Monte Carlo error of ours)."""
    t = read_lists_csv(DATA / "western_5.csv")
    fit = stepwise(t)
    assert round(fit.estimate) == 2483 and fit.term_names() == ["A:E"]
    res = bca_interval(t, fit.estimate, STEPWISE, n_boot=1000, seed=1234)
    for ours, se, published in zip(
        (res.lower, res.upper), (res.lower_mcse, res.upper_mcse), WESTERN_PUBLISHED, strict=True
    ):
        assert abs(ours - published) <= 3 * math.sqrt(2) * se


@pytest.mark.slow
def test_western_published_interval_is_a_typical_1000_replicate_result():
    """20 independent runs of 1,000 replicates: the published limits lie within three standard deviations
    of the mean of ours (measured: lower 1213 +- 95, upper 3717 +- 87)."""
    t = read_lists_csv(DATA / "western_5.csv")
    fit = stepwise(t)
    res = bca_interval(t, fit.estimate, STEPWISE, n_boot=20_000, seed=7)
    reps = np.asarray(res.replicates)
    limits = np.array(
        [
            bca_limits(reps[k * 1000 : (k + 1) * 1000], fit.estimate, res.acceleration, 0.95)[:2]
            for k in range(20)
        ]
    )
    mean, sd = limits.mean(axis=0), limits.std(axis=0, ddof=1)
    assert np.all(np.abs(np.array(WESTERN_PUBLISHED) - mean) <= 3 * sd)
