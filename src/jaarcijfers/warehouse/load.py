"""Loading a validated delivery into DuckDB, with provenance and history.

Layout of a warehouse (see docs/warehouse.md):

- `<file>_history`: every row ever loaded of a contract file, with the `load_id` of its load;
- `<file>` (view): the rows of the current load of the file's source, typed as in docs/architecture.md;
- `loads`: one row per load; `current_load`: per source the load that is current;
- `provenance`: per load and file: source, file name, sha256, rows, peildatum, load time, versions;
- `levering` (view): the provenance of the current files (what `build` prints).

A load is one transaction. A source whose files have the same sha256 as its current load is skipped
(loading the same delivery twice changes nothing); a new delivery of a source becomes current and the
previous one stays in the history tables.

`open_delivery(path)` builds the same structure in memory for `build`.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jaarcijfers.contract import schema
from jaarcijfers.contract.problems import Problem, make
from jaarcijfers.contract.report import ValidationReport, format_problems, print_report
from jaarcijfers.contract.schema import FILES, FileSpec, Kind
from jaarcijfers.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

    from jaarcijfers.contract.validate import CheckedDelivery, CheckedFile, Row

DEFAULT_WAREHOUSE = "jaarcijfers.duckdb"
WAREHOUSE_ENV = "JAARCIJFERS_WAREHOUSE"


def default_warehouse() -> Path:
    """`$JAARCIJFERS_WAREHOUSE` if set, else `./jaarcijfers.duckdb`."""
    return Path(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE)


@dataclass
class FileLoad:
    file: str
    source: str
    file_name: str
    sha256: str | None
    rows_in: int
    rows_loaded: int
    rows_rejected: int
    status: str  # "geladen" | "ongewijzigd"

    def line(self) -> str:
        if self.status == "ongewijzigd":
            return f"{self.file}: ongewijzigd, al geladen ({self.rows_loaded} rijen)"
        return f"{self.file}: {self.rows_in} rijen in = {self.rows_loaded} geladen + {self.rows_rejected} afgekeurd"


@dataclass
class LoadResult:
    warehouse: Path | None
    report: ValidationReport
    loaded: bool  # False: nothing was written to the warehouse
    load_id: int | None = None  # None when nothing new was loaded
    files: list[FileLoad] = field(default_factory=list)
    quarantine_files: list[Path] = field(default_factory=list)
    reason: str = ""  # why nothing was loaded (Dutch)

    @property
    def exit_code(self) -> int:
        return 0 if self.loaded else 1

    @property
    def unchanged(self) -> bool:
        return self.loaded and self.load_id is None


# ---- public API ---------------------------------------------------------------------------------


def run_load(data: Path, warehouse: Path | None, quarantine: Path | None) -> int:
    """The `load` command: validate, load, print what happened; returns the exit code."""
    result = load_delivery(data, warehouse, quarantine)
    if not result.loaded or (result.report.problems and quarantine is None):
        print_report(result.report)
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
) -> LoadResult:
    """Validate the delivery in `data` and load it into the DuckDB file `warehouse` (default:
    `default_warehouse()`). Without `quarantine` an invalid delivery loads nothing. With it, valid
    rows load and rejected rows are written to `quarantine/<file>.csv` with their row number and
    reasons; problems that leave no rows to judge (a missing file, an unreadable file, a bad
    `levering.toml`) still stop the load."""
    from jaarcijfers.contract.validate import check_delivery

    checked = check_delivery(Path(data))
    report = checked.report
    if not report.ok:
        if quarantine is None:
            return LoadResult(None, report, loaded=False, reason=_invalid_reason(report, with_hint=True))
        fatal = _fatal_problems(checked)
        if fatal:
            return LoadResult(None, report, loaded=False, reason=_invalid_reason(report, with_hint=False))
    rejections = _cascade(checked)

    path = default_warehouse() if warehouse is None else Path(warehouse)
    con = _connect(path)
    try:
        # the rejected rows are written first: if that fails, nothing is loaded
        written = _write_quarantine(Path(quarantine), checked, rejections) if quarantine is not None else []
        load_id, files = _load(con, checked, rejections, loaded_at or _now())
    finally:
        con.close()
    return LoadResult(path, report, loaded=True, load_id=load_id, files=files, quarantine_files=written)


def open_delivery(path: Path) -> duckdb.DuckDBPyConnection:
    """Validate the delivery in `path` (every source required) and return an in-memory DuckDB
    connection with every contract table, `levering` and `provenance`. Raises `UserError` with the
    list of problems if the delivery is invalid."""
    import duckdb

    from jaarcijfers.contract.validate import check_delivery

    checked = check_delivery(Path(path), complete=True)
    if not checked.report.ok:
        raise UserError(format_problems(checked.report))
    con = duckdb.connect(":memory:")
    _load(con, checked, {}, _now())
    return con


# ---- loading ------------------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _invalid_reason(report: ValidationReport, with_hint: bool) -> str:
    n = len(report.errors)
    text = f"de levering is ongeldig ({n} fout{'en' if n != 1 else ''})."
    if with_hint:
        text += " Gebruik --quarantine MAP om alleen de geldige rijen te laden."
    else:
        text += " Deze fouten laten geen rijen over om te beoordelen; ook --quarantine helpt hier niet."
    return text


def _fatal_problems(checked: CheckedDelivery) -> list[Problem]:
    """Errors that no quarantine can handle: problems of the folder, of levering.toml, or a file that
    could not be read at all."""
    fatal = [p for p in checked.report.errors if p.file is None or p.file == schema.METADATA_FILE]
    for checked_file in checked.files.values():
        if not checked_file.readable:
            fatal.extend(p for p in checked_file.problems if p.is_error)
    fatal.extend(p for p in checked.report.errors if p.code in ("E004", "E005"))
    return fatal


def _cascade(checked: CheckedDelivery) -> dict[str, dict[int, list[Problem]]]:
    """Per file and row number, the reasons a row is rejected: its own errors, the file's header
    errors, and (E502) a reference to a row of another file that is rejected."""
    rejections: dict[str, dict[int, list[Problem]]] = {}
    for name, cf in checked.files.items():
        header_errors = [p for p in cf.problems if p.is_error]
        rejections[name] = {
            row.number: header_errors + row.errors for row in cf.rows if row.errors or header_errors
        }
    for name, cf in checked.files.items():
        for fk in cf.spec.foreign_keys:
            parent = checked.files.get(fk.ref_file)
            if parent is None:
                continue
            rejected_parent = rejections.get(fk.ref_file, {})
            good = {
                tuple(r.values[c] for c in fk.ref_columns)
                for r in parent.rows
                if r.number not in rejected_parent
            }
            for row in cf.rows:
                if row.number in rejections[name]:
                    continue
                values = tuple(row.values.get(c) for c in fk.columns)
                if values not in good:
                    rejections[name][row.number] = [
                        make(
                            "E502",
                            file=name,
                            row=row.number,
                            column=", ".join(fk.columns),
                            value=", ".join(v or "" for v in values),
                            ref_file=fk.ref_file,
                        )
                    ]
    return rejections


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    import duckdb

    if path.is_dir():
        raise UserError(
            f"het warehouse {path} is een map; geef een bestandsnaam, bijv. {path / DEFAULT_WAREHOUSE}."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(path))
    except (duckdb.Error, OSError) as exc:
        raise UserError(f"het warehouse {path} kan niet worden geopend: {str(exc).splitlines()[0]}") from None


def _history_ddl(spec: FileSpec) -> str:
    cols = ", ".join(f'"{c.name}" {c.kind.duckdb_type}' for c in spec.columns)
    return f'CREATE TABLE IF NOT EXISTS "{spec.name}_history" (load_id INTEGER NOT NULL, {cols})'


_BASE_DDL = (
    """CREATE TABLE IF NOT EXISTS loads (
        load_id INTEGER PRIMARY KEY, loaded_at TIMESTAMP, delivery VARCHAR,
        software_version VARCHAR, contract_version VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS current_load (source VARCHAR PRIMARY KEY, load_id INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS provenance (
        load_id INTEGER NOT NULL, source VARCHAR NOT NULL, file VARCHAR NOT NULL, file_name VARCHAR,
        format VARCHAR, sha256 VARCHAR, rows INTEGER, rows_rejected INTEGER, bron VARCHAR,
        peildatum DATE, omschrijving VARCHAR, loaded_at TIMESTAMP, software_version VARCHAR,
        contract_version VARCHAR)""",
)


def _views_ddl() -> list[str]:
    ddl = []
    for spec in FILES.values():
        cols = ", ".join(f'"{c.name}"' for c in spec.columns)
        ddl.append(
            f'CREATE OR REPLACE VIEW "{spec.name}" AS SELECT {cols} FROM "{spec.name}_history" '
            f"WHERE load_id = (SELECT load_id FROM current_load WHERE source = '{spec.source}')"
        )
    ddl.append(
        """CREATE OR REPLACE VIEW levering AS
        SELECT p.file, p.source, p.file_name, p.format, p.bron, p.peildatum, p.omschrijving, p.sha256,
               p.rows, p.rows_rejected, p.load_id
        FROM provenance p JOIN current_load c ON p.source = c.source AND p.load_id = c.load_id
        ORDER BY p.file"""
    )
    return ddl


def _count_query(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    """The value of an aggregate query without GROUP BY (such a query always returns exactly one row)."""
    row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


def _current_hashes(con: duckdb.DuckDBPyConnection, source: str) -> set[tuple[str, str]] | None:
    row = con.execute("SELECT load_id FROM current_load WHERE source = ?", [source]).fetchone()
    if row is None:
        return None
    return {
        (f, h)
        for f, h in con.execute(
            "SELECT file, sha256 FROM provenance WHERE source = ? AND load_id = ?", [source, row[0]]
        ).fetchall()
    }


def _load(
    con: duckdb.DuckDBPyConnection,
    checked: CheckedDelivery,
    rejections: dict[str, dict[int, list[Problem]]],
    loaded_at: dt.datetime,
) -> tuple[int | None, list[FileLoad]]:
    from jaarcijfers import __version__

    con.execute("BEGIN TRANSACTION")
    try:
        for ddl in _BASE_DDL:
            con.execute(ddl)
        for spec in FILES.values():
            con.execute(_history_ddl(spec))
        for ddl in _views_ddl():
            con.execute(ddl)

        by_source: dict[str, list[CheckedFile]] = {}
        for cf in checked.files.values():
            by_source.setdefault(cf.spec.source, []).append(cf)
        changed: list[str] = []
        file_loads: list[FileLoad] = []
        for source, files in by_source.items():
            new = {(cf.name, cf.sha256) for cf in files}
            if _current_hashes(con, source) == new:
                for cf in files:
                    n = _count_query(con, f'SELECT count(*) FROM "{cf.name}"')
                    file_loads.append(
                        FileLoad(cf.name, source, cf.path.name, cf.sha256, len(cf.rows), n, 0, "ongewijzigd")
                    )
            else:
                changed.append(source)

        load_id: int | None = None
        if changed:
            load_id = _count_query(con, "SELECT coalesce(max(load_id), 0) + 1 FROM loads")
            con.execute(
                "INSERT INTO loads VALUES (?, ?, ?, ?, ?)",
                [load_id, loaded_at, str(checked.path), __version__, schema.CONTRACT_VERSION],
            )
            for source in changed:
                for cf in by_source[source]:
                    rejected = rejections.get(cf.name, {})
                    rows = [r for r in cf.rows if r.number not in rejected]
                    _insert_rows(con, cf.spec, load_id, rows)
                    meta = cf.metadata
                    con.execute(
                        "INSERT INTO provenance VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            load_id,
                            source,
                            cf.name,
                            cf.path.name,
                            cf.format,
                            cf.sha256,
                            len(rows),
                            len(cf.rows) - len(rows),
                            meta.get("bron"),
                            meta.get("peildatum"),
                            meta.get("omschrijving"),
                            loaded_at,
                            __version__,
                            schema.CONTRACT_VERSION,
                        ],
                    )
                    file_loads.append(
                        FileLoad(
                            cf.name,
                            source,
                            cf.path.name,
                            cf.sha256,
                            len(cf.rows),
                            len(rows),
                            len(cf.rows) - len(rows),
                            "geladen",
                        )
                    )
                con.execute("INSERT OR REPLACE INTO current_load VALUES (?, ?)", [source, load_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    order = {name: i for i, name in enumerate(FILES)}
    file_loads.sort(key=lambda f: order[f.file])
    return load_id, file_loads


def _typed(kind: Kind, value: str | None) -> Any:
    if value is None:
        return None
    if kind in (Kind.YEAR, Kind.AGE, Kind.POSINT):
        return int(value)
    if kind is Kind.BOOL:
        return value == "ja"
    return value


def _insert_rows(con: duckdb.DuckDBPyConnection, spec: FileSpec, load_id: int, rows: list[Row]) -> None:
    if not rows:
        return
    import pyarrow as pa

    arrow_types = {"INTEGER": pa.int32(), "BOOLEAN": pa.bool_(), "VARCHAR": pa.string()}
    arrays = {"load_id": pa.array([load_id] * len(rows), type=pa.int32())}
    for c in spec.columns:
        arrays[c.name] = pa.array(
            [_typed(c.kind, r.values[c.name]) for r in rows], type=arrow_types[c.kind.duckdb_type]
        )
    incoming = pa.table(arrays)  # noqa: F841 - read by DuckDB's replacement scan below
    con.register("_incoming", incoming)
    try:
        cols = ", ".join(f'"{n}"' for n in arrays)
        con.execute(f'INSERT INTO "{spec.name}_history" ({cols}) SELECT {cols} FROM _incoming')
    finally:
        con.unregister("_incoming")


# ---- quarantine ---------------------------------------------------------------------------------


def _write_quarantine(
    folder: Path, checked: CheckedDelivery, rejections: dict[str, dict[int, list[Problem]]]
) -> list[Path]:
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, cf in checked.files.items():
            rejected = rejections.get(name, {})
            if not rejected:
                continue
            columns = list(dict.fromkeys(cf.header))
            target = folder / f"{name}.csv"
            with target.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["rij", *columns, "redenen"])
                for row in cf.rows:
                    if row.number not in rejected:
                        continue
                    reasons = "; ".join(
                        f"{p.code} {p.column + ': ' if p.column else ''}{p.rule}"
                        for p in rejected[row.number]
                    )
                    writer.writerow([row.number, *(row.raw.get(c, "") for c in columns), reasons])
            written.append(target)
    except OSError as exc:
        raise UserError(
            f"de quarantainemap {folder} kan niet worden beschreven: {exc.strerror or exc}; er is niets geladen."
        ) from None
    return written
