"""The targets a synthetic delivery must meet, read from a published edition's files.

Nothing here knows a number: every target comes from `figures.csv` and `facts.csv` of the edition
(default: the bundled Jaarcijfers Mensenhandel 2024). A published cell becomes an interval of the true
count: a number is itself, `<5` is 1..4, `<10` is 0..9, a value of a table delivered rounded to fives is
passed as delivered (`as_delivered`), a blank cell is unconstrained.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jaarcijfers.paths import REFERENCE_2024

ROUNDED_FIGURES = frozenset({"10", "11", "20", "21"})


@dataclass(frozen=True)
class Interval:
    lo: int
    hi: int

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.lo <= value <= self.hi


def parse_count(raw: str) -> Interval | None:
    """A published count symbol as an interval of the true count (None for blanks and non-counts)."""
    raw = raw.strip()
    if raw == "":
        return None
    if raw == "<5":
        return Interval(1, 4)
    if raw == "<10":
        return Interval(0, 9)
    if raw.lstrip("-").isdigit():
        v = int(raw)
        return Interval(v, v)
    return None


@dataclass(frozen=True)
class Fact:
    id: str
    value: str
    unit: str
    derivable: bool
    section: str
    subject: str


@dataclass
class Targets:
    """All published cells and facts of one edition."""

    cells: dict[tuple[str, str, str, str], str] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return max(int(c) for (_, _, _, c) in self.cells if c.isdigit() and len(c) == 4)

    def raw(self, figure: str, part: str, row: str, column: str) -> str | None:
        return self.cells.get((figure, part, row, column))

    def cell(self, figure: str, part: str, row: str, column: str) -> Interval | None:
        raw = self.raw(figure, part, row, column)
        return None if raw is None else parse_count(raw)

    def rows(self, figure: str, part: str = "") -> list[str]:
        return list(dict.fromkeys(k[2] for k in self.cells if k[0] == figure and k[1] == part))

    def columns(self, figure: str, part: str = "") -> list[str]:
        return list(dict.fromkeys(k[3] for k in self.cells if k[0] == figure and k[1] == part))

    def fact(self, fact_id: str) -> str | None:
        f = self.facts.get(fact_id)
        return None if f is None else f.value

    def derivable_facts(self) -> list[Fact]:
        return [f for f in self.facts.values() if f.derivable]


def load_targets(reference: Path | None = None) -> Targets:
    """Read `figures.csv` and `facts.csv` from a reference folder (default: the bundled 2024 edition)."""
    from jaarcijfers.edition.files import read_cells, read_facts

    folder = reference or REFERENCE_2024
    t = Targets()
    for k, value in read_cells(folder / "figures.csv").items():
        t.cells[(k.figure, k.part, k.row, k.column)] = value
    facts_file = folder / "facts.csv"
    if facts_file.exists():
        for r in read_facts(facts_file):
            t.facts[r.id] = Fact(r.id, r.value, r.unit or "", r.derivable, r.section, r.subject)
    return t
