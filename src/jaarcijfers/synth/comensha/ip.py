"""A small integer-programming model builder on the solver layer for the CoMensha solver.

Rows are either hard (structure: linking, deviations) or named target rows. Target rows are hard in
the first solve; when that is infeasible the model is solved again with every target row elastic
(penalised slack on both sides), so the answer names the targets that cannot hold together.

Every solve stops only on work limits (`LP_LIMITS`, `MIP_LIMITS`), never on seconds, so the answer does
not depend on the machine or its load (docs/synth-comensha.md, "Infeasible input, work limits").
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

import numpy as np

from jaarcijfers.solver.model import INF, Limits, Model, Result, Settings

LP_LIMITS = Limits(iterations=200_000)
"""Simplex iterations per LP: the 2024 edition needs at most ~1,350 (docs/solver.md)."""
MIP_LIMITS = Limits(nodes=20_000)
"""Branch-and-bound nodes per MIP: every MIP of the 2024 edition is solved at the root node."""


@dataclass
class Row:
    terms: dict[int, float]
    lo: float
    hi: float
    name: str | None  # None = structural (always hard)
    penalty: float = 0.0
    dev: bool = False  # defines an objective deviation: left out of a feasibility solve


@dataclass
class Solved:
    values: np.ndarray
    status: str
    elastic: bool
    violations: list[tuple[str, float]] = field(default_factory=list)  # (target name, signed miss)
    iterations: int = 0  # simplex iterations of every solve that led here
    nodes: int = 0  # branch-and-bound nodes of every solve that led here


class IPModel:
    def __init__(self) -> None:
        self.lb: list[float] = []
        self.ub: list[float] = []
        self.cost: list[float] = []
        self.integer: list[bool] = []
        self.rows: list[Row] = []
        self.devs: list[tuple[int, dict[int, float], float]] = []
        self.convex: list[tuple[list[int], float, dict[int, float], float]] = []

    def var(self, cost: float = 0.0, lb: float = 0.0, ub: float = INF, integer: bool = True) -> int:
        self.lb.append(lb)
        self.ub.append(ub)
        self.cost.append(cost)
        self.integer.append(integer)
        return len(self.lb) - 1

    def row(
        self, terms: dict[int, float], lo: float, hi: float, name: str | None = None, penalty: float = 0.0
    ) -> None:
        self.rows.append(Row(dict(terms), lo, hi, name, penalty))

    def abs_dev(self, terms: dict[int, float], target: float, cost: float) -> int:
        """A variable d >= |sum(terms) - target| with the given cost per unit."""
        d = self.var(cost=cost, integer=False)
        t1 = dict(terms)
        t1[d] = t1.get(d, 0) + 1
        self.rows.append(Row(t1, target, INF, None, dev=True))
        t2 = {k: -v for k, v in terms.items()}
        t2[d] = t2.get(d, 0) + 1
        self.rows.append(Row(t2, -target, INF, None, dev=True))
        self.devs.append((d, dict(terms), target))
        return d

    def convex_dev(self, terms: dict[int, float], target: float, width: float, slopes: list[float]) -> None:
        """A piecewise-linear convex cost of |sum(terms) - target|: the first `width` units cost
        slopes[0] each, the next `width` slopes[1], ... (the last slope has no end)."""
        ds = [
            self.var(cost=c, ub=width if i < len(slopes) - 1 else INF, integer=False)
            for i, c in enumerate(slopes)
        ]
        for sign in (1.0, -1.0):
            t = {k: sign * v for k, v in terms.items()}
            for d in ds:
                t[d] = 1.0
            self.rows.append(Row(t, sign * target, INF, None, dev=True))
        self.convex.append((ds, width, dict(terms), target))

    def with_devs(self, values: np.ndarray) -> np.ndarray:
        """A feasibility solution completed with its deviation values (a valid MIP start)."""
        out = np.array(values, dtype=float)
        for d, terms, target in self.devs:
            out[d] = abs(sum(v * out[k] for k, v in terms.items()) - target)
        for ds, width, terms, target in self.convex:
            left = abs(sum(v * out[k] for k, v in terms.items()) - target)
            for i, d in enumerate(ds):
                out[d] = left if i == len(ds) - 1 else min(left, width)
                left -= out[d]
        return out

    def _solve(
        self,
        elastic: bool,
        seed: int,
        gap: float,
        relax: bool = False,
        drop: frozenset = frozenset(),
        only: frozenset | None = None,
        feasibility: bool = False,
        start: np.ndarray | None = None,
    ) -> Solved:
        """elastic: every target row (or only the rows named in `only`) gets penalised slack; with
        `only` the plausibility costs are kept (best fit), without them they are dropped (diagnosis)."""
        lb, ub, cost, integ = list(self.lb), list(self.ub), list(self.cost), list(self.integer)
        if elastic and only is None:
            # diagnosis: only the misses count (the plausibility costs would slow the search down)
            cost = [0.0] * len(cost)
        if feasibility:
            # a first point: the simple linear costs only, without the deviation rows
            for d, _, _ in self.devs:
                cost[d] = 0.0
            for ds, _, _, _ in self.convex:
                for d in ds:
                    cost[d] = 0.0
        if relax:
            integ = [False] * len(integ)
        cols: list[list[tuple[int, float]]] = [[] for _ in lb]
        rlo, rhi = [], []
        slacks: list[tuple[int, int, str]] = []
        rows = [r for r in self.rows if not (feasibility and r.dev)]
        for i, r in enumerate(rows):
            for k, v in r.terms.items():
                if v:
                    cols[k].append((i, v))
            dropped = r.name is not None and r.name in drop
            rlo.append(-INF if dropped else r.lo)
            rhi.append(INF if dropped else r.hi)
            if elastic and r.name is not None and not dropped and (only is None or r.name in only):
                for sign in (1.0, -1.0):
                    lb.append(0.0)
                    ub.append(INF)
                    cost.append(r.penalty or 1000.0)
                    integ.append(not relax)
                    cols.append([(i, sign)])
                slacks.append((len(lb) - 2, len(lb) - 1, r.name))
        kind = "lp" if relax else "mip"
        model = Model(
            Settings(
                limits=LP_LIMITS if relax else MIP_LIMITS,
                seed=seed,
                mip_rel_gap=gap,
                log=bool(os.environ.get("COMENSHA_HIGHS_LOG")),
            ),
            name=f"comensha {kind}{' elastic' if elastic else ''}",
        )
        model.load(cost, lb, ub, rlo, rhi, cols, integ)
        if start is not None:
            model.set_start(start)
        res = model.solve()
        if os.environ.get("COMENSHA_DEBUG"):
            print(
                f"  solve elastic={elastic} cols={len(lb)} rows={len(rlo)} {res.detail} "
                f"iterations={res.iterations} nodes={res.nodes} obj={res.objective:.1f} gap={res.mip_gap:.3f}",
                file=sys.stderr,
            )
        return self._solved(res, elastic, relax, slacks)

    def _solved(self, res: Result, elastic: bool, relax: bool, slacks: list[tuple[int, int, str]]) -> Solved:
        vals = np.array(res.values) if res.has_solution else np.zeros(0)
        out = Solved(
            vals[: len(self.lb)] if res.has_solution else vals,
            res.detail,
            elastic,
            iterations=res.iterations,
            nodes=res.nodes,
        )
        if not res.has_solution:
            out.status = "no solution: " + res.detail
        elif elastic:
            for a, b, name in slacks:
                miss = vals[a] - vals[b]
                if abs(miss) > (1e-6 if relax else 0.5):
                    out.violations.append((name, -miss))
        return out

    @staticmethod
    def _add_work(sol: Solved, *before: Solved) -> None:
        for b in before:
            sol.iterations += b.iterations
            sol.nodes += b.nodes

    def solve(self, seed: int, gap: float = 0.05) -> Solved:
        """A feasible point first (no costs: fast), then the plausibility objective from it; when
        infeasible: find the conflicting targets with an elastic LP (the fewest, most weakly held
        targets that must give), solve again with only those elastic (best fit of everything else)."""
        # the LP relaxation is often integral already (the rows are mostly sums of counts)
        lp0 = self._solve(False, seed, gap, relax=True)
        if lp0.values.size:
            ints = np.array(self.integer, dtype=bool)
            v = lp0.values
            if np.all(np.abs(v[ints] - np.round(v[ints])) < 1e-7):
                lp0.values = np.where(ints, np.round(v), v)
                lp0.status = "LP relaxation integral"
                return lp0
            # solve the MIP on the support of the LP optimum (counts the LP leaves at zero stay zero)
            frac = ints & (np.abs(v - np.round(v)) >= 1e-7)
            saved_lb, saved_ub = list(self.lb), list(self.ub)
            for k in np.where(ints & (np.abs(v) < 1e-7))[0]:
                self.ub[k] = 0.0
            fixed = self._solve(False, seed, gap)
            self.lb, self.ub = saved_lb, saved_ub
            if fixed.values.size:
                fixed.status = f"LP relaxation, {int(frac.sum())} fractional counts repaired: {fixed.status}"
                self._add_work(fixed, lp0)
                return fixed
        s = self._solve(False, seed, gap, feasibility=True)
        if s.values.size:
            best = self._solve(False, seed, gap, start=self.with_devs(s.values))
            self._add_work(best, s)
            return best if best.values.size else s
        lp = self._solve(True, seed, gap, relax=True)
        conflicts = [(n, m) for n, m in lp.violations]
        names = frozenset(n for n, _ in conflicts)
        if names:
            again = self._solve(True, seed, gap, only=names)
            if again.values.size:
                again.status = f"{s.status}; {len(names)} conflicting targets made elastic: {again.status}"
                self._add_work(again, s, lp)
                return again
            again = self._solve(False, seed, gap, drop=names)
            if again.values.size:
                again.violations = conflicts
                again.status = f"{s.status}; dropped {len(names)} conflicting targets: {again.status}"
                self._add_work(again, s, lp)
                return again
        e = self._solve(True, seed, gap)
        self._add_work(e, s, lp)
        e.status = f"{s.status}; elastic: {e.status}"
        if not e.values.size and conflicts:
            e.violations = conflicts
        return e

    @staticmethod
    def value(sol: Solved, var: int) -> int:
        return int(round(sol.values[var]))
