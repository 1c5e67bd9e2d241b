"""The CoMensha targets as rows of an integer program over victim groups (`ip.IPModel`).

A group is a list of (column, record): a record knows some attributes of the victims its column
counts. A target becomes rows when every spec it names is expressible in one group (`expr`); counts are
ranges, shares linear pairs (half-up rounding in integer arithmetic), caps one row per listed spec.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from jaarcijfers.synth.comensha.ip import INF, IPModel, Solved
from jaarcijfers.synth.comensha.specs import Spec, World, matches
from jaarcijfers.synth.comensha.targets import Target, interval

CELL_PENALTY = 10000.0
FACT_PENALTY = 1000.0
IMPLIED = "implied: "  # rows derived from targets (not targets themselves): never reported


class InfeasibleTargets(Exception):
    pass


def no_solution(year: int, sol: Solved) -> str:
    names = ", ".join(n for n, _ in sol.violations[:12]) or "none identified"
    return f"CoMensha {year}: no solution within the work limits ({sol.status}); conflicting targets: {names}"


@dataclass
class YearPlan:
    year: int
    targets: list[Target] = field(default_factory=list)
    top10: tuple[tuple[str, ...], tuple[str, ...]] | None = (
        None  # (members, non-members) of that year's top 10
    )
    population: float | None = None  # the edition's estimate of all victims a year (soft target)


def expr(groups: list[list[tuple[int, dict]]], spec: Spec, world: World) -> dict[int, float] | None:
    for grp in groups:
        if not grp:
            continue
        if matches(spec, grp[0][1], world) is None:
            continue
        return {var: 1.0 for var, rec in grp if matches(spec, rec, world)}
    return None


def add_target(model: IPModel, groups, t: Target, world: World) -> bool:
    """Add a target as rows if every spec it names is expressible in these groups."""
    pen = FACT_PENALTY if t.is_fact else CELL_PENALTY
    if t.kind == "count":
        e = expr(groups, t.spec, world)
        if e is None:
            return False
        iv = interval(t)
        model.row(e, iv.lo, iv.hi, t.name, pen)
        return True
    if t.kind == "share":
        num = expr(groups, t.spec, world)
        dens = [expr(groups, d, world) for d in t.den]
        if num is None or any(d is None for d in dens):
            return False
        den: dict[int, float] = defaultdict(float)
        for d in dens:
            for k, v in (d or {}).items():
                den[k] += v
        p = t.pct
        lo_terms: dict[int, float] = defaultdict(float)
        hi_terms: dict[int, float] = defaultdict(float)
        for k, v in num.items():
            lo_terms[k] += 200 * v
            hi_terms[k] += 200 * v
        for k, v in den.items():
            lo_terms[k] -= (2 * p - 1) * v
            hi_terms[k] -= (2 * p + 1) * v
        # scaled to count units, so that a miss of the share weighs like a miss of one count
        model.row({k: v / 200 for k, v in lo_terms.items()}, 0, INF, t.name, pen)
        model.row({k: v / 200 for k, v in hi_terms.items()}, -INF, -1 / 200, t.name, pen)
        return True
    if t.kind == "cap":
        exprs = []
        for s in t.caps:
            e = expr(groups, s + t.spec, world)
            if e is None:
                return False
            exprs.append(e)
        for e in exprs:
            if e:
                model.row(e, -INF, interval(t).hi, t.name, pen)
        return True
    raise ValueError(t.kind)
