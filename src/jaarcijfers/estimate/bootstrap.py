"""Bootstrap intervals that repeat the model selection in every replicate, with Monte Carlo errors.

`bca` -- SparseMSE's own interval (`estimatepopulation`, Chan, Silverman & Vincent 2021, section 3.3):

- replicates: multinomial resamples of the observed counts (the observed total n, cell probabilities
  n_k / n; empty cells stay empty), each put through the same model rule as the data (stepwise,
  AIC, BIC, main effects or fixed terms) -- `replicate_total`;
- acceleration a from the delete-one jackknife over the distinct positive cells, each weighted by its
  count: with J_k the estimate after removing one case from cell k and r_k = (sum_k n_k J_k / n) - J_k,
  a = sum_k n_k r_k^3 / (6 (sum_k n_k r_k^2)^(3/2));
- bias correction z0 = Phi^-1(share of replicates below the estimate);
- limits: the type-8 quantiles (R's `quantile(type = 8)`) of the replicates at
  Phi(z0 + (z0 + z_q) / (1 - a (z0 + z_q))) for q = (1 - level) / 2 and (1 + level) / 2.

`bootstrap` -- the parametric bootstrap: replicates drawn from the fitted model (the observed total
fixed), the same rule applied, the percentile interval (type-8 quantiles at the two levels).

A replicate in which the rule gives no finite estimate (the dark figure is not bounded) counts as +inf:
an interval whose limit falls among those is unbounded ("niet begrensd"). As SparseMSE leaves the lists
of a replicate alone, so does `replicate_total`, in the limit the Poisson fit takes: a list left empty
or identical to another one adds nothing (it is dropped), and a list holding every case of a replicate
makes the extended maximum likelihood estimate of the dark figure zero (the replicate total is n).

Monte Carlo standard error of each limit: the replicate totals are resampled with replacement (500
times, a separate seeded stream), z0 and the limits are recomputed (the acceleration comes from the
jackknife and has no Monte Carlo error), and the standard deviation of each limit over the resamples is
reported. With `n_boot=None` the number of replicates is chosen adaptively: starting from `MIN_BOOT`,
the number is doubled (the same stream for a seed: the first replicates do not depend on where it
stops) until both errors are at most `MCSE_TARGET` (2%) of the interval's width and at least `MIN_TAIL`
(10) replicates are expected beyond each limit -- unless reaching that takes more than `MAX_BOOT`.
A BCa limit can sit far out in the tail (Western data: the lower limit at the 0.0075% point, the
smallest of 1,000 replicates); it is then reported with a warning that it and its Monte Carlo error,
which resampling underestimates for the extreme replicates, are uncertain.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from jaarcijfers.estimate.checks import existence_floor
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.loglinear import Fit, FitError
from jaarcijfers.estimate.numerics import norm_cdf, norm_ppf
from jaarcijfers.estimate.selection import ModelKind, ModelSpec, select
from jaarcijfers.estimate.warning_texts import BOUNDS, Code, warning

CHUNK = 1000
MIN_BOOT = 2000
MAX_BOOT = 8000
MCSE_TARGET = 0.02
MIN_TAIL = 10
MCSE_RESAMPLES = 500
_FUZZ = 4 * 2.220446049250313e-16

Rule = Callable[[CaptureTable], float]


class BootstrapKind(StrEnum):
    BCA = "bca"
    PARAMETRIC = "bootstrap"


@dataclass(frozen=True)
class BootstrapInterval:
    kind: BootstrapKind
    level: float
    estimate: float
    lower: float
    upper: float
    lower_mcse: float
    upper_mcse: float
    n_boot: int
    n_unbounded: int  # replicates without a finite estimate (counted as +inf)
    seed: int
    z0: float | None = None  # BCa only
    acceleration: float | None = None  # BCa only
    lower_tail: float = 0.0  # expected number of replicates beyond the lower limit (B times its level)
    upper_tail: float = 0.0
    warnings: tuple[str, ...] = ()
    replicates: tuple[float, ...] = field(default=(), repr=False)


# ---------------------------------------------------------------- the rule applied to a replicate


def _informative(rep: CaptureTable) -> CaptureTable | None:
    """The replicate without empty and duplicated lists; None when a list holds every case."""
    n = rep.observed
    keep: list[int] = []
    seen: set[tuple[int, ...]] = set()
    for j in range(rep.m):
        column = tuple(c if (k >> j) & 1 else 0 for k, c in enumerate(rep.counts, start=1))
        total = sum(column)
        if total == n:
            return None
        if total == 0 or column in seen:
            continue
        seen.add(column)
        keep.append(j)
    return rep if len(keep) == rep.m else rep.drop_lists(keep)


def replicate_total(rep: CaptureTable, spec: ModelSpec) -> float:
    """The total the rule `spec` gives for a replicate table (+inf when it is not bounded)."""
    n = rep.observed
    if n == 0:
        return 0.0
    reduced = _informative(rep)
    if reduced is None:
        return float(n)  # extended MLE: the dark figure is 0 when one list holds every case
    if reduced.m < 2:
        return math.inf
    rspec = spec
    if spec.kind is ModelKind.FIXED:
        kept = set(reduced.lists)
        rspec = ModelSpec(ModelKind.FIXED, tuple((a, b) for a, b in spec.names if a in kept and b in kept))
    try:
        fit = select(reduced, rspec)
    except FitError:
        return math.inf
    return fit.estimate


def rule_of(spec: ModelSpec) -> Rule:
    return lambda rep: replicate_total(rep, spec)


# ---------------------------------------------------------------- quantiles and limits


def type8_quantiles(sorted_x, probs):
    """R's `quantile(x, probs, type = 8)` of a sorted sample (rows of a 2-d array, each sorted), with R's
    handling of infinite values: an interpolation towards +inf is +inf."""
    import numpy as np

    x = np.atleast_2d(np.asarray(sorted_x, dtype=float))
    probs = np.atleast_1d(np.asarray(probs, dtype=float))
    n = x.shape[1]
    nppm = 1.0 / 3.0 + probs * (n + 1.0 / 3.0)
    j = np.floor(nppm + _FUZZ).astype(int)
    h = nppm - j
    h = np.where(np.abs(h) < _FUZZ, 0.0, h)
    padded = np.concatenate([x[:, :1], x[:, :1], x, x[:, -1:], x[:, -1:]], axis=1)
    lo = padded[:, j + 1]  # R's x[j + 2] (1-based)
    hi = padded[:, j + 2]  # R's x[j + 3]
    out = np.where(h == 1.0, hi, lo)
    other = (h > 0) & (h < 1) & (lo != hi)
    with np.errstate(invalid="ignore"):
        interp = (1 - h) * lo + h * hi
    interp = np.where(np.isinf(hi) & (h > 0), hi, interp)
    out = np.where(other, interp, out)
    return out


def _share_below(sorted_reps, estimate: float):
    """The share of replicates strictly below the estimate, per row."""
    import numpy as np

    x = np.atleast_2d(sorted_reps)
    share = (x < estimate).mean(axis=1)
    return share


def _bca_probs(share, acceleration: float, level: float, n_boot: int):
    """Adjusted quantile levels of the BCa limits, one row per share."""
    import numpy as np

    # a share of 0 or 1 makes z0 infinite: keep it half a replicate inside (documented)
    share = np.clip(share, 0.5 / n_boot, 1 - 0.5 / n_boot)
    z0 = np.array([norm_ppf(float(p)) for p in np.atleast_1d(share)])
    out = []
    for q in ((1 - level) / 2, (1 + level) / 2):
        za0 = z0 + norm_ppf(q)
        out.append([norm_cdf(float(v)) for v in z0 + za0 / (1 - acceleration * za0)])
    return np.array(out).T, z0


def bca_levels(estimate: float, acceleration: float, level: float):
    """`probs_of` for BCa: the adjusted quantile levels of each row of sorted replicate totals."""

    def probs_of(sorted_rows):
        probs, _ = _bca_probs(_share_below(sorted_rows, estimate), acceleration, level, sorted_rows.shape[1])
        return probs

    return probs_of


def bca_limits(replicates: Sequence[float], estimate: float, acceleration: float, level: float):
    """(lower, upper, z0) of SparseMSE's `bcaconfvalues`."""
    import numpy as np

    x = np.sort(np.asarray(replicates, dtype=float))
    probs, z0 = _bca_probs(_share_below(x, estimate), acceleration, level, len(x))
    lower, upper = (float(v) for v in type8_quantiles(x, probs[0])[0])
    return lower, upper, float(z0[0])


