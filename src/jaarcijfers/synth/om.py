"""Synthetic OM delivery (`om_zaken`, `om_feiten`, `om_dossiercodering`) for figures 15-19 and 22-24.

Two elastic integer programs, then records:

1. *Judged cases* (vonnisjaar in the window): counts n[v, f] per judgment year and OM form (five forms:
   domestic/international/unknown sexual, labour, criminal/other) and, per (v, f), how the cases split
   by verdict, age class, gender and herkomst. Every published cell of figures 18, 19, 22, 23 and 24 is
   a two-way margin (year x attribute or form x attribute), so the attributes are conditionally
   independent given (v, f). Age sums per (v, f, age class) are integer variables bounded by the class
   limits, which makes the published mean ages linear constraints. Rule 8's "fewer than half known"
   condition of a year with a blank split is a constraint too.
2. *Flow*: cases by (inschrijfjaar, afdoeningsjaar, decision type, vonnisjaar, form) for figures 15-17,
   with the judged counts of step 1 as fixed totals (a case can be registered, decided and judged in
   different years, before the window too).

Then every case gets records whose articles, classifications, `tenlastegelegd` and `uitspraak` make the
processing rules (8-10) give the intended form, decision and verdict.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from jaarcijfers.errors import UserError
from jaarcijfers.solver.linear import Lin, lsum
from jaarcijfers.solver.model import INF
from jaarcijfers.synth import factspecs as fs
from jaarcijfers.synth import labels as L
from jaarcijfers.synth.ilp import ElasticIP
from jaarcijfers.synth.targets import Targets, parse_count

W_CELL = 100.0
OTHER_VERDICT = fs.R19["overig"]  # Figuur 19's Overig/onbekend: summonses without a THB fact go there
W_FACT = 1.0
W_RULE = 100.0


@dataclass
class OmResult:
    zaken: list[dict[str, str]]
    feiten: list[dict[str, str]]
    dossier: list[dict[str, str]]
    violations: list[tuple[tuple, float]] = field(default_factory=list)  # (key, slack)
    status: list[str] = field(default_factory=list)


def age_range(label: str) -> tuple[int, int] | None:
    """The ages a Figuur 22 age-class label stands for (None = unknown), from the label's catalogue code."""
    try:
        (code,) = L.codes("22", label, "jaar")
        return L.age_bounds(code)
    except (L.LabelError, ValueError):
        raise UserError(f"Onbekende leeftijdsklasse in Figuur 22: {label!r}") from None


def _map_rows(t: Targets, fig: str, part: str, mapping: dict[str, str], skip=()) -> list[str]:
    rows = [r for r in t.rows(fig, part) if r not in skip]
    unknown = [r for r in rows if r not in mapping]
    if unknown:
        raise UserError(f"Figuur {fig}: onbekende rij(en) {', '.join(unknown)}")
    return rows


def _soft_interval(ip: ElasticIP, key: tuple, expr: Lin, raw: str | None, weight: float) -> None:
    if raw is None:
        return
    iv = parse_count(raw)
    if iv is None:
        return
    ip.soft(key, expr, iv.lo, iv.hi, weight)


def _soft_rounded(
    ip: ElasticIP, key: tuple, num: Lin, den: Lin, value: int, scale: int, weight: float
) -> None:
    """round_half_up(scale * num / den) == value, for den > 0, as linear constraints."""
    lo, lo_strict, hi, hi_strict = fs.rounding_bounds(value)
    lo, hi = lo / scale, hi / scale
    # num/den >= lo <=> num*lo.den - den*lo.num >= 0 (>= 1 if strict). The weight is divided by the
    # largest coefficient, so that one case more or less costs about `weight`, as for a plain cell.
    e_lo = num * lo.denominator - den * lo.numerator
    e_hi = num * hi.denominator - den * hi.numerator
    for e, bounds, side in (
        (e_lo, (1 if lo_strict else 0, INF), "ondergrens"),
        (e_hi, (-INF, -1 if hi_strict else 0), "bovengrens"),
    ):
        scale_w = max([abs(c) for c in e.terms.values()] + [1.0])
        ip.soft(key + (side,), e, bounds[0], bounds[1], weight / scale_w)


