"""The published model: one edition as it is published, after disclosure control.

Renderers receive only an `Edition`: every number in it has passed disclosure control (a cell's or a
fact's published string) or is rounded for publication (the estimate of the hidden number).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, cast, get_args

from jaarcijfers.facts.values import FactUnit
from jaarcijfers.figures.model import CellKey, CellKind
from jaarcijfers.sdc.policy import Symbol

BlockPeriod = Literal["years", "year", "total"]
"""What the columns of a block cover: one column per year, the reporting year, or the years together."""


def block_period(text: str) -> BlockPeriod:
    if text not in get_args(BlockPeriod):
        raise ValueError(f"unknown block period {text!r}")
    return cast(BlockPeriod, text)


@dataclass(frozen=True)
class Section:
    """A section of the report, in a numbered chapter."""

    chapter: str  # "1"
    chapter_title: str  # "Slachtoffers"
    title: str  # "Vormen van mensenhandel"


@dataclass(frozen=True)
class DataIdentities:
    """Which data-dependent identities (docs/sdc.md) held on the edition's true values, by name: the
    record `metadata.json` publishes so that the audit models exactly what an outsider is told."""

    held: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditVerdict:
    """The disclosure audit of what the edition publishes (cells, facts; with the earlier editions it was
    built with), run by every build (docs/sdc.md, "Safe by default"). Names the cells that leak, never the
    values an outsider can recover."""

    passed: bool
    hidden: int  # hidden cells and facts audited
    leaks: tuple[CellKey, ...] = ()  # hidden cells narrower than allowed (earlier editions' cells tagged)
    earlier: tuple[int, ...] = ()  # the reporting years of the earlier editions audited together with it
    identities: int = 0
    dropped: tuple[str, ...] = ()  # identities (or links between editions) the published values contradict


@dataclass(frozen=True)
class Disclosure:
    """How the edition was protected: the policy, the symbols its cells and facts may show, the note,
    the record of the data-dependent identities, the cells revised against the earlier editions it was
    built with (not the same unknown: docs/sdc.md, "Across editions") and the audit's verdict."""

    policy: str
    symbols: tuple[Symbol, ...]
    note: str | None = None  # the paragraph for the Toelichting (Dutch), as the audit allows it
    data_identities: DataIdentities | None = None
    revised: tuple[tuple[int, tuple[CellKey, ...]], ...] = ()  # (earlier year, withheld cells revised since)
    audit: AuditVerdict | None = None
    zeros: bool = (
        False  # some zero is withheld: a withheld cell may be 0 (the strict policy, as a last resort)
    )


@dataclass(frozen=True)
class Estimate:
    """The estimate of the hidden number of victims (docs/estimate.md), as published: the total and its
    interval rounded to tens. Not a count of persons: it never reveals a small cell."""

    year: int
    observed: int  # the registered victims the estimate starts from
    total: int | None
    ci_lower: int | None
    ci_upper: int | None
    ci_level: float
    ci_method: str
    method: str  # how the estimate was made, for the reader
    model: str
    model_terms: tuple[str, ...]
    lists: tuple[str, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoEstimate:
    """The data did not allow an estimate; the reason (Dutch) is told in the report."""

    reason: str


@dataclass(frozen=True)
class PublishedCell:
    row: str
    column: str
    display: str  # exactly as published: "123", "<5", "<10", "52%", ""
    kind: CellKind
    below: int | None = None  # a symbol for a count below this value ("<5": 5; `Symbol.below`)


@dataclass(frozen=True)
class PublishedBlock:
    part: str
    stub: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[PublishedCell, ...]
    period: BlockPeriod = "years"

    def cell(self, row: str, column: str) -> PublishedCell:
        for c in self.cells:
            if c.row == row and c.column == column:
                return c
        raise KeyError((row, column))


@dataclass(frozen=True)
class PublishedFigure:
    id: str
    name: str  # "Figuur 1", "Tabel 1"
    title: str
    source: str
    source_id: str
    unit: str
    section: str
    chart: str
    rounded: bool
    description: str
    notes: tuple[str, ...]
    years: tuple[int, ...]
    blocks: tuple[PublishedBlock, ...]

    def block(self, part: str = "") -> PublishedBlock:
        for b in self.blocks:
            if b.part == part:
                return b
        raise KeyError(part)


@dataclass(frozen=True)
class PublishedFact:
    id: str
    value: str  # as published: "944", "+9%", "46%", "1/2", "x2", "2021", "<5"
    unit: FactUnit | None  # None when read back from a file without a unit column
    section: str
    description: str


@dataclass(frozen=True)
class Edition:
    """One published edition: the only thing renderers see."""

    year: int
    years: tuple[int, ...]
    sections: tuple[Section, ...]
    figures: tuple[PublishedFigure, ...]
    facts: tuple[PublishedFact, ...]
    disclosure: Disclosure
    provenance: dict[str, Any] = field(default_factory=dict)
    reflection_markdown: str | None = None
    estimate: Estimate | NoEstimate | None = None

    def figure(self, fig_id: str) -> PublishedFigure:
        for f in self.figures:
            if f.id == fig_id:
                return f
        raise KeyError(fig_id)

    def fact(self, fact_id: str) -> PublishedFact | None:
        for f in self.facts:
            if f.id == fact_id:
                return f
        return None

    def chapters(self) -> tuple[tuple[str, str], ...]:
        """(number, title) of every chapter with a section, in order."""
        return tuple(dict.fromkeys((s.chapter, s.chapter_title) for s in self.sections))

    def chapter_of(self, section: str) -> str:
        """The chapter number of a section ('' for a section the report does not have)."""
        return next((s.chapter for s in self.sections if s.title == section), "")
