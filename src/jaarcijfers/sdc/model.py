"""The attacker's model: variables with domains, linear identities, solved with HiGHS.

Used by the audit (what can an outsider derive from the published cells?) and by the strict policy
(choose secondary suppressions so that the audit passes). Solver settings are fixed (one thread,
fixed seed, no time limit, exact MIP gaps), so results are deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from jaarcijfers.figures.model import CellKey
from jaarcijfers.sdc.structure import INF, Identity

EPS = 1e-6
BIG = 1e6
"""Stands in for an infinite bound inside the solvers (counts here are far smaller): an LP is then never
unbounded, which HiGHS does not always report cleanly after a warm start. A bound at BIG reads as inf."""


_BANNER_DONE = False


def _quiet_highs():
    """A Highs instance; the first one of a process prints a banner on stdout at C level, which would
    break `--json` output, so it is created with file descriptor 1 pointed at /dev/null."""
    global _BANNER_DONE
    import highspy

    if _BANNER_DONE:
        return highspy.Highs()
    import os
    import sys

    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            h = highspy.Highs()
            h.setOptionValue("output_flag", False)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        _BANNER_DONE = True
    return h


def new_highs(mip: bool = False):
    h = _quiet_highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("random_seed", 0)
    if mip:
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 1e-7)
    return h


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


def _pass(h, system: LinearSystem, cols: list[int], rows: list[int], integer: bool) -> None:
    import highspy
    import numpy as np

    inf = highspy.kHighsInf
    pos = {c: i for i, c in enumerate(cols)}
    n = len(cols)
    lo = np.array([system.lower[c] if system.lower[c] != -INF else -BIG for c in cols], dtype=float)
    hi = np.array([system.upper[c] if system.upper[c] != INF else BIG for c in cols], dtype=float)
    h.addVars(n, lo, hi)
    if integer and n:
        h.changeColsIntegrality(
            n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n)
        )
    for r in rows:
        _, coefs, rl, rh = system.rows[r]
        idx = np.array([pos[c] for c in sorted(coefs)], dtype=np.int32)
        val = np.array([coefs[c] for c in sorted(coefs)], dtype=float)
        h.addRow(rl if rl != -INF else -inf, rh if rh != INF else inf, len(idx), idx, val)


class ComponentSolver:
    """LP and MIP models of one connected component, for min/max of each of its variables."""

    def __init__(self, system: LinearSystem, cols: list[int], rows: list[int]):
        self.cols = cols
        self.lp = new_highs()
        self.mip = new_highs(mip=True)
        _pass(self.lp, system, cols, rows, integer=False)
        _pass(self.mip, system, cols, rows, integer=True)

    def _optimise(self, h, col: int, sense: int) -> float | None:
        """min (sense=1) or max (sense=-1) of a column; None if infeasible, +-inf if unbounded."""
        import highspy
        import numpy as np

        n = len(self.cols)
        cost = np.zeros(n)
        cost[self.cols.index(col)] = float(sense)
        h.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
        h.run()
        st = h.getModelStatus()
        if st not in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kInfeasible):
            h.clearSolver()  # a warm start gone wrong: solve from scratch once
            h.run()
            st = h.getModelStatus()
        if st == highspy.HighsModelStatus.kOptimal:
            v = sense * h.getInfo().objective_function_value
            return INF if v >= BIG - 0.5 else -INF if v <= -BIG + 0.5 else v
        if st in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return -sense * INF
        if st == highspy.HighsModelStatus.kInfeasible:
            return None
        raise RuntimeError(f"HiGHS: onverwachte status {h.modelStatusToString(st)}")

    def feasible(self) -> bool:
        import highspy
        import numpy as np

        n = len(self.cols)
        self.mip.changeColsCost(n, np.arange(n, dtype=np.int32), np.zeros(n))
        self.mip.run()
        return self.mip.getModelStatus() == highspy.HighsModelStatus.kOptimal

    def interval(self, col: int) -> tuple[tuple[float, float], tuple[float, float]]:
        """((LP min, LP max), (IP min, IP max)) of a column. LP bounds are rounded inward to integers
        (an attacker knows the counts are whole numbers)."""
        lp_lo = self._optimise(self.lp, col, 1)
        lp_hi = self._optimise(self.lp, col, -1)
        if lp_lo is None or lp_hi is None:
            raise RuntimeError("model is infeasible")
        ip_lo = self._optimise(self.mip, col, 1) if lp_lo != -INF else -INF
        ip_hi = self._optimise(self.mip, col, -1) if lp_hi != INF else INF
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
    import highspy
    import numpy as np

    n = len(comp)
    big = 1e5  # larger than any violation of counts of this size; keep z * big well above tolerances
    inf = highspy.kHighsInf
    h2 = new_highs(mip=True)
    h2.setOptionValue("mip_feasibility_tolerance", 1e-9)
    h2.setOptionValue("primal_feasibility_tolerance", 1e-9)
    pos = {c: i for i, c in enumerate(comp)}
    lo = [system.lower[c] if system.lower[c] != -INF else -inf for c in comp]
    hi = [system.upper[c] if system.upper[c] != INF else inf for c in comp]
    h2.addVars(n, np.array(lo, dtype=float), np.array(hi, dtype=float))
    h2.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
    nr = len(rows)
    h2.addVars(3 * nr, np.zeros(3 * nr), np.array([big, big, 1.0] * nr))
    zcols = np.array([n + 3 * k + 2 for k in range(nr)], dtype=np.int32)
    h2.changeColsIntegrality(nr, zcols, np.array([highspy.HighsVarType.kInteger] * nr))
    costs = np.array([1.0 + 1e-5 * (nr - k) for k in range(nr)])
    h2.changeColsCost(nr, zcols, costs)
    for k, r in enumerate(rows):
        _, coefs, rl, rh = system.rows[r]
        idx = [pos[c] for c in sorted(coefs)] + [n + 3 * k, n + 3 * k + 1]
        val = [float(coefs[c]) for c in sorted(coefs)] + [1.0, -1.0]
        h2.addRow(
            rl if rl != -INF else -inf,
            rh if rh != INF else inf,
            len(idx),
            np.array(idx, dtype=np.int32),
            np.array(val),
        )
        # s_plus + s_minus <= big * z
        h2.addRow(
            -inf,
            0.0,
            3,
            np.array([n + 3 * k, n + 3 * k + 1, n + 3 * k + 2], dtype=np.int32),
            np.array([1.0, 1.0, -big]),
        )
    h2.run()
    if h2.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError("elastic model not solved")
    x = h2.getSolution().col_value
    return [r for k, r in enumerate(rows) if x[n + 3 * k + 2] > 0.5]
