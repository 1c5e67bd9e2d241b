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

from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.contract.problems import make
from jaarcijfers.contract.readers.common import ReadResult, unreadable
from jaarcijfers.contract.safefiles import FileRefused, Limits, open_regular
from jaarcijfers.contract.schema import FileSpec

if TYPE_CHECKING:  # pragma: no cover
    import duckdb


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
