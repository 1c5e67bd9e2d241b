"""Coverage of the 95% credible interval of Bayesian model averaging (`--model bma`) on simulated six-list
data with a known population size. A benchmark, not a test: it prints the share of runs whose interval
covers N, with its Monte Carlo standard error.

Each person of a population of N is caught by list j with probability p_j, independently
(`--scenario independent`), or with list 1 catching a person seen by list 0 more often
(`--scenario dependent`: a decomposable true model with one edge, the kind BMA averages over), or with
the sparse capture probabilities of a CoMensha-like year (`--scenario sparse`).

    .venv/bin/python benchmarks/mse_bma_coverage.py [--runs 100] [--size 2000] [--scenario independent]
"""

import argparse
import math
import time

import numpy as np

from jaarcijfers.estimate.bma import bma_posterior
from jaarcijfers.estimate.histories import CaptureTable

SCENARIOS = {
    "independent": ([0.30, 0.25, 0.20, 0.30, 0.20, 0.25], None),
    "dependent": ([0.30, 0.25, 0.20, 0.30, 0.20, 0.25], (0, 1, 0.6)),
    "sparse": ([0.15, 0.05, 0.06, 0.12, 0.04, 0.08], None),
}


def simulate(rng, size: int, probs, dependence) -> CaptureTable:
    caught = rng.random((size, len(probs))) < np.asarray(probs)
    if dependence is not None:
        i, j, p_given = dependence  # list j catches a person on list i with probability p_given
        on_i = caught[:, i]
        caught[on_i, j] = rng.random(int(on_i.sum())) < p_given
    codes = (caught * (1 << np.arange(len(probs)))).sum(axis=1)
    counts = np.bincount(codes, minlength=2 ** len(probs))[1:]
    return CaptureTable(tuple("ABCDEF"[: len(probs)]), tuple(int(c) for c in counts))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--size", type=int, default=2000)
    ap.add_argument("--scenario", choices=sorted(SCENARIOS), default="independent")
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args()
    probs, dependence = SCENARIOS[args.scenario]
    rng = np.random.default_rng(args.seed)
    covered = below = above = 0
    widths, errors = [], []
    start = time.perf_counter()
    for _ in range(args.runs):
        table = simulate(rng, args.size, probs, dependence)
        res = bma_posterior(table)
        covered += res.lower <= args.size <= res.upper
        below += args.size < res.lower
        above += args.size > res.upper
        if math.isfinite(res.upper):
            widths.append(res.upper - res.lower)
        errors.append(res.median / args.size - 1)
    took = time.perf_counter() - start
    share = covered / args.runs
    se = math.sqrt(0.95 * 0.05 / args.runs)
    print(f"scenario={args.scenario} N={args.size} probs={probs} dependence={dependence} runs={args.runs}")
    print(
        f"coverage {share:.3f} (nominal 0.95, Monte Carlo s.e. {se:.3f}); N below interval {below}, above {above}"
    )
    print(
        f"median relative error of the posterior median {np.median(errors):+.3f}; median width {np.median(widths):.0f}"
    )
    print(f"{took:.0f} s ({took / args.runs:.1f} s per run)")


if __name__ == "__main__":
    main()
