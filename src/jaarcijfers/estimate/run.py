"""The estimate of the hidden number for one table of capture histories, and for a reporting year.

Public API:
- `estimate_histories(table, model="stepwise", ci=None, seed=1, ...) -> EstimateResult`
- `estimate_for_year(con, year, stratum=None, ...) -> EstimateResult | dict[str, EstimateResult | str]`
- `histories_for_year`, `latest_year`, `open_connection` (delivery.py)
- the approaches side by side and the report's section: approaches.py; the command: display.py.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from jaarcijfers.errors import UserError
from jaarcijfers.estimate.checks import (
    check_model,
    describe_error,
    fit_checked,
    isolated_lists,
    overlap_warnings,
    tidy_lists,
)
from jaarcijfers.estimate.delivery import (  # noqa: F401  (re-exported: the public API of this module)
    REPORTERS,
    STRATA,
    csv_connection,
    histories_for_year,
    latest_year,
    open_connection,
)
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.loglinear import DarkFigure, Fit, FitError, all_pairs, term_names
from jaarcijfers.estimate.result import (
    NOT_BOUNDED,
    EstimateResult,
    IntervalKind,
    IsolatedList,
    ModelRow,
    finite_or_none,
    whole,
)
from jaarcijfers.estimate.selection import (
    MODEL_CHOICES,
    ModelCache,
    ModelKind,
    ModelSpec,
    parse_model_spec,
    search,
    select,
    stepwise,
)
from jaarcijfers.estimate.warning_texts import CHOSEN, NO_REASON, Code, warning

LEVEL = 0.95
CI_CHOICES = tuple(k.value for k in IntervalKind if k is not IntervalKind.CREDIBLE)
EXIT_NOT_BOUNDED = 3  # `jaarcijfers estimate` exits with this status when the estimate is not bounded


# ---------------------------------------------------------------- lists without overlap


def _apart(table: CaptureTable, j: int) -> tuple[tuple[int, int], ...]:
    """Terms that keep list j apart: every pair (j, other), all with an empty overlap (parameter -inf)."""
    return tuple((min(j, k), max(j, k)) for k in range(table.m) if k != j)


def isolated_rows(table: CaptureTable, chosen: str) -> tuple[IsolatedList, ...]:
    """For each list that shares no case with another: the estimate with it kept apart and what the
    estimate rests on (Dutch)."""
    out = []
    if table.m == 2 and table.overlap(0, 1) == 0:
        a, b = table.lists
        text = warning(Code.TWO_LISTS_APART, a=a, b=b)
        totals = table.list_totals()
        return tuple(IsolatedList(name, totals[name], None, text) for name in (a, b))
    for j in isolated_lists(table):
        name = table.lists[j]
        cases = table.list_totals()[name]
        others = ", ".join(n for k, n in enumerate(table.lists) if k != j)
        try:
            fit = fit_checked(table, _apart(table, j))
            apart = fit.estimate if fit.bounded else None
        except FitError:
            apart = None
        out.append(
            IsolatedList(
                name=name,
                cases=cases,
                estimate_apart=apart,
                explanation=warning(
                    Code.ISOLATED,
                    name=name,
                    chosen=chosen,
                    n=cases,
                    others=others,
                    apart=whole(apart) if apart is not None else NOT_BOUNDED,
                ),
            )
        )
    return tuple(out)


# ---------------------------------------------------------------- the model table


def _row(label: str, fit: Fit | None, status: str = "ok") -> ModelRow:
    from jaarcijfers.estimate.intervals import profile_interval

    if fit is None:
        return ModelRow(label, (), None, None, None, None, None, None, None, status)
    terms = tuple(fit.term_names())
    if not fit.bounded:
        return ModelRow(
            label, terms, None, None, None, fit.aic, fit.bic, fit.deviance, fit.df_resid, NOT_BOUNDED
        )
    lo = hi = None
    if fit.status is DarkFigure.EXISTS:
        try:
            lo, hi = profile_interval(fit, LEVEL)
        except (FitError, ValueError, ArithmeticError):
            lo = hi = None
    return ModelRow(
        model=label,
        terms=terms,
        estimate=fit.estimate,
        ci_lower=finite_or_none(lo),
        ci_upper=finite_or_none(hi),
        aic=fit.aic,
        bic=fit.bic,
        deviance=fit.deviance,
        df=fit.df_resid,
        status=status if fit.status is DarkFigure.EXISTS else "op de rand (uitgebreide MLE)",
    )


def model_rows(
    table: CaptureTable, chosen: Fit | None, cache: ModelCache | None = None
) -> tuple[ModelRow, ...]:
    """The estimate under candidate models: the chosen one (if any), main effects, stepwise, AIC, BIC,
    each single term, all pairs, and each list without overlap kept apart."""
    cache = cache or ModelCache(table)
    rows: list[ModelRow] = []
    seen: set[tuple] = set()

    def add(label: str, terms=None, fit: Fit | None = None, always: bool = False) -> None:
        if fit is None:
            ierr = check_model(table, terms)
            if ierr:
                rows.append(ModelRow.failed(label, tuple(term_names(table, terms)), describe_error(ierr)))
                return
            fit = cache.get(terms)
            if fit is None:
                rows.append(ModelRow.failed(label, tuple(term_names(table, terms)), "model niet te schatten"))
                return
        if fit.terms in seen and not always:
            return
        seen.add(fit.terms)
        rows.append(_row(label, fit))

    if chosen is not None:
        add("gekozen", fit=chosen)
    add("main", fit=fit_checked(table, ()))
    for label, finder in (
        ("stepwise", lambda: stepwise(table)),
        ("aic", lambda: search(table, "aic", cache)),
        ("bic", lambda: search(table, "bic", cache)),
    ):
        try:
            add(label, fit=finder())
        except FitError:
            rows.append(ModelRow.failed(label, (), "geen geldig model"))
    for pair in all_pairs(table.m):
        add("één term", terms=(pair,))
    add("alle paren", terms=all_pairs(table.m))
    for j in isolated_lists(table):
        add(f"{table.lists[j]} apart", fit=fit_checked(table, _apart(table, j)), always=True)
    return tuple(rows)


# ---------------------------------------------------------------- one table


def _resolve_ci(ci: str | None, spec: ModelSpec) -> IntervalKind:
    if spec.kind is ModelKind.BMA:
        if ci not in (None, IntervalKind.CREDIBLE.value):
            raise UserError(
                "Bij --model bma hoort een geloofwaardigheidsinterval uit de posterior; laat --ci weg."
            )
        return IntervalKind.CREDIBLE
    if ci is None:
        return IntervalKind.PROFILE
    if ci not in CI_CHOICES:
        raise UserError(f"Onbekende --ci '{ci}': kies {', '.join(CI_CHOICES)}.")
    return IntervalKind(ci)


def _prepare(table: CaptureTable, spec: ModelSpec) -> tuple[CaptureTable, list[str]]:
    if table.observed == 0:
        raise UserError("Er zijn geen waarnemingen; een schatting is niet mogelijk.")
    reduced, warnings = tidy_lists(table)
    if reduced.m < 2:
        raise UserError(
            "Te weinig bruikbare lijsten (minstens twee lijsten met overlap nodig); een schatting is niet mogelijk."
        )
    if spec.kind is ModelKind.FIXED:
        dropped = {n for n in table.lists if n not in reduced.lists}
        bad = [f"{a}:{b}" for a, b in spec.names if a in dropped or b in dropped]
        if bad:
            raise UserError(f"Modelterm verwijst naar een weggelaten lijst: {', '.join(bad)}.")
    return reduced, list(warnings) + overlap_warnings(reduced)


def _estimate_bma(reduced: CaptureTable, warnings: list[str], sensitivity: bool) -> EstimateResult:
    from jaarcijfers.estimate.bma import bma_posterior
    from jaarcijfers.estimate.graphs import MAX_ENUMERATED_LISTS

    if reduced.m > MAX_ENUMERATED_LISTS:
        raise UserError(
            f"Modelmiddeling over decomposeerbare grafen kan met ten hoogste {MAX_ENUMERATED_LISTS} lijsten "
            f"(hier {reduced.m}); kies een ander --model."
        )
    post = bma_posterior(reduced, level=LEVEL)
    best = post.top[0]
    isolated = isolated_rows(reduced, CHOSEN[1])
    warnings = list(dict.fromkeys([*warnings, *(row.explanation for row in isolated)]))
    rows = model_rows(reduced, None) if sensitivity else ()
    return EstimateResult(
        observed=reduced.observed,
        estimate=post.median,
        bounded=True,
        ci_lower=finite_or_none(post.lower),
        ci_upper=finite_or_none(post.upper),
        ci_upper_bounded=math.isfinite(post.upper),
        ci_method=IntervalKind.CREDIBLE.value,
        ci_level=LEVEL,
        model=ModelKind.BMA.value,
        model_terms=best.edges,
        lists=reduced.lists,
        dark_figure=post.median - reduced.observed,
        se_estimate=None,
        aic=None,
        bic=None,
        deviance=None,
        df=None,
        warnings=tuple(warnings) + post.warnings,
        isolated=isolated,
        sensitivity=rows,
        details={
            "n_graphs": post.n_graphs,
            "delta": post.delta,
            "prior_n": post.prior,
            "mode": post.mode,
            "bayes_estimate": post.bayes,
            "graphs": [
                {"edges": list(g.edges), "probability": g.probability, "median": g.median} for g in post.top
            ],
        },
    )


def estimate_histories(
    table: CaptureTable,
    model: str = "stepwise",
    ci: str | None = None,
    seed: int = 1,
    n_boot: int | None = None,
    ntop: int | None = None,
    sensitivity: bool = True,
) -> EstimateResult:
    """Estimate the total population (observed + dark figure) from a table of capture histories.

    `ci` None means the profile interval (the credible interval for `model="bma"`). With `ci="bca"` and
    `model` aic or bic the bootstrap chooses among the `ntop` best models (topmodels.py); with the other
    models it repeats the model rule (bootstrap.py). `n_boot` None: the number of replicates is chosen
    so that the Monte Carlo errors are small (bootstrap.py). A result with `bounded` False has no number.
    """
    spec = parse_model_spec(model)
    kind = _resolve_ci(ci, spec)
    reduced, warnings = _prepare(table, spec)
    if spec.kind is ModelKind.BMA:
        return _estimate_bma(reduced, warnings, sensitivity)
    cache = ModelCache(reduced)
    try:
        fit = select(reduced, spec, cache)
    except FitError:
        raise UserError(
            "Geen enkel model voldoet aan de controles; een schatting is niet mogelijk."
        ) from None
    ierr = check_model(reduced, fit.terms)
    isolated = isolated_rows(reduced, spec.label)
    warnings = list(dict.fromkeys([*warnings, *(row.explanation for row in isolated)]))
    rows = model_rows(reduced, fit, cache) if sensitivity else ()
    common: dict[str, Any] = dict(
        observed=reduced.observed,
        ci_method=kind.value,
        ci_level=LEVEL,
        model=spec.label,
        model_terms=tuple(fit.term_names()),
        lists=reduced.lists,
        aic=fit.aic,
        bic=fit.bic,
        deviance=fit.deviance,
        df=fit.df_resid,
        isolated=isolated,
        sensitivity=rows,
    )
    if not fit.bounded:
        warnings.append(warning(Code.UNBOUNDED, reason=describe_error(ierr) or NO_REASON))
        return EstimateResult(
            estimate=None,
            bounded=False,
            ci_lower=None,
            ci_upper=None,
            ci_upper_bounded=False,
            dark_figure=None,
            se_estimate=None,
            status=NOT_BOUNDED,
            warnings=tuple(warnings),
            **common,
        )
    if fit.status is DarkFigure.BOUNDARY:
        warnings.append(warning(Code.BOUNDARY, reason=describe_error(ierr)))
    lo, hi, extra = _interval(reduced, fit, kind, spec, seed, n_boot, ntop, warnings)
    if hi is not None and not math.isfinite(hi):
        warnings.append(warning(Code.UPPER_UNBOUNDED))
    if fit.estimate > 20 * reduced.observed:
        warnings.append(warning(Code.LARGE))
    return EstimateResult(
        estimate=fit.estimate,
        bounded=True,
        ci_lower=finite_or_none(lo),
        ci_upper=finite_or_none(hi),
        ci_upper_bounded=hi is None or math.isfinite(hi),
        dark_figure=fit.dark,
        se_estimate=finite_or_none(fit.se_estimate),
        warnings=tuple(warnings),
        **common,
        **extra,
    )


def _interval(
    reduced: CaptureTable,
    fit: Fit,
    kind: IntervalKind,
    spec: ModelSpec,
    seed: int,
    n_boot: int | None,
    ntop: int | None,
    warnings: list[str],
) -> tuple[float | None, float | None, dict[str, Any]]:
    from jaarcijfers.estimate.intervals import multinomial_profile_interval, profile_interval, wald_interval

    if kind in (IntervalKind.PROFILE, IntervalKind.MULTINOMIAL, IntervalKind.WALD):
        if fit.status is not DarkFigure.EXISTS:
            return None, None, {}
        if kind is IntervalKind.PROFILE:
            lo, hi = profile_interval(fit, LEVEL)
        elif kind is IntervalKind.MULTINOMIAL:
            _, lo, hi = multinomial_profile_interval(fit, LEVEL)
        else:
            lo, hi = wald_interval(fit, LEVEL)
        return lo, hi, {}
    if kind is IntervalKind.BCA and spec.kind in (ModelKind.AIC, ModelKind.BIC):
        from jaarcijfers.estimate.topmodels import DEFAULT_BOOT, top_models_bca

        top = top_models_bca(reduced, spec.kind.value, ntop, LEVEL, n_boot or DEFAULT_BOOT, seed)
        warnings.extend(top.warnings)
        row = top.final
        extra = {
            "ci_lower_mcse": row.lower_mcse,
            "ci_upper_mcse": row.upper_mcse,
            "n_boot": top.n_boot,
            "seed": seed,
            "details": {
                "ntop": [
                    {"ntop": r.ntop, "ci_lower": r.lower, "ci_upper": r.upper, "used": r.n_used}
                    for r in top.rows
                ],
                "models": [list(m) for m in top.models],
            },
        }
        return row.lower, row.upper, extra
    from jaarcijfers.estimate.bootstrap import bca_interval, parametric_interval

    if kind is IntervalKind.BCA:
        boot = bca_interval(reduced, fit.estimate, spec, LEVEL, n_boot, seed)
    else:
        boot = parametric_interval(fit, spec, LEVEL, n_boot, seed)
    warnings.extend(boot.warnings)
    if boot.n_unbounded:
        warnings.append(warning(Code.BOOT_UNBOUNDED, n=boot.n_unbounded, total=boot.n_boot))
    extra = {
        "ci_lower_mcse": finite_or_none(boot.lower_mcse),
        "ci_upper_mcse": finite_or_none(boot.upper_mcse),
        "n_boot": boot.n_boot,
        "seed": seed,
        "details": {"z0": boot.z0, "acceleration": boot.acceleration},
    }
    return boot.lower, boot.upper, extra


# ---------------------------------------------------------------- a reporting year


def estimate_for_year(
    con,
    year: int,
    stratum: str | None = None,
    model: str = "stepwise",
    ci: str | None = None,
    seed: int = 1,
    sensitivity: bool = True,
    n_boot: int | None = None,
    ntop: int | None = None,
    allow_unbounded: bool = False,
):
    """The estimate for a reporting year (or one per stratum value) from a warehouse connection.

    Without `allow_unbounded` an estimate that is not bounded raises a UserError (Dutch) instead of
    returning a result without a number, so that callers that need a number (the current report) show
    the reason instead."""
    if stratum is not None and stratum not in STRATA:
        raise UserError(f"Onbekende laag '{stratum}': kies {', '.join(STRATA)}.")
    tables, notes = histories_for_year(con, year, stratum)
    options: dict[str, Any] = dict(model=model, ci=ci, seed=seed, n_boot=n_boot, ntop=ntop)
    if stratum is None:
        res = _with_warnings(estimate_histories(tables, sensitivity=sensitivity, **options), notes)
        if not res.bounded and not allow_unbounded:
            raise UserError(
                f"De schatting van het verborgen aantal voor {year} is {NOT_BOUNDED}: "
                + " ".join(w for w in res.warnings if NOT_BOUNDED in w)
            )
        return res
    out: dict[str, EstimateResult | str] = {}  # a stratum without an estimate: the reason
    for key, table in tables.items():
        try:
            res = estimate_histories(table, sensitivity=False, **options)
        except UserError as exc:
            out[key] = exc.message
            continue
        out[key] = _with_warnings(res, notes)
    return out


def _with_warnings(res: EstimateResult, notes) -> EstimateResult:
    return replace(res, warnings=tuple(notes) + res.warnings) if notes else res


__all__ = [
    "CI_CHOICES",
    "EXIT_NOT_BOUNDED",
    "MODEL_CHOICES",
    "REPORTERS",
    "STRATA",
    "EstimateResult",
    "csv_connection",
    "estimate_for_year",
    "estimate_histories",
    "histories_for_year",
    "isolated_rows",
    "latest_year",
    "model_rows",
    "open_connection",
]
