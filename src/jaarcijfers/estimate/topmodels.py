"""BIC model choice with a bootstrap over the best models (Silverman, Chan & Vincent 2024, Statistics and
Computing 34:44; the BIC method of MultipleSystemsEstimation 1.3.2, `vary_ntop_bca`).

- The models are the hierarchical models with main effects and any set of two-list terms (maximum order
  2) that pass the existence and identifiability checks on the data, ranked by BIC (or AIC) on the data
  (`selection.ranked_models`). The estimate is the best model's.
- Bootstrap: multinomial resamples of the observed counts (as `bootstrap.bca_interval`); in each, every
  one of the `ntop` best models that passes the existence check on the resample is fitted, and the
  resample's estimate for "the best k models" is that of the model with the smallest criterion among
  the first k in the data's ranking (for every k = 1 .. ntop from the same fits). A resample in which
  none of the first k models can be fitted has no value for k and is left out, as in the package.
- Jackknife: the same for each positive cell with one case removed; the acceleration for each k as in
  SparseMSE (weighted by the cell counts); no value when a deletion leaves no model.
- BCa limits for each k with the estimate from the data (`bootstrap.bca_limits`), and Monte Carlo
  errors by resampling the bootstrap values (`bootstrap`'s method).

`ntop` defaults to all admissible models up to 32 (every model of three lists; for four lists
MultipleSystemsEstimation uses 20, for five and six 100): the intervals for k = 1 .. ntop show whether
the inference has settled as more models are admitted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from jaarcijfers.estimate.bootstrap import bca_levels, limits_at, monte_carlo_errors
from jaarcijfers.estimate.checks import check_model, existence_floor
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.loglinear import Fit, FitError, build_design, fit_model, term_names, warm_start
from jaarcijfers.estimate.selection import ModelCache, criterion, ranked_models
from jaarcijfers.estimate.warning_texts import Code, warning

DEFAULT_NTOP = 32
DEFAULT_BOOT = 2000


@dataclass(frozen=True)
class TopRow:
    """BCa interval when the bootstrap chooses among the `ntop` best models."""

    ntop: int
    lower: float | None
    upper: float | None
    lower_mcse: float | None
    upper_mcse: float | None
    acceleration: float | None
    n_used: int  # resamples with a value


@dataclass(frozen=True)
class TopModelsResult:
    kind: str  # "bic" or "aic"
    level: float
    estimate: float
    model_terms: tuple[str, ...]
    models: tuple[tuple[str, ...], ...]  # the ntop models, best first
    criteria: tuple[float, ...]
    estimates: tuple[float, ...]  # each model's estimate on the data
    rows: tuple[TopRow, ...]
    n_boot: int
    seed: int
    warnings: tuple[str, ...] = ()
    replicates: tuple[tuple[float, ...], ...] = field(default=(), repr=False)  # per k, per resample

    @property
    def final(self) -> TopRow:
        return self.rows[-1]


def _values(table: CaptureTable, counts, models: list[Fit], kind: str) -> list[tuple[float, float]]:
    """(estimate, criterion) of each model on a resample; (nan, inf) when it cannot be fitted."""
    rep = table.with_counts(counts)
    n = rep.observed
    out = []
    for model in models:
        if n == 0 or check_model(rep, model.terms) != 0:
            out.append((math.nan, math.inf))
            continue
        design = build_design(rep, model.terms)
        start = warm_start(model, design)
        try:
            fit = fit_model(rep, model.terms, design=design, start=start)
        except FitError:
            out.append((math.nan, math.inf))
            continue
        out.append((fit.estimate, criterion(fit, kind)))
    return out


def _cumulative(values: list[tuple[float, float]]) -> list[float]:
    """For k = 1 .. K: the estimate of the best (smallest criterion) of the first k models."""
    best, est, out = math.inf, math.nan, []
    for value, crit in values:
        if math.isfinite(crit) and crit < best:
            best, est = crit, value
        out.append(est)
    return out


def _acceleration(counts: tuple[int, ...], jack: list[list[float]], k: int) -> float | None:
    weights, values = [], []
    for c, row in zip((c for c in counts if c > 0), jack, strict=True):
        weights.append(c)
        values.append(row[k])
    if not all(math.isfinite(v) for v in values):
        return None
    n = sum(weights)
    mean = sum(w * v for w, v in zip(weights, values, strict=True)) / n
    r = [mean - v for v in values]
    s2 = sum(w * d * d for w, d in zip(weights, r, strict=True))
    if s2 <= 0:
        return None
    return sum(w * d**3 for w, d in zip(weights, r, strict=True)) / (6 * s2**1.5)


def _bca_row(values, estimate: float, accel: float, level: float, seed: int):
    """(lower, upper, lower_mcse, upper_mcse) from the bootstrap values of one k."""
    import numpy as np

    x = np.sort(np.asarray([v for v in values if math.isfinite(v)], dtype=float))
    if len(x) == 0:
        return None, None, None, None
    probs_of = bca_levels(estimate, accel, level)
    lower, upper = (float(v) for v in limits_at(x[None, :], probs_of)[0])
    lo_se, hi_se = monte_carlo_errors(x, seed, probs_of)
    return lower, upper, lo_se, hi_se


def top_models_bca(
    table: CaptureTable,
    kind: str = "bic",
    ntop: int | None = None,
    level: float = 0.95,
    n_boot: int = DEFAULT_BOOT,
    seed: int = 1,
    cache: ModelCache | None = None,
) -> TopModelsResult:
    """The estimate of the best model by `kind` and BCa intervals for choosing among the k best models,
    k = 1 .. ntop (see the module docstring)."""
    import numpy as np

    cache = cache or ModelCache(table)
    models = ranked_models(table, kind, ntop if ntop is not None else DEFAULT_NTOP, cache)
    if not models:
        raise FitError("no model passes the checks")
    estimate = models[0].estimate
    counts = table.counts
    probs = np.asarray(counts, dtype=float) / table.observed
    rng = np.random.default_rng(seed)
    with existence_floor(table):
        boot = [
            _cumulative(_values(table, c, models, kind))
            for c in rng.multinomial(table.observed, probs, size=n_boot)
        ]
        jack = []
        for k, c in enumerate(counts):
            if c > 0:
                reduced = list(counts)
                reduced[k] -= 1
                jack.append(_cumulative(_values(table, reduced, models, kind)))
    rows = []
    per_k = []
    for k in range(len(models)):
        values = [b[k] for b in boot]
        per_k.append(tuple(values))
        accel = _acceleration(counts, jack, k)
        used = sum(1 for v in values if math.isfinite(v))
        if accel is None:
            rows.append(TopRow(k + 1, None, None, None, None, None, used))
            continue
        lower, upper, lo_se, hi_se = _bca_row(values, estimate, accel, level, seed)
        rows.append(TopRow(k + 1, lower, upper, lo_se, hi_se, accel, used))
    warnings = []
    if len(models) < (ntop or DEFAULT_NTOP) and ntop is not None:
        warnings.append(warning(Code.FEW_MODELS, n=len(models)))
    return TopModelsResult(
        kind=kind,
        level=level,
        estimate=estimate,
        model_terms=tuple(term_names(table, models[0].terms)),
        models=tuple(tuple(term_names(table, m.terms)) for m in models),
        criteria=tuple(criterion(m, kind) for m in models),
        estimates=tuple(m.estimate for m in models),
        rows=tuple(rows),
        n_boot=n_boot,
        seed=seed,
        warnings=tuple(warnings),
        replicates=tuple(per_k),
    )
