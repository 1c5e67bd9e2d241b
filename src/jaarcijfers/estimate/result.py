"""The typed, frozen results of the estimate: what the command prints and what the report shows.

A hidden number that the data do not bound is never a number here: `estimate` is None and `bounded` is
False (status "niet begrensd"); an interval limit that is not bounded is None with `*_bounded` False.
`to_dict()` gives the JSON of `jaarcijfers estimate --json`: non-finite values are `null`, always next to
the explicit field that says why (`bounded`, `ci_upper_bounded`, ...).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class IntervalKind(StrEnum):
    PROFILE = "profile"  # profile likelihood, conditional on the chosen model
    MULTINOMIAL = "multinomial"  # Rcapture's multinomial profile likelihood of N
    WALD = "wald"  # SparseMSE's estimatepopulation.0: normal on log(dark figure)
    BCA = "bca"  # SparseMSE's bootstrap: resampled counts, model choice repeated, BCa
    PARAMETRIC = "bootstrap"  # parametric bootstrap, model choice repeated, percentile
    CREDIBLE = "credible"  # Bayesian model averaging: equal-tailed credible interval


INTERVAL_NAMES = {
    IntervalKind.PROFILE: "profielaannemelijkheid (gegeven het model)",
    IntervalKind.MULTINOMIAL: "multinomiale profielaannemelijkheid (gegeven het model)",
    IntervalKind.WALD: "log-normaal (Wald, gegeven het model)",
    IntervalKind.BCA: "BCa-bootstrap met herhaalde modelkeuze",
    IntervalKind.PARAMETRIC: "parametrische bootstrap met herhaalde modelkeuze",
    IntervalKind.CREDIBLE: "geloofwaardigheidsinterval (Bayesiaanse modelmiddeling)",
}


class Approach(StrEnum):
    """How the model is chosen: the rows of the sensitivity table."""

    STEPWISE = "stepwise"  # SparseMSE's stepwise choice, BCa bootstrap interval
    AIC = "aic"  # best model by AIC, profile interval given that model
    BIC = "bic"  # best model by BIC, profile interval given that model
    BMA = "bma"  # Bayesian model averaging over decomposable graphs (Madigan & York; dga)
    BIC_TOP = "bic-top"  # BIC choice with a bootstrap over the best models (MultipleSystemsEstimation)


APPROACH_NAMES = {
    Approach.STEPWISE: "stapsgewijs (SparseMSE)",
    Approach.AIC: "beste model volgens AIC",
    Approach.BIC: "beste model volgens BIC",
    Approach.BMA: "Bayesiaanse modelmiddeling (decomposeerbare grafen)",
    Approach.BIC_TOP: "BIC met bootstrap over de beste modellen",
}

NOT_BOUNDED = "niet begrensd"


def whole(x: float) -> str:
    """A number for a Dutch reader: the one formatter (`dutch.whole`: rounded half away from zero,
    '.' between thousands)."""
    from jaarcijfers.dutch import whole as dutch_whole

    return dutch_whole(x)


def finite_or_none(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None


@dataclass(frozen=True)
class Interval:
    kind: IntervalKind
    level: float
    lower: float | None  # None: not available
    upper: float | None  # None: not available or not bounded (see upper_bounded)
    upper_bounded: bool = True
    lower_mcse: float | None = None  # Monte Carlo standard errors (bootstrap intervals)
    upper_mcse: float | None = None
    n_boot: int | None = None
    seed: int | None = None

    @classmethod
    def of(
        cls, kind: IntervalKind, level: float, lower: float | None, upper: float | None, **extra
    ) -> Interval:
        bounded = upper is None or math.isfinite(upper)
        return cls(kind, level, finite_or_none(lower), finite_or_none(upper), bounded, **extra)


@dataclass(frozen=True)
class IsolatedList:
    """A list that shares no case with any other list, and what the estimate rests on without it."""

    name: str
    cases: int
    estimate_apart: float | None  # the estimate with the list kept apart; None when not bounded
    explanation: str  # Dutch


@dataclass(frozen=True)
class ApproachEstimate:
    """One row of the sensitivity table: the estimate under one approach."""

    approach: Approach
    estimate: float | None  # None: not bounded or not available (see status)
    bounded: bool
    interval: Interval | None
    model_terms: tuple[str, ...]  # BMA: the edges of the most probable graph
    model_probability: float | None = None  # BMA: posterior probability of that graph
    status: str = "ok"  # "ok", "niet begrensd" or a Dutch reason why there is no estimate
    note: str = ""  # Dutch
    warnings: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return APPROACH_NAMES[self.approach]


@dataclass(frozen=True)
class ModelRow:
    """The estimate under one candidate log-linear model (the model table of `jaarcijfers estimate`)."""

    model: str  # how the model was found: gekozen, main, stepwise, aic, bic, één term, alle paren, apart
    terms: tuple[str, ...]
    estimate: float | None
    ci_lower: float | None
    ci_upper: float | None
    aic: float | None
    bic: float | None
    deviance: float | None
    df: int | None
    status: str  # "ok", "niet begrensd" or a Dutch reason

    @classmethod
    def failed(cls, model: str, terms: tuple[str, ...], reason: str) -> ModelRow:
        """A candidate model that could not be fitted, with the reason in Dutch."""
        return cls(model, terms, None, None, None, None, None, None, None, reason)


@dataclass(frozen=True)
class EstimateResult:
    """The result of `jaarcijfers estimate` (one table of capture histories)."""

    observed: int
    estimate: float | None  # total (observed included); None when not bounded
    bounded: bool
    ci_lower: float | None
    ci_upper: float | None  # None when not available or not bounded (ci_upper_bounded)
    ci_upper_bounded: bool
    ci_method: str
    ci_level: float
    model: str
    model_terms: tuple[str, ...]
    lists: tuple[str, ...]
    dark_figure: float | None
    se_estimate: float | None
    aic: float | None
    bic: float | None
    deviance: float | None
    df: int | None
    status: str = "ok"  # "ok" or "niet begrensd"
    warnings: tuple[str, ...] = ()
    ci_lower_mcse: float | None = None
    ci_upper_mcse: float | None = None
    n_boot: int | None = None
    seed: int | None = None
    isolated: tuple[IsolatedList, ...] = ()
    sensitivity: tuple[ModelRow, ...] = field(default=(), repr=False)
    approaches: tuple[ApproachEstimate, ...] = field(default=(), repr=False)
    details: dict[str, Any] = field(default_factory=dict, repr=False)  # method-specific (BMA graphs, ...)

    def to_dict(self) -> dict:
        return json_safe(asdict(self))


def json_safe(obj):
    """JSON-ready copy: tuples become lists and non-finite floats null."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: json_safe(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [json_safe(v) for v in obj]
    return obj


@dataclass(frozen=True)
class ReportEstimate:
    """Everything the report's section on the hidden number needs (`approaches.report_estimate`).

    `headline` is SparseMSE's method (stepwise model choice, BCa bootstrap interval that repeats the
    choice); `sensitivity` holds the estimate under every approach side by side. The section is
    experimental: `label` says so in Dutch and must be shown with it."""

    year: int
    observed: int
    lists: tuple[str, ...]
    headline: ApproachEstimate
    sensitivity: tuple[ApproachEstimate, ...]
    isolated: tuple[IsolatedList, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]  # about the data (registrations without a reporter, lists left out)
    seed: int
    experimental: bool = True
    label: str = (
        "Experimenteel: de schatting van het verborgen aantal en de vergelijking van methoden zijn nieuw "
        "en nog niet getoetst aan de praktijk van de Nationaal Rapporteur."
    )

    def to_dict(self) -> dict:
        out = json_safe(asdict(self))
        for row, src in zip(out["sensitivity"], self.sensitivity, strict=True):
            row["label"] = src.label
        out["headline"]["label"] = self.headline.label
        return out
