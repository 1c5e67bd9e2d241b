"""Model choice: main effects, the stepwise method of SparseMSE, AIC/BIC search, fixed terms.

Stepwise (Chan, Silverman & Vincent 2021; SparseMSE `stepwisefit`): start from main effects; for each
two-list term not yet in the model, compute the one-sided Poisson p-value of the observed overlap
n*_ij (cases on both lists) given its expectation under the current model,
p = min(P(X <= n*), P(X >= n*)), X ~ Poisson(sum of fitted means of the cells containing both
lists); a term whose addition would make the MLE not exist or the model not identifiable gets p = 1.
Add the term with the smallest p (the first on ties) while p < threshold (0.02).

AIC/BIC search: hierarchical models with main effects and a subset of the m(m-1)/2 two-list terms.
Up to `EXHAUSTIVE_MAX_PAIRS` pairs (five lists: 1024 models) every model is fitted. With more pairs
(six lists: 32,768 models) all models with at most two terms are fitted, and a greedy search that
adds or removes one term at a time is run from the best of those and from the stepwise model until no
single change improves the criterion. Models that fail the existence or identifiability check are
skipped. AIC counts a term with an empty overlap as a parameter (as SparseMSE); BIC uses log(number
of observed cases).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from jaarcijfers.estimate.checks import check_model, fit_checked
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.loglinear import (
    DarkFigure,
    Fit,
    FitError,
    all_pairs,
    build_design,
    fit_model,
    normalise_terms,
    warm_start,
)
from jaarcijfers.estimate.numerics import poisson_cdf, poisson_sf

PTHRESH = 0.02
EXHAUSTIVE_MAX_PAIRS = 10
SEARCH_SEEDS = 5


class ModelKind(StrEnum):
    MAIN = "main"
    STEPWISE = "stepwise"
    AIC = "aic"
    BIC = "bic"
    BMA = "bma"  # Bayesian model averaging over decomposable graphs (bma.py), not a single log-linear model
    FIXED = "fixed"


MODEL_CHOICES = "main, stepwise, aic, bic, bma of termen zoals 'A:E,B:C'"


@dataclass(frozen=True)
class ModelSpec:
    """What the user asked for; `names` are the two-list terms of a fixed model."""

    kind: ModelKind
    names: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        if self.kind is ModelKind.FIXED:
            return ",".join(f"{a}:{b}" for a, b in self.names) or "main"
        return self.kind.value


def parse_model_spec(text: str) -> ModelSpec:
    from jaarcijfers.errors import UserError

    t = (text or "").strip()
    low = t.lower()
    if low in {k.value for k in ModelKind if k is not ModelKind.FIXED}:
        return ModelSpec(ModelKind(low))
    if not t:
        raise UserError(f"--model is leeg; kies {MODEL_CHOICES}.")
    names = []
    for part in t.split(","):
        bits = [b.strip() for b in part.split(":")]
        if len(bits) != 2 or not all(bits):
            raise UserError(f"Ongeldige modelterm '{part.strip()}': gebruik {MODEL_CHOICES}.")
        if bits[0] == bits[1]:
            raise UserError(
                f"Ongeldige modelterm '{part.strip()}': een term verbindt twee verschillende lijsten."
            )
        names.append((bits[0], bits[1]))
    return ModelSpec(ModelKind.FIXED, tuple(names))


def resolve_terms(table: CaptureTable, names) -> tuple[tuple[int, int], ...]:
    from jaarcijfers.errors import UserError

    index = {n: j for j, n in enumerate(table.lists)}
    out = []
    for a, b in names:
        missing = [x for x in (a, b) if x not in index]
        if missing:
            raise UserError(
                f"Onbekende lijst in modelterm '{a}:{b}': {', '.join(missing)} (lijsten: {', '.join(table.lists)})."
            )
        out.append((index[a], index[b]))
    return normalise_terms(out)


def poisson_pvalue(observed: int, mean: float) -> float:
    """SparseMSE's one-sided p-value: min(P(X <= n*), P(X >= n*)), X ~ Poisson(mean).

    The tail on the side of the observation is the smaller one except near the median; it is computed
    first, and the other only when the first is not clearly small."""
    if mean <= 0:
        return 1.0
    if observed >= mean:
        p = poisson_sf(observed, mean)
        return min(p, poisson_cdf(observed, mean)) if p > 0.25 else p
    p = poisson_cdf(observed, mean)
    return min(p, poisson_sf(observed, mean)) if p > 0.25 else p


def stepwise(table: CaptureTable, pthresh: float = PTHRESH) -> Fit:
    """SparseMSE's `stepwisefit`. Like SparseMSE it starts from main effects without checking them; when
    their MLE does not exist, the extended fit (`checks.fit_checked`) gives the fitted means.

    SparseMSE checks every candidate and gives a failing one p = 1 before taking the smallest p (the first
    on ties); checking the candidates in order of (p, position) and taking the first that passes chooses
    the same term with one or two linear programs instead of one per candidate."""
    pairs = all_pairs(table.m)
    nstar = [table.overlap(i, j) for i, j in pairs]
    terms: list[tuple[int, int]] = []
    fit = fit_checked(table, ())
    if pthresh <= 0:
        return fit
    included = [False] * len(pairs)
    H = table.histories()
    for _ in range(len(pairs)):
        Hk = H[fit.design.cells]
        candidates = []
        for j, (a, b) in enumerate(pairs):
            if not included[j]:
                pstar = float((fit.fitted * Hk[:, a] * Hk[:, b]).sum())
                candidates.append((poisson_pvalue(nstar[j], pstar), j))
        chosen = -1
        for p, j in sorted(candidates):
            if p >= pthresh or p >= 1.0:
                break
            if check_model(table, (*terms, pairs[j])) == 0:
                chosen = j
                break
        if chosen < 0:
            return fit
        terms.append(pairs[chosen])
        included[chosen] = True
        design = build_design(table, terms)
        start = warm_start(fit, design) if fit.status is DarkFigure.EXISTS else None
        fit = fit_model(table, terms, design=design, start=start)
    return fit


def criterion(fit: Fit, kind: str) -> float:
    return fit.aic if kind == "aic" else fit.bic


class ModelCache:
    """Fits of one table, keyed by terms; None when the model fails the checks or the fit fails.

    `get(terms, verify=False)` skips the linear program (only the cheap rank check is done): the
    search ranks models that way and verifies existence for the winner, trying the next best until
    one passes, so only a few linear programs are solved per search.
    """

    def __init__(self, table: CaptureTable):
        self.table = table
        self.fits: dict[tuple, Fit | None] = {}
        self.verified: dict[tuple, bool] = {}

    def get(self, terms, verify: bool = True) -> Fit | None:
        from jaarcijfers.estimate.linalg import column_rank

        key = normalise_terms(terms)
        if key not in self.fits:
            fit = None
            design = build_design(self.table, key)
            p = design.X.shape[1]
            if column_rank(design.X) == p:
                try:
                    fit = fit_model(self.table, key, design=design, rank=p)
                except FitError:
                    fit = None
                if fit is not None and not (math.isfinite(fit.log_dark) and fit.log_dark < 700):
                    fit = None
            self.fits[key] = fit
        fit = self.fits[key]
        if fit is None or not verify:
            return fit
        if key not in self.verified:
            self.verified[key] = check_model(self.table, key) == 0
        return fit if self.verified[key] else None


def _explore(
    table: CaptureTable, kind: str, cache: ModelCache, exhaustive_max_pairs: int = EXHAUSTIVE_MAX_PAIRS
) -> dict[tuple, float]:
    """Criterion values of the models the search considers (see the module docstring), by terms."""
    pairs = all_pairs(table.m)
    ranked: dict[tuple, float] = {}

    def consider(terms) -> float:
        fit = cache.get(terms, verify=False)
        if fit is None:
            return math.inf
        value = criterion(fit, kind)
        ranked[fit.terms] = value
        return value

    if len(pairs) <= exhaustive_max_pairs:
        for size in range(len(pairs) + 1):
            for terms in combinations(pairs, size):
                consider(terms)
        return ranked
    scored = []
    for size in range(3):
        for terms in combinations(pairs, size):
            scored.append((consider(terms), normalise_terms(terms)))
    scored.sort()
    starts = [t for v, t in scored[:SEARCH_SEEDS] if math.isfinite(v)]
    try:
        starts.append(stepwise(table).terms)
    except FitError:
        pass
    for start in starts:
        current = set(start)
        value = consider(current)
        while True:
            moves = [current | {p} for p in pairs if p not in current] + [current - {p} for p in current]
            scored_moves = [(consider(mv), normalise_terms(mv)) for mv in moves]
            v, mv = min(scored_moves)
            if v < value - 1e-9:
                current, value = set(mv), v
            else:
                break
    return ranked


def _in_order(ranked: dict[tuple, float]) -> list[tuple]:
    """Terms by criterion, then number of terms, then the terms themselves (a fixed order for ties)."""
    return [t for _v, _size, t in sorted((v, len(t), t) for t, v in ranked.items() if math.isfinite(v))]


def search(table: CaptureTable, kind: str, cache: ModelCache | None = None) -> Fit:
    """Best model by AIC or BIC (see module docstring)."""
    cache = cache or ModelCache(table)
    for terms in _in_order(_explore(table, kind, cache)):
        fit = cache.get(terms, verify=True)
        if fit is not None:
            return fit
    raise FitError("no model passes the checks")


def ranked_models(
    table: CaptureTable,
    kind: str,
    ntop: int | None,
    cache: ModelCache | None = None,
    exhaustive_max_pairs: int = EXHAUSTIVE_MAX_PAIRS,
) -> list[Fit]:
    """The `ntop` best models by AIC or BIC that pass both checks, best first (all of them when ntop is
    None). Up to five lists every model is ranked. With six or more the ranking starts from the models
    the search visited and then adds the neighbours (one term more or less) of the current best `ntop`
    models until that set no longer changes: a local search, exact when the best models are connected
    through such steps, as they were in every case we compared with the full ranking."""
    cache = cache or ModelCache(table)
    ranked = _explore(table, kind, cache, exhaustive_max_pairs)
    pairs = all_pairs(table.m)

    def best() -> list[Fit]:
        out: list[Fit] = []
        for terms in _in_order(ranked):
            fit = cache.get(terms, verify=True)
            if fit is not None:
                out.append(fit)
                if ntop is not None and len(out) == ntop:
                    break
        return out

    top = best()
    if len(pairs) <= exhaustive_max_pairs:
        return top
    expanded: set[tuple] = set()
    while True:
        for fit in top:
            if fit.terms in expanded:
                continue
            expanded.add(fit.terms)
            current = set(fit.terms)
            for p in pairs:
                move = normalise_terms(current ^ {p})
                if move not in ranked:
                    candidate = cache.get(move, verify=False)
                    ranked[move] = criterion(candidate, kind) if candidate is not None else math.inf
        new_top = best()
        if [f.terms for f in new_top] == [f.terms for f in top]:
            return top
        top = new_top


def select(table: CaptureTable, spec: ModelSpec, cache: ModelCache | None = None) -> Fit:
    """The model chosen by the rule (its extended fit when its MLE does not exist)."""
    if spec.kind is ModelKind.MAIN:
        return fit_checked(table, ())
    if spec.kind is ModelKind.STEPWISE:
        return stepwise(table)
    if spec.kind in (ModelKind.AIC, ModelKind.BIC):
        return search(table, spec.kind.value, cache)
    if spec.kind is ModelKind.FIXED:
        return fit_checked(table, resolve_terms(table, spec.names))
    raise ValueError(f"{spec.kind} does not select one log-linear model")
