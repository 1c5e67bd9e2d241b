"""CoMensha part of the synthetic delivery: registrations, forms/sectors and reporters for Y-4..Y.

Population synthesis by integer programming (HiGHS), one year at a time, newest year first (so that
a fact comparing a year with the one before, e.g. "+54%", constrains the earlier year once the later
one is known). Per year two stages:

Stage A (one joint MIP): victim types n[g, a, r, F] (gender x age class x region x form set), reporter
sets m[profile, R] per profile (form set, sexual kind, minor), sexual-sector sets s[r, SS] per region and
labour-sector sets l[(g, r), LS], linked by profile sums. Every target expressible in these attributes
(figures 1-9 and 12 with their `vorm` blocks, and the facts on them) is a row; the objective keeps the
types close to a prior (L1) and spreads reporters and sectors like the reporting year's cross tables.

Stage B (one joint MIP): nationalities z[(r, F, g), country] within regions, and stage A's labour
sectors per (g, r) distributed over countries, w[(g, country), LS]. Rows: Tabel 1 (every other country
strictly below rank 10), the country facts and their top-k caps, sector x country facts, the previous
year's top 10 (fact `top10_nieuw`). When stage B cannot place a country target, stage A is solved again.

Each MIP: LP relaxation first, then the MIP on the LP's support (see `comensha_ip`); conflicting targets
are named by an elastic LP and the rest is still met exactly.

Everything is read from the targets (`synth.targets`); see docs/synth-comensha.md.
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations

import numpy as np

from jaarcijfers.synth.comensha_ip import INF
from jaarcijfers.synth.comensha_ip import IPModel as Model
from jaarcijfers.synth.comensha_spec import (
    AGES,
    FORM_COLS,
    GENDERS,
    NNW,
    ONB,
    REGIONS,
    REPORTERS,
    FactSpec,
    Spec,
    Target,
    World,
    _form,
    admissible,
    cell_targets,
    count_interval,
    country_groups,
    factor_ok,
    load_world,
    matches,
    parse_facts,
    pct_ok,
    sexual_kind,
    share_ok,
)
from jaarcijfers.synth.targets import Interval, Targets

FORMSETS = tuple(
    sorted(
        {"".join(a for j, a in enumerate("SLCO") if mask >> j & 1) for mask in range(16)},
        key=lambda s: (len(s), s),
    )
)

# Cosmetic prior of nationalities within a region (relative weights; countries named by the targets
# get their published weight on top). Only shapes which unnamed countries appear; never a target.
# fmt: off
COUNTRY_PRIOR = {
    "PL": 8, "RO": 8, "BG": 5, "HU": 4, "UA": 4, "LT": 3, "LV": 2, "SK": 3, "CZ": 2, "MD": 3, "AL": 3,
    "RS": 1, "PT": 2, "ES": 1, "DE": 2, "BE": 2, "IT": 1, "FR": 1, "GR": 1, "HR": 1, "XK": 1, "BA": 1,
    "GB": 1, "EE": 1, "MK": 1, "BY": 1, "RU": 1,
    "UG": 6, "NG": 6, "SL": 4, "GN": 3, "ER": 4, "GH": 3, "CM": 2, "MA": 3, "DZ": 2, "EG": 1, "ET": 2,
    "SO": 2, "SD": 2, "CI": 2, "LR": 2, "KE": 2, "CD": 1, "GM": 2, "SN": 1, "TN": 1, "LY": 1, "AO": 1,
    "BI": 1, "TG": 1, "BF": 1, "ML": 1,
    "CN": 5, "VN": 5, "IN": 4, "PH": 4, "ID": 3, "TH": 3, "TR": 3, "SY": 3, "AF": 2, "IR": 2, "IQ": 2,
    "PK": 2, "BD": 2, "LK": 1, "MN": 1, "NP": 1, "MY": 1, "GE": 1, "AM": 1, "AZ": 1,
    "CO": 8, "VE": 6, "BR": 5, "DO": 3, "PY": 2, "PE": 2, "SR": 3, "AR": 1, "CU": 1, "MX": 1, "EC": 2,
    "HN": 1, "SV": 1, "GT": 1, "BO": 1, "NI": 1, "CW": 1,
    "XX": 3, "US": 2, "CA": 1, "AU": 1,
    "NL": 1,
}
# fmt: on

ATTEMPTS = 4
POPULATION_FACT = "schatting_slachtoffers_per_jaar"  # soft target of the reporter overlaps (MSE)
OVERLAP_WEIGHT = 10.0  # cost scale of a reporter set's distance to its count under independence
CELL_PENALTY = 10000.0
IMPLIED = "implied: "  # rows derived from targets (not targets themselves): never reported
FACT_PENALTY = 1000.0


@dataclass(frozen=True)
class ComensHaResult:
    tables: dict[str, list[dict[str, str]]]
    unmet: list[tuple[str, str]]
    stats: dict[str, float]


class InfeasibleTargets(Exception):
    pass


def _no_solution(year: int, sol) -> str:
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


# ----------------------------------------------------------------------------------------- helpers


def _mid(iv: Interval | None) -> float:
    return 0.0 if iv is None else (iv.lo + iv.hi) / 2


def _lookup(cells: list[Target], year: int, spec: Spec) -> Interval | None:
    key = frozenset(spec)
    for t in cells:
        if t.kind == "count" and t.year == year and frozenset(t.spec) == key:
            return t.interval
    return None


def count(victims: list[dict], spec: Spec, world: World) -> int:
    return sum(1 for v in victims if matches(spec, v, world) is True)


def _expr(groups: list[list[tuple[int, dict]]], spec: Spec, world: World) -> dict[int, float] | None:
    for grp in groups:
        if not grp:
            continue
        if matches(spec, grp[0][1], world) is None:
            continue
        return {var: 1.0 for var, rec in grp if matches(spec, rec, world)}
    return None


def _add_target(model: Model, groups, t: Target, world: World) -> bool:
    """Add a target as rows if every spec it names is expressible in these groups."""
    pen = FACT_PENALTY if t.is_fact else CELL_PENALTY
    if t.kind == "count":
        e = _expr(groups, t.spec, world)
        if e is None:
            return False
        iv = _iv(t)
        model.row(e, iv.lo, iv.hi, t.name, pen)
        return True
    if t.kind == "share":
        num = _expr(groups, t.spec, world)
        dens = [_expr(groups, d, world) for d in t.den]
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
            e = _expr(groups, s + t.spec, world)
            if e is None:
                return False
            exprs.append(e)
        for e in exprs:
            if e:
                model.row(e, -INF, _iv(t).hi, t.name, pen)
        return True
    raise ValueError(t.kind)


# ----------------------------------------------------------------------------------------- priors


class Prior:
    """Expected counts of victim types for a year: the form's conditional distributions of the
    reporting year's `vorm` blocks (where published), rescaled to the year's marginals."""

    def __init__(self, cells: list[Target], year: int, ref_year: int) -> None:
        self.n = _mid(_lookup(cells, year, ())) or 1.0
        g = {x: _mid(_lookup(cells, year, (("g", x),))) for x in ("man", "vrouw")}
        g["?"] = max(0.3, self.n - sum(g.values()))
        a = {x: _mid(_lookup(cells, year, (("a", x),))) for x in AGES}
        r = {x: _mid(_lookup(cells, year, (("r", x),))) for x in REGIONS}
        self.pg = _norm(g)
        self.pa = _norm(a)
        self.pr = _norm(r)
        atoms = {
            "S": _mid(_lookup(cells, year, (("form", "dom"),)))
            + _mid(_lookup(cells, year, (("form", "intl"),)))
            + 1,
            "L": _mid(_lookup(cells, year, (("form", "L"),))),
            "C": _mid(_lookup(cells, year, (("form", "C"),))),
            "O": _mid(_lookup(cells, year, (("form", "O"),))),
            "": _mid(_lookup(cells, year, (("form", "none"),))),
        }
        excess = max(0.0, sum(atoms.values()) - self.n)
        pf = {f: 0.02 for f in FORMSETS}
        pairs = {"CS": 0.6, "LS": 0.2, "CL": 0.2}
        for pr, share in pairs.items():
            key = "".join(a for a in "SLCO" if a in pr)
            pf[key] = excess * share
        for at in "SLCO":
            pf[at] = max(0.3, atoms[at] - sum(v for k, v in pairs.items() if at in k) * excess)
        pf[""] = max(0.3, atoms[""])
        self.pf = _norm(pf)
        # conditionals of the reporting year per atom (None when not published)
        self.cond: dict[str, dict[str, dict[str, float]]] = {}
        cols = {"S": ("dom", "intl"), "L": ("L",), "C": ("C",), "O": ("OO",), "": ("OO",)}
        for at, cs in cols.items():
            d: dict[str, dict[str, float]] = {}
            for dim, vals in (("g", ("man", "vrouw")), ("a", AGES), ("r", REGIONS)):
                tab = {}
                for v in vals:
                    tot = 0.0
                    found = False
                    for c in cs:
                        iv = _lookup(cells, ref_year, ((dim, v), ("form", c)))
                        if iv is None and dim == "r" and at == "S":
                            iv = _lookup(cells, ref_year, ((dim, v), ("form", "sex")))
                            if iv is not None:
                                tot = _mid(iv)
                                found = True
                                break
                        if iv is not None:
                            tot += _mid(iv)
                            found = True
                    if found:
                        tab[v] = tot
                if tab:
                    if dim == "g":
                        tab["?"] = 0.3
                    d[dim] = _norm({k: v + 0.2 for k, v in tab.items()})
            self.cond[at] = d

    def p(self, dim: str, val: str, forms: str) -> float:
        marg = {"g": self.pg, "a": self.pa, "r": self.pr}[dim]
        at = next((x for x in "CSLO" if x in forms), "")
        c = self.cond.get(at, {}).get(dim)
        if c is None:
            return marg.get(val, 0.0)
        # blend the reporting year's conditional with this year's marginal
        return 0.8 * c.get(val, 0.0) + 0.2 * marg.get(val, 0.0)

    def expected(self, g: str, a: str, r: str, forms: str) -> float:
        return self.n * self.pf[forms] * self.p("g", g, forms) * self.p("a", a, forms) * self.p("r", r, forms)


def _norm(d: dict[str, float]) -> dict[str, float]:
    s = sum(max(0.0, v) for v in d.values()) or 1.0
    return {k: max(0.0, v) / s for k, v in d.items()}


# ----------------------------------------------------------------------------------------- stage A


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
    model = Model()
    # finite bounds keep HiGHS's domain propagation short: no count exceeds the year's victims
    total = _lookup(cells, y, ())
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
                    e = prior.expected(g, a, r, f)
                    if not os.environ.get("CM_NOL1"):
                        model.abs_dev({v: 1.0}, round(e), 1.0)
    rep_cost, sector_cost = _affinity_costs(cells, world, ref_year)
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
    _independence_prior(model, cells, y, plan.population, msets, mgroup)
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
    _mention_priors(model, cells, world, y, ref_year, mgroup, sgroup, lgroup)
    rest: list[Target] = []
    for t in plan.targets:
        if not _add_target(model, groups, t, world):
            rest.append(t)
    # implied by country-level targets: the region holds at least the named countries' counts
    need: dict[Spec, int] = defaultdict(int)
    for t in rest:
        if t.kind == "count":
            cs = [c for c in t.spec if c[0] == "c"]
            if len(cs) == 1 and cs[0][1] in world.region_of:
                spec = tuple(c for c in t.spec if c[0] != "c") + (("r", world.region_of[cs[0][1]]),)
                need[spec] += _iv(t).lo
    for spec, lo in need.items():
        e_need = _expr(groups, spec, world)
        if e_need is not None:
            model.row(e_need, lo, INF, f"{IMPLIED}region total of named countries {dict(spec)}", 1.0)
    sol = model.solve(seed)
    if not sol.values.size:
        raise InfeasibleTargets(_no_solution(y, sol))
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


def independent_histories(
    sizes: dict[str, float], observed: float, population: float, sets: list[frozenset[str]]
) -> dict[frozenset[str], float]:
    """Expected number of observed victims per reporter set when the lists are independent: a
    population of `population` victims, reporter j seeing each with probability sizes[j] / population,
    conditioned on being seen (`observed` x product of inclusion probabilities / P(seen))."""
    reps = sorted(sizes)
    p = {j: min(max(sizes[j] / population, 0.0), 1.0) for j in reps}
    mu = {}
    for rs in sets:
        if not rs <= set(reps):
            continue
        w = 1.0
        for j in reps:
            w *= p[j] if j in rs else 1.0 - p[j]
        mu[rs] = w
    tot = sum(mu.values())
    return {rs: observed * w / tot for rs, w in mu.items()} if tot > 0 else {}


def _independence_prior(
    model: Model, cells: list[Target], y: int, population: float | None, msets, mgroup
) -> None:
    """Soft target: the number of victims per reporter set near its expectation under independent
    lists (so that multiple systems estimation on the delivery gives a plausible number)."""
    total = _lookup(cells, y, ())
    sizes = {rep: _lookup(cells, y, (("rep", rep),)) for rep in REPORTERS}
    if population is None or total is None or any(iv is None for iv in sizes.values()):
        return
    mids = {rep: _mid(iv) for rep, iv in sizes.items()}
    expected = independent_histories(mids, _mid(total), population, msets)
    by_set: dict[frozenset[str], dict[int, float]] = defaultdict(dict)
    for v, rec in mgroup:
        by_set[rec["R"]][v] = 1.0
    for rs in msets:
        if rs in expected and by_set.get(rs):
            e = expected[rs]
            # about OVERLAP_WEIGHT x (deviation / expected)^2 x expected: a chi-square-like cost,
            # so that a shortfall (or excess) the hard targets force is shared in proportion
            width = max(1.0, e / 4)
            slopes = [OVERLAP_WEIGHT * (2 * k + 1) * width / max(e, 1.0) for k in range(8)]
            model.convex_dev(by_set[rs], e, width, slopes)


def _mention_priors(
    model: Model, cells: list[Target], world: World, y: int, ref_year: int, mgroup, sgroup, lgroup
) -> None:
    """Spread of reporters and sectors in every year: L1 distance of the year's mentions per
    (reporter, form column), (region, sexual sector), (gender / region, labour sector) to the year's
    margins split by the reporting year's published cross tables (Figuur 12, 4, 8 and 9 `vorm`)."""
    cols = ("dom", "intl", "L", "C", "OO")

    def mid(year: int, spec: Spec) -> float | None:
        iv = _lookup(cells, year, spec)
        return None if iv is None else _mid(iv)

    def split(total: float | None, weights: dict) -> dict:
        if total is None:
            return {}
        ws = {k: w for k, w in weights.items() if w is not None}
        tot = sum(ws.values())
        return {} if tot <= 0 else {k: total * w / tot for k, w in ws.items()}

    def add(group, pred, target: float) -> None:
        terms = {v: 1.0 for v, rec in group if pred(rec)}
        if terms:
            model.abs_dev(terms, round(target), 0.5)

    for rep in REPORTERS:
        shares = {c: mid(ref_year, (("rep", rep), ("form", c))) for c in cols}
        shares = {k: (v + 0.2 if v is not None else None) for k, v in shares.items()}
        for c, tgt in split(mid(y, (("rep", rep),)), shares).items():
            add(mgroup, lambda rec, rep=rep, c=c: rep in rec["R"] and _form(c, rec), tgt)
    unk = mid(y, (("ss", "#unk"),))
    nnw_ref, onb_ref = mid(ref_year, (("ss", NNW),)), mid(ref_year, (("ss", ONB),))
    sex_total = {code: mid(y, (("ss", code),)) for code in world.sex_sectors}
    if unk is not None:
        sex_total.update(split(unk, {NNW: nnw_ref or 1.0, ONB: onb_ref or 3.0}))
    for code, total in sex_total.items():
        by_r = {r: mid(ref_year, (("ss", code), ("r", r))) for r in REGIONS}
        by_r = {r: (v + 0.3 if v is not None else None) for r, v in by_r.items()}
        for r, tgt in split(total, by_r).items():
            add(sgroup, lambda rec, code=code, r=r: rec["r"] == r and code in rec["SS"], tgt)
    g_w = {g: mid(ref_year, (("g", g), ("form", "L"))) for g in GENDERS}
    r_w = {r: mid(ref_year, (("r", r), ("form", "L"))) for r in REGIONS}
    for code in world.lab_sectors:
        total = mid(y, (("ls", code),))
        for g, tgt in split(total, g_w).items():
            add(lgroup, lambda rec, code=code, g=g: rec["g"] == g and code in rec["LS"], tgt)
        for r, tgt in split(total, r_w).items():
            add(lgroup, lambda rec, code=code, r=r: rec["r"] == r and code in rec["LS"], tgt)