def add_fact_constraints(ip: ElasticIP, acc, t: Targets, yrs: fs.Years, weight: float = W_FACT) -> None:
    """Every fact the accessor can express becomes a soft constraint."""
    specs = fs.specs_for(yrs, set(t.facts))
    for fid, spec in sorted(specs.items()):
        if spec.kind not in ("count", "pct", "change", "mean"):
            continue
        published = t.fact(fid) or ""
        try:
            res = spec.fn(acc, yrs)
        except KeyError:
            continue
        key = ("fact", fid)
        if spec.kind == "count":
            expr = res if isinstance(res, Lin) else Lin(const=res)
            _soft_interval(ip, key, expr, published, weight)
            continue
        value = fs.parse_number(published)
        if value is None:
            continue
        num, den = res
        num = num if isinstance(num, Lin) else Lin(const=num)
        den = den if isinstance(den, Lin) else Lin(const=den)
        _soft_rounded(ip, key, num, den, value, 100 if spec.kind in ("pct", "change") else 1, weight)


# --------------------------------------------------------------------------------------------------
# Step 1: judged cases


class JudgedModel:
    """Step 1, decomposed: first the counts n[v, f] (Figuur 18 and the block totals of figures 19, 22-24),
    then, with n fixed, one small model per attribute (verdict, age with age sums, gender, herkomst)."""

    DIMS = (
        ("verdict", "19", fs.VERDICTS),
        ("age", "22", None),
        ("gender", "23", fs.GENDERS),
        ("herkomst", "24", fs.HERKOMST),
    )

    def __init__(self, t: Targets, yrs: fs.Years, rng: np.random.Generator):
        self.t = t
        self.yrs = yrs
        self.rng = rng
        self.years = [int(c) for c in t.columns("18", "") if c.isdigit()] or yrs.window
        self.forms = list(fs.FORM5.values())
        self.rows = {
            "verdict": _map_rows(t, "19", "jaar", fs.VERDICTS),
            "age": [r for r in t.rows("22", "jaar") if r != fs.MEAN_ROW],
            "gender": _map_rows(t, "23", "jaar", fs.GENDERS),
            "herkomst": _map_rows(t, "24", "jaar", fs.HERKOMST),
        }
        self.verdict_rows = self.rows["verdict"]
        self.age_rows = self.rows["age"]
        self.gender_rows = self.rows["gender"]
        self.herkomst_rows = self.rows["herkomst"]
        self.ranges = {r: age_range(r) for r in self.age_rows}
        self.models: list[ElasticIP] = []
        self.n_val: dict[tuple[int, str], int] = {}
        self.attr_val: dict[str, dict[tuple, int]] = {}
        self.S_val: dict[tuple, int] = {}

    # -- solving ----------------------------------------------------------------------------------
    def solve(self, seed: int) -> list[str]:
        status = []
        ip = self._n_model()
        ip.solve(seed)
        if not ip.values:
            raise UserError(f"Geen oplossing voor de OM-berechtingscijfers gevonden ({ip.status}).")
        status.append(f"OM berechte zaken (aantallen): {ip.status}")
        self.n_val = {k: ip.ivalue(x) for k, x in self._n.items()}
        for dim, fig, _ in self.DIMS:
            ip, t_vars, s_vars = self._dim_model(dim, fig)
            ip.solve(seed)
            if not ip.values:
                raise UserError(f"Geen oplossing voor Figuur {fig} gevonden ({ip.status}).")
            status.append(f"OM berechte zaken (Figuur {fig}): {ip.status}")
            self.attr_val[dim] = {k: ip.ivalue(x) for k, x in t_vars.items()}
            if dim == "age":
                self.S_val = {k: ip.ivalue(x) for k, x in s_vars.items()}
        return status

    def violations(self) -> list[tuple[tuple, float]]:
        return [(s.key, slack) for ip in self.models for s, slack in ip.violations()]

    # -- the counts ---------------------------------------------------------------------------------
    def _n_model(self) -> ElasticIP:
        t = self.t
        ip = ElasticIP("judged-n")
        self.models.append(ip)
        self._n = n = {(v, f): ip.var(0, 1000) for v in self.years for f in self.forms}
        acc = _NAcc(self, n)
        for (fig, part, row, col), raw in sorted(t.cells.items()):
            if fig == "18" and raw.strip() != "":
                _soft_interval(ip, ("cell", fig, part, row, col), acc.cell(fig, part, row, col), raw, W_CELL)
        # block totals of figures 19, 22-24: every column of a block sums to the cases of that year/form
        for _dim, fig, _ in self.DIMS:
            for part in ("jaar", "vorm"):
                rows = [r for r in t.rows(fig, part) if r != fs.MEAN_ROW]
                for col in t.columns(fig, part):
                    lo = hi = 0
                    ok = True
                    for r in rows:
                        iv = t.cell(fig, part, r, col)
                        if iv is None:
                            ok = False
                            break
                        lo, hi = lo + iv.lo, hi + iv.hi
                    if not ok:
                        continue
                    if part == "jaar":
                        expr = lsum(n[int(col), f] for f in self.forms)
                    else:
                        expr = lsum(n[v, fs.FORM5[col]] for v in self.years)
                    ip.soft(("som", fig, part, col), expr, lo, hi, W_CELL)
        for v in self.years:
            known = n[v, "binnen"] + n[v, "intl"]
            total = lsum(n[v, f] for f in fs.SEXUAL5)
            blank = all((t.raw("18", "", r, str(v)) or "").strip() == "" for r in fs.F18_SPLIT_ROWS)
            if blank:
                ip.soft(("regel8", str(v), "minder dan de helft bekend"), known * 2 - total, -INF, -1, W_RULE)
            else:
                ip.soft(("regel8", str(v), "minstens de helft bekend"), known * 2 - total, 0, INF, W_RULE)
        add_fact_constraints(ip, acc, t, self.yrs)
        return ip

    # -- one attribute ------------------------------------------------------------------------------
    def _dim_model(self, dim: str, fig: str):
        t = self.t
        ip = ElasticIP(f"judged-{dim}")
        self.models.append(ip)
        rows = self.rows[dim]
        tv = {(v, f, x): ip.var(0, 1000) for v in self.years for f in self.forms for x in rows}
        for v in self.years:
            for f in self.forms:
                c = self.n_val[v, f]
                ip.hard(lsum(tv[v, f, x] for x in rows), c, c)
        S: dict[tuple, Lin] = {}
        if dim == "age":
            for (v, f, a), cnt in tv.items():
                rg = self.ranges[a]
                if rg is None:
                    continue
                s = ip.var(0, 100000)
                ip.hard(s - cnt * rg[0], 0, INF)
                ip.hard(s - cnt * rg[1], -INF, 0)
                S[v, f, a] = s
        acc = _DimAcc(self, dim, fig, tv, S)
        for (cfig, part, row, col), raw in sorted(t.cells.items()):
            if cfig != fig:
                continue
            key = ("cell", cfig, part, row, col)
            if fig == "22" and row == fs.MEAN_ROW:
                value = fs.parse_number(raw)
                if value is not None:
                    years, forms = acc.col(col, part)
                    s, cnt = acc.age_sum(years, forms)
                    _soft_rounded(ip, key, s, cnt, value, 1, W_CELL)
                continue
            _soft_interval(ip, key, acc.cell(cfig, part, row, col), raw, W_CELL)
        add_fact_constraints(ip, acc, t, self.yrs)

        # realism: interior cells near the share of their year margin; ages near the class middle
        def val(part, row, col):
            iv = t.cell(fig, part, row, col)
            return 0.0 if iv is None else (iv.lo + iv.hi) / 2

        for (v, f, x), var in tv.items():
            yt = sum(val("jaar", r, str(v)) for r in rows) or 1.0
            target = self.n_val[v, f] * val("jaar", x, str(v)) / yt
            dev = ip.var(0, INF, integer=False, cost=0.01 + float(self.rng.uniform(0, 0.002)))
            ip.hard(dev - var, -target, INF)
            ip.hard(dev + var, target, INF)
        for (v, f, a), s in S.items():
            rg = self.ranges[a]
            assert rg is not None  # S holds only the age classes with a range
            lo, hi = rg
            mid = (lo + hi) / 2
            dev = ip.var(0, INF, integer=False, cost=0.001)
            ip.hard(dev - (s - tv[v, f, a] * mid), 0, INF)
            ip.hard(dev + (s - tv[v, f, a] * mid), 0, INF)
        return ip, tv, S


