"""Benchmark (not a test): time `jaarcijfers synth`, print the fit and the solver work per model.

Run: uv run python benchmarks/synth_bench.py [--seeds 2024,1,2] [--reference DIR] [--no-comensha]
Per seed: wall time of the whole delivery, the number of published cells and facts of the
EMM/OM/IND/Rechtspraak figures that are met, the unmet ones, and per solver model the number of solves
with the largest simplex iteration count and node count of one solve (compare with the work limits:
`synth.ilp.LIMITS`, `synth.comensha_ip.LP_LIMITS` / `MIP_LIMITS`).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="2024,1,2")
    ap.add_argument("--reference", type=Path, default=None)
    ap.add_argument("--no-comensha", action="store_true")
    args = ap.parse_args()

    from jaarcijfers.solver.model import WorkLog, observe
    from jaarcijfers.synth.run import build_delivery
    from jaarcijfers.synth.targets import load_targets

    targets = load_targets(args.reference)
    print(f"{'seed':>6} {'seconds':>8} {'cells':>9} {'facts':>7}  unmet")
    for seed in (int(s) for s in args.seeds.split(",")):
        log = WorkLog()
        t0 = time.perf_counter()
        with observe(log):
            tables, report = build_delivery(targets, seed, with_comensha=not args.no_comensha)
        seconds = time.perf_counter() - t0
        unmet = ", ".join(f"{m.key} ({m.published}->{m.synthetic})" for m in report.misses)
        print(
            f"{seed:>6} {seconds:>8.1f} {report.n_cells_met:>4}/{report.n_cells:<4} "
            f"{report.facts_met:>3}/{report.facts_total:<3}  {unmet}"
        )
        for name, (solves, iterations, nodes) in sorted(log.summary().items()):
            print(
                f"{'':>6} {name}: {solves} solves, at most {iterations} iterations and {nodes} nodes per solve"
            )
        statuses = sorted({r.detail for _, r in log.solves})
        print(f"{'':>6} statuses: {', '.join(statuses)}")
        for p in report.pending:
            print(f"{'':>6} pending: {p}")


if __name__ == "__main__":
    main()
