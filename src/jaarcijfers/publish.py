"""Disclosure control, applied once: computed figures and facts in, the published `Edition` out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jaarcijfers.facts.compute import ComputedFact
from jaarcijfers.figures.catalogue import by_id
from jaarcijfers.figures.model import (
    ComputedFigure,
    Edition,
    PublishedBlock,
    PublishedCell,
    PublishedFact,
    PublishedFigure,
)
from jaarcijfers.sdc.policy import FACT_POLICIES, RawCell, get_policy

SYMBOLS = {
    "publicatie": (
        ("<5", "een aantal van 1 tot en met 4 (niet precies getoond ter bescherming van de privacy)"),
        ("<10", "een aantal van 0 tot en met 9, zoals aangeleverd (IND, Raad voor de rechtspraak)"),
        ("(leeg)", "niet weergegeven: te weinig gegevens voor een betrouwbare uitsplitsing"),
    ),
    "strict": (
        (
            "x",
            "niet getoond ter bescherming van de privacy (klein aantal, of een aantal waaruit een klein aantal "
            "te herleiden zou zijn)",
        ),
        ("<10", "een aantal van 0 tot en met 9, zoals aangeleverd (IND, Raad voor de rechtspraak)"),
        ("(leeg)", "niet weergegeven: te weinig gegevens voor een betrouwbare uitsplitsing"),
    ),
}


def publish(
    year: int,
    figures: Sequence[ComputedFigure],
    facts: Sequence[ComputedFact],
    sdc: str,
    provenance: dict[str, Any],
    reflection: str | None = None,
) -> Edition:
    policy = get_policy(sdc)
    raw = [c for f in figures for c in f.cells()]
    if sdc in FACT_POLICIES:  # the policy protects the related prose facts together with the cells
        raw += fact_cells(facts, year)
    shown = policy(raw)
    catalogue = by_id()
    published = []
    for f in figures:
        spec = catalogue[f.id]
        blocks = tuple(
            PublishedBlock(
                b.part,
                b.stub,
                b.rows,
                b.columns,
                tuple(PublishedCell(c.key.row, c.key.column, shown[c.key], c.kind) for c in b.cells),
            )
            for b in f.blocks
        )
        published.append(
            PublishedFigure(
                id=f.id,
                name=spec.name,
                title=f.title,
                source=spec.source,
                source_id=spec.source_id,
                unit=spec.unit,
                section=spec.section,
                chart=spec.chart,
                rounded=spec.rounded,
                description=spec.description,
                notes=f.notes,
                years=f.years,
                blocks=blocks,
            )
        )
    hidden = {(k.figure, k.part, k.row, k.column) for k, text in shown.items() if text in HIDING_SYMBOLS}
    from jaarcijfers.sdc.structure import FACT_FIGURE

    decided = {k.row for k, text in shown.items() if k.figure == FACT_FIGURE and text in HIDING_SYMBOLS}
    protected_facts = protect_facts(facts, sdc, hidden, decided)
    years = tuple(range(year - 4, year + 1))
    extras: dict[str, Any] = {}
    if sdc == "strict":
        from jaarcijfers.sdc.strict import toelichting_nl

        extras["sdc_toelichting"] = toelichting_nl()
    return Edition(
        extras=extras,
        year=year,
        years=years,
        figures=tuple(published),
        facts=protected_facts,
        sdc_policy=sdc,
        sdc_symbols=SYMBOLS.get(sdc, SYMBOLS["publicatie"]),
        provenance=provenance,
        reflection_markdown=reflection,
    )


HIDING_SYMBOLS = frozenset({"<5", "x"})


def fact_cells(facts: Sequence[ComputedFact], year: int) -> list[RawCell]:
    """The count facts that occur in a relation of the facts catalogue, as cells of the pseudo-figure
    `FACT_FIGURE` (true values), for a policy that models facts (docs/sdc.md, "Prose facts")."""
    from jaarcijfers.facts.catalogue import related_fact_ids
    from jaarcijfers.sdc.structure import fact_key

    related = related_fact_ids(year)
    return [
        RawCell(fact_key(f.id), f.value.value, "count")
        for f in facts
        if f.id in related and f.value.kind == "count" and isinstance(f.value.value, int)
    ]


def protect_facts(
    facts: Sequence[ComputedFact],
    sdc: str,
    hidden: set[tuple[str, str, str, str]] = frozenset(),  # type: ignore[assignment]
    decided: frozenset[str] | set[str] = frozenset(),
) -> tuple[PublishedFact, ...]:
    """The prose is protected like the tables:
    - a count of 1 to 4 persons or cases gets the policy's symbol;
    - a fact the policy withheld (`decided`: ids; the strict policy withholds related facts by secondary
      suppression) gets it;
    - a count or difference computed from a hidden cell gets it too (it would reveal that cell);
    - under the strict policy every fact computed from a hidden cell is withheld (shares included; the
      publication policy shows shares of unrounded counts, as the report does)."""
    symbol = "x" if sdc == "strict" else "<5"
    out = []
    for f in facts:
        text = f.value.text()
        countlike = f.value.kind in ("count", "number")
        if f.value.kind == "count" and isinstance(f.value.value, int) and 1 <= f.value.value <= 4:
            text = symbol
        elif f.id in decided or (f.cells & hidden and (countlike or sdc == "strict")):
            text = symbol
        out.append(PublishedFact(f.id, text, f.value.unit, f.section, f.description))
    return tuple(out)
