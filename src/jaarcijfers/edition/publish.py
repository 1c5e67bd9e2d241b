"""Disclosure control, applied once: computed figures and facts in, the published `Edition` out.

The only place where true values become published strings. Everything that depends on the policy is
read from its record (`sdc.policy.DisclosurePolicy`); nothing here names a policy.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from jaarcijfers.edition.model import (
    DataIdentities,
    Disclosure,
    Edition,
    Estimate,
    EstimateApproach,
    NoEstimate,
    Provenance,
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
from jaarcijfers.sdc.policy import MIN_MEAN_PERSONS, DisclosurePolicy, get_policy
from jaarcijfers.sdc.prior import PriorEdition

if TYPE_CHECKING:
    from jaarcijfers.estimate.result import ReportEstimate


def publish(
    year: int,
    figures: Sequence[ComputedFigure],
    facts: Sequence[ComputedFact],
    policy: DisclosurePolicy | str,
    provenance: Provenance,
    reflection: str | None = None,
    published_on: datetime.date | None = None,
    prior: Sequence[PriorEdition] = (),
) -> Edition:
    """`published_on`: the publication date; without one, the build date (`edition.files.publication_date`).
    `prior`: the earlier published editions an outsider knows (docs/sdc.md, "Across editions"): the
    policy takes them into account (the strict policy does), and the edition records which of its withheld
    cells were revised since (not the same unknown)."""
    from jaarcijfers.edition.files import publication_date
    from jaarcijfers.figures.catalogue import by_id

    policy = get_policy(policy) if isinstance(policy, str) else policy
    figures = ranked_above_small(figures, policy.small)
    raw = [c for f in figures for c in f.cells()]
    if policy.models_facts:  # the policy protects the related prose facts together with the cells
        raw += fact_cells(facts, year)
    shown = dict(policy.protect(raw, prior))
    concealed = {
        c.key for c in raw if c.kind == CellKind.MEAN and c.over is not None and c.over < MIN_MEAN_PERSONS
    }
    for k in concealed:  # a mean over few persons tells their ages (every policy)
        shown[k] = policy.concealed.text
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
                no_data=f.no_data,
            )
        )
    withheld = {k for k, text in shown.items() if text == policy.withheld.text} | concealed
    small = {c.key for c in raw if c.kind == CellKind.COUNT and c.value in policy.small}
    zeros = any(c.kind == CellKind.COUNT and c.value == 0 and c.key in withheld for c in raw)
    published_facts = protect_facts(facts, policy, withheld, small, concealed)
    return Edition(
        year=year,
        years=tuple(range(year - 4, year + 1)),
        sections=report_sections(),
        figures=tuple(published),
        facts=published_facts,
        disclosure=Disclosure(
            policy.name,
            policy.symbols,
            policy.note,
            data_identities(figures, year),
            revised=revised_cells(raw, facts, shown, published_facts, prior, year, zeros),
            zeros=zeros,
        ),
        published_on=published_on or publication_date(),
        provenance=provenance,
        reflection_markdown=reflection,
    )


def ranked_above_small(figures: Sequence[ComputedFigure], small: range) -> list[ComputedFigure]:
    """A ranking whose rows come from the data (Tabel 1) names only categories whose count is above the
    small range: a table of three victims must not name the nationality of each (every policy)."""
    from dataclasses import replace

    from jaarcijfers.figures.catalogue import by_id
    from jaarcijfers.figures.spec import BlockKind

    catalogue = by_id()
    out = []
    for f in figures:
        spec = catalogue.get(f.id)
        blocks = []
        for b in f.blocks:
            declared = spec.block(b.part) if spec else None
            if declared is None or declared.kind != BlockKind.TOP:
                blocks.append(b)
                continue
            drop = {c.key.row for c in b.cells if c.kind == CellKind.COUNT and c.value in small}
            blocks.append(
                replace(
                    b,
                    rows=tuple(r for r in b.rows if r not in drop),
                    cells=tuple(c for c in b.cells if c.key.row not in drop),
                )
            )
        out.append(replace(f, blocks=tuple(blocks)))
    return out


def revised_cells(
    raw: Sequence[RawCell],
    facts: Sequence[ComputedFact],
    shown: Mapping[CellKey, str],
    published_facts: Sequence[PublishedFact],
    prior: Sequence[PriorEdition],
    year: int,
    zeros: bool = False,
) -> tuple[tuple[int, tuple[CellKey, ...]], ...]:
    """The withheld cells (and count facts) whose earlier published value is not their true value any more
    (revised): recorded in metadata.json so that the audit from the files does not tie them to the earlier
    edition (docs/sdc.md, "Across editions")."""
    from jaarcijfers.sdc.editions import builder_links, revised_record
    from jaarcijfers.sdc.structure import fact_key

    if not prior:
        return ()
    truth = {c.key: c.value for c in raw if c.kind == CellKind.COUNT and isinstance(c.value, int)}
    truth.update(
        {
            fact_key(f.id): f.value.value
            for f in facts
            if f.value.kind == FactKind.COUNT and isinstance(f.value.value, int)
        }
    )
    display = dict(shown)
    display.update({fact_key(f.id): f.value for f in published_facts})
    links = builder_links(truth, prior, year)
    record = revised_record(display, links, prior, zeros)
    return tuple((y, tuple(keys)) for y, keys in sorted(record.items()))


def fact_cells(facts: Sequence[ComputedFact], year: int) -> list[RawCell]:
    """The count facts that are variables of the attacker's model (in a relation of the facts catalogue, or
    a sum of cells), as cells of the pseudo-figure `FACT_FIGURE` (true values), for a policy that models
    facts (docs/sdc.md, "Prose facts")."""
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
    concealed: Iterable[CellKey] = (),
) -> tuple[PublishedFact, ...]:
    """The prose is protected like the tables (`withheld`: the cells, and facts of `FACT_FIGURE`, the
    policy withheld; `small`: the count cells whose true value is small; `concealed`: other cells withheld,
    such as a mean over few persons):
    - the year-on-year changes of a series with a small count in either year are left out, and so is a
      fact guarded by a small cell or a small count fact (`guard`, `guard_facts`: facts/story.py);
    - a fact that names a category of the data for its rank (the most frequent nationalities) is left out
      when that category's count is small (as Tabel 1 names none);
    - a count of persons or cases in the policy's small range gets the withheld symbol;
    - a mean over fewer than `MIN_MEAN_PERSONS` persons, a fact read from a concealed cell, a fact the
      policy withheld itself (a policy that models facts), and a count or difference computed from a
      withheld cell (it would reveal that cell) get the symbol of a concealed value (the withheld symbol
      under the strict policy; under the publication policy 'x', not '<5': its own value is not small);
      under a policy that `withholds_derived`, every fact computed from a withheld cell (shares included;
      the publication policy shows shares of unrounded counts, as the report does)."""
    from jaarcijfers.sdc.structure import (
        FACT_FIGURE,
    )

    withheld, small, concealed = set(withheld), set(small), set(concealed)
    decided = {k.row for k in withheld if k.figure == FACT_FIGURE}
    small_facts = {f.id for f in facts if f.value.kind == FactKind.COUNT and f.value.value in policy.small}
    out = []
    for f in facts:
        if (f.series and f.cells & small) or f.guard & small or f.guard_facts & small_facts:
            continue
        if f.ranked_by is not None and f.ranked_by in policy.small:
            continue
        text = f.value.text()
        countlike = f.value.kind in (FactKind.COUNT, FactKind.NUMBER)
        if f.value.kind == FactKind.COUNT and f.value.value in policy.small:
            text = policy.withheld.text
        elif f.value.over is not None and f.value.over < MIN_MEAN_PERSONS:
            text = policy.concealed.text
        elif f.id in decided or f.cells & concealed:
            text = policy.concealed.text
        elif f.cells & withheld and (countlike or policy.withholds_derived):
            text = policy.concealed.text
        out.append(PublishedFact(f.id, text, f.value.unit, f.section, f.description))
    return tuple(out)


# --- the estimate of the hidden number ----------------------------------------------------------------
METHOD = "multiple systems estimation (log-lineair Poissonmodel, stapsgewijze modelkeuze)"


def tens(x: float | None) -> int | None:
    """Rounded to tens for publication; None for a value that is not a finite number."""
    return None if x is None or x != x or x in (float("inf"), float("-inf")) else int(round(x / 10.0)) * 10


def published_estimate(result: ReportEstimate, year: int) -> Estimate | NoEstimate:
    """The estimate as the report tells it (docs/estimate.md, "In the report"): the headline (stepwise
    model choice) and every approach of the sensitivity table, totals and intervals rounded to tens; no
    estimate, with the reason, when the headline is not bounded."""
    from jaarcijfers.estimate.result import INTERVAL_NAMES

    head = result.headline
    if head.estimate is None:
        reason = head.status if head.status != "ok" else "geen schatting mogelijk"
        return NoEstimate(" ".join([f"De schatting is {reason}.", *result.warnings]).strip())
    rows = tuple(
        EstimateApproach(
            key=str(r.approach),
            name=r.label,
            total=tens(r.estimate),
            ci_lower=tens(r.interval.lower) if r.interval else None,
            ci_upper=tens(r.interval.upper) if r.interval else None,
            interval=INTERVAL_NAMES[r.interval.kind] if r.interval else "",
            status=r.status,
        )
        for r in result.sensitivity
    )
    interval = head.interval
    return Estimate(
        year=year,
        observed=result.observed,
        total=tens(head.estimate),
        ci_lower=tens(interval.lower) if interval else None,
        ci_upper=tens(interval.upper) if interval else None,
        ci_level=interval.level if interval else 0.95,
        ci_method=str(interval.kind) if interval else "",
        method=METHOD,
        model=str(head.approach),
        model_terms=tuple(head.model_terms),
        lists=tuple(result.lists),
        warnings=tuple(result.warnings) + tuple(head.warnings),
        approaches=rows,
        notes=tuple(result.notes),
        experimental=result.label,
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
    extra += tuple(
        PublishedFact(
            f"schatting_{r.key.replace('-', '_')}_{name}_{y}",
            str(value),
            FactUnit.COUNT,
            ESTIMATE_SECTION,
            desc,
        )
        for r in estimate.approaches
        for name, value, desc in (
            ("totaal", r.total, f"geschat totaal aantal slachtoffers, {r.name} (afgerond op tientallen)"),
            ("ondergrens", r.ci_lower, f"ondergrens van het interval, {r.name} (afgerond op tientallen)"),
            ("bovengrens", r.ci_upper, f"bovengrens van het interval, {r.name} (afgerond op tientallen)"),
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
