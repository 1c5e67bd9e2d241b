"""The CoMensha part of the synthetic delivery: registrations, forms/sectors and reporters for Y-4..Y.

One year at a time, newest year first (a fact comparing a year with the one before, e.g. "+54%",
constrains the earlier year once the later one is known); per year stage A (`stage_a.py`) and stage B
(`stage_b.py`), then the records (`records.py`) and the fit (`fit.py`). See docs/synth-comensha.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from jaarcijfers.synth import labels as L
from jaarcijfers.synth.comensha.constraints import YearPlan
from jaarcijfers.synth.comensha.facts import count_interval, fact_targets, parse_facts, top10_plan
from jaarcijfers.synth.comensha.fit import unmet_targets
from jaarcijfers.synth.comensha.priors import country_weights
from jaarcijfers.synth.comensha.records import anonymous_counts, assemble, to_tables
from jaarcijfers.synth.comensha.specs import load_world
from jaarcijfers.synth.comensha.stage_a import stage_a
from jaarcijfers.synth.comensha.stage_b import stage_b
from jaarcijfers.synth.comensha.targets import cell_targets, lookup, mid
from jaarcijfers.synth.comensha.vocabulary import COMENSHA_FIGURES, REGIONS
from jaarcijfers.synth.targets import Targets

ATTEMPTS = 4
POPULATION_FACT = "schatting_slachtoffers_per_jaar"  # soft target of the reporter overlaps (MSE)


@dataclass(frozen=True)
class ComensHaResult:
    tables: dict[str, list[dict[str, str]]]
    unmet: list[tuple[str, str]]
    stats: dict[str, float]


def _years(t: Targets) -> list[int]:
    """The years of the CoMensha figures' year columns."""
    return sorted(
        {
            int(col)
            for (fig, part, _, col) in t.cells
            if fig in COMENSHA_FIGURES and L.block(fig, part).columns.years and col.isdigit()
        }
    )


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
    totals_y = {r: int(mid(lookup(cells, Y, (("r", r),)))) for r in REGIONS}
    weights = country_weights(cells, world, Y, totals_y)
    order = sorted(years, reverse=True)
    n_fact = count_interval(targets.fact(POPULATION_FACT) or "")
    population = float(n_fact.lo) if n_fact is not None and n_fact.lo > 0 else None
    for y in order:
        plan = YearPlan(y, [c for c in cells if c.year == y], population=population)
        plan.targets += fact_targets(facts, cells, y, done, world, unmet)
        for f in facts:
            if f.kind == "top10new" and f.year == y + 1 and f.year in done:
                plan.top10 = top10_plan(f, done[f.year], world, facts, weights, y)
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
    anonymous = anonymous_counts(facts, years, rng)
    tables = to_tables(done, anonymous, rng)
    uniq, fit_stats = unmet_targets(
        targets, cells, facts, not_understood, done, anonymous, world, unmet, violations
    )
    stats.update(fit_stats)
    return ComensHaResult(tables=tables, unmet=uniq, stats=stats)
