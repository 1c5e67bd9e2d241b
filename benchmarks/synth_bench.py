"""Benchmark (not a test): time `jaarcijfers synth` and print the fit.

Run: uv run python benchmarks/synth_bench.py [--seeds 2024,1,2] [--time-limit 120] [--reference DIR]
       [--no-comensha]
Per seed: wall time of the whole delivery, of each solver model (HiGHS status and seconds), the number of
published cells and facts of the EMM/OM/IND/Rechtspraak figures that are met, and the unmet ones.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="2024,1,2")
    ap.add_argument("--time-limit", type=float, default=120.0)
    ap.add_argument("--reference", type=Path, default=None)
    ap.add_argument("--no-comensha", action="store_true")
    args = ap.parse_args()

    from jaarcijfers.synth import ilp
    from jaarcijfers.synth.run import build_delivery
    from jaarcijfers.synth.targets import load_targets

    timings: list[tuple[str, float, str]] = []
    original = ilp.ElasticIP.solve

    def timed(self, time_limit, seed=0):
        t0 = time.perf_counter()
        ok = original(self, time_limit, seed)
        timings.append((self.name, time.perf_counter() - t0, self.status))
        return ok

    ilp.ElasticIP.solve = timed
    targets = load_targets(args.reference)
    print(f"{'seed':>6} {'seconds':>8} {'cells':>9} {'facts':>7}  unmet")
    for seed in (int(s) for s in args.seeds.split(",")):
        timings.clear()
        t0 = time.perf_counter()
        tables, report, _ = build_delivery(targets, seed, args.time_limit, with_comensha=not args.no_comensha)
        seconds = time.perf_counter() - t0
        unmet = ", ".join(f"{m.key} ({m.published}->{m.synthetic})" for m in report.misses)
        print(
            f"{seed:>6} {seconds:>8.1f} {report.n_cells_met:>4}/{report.n_cells:<4} "
            f"{report.facts_met:>3}/{report.facts_total:<3}  {unmet}"
        )
        for name, s, status in timings:
            print(f"{'':>6} {s:>8.2f}   {name}: {status}")
        for p in report.pending:
            print(f"{'':>6} pending: {p}")


if __name__ == "__main__":
    main()
