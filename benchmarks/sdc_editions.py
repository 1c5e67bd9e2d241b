"""Benchmark (not a test): strict protection of an edition with four earlier editions as knowledge, plus the
joint audit (docs/sdc.md, "Across editions").

The earlier editions are the demo delivery built for 2020, 2021, 2022 and 2023 (strict, each with the ones
before it as knowledge, as the annual cycle makes them; the demo covers 2020-2024, so the earlier years have
shorter windows), written to a temporary folder and read back as an outsider reads them. Then the 2024
edition is protected with the four as knowledge and audited together with them.

    uv run python benchmarks/sdc_editions.py [--policy strict] [--earlier 4]

Prints seconds per step and the solver work per model (solves, largest simplex iteration and node count of
one solve; compare with the work limits `sdc.model.LIMITS`, docs/solver.md). Runs on one thread (the solver
layer), so the figures hold on 2 cores.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", default="strict", help="policy of every edition (default: strict)")
    parser.add_argument("--earlier", type=int, default=4, help="number of earlier editions (default: 4)")
    args = parser.parse_args()

    from jaarcijfers.solver.model import WorkLog, observe

    with tempfile.TemporaryDirectory() as tmp:
        earlier = _earlier_editions(Path(tmp), args.policy, args.earlier)
        log = WorkLog()
        with observe(log):
            _edition_with_knowledge(args.policy, earlier)
    for name, (solves, iterations, nodes) in sorted(log.summary().items()):
        print(f"solver {name}: {solves} solves, at most {iterations} iterations and {nodes} nodes per solve")


def _compute(year: int):
    from jaarcijfers.facts.compute import compute_facts
    from jaarcijfers.figures.engine import compute_all
    from jaarcijfers.paths import DEMO_DELIVERY
    from jaarcijfers.warehouse.load import open_delivery

    con = open_delivery(DEMO_DELIVERY)
    year, figures = compute_all(con, year)
    facts = compute_facts(con, year, figures)
    con.close()
    return year, figures, facts


def _earlier_editions(tmp: Path, policy: str, n: int) -> list[Path]:
    from jaarcijfers.build import compute_edition
    from jaarcijfers.paths import DEMO_DELIVERY

    folders: list[Path] = []
    for year in range(2024 - n, 2024):
        t = time.perf_counter()
        edition, audit = compute_edition(DEMO_DELIVERY, year, policy, earlier=folders)
        from jaarcijfers.edition.files import write_files

        out = tmp / str(year)
        out.mkdir()
        write_files(edition, out)
        folders.append(out)
        withheld = sum(c.display in ("x", "<5") for f in edition.figures for b in f.blocks for c in b.cells)
        print(
            f"earlier edition {year} ({policy}, {len(folders) - 1} before it): {time.perf_counter() - t:.2f} s, "
            f"{withheld} cells withheld, audit {'geslaagd' if audit.ok else f'{len(audit.leaks)} lekken'}"
        )
    return folders


def _edition_with_knowledge(policy: str, folders: list[Path]) -> None:
    from jaarcijfers.edition.audit import audit_edition
    from jaarcijfers.edition.files import read_prior
    from jaarcijfers.edition.publish import publish
    from jaarcijfers.sdc.policy import get_policy
    from jaarcijfers.sdc.strict import suppress

    prior = [read_prior(f) for f in folders]
    year, figures, facts = _compute(2024)
    if policy == "strict":  # the policy's own figures: rounds, cuts, suppressions
        from jaarcijfers.edition.publish import fact_cells, ranked_above_small

        raw = [c for f in ranked_above_small(figures, range(1, 5)) for c in f.cells()] + fact_cells(
            facts, year
        )
        t = time.perf_counter()
        res = suppress(raw, prior=prior)
        print(
            f"strict protection of {year} with {len(prior)} earlier editions: {time.perf_counter() - t:.2f} s "
            f"({len(res.primary)} primary, {len(res.secondary)} secondary, {res.rounds} rounds, {res.cuts} cuts, "
            f"{len(res.exposed)} exposed, zeros withheld: {res.zeros})"
        )
        t = time.perf_counter()
        alone = suppress(raw)
        print(
            f"  (without earlier editions: {time.perf_counter() - t:.2f} s, {len(alone.secondary)} secondary)"
        )
    t = time.perf_counter()
    edition = publish(year, figures, facts, get_policy(policy), {}, prior=prior)
    print(f"publish {year} ({policy}, with the earlier editions): {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    audit = audit_edition(edition, prior)
    print(
        f"joint audit of {year} with {', '.join(str(p.year) for p in prior)}: {time.perf_counter() - t:.2f} s "
        f"({len(audit.cells)} hidden cells, {audit.links} links, {len(audit.before)} known before, "
        f"{'geslaagd' if audit.ok else f'{len(audit.leaks)} lekken'})"
    )
    t = time.perf_counter()
    single = audit_edition(edition)
    print(f"audit of {year} alone: {time.perf_counter() - t:.2f} s ({len(single.cells)} hidden cells)")


if __name__ == "__main__":
    main()