def _affinity_costs(cells: list[Target], world: World, ref_year: int):
    """Linear plausibility costs (-log of the reporting year's conditional shares) of a reporter given
    a victim's forms (Figuur 12 `vorm`) and of a sexual sector given the region (Figuur 4)."""
    cols = ("dom", "intl", "L", "C", "OO")

    def mid(spec: Spec) -> float:
        return _mid(_lookup(cells, ref_year, spec))

    rep_p: dict[tuple[str, str], float] = {}
    for c in cols:
        w = {rep: mid((("rep", rep), ("form", c))) + 0.3 for rep in REPORTERS}
        tot = sum(w.values())
        for rep in REPORTERS:
            rep_p[(rep, c)] = w[rep] / tot

    def rep_cost(rep: str, forms: str, sk: str | None) -> float:
        mine = [c for c in cols if _form(c, {"F": forms, "sk": sk})]
        return min(-math.log(rep_p[(rep, c)]) for c in mine) if mine else 0.0

    codes = list(world.sex_sectors) + [NNW, ONB]
    sec_p: dict[tuple[str, str], float] = {}
    for r in REGIONS:
        w = {code: mid((("ss", code), ("r", r))) for code in codes}
        if sum(w.values()) == 0:
            w = {code: mid((("ss", code),)) for code in codes}
            unk = mid((("ss", "#unk"),))
            w[NNW], w[ONB] = unk / 4, 3 * unk / 4
        w = {k: v + 0.3 for k, v in w.items()}
        tot = sum(w.values())
        for code in codes:
            sec_p[(code, r)] = w[code] / tot

    def sector_cost(code: str, r: str) -> float:
        return -math.log(sec_p[(code, r)])

    return rep_cost, sector_cost


