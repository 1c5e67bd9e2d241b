"""Synthetic EMM delivery (`emm_onderzoeken`, `emm_onderzoek_vormen`, `emm_verdachten`).

Constructive, no solver needed: per start year the number of distinct investigations is chosen so that
the published count of the reporting year and the five-year mean hold; the form mentions of Figuur 13 are
spread over them (every investigation one primary form, the surplus mentions as second forms); a fixed
number of NLA investigations without a labour row (counted as labour by rule 7) is planted; suspects per
year follow Figuur 14 by gender (a year that the figure leaves out gets no suspects), with the facts of
the reporting year on age and nationality; some suspects appear in several investigations, in the same
year or the year before, always with the same gender and nationality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from jaarcijfers.numbers import round_half_up
from jaarcijfers.synth import factspecs as fs
from jaarcijfers.synth.targets import Targets, parse_count


@dataclass
class EmmResult:
    onderzoeken: list[dict[str, str]]
    vormen: list[dict[str, str]]
    verdachten: list[dict[str, str]]
    notes: list[str] = field(default_factory=list)


def _pick(iv, rng) -> int:
    if iv is None:
        return 0
    if iv.lo == iv.hi:
        return iv.lo
    return int(rng.integers(iv.lo, iv.hi + 1))


def _investigation_counts(
    t: Targets, yrs: fs.Years, mentions: dict[int, dict[str, int]], notes
) -> dict[int, int]:
    lo = {y: max(max(m.values()), 1 if sum(m.values()) else 0) for y, m in mentions.items()}
    hi = {y: sum(m.values()) for y, m in mentions.items()}
    fixed: dict[int, int] = {}
    fy = parse_count(t.fact(f"onderzoeken_{yrs.Y}") or "")
    if fy is not None and yrs.Y in hi:
        fixed[yrs.Y] = min(max(fy.lo, lo[yrs.Y]), hi[yrs.Y])
    mean_raw = fs.parse_number(t.fact(f"onderzoeken_gemiddelde_{yrs.Y - 4}_{yrs.Y}") or "")
    years = sorted(hi)
    free = [y for y in years if y not in fixed]
    if mean_raw is not None:
        # sum S with round_half_up(S / n) == mean: smallest such S not below the target's centre
        n = len(yrs.window)
        total = mean_raw * n
    else:
        total = sum(fixed.values()) + sum(round(0.92 * hi[y]) for y in free)
    rest = total - sum(fixed.values())
    out = dict(fixed)
    base = sum(hi[y] for y in free) or 1
    for y in free:
        out[y] = min(max(int(round(hi[y] * rest / base)), lo[y]), hi[y])
    # fix the residual one by one, in a fixed order
    diff = rest - sum(out[y] for y in free)
    i = 0
    while diff != 0 and free and i < 100000:
        y = free[i % len(free)]
        if diff > 0 and out[y] < hi[y]:
            out[y] += 1
            diff -= 1
        elif diff < 0 and out[y] > lo[y]:
            out[y] -= 1
            diff += 1
        i += 1
    if diff != 0:
        notes.append("EMM: het gemiddelde aantal onderzoeken is niet haalbaar met de vormen van Figuur 13")
    return out


def synthesize_emm(t: Targets, seed: int) -> EmmResult:
    from jaarcijfers.contract.codelists import countries

    yrs = fs.Years(t.year)
    rng = np.random.default_rng([seed, 13])
    notes: list[str] = []
    years13 = [int(c) for c in t.columns("13", "") if c.isdigit()]
    mentions = {
        y: {
            fs.F13_FORMS[r]: _pick(t.cell("13", "", r, str(y)), rng)
            for r in t.rows("13", "")
            if r in fs.F13_FORMS
        }
        for y in years13
    }
    counts = _investigation_counts(t, yrs, mentions, notes)

    nla_target = parse_count(t.fact("emm_nla_niet_u02") or "")
    nla_left = nla_target.lo if nla_target else 0

    invs: list[dict] = []  # {year, forms:set, partij, norows}
    for y in years13:
        N = counts[y]
        c = dict(mentions[y])
        p = dict(c)
        extra = sum(c.values()) - N
        order = ["seksueel", "crimineel", "overig", "arbeid"]
        while extra > 0:
            f = max(order, key=lambda f: (p[f], -order.index(f)))
            p[f] -= 1
            extra -= 1
        year_invs: list[dict] = []
        for f in ("seksueel", "arbeid", "crimineel", "overig"):
            for _ in range(p[f]):
                year_invs.append(dict(year=y, forms={f}, primary=f))
        rng.shuffle(year_invs)
        for f in ("seksueel", "arbeid", "crimineel", "overig"):
            s = c[f] - p[f]
            cands = [i for i in year_invs if f not in i["forms"]]
            rng.shuffle(cands)
            for inv in cands[:s]:
                inv["forms"].add(f)
        # agency, rows
        for inv in year_invs:
            inv["norows"] = False
            if "arbeid" in inv["forms"]:
                inv["partij"] = "nla" if rng.random() < 0.45 else "politie"
            else:
                inv["partij"] = "kmar" if ("seksueel" in inv["forms"] and rng.random() < 0.12) else "politie"
            if inv["forms"] == {"overig"} and rng.random() < 0.5:
                inv["norows"] = True
        invs += year_invs
    # NLA investigations without a labour row (rule 7 counts them as labour)
    labour = [i for i in invs if i["forms"] == {"arbeid"}]
    for j in sorted(int(x) for x in rng.permutation(len(labour))[:nla_left]):
        labour[j]["partij"] = "nla"
        labour[j]["nla_only"] = True
    nla_left -= min(nla_left, len(labour))
    if nla_left:
        notes.append(f"EMM: {nla_left} NLA-onderzoeken zonder arbeidsrij konden niet worden geplaatst")

    rng.shuffle(invs)
    invs.sort(key=lambda i: i["year"])
    onderzoeken: list[dict[str, str]] = []
    vormen: list[dict[str, str]] = []
    for n, inv in enumerate(invs, start=1):
        inv["id"] = f"EMM-{n:06d}"
        onderzoeken.append(
            {"onderzoek_id": inv["id"], "startjaar": str(inv["year"]), "partij": inv["partij"]}
        )
        if inv.get("nla_only") or inv["norows"]:
            continue
        for f in sorted(inv["forms"]):
            vormen.append({"onderzoek_id": inv["id"], "vorm": f})

    verdachten = _suspects(t, yrs, invs, rng, countries(), notes)
    return EmmResult(onderzoeken, vormen, verdachten, notes)


def _volwassen_minors(t: Targets, yrs: fs.Years, known: int) -> int:
    value = fs.parse_number(t.fact(f"verdachten_volwassen_pct_{yrs.Y}") or "")
    if value is None or known == 0:
        return round(0.04 * known)
    best = None
    for m in range(known + 1):
        if round_half_up(Fraction(known - m, known) * 100) == value:
            if best is None or abs(m - (100 - value) / 100 * known) < abs(best - (100 - value) / 100 * known):
                best = m
    return best if best is not None else round(0.04 * known)


def _suspects(t: Targets, yrs: fs.Years, invs: list[dict], rng, cs, notes) -> list[dict[str, str]]:
    years14 = sorted(int(c) for c in t.columns("14", "") if c.isdigit())
    by_year: dict[int, list[dict]] = {}
    for inv in invs:
        by_year.setdefault(inv["year"], []).append(inv)
    other_pool = [
        c
        for c in (
            "PL",
            "MA",
            "TR",
            "SR",
            "NG",
            "HU",
            "DE",
            "CO",
            "UA",
            "CN",
            "BR",
            "AL",
            "LT",
            "SK",
            "ES",
            "VN",
            "BE",
            "DO",
            "GH",
            "EG",
            "IQ",
            "SY",
            "FR",
            "IT",
        )
        if c in cs
    ]
    persons_next: list[dict] = []
    rows: list[dict[str, str]] = []
    pid = 0
    for y in sorted(years14, reverse=True):
        need = {
            g: _pick(t.cell("14", "", lab, str(y)), rng)
            for lab, g in fs.F14_GENDERS.items()
            if t.cell("14", "", lab, str(y)) is not None
        }
        total_iv = t.cell("14", "", fs.R14_TOTAL, str(y))
        if total_iv is not None and sum(need.values()) not in total_iv:
            notes.append(f"EMM: Figuur 14 {y}: geslachten tellen niet op tot het totaal")
        persons: list[dict] = []
        for g, k in sorted(need.items()):
            reuse_from = [p for p in persons_next if p["gender"] == g]
            rng.shuffle(reuse_from)
            nre = min(len(reuse_from), int(round(0.07 * k))) if y != yrs.Y else 0
            for p in reuse_from[:nre]:
                persons.append(dict(p, age=None if p["age"] is None else p["age"] - 1))
            for _ in range(k - nre):
                persons.append(dict(id=None, gender=g, age=0, nat=None))
        total = len(persons)
        new = [p for p in persons if p["id"] is None]
        # ages
        unknown_age = int(round(0.08 * total))
        known = total - unknown_age
        minors = _volwassen_minors(t, yrs, known) if y == yrs.Y else int(round(0.04 * known))
        new_order = list(rng.permutation(len(new)))
        reused_unknown = sum(1 for p in persons if p["id"] is not None and p["age"] is None)
        reused_minor = sum(
            1 for p in persons if p["id"] is not None and p["age"] is not None and p["age"] < 18
        )
        u_left = max(0, unknown_age - reused_unknown)
        m_left = max(0, minors - reused_minor)
        for j in new_order:
            p = new[int(j)]
            if u_left:
                p["age"] = None
                u_left -= 1
            elif m_left:
                p["age"] = int(rng.integers(14, 18))
                m_left -= 1
            else:
                p["age"] = int(np.clip(round(rng.normal(35, 11)), 18, 70))
        # nationalities
        nat_targets: dict[str, int] = {}
        if y == yrs.Y:
            for fid, f in t.facts.items():
                parts = fid.split("_")
                if len(parts) == 3 and parts[0] == "verdachten" and len(parts[1]) == 2 and parts[2] == str(y):
                    iv = parse_count(f.value)
                    if iv is not None:
                        nat_targets[parts[1].upper()] = iv.lo
            iv = parse_count(t.fact(f"verdachten_nat_onbekend_{y}") or "")
            if iv is not None:
                nat_targets[""] = iv.lo
        if not nat_targets:
            nat_targets = {
                "NL": round(0.58 * total),
                "RO": round(0.08 * total),
                "BG": round(0.03 * total),
                "": round(0.12 * total),
            }
        fixed = [p for p in persons if p["id"] is not None]
        for p in fixed:
            if p["nat"] in nat_targets:
                nat_targets[p["nat"]] = max(0, nat_targets[p["nat"]] - 1)
        named = [k for k in nat_targets if k]
        cap = max(1, min(nat_targets[k] for k in named) - 1) if named else 4
        others = [c for c in other_pool if c not in nat_targets]
        nats: list[str] = [k for k, v in sorted(nat_targets.items()) for _ in range(v)]
        rest = len(new) - len(nats)
        if rest < 0:
            nats = nats[: len(new)]
            notes.append(f"EMM: nationaliteiten {y} tellen op tot meer dan het aantal verdachten")
            rest = 0
        used = {c: sum(1 for p in fixed if p["nat"] == c) for c in others}
        i = 0
        while rest > 0 and others:
            c = others[i % len(others)]
            if used[c] < cap:
                nats.append(c)
                used[c] += 1
                rest -= 1
            i += 1
            if i > 100 * len(others):
                notes.append(f"EMM: te weinig landen om de top-3 nationaliteiten van {y} te behouden")
                nats += [others[0]] * rest
                break
        rng.shuffle(nats)
        for p, nat in zip(new, nats, strict=True):
            p["nat"] = nat
        for j in rng.permutation(len(new)):
            pid += 1
            new[int(j)]["id"] = f"V-{pid:06d}"
        # rows: every investigation of the year one suspect first, then the rest; 6% in a second one
        yinvs = list(by_year.get(y, []))
        rng.shuffle(yinvs)
        order = list(rng.permutation(len(persons)))
        links: set[tuple[str, str]] = set()
        for k, j in enumerate(order):
            p = persons[int(j)]
            if not yinvs:
                break
            inv = yinvs[k] if k < len(yinvs) else yinvs[int(rng.integers(0, len(yinvs)))]
            links.add((p["id"], inv["id"]))
            if rng.random() < 0.06 and len(yinvs) > 1:
                inv2 = yinvs[int(rng.integers(0, len(yinvs)))]
                links.add((p["id"], inv2["id"]))
        pmap = {p["id"]: p for p in persons}
        for vid, oid in links:
            p = pmap[vid]
            rows.append(
                {
                    "verdachte_id": vid,
                    "onderzoek_id": oid,
                    "geslacht": p["gender"],
                    "leeftijd": "" if p["age"] is None else str(p["age"]),
                    "nationaliteit": p["nat"],
                }
            )
        persons_next = persons
    return rows
