"""What the readers share: the result of reading a file, the staging table's shape, batch inserts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from jaarcijfers.contract.problems import Problem

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
    #: No value holds a control or invisible character, nor white space to strip but the ASCII space
    #: (a CSV file whose bytes say so; `csvfile.scan`). False when not known.
    plain: bool = False
    #: Plain, and moreover no value starts or ends with a space or is empty: cleaning would change
    #: nothing (`csvfile.scan`). False when not known.
    trimmed: bool = False


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