# ----------------------------------------------------------------------------------------- stage B


def _country_weights(
    cells: list[Target], world: World, year: int, totals: dict[str, int]
) -> dict[str, float]:
    """Prior weight of each candidate country: published counts where named, the cosmetic prior
    scaled to the rest of its region otherwise."""
    named: dict[str, float] = {}
    for t in cells:
        cs = [c for c in t.spec if c[0] == "c"]
        if t.kind == "count" and len(t.spec) == 1 and cs:
            named[cs[0][1]] = _mid(t.interval)
    weights: dict[str, float] = {}
    for r in REGIONS[:-1]:
        members = [c for c, rr in world.region_of.items() if rr == r]
        cand = [c for c in members if c in COUNTRY_PRIOR or c in named]
        if not cand:
            cand = members[:5]
        named_sum = sum(named.get(c, 0.0) for c in cand)
        rest = max(1.0, totals.get(r, 0) - named_sum)
        unnamed = [c for c in cand if c not in named]
        psum = sum(COUNTRY_PRIOR.get(c, 0.5) for c in unnamed) or 1.0
        for c in cand:
            weights[c] = named[c] if c in named else rest * COUNTRY_PRIOR.get(c, 0.5) / psum
    return weights


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
    model = Model()
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
        if not _add_target(model, groups, t, world):
            left.append(t)
    if plan.top10 is not None:
        members, others = plan.top10
        tv = model.var(ub=ub)
        for c in members:
            e = _expr(groups, (("c", c),), world) or {}
            e[tv] = -1.0
            model.row(e, 0, INF, "fact top10_nieuw (top ten of the year before)", FACT_PENALTY)
        for c in others:
            e = _expr(groups, (("c", c),), world) or {}
            if e:
                e[tv] = -1.0
                model.row(e, -INF, -1, "fact top10_nieuw (top ten of the year before)", FACT_PENALTY)
    sol = model.solve(seed)
    if not sol.values.size:
        raise InfeasibleTargets(_no_solution(plan.year, sol))
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


