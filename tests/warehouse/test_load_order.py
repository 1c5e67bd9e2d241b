"""The rows of a file keep their order in the warehouse, also when rejected rows are left out (the
anti-join with the rejected rows could return them in an order that depended on DuckDB's threads)."""

from __future__ import annotations

import duckdb

from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.warehouse.load import load_delivery


def test_rows_keep_file_order_with_rejected_rows(tmp_path):
    tables = example_tables()
    base = tables["comensha_registraties"][0]
    n = 130_000  # more than one row group (122,880 rows): several threads may read the file
    rows = [dict(base, registratie_id=f"R{i:06d}", jaar="2023" if i % 997 else "twintig") for i in range(n)]
    tables["comensha_registraties"] = rows
    tables["comensha_uitbuiting"] = [dict(tables["comensha_uitbuiting"][0], registratie_id="R000001")]
    tables["comensha_melders"] = [dict(tables["comensha_melders"][0], registratie_id="R000001")]
    folder = write_delivery(
        tmp_path / "levering",
        tables,
        files=["comensha_registraties", "comensha_uitbuiting", "comensha_melders"],
    )
    result = load_delivery(folder, tmp_path / "wh.duckdb", tmp_path / "q")
    assert result.loaded
    expected = [r["registratie_id"] for i, r in enumerate(rows) if i % 997]
    with duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True) as con:
        held = [
            r for (r,) in con.execute("SELECT registratie_id FROM comensha_registraties_history").fetchall()
        ]
    assert held == expected
