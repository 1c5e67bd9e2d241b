"""Timings of the full model search and the bootstrap for six lists (the CoMensha reporters).

uv run python benchmarks/mse_search.py [--boot 200]
"""

import argparse
import time

import numpy as np

from jaarcijfers.estimate.checks import _check_cached
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.run import estimate_histories
from jaarcijfers.estimate.selection import (
    ModelCache,
    ModelSpec,
    bootstrap_totals,
    percentile_interval,
    search,
    stepwise,
)

LISTS = ("politie", "kmar", "nla", "zorgcoordinator", "fairwork", "overig")


def simulate(rng, size, probs, pair_boost=((0, 3, 3.0),)):
    m = len(probs)
    caught = rng.random((size, m)) < np.asarray(probs)
    for i, j, factor in pair_boost:  # positive dependence between two lists
        extra = caught[:, i] & (rng.random(size) < probs[j] * (factor - 1))
        caught[:, j] |= extra
    codes = (caught * (1 << np.arange(m))).sum(axis=1)
    counts = np.bincount(codes, minlength=2**m)[1:]
    return CaptureTable(LISTS, tuple(int(c) for c in counts))


def timed(label, fn):
    t = time.perf_counter()
    out = fn()
    print(f"{label:<42} {time.perf_counter() - t:7.2f} s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--boot", type=int, default=200)
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    table = simulate(rng, args.size, [0.1, 0.03, 0.04, 0.08, 0.02, 0.05])
    print(f"observed {table.observed} of {args.size}; {sum(c == 0 for c in table.counts)} of 63 cells empty")
    fit = timed("stepwise (SparseMSE)", lambda: stepwise(table))
    print("  terms:", fit.term_names(), f"estimate {fit.estimate:.0f}")
    for kind in ("aic", "bic"):
        _check_cached.cache_clear()
        cache = ModelCache(table)
        fit = timed(
            f"{kind} search (exhaustive <=2 terms + greedy)", lambda k=kind, c=cache: search(table, k, c)
        )
        print(f"  terms: {fit.term_names()} estimate {fit.estimate:.0f}; models fitted {len(cache.fits)}")
    res = timed("estimate_histories (profile + sensitivity)", lambda: estimate_histories(table))
    print(
        f"  {res.estimate:.0f} ({res.ci_lower:.0f} - {res.ci_upper:.0f}); {len(res.sensitivity)} sensitivity rows"
    )
    for kind in ("stepwise", "bic", "aic"):
        f = stepwise(table) if kind == "stepwise" else search(table, kind)
        totals = timed(
            f"bootstrap {args.boot} x {kind}",
            lambda f=f, k=kind: bootstrap_totals(f, ModelSpec(k), args.boot, 1),
        )
        lo, hi = percentile_interval(totals)
        print(f"  interval {lo:.0f} - {hi:.0f}")


if __name__ == "__main__":
    main()
