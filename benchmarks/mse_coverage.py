"""Coverage of the 95% intervals of `jaarcijfers.estimate` on simulated independent lists.

Lists capture each member of a population of known size independently, so the main-effects model is
true; the share of runs whose interval covers the true size should be close to 95%.

    uv run python benchmarks/mse_coverage.py [--runs 500] [--size 2000] [--model main] [--ci profile]
"""

import argparse
import math
import time

import numpy as np

from jaarcijfers.estimate.bootstrap import bca_interval, parametric_interval
from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.intervals import multinomial_profile_interval, profile_interval, wald_interval
from jaarcijfers.estimate.selection import ModelSpec, parse_model_spec, select


def simulate(rng, size, probs):
    m = len(probs)
    caught = rng.random((size, m)) < np.asarray(probs)
    codes = (caught * (1 << np.arange(m))).sum(axis=1)
    counts = np.bincount(codes, minlength=2**m)[1:]
    return CaptureTable(tuple("ABCDEF"[:m]), tuple(int(c) for c in counts))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=500)
    ap.add_argument("--size", type=int, default=2000)
    ap.add_argument("--probs", default="0.15,0.1,0.08,0.05")
    ap.add_argument("--model", default="main")
    ap.add_argument("--ci", default="profile", choices=["profile", "multinomial", "wald", "bootstrap", "bca"])
    ap.add_argument("--boot", type=int, default=200)
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args()
    probs = [float(p) for p in args.probs.split(",")]
    spec: ModelSpec = parse_model_spec(args.model)
    rng = np.random.default_rng(args.seed)
    covered = low = high = 0
    widths = []
    start = time.perf_counter()
    for run in range(args.runs):
        table = simulate(rng, args.size, probs)
        fit = select(table, spec)
        if args.ci == "profile":
            lo, hi = profile_interval(fit)
        elif args.ci == "multinomial":
            _, lo, hi = multinomial_profile_interval(fit)
        elif args.ci == "wald":
            lo, hi = wald_interval(fit)
        elif args.ci == "bca":
            b = bca_interval(table, fit.estimate, spec, n_boot=args.boot, seed=run)
            lo, hi = b.lower, b.upper
        else:
            b = parametric_interval(fit, spec, n_boot=args.boot, seed=run)
            lo, hi = b.lower, b.upper
        covered += lo <= args.size <= hi
        low += args.size < lo
        high += args.size > hi
        if math.isfinite(hi):
            widths.append(hi - lo)
    took = time.perf_counter() - start
    share = covered / args.runs
    se = math.sqrt(0.95 * 0.05 / args.runs)
    print(f"model={args.model} ci={args.ci} N={args.size} lists={len(probs)} probs={probs} runs={args.runs}")
    print(
        f"coverage {share:.3f} (nominal 0.95, Monte Carlo s.e. {se:.3f}); truth below interval {low}, above {high}"
    )
    print(f"median width {np.median(widths):.0f}; {took:.1f} s")


if __name__ == "__main__":
    main()
