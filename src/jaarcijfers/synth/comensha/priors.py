"""Plausibility of the CoMensha victims: what the objective of the two stages pulls towards.

Nothing here is a target. `Prior`: expected counts of victim types (the reporting year's form-conditional
distributions of the `vorm` blocks, rescaled to the year's margins); `mention_priors`: the spread of
reporters and sectors over forms and regions; `affinity_costs`: linear costs of unlikely reporter/sector
combinations; `independence_prior`: reporter overlaps near those of independent lists (a soft target
for multiple systems estimation); `country_weights` and `COUNTRY_PRIOR`: which countries appear.
"""

from __future__ import annotations

import math
from collections import defaultdict

from jaarcijfers.synth.comensha.ip import IPModel
from jaarcijfers.synth.comensha.specs import FORMSETS, Spec, World, form_matches
from jaarcijfers.synth.comensha.targets import Target, lookup, mid
from jaarcijfers.synth.comensha.vocabulary import (
    AGES,
    FORM5,
    GENDERS,
    NNW,
    ONB,
    REGIONS,
    REPORTERS,
    UNK_SECTOR,
)

OVERLAP_WEIGHT = 10.0  # cost scale of a reporter set's distance to its count under independence

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


class Prior:
    """Expected counts of victim types for a year: the form's conditional distributions of the
    reporting year's `vorm` blocks (where published), rescaled to the year's marginals."""

    def __init__(self, cells: list[Target], year: int, ref_year: int) -> None:
        self.n = mid(lookup(cells, year, ())) or 1.0
        g = {x: mid(lookup(cells, year, (("g", x),))) for x in ("man", "vrouw")}
        g["?"] = max(0.3, self.n - sum(g.values()))
        a = {x: mid(lookup(cells, year, (("a", x),))) for x in AGES}
        r = {x: mid(lookup(cells, year, (("r", x),))) for x in REGIONS}
        self.pg = _norm(g)
        self.pa = _norm(a)
        self.pr = _norm(r)
        atoms = {
            "S": mid(lookup(cells, year, (("form", "dom"),)))
            + mid(lookup(cells, year, (("form", "intl"),)))
            + 1,
            "L": mid(lookup(cells, year, (("form", "L"),))),
            "C": mid(lookup(cells, year, (("form", "C"),))),
            "O": mid(lookup(cells, year, (("form", "O"),))),
            "": mid(lookup(cells, year, (("form", "none"),))),
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
                        iv = lookup(cells, ref_year, ((dim, v), ("form", c)))
                        if iv is None and dim == "r" and at == "S":
                            iv = lookup(cells, ref_year, ((dim, v), ("form", "sex")))
                            if iv is not None:
                                tot = mid(iv)
                                found = True
                                break
                        if iv is not None:
                            tot += mid(iv)
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


def independence_prior(
    model: IPModel, cells: list[Target], y: int, population: float | None, msets, mgroup
) -> None:
    """Soft target: the number of victims per reporter set near its expectation under independent
    lists (so that multiple systems estimation on the delivery gives a plausible number)."""
    total = lookup(cells, y, ())
    sizes = {rep: lookup(cells, y, (("rep", rep),)) for rep in REPORTERS}
    if population is None or total is None or any(iv is None for iv in sizes.values()):
        return
    mids = {rep: mid(iv) for rep, iv in sizes.items()}
    expected = independent_histories(mids, mid(total), population, msets)
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


def mention_priors(
    model: IPModel, cells: list[Target], world: World, y: int, ref_year: int, mgroup, sgroup, lgroup
) -> None:
    """Spread of reporters and sectors in every year: L1 distance of the year's mentions per
    (reporter, form column), (region, sexual sector), (gender / region, labour sector) to the year's
    margins split by the reporting year's published cross tables (Figuur 12, 4, 8 and 9 `vorm`)."""
    cols = FORM5

    def at(year: int, spec: Spec) -> float | None:
        iv = lookup(cells, year, spec)
        return None if iv is None else mid(iv)

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
        shares = {c: at(ref_year, (("rep", rep), ("form", c))) for c in cols}
        shares = {k: (v + 0.2 if v is not None else None) for k, v in shares.items()}
        for c, tgt in split(at(y, (("rep", rep),)), shares).items():
            add(mgroup, lambda rec, rep=rep, c=c: rep in rec["R"] and form_matches(c, rec), tgt)
    unk = at(y, (("ss", UNK_SECTOR),))
    nnw_ref, onb_ref = at(ref_year, (("ss", NNW),)), at(ref_year, (("ss", ONB),))
    sex_total = {code: at(y, (("ss", code),)) for code in world.sex_sectors}
    if unk is not None:
        sex_total.update(split(unk, {NNW: nnw_ref or 1.0, ONB: onb_ref or 3.0}))
    for code, total in sex_total.items():
        by_r = {r: at(ref_year, (("ss", code), ("r", r))) for r in REGIONS}
        by_r = {r: (v + 0.3 if v is not None else None) for r, v in by_r.items()}
        for r, tgt in split(total, by_r).items():
            add(sgroup, lambda rec, code=code, r=r: rec["r"] == r and code in rec["SS"], tgt)
    g_w = {g: at(ref_year, (("g", g), ("form", "L"))) for g in GENDERS}
    r_w = {r: at(ref_year, (("r", r), ("form", "L"))) for r in REGIONS}
    for code in world.lab_sectors:
        total = at(y, (("ls", code),))
        for g, tgt in split(total, g_w).items():
            add(lgroup, lambda rec, code=code, g=g: rec["g"] == g and code in rec["LS"], tgt)
        for r, tgt in split(total, r_w).items():
            add(lgroup, lambda rec, code=code, r=r: rec["r"] == r and code in rec["LS"], tgt)


def affinity_costs(cells: list[Target], world: World, ref_year: int):
    """Linear plausibility costs (-log of the reporting year's conditional shares) of a reporter given
    a victim's forms (Figuur 12 `vorm`) and of a sexual sector given the region (Figuur 4)."""
    cols = FORM5

    def ref(spec: Spec) -> float:
        return mid(lookup(cells, ref_year, spec))

    rep_p: dict[tuple[str, str], float] = {}
    for c in cols:
        w = {rep: ref((("rep", rep), ("form", c))) + 0.3 for rep in REPORTERS}
        tot = sum(w.values())
        for rep in REPORTERS:
            rep_p[(rep, c)] = w[rep] / tot

    def rep_cost(rep: str, forms: str, sk: str | None) -> float:
        mine = [c for c in cols if form_matches(c, {"F": forms, "sk": sk})]
        return min(-math.log(rep_p[(rep, c)]) for c in mine) if mine else 0.0

    codes = list(world.sex_sectors) + [NNW, ONB]
    sec_p: dict[tuple[str, str], float] = {}
    for r in REGIONS:
        w = {code: ref((("ss", code), ("r", r))) for code in codes}
        if sum(w.values()) == 0:
            w = {code: ref((("ss", code),)) for code in codes}
            unk = ref((("ss", UNK_SECTOR),))
            w[NNW], w[ONB] = unk / 4, 3 * unk / 4
        w = {k: v + 0.3 for k, v in w.items()}
        tot = sum(w.values())
        for code in codes:
            sec_p[(code, r)] = w[code] / tot

    def sector_cost(code: str, r: str) -> float:
        return -math.log(sec_p[(code, r)])

    return rep_cost, sector_cost


def country_weights(cells: list[Target], world: World, year: int, totals: dict[str, int]) -> dict[str, float]:
    """Prior weight of each candidate country: published counts where named, the cosmetic prior
    scaled to the rest of its region otherwise."""
    named: dict[str, float] = {}
    for t in cells:
        cs = [c for c in t.spec if c[0] == "c"]
        if t.kind == "count" and len(t.spec) == 1 and cs:
            named[cs[0][1]] = mid(t.interval)
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
