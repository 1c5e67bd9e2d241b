"""The CoMensha records: solved multisets dealt out to victims, then the three CSV tables.

The solved counts of both stages are dealt out to the victims with the same key in random order;
ages are drawn within their class, ids from a random permutation, sectors become one row per sector;
anonymous registrations get sparse attributes. Output rows are sorted.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from jaarcijfers.synth.comensha.facts import FactSpec, count_interval, count_value
from jaarcijfers.synth.comensha.specs import sexual_kind
from jaarcijfers.synth.comensha.vocabulary import NNW, ONB


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


def anonymous_counts(facts: list[FactSpec], years: list[int], rng: np.random.Generator) -> dict[int, int]:
    known = {f.year: count_value(f.value).lo for f in facts if f.kind == "anon" and count_interval(f.value)}
    base = int(np.mean(list(known.values()))) if known else 0
    return {y: known.get(y, max(0, int(base * rng.uniform(0.85, 1.1)))) for y in years}
