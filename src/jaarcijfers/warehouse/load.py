"""Loading a validated delivery into DuckDB, with provenance and history.

Layout of a warehouse (see docs/warehouse.md):

- `<file>_history`: every row ever loaded of a contract file, with the `load_id` of its load;
- `<file>` (view): the rows of the current load of the file's source, typed as in docs/architecture.md;
- `loads`: one row per load; `current_load`: per source the load that is current;
- `provenance`: per load and file: source, file name, sha256, rows, peildatum, load time, versions;
- `levering` (view): the provenance of the current files (what `build` prints);
- `jaarcijfers_warehouse`: the marker that this database is a jaarcijfers warehouse (and its format).

The rows go from the staging database of the validation (`jaarcijfers.contract.staging`) to the
warehouse in SQL (`INSERT … SELECT`, `warehouse.copy`), typed on the way; nothing passes through
Python row by row. A load is one transaction, started as soon as every file is read, beside the checks
(`warehouse.early`), and committed only when they find no rejected row (else the ordinary way: the copy
after the checks, without the rejected rows). A source whose files have the same sha256 as its current load is skipped
(loading the same delivery twice changes nothing); a new delivery of a source becomes current and the
previous one stays in the history tables. A load never makes things worse: a file rejected as a whole
(a header error, or every row rejected) stops the load, so it never becomes the current load.

`open_delivery(path)` builds the same structure in memory for `build`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.contract import schema
from jaarcijfers.contract.report import ValidationReport, format_problems, print_report
from jaarcijfers.contract.safefiles import Limits
from jaarcijfers.contract.staging import PARAMS, PROBLEMS
from jaarcijfers.errors import UserError
from jaarcijfers.warehouse.copy import FileLoad, copy_delivery, finish_copy
from jaarcijfers.warehouse.quarantine import CASCADE, REJECTED, write_quarantine

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

    from jaarcijfers.contract.validate import CheckedDelivery
    from jaarcijfers.warehouse.early import EarlyCopy

DEFAULT_WAREHOUSE = "jaarcijfers.duckdb"
WAREHOUSE_ENV = "JAARCIJFERS_WAREHOUSE"

Progress = Callable[[str, int, int], None]


def default_warehouse() -> Path:
    """`$JAARCIJFERS_WAREHOUSE` if set, else `./jaarcijfers.duckdb`."""
    return Path(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE)


@dataclass(frozen=True)
class LoadResult:
    warehouse: Path | None
    report: ValidationReport
    loaded: bool  # False: nothing was written to the warehouse
    load_id: int | None = None  # None when nothing new was loaded
    files: tuple[FileLoad, ...] = ()
    quarantine_files: tuple[Path, ...] = ()
    reason: str = ""  # why nothing was loaded (Dutch)
    notes: tuple[str, ...] = field(default=())  # warnings for the user (Dutch)

    @property
    def exit_code(self) -> int:
        return 0 if self.loaded else 1

    @property
    def unchanged(self) -> bool:
        return self.loaded and self.load_id is None


# ---- public API ---------------------------------------------------------------------------------


def run_load(
    data: Path,
    warehouse: Path | None,
    quarantine: Path | None,
    *,
    limits: Limits | None = None,
    report_file: Path | None = None,
    progress: Progress | None = None,
) -> int:
    """The `load` command: validate, load, print what happened; returns the exit code."""
    write = None
    if report_file is not None:
        from jaarcijfers.contract.report_files import write_report

        def write(report: ValidationReport) -> None:
            write_report(report, report_file)

    result = load_delivery(data, warehouse, quarantine, limits=limits, progress=progress, on_report=write)
    if not result.loaded or (result.report.total and quarantine is None) or report_file is not None:
        print_report(result.report, report_file=report_file)
    for note in result.notes:
        print(note)
    for file_load in result.files:
        print(file_load.line())
    for path in result.quarantine_files:
        print(f"afgekeurde rijen geschreven naar {path}")
    if not result.loaded:
        print(f"Niets geladen: {result.reason}")
    elif result.unchanged:
        print(f"Niets gewijzigd: deze levering is al geladen in {result.warehouse}.")
    else:
        print(f"Geladen in {result.warehouse} (lading {result.load_id}).")
    return result.exit_code


def load_delivery(
    data: Path,
    warehouse: Path | None = None,
    quarantine: Path | None = None,
    *,
    loaded_at: dt.datetime | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    on_report: Callable[[ValidationReport], None] | None = None,
) -> LoadResult:
    """Validate the delivery in `data` and load it into the DuckDB file `warehouse` (default:
    `default_warehouse()`). Without `quarantine` an invalid delivery loads nothing. With it, valid
    rows load and rejected rows are written to `quarantine/<file>.csv` with their row number and
    reasons; problems that leave no rows to judge (a missing or unreadable file, a header error, a file
    of which every row is rejected, a bad `levering.toml`) still stop the load. `on_report(report)` is
    called while the validation's staging database is open (report files read every problem from it)."""
    from jaarcijfers.contract.validate import check_delivery
    from jaarcijfers.warehouse.database import private_umask
    from jaarcijfers.warehouse.early import EarlyCopy

    path = default_warehouse() if warehouse is None else Path(warehouse)
    # the rows are copied into the warehouse while the checks run (`warehouse.early`)
    early = EarlyCopy(path)
    checked: CheckedDelivery | None = None
    try:
        with private_umask():
            try:
                checked = check_delivery(
                    Path(data), limits=limits, progress=progress, after_reads=early.start
                )
                result = _load_checked(checked, path, quarantine, loaded_at, progress, early)
            finally:
                early.abandon()
        if on_report is not None:  # the full list of problems, read from the store before it closes
            on_report(result.report)
        return result
    finally:
        if checked is not None:
            checked.close()


