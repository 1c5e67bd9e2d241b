"""BIC with a bootstrap over the best models (MultipleSystemsEstimation 1.3.2; Silverman, Chan & Vincent 2024).

Published: Silverman, Chan & Vincent (2024), Statistics and Computing 34:44, Table 3 (Korea data, three
lists, maximum order 2, 1,000 replicates), as quoted in the package vignette "Reproducing Silverman, Chan
and Vincent (2024)": BCa intervals when the bootstrap chooses among the best 1, 2 and all 6 models.
"""

import math
from pathlib import Path

import numpy as np
import pytest

from jaarcijfers.estimate.bootstrap import bca_limits
from jaarcijfers.estimate.histories import read_lists_csv
from jaarcijfers.estimate.selection import ModelCache, ranked_models
from jaarcijfers.estimate.topmodels import _cumulative, top_models_bca

DATA = Path(__file__).resolve().parents[1] / "data" / "mse"
# (ntop, level) -> published (lower, upper)
KOREA_PUBLISHED = {
    (1, 0.8): (136, 198),
    (1, 0.95): (131, 248),
    (2, 0.8): (135, 286),
    (2, 0.95): (130, 348),
    (6, 0.8): (135, 288),
    (6, 0.95): (128, 349),
}


def korea():
    return read_lists_csv(DATA / "korea_3.csv")


def test_korea_ranking_is_the_packages():
    """The six admissible models in the package's BIC order, with its estimates and BIC values."""
    r = top_models_bca(korea(), "bic", None, n_boot=100, seed=1)
    assert r.models == (("b:c", "c:d"), ("b:c",), ("b:d", "c:d"), ("c:d",), ("b:d",), ())
    assert [round(e, 4) for e in r.estimates[:2]] == [157.1667, 268.7778]
    assert [round(c, 5) for c in r.criteria[:2]] == [57.14081, 58.96860]
    assert round(r.estimate, 4) == 157.1667


@pytest.mark.parametrize("level", [0.8, 0.95])
def test_korea_published_intervals_within_monte_carlo_error(level):
    r = top_models_bca(korea(), "bic", None, level=level, n_boot=1000, seed=1234)
    for row in r.rows:
        key = (row.ntop, level)
        if key not in KOREA_PUBLISHED:
            continue
        for ours, se, published in zip(
            (row.lower, row.upper), (row.lower_mcse, row.upper_mcse), KOREA_PUBLISHED[key], strict=True
        ):
            # two independent Monte Carlo runs, and the published value rounded to a whole number
            assert abs(ours - published) <= 3 * math.sqrt(2) * se + 0.5, (key, ours, published)


@pytest.mark.slow
def test_korea_published_intervals_are_typical_1000_replicate_results():
    """20 runs of 1,000 replicates: every published limit within three standard deviations of our mean."""
    t = korea()
    runs: dict[tuple, list] = {}
    for seed in range(100, 120):
        r = top_models_bca(t, "bic", None, n_boot=1000, seed=seed)
        for row in r.rows:
            values = [v for v in r.replicates[row.ntop - 1] if math.isfinite(v)]
            for level in (0.8, 0.95):
                lo, hi, _ = bca_limits(values, r.estimate, row.acceleration, level)
                runs.setdefault((row.ntop, level), []).append((lo, hi))
    for key, published in KOREA_PUBLISHED.items():
        a = np.array(runs[key])
        mean, sd = a.mean(axis=0), a.std(axis=0, ddof=1)
        assert np.all(np.abs(np.array(published) - mean) <= 3 * sd + 0.5), (key, mean, sd)


def test_cumulative_best_of_the_first_k():
    nan = math.nan
    values = [(nan, math.inf), (300.0, 60.0), (200.0, 61.0), (150.0, 55.0)]
    assert [v if math.isfinite(v) else None for v in _cumulative(values)] == [None, 300.0, 300.0, 150.0]


def test_local_search_finds_the_exhaustive_ranking():
    """For six lists the best models are found by a local search; on five lists (1,024 models) it gives
    the same best 20 as ranking every model."""
    t = read_lists_csv(DATA / "western_5.csv")
    exhaustive = ranked_models(t, "bic", 20, ModelCache(t))
    local = ranked_models(t, "bic", 20, ModelCache(t), exhaustive_max_pairs=0)
    assert [f.terms for f in local] == [f.terms for f in exhaustive]


def test_top_models_is_deterministic_and_brackets_the_estimate():
    t = read_lists_csv(DATA / "western_5.csv")
    a = top_models_bca(t, "bic", 3, n_boot=150, seed=3)
    b = top_models_bca(t, "bic", 3, n_boot=150, seed=3)
    assert a == b
    assert len(a.rows) == 3
    assert a.final.lower <= a.estimate <= a.final.upper
