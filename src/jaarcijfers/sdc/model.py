"""The attacker's model: variables with domains, linear identities, solved with HiGHS.

Used by the audit (what can an outsider derive from the published cells?) and by the strict policy
(choose secondary suppressions so that the audit passes). Solver settings are fixed (the solver layer:
one thread, fixed seed, work limits only; exact MIP gaps), so results are deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from jaarcijfers.figures.model import CellKey
from jaarcijfers.sdc.structure import INF, Identity
from jaarcijfers.solver.model import Limits, Model, Result, Settings, Status

EPS = 1e-6
BIG = 1e6
"""Stands in for an infinite bound inside the solvers (counts here are far smaller): an LP is then never
unbounded, which HiGHS does not always report cleanly after a warm start. A bound at BIG reads as inf."""

LIMITS = Limits(iterations=1_000_000, nodes=1_000_000)
"""Safety work limits of every disclosure-control solve. Answers must be exact (an audit that stopped
early proves nothing), so a solve that reaches a limit is an error, never a result. The 2024 editions
need at most 169 simplex iterations and one node per solve (docs/solver.md)."""
LP = Settings(limits=LIMITS)
MIP = Settings(limits=LIMITS, mip_rel_gap=0.0, mip_abs_gap=1e-7)


def solved(model: Model, result: Result) -> Result:
    """`result`, unless a work limit or a solver error ended the solve (then a clear error)."""
    if result.status is Status.LIMIT:
        raise RuntimeError(
            f"onthullingscontrole: de solver bereikte zijn werkgrens ({model.name}: {result.detail}, "
            f"{result.iterations} iteraties, {result.nodes} knopen)"
        )
    if result.status is Status.ERROR:
        raise RuntimeError(f"onthullingscontrole: de solver faalde ({model.name}: {result.detail})")
    return result


@dataclass
class LinearSystem:
    """Variables (hidden cells and auxiliaries) and identity rows, constants moved to the right."""

    variables: list[CellKey]
    lower: list[float]
    upper: list[float]
    rows: list[tuple[Identity, dict[int, int], float, float]]  # identity, {var index: coef}, row lo, row hi
    constant_rows: list[tuple[Identity, bool]]  # identities without a variable: (identity, holds)

    @property
    def index(self) -> dict[CellKey, int]:
        return {v: i for i, v in enumerate(self.variables)}

    def components(self) -> list[list[int]]:
        """Connected components of the variables through the rows (sorted, deterministic)."""
        parent = list(range(len(self.variables)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for _, coefs, _, _ in self.rows:
            idx = sorted(coefs)
            for j in idx[1:]:
                a, b = find(idx[0]), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[int, list[int]] = {}
        for i in range(len(self.variables)):
            groups.setdefault(find(i), []).append(i)
        return sorted(groups.values())


def build_system(
    identities: Sequence[Identity],
    domains: Mapping[CellKey, tuple[float, float]],
    fixed: Mapping[CellKey, int],
) -> LinearSystem:
    """`domains`: the hidden cells (lo, hi); `fixed`: the published exact values. A variable that is in
    neither (an auxiliary) is free. Identities referring to a cell in neither mapping that is not an
    auxiliary are skipped by the caller (structure built from the same cells)."""
    names: dict[CellKey, int] = {}
    variables: list[CellKey] = []
    lower: list[float] = []
    upper: list[float] = []
    rows = []
    constant_rows = []
    for ident in identities:
        coefs: dict[int, int] = {}
        const = 0
        for c, v in ident.terms:
            if v in fixed:
                const += c * fixed[v]
                continue
            if v not in names:
                names[v] = len(variables)
                variables.append(v)
                lo, hi = domains.get(v, (-INF, INF))
                lower.append(lo)
                upper.append(hi)
            coefs[names[v]] = coefs.get(names[v], 0) + c
        coefs = {i: c for i, c in coefs.items() if c != 0}
        rhs = ident.rhs - const
        if not coefs:
            holds = {"==": rhs == 0, "<=": 0 <= rhs, ">=": 0 >= rhs}[ident.op]
            constant_rows.append((ident, holds))
            continue
        lo = rhs if ident.op in ("==", ">=") else -INF
        hi = rhs if ident.op in ("==", "<=") else INF
        rows.append((ident, coefs, lo, hi))
    # hidden cells that appear in no identity are variables too (their interval is their domain)
    for v in sorted(domains):
        if v not in names:
            names[v] = len(variables)
            variables.append(v)
            lower.append(domains[v][0])
            upper.append(domains[v][1])
    return LinearSystem(variables, lower, upper, rows, constant_rows)


def _load(model: Model, system: LinearSystem, cols: list[int], rows: list[int], integer: bool) -> None:
    pos = {c: i for i, c in enumerate(cols)}
    lo = [system.lower[c] if system.lower[c] != -INF else -BIG for c in cols]
    hi = [system.upper[c] if system.upper[c] != INF else BIG for c in cols]
    model.add_columns(lo, hi, integer=integer)
    for r in rows:
        _, coefs, rl, rh = system.rows[r]
        model.add_row(rl, rh, [pos[c] for c in sorted(coefs)], [coefs[c] for c in sorted(coefs)])


class ComponentSolver:
    """LP and MIP models of one connected component, for min/max of each of its variables."""

    def __init__(self, system: LinearSystem, cols: list[int], rows: list[int]):
        self.cols = cols
        self.pos = {c: i for i, c in enumerate(cols)}
        self.integral = False
        self.lp = Model(LP, name="aanvaller LP")
        self.mip = Model(MIP, name="aanvaller IP")
        _load(self.lp, system, cols, rows, integer=False)
        _load(self.mip, system, cols, rows, integer=True)

    def _optimise(self, model: Model, col: int, sense: int, point: bool = False) -> float | None:
        """min (sense=1) or max (sense=-1) of a column; None if infeasible, +-inf if unbounded. With
        `point`, `self.integral` tells whether the optimal point found is integral."""
        cost = [0.0] * len(self.cols)
        cost[self.pos[col]] = float(sense)
        model.set_costs(cost)
        res = model.solve(values=point)
        if res.status not in (Status.OPTIMAL, Status.INFEASIBLE):
            model.reset()  # a warm start gone wrong: solve from scratch once
            res = model.solve(values=point)
        res = solved(model, res)
        self.integral = (
            point and res.status is Status.OPTIMAL and all(abs(x - round(x)) <= EPS for x in res.values)
        )
        if res.status is Status.OPTIMAL:
            v = sense * res.objective
            return INF if v >= BIG - 0.5 else -INF if v <= -BIG + 0.5 else v
        if res.status in (Status.UNBOUNDED, Status.UNBOUNDED_OR_INFEASIBLE):
            return -sense * INF
        return None  # infeasible

    def feasible(self) -> bool:
        self.mip.set_costs([0.0] * len(self.cols))
        return solved(self.mip, self.mip.solve(values=False)).status is Status.OPTIMAL

    def minimum_sum(self) -> tuple[float, ...]:
        """The values of an optimal point that minimises the sum of the component's variables."""
        self.mip.set_costs([1.0] * len(self.cols))
        res = solved(self.mip, self.mip.solve())
        if res.status is not Status.OPTIMAL:
            raise RuntimeError(f"onthullingscontrole: geen oplossing ({res.detail})")
        return res.values

    def interval(self, col: int) -> tuple[tuple[float, float], tuple[float, float]]:
        """((LP min, LP max), (IP min, IP max)) of a column. LP bounds are rounded inward to integers
        (an attacker knows the counts are whole numbers)."""
        lp_lo = self._optimise(self.lp, col, 1, point=True)
        lo_integral = self.integral
        lp_hi = self._optimise(self.lp, col, -1, point=True)
        hi_integral = self.integral
        if lp_lo is None or lp_hi is None:
            raise RuntimeError("model is infeasible")
        # An integral optimal point of the LP is optimal for the integer program too (every coefficient
        # and bound is a whole number, so rounding the point within EPS keeps it feasible): no MIP needed.
        ip_lo = lp_lo if lo_integral or lp_lo == -INF else self._optimise(self.mip, col, 1)
        ip_hi = lp_hi if hi_integral or lp_hi == INF else self._optimise(self.mip, col, -1)
        if ip_lo is None or ip_hi is None:
            raise RuntimeError("model is infeasible")
        return (_ceil(lp_lo), _floor(lp_hi)), (_round(ip_lo), _round(ip_hi))


