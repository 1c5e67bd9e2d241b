"""Readers that stream a delivered file into a DuckDB staging table, every value as text.

Each reader writes `<table>(_row INTEGER, _fields INTEGER, _c1 VARCHAR, …, _cN VARCHAR)`: one row per
data row of the file, `_row` its spreadsheet row number (header = 1), `_c1…_cN` the original text of the
N header columns, `_fields` the number of fields when it differs from the header's (a ragged row,
reported as `E114`) and NULL otherwise. Nothing is checked here except that the file can be read at
all; every row read is counted: `rows` (staged) + `blank` (empty rows, skipped) is every row of the
file below the header, and a CSV reader that cannot account for every line says so (`E113`).

A reader never raises on bad input: whatever goes wrong is a `Problem` of the file. Heavy libraries are
imported inside the functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.contract.problems import Problem, make
from jaarcijfers.contract.safefiles import FileRefused, Limits, open_regular
from jaarcijfers.contract.schema import FileSpec

if TYPE_CHECKING:  # pragma: no cover
    import duckdb


@dataclass(frozen=True)
class ReadResult:
    header: tuple[str, ...] = ()
    rows: int = 0  # data rows staged (ragged rows included)
    blank: int = 0  # empty rows below the header, skipped but counted
    problems: tuple[Problem, ...] = ()
    readable: bool = True  # False: the file (or its content) cannot be used at all
    sha256: str | None = None


def unreadable(problem: Problem, sha256: str | None = None, **counts: int) -> ReadResult:
    return ReadResult(problems=(problem,), readable=False, sha256=sha256, **counts)  # type: ignore[arg-type]


def short(exc: BaseException) -> str:
    """The first line of an exception's text (at most 200 characters)."""
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    return line[:200]


def raw_table_ddl(table: str, width: int) -> str:
    cols = "".join(f', "_c{i}" VARCHAR' for i in range(1, width + 1))
    return f'CREATE OR REPLACE TABLE "{table}" ("_row" INTEGER, "_fields" INTEGER{cols})'


def insert_batch(con: duckdb.DuckDBPyConnection, table: str, width: int, batch: list[tuple]) -> None:
    """Append rows `(row, fields, c1, …, cN)` to a raw table: one column list per parameter, zipped by
    `unnest` (no Arrow or pandas round trip)."""
    if not batch:
        return
    columns = [list(c) for c in zip(*batch, strict=True)]
    selects = ", ".join(f"unnest(${i})" for i in range(1, width + 3))
    con.execute(f'INSERT INTO "{table}" SELECT {selects}', columns)


def read_file(
    con: duckdb.DuckDBPyConnection, table: str, path: Path, fmt: str, spec: FileSpec, limits: Limits
) -> ReadResult:
    """Stage `path` (format `csv`, `parquet` or `xlsx`) into `table`."""
    from jaarcijfers.contract.readers import csvfile, parquetfile, xlsxfile

    try:
        with open_regular(path, limits) as opened:
            if fmt == "csv":
                return csvfile.read(con, table, opened, spec, limits)
            if fmt == "xlsx":
                return xlsxfile.read(con, table, opened, spec, limits)
            if fmt == "parquet":
                return parquetfile.read(con, table, opened, spec, limits)
            raise ValueError(fmt)  # pragma: no cover - guarded by the caller
    except FileRefused as refused:
        return unreadable(make(refused.code, file=spec.name, value=path.name, **refused.params))  # type: ignore[arg-type]
    except OSError as exc:
        return unreadable(make("E110", file=spec.name, error=exc.strerror or type(exc).__name__))
