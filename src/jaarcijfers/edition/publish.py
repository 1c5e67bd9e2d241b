"""Disclosure control, applied once: computed figures and facts in, the published `Edition` out.

The only place where true values become published strings. Everything that depends on the policy is
read from its record (`sdc.policy.DisclosurePolicy`); nothing here names a policy.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from jaarcijfers.edition.model import (
    DataIdentities,
    Disclosure,
    Edition,
    Estimate,
    NoEstimate,
    PublishedBlock,
    PublishedCell,
    PublishedFact,
    PublishedFigure,
    block_period,
    label_meanings,
)
from jaarcijfers.edition.sections import ESTIMATE_SECTION, report_sections
from jaarcijfers.facts.compute import ComputedFact
from jaarcijfers.facts.values import FactKind, FactUnit
from jaarcijfers.figures.model import CellKey, CellKind, ComputedFigure, RawCell
from jaarcijfers.sdc.policy import DisclosurePolicy, get_policy

if TYPE_CHECKING:
    from jaarcijfers.estimate.run import EstimateResult


def publish(
    year: int,
    figures: Sequence[ComputedFigure],
    facts: Sequence[ComputedFact],
    policy: DisclosurePolicy | str,
    provenance: dict[str, Any],
    reflection: str | None = None,
    published_on: datetime.date | None = None,
) -> Edition:
    """`published_on`: the publication date; without one, the build date (`edition.files.publication_date`)."""
    from jaarcijfers.edition.files import publication_date
    from jaarcijfers.figures.catalogue import by_id

    policy = get_policy(policy) if isinstance(policy, str) else policy
    raw = [c for f in figures for c in f.cells()]
    if policy.models_facts:  # the policy protects the related prose facts together with the cells
        raw += fact_cells(facts, year)
    shown = policy.protect(raw)
    below = {s.text: s.below for s in policy.symbols}
    catalogue = by_id()
    published = []
    for f in figures:
        spec = catalogue[f.id]
        period = {b.part: b.period for b in spec.blocks}
        meanings = {b.part: label_meanings(b) for b in spec.blocks}
        blocks = tuple(
            PublishedBlock(
                b.part,
                b.stub,
                b.rows,
                b.columns,
                tuple(
                    PublishedCell(c.key.row, c.key.column, shown[c.key], c.kind, below.get(shown[c.key]))
                    for c in b.cells
                ),
                block_period(period[b.part]),
                meanings[b.part],
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
    withheld = {k for k, text in shown.items() if text == policy.withheld.text}
    small = {c.key for c in raw if c.kind == CellKind.COUNT and c.value in policy.small}
    return Edition(
        year=year,
        years=tuple(range(year - 4, year + 1)),
        sections=report_sections(),
        figures=tuple(published),
        facts=protect_facts(facts, policy, withheld, small),
        disclosure=Disclosure(policy.name, policy.symbols, policy.note, data_identities(figures, year)),
        published_on=published_on or publication_date(),
        provenance=provenance,
        reflection_markdown=reflection,
    )


def fact_cells(facts: Sequence[ComputedFact], year: int) -> list[RawCell]:
    """The count facts that occur in a relation of the facts catalogue, as cells of the pseudo-figure
    `FACT_FIGURE` (true values), for a policy that models facts (docs/sdc.md, "Prose facts")."""
    from jaarcijfers.facts.catalogue import related_fact_ids
    from jaarcijfers.sdc.structure import (
        fact_key,
    )

    related = related_fact_ids(year)
    return [
        RawCell(fact_key(f.id), f.value.value, CellKind.COUNT)
        for f in facts
        if f.id in related and f.value.kind == FactKind.COUNT and isinstance(f.value.value, int)
    ]


def protect_facts(
    facts: Sequence[ComputedFact],
    policy: DisclosurePolicy,
    withheld: Iterable[CellKey] = (),
    small: Iterable[CellKey] = (),
) -> tuple[PublishedFact, ...]:
    """The prose is protected like the tables (`withheld`: the cells, and facts of `FACT_FIGURE`, the
    policy withheld; `small`: the count cells whose true value is small):
    - the year-on-year changes of a series with a small count in either year are left out;
    - a count of persons or cases in the policy's small range gets the withheld symbol;
    - so does a fact the policy withheld itself (a policy that models facts);
    - and a count or difference computed from a withheld cell (it would reveal that cell); under a policy
      that `withholds_derived`, every fact computed from a withheld cell (shares included; the publication
      policy shows shares of unrounded counts, as the report does)."""
    from jaarcijfers.sdc.structure import (
        FACT_FIGURE,
    )

    withheld, small = set(withheld), set(small)
    decided = {k.row for k in withheld if k.figure == FACT_FIGURE}
    symbol = policy.withheld.text
    out = []
    for f in facts:
        if f.series and f.cells & small:
            continue
        text = f.value.text()
        countlike = f.value.kind in (FactKind.COUNT, FactKind.NUMBER)
        if f.value.kind == FactKind.COUNT and f.value.value in policy.small:
            text = symbol
        elif f.id in decided or (f.cells & withheld and (countlike or policy.withholds_derived)):
            text = symbol
        out.append(PublishedFact(f.id, text, f.value.unit, f.section, f.description))
    return tuple(out)


# --- the estimate of the hidden number ----------------------------------------------------------------
METHOD = "multiple systems estimation (log-lineair Poissonmodel, stapsgewijze modelkeuze)"


def tens(x: float | None) -> int | None:
    """Rounded to tens for publication; None for a value that is not a finite number."""
    return None if x is None or x != x or x in (float("inf"), float("-inf")) else int(round(x / 10.0)) * 10


def published_estimate(result: EstimateResult, year: int) -> Estimate:
    """The estimate as the report tells it: total and interval rounded to tens."""
    return Estimate(
        year=year,
        observed=result.observed,
        total=tens(result.estimate),
        ci_lower=tens(result.ci_lower),
        ci_upper=tens(result.ci_upper),
        ci_level=result.ci_level,
        ci_method=result.ci_method,
        method=METHOD,
        model=result.model,
        model_terms=tuple(result.model_terms),
        lists=tuple(result.lists),
        warnings=tuple(result.warnings),
    )


def with_estimate(edition: Edition, estimate: Estimate | NoEstimate | None) -> Edition:
    """Attach the estimate to the edition and publish its numbers as facts (every number in an output
    comes from figures.csv or facts.csv)."""
    from dataclasses import replace

    if estimate is None:
        return edition
    if isinstance(estimate, NoEstimate):
        return replace(edition, estimate=estimate)
    y = edition.year
    extra = tuple(
        PublishedFact(f"schatting_{name}_{y}", str(value), FactUnit.COUNT, ESTIMATE_SECTION, desc)
        for name, value, desc in (
            ("totaal", estimate.total, "geschat totaal aantal slachtoffers (afgerond op tientallen)"),
            (
                "ondergrens",
                estimate.ci_lower,
                "ondergrens van het 95%-betrouwbaarheidsinterval (afgerond op tientallen)",
            ),
            (
                "bovengrens",
                estimate.ci_upper,
                "bovengrens van het 95%-betrouwbaarheidsinterval (afgerond op tientallen)",
            ),
        )
        if value is not None
    )
    return replace(edition, estimate=estimate, facts=edition.facts + extra)


def data_identities(figures: Sequence[ComputedFigure], year: int) -> DataIdentities:
    """Which identities that hold only when no unit lacks a code (a victim without a reporter row) held on
    the true values: the record `metadata.json` publishes for the audit (docs/sdc.md)."""
    from jaarcijfers.sdc.identities import (
        data_dependent_check,
    )

    record = data_dependent_check([c for f in figures for c in f.cells()], year)
    return DataIdentities(tuple(record["gelden"]), tuple(record["gelden_niet"]))
