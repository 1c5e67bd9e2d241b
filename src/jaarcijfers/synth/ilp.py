"""A small elastic integer-programming layer over HiGHS.

Targets are added as *soft* ranges: a range `lo <= expr <= hi` gets two non-negative slack variables
with a penalty in the objective, so a model built from contradictory published numbers is still
solvable and the solution names exactly the targets whose slack is non-zero. Structural constraints
(a case has exactly one form, ...) are hard. HiGHS runs single-threaded with a fixed random seed and a
time limit, so the same input gives the same solution.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

INF = float("inf")


class Lin:
    """A linear expression: {column: coefficient} + constant. Supports +, -, * scalar, sum()."""

    __slots__ = ("terms", "const")

    def __init__(self, terms: dict[int, float] | None = None, const: float = 0):
        self.terms = dict(terms or {})
        self.const = const

    def _add(self, other: Lin | int | float, sign: float) -> Lin:
        out = Lin(self.terms, self.const)
        if isinstance(other, Lin):
            for k, v in other.terms.items():
                out.terms[k] = out.terms.get(k, 0) + sign * v
            out.const += sign * other.const
        else:
            out.const += sign * other
        return out

    def __add__(self, other):
        return self._add(other, 1)

    __radd__ = __add__

    def __sub__(self, other):
        return self._add(other, -1)

    def __rsub__(self, other):
        return (-1 * self)._add(other, 1)

    def __mul__(self, k: float) -> Lin:
        return Lin({c: v * k for c, v in self.terms.items()}, self.const * k)

    __rmul__ = __mul__

    def __neg__(self) -> Lin:
        return self * -1


def _new_highs(highspy):
    """A silent HiGHS instance (its constructor prints a banner on the C stdout)."""
    import os
    import sys

    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:
        saved = None
    if saved is None:
        h = highspy.Highs()
    else:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            h = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)
    h.setOptionValue("output_flag", False)
    return h


def lsum(items: Iterable[Lin | int]) -> Lin:
    out = Lin()
    for i in items:
        out = out + i
    return out


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
    values: list[float] = field(default_factory=list)
    status: str = ""
    optimal: bool = False

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

    def soft_ratio(
        self,
        key: tuple,
        num: Lin,
        den: Lin,
        lo: Fraction,
        hi_excl: Fraction | None,
        hi_incl: Fraction | None = None,
        weight: float = 1.0,
    ) -> None:
        """lo <= num/den < hi_excl (or <= hi_incl), den > 0, linearised with integer arithmetic."""
        # num/den >= lo  <=>  num*lo.den - den*lo.num >= 0
        self.soft(key + ("min",), num * lo.denominator - den * lo.numerator, 0, INF, weight)
        if hi_excl is not None:
            self.soft(key + ("max",), num * hi_excl.denominator - den * hi_excl.numerator, -INF, -1, weight)
        if hi_incl is not None:
            self.soft(key + ("max",), num * hi_incl.denominator - den * hi_incl.numerator, -INF, 0, weight)

    def solve(self, time_limit: float, seed: int = 0) -> bool:
        import highspy
        import numpy as np

        h = _new_highs(highspy)
        h.setOptionValue("threads", 1)
        h.setOptionValue("random_seed", int(seed) % 2147483647)
        h.setOptionValue("time_limit", float(max(time_limit, 0.5)))
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 0.5)
        n = len(self.lb)
        inf = highspy.kHighsInf
        lb = np.array([x if x != -INF else -inf for x in self.lb], dtype=np.float64)
        ub = np.array([x if x != INF else inf for x in self.ub], dtype=np.float64)
        h.addVars(n, lb, ub)
        h.changeColsCost(n, np.arange(n, dtype=np.int32), np.array(self.cost, dtype=np.float64))
        ints = np.array([i for i in range(n) if self.integer[i]], dtype=np.int32)
        if len(ints):
            h.changeColsIntegrality(len(ints), ints, np.array([highspy.HighsVarType.kInteger] * len(ints)))
        for expr, lo, hi in self.rows:
            items = sorted((k, v) for k, v in expr.terms.items() if v != 0)
            idx = np.array([k for k, _ in items], dtype=np.int32)
            val = np.array([v for _, v in items], dtype=np.float64)
            h.addRow(lo if lo != -INF else -inf, hi if hi != INF else inf, len(items), idx, val)
        h.run()
        status = h.getModelStatus()
        self.status = h.modelStatusToString(status)
        self.optimal = status == highspy.HighsModelStatus.kOptimal
        info = h.getInfo()
        if info.primal_solution_status == 0:  # no feasible solution found
            self.values = []
            return False
        self.values = list(h.getSolution().col_value)
        return True

    def value(self, expr: Lin) -> float:
        return expr.const + sum(v * self.values[k] for k, v in expr.terms.items())

    def ivalue(self, expr: Lin) -> int:
        return int(round(self.value(expr)))

    def violations(self, tol: float = 1e-6) -> list[tuple[Soft, float]]:
        out = []
        for s in self.softs:
            slack = self.values[s.minus] + self.values[s.plus]
            if slack > tol:
                out.append((s, slack))
        return out