class _NAcc:
    def __init__(self, jm: JudgedModel, n):
        self.jm, self.n = jm, n

    def cell(self, fig, part, row, col):
        if fig != "18" or row not in fs.F18_ROWS:
            raise KeyError(fig)
        return lsum(self.n[int(col), f] for f in fs.F18_ROWS[row])

    def measure(self, name, *args):
        raise KeyError(name)


class _DimAcc:
    def __init__(self, jm: JudgedModel, dim: str, fig: str, tv, S):
        self.jm, self.dim, self.fig, self.tv, self.S = jm, dim, fig, tv, S

    def col(self, col: str, part: str):
        if part in ("jaar", ""):
            return [int(col)], self.jm.forms
        return self.jm.years, [fs.FORM5[col]]

    def cell(self, fig, part, row, col):
        if fig == "18":
            if row not in fs.F18_ROWS:
                raise KeyError(row)
            return Lin(const=sum(self.jm.n_val[int(col), f] for f in fs.F18_ROWS[row]))
        if fig != self.fig or row == fs.MEAN_ROW:
            raise KeyError(fig)
        years, forms = self.col(col, part)
        if (years[0], forms[0], row) not in self.tv:
            raise KeyError(row)
        return lsum(self.tv[v, f, row] for v in years for f in forms)

    def measure(self, name, *args):
        if name == "om_age" and self.dim == "age":
            years, forms = args
            return self.age_sum(years, forms)
        raise KeyError(name)

    def age_sum(self, years, forms):
        s = lsum(
            self.S[v, f, a] for v in years for f in forms for a in self.jm.age_rows if (v, f, a) in self.S
        )
        cnt = lsum(
            self.tv[v, f, a]
            for v in years
            for f in forms
            for a in self.jm.age_rows
            if self.jm.ranges[a] is not None
        )
        return s, cnt


