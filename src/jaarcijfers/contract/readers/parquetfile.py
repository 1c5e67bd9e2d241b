"""Parquet: read natively by DuckDB, every column converted to the text a CSV would hold.

Before a page is read, the column chunks' declared uncompressed sizes must stay within the unpack limit
(`E119`; a "decompression bomb" declares small and unpacks large, and DuckDB refuses a page that unpacks
to more than its header says). Whole numbers stored as floating point read as `25`, not `25.0`; booleans
as `TRUE`/`FALSE`; dates and timestamps in ISO form; a NaN as empty. A row whose every cell is empty is
skipped and counted as blank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jaarcijfers.contract.problems import make
from jaarcijfers.contract.readers.common import ReadResult, raw_table_ddl, short, unreadable
from jaarcijfers.contract.safefiles import Limits, OpenFile
from jaarcijfers.contract.schema import FileSpec

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

MAX_COLUMNS = 1024


def _as_text(column: str, duck_type: str) -> str:
    """A SQL expression: the value of `column` as text (NULL for empty)."""
    c = f'"{column}"'
    t = duck_type.upper()
    if t in ("FLOAT", "DOUBLE", "REAL"):
        return (
            f"CASE WHEN {c} IS NULL OR isnan({c}) THEN NULL "
            f"WHEN isfinite({c}) AND {c} = trunc({c}) AND abs({c}) < 1e18 THEN CAST(CAST({c} AS BIGINT) AS VARCHAR) "
            f"ELSE CAST({c} AS VARCHAR) END"
        )
    if t == "BOOLEAN":
        return f"CASE WHEN {c} IS NULL THEN NULL WHEN {c} THEN 'TRUE' ELSE 'FALSE' END"
    if t.startswith("TIMESTAMP"):
        return (
            f"CASE WHEN {c} IS NULL THEN NULL WHEN CAST({c} AS TIME) = TIME '00:00:00' "
            f"THEN CAST(CAST({c} AS DATE) AS VARCHAR) ELSE replace(CAST({c} AS VARCHAR), ' ', 'T') END"
        )
    return f"CAST({c} AS VARCHAR)"


def read(
    con: duckdb.DuckDBPyConnection, table: str, opened: OpenFile, spec: FileSpec, limits: Limits
) -> ReadResult:
    import hashlib

    import duckdb

    digest = hashlib.sha256()
    for chunk in opened.chunks(limits.max_file_size):
        digest.update(chunk)
    sha = digest.hexdigest()
    path = opened.proc_path.replace("'", "''")
    source = f"read_parquet('{path}', file_row_number = true)"
    try:
        declared = con.execute(
            f"SELECT coalesce(sum(total_uncompressed_size), 0) FROM parquet_metadata('{path}')"
        ).fetchone()
        unpacked = int(declared[0]) if declared else 0
        if unpacked > limits.max_unpacked:
            error = f"volgens de metadata meer dan {limits.max_unpacked >> 20} MiB uitgepakt"
            return unreadable(make("E119", file=spec.name, error=error), sha)
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        columns = [(str(name), str(kind)) for name, kind, *_ in described if name != "file_row_number"]
        if len(columns) > MAX_COLUMNS:
            error = f"het bestand heeft {len(columns)} kolommen"
            return unreadable(make("E116", file=spec.name, error=error), sha)
        header = [name for name, _ in columns]
        width = len(header)
        texts = [_as_text(name, kind) for name, kind in columns]
        con.execute(raw_table_ddl(table, width))
        if width:
            nonempty = " OR ".join(f"nullif(trim(_t{i}), '') IS NOT NULL" for i in range(1, width + 1))
            aliased = ", ".join(f"{t} AS _t{i}" for i, t in enumerate(texts, start=1))
            con.execute(
                f"""INSERT INTO "{table}"
                SELECT (file_row_number + 2)::INTEGER, NULL, * EXCLUDE (file_row_number)
                FROM (SELECT file_row_number, {aliased} FROM {source}) WHERE {nonempty}"""
            )
        total = con.execute(f"SELECT count(*) FROM {source}").fetchone()
    except duckdb.Error as exc:
        return unreadable(make("E116", file=spec.name, error=short(exc)), sha)
    staged = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    rows = int(staged[0]) if staged else 0
    if not header:
        return unreadable(make("E112", file=spec.name), sha)
    blank = (int(total[0]) if total else 0) - rows
    return ReadResult(tuple(header), rows, blank, (), readable=True, sha256=sha)