# ----------------------------------------------------------------------------------------- assembly


def _deal(
    victims: list[dict],
    key,
    pool: list[tuple[dict, int]],
    pool_key,
    attr: str,
    rng: np.random.Generator,
    value,
) -> None:
    """Hand out the solved multiset of `value(rec)` to the victims with the same key, in random order."""
    bins: dict[object, list] = defaultdict(list)
    for rec, k in pool:
        bins[pool_key(rec)].extend([value(rec)] * k)
    groups: dict[object, list[dict]] = defaultdict(list)
    for v in victims:
        kk = key(v)
        if kk is not None:
            groups[kk].append(v)
    for kk, vs in groups.items():
        vals = bins.get(kk, [])
        if len(vals) != len(vs):
            raise AssertionError(
                f"assembly mismatch for {attr} {kk}: {len(vals)} values for {len(vs)} victims"
            )
        order = rng.permutation(len(vs))
        for i, j in enumerate(order):
            vs[j][attr] = vals[i]


def assemble(a_out: dict, b_out: dict, rng: np.random.Generator) -> list[dict]:
    victims: list[dict] = []
    for (g, a, r, f), k in sorted(a_out["n"].items()):
        for _ in range(k):
            victims.append({"g": g, "a": a, "r": r, "F": f, "SS": None, "LS": None})
    _deal(
        victims,
        lambda v: (v["F"], sexual_kind(v["r"], v["F"]), v["a"] == "min"),
        a_out["m"],
        lambda rec: (rec["F"], rec["sk"], rec["minor"]),
        "R",
        rng,
        lambda rec: rec["R"],
    )
    _deal(
        victims,
        lambda v: v["r"] if "S" in v["F"] else None,
        a_out["s"],
        lambda rec: rec["r"],
        "SS",
        rng,
        lambda rec: rec["SS"],
    )
    _deal(
        victims,
        lambda v: (v["r"], v["F"], v["g"]),
        b_out["z"],
        lambda rec: (rec["r"], rec["F"], rec["g"]),
        "c",
        rng,
        lambda rec: rec["c"],
    )
    _deal(
        victims,
        lambda v: (v["g"], v["c"]) if "L" in v["F"] else None,
        b_out["w"],
        lambda rec: (rec["g"], rec["c"]),
        "LS",
        rng,
        lambda rec: rec["LS"],
    )
    return victims