# --------------------------------------------------------------------------------------------------
# Step 2: registration, decision, judgment


class FlowModel:
    FORMS = ("seks", "arbeid", "crim", "onb")

    def __init__(self, t: Targets, yrs: fs.Years, judged: dict, dagx_cap: dict, rng: np.random.Generator):
        self.t, self.yrs = t, yrs
        self.window = yrs.window
        pre = yrs.Y - 5
        self.pre = pre
        self.ip = ip = ElasticIP("flow")
        self.w: dict[tuple, Lin] = {}
        years = [pre] + self.window

        def add(key, cost):
            self.w[key] = ip.var(0, 2000, cost=cost + float(rng.uniform(0, 0.002)))

        for r in years:
            for F in self.FORMS:
                if r != pre:
                    add((r, None, None, None, F), 0.0)
                for a in years:
                    if a < r:
                        continue
                    if a != pre:
                        for d in ("dag", "sepot", "overig"):
                            add((r, a, d, None, F), 0.0)
                    if F == "onb":
                        continue
                    for v in self.window:
                        if v < a:
                            continue
                        for d in ("dag", "dagx"):
                            add((r, a, d, v, F), 0.01 if d == "dagx" else 0.0)
        self._lag_targets(t, judged, years)
        # judged totals from step 1 (hard)
        for v in self.window:
            for F in ("seks", "arbeid", "crim"):
                ip.hard(
                    lsum(x for k, x in self.w.items() if k[3] == v and k[4] == F),
                    judged.get((v, F), 0),
                    judged.get((v, F), 0),
                )
                ip.hard(
                    lsum(x for k, x in self.w.items() if k[3] == v and k[4] == F and k[2] == "dagx"),
                    -INF,
                    dagx_cap.get((v, F), 0),
                )
        for (fig, part, row, col), raw in sorted(t.cells.items()):
            if fig in ("15", "16", "17"):
                _soft_interval(ip, ("cell", fig, part, row, col), self.cell(fig, part, row, col), raw, W_CELL)
        add_fact_constraints(ip, self, t, yrs)

    #: Plausible processing times: share of a year's registrations decided 0, 1, 2, 3 years later (the
    #: rest is still open), and share of summoned cases judged 0, 1, 2 years after the decision.
    DECISION_LAG = (0.38, 0.36, 0.12, 0.05)
    JUDGMENT_LAG = (0.3, 0.5, 0.2)

    def _lag_targets(self, t: Targets, judged: dict, years: list[int]) -> None:
        """Small L1 pull of the (registration year, decision year) and (decision year, judgment year)
        totals towards typical processing times; the published cells always weigh far more."""
        ip, w, pre = self.ip, self.w, self.pre

        def pull(expr: Lin, target: float, weight: float = 0.05) -> None:
            dev = ip.var(0, INF, integer=False, cost=weight)
            ip.hard(dev - expr, -target, INF)
            ip.hard(dev + expr, target, INF)

        for r in self.window:
            iv = t.cell("15", "", fs.R15, str(r))
            reg = 0.0 if iv is None else (iv.lo + iv.hi) / 2
            for a in [x for x in years if x >= r]:
                lag = a - r
                share = self.DECISION_LAG[lag] if lag < len(self.DECISION_LAG) else 0.0
                pull(lsum(x for k, x in w.items() if k[0] == r and k[1] == a), reg * share)
            pull(
                lsum(x for k, x in w.items() if k[0] == r and k[1] is None),
                reg * max(0.03, 1 - sum(self.DECISION_LAG[: self.yrs.Y - r + 1])),
            )
        for v in self.window:
            total = sum(c for (vv, _F), c in judged.items() if vv == v)
            for a in [x for x in years if x <= v]:
                lag = v - a
                share = self.JUDGMENT_LAG[lag] if lag < len(self.JUDGMENT_LAG) else 0.0
                if a == pre:
                    share = sum(self.JUDGMENT_LAG[lag:])
                pull(lsum(x for k, x in w.items() if k[3] == v and k[1] == a), total * share)

    def cell(self, fig: str, part: str, row: str, col: str) -> Lin:
        w = self.w
        if fig == "15":
            return lsum(x for k, x in w.items() if k[0] == int(col))
        if fig == "16":
            F = fs.F16_FORMS[row]
            return lsum(x for k, x in w.items() if k[0] == int(col) and k[4] == F)
        if fig == "17":
            typ = fs.F17_TYPES[row]
            ds = ("overig", "dagx") if typ == "overig" else (typ,)
            if part == "jaar":
                return lsum(x for k, x in w.items() if k[1] == int(col) and k[2] in ds)
            F = fs.F16_FORMS[col]
            return lsum(x for k, x in w.items() if k[1] in self.window and k[2] in ds and k[4] == F)
        raise KeyError(fig)

    def measure(self, name: str, *args):
        raise KeyError(name)


