"""The solver layer: typed results, work limits (never seconds), determinism, the only door to HiGHS."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from jaarcijfers.solver.linear import Lin, lsum
from jaarcijfers.solver.model import INF, Limits, Model, Settings, Status, WorkLog, observe

SRC = Path(__file__).resolve().parents[2] / "src" / "jaarcijfers"


def _lp() -> Model:
    """min -x - 2y  s.t.  x + y <= 4,  x + 3y <= 6,  x, y >= 0  (optimum x = 3, y = 1)."""
    m = Model(Settings(), name="lp")
    m.add_columns([0.0, 0.0], [INF, INF], [-1.0, -2.0])
    m.add_row(-INF, 4.0, [0, 1], [1.0, 1.0])
    m.add_row(-INF, 6.0, [0, 1], [1.0, 3.0])
    return m


def test_lp_values_objective_and_duals():
    assert _lp().solve().row_duals == ()  # only when asked for
    res = _lp().solve(duals=True)
    assert res.status is Status.OPTIMAL and res.has_solution
    assert res.values == pytest.approx((3.0, 1.0))
    assert res.objective == pytest.approx(-5.0)
    assert res.row_duals == pytest.approx((-0.5, -0.5))
    assert res.iterations >= 1 and res.nodes == 0


def test_warm_started_changes():
    m = _lp()
    m.solve()
    m.set_cost(0, -3.0)  # now x alone is better
    assert m.solve().values == pytest.approx((4.0, 0.0))
    m.set_bounds([0.0, 0.0], [1.0, INF])
    assert m.solve().values == pytest.approx((1.0, 5.0 / 3.0))
    m.set_row_bounds(1, -INF, 3.0)
    m.reset()
    assert m.solve().values == pytest.approx((1.0, 2.0 / 3.0))


def test_infeasible_and_unbounded_are_typed():
    m = Model()
    m.add_columns([0.0], [INF], [1.0])
    m.add_row(-INF, -1.0, [0], [1.0])
    res = m.solve()
    assert res.status is Status.INFEASIBLE and not res.has_solution and res.values == ()
    m = Model(Settings(presolve=False, simplex=True))
    m.add_columns([0.0], [INF], [-1.0])
    assert m.solve().status in (Status.UNBOUNDED, Status.UNBOUNDED_OR_INFEASIBLE)


def _market_split(limits: Limits) -> Model:
    """A market-split instance: hard for branch and bound, so the work limits are reached."""
    rnd = random.Random(3)
    n = 24
    rows = [[rnd.randint(0, 99) for _ in range(n)] for _ in range(3)]
    m = Model(Settings(limits=limits), name="market split")
    m.add_columns([0.0] * n, [1.0] * n, [0.0] * n, integer=True)
    s0 = m.add_columns([0.0] * 6, [INF] * 6, [1.0] * 6)
    for k, a in enumerate(rows):
        rhs = sum(a) // 2
        m.add_row(rhs, rhs, [*range(n), s0 + 2 * k, s0 + 2 * k + 1], [*map(float, a), 1.0, -1.0])
    return m


@pytest.mark.parametrize(
    "limits", [Limits(nodes=20), Limits(leaves=5), Limits(solutions=1)], ids=["nodes", "leaves", "solutions"]
)
def test_mip_work_limits_stop_with_the_incumbent(limits):
    res = _market_split(limits).solve()
    assert res.status is Status.LIMIT and res.has_solution
    if limits.nodes is not None:
        assert res.nodes <= limits.nodes
    again = _market_split(limits).solve()
    assert (again.values, again.objective, again.nodes) == (res.values, res.objective, res.nodes)


def test_lp_iteration_limit():
    rnd = random.Random(1)
    n = 30
    m = Model(Settings(limits=Limits(iterations=2)))
    m.add_columns([0.0] * n, [10.0] * n, [-(i % 7 + 1.0) for i in range(n)])
    for r in range(20):
        m.add_row(-INF, 5.0 + r, list(range(n)), [float(rnd.randint(1, 9)) for _ in range(n)])
    res = m.solve()
    assert res.status is Status.LIMIT and res.iterations == 2


def test_limits_are_validated_and_named_as_highs_options():
    assert Limits(iterations=5, nodes=6, leaves=7, solutions=8).options() == {
        "simplex_iteration_limit": 5,
        "mip_max_nodes": 6,
        "mip_max_leaves": 7,
        "mip_max_improving_sols": 8,
    }
    with pytest.raises(ValueError):
        Limits(nodes=-1).options()


def test_observe_collects_the_work_of_every_solve():
    log = WorkLog()
    with observe(log):
        _lp().solve()
        _lp().solve()
    _lp().solve()  # outside the block
    assert [name for name, _ in log.solves] == ["lp", "lp"]
    solves, iterations, nodes = log.summary()["lp"]
    assert solves == 2 and iterations >= 1 and nodes == 0


def test_linear_expressions():
    x, y = Lin({0: 1.0}), Lin({1: 1.0})
    e = 2 * x - y + 3
    assert (e.terms, e.const) == ({0: 2.0, 1: -1.0}, 3)
    assert lsum([x, y, 1]).value((2.0, 5.0)) == 8.0
    assert (-(x - 1)).value((4.0,)) == -3.0


def test_only_the_solver_layer_imports_highspy_and_nothing_uses_seconds():
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(SRC).as_posix()
        if rel != "solver/model.py":
            assert not re.search(r"^\s*(import highspy|from highspy)", text, re.M), rel
            assert "scipy.optimize import linprog" not in text, rel
        assert '"time_limit"' not in text, rel
