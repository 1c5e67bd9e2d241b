"""A build's view of the warehouse: the delivery versions it reads, copied into an in-memory database.

`open_loads(path, loads)` returns an in-memory DuckDB connection with exactly the structure
`open_delivery` gives for a delivery folder (docs/warehouse.md): every contract table as a view on its
history, `loads`, `current_load`, `provenance` and `levering`, holding the rows of the chosen load of
each source only. Without `loads` the warehouse's current loads are chosen (`build --warehouse FILE`);
with them, the loads an edition was recorded with (`build --editie YYYY`: the same rows, however many
deliveries were loaded since). The warehouse is attached read-only and detached before returning, so
the build holds no lock on it while it computes and renders.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.contract.schema import FILES, SOURCE_NAMES
from jaarcijfers.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

LOADS = "load_id, loaded_at, delivery, software_version, contract_version, verslagjaar"
PROVENANCE = (
    "load_id, source, file, file_name, format, sha256, rows, rows_rejected, bron, peildatum, omschrijving, "
    "loaded_at, software_version, contract_version"
)


def open_loads(
    path: Path, loads: Mapping[str, int] | None = None
) -> tuple[duckdb.DuckDBPyConnection, dict[str, int]]:
    """The in-memory copy of the chosen loads (source -> load_id; default: the current ones) and the
    loads chosen. A load that is not in the warehouse, or a warehouse without loads, is a `UserError`."""
    import duckdb

    from jaarcijfers.warehouse import database
    from jaarcijfers.warehouse.copy import make_structure

    con = duckdb.connect()
    try:
        with database.private_umask():
            database.attach(con, Path(path), read_only=True)
            try:
                chosen = _chosen(con, Path(path), loads)
                make_structure(con)
                ids = sorted(set(chosen.values()))
                marks = ", ".join("?" for _ in ids)
                con.execute(
                    f"INSERT INTO loads ({LOADS}) SELECT {LOADS} FROM wh.main.loads WHERE load_id IN ({marks})",
                    ids,
                )
                for source, load_id in sorted(chosen.items()):
                    con.execute("INSERT INTO current_load VALUES (?, ?)", [source, load_id])
                    con.execute(
                        f"INSERT INTO provenance ({PROVENANCE}) SELECT {PROVENANCE} FROM wh.main.provenance "
                        "WHERE source = ? AND load_id = ?",
                        [source, load_id],
                    )
                for spec in FILES.values():
                    if spec.source not in chosen:
                        continue
                    load_id = chosen[spec.source]
                    cols = ", ".join(["load_id", *(f'"{c}"' for c in spec.column_names)])
                    con.execute(
                        f'INSERT INTO "{spec.name}_history" ({cols}) SELECT {cols} FROM wh.main."{spec.name}_history" '
                        "WHERE load_id = ?",
                        [load_id],
                    )
            finally:
                database.detach(con)
    except BaseException:
        con.close()
        raise
    return con, chosen


def _chosen(con: duckdb.DuckDBPyConnection, path: Path, loads: Mapping[str, int] | None) -> dict[str, int]:
    tables = {
        name
        for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'wh' AND schema_name = 'main'"
        ).fetchall()
    }
    if "current_load" not in tables or "provenance" not in tables:
        raise UserError(
            f"het warehouse {path} bevat nog geen levering; laad er eerst een met jaarcijfers load."
        )
    if loads is None:
        return {
            s: int(i) for s, i in con.execute("SELECT source, load_id FROM wh.main.current_load").fetchall()
        }
    missing = [
        f"{SOURCE_NAMES.get(source, source)} (lading {load_id})"
        for source, load_id in sorted(loads.items())
        if con.execute(
            "SELECT count(*) FROM wh.main.provenance WHERE source = ? AND load_id = ?", [source, load_id]
        ).fetchone()
        == (0,)
    ]
    if missing:
        raise UserError(f"het warehouse {path} bevat deze leveringen niet (meer): {', '.join(missing)}")
    return dict(loads)