# --------------------------------------------------------------------------------------------------
# Step 3: records


def _spread_ages(rng: np.random.Generator, k: int, total: int, lo: int, hi: int) -> list[int]:
    ages = list(rng.integers(lo, hi + 1, size=k))
    diff = total - sum(ages)
    guard = 0
    while diff != 0 and guard < 100000:
        i = int(rng.integers(0, k))
        if diff > 0 and ages[i] < hi:
            ages[i] += 1
            diff -= 1
        elif diff < 0 and ages[i] > lo:
            ages[i] -= 1
            diff += 1
        guard += 1
    return [int(a) for a in ages]


@dataclass
class CountryPool:
    eer: list[str]
    other: list[str]


def country_pool() -> CountryPool:
    from jaarcijfers.contract.codelists import countries

    cs = countries()
    eer = [
        c
        for c in ("RO", "BG", "PL", "HU", "DE", "BE", "LT", "SK", "FR", "ES", "IT", "PT", "CZ", "LV")
        if c in cs and cs[c].eer
    ]
    other = [
        c
        for c in (
            "MA",
            "TR",
            "SR",
            "NG",
            "CO",
            "DO",
            "CV",
            "AL",
            "UA",
            "CN",
            "VN",
            "BR",
            "GH",
            "ER",
            "SY",
            "AW",
            "CW",
            "VE",
            "UG",
            "RS",
        )
        if c in cs and not cs[c].eer
    ]
    return CountryPool(eer, other)


