"""Raw cells behind a published edition: one assignment of the hidden counts that satisfies every
identity (used to benchmark and test the strict policy on a realistic edition)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from jaarcijfers.sdc.policy import CellKey, RawCell
from jaarcijfers.sdc.structure import (
    ROUNDED_FIGURES,
    build_structure,
    cell_kind,
    share_base,
    variable_domain,
)


def raw_cells_from_published(published: Mapping[CellKey, str], repair: bool = True) -> list[RawCell]:
    """`<5` (and other hidden counts outside the rounded figures) replaced by values consistent with
    the identities; percentages recomputed from the counts. An inconsistent edition (2024: Figuur 19)
    is repaired (`repair=True`: the fewest, smallest changes to the published counts of the contradicted
    identities) or the contradicted identities are ignored (`repair=False`)."""

    from jaarcijfers.sdc.model import ComponentSolver, build_system, component_rows, minimal_contradicted

    structure = build_structure(published)
    domains, fixed = {}, {}
    for k, s in published.items():
        if cell_kind(k, s) == "count":
            d = variable_domain(k, s)
            if d.hidden:
                domains[k] = (d.lo, d.hi)
            else:
                fixed[k] = d.lo
    system = build_system(structure.identities, domains, fixed)
    drop: set[int] = set()
    for comp in system.components():
        rows = component_rows(system, comp)
        if rows and not ComponentSolver(system, comp, rows).feasible():
            drop.update(minimal_contradicted(system, comp, rows))
    if drop and repair:
        # the closest consistent edition: the published exact counts of the contradicted identities become
        # variables, and their total absolute change is minimised
        loose = {v for r in drop for v in system.rows[r][0].variables if v in fixed}
        values = _closest(structure.identities, domains, fixed, loose)
    else:
        keep = [i for r, (i, _, _, _) in enumerate(system.rows) if r not in drop]
        values = _central(build_system(keep, domains, fixed), fixed)
    out = []
    for k, s in published.items():
        kind = cell_kind(k, s)
        if k.figure in ROUNDED_FIGURES and kind == "count":
            out.append(RawCell(k, None, "rounded", s))
        elif kind == "count":
            out.append(RawCell(k, values[k], "count"))
        elif kind == "percent":
            base = share_base(k)
            if base is None:
                raise ValueError(f"percentage zonder aantal: {k}")
            counts = [c for c in published if (c.figure, c.part, c.column) == (k.figure, k.part, base.column)]
            total = sum(values[c] for c in counts)
            out.append(RawCell(k, Fraction(values[base], total), "percent"))
        elif kind == "mean":
            out.append(RawCell(k, Fraction(int(s)), "mean"))
        elif kind == "rank":
            out.append(RawCell(k, int(s), "rank"))
        else:
            out.append(RawCell(k, None, "blank"))
    return out


def _central(system, fixed: Mapping[CellKey, int]) -> dict[CellKey, int]:
    """A deterministic witness: per component, minimise the sum of the hidden counts."""
    import highspy
    import numpy as np

    from jaarcijfers.sdc.model import ComponentSolver, component_rows

    values: dict[CellKey, int] = dict(fixed)
    for comp in system.components():
        solver = ComponentSolver(system, comp, component_rows(system, comp))
        n = len(comp)
        solver.mip.changeColsCost(n, np.arange(n, dtype=np.int32), np.ones(n))
        solver.mip.run()
        assert solver.mip.getModelStatus() == highspy.HighsModelStatus.kOptimal
        x = solver.mip.getSolution().col_value
        for i, c in enumerate(comp):
            values[system.variables[c]] = round(x[i])
    return values


def _closest(identities, domains, fixed: Mapping[CellKey, int], loose: set[CellKey]) -> dict[CellKey, int]:
    """Counts in `loose` may change (>= 0); minimise 1000 * sum |change| + sum of the hidden counts."""
    import highspy
    import numpy as np

    from jaarcijfers.sdc.model import build_system, new_highs

    inf = highspy.kHighsInf
    doms = dict(domains)
    for v in loose:
        doms[v] = (0, float("inf"))
    keep_fixed = {k: v for k, v in fixed.items() if k not in loose}
    system = build_system(identities, doms, keep_fixed)
    h = new_highs(mip=True)
    n = len(system.variables)
    lo = np.array([x if x != float("-inf") else -inf for x in system.lower])
    hi = np.array([x if x != float("inf") else inf for x in system.upper])
    h.addVars(n, lo, hi)
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
    h.changeColsCost(
        n, np.arange(n, dtype=np.int32), np.array([1.0 if v in domains else 0.0 for v in system.variables])
    )
    for _, coefs, rl, rh in system.rows:
        idx = np.array(sorted(coefs), dtype=np.int32)
        h.addRow(
            rl if rl != float("-inf") else -inf,
            rh if rh != float("inf") else inf,
            len(idx),
            idx,
            np.array([float(coefs[i]) for i in sorted(coefs)]),
        )
    for j, v in enumerate(system.variables):
        if v in loose:  # d >= |x - published|
            d = h.getNumCol()
            h.addVars(1, np.array([0.0]), np.array([inf]))
            h.changeColCost(d, 1000.0)
            h.addRow(-fixed[v], inf, 2, np.array([d, j], dtype=np.int32), np.array([1.0, -1.0]))
            h.addRow(fixed[v], inf, 2, np.array([d, j], dtype=np.int32), np.array([1.0, 1.0]))
    h.run()
    assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    x = h.getSolution().col_value
    values = dict(fixed)
    for j, v in enumerate(system.variables):
        values[v] = round(x[j])
    return values
