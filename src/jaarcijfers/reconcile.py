"""Compare two figures files cell by cell (labels and values).

A cell is identified by (figure, table_part, row, column). Differences are listed in the order of the
first file, then cells only in the second; the last line is `N cells, M equal`, where N counts the cells
of both files together (a cell present in one file only is a cell that is not equal).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from jaarcijfers.errors import UserError

Key = tuple[str, str, str, str]
COLUMNS = ("figure", "table_part", "row", "column", "value")


@dataclass(frozen=True)
class Difference:
    key: Key
    ours: str | None
    reference: str | None

    def describe(self) -> str:
        fig, part, row, col = self.key
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


def read_figures(path: Path) -> dict[Key, str]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise UserError(
                    f"{path}: kolom(men) ontbreken: {', '.join(missing)} (verwacht: {','.join(COLUMNS)})"
                )
            out: dict[Key, str] = {}
            for n, r in enumerate(reader, start=2):
                key = (r["figure"], r["table_part"], r["row"], r["column"])
                if key in out:
                    raise UserError(f"{path}, rij {n}: cel {key} staat er twee keer in")
                out[key] = r["value"] or ""
            return out
    except FileNotFoundError:
        raise UserError(f"bestand bestaat niet: {path}") from None
    except IsADirectoryError:
        raise UserError(f"{path} is een map, geen figures.csv") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is geen UTF-8-tekstbestand") from None
    except csv.Error as exc:
        raise UserError(f"{path} is geen geldig CSV-bestand: {exc}") from None


def reconcile(ours: dict[Key, str], reference: dict[Key, str]) -> Reconciliation:
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


def read_facts(path: Path) -> dict[str, str]:
    """A facts file (`id,value`); for a reference facts file only the facts marked `derivable = yes`."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if "id" not in (reader.fieldnames or []) or "value" not in (reader.fieldnames or []):
                raise UserError(f"{path}: een facts-bestand heeft de kolommen id en value")
            return {r["id"]: r["value"] or "" for r in reader if r.get("derivable", "yes") in ("yes", "")}
    except FileNotFoundError:
        raise UserError(f"bestand bestaat niet: {path}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"{path} is geen geldig UTF-8 CSV-bestand: {exc}") from None


def reconcile_facts(ours: dict[str, str], reference: dict[str, str]) -> Reconciliation:
    """Every reference fact must be present with the same value; facts of our own are not counted."""
    diffs = tuple(
        Difference(("fact", "", fid, ""), ours.get(fid), value)
        for fid, value in reference.items()
        if ours.get(fid) != value
    )
    return Reconciliation(len(reference), len(reference) - len(diffs), diffs)


def _is_facts_file(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    return "id" in header and "figure" not in header


def run_reconcile(figures: Path, reference: Path) -> int:
    if _is_facts_file(figures):
        result = reconcile_facts(read_facts(figures), read_facts(reference))
        for d in result.differences:
            print(
                f"feit {d.key[2]}: {d.ours!r} ≠ referentie {d.reference!r}"
                if d.ours is not None
                else f"feit {d.key[2]}: ontbreekt (referentie: {d.reference!r})"
            )
        print(f"{result.cells} facts, {result.equal} equal")
        return 0 if result.equal == result.cells else 1
    result = reconcile(read_figures(figures), read_figures(reference))
    for d in result.differences:
        print(d.describe())
    print(f"{result.cells} cells, {result.equal} equal")
    return 0 if result.equal == result.cells else 1
