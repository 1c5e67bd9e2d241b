"""The load's transaction: the typed copy of the staging tables into the warehouse, in two halves.

`begin_copy` opens the transaction, makes the tables and views, decides which sources changed (a source
whose files have the same sha256 as its current load is skipped) and copies their rows into the history
tables (`INSERT … SELECT` from the staging database, typed on the way; nothing passes through Python row
by row). It needs only what the reads know (each file's sha256) and which rows are rejected, so `load`
can start it while the checks still run (`warehouse.early`). `finish_copy` records the load (`loads`,
`provenance`, `current_load`), checks rows in = rows loaded + rows rejected per file against what the
warehouse holds, and commits. Both run on the connection whose current catalog (`USE`) is the target;
a DuckDB failure rolls the transaction back and is reported as a `UserError` naming its cause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jaarcijfers.contract import schema
from jaarcijfers.contract.schema import FILES, FileSpec, Kind
from jaarcijfers.contract.staging import staged_table
from jaarcijfers.errors import UserError
from jaarcijfers.warehouse.quarantine import REJECTED

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

    from jaarcijfers.contract.validate import CheckedDelivery

#: Where the staging tables are (the in-memory database of the validation).
STAGING = "memory.main"


class Stopped(Exception):
    """`begin_copy` was told to stop (before copying the file named)."""


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Begun:
    """An open load transaction after `begin_copy`: what it copied."""

    load_id: int | None  # None: every source is unchanged
    changed: tuple[str, ...]  # the sources copied, in contract order
    files: frozenset[tuple[str, str | None]]  # (file, sha256) of every file it was begun for
    rejected: tuple[tuple[str, int], ...]  # (file, rows rejected) it left out


def history_ddl(spec: FileSpec) -> str:
    cols = ", ".join(f'"{c.name}" {c.kind.duckdb_type}' for c in spec.columns)
    return f'CREATE TABLE IF NOT EXISTS "{spec.name}_history" (load_id INTEGER NOT NULL, {cols})'


BASE_DDL = (
    """CREATE TABLE IF NOT EXISTS loads (
        load_id INTEGER PRIMARY KEY, loaded_at TIMESTAMP, delivery VARCHAR,
        software_version VARCHAR, contract_version VARCHAR, verslagjaar INTEGER)""",
    "ALTER TABLE loads ADD COLUMN IF NOT EXISTS verslagjaar INTEGER",
    """CREATE TABLE IF NOT EXISTS current_load (source VARCHAR PRIMARY KEY, load_id INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS provenance (
        load_id INTEGER NOT NULL, source VARCHAR NOT NULL, file VARCHAR NOT NULL, file_name VARCHAR,
        format VARCHAR, sha256 VARCHAR, rows INTEGER, rows_rejected INTEGER, bron VARCHAR,
        peildatum DATE, omschrijving VARCHAR, loaded_at TIMESTAMP, software_version VARCHAR,
        contract_version VARCHAR)""",
)


def views_ddl() -> list[str]:
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


def make_structure(con: duckdb.DuckDBPyConnection) -> None:
    """The tables and views of a warehouse, in the current catalog (those that exist are kept)."""
    for ddl in BASE_DDL:
        con.execute(ddl)
    for spec in FILES.values():
        con.execute(history_ddl(spec))
    for ddl in views_ddl():
        con.execute(ddl)


def count_query(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    """The value of an aggregate query without GROUP BY (such a query always returns exactly one row)."""
    row = con.execute(sql).fetchone()
    assert row is not None
    return int(row[0])


def _current_hashes(con: duckdb.DuckDBPyConnection, source: str) -> set[tuple[str, str | None]] | None:
    row = con.execute("SELECT load_id FROM current_load WHERE source = ?", [source]).fetchone()
    if row is None:
        return None
    return {
        (f, h)
        for f, h in con.execute(
            "SELECT file, sha256 FROM provenance WHERE source = ? AND load_id = ?", [source, row[0]]
        ).fetchall()
    }


def _typed(column: schema.Column) -> str:
    c = f's."{column.name}"'
    if column.kind in (Kind.YEAR, Kind.AGE, Kind.POSINT):
        return f"CAST({c} AS INTEGER)"
    if column.kind is Kind.BOOL:
        return f"({c} = 'ja')"
    return c


def _by_source(files: Iterable[tuple[str, str | None]]) -> dict[str, list[tuple[str, str | None]]]:
    by_source: dict[str, list[tuple[str, str | None]]] = {}
    for name, sha in files:
        by_source.setdefault(FILES[name].source, []).append((name, sha))
    return by_source


def _rollback_and_raise(con: duckdb.DuckDBPyConnection, exc: BaseException) -> None:
    import duckdb

    from jaarcijfers.warehouse.database import describe_duckdb_error

    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # the transaction is gone already (e.g. the disk was full); the cause is reported below
    if isinstance(exc, duckdb.Error):
        raise UserError(f"het laden is mislukt en teruggedraaid: {describe_duckdb_error(exc)}") from None
    raise exc


def begin_copy(
    con: duckdb.DuckDBPyConnection,
    files: Iterable[tuple[str, str | None]],
    rejected: dict[str, int],
    *,
    marker: bool,
    stop: Callable[[], bool] | None = None,
) -> Begun:
    """Open the load's transaction and copy the rows of every changed source, without the `rejected`
    ones (`_stg_rejected`). `files`: (file name, sha256) of every file of the delivery, copied in that
    order. The transaction stays open: `finish_copy` commits it (or the caller rolls it back). `stop()`,
    asked before each file, True: the transaction is rolled back and `Stopped` raised."""
    from jaarcijfers.warehouse.database import mark

    files = tuple(files)
    con.execute("BEGIN TRANSACTION")
    try:
        if marker:
            mark(con)
        make_structure(con)
        by_source = _by_source(files)
        changed = tuple(
            s for s in schema.SOURCES if s in by_source and _current_hashes(con, s) != set(by_source[s])
        )
        load_id: int | None = None
        if changed:
            load_id = count_query(con, "SELECT coalesce(max(load_id), 0) + 1 FROM loads")
            for name, _ in files:
                spec = FILES[name]
                if stop is not None and stop():
                    raise Stopped(name)
                if spec.source in changed:
                    cols = ", ".join(f'"{c.name}"' for c in spec.columns)
                    typed = ", ".join(_typed(c) for c in spec.columns)
                    # without rejected rows the scan keeps the rows in file order; the anti-join with the
                    # rejected rows may not (it depended on the threads), so then they are sorted
                    skip = (
                        f"WHERE s._row NOT IN (SELECT \"row\" FROM {STAGING}.{REJECTED} WHERE file = '{name}') "
                        "ORDER BY s._row"
                        if rejected.get(name)
                        else ""
                    )
                    con.execute(
                        f'INSERT INTO "{name}_history" (load_id, {cols}) '
                        f'SELECT {load_id}, {typed} FROM {STAGING}."{staged_table(name)}" s {skip}'
                    )
    except BaseException as exc:
        _rollback_and_raise(con, exc)
    kept = tuple((name, n) for name, n in sorted(rejected.items()) if n)
    return Begun(load_id, changed, frozenset(files), kept)


def finish_copy(
    con: duckdb.DuckDBPyConnection,
    checked: CheckedDelivery,
    rejected: dict[str, int],
    begun: Begun,
    loaded_at: dt.datetime,
) -> list[FileLoad]:
    """Record the load begun by `begin_copy` (for the files of `checked`, without the same `rejected`
    rows), check every file's rows against the warehouse, and commit. Returns what happened per file,
    in contract order."""
    from jaarcijfers import __version__

    assert begun.files == {(cf.name, cf.sha256) for cf in checked.files.values()}
    assert begun.rejected == tuple((name, n) for name, n in sorted(rejected.items()) if n)
    load_id = begun.load_id
    try:
        file_loads: list[FileLoad] = []
        for cf in checked.files.values():
            if cf.spec.source in begun.changed:
                continue
            n = count_query(con, f'SELECT count(*) FROM "{cf.name}"')
            file_loads.append(
                FileLoad(cf.name, cf.spec.source, cf.path.name, cf.sha256, cf.rows, n, 0, "ongewijzigd")
            )
        if load_id is not None:
            con.execute(
                "INSERT INTO loads (load_id, loaded_at, delivery, software_version, contract_version, verslagjaar) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    load_id,
                    loaded_at,
                    str(checked.path),
                    __version__,
                    schema.CONTRACT_VERSION,
                    checked.verslagjaar,
                ],
            )
            for source in begun.changed:
                for cf in checked.files.values():
                    if cf.spec.source != source:
                        continue
                    n_rejected = rejected.get(cf.name, 0)
                    loaded = cf.rows - n_rejected
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
                            loaded,
                            n_rejected,
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
                            cf.name, source, cf.path.name, cf.sha256, cf.rows, loaded, n_rejected, "geladen"
                        )
                    )
                con.execute("INSERT OR REPLACE INTO current_load VALUES (?, ?)", [source, load_id])
            # rows in = rows loaded + rows rejected, per file: checked against what the warehouse holds
            for fl in file_loads:
                if fl.status == "geladen":
                    held = count_query(
                        con, f'SELECT count(*) FROM "{fl.file}_history" WHERE load_id = {load_id}'
                    )
                    if held != fl.rows_loaded or fl.rows_in != fl.rows_loaded + fl.rows_rejected:
                        raise RuntimeError(
                            f"{fl.file}: {fl.rows_in} in, {held} in het warehouse, {fl.rows_rejected} afgekeurd"
                        )
        con.execute("COMMIT")
    except BaseException as exc:
        _rollback_and_raise(con, exc)
    order = {name: i for i, name in enumerate(FILES)}
    file_loads.sort(key=lambda f: order[f.file])
    return file_loads


def copy_delivery(
    con: duckdb.DuckDBPyConnection,
    checked: CheckedDelivery,
    rejected: dict[str, int],
    loaded_at: dt.datetime,
    *,
    marker: bool,
) -> tuple[int | None, list[FileLoad]]:
    """The whole transaction at once (`begin_copy`, then `finish_copy`): the load id (None when nothing
    changed) and what happened per file."""
    files = ((cf.name, cf.sha256) for cf in checked.files.values())
    begun = begin_copy(con, files, rejected, marker=marker)
    return begun.load_id, finish_copy(con, checked, rejected, begun, loaded_at)
