"""The estimate under each approach side by side, and everything the report's section needs.

`compare_approaches(table)` computes, for one table of capture histories:

| approach | model choice | interval |
|---|---|---|
| stepwise | SparseMSE's stepwise method (p < 0.02) | BCa bootstrap that repeats the choice (bootstrap.py) |
| aic | the best model by AIC | profile likelihood, given that model |
| bic | the best model by BIC | profile likelihood, given that model |
| bma | average over all decomposable graphs (bma.py) | 95% credible interval |
| bic-top | the best model by BIC | BCa bootstrap choosing among the best models (topmodels.py) |

`report_estimate(con, year)` is the one call the report needs: the capture histories of the year, the
approaches, SparseMSE's method as the headline, lists without overlap and what the estimate then rests
on, and the label that marks the section as experimental (`result.ReportEstimate`). It raises a
UserError (Dutch) only when no estimate is possible at all (no registrations, fewer than two lists).

Cost on the demo delivery (six lists, 944 cases), one core: stepwise BCa about 20-40 s (the number of
replicates adapts to the Monte Carlo error), BMA about 0.6 s, the BIC bootstrap over 32 models with 2,000
replicates about 30 s.
"""

from __future__ import annotations

import math

from jaarcijfers.errors import UserError
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.loglinear import DarkFigure, FitError
from jaarcijfers.estimate.result import (
    NOT_BOUNDED,
    Approach,
    ApproachEstimate,
    Interval,
    IntervalKind,
    ReportEstimate,
    whole,
)
from jaarcijfers.estimate.selection import ModelCache, ModelKind, ModelSpec, search, stepwise
from jaarcijfers.estimate.warning_texts import CHOSEN, Code, warning

LEVEL = 0.95


def _unbounded(approach: Approach, terms: tuple[str, ...]) -> ApproachEstimate:
    return ApproachEstimate(approach, None, False, None, terms, status=NOT_BOUNDED)


def _failed(approach: Approach, reason: str) -> ApproachEstimate:
    return ApproachEstimate(approach, None, False, None, (), status=reason)


def _stepwise(table: CaptureTable, seed: int, n_boot: int | None, level: float) -> ApproachEstimate:
    from jaarcijfers.estimate.bootstrap import bca_interval

    fit = stepwise(table)
    terms = tuple(fit.term_names())
    if not fit.bounded:
        return _unbounded(Approach.STEPWISE, terms)
    boot = bca_interval(table, fit.estimate, ModelSpec(ModelKind.STEPWISE), level, n_boot, seed)
    interval = Interval.of(
        IntervalKind.BCA,
        level,
        boot.lower,
        boot.upper,
        lower_mcse=boot.lower_mcse,
        upper_mcse=boot.upper_mcse,
        n_boot=boot.n_boot,
        seed=seed,
    )
    note = f"{boot.n_boot} trekkingen; versnelling {boot.acceleration:.3f}, biascorrectie {boot.z0:.3f}"
    return ApproachEstimate(
        Approach.STEPWISE, fit.estimate, True, interval, terms, note=note, warnings=boot.warnings
    )


def _stepwise_profile(table: CaptureTable, level: float) -> ApproachEstimate:
    """SparseMSE's stepwise choice with the profile-likelihood interval given the chosen model: what a
    build computes (milliseconds instead of the bootstrap's minute; the interval leaves the uncertainty
    of the model choice out, and the report says so)."""
    from jaarcijfers.estimate.intervals import profile_interval

    fit = stepwise(table)
    terms = tuple(fit.term_names())
    if not fit.bounded:
        return _unbounded(Approach.STEPWISE, terms)
    lo, hi = profile_interval(fit, level) if fit.status is DarkFigure.EXISTS else (None, None)
    return ApproachEstimate(
        Approach.STEPWISE,
        fit.estimate,
        True,
        Interval.of(IntervalKind.PROFILE, level, lo, hi),
        terms,
        note="interval gegeven het gekozen model (zonder de onzekerheid van de modelkeuze)",
    )


def _criterion(table: CaptureTable, kind: str, cache: ModelCache, level: float) -> ApproachEstimate:
    from jaarcijfers.estimate.intervals import profile_interval

    approach = Approach(kind)
    try:
        fit = search(table, kind, cache)
    except FitError:
        return _failed(approach, "geen model voldoet aan de controles")
    terms = tuple(fit.term_names())
    lo, hi = profile_interval(fit, level) if fit.status is DarkFigure.EXISTS else (None, None)
    return ApproachEstimate(
        approach,
        fit.estimate,
        True,
        Interval.of(IntervalKind.PROFILE, level, lo, hi),
        terms,
        note="interval gegeven het gekozen model (zonder de onzekerheid van de modelkeuze)",
    )


def _bma(table: CaptureTable, level: float) -> ApproachEstimate:
    from jaarcijfers.estimate.bma import bma_posterior
    from jaarcijfers.estimate.graphs import MAX_ENUMERATED_LISTS

    if table.m > MAX_ENUMERATED_LISTS:
        return _failed(Approach.BMA, f"meer dan {MAX_ENUMERATED_LISTS} lijsten")
    post = bma_posterior(table, level=level)
    best = post.top[0]
    return ApproachEstimate(
        Approach.BMA,
        post.median,
        True,
        Interval.of(IntervalKind.CREDIBLE, level, post.lower, post.upper),
        best.edges,
        model_probability=best.probability,
        note=(
            f"mediaan van de posterior, gemiddeld over {whole(post.n_graphs)} grafen; waarschijnlijkste "
            f"graaf (kans {best.probability:.2f}) geeft {whole(best.median)}"
        ),
        warnings=post.warnings,
    )


