"""The fit of the CoMensha part, counted again on the assembled victims, and why targets are unmet."""

from __future__ import annotations

from collections import defaultdict

from jaarcijfers.synth.comensha.constraints import IMPLIED
from jaarcijfers.synth.comensha.facts import (
    FactSpec,
    count_interval,
    count_value,
    country_groups,
    country_of,
    factor_ok,
    pct_ok,
    relative,
    share_ok,
    top_name,
)
from jaarcijfers.synth.comensha.specs import Spec, World, count, top_countries
from jaarcijfers.synth.comensha.targets import Target, interval, rank_columns
from jaarcijfers.synth.comensha.vocabulary import FORM5
from jaarcijfers.synth.targets import Targets


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
            if got not in interval(t):
                out.append((t.name, f"synthesized {got}, target {interval(t).lo}..{interval(t).hi}"))
        elif t.kind == "share":
            num = count(vs, t.spec, world)
            den = sum(count(vs, d, world) for d in t.den)
            if not share_ok(f"{t.pct}%", "", num, den):
                out.append((t.name, f"synthesized {num}/{den}, target {t.pct}%"))
        elif t.kind == "cap":
            for s in t.caps:
                got = count(vs, s + t.spec, world)
                if got > interval(t).hi:
                    out.append((t.name, f"{dict(s)} has {got} > {interval(t).hi}"))
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
        named = {country_of(m)[0] for m in members}
        low = min(count_value(m.value).lo for m in members)
        worst = max((count(vs, (("c", c),) + rest, world), c) for c in world.naam if c not in named)
        if worst[0] >= low:
            out.append(
                (
                    top_name(members),
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
        return pct_ok(f.value, new, old), f"synthesized {new} vs {old} = {relative(f, new, old)}"
    if f.kind == "factor":
        new, old = q(y), q(y - 1)
        return factor_ok(f.value, f.subject, new, old), f"synthesized {new} vs {old}"
    if f.kind == "share":
        num, den = q(y), q(y, f.den) if f.den else len(done.get(y, []))
        return share_ok(f.value, f.subject, num, den), f"synthesized {num}/{den}"
    if f.kind == "mshare":
        vs = done.get(y, [])
        num = q(y)
        den = sum(count(vs, (("minor", True), ("form", k)), world) for k in FORM5)
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


def unmet_targets(
    targets: Targets,
    cells: list[Target],
    facts: list[FactSpec],
    not_understood: list[str],
    done: dict[int, list[dict]],
    anonymous: dict[int, int],
    world: World,
    unmet: list[tuple[str, str]],
    violations: list[tuple[str, float]],
) -> tuple[list[tuple[str, str]], dict[str, float]]:
    """Every unmet target once with its reason (a conflict the solver resolved says by how much it moved
    the target), and the fit statistics."""
    unmet = list(unmet)
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
    rank_names: set[str] = set()
    for fig, part, rank_col in rank_columns():
        if not targets.rows(fig, part):
            continue
        top = top_countries(done.get(targets.year, []), world)
        naam_code = {v: k for k, v in world.naam.items()}
        for row in targets.rows(fig, part):
            rank_names.add(f"{fig}[{row}|{rank_col}]")
            raw = targets.raw(fig, part, row, rank_col)
            code = naam_code.get(row)
            got = str(top.index(code) + 1) if code in top else "-"
            if raw is not None and got != raw:
                unmet.append((f"{fig}[{row}|{rank_col}]", f"synthesized rank {got}, published {raw}"))
    names_unmet = {n for n, _ in unmet}
    cell_names = {t.name for t in cells if t.kind in ("count", "share")} | rank_names
    fact_names = {f"fact {f.id}" for f in facts} | {f"fact {i}" for i in not_understood}
    stats = {
        "cells_total": float(len(cell_names)),
        "cells_met": float(len(cell_names - names_unmet)),
        "facts_total": float(len(fact_names)),
        "facts_met": float(len(fact_names - names_unmet)),
        "victims": float(sum(len(v) for v in done.values())),
        "solver_violations": float(len(violations)),
    }
    seen = set()
    uniq = []
    for name, reason in unmet:
        if name not in seen:
            seen.add(name)
            uniq.append((name, reason))
    return uniq, stats
