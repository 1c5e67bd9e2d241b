"""Compute every fact of the catalogue, plus the year-on-year change of every series."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from jaarcijfers.facts import values as v
from jaarcijfers.facts.catalogue import FACTS, FAMILIES, Cells, FormKind, LinearForm
from jaarcijfers.facts.context import FactContext
from jaarcijfers.facts.ids import slug
from jaarcijfers.facts.story import EXTRA_FACTS, GUARDED_BY, story_facts
from jaarcijfers.facts.values import FactKind, FactUnit, FactValue
from jaarcijfers.figures.model import CellKey, CellKind, ComputedFigure


@dataclass(frozen=True)
class ComputedFact:
    id: str
    value: FactValue
    section: str
    description: str
    series: bool = False  # an automatic year-on-year change of a published series
    ranked_by: int | None = (
        None  # names a category of the data for this count (the most frequent nationalities)
    )
    cells: frozenset[CellKey] = frozenset()  # the figure cells the value was computed from
    guard: frozenset[CellKey] = frozenset()  # left out when one of these cells is small (facts/story.py)
    guard_facts: frozenset[str] = frozenset()  # ... or one of these count facts


def fact_id(template: str, year: int) -> str:
    return template.format(Y=year, P=year - 1, Y2=year - 2, Y0=year - 4)


def compute_facts(
    con, year: int, figures: Sequence[ComputedFigure], without: frozenset[str] = frozenset()
) -> tuple[ComputedFact, ...]:
    """Every fact the data can produce. `without`: the sources without records for the reporting year; a
    fact that reads one of them is left out, whatever it computes (a 0 there means "no data", not "none";
    docs/outputs.md, "Years and sources without data")."""
    ctx = FactContext(con, year, figures)

    def absent() -> bool:
        return bool(without) and bool(ctx.sources() & without)

    out: dict[str, ComputedFact] = {}
    for spec in FACTS + EXTRA_FACTS:
        ctx.reset()
        value = spec.compute(ctx)
        if value is not None and not absent():
            fid = fact_id(spec.id, year)
            out[fid] = ComputedFact(
                fid, value, fact_id(spec.section, year), spec.description, cells=frozenset(ctx.reads)
            )
    for family in FAMILIES:
        ctx.reset()
        for named in family.produce(ctx):
            if absent():
                continue
            out.setdefault(
                named.id,
                ComputedFact(
                    named.id,
                    named.value,
                    fact_id(family.section, year),
                    named.description,
                    cells=frozenset(ctx.reads),
                    ranked_by=named.ranked_by,
                ),
            )
    for fact in series_changes(figures, year):
        out.setdefault(fact.id, fact)
    for fid, value, section, description, guard, guard_facts in story_facts(ctx, without):
        out.setdefault(
            fid, ComputedFact(fid, value, section, description, guard=guard, guard_facts=guard_facts)
        )
    for template, counts in GUARDED_BY.items():
        fid = fact_id(template, year)
        if fid in out:
            out[fid] = replace(out[fid], guard_facts=frozenset(fact_id(c, year) for c in counts))
    return tuple(out.values())


def series_fact_stem(figure: str, part: str, row: str) -> str:
    """The id stem of the year-on-year change facts of a series (`<stem>_verschil_<Y>`, `<stem>_pct_<Y>`)."""
    return f"reeks_f{figure.lower()}{('_' + part) if part else ''}_{slug(row)}"


def series_forms(figure: str, part: str, row: str, year: int) -> tuple[tuple[str, LinearForm], ...]:
    """The ids and linear forms of the two change facts of a series (`series_changes`): the signed
    difference and the change in percent of the count in the reporting year against the year before."""
    base = series_fact_stem(figure, part, row)
    new, old = Cells(figure, part, (row,), (str(year),)), Cells(figure, part, (row,), (str(year - 1),))
    return (
        (f"{base}_verschil_{year}", LinearForm(FormKind.DIFFERENCE, new, old, FactKind.NUMBER)),
        (f"{base}_pct_{year}", LinearForm(FormKind.CHANGE, new, old, FactKind.CHANGE)),
    )


def series_changes(figures: Sequence[ComputedFigure], year: int) -> list[ComputedFact]:
    """For every count series with a value in the reporting year and the year before: the change in count
    and in percent. Disclosure control (`edition.publish`) leaves out the changes of a series with a small
    count in either year (they would reveal it)."""
    out = []
    for fig in figures:
        for block in fig.blocks:
            if str(year) not in block.columns or str(year - 1) not in block.columns:
                continue
            cells = {(c.key.row, c.key.column): c for c in block.cells}
            for row in block.rows:
                new, old = cells.get((row, str(year))), cells.get((row, str(year - 1)))
                if new is None or old is None or new.kind != CellKind.COUNT or old.kind != CellKind.COUNT:
                    continue
                a, b = int(new.value), int(old.value)  # type: ignore[arg-type]
                base = series_fact_stem(fig.id, block.part, row)
                desc = f"{row} ({'Tabel ' + fig.id[1:] if fig.id.startswith('T') else 'Figuur ' + fig.id})"
                deps = frozenset({new.key, old.key})
                out.append(
                    ComputedFact(
                        f"{base}_verschil_{year}",
                        FactValue(FactKind.NUMBER, a - b, FactUnit.COUNT),
                        "Reeksen",
                        f"verandering in aantal: {desc}",
                        series=True,
                        cells=deps,
                    )
                )
                pct = v.change(a, b)
                if pct is not None:
                    out.append(
                        ComputedFact(
                            f"{base}_pct_{year}",
                            pct,
                            "Reeksen",
                            f"verandering in procenten: {desc}",
                            series=True,
                            cells=deps,
                        )
                    )
    return out
