"""A HiGHS model with deterministic settings and work limits; the only module that imports `highspy`.

`Model` holds one HiGHS instance. Columns and rows are added in the caller's order (the order is part of
the model: HiGHS's answer to a degenerate or tied problem depends on it, so callers build in a sorted,
deterministic order), costs and bounds can be changed between solves (HiGHS then starts from the last
basis: a warm start), and `solve()` returns a frozen `Result`.

Determinism: every model runs on one thread with a fixed `random_seed`, and stops only on *work*
limits (`Limits`: simplex iterations of an LP, nodes, leaves or improving solutions of a MIP), never on
seconds, so the same model gives the same answer on an idle and on a busy machine.

`highspy` (and its banner, printed once per process on the C-level stdout) is loaded on the first
`Model()`; `--json` output and CSV on stdout stay clean because the banner goes to /dev/null.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

INF = math.inf
_INT_MAX = 2147483647


class Status(StrEnum):
    """How a solve ended."""

    OPTIMAL = "optimal"
    INFEASIBLE = "infeasible"
    UNBOUNDED = "unbounded"
    UNBOUNDED_OR_INFEASIBLE = "unbounded_or_infeasible"
    LIMIT = "limit"  # a work limit was reached; `Result.has_solution` says whether there is an incumbent
    ERROR = "error"  # anything else HiGHS reports (model or solve error)


@dataclass(frozen=True)
class Limits:
    """Work limits (None: no limit). `iterations` bounds the simplex iterations of an LP solve (not the LPs
    inside a MIP: HiGHS bounds those itself); `nodes`, `leaves` and `solutions` bound the
    branch-and-bound search of a MIP (nodes explored, leaves reached, improving solutions found)."""

    iterations: int | None = None
    nodes: int | None = None
    leaves: int | None = None
    solutions: int | None = None

    def options(self) -> dict[str, int]:
        names = {
            "iterations": "simplex_iteration_limit",
            "nodes": "mip_max_nodes",
            "leaves": "mip_max_leaves",
            "solutions": "mip_max_improving_sols",
        }
        out = {}
        for attr, option in names.items():
            value = getattr(self, attr)
            if value is not None:
                if not 0 <= value <= _INT_MAX:
                    raise ValueError(f"werkgrens {attr} buiten bereik: {value}")
                out[option] = int(value)
        return out


@dataclass(frozen=True)
class Settings:
    """Solver options of a model. `None` keeps HiGHS's default."""

    limits: Limits = Limits()
    seed: int = 0
    mip_rel_gap: float | None = None
    mip_abs_gap: float | None = None
    feasibility_tolerance: float | None = None  # primal and MIP feasibility tolerance
    presolve: bool = True
    simplex: bool = False  # force the simplex method for LPs (needed for dual values after warm starts)
    log: bool = False  # HiGHS's own log on stdout (debugging)


@dataclass(frozen=True)
class Result:
    status: Status
    detail: str  # HiGHS's words for the status, e.g. "Optimal", "Solution limit reached"
    has_solution: bool  # a primal feasible point is available (optimal or an incumbent at a limit)
    objective: float
    values: tuple[float, ...]  # column values (empty without a solution, or when not asked for)
    col_duals: tuple[float, ...]  # reduced costs of an LP (only when asked for)
    row_duals: tuple[float, ...]  # row duals of an LP (only when asked for)
    mip_gap: float
    iterations: int  # simplex iterations (for a MIP: of all its LPs)
    nodes: int  # branch-and-bound nodes (0 for an LP)


# ------------------------------------------------------------------------------------------ observing

Observer = Callable[[str, Result], None]
_OBSERVERS: list[Observer] = []


@contextmanager
def observe(callback: Observer) -> Iterator[None]:
    """Call `callback(model name, result)` after every solve inside the block (benchmarks, work limits)."""
    _OBSERVERS.append(callback)
    try:
        yield
    finally:
        _OBSERVERS.remove(callback)


# ------------------------------------------------------------------------------------------ HiGHS

_BANNER_DONE = False