def limits_at(sorted_rows, probs_of):
    """The two limits of each row (sorted replicate totals) at the levels `probs_of` gives for it."""
    import numpy as np

    probs = probs_of(sorted_rows)
    return np.array([type8_quantiles(row[None, :], p)[0] for row, p in zip(sorted_rows, probs, strict=True)])


def monte_carlo_errors(replicates, seed: int, probs_of) -> tuple[float, float]:
    """Standard deviations of the two limits over resamples of the replicate totals: 0 when a limit is
    +inf in every resample, +inf when it is infinite in some only."""
    import numpy as np

    x = np.asarray(replicates, dtype=float)
    rng = np.random.default_rng([seed, 0x6D637365])  # a stream of its own
    values = []
    for start in range(0, MCSE_RESAMPLES, 100):
        rows = min(100, MCSE_RESAMPLES - start)
        sample = np.sort(x[rng.integers(0, len(x), size=(rows, len(x)))], axis=1)
        values.append(limits_at(sample, probs_of))
    out = []
    for col in np.vstack(values).T:
        if np.all(np.isinf(col)):
            out.append(0.0)
        elif not np.all(np.isfinite(col)):
            out.append(math.inf)
        else:
            out.append(float(np.std(col, ddof=1)))
    return out[0], out[1]


