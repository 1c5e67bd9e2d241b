"""Model choice: main effects, the stepwise method of SparseMSE, AIC/BIC search, fixed terms; bootstrap.

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
from itertools import combinations

from jaarcijfers.estimate.checks import check_model, tidy_lists
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.loglinear import Fit, FitError, all_pairs, fit_model, normalise_terms

PTHRESH = 0.02
EXHAUSTIVE_MAX_PAIRS = 10
SEARCH_SEEDS = 5


@dataclass(frozen=True)
class ModelSpec:
    """What the user asked for: kind in {main, stepwise, aic, bic, fixed}; names for fixed terms."""

    kind: str
    names: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        if self.kind == "fixed":
            return ",".join(f"{a}:{b}" for a, b in self.names) or "main"
        return self.kind


def parse_model_spec(text: str) -> ModelSpec:
    from jaarcijfers.errors import UserError

    t = (text or "").strip()
    low = t.lower()
    if low in ("main", "stepwise", "aic", "bic"):
        return ModelSpec(low)
    if not t:
        raise UserError("--model is leeg; kies main, stepwise, aic, bic of termen zoals 'A:E,B:C'.")
    names = []
    for part in t.split(","):
        bits = [b.strip() for b in part.split(":")]
        if len(bits) != 2 or not all(bits):
            raise UserError(
                f"Ongeldige modelterm '{part.strip()}': gebruik main, stepwise, aic, bic of termen zoals 'A:E,B:C'."
            )
        if bits[0] == bits[1]:
            raise UserError(
                f"Ongeldige modelterm '{part.strip()}': een term verbindt twee verschillende lijsten."
            )
        names.append((bits[0], bits[1]))
    return ModelSpec("fixed", tuple(names))


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
    from scipy.stats import poisson

    if mean <= 0:
        return 1.0
    return float(min(poisson.cdf(observed, mean), poisson.sf(observed - 1, mean)))


def stepwise(table: CaptureTable, pthresh: float = PTHRESH) -> Fit:
    pairs = all_pairs(table.m)
    nstar = [table.overlap(i, j) for i, j in pairs]
    terms: list[tuple[int, int]] = []
    fit = fit_model(table, ())
    if pthresh <= 0:
        return fit
    included = [False] * len(pairs)
    H = table.histories()
    for _ in range(len(pairs)):
        Hk = H[fit.design.cells]
        best_p, best_j = 1.0, -1
        for j, (a, b) in enumerate(pairs):
            if included[j]:
                continue
            pstar = float((fit.fitted * Hk[:, a] * Hk[:, b]).sum())
            p = poisson_pvalue(nstar[j], pstar)
            if p < best_p and check_model(table, (*terms, (a, b))) > 0:
                p = 1.0
            if p < best_p:
                best_p, best_j = p, j
        if best_j < 0 or best_p >= pthresh:
            return fit
        terms.append(pairs[best_j])
        included[best_j] = True
        fit = fit_model(table, terms)
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
        import numpy as np

        from jaarcijfers.estimate.loglinear import build_design

        key = normalise_terms(terms)
        if key not in self.fits:
            fit = None
            design = build_design(self.table, key)
            if np.linalg.matrix_rank(design.X) == design.X.shape[1]:
                try:
                    fit = fit_model(self.table, key, design=design)
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


def search(table: CaptureTable, kind: str, cache: ModelCache | None = None) -> Fit:
    """Best model by AIC or BIC (see module docstring)."""
    cache = cache or ModelCache(table)
    pairs = all_pairs(table.m)
    ranked: dict[tuple, float] = {}

    def consider(terms) -> float:
        fit = cache.get(terms, verify=False)
        if fit is None:
            return math.inf
        value = criterion(fit, kind)
        ranked[fit.terms] = value
        return value

    if len(pairs) <= EXHAUSTIVE_MAX_PAIRS:
        for size in range(len(pairs) + 1):
            for terms in combinations(pairs, size):
                consider(terms)
    else:
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
    for _value, _size, terms in sorted((v, len(t), t) for t, v in ranked.items()):
        fit = cache.get(terms, verify=True)
        if fit is not None:
            return fit
    raise FitError("no model passes the checks")


def select(table: CaptureTable, spec: ModelSpec, cache: ModelCache | None = None) -> Fit:
    if spec.kind == "main":
        return fit_model(table, ())
    if spec.kind == "stepwise":
        return stepwise(table)
    if spec.kind in ("aic", "bic"):
        return search(table, spec.kind, cache)
    return fit_model(table, resolve_terms(table, spec.names))


def bootstrap_totals(fit: Fit, spec: ModelSpec, n_boot: int = 1000, seed: int = 1) -> list[float]:
    """Parametric bootstrap: counts drawn from the fitted model, model selection repeated each time.

    As in SparseMSE the number of observed cases is held fixed: each replicate is a multinomial
    sample of `observed` cases over the cells with the fitted cell probabilities, so every
    replicate total is at least the number observed.

    Replicates in which a list becomes empty or holds every case are reduced with the same
    `tidy_lists` rule as the data; a replicate without any estimate (fewer than two lists left,
    or no model passes the checks) counts as an infinite total.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    table = fit.table
    means = np.zeros(len(table.counts))
    means[fit.design.cells] = fit.fitted
    totals = []
    for _ in range(n_boot):
        counts = rng.multinomial(table.observed, means / means.sum())
        rep = table.with_counts(counts)
        totals.append(_replicate_total(rep, spec))
    return totals


def _replicate_total(rep: CaptureTable, spec: ModelSpec) -> float:
    if rep.observed == 0:
        return 0.0
    reduced, _ = tidy_lists(rep)
    if reduced.m < 2:
        return math.inf
    rspec = spec
    if spec.kind == "fixed":
        kept = set(reduced.lists)
        rspec = ModelSpec("fixed", tuple((a, b) for a, b in spec.names if a in kept and b in kept))
    try:
        rfit = select(reduced, rspec)
    except FitError:
        return math.inf
    if check_model(reduced, rfit.terms) & 1:
        return math.inf
    return rfit.estimate if math.isfinite(rfit.log_dark) and rfit.log_dark < 700 else math.inf


def percentile_interval(totals, level: float = 0.95) -> tuple[float, float]:
    import numpy as np

    arr = np.sort(np.asarray(totals, dtype=float))
    n = len(arr)
    lo_q, hi_q = (1 - level) / 2, 1 - (1 - level) / 2
    lo = float(arr[min(max(math.floor(lo_q * n), 0), n - 1)])
    hi = float(arr[min(max(math.ceil(hi_q * n) - 1, 0), n - 1)])
    return lo, hi
