"""Stage B of a CoMensha year: nationalities and labour sectors per country in one MIP.

Nationalities `z[(r, F, g), country]` within regions and stage A's labour sectors per (g, r) over
countries, `w[(g, country), LS]`. Rows: Tabel 1, the country facts and their top-k caps, sector x
country facts, the previous year's top ten (`top10_nieuw`). Objective: L1 to a country prior.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

from jaarcijfers.synth.comensha.constraints import (
    FACT_PENALTY,
    InfeasibleTargets,
    YearPlan,
    add_target,
    expr,
    no_solution,
)
from jaarcijfers.synth.comensha.ip import INF, IPModel
from jaarcijfers.synth.comensha.specs import World
from jaarcijfers.synth.comensha.targets import Target


def stage_b(
    plan: YearPlan,
    a_out: dict,
    rest: list[Target],
    cells: list[Target],
    world: World,
    rng: np.random.Generator,
    seed: int,
    weights: dict[str, float],
) -> tuple[dict, list[Target], dict]:
    model = IPModel()
    prof: dict[tuple, int] = Counter()
    for (g, _a, r, f), k in a_out["n"].items():
        prof[(r, f, g)] += k
    ub = float(sum(prof.values()))
    by_region: dict[str, list[str]] = defaultdict(list)
    for c in weights:
        by_region[world.region_of[c]].append(c)
    zgroup: list[tuple[int, dict]] = []
    zvar: dict[tuple, int] = {}
    labour_link: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
    for (r, f, g), k in sorted(prof.items()):
        cands = [""] if r == "?" else sorted(by_region[r])
        wsum = sum(weights.get(c, 1.0) for c in cands) or 1.0
        link = {}
        for c in cands:
            v = model.var(ub=k)
            zvar[(r, f, g, c)] = v
            link[v] = 1.0
            zgroup.append((v, {"r": r, "F": f, "g": g, "c": c}))
            model.abs_dev({v: 1.0}, round(k * weights.get(c, 1.0) / wsum), 1.0)
            if "L" in f:
                labour_link[(g, c)][v] = -1.0
        model.row(link, k, k)
    # labour sectors: stage A fixed them per (gender, region); here they go to countries
    wgroup: list[tuple[int, dict]] = []
    per_gr: dict[tuple[str, str, tuple], dict[int, float]] = defaultdict(dict)
    cnt_gr = {(rec["g"], rec["r"], rec["LS"]): k for rec, k in a_out["l"]}
    for (g, c), link in sorted(labour_link.items()):
        r = world.region_of[c] if c else "?"
        for (gg, rr, ls), _k in sorted(cnt_gr.items()):
            if gg != g or rr != r:
                continue
            v = model.var(cost=float(rng.uniform(0, 0.2)), ub=ub)
            link[v] = 1.0
            per_gr[(g, r, ls)][v] = 1.0
            wgroup.append((v, {"g": g, "c": c, "LS": ls, "lab": True}))
        model.row(link, 0, 0)
    for key, k in sorted(cnt_gr.items()):
        model.row(per_gr.get(key, {}), k, k)
    groups = [zgroup, wgroup]
    left: list[Target] = []
    for t in rest:
        if not add_target(model, groups, t, world):
            left.append(t)
    if plan.top10 is not None:
        members, others = plan.top10
        tv = model.var(ub=ub)
        for c in members:
            e = expr(groups, (("c", c),), world) or {}
            e[tv] = -1.0
            model.row(e, 0, INF, "fact top10_nieuw (top ten of the year before)", FACT_PENALTY)
        for c in others:
            e = expr(groups, (("c", c),), world) or {}
            if e:
                e[tv] = -1.0
                model.row(e, -INF, -1, "fact top10_nieuw (top ten of the year before)", FACT_PENALTY)
    sol = model.solve(seed)
    if not sol.values.size:
        raise InfeasibleTargets(no_solution(plan.year, sol))
    out = {
        "z": [(rec, model.value(sol, v)) for v, rec in zgroup if model.value(sol, v) > 0],
        "w": [(rec, model.value(sol, v)) for v, rec in wgroup if model.value(sol, v) > 0],
    }
    return (
        out,
        left,
        {
            "iterations": sol.iterations,
            "nodes": sol.nodes,
            "violations": sol.violations,
            "status": sol.status,
        },
    )