# ---------------------------------------------------------------- the two bootstraps


@dataclass(frozen=True)
class _Draws:
    replicates: list[float]
    lower: float
    upper: float
    lower_mcse: float
    upper_mcse: float
    lower_tail: float  # expected number of replicates below the lower limit (B times its level)
    upper_tail: float


def _run(table: CaptureTable, probs, rule: Rule, n_boot: int | None, seed: int, probs_of) -> _Draws:
    """Replicates (adaptively many when n_boot is None), the limits, their Monte Carlo errors."""
    import numpy as np

    rng = np.random.default_rng(seed)
    reps: list[float] = []
    target = n_boot if n_boot is not None else MIN_BOOT
    while True:
        with existence_floor(table):
            while len(reps) < target:
                size = min(CHUNK, target - len(reps))
                for counts in rng.multinomial(table.observed, probs, size=size):
                    reps.append(rule(table.with_counts(counts)))
        x = np.sort(np.asarray(reps, dtype=float))[None, :]
        levels = probs_of(x)[0]
        lower, upper = (float(v) for v in limits_at(x, probs_of)[0])
        lo_se, hi_se = monte_carlo_errors(reps, seed, probs_of)
        draws = _Draws(
            reps, lower, upper, lo_se, hi_se, len(reps) * float(levels[0]), len(reps) * (1 - float(levels[1]))
        )
        if n_boot is not None or len(reps) >= MAX_BOOT:
            return draws
        width = upper - lower
        precise = not math.isfinite(width) or max(lo_se, hi_se) <= MCSE_TARGET * width
        # replicates needed for MIN_TAIL beyond each limit; not pursued when out of reach
        needed = max(MIN_TAIL * len(reps) / max(tail, 1e-12) for tail in (draws.lower_tail, draws.upper_tail))
        if precise and (needed <= len(reps) or needed > MAX_BOOT):
            return draws
        target = min(MAX_BOOT, 2 * len(reps))


def _tail_warnings(draws: _Draws) -> list[str]:
    out = []
    for name, tail in zip(BOUNDS, (draws.lower_tail, draws.upper_tail), strict=True):
        if tail < MIN_TAIL:
            out.append(warning(Code.BOOT_TAIL, bound=name, tail=f"{tail:.1f}", total=len(draws.replicates)))
    return out