def _load_checked(
    checked: CheckedDelivery,
    path: Path,
    quarantine: Path | None,
    loaded_at: dt.datetime | None,
    progress: Progress | None,
    early: EarlyCopy,
) -> LoadResult:
    from jaarcijfers.warehouse import database

    report = checked.report
    con = checked.con
    assert con is not None
    if not report.ok:
        if quarantine is None:
            return LoadResult(None, report, loaded=False, reason=_invalid_reason(report, with_hint=True))
        if _is_fatal(checked):
            return LoadResult(None, report, loaded=False, reason=_invalid_reason(report, with_hint=False))
    rejected = _cascade(checked)
    whole = [name for name, cf in checked.files.items() if cf.rows and rejected.get(name, 0) >= cf.rows]
    if whole:
        names = ", ".join(whole)
        reason = (
            f"elke rij van {names} is afgekeurd; een bestand dat als geheel is afgekeurd wordt nooit de "
            "huidige lading (de vorige lading blijft staan). Corrigeer het bestand en laad opnieuw."
        )
        return LoadResult(None, report, loaded=False, reason=reason)

    step = progress or (lambda text, done, total: None)
    taken = early.take() if not any(rejected.values()) else None
    if taken is not None:  # every row loads, and the copy is made: finish that transaction
        cursor, begun = taken
        step("laden in het warehouse", 0, 1)
        try:
            files = finish_copy(cursor, checked, rejected, begun, loaded_at or _now())
        finally:
            early.done()
        step("klaar", 1, 1)
        return LoadResult(
            path, report, loaded=True, load_id=begun.load_id, files=tuple(files), notes=tuple(early.notes)
        )
    early.abandon()
    with database.private_umask():
        notes = database.attach(con, path)
        try:
            # the rejected rows are written first: if that fails, nothing is loaded
            written: list[Path] = []
            if quarantine is not None and any(rejected.values()):
                assert report.store is not None
                step("afgekeurde rijen naar de quarantaine schrijven", 0, 1)
                written = write_quarantine(Path(quarantine), checked, report.store, rejected)
            step("laden in het warehouse", 0, 1)
            con.execute(f"USE {database.ALIAS}")
            load_id, files = copy_delivery(con, checked, rejected, loaded_at or _now(), marker=True)
        finally:
            database.detach(con)
    step("klaar", 1, 1)
    return LoadResult(
        path,
        report,
        loaded=True,
        load_id=load_id,
        files=tuple(files),
        quarantine_files=tuple(written),
        notes=tuple(notes),
    )


def open_delivery(path: Path, *, limits: Limits | None = None) -> duckdb.DuckDBPyConnection:
    """Validate the delivery in `path` (every source required) and return an in-memory DuckDB
    connection with every contract table, `levering` and `provenance`. Raises `UserError` with the
    list of problems if the delivery is invalid."""
    from jaarcijfers.contract.validate import check_delivery

    checked = check_delivery(Path(path), complete=True, limits=limits)
    if not checked.report.ok:
        message = format_problems(checked.report)
        checked.close()
        raise UserError(message)
    con = checked.con
    assert con is not None
    copy_delivery(con, checked, {}, _now(), marker=False)
    _drop_staging(con)
    checked.con = None  # handed over to the caller
    return con


# ---- loading ------------------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _invalid_reason(report: ValidationReport, with_hint: bool) -> str:
    n = report.error_count
    text = f"de levering is ongeldig ({n} fout{'en' if n != 1 else ''})."
    if with_hint:
        text += " Gebruik --quarantine MAP om alleen de geldige rijen te laden."
    else:
        text += " Deze fouten laten geen rijen over om te beoordelen; ook --quarantine helpt hier niet."
    return text