def _age(cls: str, rng: np.random.Generator) -> str:
    if cls == "?":
        return ""
    if cls == "min":
        ages = np.arange(0, 18)
        w = np.where(ages >= 14, 10.0, np.where(ages >= 10, 1.5, 0.2))
        return str(int(rng.choice(ages, p=w / w.sum())))
    if cls == "40+":
        ages = np.arange(40, 76)
        w = np.exp(-(ages - 40) / 10.0)
        return str(int(rng.choice(ages, p=w / w.sum())))
    lo, hi = (int(x) for x in cls.split("-"))
    return str(int(rng.integers(lo, hi + 1)))


def to_tables(
    years: dict[int, list[dict]], anonymous: dict[int, int], rng: np.random.Generator
) -> dict[str, list[dict[str, str]]]:
    reg: list[dict[str, str]] = []
    uit: list[dict[str, str]] = []
    mel: list[dict[str, str]] = []
    for y in sorted(years):
        vs = years[y]
        n_anon = anonymous.get(y, 0)
        total = len(vs) + n_anon
        ids = rng.permutation(np.arange(1, total + 1))
        for i, v in enumerate(vs):
            rid = f"CM-{y}-{int(ids[i]):06d}"
            reg.append(
                {
                    "registratie_id": rid,
                    "jaar": str(y),
                    "anoniem": "nee",
                    "geslacht": "" if v["g"] == "?" else v["g"],
                    "leeftijd": _age(v["a"], rng),
                    "nationaliteit": v["c"],
                }
            )
            for row in _form_rows(v, rng):
                uit.append({"registratie_id": rid, **row})
            for rep in sorted(v["R"]):
                mel.append({"registratie_id": rid, "melder": rep})
        for j in range(n_anon):
            rid = f"CM-{y}-{int(ids[len(vs) + j]):06d}"
            u = rng.random(4)
            reg.append(
                {
                    "registratie_id": rid,
                    "jaar": str(y),
                    "anoniem": "ja",
                    "geslacht": "" if u[0] < 0.45 else ("vrouw" if u[0] < 0.8 else "man"),
                    "leeftijd": "" if u[1] < 0.85 else str(int(rng.integers(16, 45))),
                    "nationaliteit": "" if u[2] < 0.8 else str(rng.choice(["NL", "NG", "UG", "RO", "CO"])),
                }
            )
            if u[3] < 0.5:
                form = str(
                    rng.choice(["seksueel", "arbeid", "crimineel", "onbekend"], p=[0.5, 0.2, 0.15, 0.15])
                )
                uit.append({"registratie_id": rid, "vorm": form, "sector": ""})
            mel.append(
                {"registratie_id": rid, "melder": "zorgcoordinator" if rng.random() < 0.8 else "overig"}
            )
    reg.sort(key=lambda r: r["registratie_id"])
    uit.sort(key=lambda r: (r["registratie_id"], r["vorm"], r["sector"]))
    mel.sort(key=lambda r: (r["registratie_id"], r["melder"]))
    return {"comensha_registraties": reg, "comensha_uitbuiting": uit, "comensha_melders": mel}