def _ceil(x: float) -> float:
    return x if math.isinf(x) else math.ceil(x - EPS)


def _floor(x: float) -> float:
    return x if math.isinf(x) else math.floor(x + EPS)


def _round(x: float) -> float:
    return x if math.isinf(x) else round(x)


def component_rows(system: LinearSystem, comp: list[int]) -> list[int]:
    members = set(comp)
    return [r for r, (_, coefs, _, _) in enumerate(system.rows) if next(iter(coefs)) in members]


def minimal_contradicted(system: LinearSystem, comp: list[int], rows: list[int]) -> list[int]:
    """The fewest identity rows to drop so that the component becomes feasible (an elastic MIP:
    every row gets slack that may be used only if its binary 'drop' variable is 1). Ties are broken
    deterministically by a tiny preference for dropping later rows (by name order)."""
    n = len(comp)
    big = 1e5  # larger than any violation of counts of this size; keep z * big well above tolerances
    model = Model(
        Settings(limits=LIMITS, mip_rel_gap=0.0, mip_abs_gap=1e-7, feasibility_tolerance=1e-9), "tegenspraak"
    )
    pos = {c: i for i, c in enumerate(comp)}
    model.add_columns([system.lower[c] for c in comp], [system.upper[c] for c in comp], integer=True)
    nr = len(rows)
    # per row: s_plus, s_minus in [0, big] and the binary z (cost ~1: the number of dropped rows)
    model.add_columns(
        [0.0] * (3 * nr),
        [big, big, 1.0] * nr,
        [c for k in range(nr) for c in (0.0, 0.0, 1.0 + 1e-5 * (nr - k))],
        [z for _ in range(nr) for z in (False, False, True)],
    )
    for k, r in enumerate(rows):
        _, coefs, rl, rh = system.rows[r]
        idx = [pos[c] for c in sorted(coefs)] + [n + 3 * k, n + 3 * k + 1]
        val = [float(coefs[c]) for c in sorted(coefs)] + [1.0, -1.0]
        model.add_row(rl, rh, idx, val)
        # s_plus + s_minus <= big * z
        model.add_row(-INF, 0.0, [n + 3 * k, n + 3 * k + 1, n + 3 * k + 2], [1.0, 1.0, -big])
    res = solved(model, model.solve())
    if res.status is not Status.OPTIMAL:
        raise RuntimeError("elastic model not solved")
    x = res.values
    return [r for k, r in enumerate(rows) if x[n + 3 * k + 2] > 0.5]