def _is_fatal(checked: CheckedDelivery) -> bool:
    """Errors that no quarantine can handle: problems of the folder or of levering.toml, a missing,
    doubled or refused file, a file that could not be read at all, or a header error (the file is
    rejected as a whole)."""
    if any(not cf.readable or not cf.header_ok for cf in checked.files.values()):
        return True
    con = checked.con
    assert con is not None
    row = con.execute(
        f"""SELECT count(*) FROM {PROBLEMS} WHERE code LIKE 'E%'
            AND (file IS NULL OR file = ? OR code IN ('E004', 'E005', 'E008', 'E009', 'E606'))""",
        [schema.METADATA_FILE],
    ).fetchone()
    return bool(row and row[0])


def _cascade(checked: CheckedDelivery) -> dict[str, int]:
    """The rows that are not loaded, per file, into `_stg_rejected`: rows with an error of their own,
    and (`E502`, into `_stg_cascade`) rows that refer to a rejected row of another file. Returns the
    number of rejected rows per file."""
    con = checked.con
    assert con is not None
    params = "".join(f', "{name}" {kind}' for name, kind in PARAMS)
    con.execute(
        f"""CREATE OR REPLACE TABLE {CASCADE} (grp INTEGER, py INTEGER, file VARCHAR, "row" INTEGER,
            "column" VARCHAR, value VARCHAR, code VARCHAR{params}, rule VARCHAR, hint VARCHAR)"""
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE {REJECTED} AS SELECT DISTINCT file, "row" FROM {PROBLEMS}
            WHERE code LIKE 'E%' AND "row" >= 2 AND py IS NULL AND file IS NOT NULL"""
    )
    if _no_cascade(checked):
        return {}
    for grp, (name, cf) in enumerate(checked.files.items(), start=1):
        for fk in cf.spec.foreign_keys:
            parent = checked.files.get(fk.ref_file)
            if parent is None:
                continue
            match = " AND ".join(
                f'p."{r}" = c."{k}"' for k, r in zip(fk.columns, fk.ref_columns, strict=True)
            )
            value = " || ', ' || ".join(f"coalesce(c.\"{k}\", '')" for k in fk.columns)
            con.execute(
                f"""INSERT INTO {CASCADE} (grp, file, "row", "column", value, code, ref_file)
                SELECT {grp}, '{name}', c._row, '{", ".join(fk.columns)}', _pv({value}), 'E502', '{fk.ref_file}'
                FROM "{cf.table}" c
                WHERE c._row NOT IN (SELECT "row" FROM {REJECTED} WHERE file = '{name}')
                AND NOT EXISTS (SELECT 1 FROM "{parent.table}" p WHERE {match}
                    AND p._row NOT IN (SELECT "row" FROM {REJECTED} WHERE file = '{fk.ref_file}'))"""
            )
            con.execute(
                f"""INSERT INTO {REJECTED} SELECT DISTINCT file, "row" FROM {CASCADE} WHERE file = '{name}'
                    EXCEPT SELECT file, "row" FROM {REJECTED}"""
            )
    return {
        file: int(n)
        for file, n in con.execute(f"SELECT file, count(*) FROM {REJECTED} GROUP BY file").fetchall()
    }


def _no_cascade(checked: CheckedDelivery) -> bool:
    """True when the cascade cannot reject a row: the delivery has no error at all and no foreign key
    column may be empty. Then every row is valid, so every reference found its row (no `E501`), and
    every row it found is loaded."""
    if not checked.report.ok:
        return False
    return all(
        not cf.spec.column_index[c].nullable
        for cf in checked.files.values()
        for fk in cf.spec.foreign_keys
        for c in fk.columns
    )


def _drop_staging(con: duckdb.DuckDBPyConnection) -> None:
    """After `open_delivery`: the staging views and tables are not needed by `build` (free the memory)."""
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE database_name = 'memory' AND NOT internal "
        "AND view_name LIKE '\\_stg\\_%' ESCAPE '\\'"
    ).fetchall()
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory' "
        "AND (table_name LIKE '\\_stg\\_%' ESCAPE '\\' OR table_name LIKE '\\_raw\\_%' ESCAPE '\\')"
    ).fetchall()
    statements = [f'DROP VIEW IF EXISTS memory.main."{n}"' for (n,) in views]
    statements += [f'DROP TABLE IF EXISTS memory.main."{n}"' for (n,) in tables]
    if statements:
        con.execute("; ".join(statements))