def _sector_rows(form: str, secs: tuple[str, ...]) -> list[dict[str, str]]:
    if secs[0] == NNW:
        return [{"vorm": form, "sector": "nog_niet_gewerkt"}]
    if secs[0] == ONB:
        return [{"vorm": form, "sector": ""}]
    return [{"vorm": form, "sector": s} for s in secs]


def _form_rows(v: dict, rng: np.random.Generator) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    f = v["F"]
    if "S" in f:
        rows += _sector_rows("seksueel", v["SS"])
    if "L" in f:
        rows += _sector_rows("arbeid", v["LS"])
    if "C" in f:
        rows.append({"vorm": "bedelarij" if rng.random() < 0.06 else "crimineel", "sector": ""})
    if "O" in f:
        rows.append({"vorm": "orgaanverwijdering", "sector": ""})
    if f == "":
        u = rng.random()
        if u < 0.3:
            return []
        rows.append({"vorm": "onbekend", "sector": "nog_niet_gewerkt" if u < 0.55 else ""})
    return rows


# ----------------------------------------------------------------------------------------- facts


def _fact_targets(
    facts: list[FactSpec],
    cells: list[Target],
    year: int,
    years_done: dict[int, list[dict]],
    world: World,
    unmet: list[tuple[str, str]],
) -> list[Target]:
    """The fact constraints on one year; facts comparing with the next year use its solved values."""
    out: list[Target] = []
    for f in facts:
        name = f"fact {f.id}"
        if f.kind == "count" and f.year == year:
            iv = count_interval(f.value)
            if iv is not None:
                out.append(Target(name, year, "count", f.spec, iv, is_fact=True))
        elif f.kind == "share" and f.year == year and f.value.endswith("%"):
            out.append(
                Target(
                    name,
                    year,
                    "share",
                    f.spec,
                    den=(f.den or (),),
                    pct=int(f.value.rstrip("%")),
                    is_fact=True,
                )
            )
        elif f.kind in ("pct", "factor") and f.year == year + 1 and f.year in years_done:
            new = count(years_done[f.year], f.spec, world)
            if f.kind == "pct":
                iv = admissible(lambda v, f=f, new=new: pct_ok(f.value, new, v))
            else:
                iv = admissible(lambda v, f=f, new=new: factor_ok(f.value, f.subject, new, v))
            pinned = _lookup(cells, year, f.spec)
            if iv is None:
                unmet.append((name, f"no value of {year} gives {f.value} from {new} in {f.year}"))
                continue
            if pinned is not None and (pinned.hi < iv.lo or pinned.lo > iv.hi):
                unmet.append(
                    (
                        name,
                        f"conflicts with the published cells: {f.year} = {new} and {year} = "
                        f"{pinned.lo if pinned.lo == pinned.hi else pinned} give "
                        f"{_fmt_rel(f, new, pinned.lo)}, the prose says {f.value} "
                        f"(it needs {year} in {iv.lo}..{iv.hi})",
                    )
                )
                continue
            out.append(Target(name, year, "count", f.spec, iv, is_fact=True))
    for (gy, rest), members in country_groups(facts).items():
        if gy != year:
            continue
        named = {_group(m)[0] for m in members}
        low = min(_civ(m.value).lo for m in members)
        out.append(
            Target(
                _top_name(members),
                year,
                "cap",
                rest,
                Interval(0, low - 1),
                caps=tuple((("c", c),) for c in sorted(world.naam) if c not in named),
                is_fact=True,
            )
        )
    return out


def _top_name(members: list[FactSpec]) -> str:
    return f"fact top {len(members)} of {', '.join(m.id for m in members)}"


def _iv(t: Target) -> Interval:
    assert t.interval is not None
    return t.interval


def _civ(value: str) -> Interval:
    iv = count_interval(value)
    assert iv is not None, value
    return iv


def _group(f: FactSpec) -> tuple[str, Spec]:
    assert f.country_group is not None
    return f.country_group


def _fmt_rel(f: FactSpec, new: int, old: int) -> str:
    if old == 0:
        return "n/a"
    if f.kind == "pct":
        ch = Fraction(new - old, old) * 100
        return f"{float(ch):+.1f}%"
    return f"x{float(Fraction(new, old)):.2f}"


def top_countries(victims: list[dict], world: World, k: int = 10) -> list[str]:
    cnt = Counter(v["c"] for v in victims if v["c"])
    return [c for c, _ in sorted(cnt.items(), key=lambda kv: (-kv[1], world.naam[kv[0]]))][:k]


def _skeleton(word: str) -> str:
    return "".join(ch for ch in word.lower() if ch.isalpha() and ch not in "aeiouyjëïéèöüä")[:3]


