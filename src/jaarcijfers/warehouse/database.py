"""Opening the warehouse file: owner-only, recognised as a jaarcijfers warehouse, errors named.

- Everything the warehouse writes (the database, its write-ahead log, DuckDB's spill files, folders it
  creates) is created owner-only: the process umask is 077 while the warehouse is open, so the mode is
  right at creation (0600 files, 0700 folders), never corrected afterwards.
- A DuckDB file that is not a jaarcijfers warehouse is refused (a warehouse carries the table
  `jaarcijfers_warehouse`; one made before that table existed is recognised by its tables and adopted).
- A file held by another process (DuckDB's lock), a full disk and a file that is not a DuckDB
  database are reported as such, in Dutch, never as an internal error.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.errors import UserError, describe_os_error

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

ALIAS = "wh"
MARKER = "jaarcijfers_warehouse"
FORMAT = "2"

#: Tables of a warehouse made before the marker table existed (format 1).
LEGACY_TABLES = {"loads", "current_load", "provenance"}
LEGACY_LOADS_COLUMNS = ["load_id", "loaded_at", "delivery", "software_version", "contract_version"]


@contextmanager
def private_umask() -> Iterator[None]:
    """Files and folders created inside are owner-only (umask 077)."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def describe_duckdb_error(exc: BaseException) -> str:
    """The cause of a DuckDB failure in Dutch: disk full, lock, not a database, else DuckDB's text."""
    text = str(exc)
    if "No space left on device" in text or "Could not write all bytes" in text or "ENOSPC" in text:
        return "de schijf is vol (ENOSPC: geen ruimte meer op het apparaat)"
    if "Could not set lock" in text or "Conflicting lock" in text:
        holder = ""
        if "PID" in text:
            holder = " (" + text[text.index("PID") :].split(")")[0].strip() + ")"
        return f"het bestand is vergrendeld door een ander proces{holder}; wacht tot dat klaar is"
    if "not a valid DuckDB database" in text or "Wrong magic" in text or "unable to open database" in text:
        return "het bestand is geen DuckDB-database"
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first[:300]


def attach(con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool = False) -> list[str]:
    """Attach the warehouse at `path` as `wh` (created if new) and make sure it is one. Call inside
    `private_umask()`. Returns warnings (Dutch) for the user. `read_only`: the file must exist (it is
    read, never created or changed)."""
    import duckdb

    warnings: list[str] = []
    if path.is_dir():
        raise UserError(
            f"het warehouse {path} is een map; geef een bestandsnaam, bijv. {path / 'jaarcijfers.duckdb'}."
        )
    if read_only and not path.is_file():
        raise UserError(f"het warehouse {path} bestaat niet; laad eerst een levering met jaarcijfers load.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"de map van het warehouse {path.parent} kan niet worden gemaakt: {describe_os_error(exc)}"
        ) from None
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise UserError(f"het warehouse {path} kan niet worden geopend: {describe_os_error(exc)}") from None
    if existing is not None and existing.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        warnings.append(
            f"let op: het warehouse {path} is leesbaar voor anderen (modus {stat.S_IMODE(existing.st_mode):o}); "
            f"het bevat vertrouwelijke microdata. Beperk dit met: chmod 600 {path}"
        )
    literal = str(path).replace("'", "''")
    try:
        con.execute(f"ATTACH '{literal}' AS {ALIAS}" + (" (READ_ONLY)" if read_only else ""))
    except duckdb.Error as exc:
        raise UserError(
            f"het warehouse {path} kan niet worden geopend: {describe_duckdb_error(exc)}"
        ) from None
    try:
        _identify(con, path)
    except BaseException:
        detach(con)
        raise
    return warnings


def _identify(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    tables = {
        name
        for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main'", [ALIAS]
        ).fetchall()
    }
    views = {
        name
        for (name,) in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE database_name = ? AND NOT internal", [ALIAS]
        ).fetchall()
    }
    if MARKER in tables:
        row = con.execute(f"SELECT value FROM {ALIAS}.main.{MARKER} WHERE key = 'format'").fetchone()
        if row is None or row[0] != FORMAT:
            found = "onbekend" if row is None else row[0]
            raise UserError(
                f"het warehouse {path} heeft opmaak {found}; deze versie van jaarcijfers kent opmaak {FORMAT}."
            )
        return
    if not tables and not views:
        return  # new: the marker is written with the first load
    from jaarcijfers.contract.schema import FILES

    known = LEGACY_TABLES | {f"{name}_history" for name in FILES}
    legacy = LEGACY_TABLES <= tables and tables <= known
    if legacy:
        columns = [
            c
            for (c,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND table_name = 'loads' "
                "ORDER BY column_index",
                [ALIAS],
            ).fetchall()
        ]
        legacy = columns[: len(LEGACY_LOADS_COLUMNS)] == LEGACY_LOADS_COLUMNS
    if not legacy:
        shown = ", ".join(sorted(tables | views)[:8])
        raise UserError(
            f"het bestand {path} is een DuckDB-database, maar geen jaarcijfers-warehouse "
            f"(het bevat {shown}); er is niets veranderd. Kies een ander bestand met --warehouse."
        )


def mark(con: duckdb.DuckDBPyConnection) -> None:
    """Write the marker (inside the load's transaction)."""
    from jaarcijfers import __version__

    con.execute(f"CREATE TABLE IF NOT EXISTS {MARKER} (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute(
        f"INSERT OR REPLACE INTO {MARKER} VALUES ('format', ?), ('software_version', ?)",
        [FORMAT, __version__],
    )


def detach(con: duckdb.DuckDBPyConnection) -> None:
    import duckdb

    try:
        con.execute("USE memory")
        con.execute(f"DETACH {ALIAS}")
    except duckdb.Error as exc:
        raise UserError(f"het warehouse kan niet worden afgesloten: {describe_duckdb_error(exc)}") from None
