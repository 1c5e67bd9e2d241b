"""Read a published edition back from its files (figures.csv and facts.csv) into an `Edition`.

Used to render or audit an edition that was published before (for instance the reference 2024
edition), and by renderer tests. Figure metadata (titles, sources, notes) come from the catalogue.
"""

from __future__ import annotations

import csv
from pathlib import Path

from jaarcijfers.figures.catalogue import CATALOGUE
from jaarcijfers.figures.model import Edition, PublishedBlock, PublishedCell, PublishedFact, PublishedFigure
from jaarcijfers.publish import SYMBOLS


def _kind(fig_rounded: bool, row: str, column: str, value: str) -> str:
    if value == "":
        return "blank"
    if value.endswith("%"):
        return "percent"
    if column == "Rang":
        return "rank"
    if row.startswith("Gemiddelde leeftijd"):
        return "mean"
    return "rounded" if fig_rounded else "count"


def read_edition(folder: Path, sdc: str = "publicatie") -> Edition:
    cells: dict[str, dict[str, list[tuple[str, str, str]]]] = {}
    with open(folder / "figures.csv", encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            cells.setdefault(r["figure"], {}).setdefault(r["table_part"], []).append(
                (r["row"], r["column"], r["value"])
            )
    years_all: set[int] = set()
    figures = []
    for spec in CATALOGUE:
        parts = cells.get(spec.id)
        if not parts:
            continue
        blocks = []
        fig_years: list[int] = []
        for block in spec.blocks:
            rows_ = parts.get(block.part, [])
            rows = tuple(dict.fromkeys(r for r, _, _ in rows_))
            cols = tuple(dict.fromkeys(c for _, c, _ in rows_))
            if block.columns.years:
                fig_years = [int(c) for c in cols]
            blocks.append(
                PublishedBlock(
                    block.part,
                    block.stub,
                    rows,
                    cols,
                    tuple(PublishedCell(r, c, v, _kind(spec.rounded, r, c, v)) for r, c, v in rows_),
                )
            )
        years_all.update(fig_years)
        year_guess = max(years_all) if years_all else 0
        periode = f"{fig_years[0]}-{fig_years[-1]}" if fig_years else str(year_guess)
        figures.append((spec, tuple(blocks), tuple(fig_years), periode))
    year = max(years_all)
    published = []
    for spec, spec_blocks, spec_years, periode in figures:
        fmt = {"periode": periode, "jaar": year}
        published.append(
            PublishedFigure(
                id=spec.id,
                name=spec.name,
                title=spec.title.format(**fmt),
                source=spec.source,
                source_id=spec.source_id,
                unit=spec.unit,
                section=spec.section,
                chart=spec.chart,
                rounded=spec.rounded,
                description=spec.description,
                notes=tuple(n.format(**fmt) for n in spec.notes),
                years=spec_years,
                blocks=spec_blocks,
            )
        )
    facts = []
    facts_file = folder / "facts.csv"
    if facts_file.exists():
        with open(facts_file, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                facts.append(
                    PublishedFact(
                        r["id"],
                        r["value"],
                        r.get("unit", "") or "",
                        r.get("section", "") or "",
                        r.get("subject", "") or "",
                    )
                )
    return Edition(
        year=year,
        years=tuple(range(year - 4, year + 1)),
        figures=tuple(published),
        facts=tuple(facts),
        sdc_policy=sdc,
        sdc_symbols=SYMBOLS[sdc],
        provenance={"bron": str(folder)},
    )