def _top10_plan(
    f: FactSpec, later: list[dict], world: World, facts: list[FactSpec], weights: dict[str, float], year: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    top = top_countries(later, world)
    k = int(f.value)
    words = {_skeleton(w) for w in f.subject.replace(",", " ").replace("(", " ").replace(")", " ").split()}
    new = [c for c in top if len(_skeleton(world.naam[c])) == 3 and _skeleton(world.naam[c]) in words]
    tenth = Counter(v["c"] for v in later if v["c"])[top[-1]] if top else 0
    for g in facts:
        if g.kind == "count" and g.year == year and len(g.spec) == 1 and g.spec[0][0] == "c":
            c = g.spec[0][1]
            iv = count_interval(g.value)
            if c in top and c not in new and iv is not None and iv.hi < tenth and len(new) < k:
                new.append(c)
    for c in reversed(top):
        if len(new) >= k:
            break
        if c not in new and c != "NL":
            new.append(c)
    new = new[:k]
    keep = [c for c in top if c not in new]
    extra = sorted((c for c in weights if c not in top), key=lambda c: (-weights[c], c))[: 10 - len(keep)]
    members = tuple(keep + extra)
    others = tuple(c for c in sorted(weights) if c not in members)
    return members, others


# ----------------------------------------------------------------------------------------- main


def _years(t: Targets) -> list[int]:
    return sorted(int(c) for c in t.columns("1") if c.isdigit())


def synthesize_comensha(targets: Targets, seed: int) -> ComensHaResult:
    world = load_world()
    Y = targets.year
    years = _years(targets)
    cells = cell_targets(targets, world)
    facts, not_understood = parse_facts(targets, world)
    unmet: list[tuple[str, str]] = [
        (f"fact {i}", "fact id not understood by the CoMensha solver") for i in not_understood
    ]
    rng = np.random.default_rng(seed)
    stats: dict[str, float] = {}
    done: dict[int, list[dict]] = {}
    violations: list[tuple[str, float]] = []
    totals_y = {r: int(_mid(_lookup(cells, Y, (("r", r),)))) for r in REGIONS}
    weights = _country_weights(cells, world, Y, totals_y)
    order = sorted(years, reverse=True)
    n_fact = count_interval(targets.fact(POPULATION_FACT) or "")
    population = float(n_fact.lo) if n_fact is not None and n_fact.lo > 0 else None
    for y in order:
        plan = YearPlan(y, [c for c in cells if c.year == y], population=population)
        plan.targets += _fact_targets(facts, cells, y, done, world, unmet)
        for f in facts:
            if f.kind == "top10new" and f.year == y + 1 and f.year in done:
                plan.top10 = _top10_plan(f, done[f.year], world, facts, weights, y)
        # Stage B can only distribute what stage A fixed; when that is not enough for some country
        # target, stage A is solved again with other tie-breaking costs (deterministic: same rng).
        best = None
        for attempt in range(ATTEMPTS):
            a_out, rest, a_info = stage_a(plan, cells, world, Y, rng, seed + attempt)
            b_out, left, b_info = stage_b(plan, a_out, rest, cells, world, rng, seed + attempt, weights)
            score = len(a_info["violations"]) + len(b_info["violations"])
            if best is None or score < best[0]:
                best = (score, a_out, left, a_info, b_out, b_info)
            stats[f"attempts_{y}"] = attempt + 1.0
            if score == 0 or not b_info["violations"]:
                break
        assert best is not None
        _, a_out, left, a_info, b_out, b_info = best
        for t in left:
            unmet.append((t.name, "not expressible by the CoMensha solver"))
        violations += a_info["violations"] + b_info["violations"]
        done[y] = assemble(a_out, b_out, rng)
        for stage, info in (("a", a_info), ("b", b_info)):
            stats[f"iterations_{y}_stage_{stage}"] = float(info["iterations"])
            stats[f"nodes_{y}_stage_{stage}"] = float(info["nodes"])
    anonymous = _anonymous(facts, years, rng)
    tables = to_tables(done, anonymous, rng)
    # the fit, counted again on the assembled victims
    moved: dict[str, float] = defaultdict(float)
    for name, miss in violations:
        if not name.startswith(IMPLIED):
            moved[name] += miss
    for name, reason in evaluate(cells, facts, done, anonymous, world, unmet):
        if name in moved:
            reason = (
                f"conflicts with other targets (the best fit moves it by {moved.pop(name):+.0f}); {reason}"
            )
        unmet.append((name, reason))
    for name, miss in moved.items():
        unmet.append((name, f"conflicts with other targets (the best fit moves it by {miss:+.0f})"))
    if targets.rows("T1"):
        top = top_countries(done.get(Y, []), world)
        naam_code = {v: k for k, v in world.naam.items()}
        for row in targets.rows("T1"):
            raw = targets.raw("T1", "", row, "Rang")
            code = naam_code.get(row)
            got = str(top.index(code) + 1) if code in top else "-"
            if raw is not None and got != raw:
                unmet.append((f"T1[{row}|Rang]", f"synthesized rank {got}, published {raw}"))
    names_unmet = {n for n, _ in unmet}
    cell_names = {t.name for t in cells if t.kind in ("count", "share")}
    cell_names |= {f"T1[{r}|Rang]" for r in targets.rows("T1")} if targets.rows("T1") else set()
    stats["cells_total"] = float(len(cell_names))
    stats["cells_met"] = float(len(cell_names - names_unmet))
    fact_names = {f"fact {f.id}" for f in facts} | {f"fact {i}" for i in not_understood}
    stats["facts_total"] = float(len(fact_names))
    stats["facts_met"] = float(len(fact_names - names_unmet))
    stats["victims"] = float(sum(len(v) for v in done.values()))
    stats["solver_violations"] = float(len(violations))
    seen = set()
    uniq = []
    for name, reason in unmet:
        if name not in seen:
            seen.add(name)
            uniq.append((name, reason))
    return ComensHaResult(tables=tables, unmet=uniq, stats=stats)


def _anonymous(facts: list[FactSpec], years: list[int], rng: np.random.Generator) -> dict[int, int]:
    known = {f.year: _civ(f.value).lo for f in facts if f.kind == "anon" and count_interval(f.value)}
    base = int(np.mean(list(known.values()))) if known else 0
    return {y: known.get(y, max(0, int(base * rng.uniform(0.85, 1.1)))) for y in years}


def evaluate(
    cells: list[Target],
    facts: list[FactSpec],
    done: dict[int, list[dict]],
    anonymous: dict[int, int],
    world: World,
    already: list[tuple[str, str]],
) -> list[tuple[str, str]]:
    """Every cell and fact target checked on the synthesized victims: the ones not met, with a reason."""
    out: list[tuple[str, str]] = []
    skip = {n for n, _ in already}
    for t in cells:
        vs = done.get(t.year, [])
        if t.kind == "count":
            got = count(vs, t.spec, world)
            if got not in _iv(t):
                out.append((t.name, f"synthesized {got}, target {_iv(t).lo}..{_iv(t).hi}"))
        elif t.kind == "share":
            num = count(vs, t.spec, world)
            den = sum(count(vs, d, world) for d in t.den)
            if not share_ok(f"{t.pct}%", "", num, den):
                out.append((t.name, f"synthesized {num}/{den}, target {t.pct}%"))
        elif t.kind == "cap":
            for s in t.caps:
                got = count(vs, s + t.spec, world)
                if got > _iv(t).hi:
                    out.append((t.name, f"{dict(s)} has {got} > {_iv(t).hi}"))
                    break
    for f in facts:
        name = f"fact {f.id}"
        if name in skip:
            continue
        ok, detail = _fact_ok(f, done, anonymous, world)
        if not ok:
            out.append((name, detail))
    for (gy, rest), members in country_groups(facts).items():
        vs = done.get(gy, [])
        named = {_group(m)[0] for m in members}
        low = min(_civ(m.value).lo for m in members)
        worst = max((count(vs, (("c", c),) + rest, world), c) for c in world.naam if c not in named)
        if worst[0] >= low:
            out.append(
                (
                    _top_name(members),
                    f"{world.naam[worst[1]]} has {worst[0]} >= {low}",
                )
            )
    return out


def _fact_ok(
    f: FactSpec, done: dict[int, list[dict]], anonymous: dict[int, int], world: World
) -> tuple[bool, str]:
    def q(year: int, spec: Spec = ()) -> int:
        return count(done.get(year, []), spec or f.spec, world)

    y = f.year
    if f.kind == "count":
        got = q(y)
        iv = count_interval(f.value)
        return (iv is not None and got in iv), f"synthesized {got}"
    if f.kind == "anon":
        return anonymous.get(y) == int(f.value), f"synthesized {anonymous.get(y)}"
    if f.kind == "diff":
        got = q(f.years[1]) - q(f.years[0])
        return got == int(f.value), f"synthesized {got}"
    if f.kind == "pct":
        new, old = q(y), q(y - 1)
        return pct_ok(f.value, new, old), f"synthesized {new} vs {old} = {_fmt_rel(f, new, old)}"
    if f.kind == "factor":
        new, old = q(y), q(y - 1)
        return factor_ok(f.value, f.subject, new, old), f"synthesized {new} vs {old}"
    if f.kind == "share":
        num, den = q(y), q(y, f.den) if f.den else len(done.get(y, []))
        return share_ok(f.value, f.subject, num, den), f"synthesized {num}/{den}"
    if f.kind == "mshare":
        vs = done.get(y, [])
        num = q(y)
        den = sum(count(vs, (("minor", True), ("form", k)), world) for k in ("dom", "intl", "L", "C", "OO"))
        return share_ok(f.value, f.subject, num, den), f"synthesized {num}/{den}"
    if f.kind == "top10new":
        a = set(top_countries(done.get(y, []), world))
        b = set(top_countries(done.get(y - 1, []), world))
        got = len(a - b)
        return got == int(f.value), f"synthesized {got} new: {sorted(a - b)}"
    yrs = sorted(done)
    series = {yy: q(yy) for yy in yrs}
    v = int(f.value)
    if f.kind == "rising_from":
        ok = all(series[a] < series[a + 1] for a in yrs if v <= a < yrs[-1])
        if v - 1 in series:
            ok = ok and series[v - 1] > series[v]
        return ok, f"synthesized {series}"
    if f.kind == "below":
        return series[yrs[-1]] < series[v], f"synthesized {series}"
    if f.kind == "falling_after":
        ok = all(series[a] > series[a + 1] for a in yrs if v <= a < yrs[-1])
        return ok, f"synthesized {series}"
    return False, f"unknown fact kind {f.kind}"


__all__ = ["ComensHaResult", "InfeasibleTargets", "synthesize_comensha", "FORM_COLS"]