def jackknife_acceleration(table: CaptureTable, rule: Rule) -> float:
    """SparseMSE's acceleration: delete-one jackknife over the positive cells, weighted by their counts."""
    weights, values = [], []
    with existence_floor(table):
        for k, c in enumerate(table.counts):
            if c > 0:
                counts = list(table.counts)
                counts[k] -= 1
                weights.append(c)
                values.append(rule(table.with_counts(counts)))
    if not all(math.isfinite(v) for v in values):
        return math.nan
    n = sum(weights)
    mean = sum(w * v for w, v in zip(weights, values, strict=True)) / n
    r = [mean - v for v in values]
    s2 = sum(w * d * d for w, d in zip(weights, r, strict=True))
    if s2 <= 0:
        return 0.0
    return sum(w * d**3 for w, d in zip(weights, r, strict=True)) / (6 * s2**1.5)


def bca_interval(
    table: CaptureTable,
    estimate: float,
    spec: ModelSpec,
    level: float = 0.95,
    n_boot: int | None = None,
    seed: int = 1,
) -> BootstrapInterval:
    """SparseMSE's BCa interval (`estimatepopulation`) for the total under the rule `spec`."""
    import numpy as np

    rule = rule_of(spec)
    warnings: list[str] = []
    accel = jackknife_acceleration(table, rule)
    if not math.isfinite(accel):
        warnings.append(warning(Code.BCA_ACCELERATION))
        accel = 0.0
    probs = np.asarray(table.counts, dtype=float) / table.observed

    draws = _run(table, probs, rule, n_boot, seed, bca_levels(estimate, accel, level))
    reps = draws.replicates
    share = float(np.mean(np.asarray(reps) < estimate))
    if share in (0.0, 1.0):
        warnings.append(warning(Code.BCA_ONE_SIDE))
    z0 = norm_ppf(min(max(share, 0.5 / len(reps)), 1 - 0.5 / len(reps)))
    return BootstrapInterval(
        kind=BootstrapKind.BCA,
        level=level,
        estimate=estimate,
        lower=draws.lower,
        upper=draws.upper,
        lower_mcse=draws.lower_mcse,
        upper_mcse=draws.upper_mcse,
        n_boot=len(reps),
        n_unbounded=sum(1 for v in reps if not math.isfinite(v)),
        seed=seed,
        z0=z0,
        acceleration=accel,
        lower_tail=draws.lower_tail,
        upper_tail=draws.upper_tail,
        warnings=tuple(warnings + _tail_warnings(draws)),
        replicates=tuple(reps),
    )


def parametric_interval(
    fit: Fit,
    spec: ModelSpec,
    level: float = 0.95,
    n_boot: int | None = None,
    seed: int = 1,
) -> BootstrapInterval:
    """Percentile interval of the parametric bootstrap: replicates drawn from the fitted model (the
    number observed fixed), the rule `spec` applied to each."""
    import numpy as np

    table = fit.table
    means = np.zeros(len(table.counts))
    means[fit.design.cells] = fit.fitted
    probs = means / means.sum()

    levels = [(1 - level) / 2, (1 + level) / 2]

    def probs_of(sorted_rows):
        return np.tile(levels, (sorted_rows.shape[0], 1))

    draws = _run(table, probs, rule_of(spec), n_boot, seed, probs_of)
    reps = draws.replicates
    return BootstrapInterval(
        kind=BootstrapKind.PARAMETRIC,
        level=level,
        estimate=fit.estimate,
        lower=draws.lower,
        upper=draws.upper,
        lower_mcse=draws.lower_mcse,
        upper_mcse=draws.upper_mcse,
        n_boot=len(reps),
        n_unbounded=sum(1 for v in reps if not math.isfinite(v)),
        seed=seed,
        lower_tail=draws.lower_tail,
        upper_tail=draws.upper_tail,
        warnings=tuple(_tail_warnings(draws)),
        replicates=tuple(reps),
    )