def _articles():
    from jaarcijfers.contract.codelists import article_form, is_thb_article

    sexual = [
        a
        for a in ("273f lid 1 sub 3 Sr", "273f lid 1 sub 5 Sr", "273f lid 1 sub 8 Sr", "273f lid 1 sub 9 Sr")
        if is_thb_article(a) and article_form(a) == "seksueel"
    ]
    generic = [
        a
        for a in ("273f lid 1 sub 1 Sr", "273f lid 1 sub 4 Sr", "273f lid 1 sub 2 Sr", "273f lid 1 sub 6 Sr")
        if is_thb_article(a) and article_form(a) is None
    ]
    other = [
        a
        for a in ("300 Sr", "310 Sr", "416 Sr", "282 Sr", "141 Sr", "225 Sr", "420bis Sr", "285 Sr")
        if not is_thb_article(a)
    ]
    if not generic or not other:
        raise UserError(
            "De artikeltabel kent geen bruikbare mensenhandelartikelen voor de synthetische data."
        )
    return sexual, generic, other


def _weighted(rng, items, weights):
    p = np.array(weights, dtype=float)
    return items[int(rng.choice(len(items), p=p / p.sum()))]


def synthesize_om(t: Targets, seed: int) -> OmResult:
    yrs = fs.Years(t.year)
    rng = np.random.default_rng([seed, 15])
    jm = JudgedModel(t, yrs, rng)
    status = jm.solve(seed)
    violations = jm.violations()
    n = jm.n_val
    judged: defaultdict[tuple[int, str], int] = defaultdict(int)
    dagx_cap: defaultdict[tuple[int, str], int] = defaultdict(int)
    for (v, f), c in n.items():
        judged[v, fs.FORM5_TO_FORM[f]] += c
        if OTHER_VERDICT in jm.verdict_rows:
            dagx_cap[v, fs.FORM5_TO_FORM[f]] += jm.attr_val["verdict"][v, f, OTHER_VERDICT]

    fm = FlowModel(t, yrs, judged, dagx_cap, rng)
    fm.ip.solve(seed)
    status.append(f"OM instroom/afdoening: {fm.ip.status}")
    if not fm.ip.values:
        raise UserError(f"Geen oplossing voor de OM-instroom en -afdoening gevonden ({fm.ip.status}).")
    violations += [(s.key, slack) for s, slack in fm.ip.violations()]

    # -- individuals of the judged cases, per (v, f5) ------------------------------------------------
    pool = country_pool()
    judged_people: dict[tuple[int, str], list[dict]] = {}
    for (v, f), c in sorted(n.items()):
        people = [dict(v=v, f5=f) for _ in range(c)]
        for dim in ("verdict", "gender", "herkomst"):
            rows = {"verdict": jm.verdict_rows, "gender": jm.gender_rows, "herkomst": jm.herkomst_rows}[dim]
            vals = [x for x in rows for _ in range(jm.attr_val[dim][v, f, x])]
            rng.shuffle(vals)
            for p, x in zip(people, vals, strict=True):
                p[dim] = x
        ages: list[int | None] = []
        for a in jm.age_rows:
            k = jm.attr_val["age"][v, f, a]
            rg = jm.ranges[a]
            if rg is None:
                ages += [None] * k
            elif k:
                ages += _spread_ages(rng, k, jm.S_val[v, f, a], rg[0], rg[1])
        order = rng.permutation(len(ages))
        for p, i in zip(people, order, strict=True):
            p["age"] = ages[int(i)]
        # verdict "overig" first so that summons without a THB fact get them
        people.sort(key=lambda p: (p["verdict"] != OTHER_VERDICT, float(rng.random())))
        judged_people[v, f] = people

    # -- flow types -> cases ------------------------------------------------------------------------
    iv = fm.ip.ivalue
    flows = [
        (k, iv(x)) for k, x in sorted(fm.w.items(), key=lambda kv: tuple(str(e) for e in kv[0])) if iv(x) > 0
    ]
    cases: list[dict] = []
    judged_slots: dict[tuple[int, str], list[tuple]] = defaultdict(list)
    for (r, a, d, v, F), c in flows:
        for _ in range(c):
            if v is not None:
                judged_slots[v, F].append((r, a, d))
            else:
                cases.append(dict(r=r, a=a, d=d, v=None, F=F))
    for (v, F), slots in sorted(judged_slots.items()):
        people = [
            p for f5 in fs.FORM5.values() if fs.FORM5_TO_FORM[f5] == F for p in judged_people.get((v, f5), [])
        ]
        people.sort(key=lambda p: (p["verdict"] != OTHER_VERDICT, float(rng.random())))
        slots.sort(key=lambda s: (s[2] != "dagx", float(rng.random())))
        for (r, a, d), p in zip(slots, people, strict=True):
            cases.append(dict(r=r, a=a, d=d, v=v, F=F, person=p))

    return _records(cases, t, yrs, rng, pool, violations, status)