def _highs() -> Any:
    """A new silent Highs instance. The first one of a process prints a banner on the C-level stdout,
    which is pointed at /dev/null meanwhile."""
    global _BANNER_DONE
    import highspy

    if _BANNER_DONE:
        h = highspy.Highs()
    else:
        sys.stdout.flush()
        try:
            saved = os.dup(1)
        except OSError:
            saved = -1
        if saved < 0:
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
        _BANNER_DONE = True
    h.setOptionValue("output_flag", False)
    return h


def _status(h: Any) -> Status:
    import highspy

    st = h.getModelStatus()
    ms = highspy.HighsModelStatus
    if st == ms.kOptimal:
        return Status.OPTIMAL
    if st == ms.kInfeasible:
        return Status.INFEASIBLE
    if st == ms.kUnbounded:
        return Status.UNBOUNDED
    if st == ms.kUnboundedOrInfeasible:
        return Status.UNBOUNDED_OR_INFEASIBLE
    if st in (ms.kIterationLimit, ms.kSolutionLimit, ms.kObjectiveBound, ms.kObjectiveTarget, ms.kTimeLimit):
        return Status.LIMIT
    return Status.ERROR


class Model:
    """One LP or MIP (minimisation). Column and row indices are assigned in the order of adding."""

    def __init__(self, settings: Settings = Settings(), name: str = "") -> None:
        self.settings = settings
        self.name = name
        h = _highs()
        h.setOptionValue("threads", 1)
        h.setOptionValue("random_seed", int(settings.seed) % _INT_MAX)
        if settings.log:
            h.setOptionValue("output_flag", True)
        if settings.mip_rel_gap is not None:
            h.setOptionValue("mip_rel_gap", float(settings.mip_rel_gap))
        if settings.mip_abs_gap is not None:
            h.setOptionValue("mip_abs_gap", float(settings.mip_abs_gap))
        if settings.feasibility_tolerance is not None:
            h.setOptionValue("mip_feasibility_tolerance", float(settings.feasibility_tolerance))
            h.setOptionValue("primal_feasibility_tolerance", float(settings.feasibility_tolerance))
        if not settings.presolve:
            h.setOptionValue("presolve", "off")
        if settings.simplex:
            h.setOptionValue("solver", "simplex")
        for option, value in settings.limits.options().items():
            h.setOptionValue(option, value)
        self._h = h

    # -- building ------------------------------------------------------------------------------------
    @property
    def num_columns(self) -> int:
        return int(self._h.getNumCol())

    @property
    def num_rows(self) -> int:
        return int(self._h.getNumRow())

    def add_columns(
        self,
        lower: Sequence[float],
        upper: Sequence[float],
        cost: Sequence[float] | None = None,
        integer: bool | Sequence[bool] = False,
    ) -> int:
        """Append columns; returns the index of the first. `integer`: all, none, or per column."""
        import highspy
        import numpy as np

        n = len(lower)
        first = self.num_columns
        if n == 0:
            return first
        self._h.addVars(n, np.asarray(lower, dtype=np.float64), np.asarray(upper, dtype=np.float64))
        idx = np.arange(first, first + n, dtype=np.int32)
        if cost is not None:
            self._h.changeColsCost(n, idx, np.asarray(cost, dtype=np.float64))
        flags = [integer] * n if isinstance(integer, bool) else list(integer)
        ints = np.array([first + i for i in range(n) if flags[i]], dtype=np.int32)
        if len(ints):
            self._h.changeColsIntegrality(
                len(ints), ints, np.array([highspy.HighsVarType.kInteger] * len(ints))
            )
        return first

    def add_row(self, lower: float, upper: float, index: Sequence[int], value: Sequence[float]) -> int:
        """Append the row lower <= sum value[k] x[index[k]] <= upper; returns its index."""
        import numpy as np

        row = self.num_rows
        self._h.addRow(
            float(lower),
            float(upper),
            len(index),
            np.asarray(index, dtype=np.int32),
            np.asarray(value, dtype=np.float64),
        )
        return row

    def load(
        self,
        cost: Sequence[float],
        lower: Sequence[float],
        upper: Sequence[float],
        row_lower: Sequence[float],
        row_upper: Sequence[float],
        columns: Sequence[Sequence[tuple[int, float]]],
        integer: Sequence[bool],
    ) -> None:
        """Replace the model by a whole one given column by column: `columns[j]` lists (row, value)."""
        import highspy
        import numpy as np

        start, index, value = [0], [], []
        for col in columns:
            for i, v in col:
                index.append(i)
                value.append(v)
            start.append(len(index))
        lp = highspy.HighsLp()
        lp.num_col_ = len(cost)
        lp.num_row_ = len(row_lower)
        lp.col_cost_ = np.asarray(cost, dtype=np.float64)
        lp.col_lower_ = np.asarray(lower, dtype=np.float64)
        lp.col_upper_ = np.asarray(upper, dtype=np.float64)
        lp.row_lower_ = np.asarray(row_lower, dtype=np.float64)
        lp.row_upper_ = np.asarray(row_upper, dtype=np.float64)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = np.asarray(start, dtype=np.int32)
        lp.a_matrix_.index_ = np.asarray(index, dtype=np.int32)
        lp.a_matrix_.value_ = np.asarray(value, dtype=np.float64)
        kinds = highspy.HighsVarType
        lp.integrality_ = [kinds.kInteger if x else kinds.kContinuous for x in integer]
        self._h.passModel(lp)

    # -- changing ------------------------------------------------------------------------------------
    def set_cost(self, column: int, value: float) -> None:
        self._h.changeColCost(int(column), float(value))

    def set_costs(self, values: Sequence[float]) -> None:
        """The cost of every column."""
        import numpy as np

        n = self.num_columns
        self._h.changeColsCost(n, np.arange(n, dtype=np.int32), np.asarray(values, dtype=np.float64))

    def set_bounds(self, lower: Sequence[float], upper: Sequence[float]) -> None:
        """The bounds of every column."""
        import numpy as np

        n = self.num_columns
        self._h.changeColsBounds(
            n,
            np.arange(n, dtype=np.int32),
            np.asarray(lower, dtype=np.float64),
            np.asarray(upper, dtype=np.float64),
        )

    def set_row_bounds(self, row: int, lower: float, upper: float) -> None:
        self._h.changeRowBounds(int(row), float(lower), float(upper))

    def set_start(self, values: ArrayLike) -> None:
        """A MIP start: values of the first len(values) columns (the others 0)."""
        import numpy as np

        n = self.num_columns
        given = np.asarray(values, dtype=np.float64)
        full = np.concatenate([given, np.zeros(n - len(given))])
        self._h.setSolution(n, np.arange(n, dtype=np.int32), full)

    def reset(self) -> None:
        """Forget the basis and solution: the next solve starts cold."""
        self._h.clearSolver()

    # -- solving -------------------------------------------------------------------------------------
    def solve(self, *, values: bool = True, duals: bool = False) -> Result:
        """Run HiGHS. `values`/`duals`: copy the column values / the duals into the result (the copies
        cost time in loops of thousands of solves that only need the objective)."""
        h = self._h
        h.run()
        status = _status(h)
        info = h.getInfo()
        has_solution = info.primal_solution_status == 2
        sol = h.getSolution() if (values and has_solution) or duals else None
        result = Result(
            status=status,
            detail=h.modelStatusToString(h.getModelStatus()),
            has_solution=has_solution,
            objective=float(info.objective_function_value),
            values=tuple(sol.col_value) if sol is not None and values and has_solution else (),
            col_duals=tuple(sol.col_dual) if sol is not None and duals else (),
            row_duals=tuple(sol.row_dual) if sol is not None and duals else (),
            mip_gap=float(info.mip_gap),
            iterations=max(0, int(info.simplex_iteration_count)),
            nodes=max(0, int(info.mip_node_count)),
        )
        for callback in list(_OBSERVERS):
            callback(self.name, result)
        return result


@dataclass
class WorkLog:
    """Work per solve, collected with `observe` (for benchmarks and the choice of work limits)."""

    solves: list[tuple[str, Result]] = field(default_factory=list)

    def __call__(self, name: str, result: Result) -> None:
        self.solves.append((name, result))

    def summary(self) -> dict[str, tuple[int, int, int]]:
        """Per model name: (solves, largest iterations of one solve, largest nodes of one solve)."""
        out: dict[str, tuple[int, int, int]] = {}
        for name, r in self.solves:
            n, it, nd = out.get(name, (0, 0, 0))
            out[name] = (n + 1, max(it, r.iterations), max(nd, r.nodes))
        return out
