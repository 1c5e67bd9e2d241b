"""Raw cells behind a published edition: one assignment of the hidden counts that satisfies every
identity (used to benchmark and test the strict policy on a realistic edition)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from jaarcijfers.figures.model import CellKey, CellKind, RawCell
from jaarcijfers.sdc.identities import (
    build_structure,
)
from jaarcijfers.sdc.structure import (
    is_count,
    share_base,
    variable_domain,
    variable_kind,
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
        if is_count(k, s):
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
        kind = variable_kind(k, s)
        if kind == CellKind.ROUNDED:
            out.append(RawCell(k, None, CellKind.ROUNDED, s))
        elif kind == CellKind.COUNT:
            out.append(RawCell(k, values[k], CellKind.COUNT))
        elif kind == CellKind.PERCENT:
            base = share_base(k)
            if base is None:
                raise ValueError(f"percentage zonder aantal: {k}")
            counts = [c for c in published if (c.figure, c.part, c.column) == (k.figure, k.part, base.column)]
            total = sum(values[c] for c in counts)
            out.append(RawCell(k, Fraction(values[base], total), CellKind.PERCENT))
        elif kind == CellKind.MEAN:
            out.append(RawCell(k, Fraction(int(s)), CellKind.MEAN))
        elif kind == CellKind.RANK:
            out.append(RawCell(k, int(s), CellKind.RANK))
        else:
            out.append(RawCell(k, None, CellKind.BLANK))
    return out


def _central(system, fixed: Mapping[CellKey, int]) -> dict[CellKey, int]:
    """A deterministic witness: per component, minimise the sum of the hidden counts."""
    from jaarcijfers.sdc.model import ComponentSolver, component_rows

    values: dict[CellKey, int] = dict(fixed)
    for comp in system.components():
        x = ComponentSolver(system, comp, component_rows(system, comp)).minimum_sum()
        for i, c in enumerate(comp):
            values[system.variables[c]] = round(x[i])
    return values


def _closest(identities, domains, fixed: Mapping[CellKey, int], loose: set[CellKey]) -> dict[CellKey, int]:
    """Counts in `loose` may change (>= 0); minimise 1000 * sum |change| + sum of the hidden counts."""
    from jaarcijfers.sdc.model import MIP, build_system, solved
    from jaarcijfers.solver.model import INF, Model, Status

    doms = dict(domains)
    for v in loose:
        doms[v] = (0, INF)
    keep_fixed = {k: v for k, v in fixed.items() if k not in loose}
    system = build_system(identities, doms, keep_fixed)
    model = Model(MIP, name="getuige: dichtstbijzijnde editie")
    model.add_columns(
        system.lower,
        system.upper,
        [1.0 if v in domains else 0.0 for v in system.variables],
        integer=True,
    )
    for _, coefs, rl, rh in system.rows:
        idx = sorted(coefs)
        model.add_row(rl, rh, idx, [float(coefs[i]) for i in idx])
    for j, v in enumerate(system.variables):
        if v in loose:  # d >= |x - published|
            d = model.add_columns([0.0], [INF], [1000.0])
            model.add_row(-fixed[v], INF, [d, j], [1.0, -1.0])
            model.add_row(fixed[v], INF, [d, j], [1.0, 1.0])
    res = solved(model, model.solve())
    if res.status is not Status.OPTIMAL:
        raise RuntimeError(f"getuige: geen oplossing ({res.detail})")
    values = dict(fixed)
    for j, v in enumerate(system.variables):
        values[v] = round(res.values[j])
    return values
