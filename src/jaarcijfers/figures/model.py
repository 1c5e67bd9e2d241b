"""The frozen data model: computed figures (true values) and the published edition (after SDC).

Renderers receive only an `Edition`: every number in it has passed disclosure control.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from jaarcijfers.sdc.policy import RawCell


@dataclass(frozen=True)
class ComputedBlock:
    part: str
    stub: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[RawCell, ...]


@dataclass(frozen=True)
class ComputedFigure:
    id: str
    title: str
    notes: tuple[str, ...]
    years: tuple[int, ...]
    blocks: tuple[ComputedBlock, ...]

    def cells(self) -> tuple[RawCell, ...]:
        return tuple(c for b in self.blocks for c in b.cells)


@dataclass(frozen=True)
class PublishedCell:
    row: str
    column: str
    display: str  # exactly as published: "123", "<5", "<10", "52%", ""
    kind: str  # count | rounded | percent | mean | rank | blank

    @property
    def number(self) -> float | None:
        """The shown value as a number (None for a withheld, suppressed or blank cell)."""
        text = self.display.rstrip("%")
        try:
            return float(text)
        except ValueError:
            return None


@dataclass(frozen=True)
class PublishedBlock:
    part: str
    stub: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[PublishedCell, ...]

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
    unit: str  # count | percent | percent_change | years | other
    section: str
    description: str


@dataclass(frozen=True)
class Edition:
    """One published edition: the only thing renderers see."""

    year: int
    years: tuple[int, ...]
    figures: tuple[PublishedFigure, ...]
    facts: tuple[PublishedFact, ...]
    sdc_policy: str
    sdc_symbols: tuple[tuple[str, str], ...]  # (symbol, meaning in Dutch)
    provenance: dict[str, Any] = field(default_factory=dict)
    reflection_markdown: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)  # e.g. the estimate of the hidden number

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

    def with_extras(self, **extras: Any) -> Edition:
        return replace(self, extras={**self.extras, **extras})
