"""What a fact can read: the computed figures (true values) and the rules' unit tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from jaarcijfers.figures.model import CellKey, CellKind, ComputedFigure

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


@dataclass
class FactContext:
    con: DuckDBPyConnection  # with the rules' views
    year: int
    figures: Sequence[ComputedFigure]
    reads: set[CellKey] = field(default_factory=set)  # cells read since the last reset
    queries: set[str] = field(default_factory=set)  # SQL statements run since the last reset
    figures_read: set[str] = field(default_factory=set)  # figures looked into (a cell found or not)
    # the rows of every query run, by statement and parameters: several facts ask the same question
    results: dict[tuple[str, tuple[object, ...]], list[tuple]] = field(default_factory=dict, repr=False)

    def reset(self) -> None:
        self.reads.clear()
        self.queries.clear()
        self.figures_read.clear()

    def sources(self) -> frozenset[str]:
        """The contract sources read since the last reset: the sources of the figures whose cells were
        read and those behind the tables the queries read (`rules.sources`)."""
        from jaarcijfers.figures.catalogue import by_id
        from jaarcijfers.rules.sources import sources_of_query

        catalogue = by_id()
        figures = self.figures_read | {k.figure for k in self.reads}
        found: set[str] = {catalogue[f].source_id for f in figures if f in catalogue}
        for sql in self.queries:
            found |= sources_of_query(sql)
        return frozenset(found)

    @property
    def Y(self) -> int:  # noqa: N802
        return self.year

    @property
    def P(self) -> int:  # noqa: N802
        return self.year - 1

    def _fig(self, fig: str) -> ComputedFigure:
        self.figures_read.add(fig)
        for f in self.figures:
            if f.id == fig:
                return f
        raise KeyError(fig)

    def years(self, fig: str) -> tuple[int, ...]:
        return self._fig(fig).years

    def raw(self, fig: str, part: str, row: str, col: str | int):
        for b in self._fig(fig).blocks:
            if b.part != part:
                continue
            for c in b.cells:
                if c.key.row == row and c.key.column == str(col):
                    self.reads.add(CellKey(fig, part, row, str(col)))
                    return c
        return None

    def cell(self, fig: str, part: str, row: str, col: str | int) -> int | None:
        c = self.raw(fig, part, row, col)
        if c is None or c.kind != CellKind.COUNT:
            return None
        return int(c.value)

    def mean(self, fig: str, part: str, row: str, col: str | int) -> Fraction | None:
        c = self.raw(fig, part, row, col)
        return None if c is None or c.kind != CellKind.MEAN else c.value

    def delivered(self, fig: str, row: str, col: str | int) -> str | None:
        c = self.raw(fig, "", row, col)
        return None if c is None or c.kind != CellKind.ROUNDED else c.display

    def columns(self, fig: str, part: str) -> tuple[str, ...]:
        for b in self._fig(fig).blocks:
            if b.part == part:
                return b.columns
        return ()

    def rows(self, fig: str, part: str) -> tuple[str, ...]:
        for b in self._fig(fig).blocks:
            if b.part == part:
                return tuple(
                    r for r in b.rows if any(c.key.row == r and c.kind == CellKind.COUNT for c in b.cells)
                )
        return ()

    def col_sum(self, fig: str, part: str, col: str | int, rows: Sequence[str] | None = None) -> int:
        return sum(
            self.cell(fig, part, r, col) or 0 for r in (rows if rows is not None else self.rows(fig, part))
        )

    def scalar(self, sql: str, *params: object) -> int:
        rows = self._rows(sql, params)
        return int(rows[0][0] or 0) if rows else 0

    def all(self, sql: str, *params: object) -> list[tuple]:
        return list(self._rows(sql, params))

    def _rows(self, sql: str, params: tuple[object, ...]) -> list[tuple]:
        """The rows of a query, run once per statement and parameters (the warehouse does not change
        while the facts are computed); every statement counts as read (`sources`)."""
        self.queries.add(sql)
        key = (sql, params)
        try:
            cached = self.results.get(key)
        except TypeError:  # a parameter that cannot be a key (a list): run it
            return self.con.execute(sql, list(params)).fetchall()
        if cached is None:
            cached = self.results[key] = self.con.execute(sql, list(params)).fetchall()
        return cached

    # ---- victims -------------------------------------------------------------------------------
    @staticmethod
    def _victim_filter(
        year: int,
        forms: Sequence[str] = (),
        vorm_codes: Sequence[str] = (),
        region: str | None = None,
        nationality: str | None = None,
        gender: str | None = None,
        minor: bool = False,
        sector: tuple[str, str] | None = None,
        reporter: str | None = None,
    ) -> tuple[list[str], list[object]]:
        """WHERE conditions on `victims v` (and their parameters) for a subset of one year's victims."""
        where = ["v.jaar = ?"]
        params: list[object] = [year]

        def has(view: str, code: object) -> None:
            where.append(
                f"EXISTS (SELECT 1 FROM {view} x WHERE x.id = v.id AND x.{'vorm' if view == 'victim_forms' else 'code'} = ?)"
            )
            params.append(code)

        for f in forms:
            has("victim_forms", f)
        for f in vorm_codes:
            has("dim_victim_vorm", f)
        if region is not None:
            has("dim_victim_regio", region)
        if sector is not None:
            has(f"dim_victim_sector_{sector[0]}", sector[1])
        if reporter is not None:
            has("dim_victim_melder", reporter)
        if nationality is not None:
            where.append("v.nationaliteit = ?")
            params.append(nationality)
        if gender is not None:
            where.append("v.geslacht = ?")
            params.append(gender)
        if minor:
            where.append("v.leeftijd < 18")
        return where, params

    def victims(self, year: int, **subset: object) -> int:
        """Distinct victims of a year having every form in `forms` (rule 2 codes: seksueel, arbeid, ...),
        every code in `vorm_codes` (rule 3 codes: binnenlands, ...) and the other properties given
        (region, nationality, gender, minor, sector=(form, code), reporter)."""
        where, params = self._victim_filter(year, **subset)  # type: ignore[arg-type]
        return self.scalar(f"SELECT count(DISTINCT v.id) FROM victims v WHERE {' AND '.join(where)}", *params)

    def victim_nationalities(self, year: int, **subset: object) -> list[tuple[str, int]]:
        """(nationality code, victims) of a year within a subset, most frequent first (ties: Dutch name)."""
        from jaarcijfers.contract.codelists import countries

        where, params = self._victim_filter(year, **subset)  # type: ignore[arg-type]
        rows = self.all(
            f"""SELECT v.nationaliteit, count(DISTINCT v.id) FROM victims v
                WHERE {" AND ".join(where)} AND v.nationaliteit IS NOT NULL GROUP BY 1""",
            *params,
        )
        names = countries()
        return sorted(
            ((c, int(n)) for c, n in rows), key=lambda t: (-t[1], names[t[0]].naam if t[0] in names else t[0])
        )
