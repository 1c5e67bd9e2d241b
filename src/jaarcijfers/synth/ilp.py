"""An *elastic* integer program over the solver layer (`jaarcijfers.solver`), used by the OM synthesiser.

Targets are added as *soft* ranges: a range `lo <= expr <= hi` gets two non-negative slack variables
with a penalty in the objective, so a model built from contradictory published numbers is still
solvable and the solution names exactly the targets whose slack is non-zero. Structural constraints
(a case has exactly one form, ...) are hard. The solver runs single-threaded with a fixed random seed
and a work limit (`LIMITS`), so the same input gives the same solution on any machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jaarcijfers.solver.linear import Lin
from jaarcijfers.solver.model import INF, Limits, Model, Settings

LIMITS = Limits(nodes=20_000)
"""Branch-and-bound nodes per model. The OM models of the 2024 edition are solved at the root node (one
node, at most 622 simplex iterations; `benchmarks/synth_bench.py` prints the work, docs/solver.md); at the
limit the best solution so far is used and the fit report says so."""


@dataclass
class Soft:
    key: tuple
    expr: Lin
    lo: float
    hi: float
    weight: float
    minus: int  # slack column raising the expression
    plus: int  # slack column lowering it


@dataclass
class ElasticIP:
    name: str
    lb: list[float] = field(default_factory=list)
    ub: list[float] = field(default_factory=list)
    cost: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    rows: list[tuple[Lin, float, float]] = field(default_factory=list)
    softs: list[Soft] = field(default_factory=list)
    values: tuple[float, ...] = ()
    status: str = ""

    def var(self, lb: float = 0, ub: float = INF, integer: bool = True, cost: float = 0.0) -> Lin:
        self.lb.append(lb)
        self.ub.append(ub)
        self.cost.append(cost)
        self.integer.append(integer)
        return Lin({len(self.lb) - 1: 1.0})

    def hard(self, expr: Lin, lo: float = -INF, hi: float = INF) -> None:
        self.rows.append((expr, lo - expr.const, hi - expr.const))

    def soft(self, key: tuple, expr: Lin, lo: float, hi: float, weight: float = 100.0) -> None:
        """lo <= expr <= hi, elastic: violations cost `weight` per unit."""
        minus = self.var(0, INF, integer=False, cost=weight)
        plus = self.var(0, INF, integer=False, cost=weight)
        (m,) = minus.terms
        (p,) = plus.terms
        self.rows.append((expr + minus - plus, lo - expr.const, hi - expr.const))
        self.softs.append(Soft(key, expr, lo, hi, weight, m, p))

    def solve(self, seed: int = 0) -> bool:
        """Solve; False when no solution was found (the values are then empty)."""
        model = Model(Settings(limits=LIMITS, seed=seed, mip_rel_gap=0.0, mip_abs_gap=0.5), name=self.name)
        model.add_columns(self.lb, self.ub, self.cost, self.integer)
        for expr, lo, hi in self.rows:
            items = sorted((k, v) for k, v in expr.terms.items() if v != 0)
            model.add_row(lo, hi, [k for k, _ in items], [v for _, v in items])
        res = model.solve()
        self.status = res.detail
        self.values = res.values
        return res.has_solution

    def value(self, expr: Lin) -> float:
        return expr.value(self.values)

    def ivalue(self, expr: Lin) -> int:
        return int(round(self.value(expr)))

    def violations(self, tol: float = 1e-6) -> list[tuple[Soft, float]]:
        out = []
        for s in self.softs:
            slack = self.values[s.minus] + self.values[s.plus]
            if slack > tol:
                out.append((s, slack))
        return out
