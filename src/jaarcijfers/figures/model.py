"""The computed model: every cell of every figure with its true value, before disclosure control.

The engine produces `ComputedFigure`s of `RawCell`s. Only `edition.publish` turns them into published
strings (through a disclosure policy); renderers never see this model (they see `edition.model`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class CellKind(StrEnum):
    """What a cell holds, in the computed and in the published model."""

    COUNT = "count"  # persons or cases (int), subject to disclosure control
    ROUNDED = "rounded"  # delivered rounded by the source (IND, Raad voor de rechtspraak): a display string
    PERCENT = "percent"  # a share 0..1 (Fraction)
    MEAN = "mean"  # a mean (Fraction)
    RANK = "rank"  # a position in a ranking (int)
    BLANK = "blank"  # deliberately not shown


COUNTS = frozenset({CellKind.COUNT, CellKind.ROUNDED})
"""The kinds of a cell that is a number of units (persons or cases): the variables of disclosure control."""


@dataclass(frozen=True, order=True)
class CellKey:
    figure: str
    part: str
    row: str
    column: str


@dataclass(frozen=True)
class RawCell:
    key: CellKey
    value: int | Fraction | None
    kind: CellKind
    display: str | None = None  # for CellKind.ROUNDED: the delivered string ("15", "<10")
    over: int | None = None  # for CellKind.MEAN: the number of known values (persons) it is computed over


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
    no_data: bool = False  # the figure's source has no records in the window: no blocks, no cells

    def cells(self) -> tuple[RawCell, ...]:
        return tuple(c for b in self.blocks for c in b.cells)