def _records(cases, t: Targets, yrs: fs.Years, rng, pool: CountryPool, violations, status) -> OmResult:
    sexual_art, generic_art, other_art = _articles()
    pre = yrs.Y - 5
    # actual years for "before the window"
    for c in cases:
        if c["a"] is not None and c["a"] == pre:
            c["a"] = pre - int(rng.integers(0, 2))
        if c["r"] == pre:
            c["r"] = min(pre - int(rng.integers(0, 2)), c["a"] if c["a"] is not None else pre)
    # registering agency: the fact for Y where published, ~93% police otherwise
    politie_target = {}
    fid = f"om_zaken_politie_{yrs.Y}"
    pv = parse_count(t.fact(fid) or "")
    if pv is not None:
        politie_target[yrs.Y] = pv.lo
    by_r = defaultdict(list)
    for c in cases:
        by_r[c["r"]].append(c)
    for r, cs in by_r.items():
        k = politie_target.get(r, int(round(len(cs) * 0.93)))
        non = len(cs) - min(k, len(cs))
        labour = [c for c in cs if c["F"] == "arbeid"]
        rest = [c for c in cs if c["F"] != "arbeid"]
        rng.shuffle(labour)
        rng.shuffle(rest)
        n_nla = min(len(labour), (non + 1) // 2)
        for c in cs:
            c["instantie"] = "politie"
        for c in labour[:n_nla]:
            c["instantie"] = "nla"
        for c in (rest + labour[n_nla:])[: non - n_nla]:
            c["instantie"] = _weighted(rng, ["kmar", "overig"], [6, 4])
    # ids in order of registration
    cases.sort(key=lambda c: (c["r"], float(rng.random())))
    zaken, feiten, dossier = [], [], []
    for i, c in enumerate(cases, start=1):
        zid = f"OM-{i:06d}"
        p = c.get("person")
        if p is not None:
            age = p["age"]
            gender = fs.GENDERS[p["gender"]]
            herk = fs.HERKOMST[p["herkomst"]]
            f5 = p["f5"]
            verdict = fs.VERDICTS[p["verdict"]]
        else:
            age = None if rng.random() < 0.03 else int(np.clip(round(rng.normal(33, 10)), 16, 74))
            gender = _weighted(rng, ["man", "vrouw", ""], [84, 15, 1])
            herk = _weighted(rng, ["nl", "eer", "overig", "onb"], [60, 13, 25, 2])
            f5 = None
            verdict = None
        if herk == "nl":
            land = "NL"
        elif herk == "eer":
            land = (
                _weighted(rng, pool.eer, [6, 3, 3, 2] + [1] * (len(pool.eer) - 4))
                if len(pool.eer) > 4
                else pool.eer[0]
            )
        elif herk == "overig":
            land = pool.other[int(rng.integers(0, len(pool.other)))]
        else:
            land = ""
        d = c["d"]
        afdoening = {
            "dag": "dagvaarding",
            "dagx": "dagvaarding",
            "sepot": "onvoorwaardelijk_sepot",
            "overig": "overig",
            None: "",
        }[d]
        zaken.append(
            {
                "zaak_id": zid,
                "inschrijfjaar": str(c["r"]),
                "instantie": c["instantie"],
                "geslacht": gender,
                "leeftijd_pleegdatum": "" if age is None else str(age),
                "geboorteland": land,
                "afdoening": afdoening,
                "afdoeningsjaar": "" if c["a"] is None else str(c["a"]),
                "vonnisjaar": "" if c["v"] is None else str(c["v"]),
            }
        )
        fr, dr = _facts_for_case(zid, c["F"], f5, d, verdict, rng, sexual_art, generic_art, other_art)
        feiten += fr
        if dr is not None:
            dossier.append(dr)
    return OmResult(zaken, feiten, dossier, violations, status)


def _facts_for_case(zid, F, f5, d, verdict, rng, sexual_art, generic_art, other_art):
    """Fact rows (and a dossier row) that rules 8-10 turn into form F, decision d and the verdict."""

    def gen():
        return generic_art[int(rng.integers(0, len(generic_art)))]

    thb: list[dict] = []
    dossier_vorm = ""
    u = float(rng.random())
    if F == "seks":
        if sexual_art and u < 0.45:
            thb.append(
                dict(
                    art=sexual_art[int(rng.integers(0, len(sexual_art)))],
                    cls="mh_seksueel" if rng.random() < 0.7 else "",
                )
            )
        elif u < 0.85:
            thb.append(dict(art=gen(), cls="mh_seksueel"))
        else:
            thb.append(dict(art=gen(), cls=""))
            dossier_vorm = "seksueel"
        if not dossier_vorm and rng.random() < 0.12:  # sexual wins (rule 8)
            thb.append(dict(art=gen(), cls="mh_arbeid"))
    elif F == "arbeid":
        if u < 0.75:
            thb.append(dict(art=gen(), cls="mh_arbeid"))
        else:
            thb.append(dict(art=gen(), cls=""))
            dossier_vorm = "arbeid"
        if not dossier_vorm and rng.random() < 0.1:  # labour wins over criminal (rule 8)
            thb.append(dict(art=gen(), cls="mh_crimineel"))
    elif F == "crim":
        if u < 0.6:
            thb.append(dict(art=gen(), cls="mh_crimineel"))
        elif u < 0.75:
            thb.append(dict(art=gen(), cls="mh_overig"))
        else:
            thb.append(dict(art=gen(), cls=""))
            dossier_vorm = "crimineel" if rng.random() < 0.7 else "overig"
    else:
        thb.append(dict(art=gen(), cls="overig" if rng.random() < 0.5 else ""))
    n_other = int(rng.choice([0, 0, 1, 1, 2]))
    if d == "dagx":
        n_other = max(n_other, 1)
    others = [
        dict(art=other_art[int(rng.integers(0, len(other_art)))], cls=_weighted(rng, ["overig", ""], [3, 1]))
        for _ in range(n_other)
    ]
    # charge and verdict
    for f in thb + others:
        f["tll"], f["uit"] = "nee", ""
    if d == "dag":
        for j, f in enumerate(thb):
            f["tll"] = "ja" if j == 0 or rng.random() < 0.6 else "nee"
        for f in others:
            f["tll"] = "ja" if rng.random() < 0.7 else "nee"
    elif d == "dagx":
        others[0]["tll"] = "ja"
    if verdict is not None:
        charged_thb = [f for f in thb if f["tll"] == "ja"]
        if verdict == "veroordeeld":
            for j, f in enumerate(charged_thb):
                f["uit"] = "bewezen" if j == 0 or rng.random() < 0.6 else "vrijspraak"
        elif verdict == "vrij":
            for f in charged_thb:
                f["uit"] = "vrijspraak"
        else:
            for f in charged_thb:
                f["uit"] = _weighted(rng, ["", "overig"], [3, 1])
        for f in others:
            if f["tll"] == "ja":
                f["uit"] = _weighted(rng, ["bewezen", "vrijspraak", ""], [5, 2, 1])
    order = thb + others
    perm = [order[0]] + [order[int(i) + 1] for i in rng.permutation(len(order) - 1)]
    rows = [
        {
            "zaak_id": zid,
            "feit_nr": str(j),
            "wetsartikel": f["art"],
            "classificatie": f["cls"],
            "tenlastegelegd": f["tll"],
            "uitspraak": f["uit"],
        }
        for j, f in enumerate(perm, start=1)
    ]
    subvorm = ""
    if F == "seks":
        if f5 == "binnen":
            subvorm = "binnenlands"
        elif f5 == "intl":
            subvorm = "internationaal"
        elif f5 is None and rng.random() < 0.3:
            subvorm = _weighted(rng, ["binnenlands", "internationaal"], [7, 3])
    if subvorm:
        dossier_vorm = "seksueel"
    dr = None
    if dossier_vorm or (f5 is not None and rng.random() < 0.2 and F != "seks"):
        dr = {
            "zaak_id": zid,
            "vorm": dossier_vorm or {"arbeid": "arbeid", "crim": "crimineel"}.get(F, ""),
            "subvorm": subvorm,
        }
    elif F == "seks" and f5 == "sexunk" and rng.random() < 0.3:
        dr = {"zaak_id": zid, "vorm": "seksueel", "subvorm": ""}
    return rows, dr
