"""Compute every fact of the catalogue, plus the year-on-year change of every series."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from jaarcijfers.facts import values as v
from jaarcijfers.facts.catalogue import FACTS, FAMILIES
from jaarcijfers.facts.context import FactContext
from jaarcijfers.facts.values import FactValue
from jaarcijfers.figures.model import ComputedFigure


@dataclass(frozen=True)
class ComputedFact:
    id: str
    value: FactValue
    section: str
    description: str
    series: bool = False  # an automatic year-on-year change of a published series
    cells: frozenset[tuple[str, str, str, str]] = frozenset()  # the figure cells the value was computed from


def fact_id(template: str, year: int) -> str:
    return template.format(Y=year, P=year - 1, Y2=year - 2, Y0=year - 4)


def slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")


def compute_facts(con, year: int, figures: Sequence[ComputedFigure]) -> tuple[ComputedFact, ...]:
    ctx = FactContext(con, year, figures)
    out: dict[str, ComputedFact] = {}
    for spec in FACTS:
        ctx.reads.clear()
        value = spec.compute(ctx)
        if value is not None:
            fid = fact_id(spec.id, year)
            out[fid] = ComputedFact(
                fid, value, fact_id(spec.section, year), spec.description, cells=frozenset(ctx.reads)
            )
    for family in FAMILIES:
        ctx.reads.clear()
        for fid, description, value in family.produce(ctx):
            out.setdefault(
                fid,
                ComputedFact(
                    fid, value, fact_id(family.section, year), description, cells=frozenset(ctx.reads)
                ),
            )
    for fact in series_changes(figures, year):
        out.setdefault(fact.id, fact)
    return tuple(out.values())


def series_changes(figures: Sequence[ComputedFigure], year: int) -> list[ComputedFact]:
    """For every count series with a value in the reporting year and the year before: the change in count
    and in percent. Left out where either count is 1-4 (it would reveal a suppressed value)."""
    out = []
    for fig in figures:
        for block in fig.blocks:
            if str(year) not in block.columns or str(year - 1) not in block.columns:
                continue
            cells = {(c.key.row, c.key.column): c for c in block.cells}
            for row in block.rows:
                new, old = cells.get((row, str(year))), cells.get((row, str(year - 1)))
                if new is None or old is None or new.kind != "count" or old.kind != "count":
                    continue
                a, b = int(new.value), int(old.value)  # type: ignore[arg-type]
                if 1 <= a <= 4 or 1 <= b <= 4:
                    continue
                base = f"reeks_f{fig.id.lower()}{('_' + block.part) if block.part else ''}_{slug(row)}"
                desc = f"{row} ({'Tabel ' + fig.id[1:] if fig.id.startswith('T') else 'Figuur ' + fig.id})"
                deps = frozenset(
                    {(fig.id, block.part, row, str(year)), (fig.id, block.part, row, str(year - 1))}
                )
                out.append(
                    ComputedFact(
                        f"{base}_verschil_{year}",
                        FactValue("number", a - b, "count"),
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