def _bic_top(table: CaptureTable, seed: int, n_boot: int | None, ntop: int | None, level: float, cache):
    from jaarcijfers.estimate.topmodels import DEFAULT_BOOT, top_models_bca

    try:
        top = top_models_bca(table, "bic", ntop, level, n_boot or DEFAULT_BOOT, seed, cache)
    except FitError:
        return _failed(Approach.BIC_TOP, "geen model voldoet aan de controles")
    row = top.final
    interval = Interval.of(
        IntervalKind.BCA,
        level,
        row.lower,
        row.upper,
        lower_mcse=row.lower_mcse,
        upper_mcse=row.upper_mcse,
        n_boot=top.n_boot,
        seed=seed,
    )
    return ApproachEstimate(
        Approach.BIC_TOP,
        top.estimate,
        True,
        interval,
        top.model_terms,
        note=f"bootstrap kiest uit de {row.ntop} beste modellen volgens BIC; {top.n_boot} trekkingen",
        warnings=top.warnings,
    )


def compare_approaches(
    table: CaptureTable,
    seed: int = 1,
    n_boot: int | None = None,
    ntop: int | None = None,
    level: float = LEVEL,
) -> tuple[ApproachEstimate, ...]:
    """The estimate under each approach (the table in the module docstring), for a tidied table."""
    cache = ModelCache(table)
    return (
        _stepwise(table, seed, n_boot, level),
        _criterion(table, "aic", cache, level),
        _criterion(table, "bic", cache, level),
        _bma(table, level),
        _bic_top(table, seed, n_boot, ntop, level, cache),
    )


def quick_approaches(table: CaptureTable, level: float = LEVEL) -> tuple[ApproachEstimate, ...]:
    """The approaches without resampling: stepwise, AIC and BIC, each with the profile interval given
    its model, and Bayesian model averaging over the decomposable graphs (its posterior is computed, not
    sampled). About 0.2 s without and 0.8 s with the averaging on the demo delivery's six lists
    (CPU, measured with `time.process_time`; docs/performance.md, "Fourth round"); the bootstraps are left to `jaarcijfers estimate --approaches`.
    The averaging (numpy, which leaves Python's lock while it computes) runs in a thread of its own beside
    the model searches (Python)."""
    from concurrent.futures import ThreadPoolExecutor

    cache = ModelCache(table)
    with ThreadPoolExecutor(max_workers=1) as beside:
        averaged = beside.submit(_bma, table, level)
        searched = (
            _stepwise_profile(table, level),
            _criterion(table, "aic", cache, level),
            _criterion(table, "bic", cache, level),
        )
        return (*searched, averaged.result())


def report_estimate(
    con,
    year: int,
    seed: int = 1,
    n_boot: int | None = None,
    ntop: int | None = None,
    level: float = LEVEL,
    resample: bool = True,
) -> ReportEstimate:
    """Everything the report's section on the hidden number needs, for a reporting year. `resample`
    False: the approaches without resampling (`quick_approaches`), what `build` computes."""
    table, notes = capture_table(con, year)
    return report_from_table(table, notes, year, seed, n_boot, ntop, level, resample)


def capture_table(con, year: int) -> tuple[CaptureTable, tuple[str, ...]]:
    """The year's capture histories over the lists that can be used (`checks.tidy_lists`) and the notes
    about them (Dutch): the part of `report_estimate` that reads the delivery."""
    from jaarcijfers.estimate.checks import tidy_lists
    from jaarcijfers.estimate.delivery import histories_for_year

    table, notes = histories_for_year(con, year)
    reduced, dropped = tidy_lists(table)
    if reduced.m < 2:
        raise UserError(
            f"Te weinig bruikbare lijsten in {year} (minstens twee nodig); een schatting is niet mogelijk."
        )
    return reduced, tuple(notes) + tuple(dropped)


def report_from_table(
    reduced: CaptureTable,
    notes: tuple[str, ...],
    year: int,
    seed: int = 1,
    n_boot: int | None = None,
    ntop: int | None = None,
    level: float = LEVEL,
    resample: bool = True,
) -> ReportEstimate:
    """`report_estimate` after the delivery was read (`capture_table`): needs no connection, so it can run
    in a process of its own (`estimate.apart`)."""
    from jaarcijfers.estimate.checks import overlap_warnings
    from jaarcijfers.estimate.run import isolated_rows

    rows = (
        compare_approaches(reduced, seed, n_boot, ntop, level)
        if resample
        else quick_approaches(reduced, level)
    )
    isolated = isolated_rows(reduced, CHOSEN[0])
    warnings = overlap_warnings(reduced) + [r.explanation for r in isolated]
    estimates = [r.estimate for r in rows if r.estimate is not None and math.isfinite(r.estimate)]
    if len(estimates) > 1 and max(estimates) > 1.5 * min(estimates):
        warnings.append(warning(Code.METHODS_DIFFER))
    return ReportEstimate(
        year=year,
        observed=reduced.observed,
        lists=reduced.lists,
        headline=rows[0],
        sensitivity=rows,
        isolated=isolated,
        warnings=tuple(warnings),
        notes=notes,
        seed=seed,
    )
