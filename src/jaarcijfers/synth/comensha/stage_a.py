"""Stage A of a CoMensha year: victim types, reporter sets and sector sets in one MIP.

Victim types `n[g, a, r, F]` (gender x age class x region x form set), reporter sets `m[profile, R]`
per profile (form set, sexual kind, minor), sexual-sector sets `s[r, SS]` per region and labour-sector
sets `l[(g, r), LS]`, linked by profile sums. Every target expressible in these attributes is a row
(`constraints.add_target`); the objective is the plausibility of `priors.py`. Targets on countries are
left for stage B (`rest`), but imply lower bounds on their regions here.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import numpy as np

from jaarcijfers.synth.comensha.constraints import (
    IMPLIED,
    InfeasibleTargets,
    YearPlan,
    add_target,
    expr,
    no_solution,
)
from jaarcijfers.synth.comensha.ip import INF, IPModel
from jaarcijfers.synth.comensha.priors import Prior, affinity_costs, independence_prior, mention_priors
from jaarcijfers.synth.comensha.specs import FORMSETS, Spec, World, sexual_kind
from jaarcijfers.synth.comensha.targets import Target, interval, lookup
from jaarcijfers.synth.comensha.vocabulary import AGES, GENDERS, NNW, ONB, REGIONS, REPORTERS


def _reporter_sets() -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    for k in (1, 2, 3):
        out.extend(frozenset(c) for c in combinations(REPORTERS, k))
    return out


def _sector_sets(sectors: tuple[str, ...], max_size: int) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [(NNW,), (ONB,)]
    for k in range(1, max_size + 1):
        out.extend(tuple(c) for c in combinations(sectors, k))
    return out


def stage_a(
    plan: YearPlan,
    cells: list[Target],
    world: World,
    ref_year: int,
    rng: np.random.Generator,
    seed: int,
) -> tuple[dict, list[Target], dict]:
    y = plan.year
    prior = Prior(cells, y, ref_year)
    model = IPModel()
    # finite bounds keep HiGHS's domain propagation short: no count exceeds the year's victims
    total = lookup(cells, y, ())
    ub = float(total.hi) if total is not None else 100000.0
    ngroup: list[tuple[int, dict]] = []
    nvar: dict[tuple, int] = {}
    for g in GENDERS:
        for a in AGES:
            for r in REGIONS:
                for f in FORMSETS:
                    rec = {"g": g, "a": a, "r": r, "F": f}
                    v = model.var(ub=ub, cost=float(rng.uniform(0, 0.01)))
                    nvar[(g, a, r, f)] = v
                    ngroup.append((v, rec))
                    model.abs_dev({v: 1.0}, round(prior.expected(g, a, r, f)), 1.0)
    rep_cost, sector_cost = affinity_costs(cells, world, ref_year)
    # reporters per profile
    profiles: dict[tuple, list[int]] = defaultdict(list)
    for (_g, a, r, f), v in nvar.items():
        profiles[(f, sexual_kind(r, f), a == "min")].append(v)
    mgroup: list[tuple[int, dict]] = []
    msets = _reporter_sets()
    for (f, sk, minor), members in profiles.items():
        link = {v: -1.0 for v in members}
        for rs in msets:
            if ("fairwork" in rs or "nla" in rs) and "L" not in f:
                continue
            cost = {1: 0.0, 2: 3.0, 3: 9.0}[len(rs)] + float(rng.uniform(0, 0.5))
            cost += sum(rep_cost(rep, f, sk) for rep in rs)
            v = model.var(cost=cost, ub=ub)
            link[v] = 1.0
            mgroup.append((v, {"F": f, "sk": sk, "minor": minor, "R": rs}))
        model.row(link, 0, 0)
    independence_prior(model, cells, y, plan.population, msets, mgroup)
    # sexual sectors per region
    sgroup: list[tuple[int, dict]] = []
    ssets = _sector_sets(world.sex_sectors, 3)
    for r in REGIONS:
        link = {v: -1.0 for (g, a, rr, f), v in nvar.items() if rr == r and "S" in f}
        for ss in ssets:
            cost = {NNW: 0.5, ONB: 0.2}.get(ss[0], {1: 0.0, 2: 2.0, 3: 6.0}[len(ss)]) + float(
                rng.uniform(0, 0.3)
            )
            cost += sum(sector_cost(code, r) for code in ss)
            v = model.var(cost=cost, ub=ub)
            link[v] = 1.0
            sgroup.append((v, {"r": r, "SS": ss, "sexrec": True}))
        model.row(link, 0, 0)
    # labour sectors per gender and region
    lgroup: list[tuple[int, dict]] = []
    lsets = _sector_sets(world.lab_sectors, 2)
    for g in GENDERS:
        for r in REGIONS:
            link = {v: -1.0 for (gg, a, rr, f), v in nvar.items() if gg == g and rr == r and "L" in f}
            for ls in lsets:
                cost = {NNW: 0.5, ONB: 0.3}.get(ls[0], {1: 0.0, 2: 3.0}[len(ls)]) + float(rng.uniform(0, 0.5))
                v = model.var(cost=cost, ub=ub)
                link[v] = 1.0
                lgroup.append((v, {"g": g, "r": r, "LS": ls, "lab": True}))
            model.row(link, 0, 0)
    groups = [ngroup, mgroup, sgroup, lgroup]
    mention_priors(model, cells, world, y, ref_year, mgroup, sgroup, lgroup)
    rest: list[Target] = []
    for t in plan.targets:
        if not add_target(model, groups, t, world):
            rest.append(t)
    # implied by country-level targets: the region holds at least the named countries' counts
    need: dict[Spec, int] = defaultdict(int)
    for t in rest:
        if t.kind == "count":
            cs = [c for c in t.spec if c[0] == "c"]
            if len(cs) == 1 and cs[0][1] in world.region_of:
                spec = tuple(c for c in t.spec if c[0] != "c") + (("r", world.region_of[cs[0][1]]),)
                need[spec] += interval(t).lo
    for spec, lo in need.items():
        e_need = expr(groups, spec, world)
        if e_need is not None:
            model.row(e_need, lo, INF, f"{IMPLIED}region total of named countries {dict(spec)}", 1.0)
    sol = model.solve(seed)
    if not sol.values.size:
        raise InfeasibleTargets(no_solution(y, sol))
    out = {
        "n": {k: model.value(sol, v) for k, v in nvar.items() if model.value(sol, v) > 0},
        "m": [(rec, model.value(sol, v)) for v, rec in mgroup if model.value(sol, v) > 0],
        "s": [(rec, model.value(sol, v)) for v, rec in sgroup if model.value(sol, v) > 0],
        "l": [(rec, model.value(sol, v)) for v, rec in lgroup if model.value(sol, v) > 0],
    }
    info = {
        "iterations": sol.iterations,
        "nodes": sol.nodes,
        "violations": sol.violations,
        "status": sol.status,
    }
    return out, rest, info
