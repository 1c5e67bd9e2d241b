"""Compare two figures files cell by cell (labels and values).

A cell is identified by (figure, table_part, row, column). Differences are listed in the order of the
first file, then cells only in the second; the last line is `N cells, M equal`, where N counts the cells
of both files together (a cell present in one file only is a cell that is not equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jaarcijfers.edition.files import is_facts_file, read_cells, read_fact_values
from jaarcijfers.figures.model import CellKey


@dataclass(frozen=True)
class Difference:
    key: CellKey
    ours: str | None
    reference: str | None

    def describe(self) -> str:
        fig, part, row, col = self.key.figure, self.key.part, self.key.row, self.key.column
        where = f"Figuur {fig}" if not fig.startswith("T") else f"Tabel {fig[1:]}"
        where += f" [{part}]" if part else ""
        if self.ours is None:
            return f"{where} {row!r} × {col!r}: ontbreekt (referentie: {self.reference!r})"
        if self.reference is None:
            return f"{where} {row!r} × {col!r}: {self.ours!r} staat niet in de referentie"
        return f"{where} {row!r} × {col!r}: {self.ours!r} ≠ referentie {self.reference!r}"


@dataclass(frozen=True)
class Reconciliation:
    cells: int
    equal: int
    differences: tuple[Difference, ...]


def reconcile(ours: dict[CellKey, str], reference: dict[CellKey, str]) -> Reconciliation:
    diffs: list[Difference] = []
    equal = 0
    for key, value in ours.items():
        ref = reference.get(key)
        if ref == value:
            equal += 1
        else:
            diffs.append(Difference(key, value, ref))
    for key, ref in reference.items():
        if key not in ours:
            diffs.append(Difference(key, None, ref))
    cells = len(set(ours) | set(reference))
    return Reconciliation(cells, equal, tuple(diffs))


def reconcile_facts(ours: dict[str, str], reference: dict[str, str]) -> Reconciliation:
    """Every reference fact must be present with the same value; facts of our own are not counted."""
    diffs = tuple(
        Difference(CellKey("fact", "", fid, ""), ours.get(fid), value)
        for fid, value in reference.items()
        if ours.get(fid) != value
    )
    return Reconciliation(len(reference), len(reference) - len(diffs), diffs)


def run_reconcile(figures: Path, reference: Path) -> int:
    if is_facts_file(figures):
        result = reconcile_facts(
            read_fact_values(figures, derivable_only=True), read_fact_values(reference, derivable_only=True)
        )
        for d in result.differences:
            print(
                f"feit {d.key.row}: {d.ours!r} ≠ referentie {d.reference!r}"
                if d.ours is not None
                else f"feit {d.key.row}: ontbreekt (referentie: {d.reference!r})"
            )
        print(f"{result.cells} facts, {result.equal} equal")
        return 0 if result.equal == result.cells else 1
    result = reconcile(read_cells(figures), read_cells(reference))
    for d in result.differences:
        print(d.describe())
    print(f"{result.cells} cells, {result.equal} equal")
    return 0 if result.equal == result.cells else 1
