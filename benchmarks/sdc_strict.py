"""Benchmark (not a test): strict protection plus audit of a whole edition.

Raw input: the published 2024 reference edition with every `<5` replaced by a value 1..4 that is
consistent with all identities (`sdc.witness.raw_cells_from_published`; the publication's Figuur 19
inconsistency is repaired with the smallest change, or kept with `--inconsistent`).

    uv run python benchmarks/sdc_strict.py [--repeat N] [--inconsistent]

Also prints the solver work per model (solves, largest simplex iteration and node count of one solve;
compare with the work limits `sdc.model.LIMITS`, docs/solver.md).
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--inconsistent", action="store_true", help="keep the 2024 Figuur 19 inconsistency")
    args = parser.parse_args()

    from jaarcijfers.solver.model import WorkLog, observe

    log = WorkLog()
    with observe(log):
        _run(args)
    for name, (solves, iterations, nodes) in sorted(log.summary().items()):
        print(f"solver {name}: {solves} solves, at most {iterations} iterations and {nodes} nodes per solve")


def _run(args: argparse.Namespace) -> None:
    from jaarcijfers.edition.files import read_cells
    from jaarcijfers.paths import REFERENCE_2024
    from jaarcijfers.sdc.audit import audit_cells
    from jaarcijfers.sdc.strict import suppress
    from jaarcijfers.sdc.witness import raw_cells_from_published

    t0 = time.perf_counter()
    published = read_cells(REFERENCE_2024 / "figures.csv")
    audit_pub = audit_cells(published)
    t1 = time.perf_counter()
    print(
        f"audit of the published edition: {t1 - t0:.2f} s ({len(audit_pub.cells)} hidden cells, "
        f"{len(audit_pub.leaks)} leak, {len(audit_pub.dropped)} contradicted identities)"
    )
    raw = raw_cells_from_published(published, repair=not args.inconsistent)
    t2 = time.perf_counter()
    print(f"raw cells (witness): {t2 - t1:.2f} s ({len(raw)} cells)")
    displays = []
    for i in range(args.repeat):
        t = time.perf_counter()
        res = suppress(raw)
        t_protect = time.perf_counter() - t
        t = time.perf_counter()
        audit = audit_cells(res.display, required=res.required)
        t_audit = time.perf_counter() - t
        displays.append(res.display)
        print(
            f"run {i + 1}: strict protection {t_protect:.2f} s ({len(res.primary)} primary, {len(res.secondary)} "
            f"secondary, {res.rounds} rounds, {res.cuts} cuts) + audit {t_audit:.2f} s: "
            f"{'geslaagd' if audit.ok else f'{len(audit.leaks)} lekken'}"
        )
    print("deterministic:", all(d == displays[0] for d in displays))


if __name__ == "__main__":
    main()
