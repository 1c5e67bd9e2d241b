"""Timings of the full model search and the bootstrap for six lists (the CoMensha reporters).

uv run python benchmarks/mse_search.py [--boot 200]
"""

import argparse
import time

import numpy as np

from jaarcijfers.estimate.bootstrap import bca_interval
from jaarcijfers.estimate.checks import _check_cached
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.run import estimate_histories
from jaarcijfers.estimate.selection import ModelCache, ModelKind, ModelSpec, search, stepwise
from jaarcijfers.estimate.topmodels import top_models_bca

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
    f = stepwise(table)
    b = timed(
        f"BCa bootstrap {args.boot} x stepwise",
        lambda: bca_interval(table, f.estimate, ModelSpec(ModelKind.STEPWISE), n_boot=args.boot, seed=1),
    )
    print(f"  interval {b.lower:.0f} - {b.upper:.0f} (MCSE {b.lower_mcse:.0f}, {b.upper_mcse:.0f})")
    t = timed(
        f"BIC bootstrap {args.boot} over the best 32 models",
        lambda: top_models_bca(table, "bic", 32, n_boot=args.boot, seed=1),
    )
    print(f"  interval {t.final.lower:.0f} - {t.final.upper:.0f}")


if __name__ == "__main__":
    main()
