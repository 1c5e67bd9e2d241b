"""The published values the findings read and the checker verifies: cells and facts as published strings.

`Values.of_edition(edition)` reads them from an `Edition` (building the story), `Values.of_folder(out)`
from a built edition's figures.csv and facts.csv through `edition.files` (the checker). Either way only
published strings: a symbol ('<5', 'x', '<10') or a blank is never a number here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from jaarcijfers.edition.model import Edition
from jaarcijfers.story.model import Ref

_PERCENT = re.compile(r"([+-]?)(\d+)%")


@dataclass(frozen=True)
class Values:
    cells: dict[tuple[str, str, str, str], str]
    facts: dict[str, str]

    @classmethod
    def of_edition(cls, edition: Edition) -> Values:
        cells = {
            (f.id, b.part, c.row, c.column): c.display
            for f in edition.figures
            for b in f.blocks
            for c in b.cells
        }
        return cls(cells, {f.id: f.value for f in edition.facts})

    @classmethod
    def of_folder(cls, folder: Path) -> Values:
        from jaarcijfers.edition.files import read_cells, read_fact_values

        cells = {
            (k.figure, k.part, k.row, k.column): v for k, v in read_cells(folder / "figures.csv").items()
        }
        return cls(cells, read_fact_values(folder / "facts.csv"))

    def text(self, ref: Ref) -> str | None:
        """The published string of a ref (None when it is not published at all)."""
        if ref.fact:
            return self.facts.get(ref.fact)
        return self.cells.get((ref.figure, ref.part, ref.row, ref.column))

    def number(self, ref: Ref) -> Fraction | None:
        """A published plain number ('944' -> 944, '32' -> 32); None for a symbol, a blank or a percentage."""
        return plain(self.text(ref))

    def percent(self, ref: Ref) -> Fraction | None:
        """A published percentage ('52%' -> 0.52, '-9%' -> -0.09); None otherwise."""
        text = self.text(ref)
        m = _PERCENT.fullmatch(text or "")
        if m is None:
            return None
        return Fraction(int(m.group(2)) * (-1 if m.group(1) == "-" else 1), 100)

    def fact(self, fact_id: str) -> str | None:
        value = self.facts.get(fact_id)
        return None if value in (None, "") else value


def plain(text: str | None) -> Fraction | None:
    return Fraction(int(text)) if text is not None and text.isdigit() else None


def upper_bound(text: str | None) -> int | None:
    """The bound of a symbol for a count below a value ('<5' -> 5, '<10' -> 10); None for anything else."""
    m = re.fullmatch(r"<(\d+)", text or "")
    return int(m.group(1)) if m else None
