"""Loading into the DuckDB warehouse: formats, provenance, history, idempotence, quarantine."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb
import pytest

from jaarcijfers import __version__
from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.contract.schema import CONTRACT_VERSION, FILES
from jaarcijfers.errors import UserError
from jaarcijfers.warehouse.load import default_warehouse, load_delivery, open_delivery, run_load


def dump(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {name: sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in FILES}


@pytest.fixture
def example_dump(tmp_path) -> dict[str, list[tuple]]:
    con = open_delivery(write_delivery(tmp_path / "csv"))
    return dump(con)


@pytest.mark.parametrize("fmt", ["parquet", "xlsx"])
def test_formats_load_to_identical_tables(tmp_path, fmt, example_dump):
    con = open_delivery(write_delivery(tmp_path / fmt, fmt=fmt))
    assert dump(con) == example_dump


def test_formats_load_identical_into_file_warehouse(tmp_path):
    dumps = []
    for fmt in ("csv", "parquet", "xlsx"):
        wh = tmp_path / f"{fmt}.duckdb"
        assert load_delivery(write_delivery(tmp_path / fmt, fmt=fmt), wh).loaded
        with duckdb.connect(str(wh), read_only=True) as con:
            dumps.append(dump(con))
    assert dumps[0] == dumps[1] == dumps[2]


def test_types_and_values(tmp_path):
    con = open_delivery(write_delivery(tmp_path / "l"))
    types = {
        (t, c): ty
        for t, c, ty in con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
        ).fetchall()
    }
    assert types[("comensha_registraties", "jaar")] == "INTEGER"
    assert types[("comensha_registraties", "leeftijd")] == "INTEGER"
    assert types[("comensha_registraties", "anoniem")] == "BOOLEAN"
    assert types[("om_feiten", "feit_nr")] == "INTEGER"
    assert types[("om_feiten", "tenlastegelegd")] == "BOOLEAN"
    assert types[("ind_tabel", "aantal")] == "VARCHAR"
    assert types[("om_zaken", "vonnisjaar")] == "INTEGER"
    assert con.execute("SELECT aantal FROM ind_tabel ORDER BY maatstaf").fetchall() == [
        ("15",),
        ("<10",),
        ("0",),
    ]
    assert con.execute(
        "SELECT registratie_id, jaar, anoniem, geslacht, leeftijd, nationaliteit FROM comensha_registraties "
        "ORDER BY registratie_id"
    ).fetchall() == [
        ("R1", 2023, False, "vrouw", 25, "NL"),
        ("R2", 2024, False, "man", None, "RO"),
        ("R3", 2024, True, None, 17, None),
    ]


def test_whitespace_is_stripped(tmp_path):
    tables = example_tables()
    tables["comensha_registraties"][0]["geslacht"] = "  vrouw "
    tables["comensha_registraties"][0]["registratie_id"] = " R1"
    con = open_delivery(write_delivery(tmp_path / "l", tables))
    assert con.execute(
        "SELECT geslacht FROM comensha_registraties WHERE registratie_id = 'R1'"
    ).fetchone() == ("vrouw",)


def test_open_delivery_absent_optional_file_is_empty_table(tmp_path):
    folder = write_delivery(tmp_path / "l")
    (folder / "om_dossiercodering.csv").unlink()
    con = open_delivery(folder)
    assert con.execute("SELECT count(*) FROM om_dossiercodering").fetchone() == (0,)
    cols = [r[0] for r in con.execute("DESCRIBE om_dossiercodering").fetchall()]
    assert cols == ["zaak_id", "vorm", "subvorm"]


def test_open_delivery_levering_and_provenance(tmp_path):
    folder = write_delivery(tmp_path / "l")
    con = open_delivery(folder)
    rows = con.execute(
        "SELECT file, file_name, sha256, rows, peildatum::VARCHAR, bron FROM levering ORDER BY file"
    ).fetchall()
    by_file = {r[0]: r for r in rows}
    assert set(by_file) == set(FILES)
    sha = hashlib.sha256((folder / "om_zaken.csv").read_bytes()).hexdigest()
    assert by_file["om_zaken"] == ("om_zaken", "om_zaken.csv", sha, 3, "2025-02-15", "OM")
    assert by_file["comensha_registraties"][4:] == ("2025-03-01", "CoMensha")
    assert by_file["ind_tabel"][4:] == (None, None)
    prov = con.execute("SELECT DISTINCT software_version, contract_version FROM provenance").fetchall()
    assert prov == [(__version__, CONTRACT_VERSION)]
    assert con.execute("SELECT count(*) FROM provenance WHERE loaded_at IS NULL").fetchone() == (0,)


def test_open_delivery_invalid_raises_user_error(tmp_path):
    tables = example_tables()
    tables["ind_tabel"][0]["aantal"] = "7"
    with pytest.raises(UserError) as info:
        open_delivery(write_delivery(tmp_path / "l", tables))
    assert "ind_tabel, rij 2, kolom aantal" in info.value.message and "E208" in info.value.message


def test_open_delivery_requires_every_source(tmp_path):
    with pytest.raises(UserError) as info:
        open_delivery(write_delivery(tmp_path / "l", files=["ind_tabel"]))
    assert "E004" in info.value.message


def test_open_delivery_missing_folder(tmp_path):
    with pytest.raises(UserError, match="bestaat niet"):
        open_delivery(tmp_path / "nope")


def test_provenance_of_a_load(tmp_path):
    folder = write_delivery(tmp_path / "l")
    wh = tmp_path / "wh.duckdb"
    result = load_delivery(folder, wh)
    assert result.loaded and result.load_id == 1 and result.exit_code == 0
    with duckdb.connect(str(wh), read_only=True) as con:
        rows = con.execute(
            "SELECT source, file, file_name, sha256, rows, peildatum::VARCHAR, software_version, contract_version "
            "FROM provenance WHERE file = 'comensha_registraties'"
        ).fetchall()
        sha = hashlib.sha256((folder / "comensha_registraties.csv").read_bytes()).hexdigest()
        assert rows == [
            (
                "comensha",
                "comensha_registraties",
                "comensha_registraties.csv",
                sha,
                3,
                "2025-03-01",
                __version__,
                CONTRACT_VERSION,
            )
        ]
        assert con.execute("SELECT count(*) FROM loads").fetchone() == (1,)


def test_loading_twice_changes_nothing(tmp_path):
    folder = write_delivery(tmp_path / "l")
    wh = tmp_path / "wh.duckdb"
    load_delivery(folder, wh)
    with duckdb.connect(str(wh), read_only=True) as con:
        before = dump(con), con.execute("SELECT * FROM provenance ORDER BY file").fetchall()
    again = load_delivery(folder, wh)
    assert again.loaded and again.unchanged and again.load_id is None
    assert {f.status for f in again.files} == {"ongewijzigd"}
    with duckdb.connect(str(wh), read_only=True) as con:
        after = dump(con), con.execute("SELECT * FROM provenance ORDER BY file").fetchall()
        assert con.execute("SELECT count(*) FROM loads").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM comensha_registraties_history").fetchone() == (3,)
    assert before == after


def test_new_delivery_replaces_current_and_keeps_history(tmp_path):
    wh = tmp_path / "wh.duckdb"
    load_delivery(write_delivery(tmp_path / "v1"), wh)
    tables = example_tables()
    tables["ind_tabel"][0]["aantal"] = "25"
    second = load_delivery(write_delivery(tmp_path / "v2", tables, files=["ind_tabel"]), wh)
    assert second.load_id == 2 and [f.file for f in second.files] == ["ind_tabel"]
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("SELECT aantal FROM ind_tabel WHERE maatstaf = 'b8_aanvragen'").fetchone() == (
            "25",
        )
        assert con.execute(
            "SELECT load_id, aantal FROM ind_tabel_history WHERE maatstaf = 'b8_aanvragen' ORDER BY load_id"
        ).fetchall() == [(1, "15"), (2, "25")]
        # other sources keep their current load
        assert con.execute("SELECT count(*) FROM om_zaken").fetchone() == (3,)
        assert con.execute("SELECT source, load_id FROM current_load ORDER BY source").fetchall() == [
            ("comensha", 1),
            ("emm", 1),
            ("ind", 2),
            ("om", 1),
            ("rechtspraak", 1),
        ]
        assert con.execute("SELECT load_id FROM levering WHERE file = 'ind_tabel'").fetchone() == (2,)


def test_partial_delivery_into_empty_warehouse(tmp_path):
    wh = tmp_path / "wh.duckdb"
    assert load_delivery(write_delivery(tmp_path / "l", files=["ind_tabel"], metadata=None), wh).loaded
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM ind_tabel").fetchone() == (3,)
        assert con.execute("SELECT count(*) FROM om_zaken").fetchone() == (0,)


def test_invalid_delivery_loads_nothing(tmp_path):
    tables = example_tables()
    tables["om_feiten"][0]["feit_nr"] = "0"
    wh = tmp_path / "wh.duckdb"
    result = load_delivery(write_delivery(tmp_path / "l", tables), wh)
    assert not result.loaded and result.exit_code == 1
    assert "--quarantine" in result.reason
    assert not wh.exists()


def test_invalid_delivery_does_not_touch_existing_warehouse(tmp_path):
    wh = tmp_path / "wh.duckdb"
    load_delivery(write_delivery(tmp_path / "v1"), wh)
    tables = example_tables()
    tables["ind_tabel"][0]["aantal"] = "3"
    assert not load_delivery(write_delivery(tmp_path / "v2", tables), wh).loaded
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM loads").fetchone() == (1,)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_quarantine_loads_valid_rows_and_writes_rejected(tmp_path):
    tables = example_tables()
    tables["comensha_registraties"][1]["jaar"] = "24"  # R2 rejected -> its child rows are rejected too
    tables["om_feiten"][2]["tenlastegelegd"] = "Ja"
    wh, quarantine = tmp_path / "wh.duckdb", tmp_path / "q"
    result = load_delivery(write_delivery(tmp_path / "l", tables), wh, quarantine)
    assert result.loaded and result.exit_code == 0
    counts = {f.file: (f.rows_in, f.rows_loaded, f.rows_rejected) for f in result.files}
    assert counts["comensha_registraties"] == (3, 2, 1)
    assert counts["comensha_uitbuiting"] == (5, 4, 1)
    assert counts["comensha_melders"] == (3, 2, 1)
    assert counts["om_feiten"] == (3, 2, 1)
    assert counts["om_zaken"] == (3, 3, 0)
    for rows_in, loaded, rejected in counts.values():
        assert rows_in == loaded + rejected
    assert sorted(p.name for p in result.quarantine_files) == [
        "comensha_melders.csv",
        "comensha_registraties.csv",
        "comensha_uitbuiting.csv",
        "om_feiten.csv",
    ]
    reg = read_csv(quarantine / "comensha_registraties.csv")
    assert [(r["rij"], r["registratie_id"], r["jaar"]) for r in reg] == [("3", "R2", "24")]
    assert reg[0]["redenen"].startswith("E202 jaar: '24' is geen geldig jaar.")
    melders = read_csv(quarantine / "comensha_melders.csv")
    assert melders[0]["rij"] == "4" and melders[0]["redenen"].startswith("E502 registratie_id:")
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("SELECT registratie_id FROM comensha_registraties ORDER BY 1").fetchall() == [
            ("R1",),
            ("R3",),
        ]
        assert con.execute(
            "SELECT rows, rows_rejected FROM provenance WHERE file = 'om_feiten'"
        ).fetchone() == (2, 1)


def test_quarantine_header_error_never_replaces_a_good_load(tmp_path):
    """A header error rejects the file as a whole: even under --quarantine nothing is loaded and the
    current load stays (before: an empty load of the source became current, exit 0)."""
    wh = tmp_path / "wh.duckdb"
    assert load_delivery(write_delivery(tmp_path / "good"), wh).loaded
    tables = example_tables()
    for row in tables["ind_tabel"]:
        del row["aantal"]
    result = load_delivery(write_delivery(tmp_path / "l", tables), wh, tmp_path / "q")
    assert not result.loaded and result.exit_code == 1
    assert any(p.code == "E101" for p in result.report.errors)
    assert "geen rijen over" in result.reason
    assert not (tmp_path / "q").exists()
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM loads").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM ind_tabel").fetchone() == (3,)


def test_quarantine_every_row_rejected_is_rejected_as_a_whole(tmp_path):
    wh = tmp_path / "wh.duckdb"
    assert load_delivery(write_delivery(tmp_path / "good"), wh).loaded
    tables = example_tables()
    for row in tables["rechtspraak_tabel"]:
        row["aantal"] = "7"
    result = load_delivery(write_delivery(tmp_path / "l", tables), wh, tmp_path / "q")
    assert not result.loaded and "rechtspraak_tabel" in result.reason
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM loads").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM rechtspraak_tabel").fetchone() == (2,)


def test_quarantine_cannot_rescue_a_missing_file(tmp_path):
    folder = write_delivery(tmp_path / "l")
    (folder / "om_feiten.csv").unlink()
    result = load_delivery(folder, tmp_path / "wh.duckdb", tmp_path / "q")
    assert not result.loaded and not (tmp_path / "wh.duckdb").exists()


def test_default_warehouse(monkeypatch, tmp_path):
    monkeypatch.delenv("JAARCIJFERS_WAREHOUSE", raising=False)
    assert default_warehouse() == Path("jaarcijfers.duckdb")
    monkeypatch.setenv("JAARCIJFERS_WAREHOUSE", str(tmp_path / "x.duckdb"))
    assert default_warehouse() == tmp_path / "x.duckdb"
    assert load_delivery(write_delivery(tmp_path / "l"), None).warehouse == tmp_path / "x.duckdb"
    assert (tmp_path / "x.duckdb").exists()


def test_warehouse_that_is_a_directory(tmp_path):
    with pytest.raises(UserError, match="is een map"):
        load_delivery(write_delivery(tmp_path / "l"), tmp_path)


def test_warehouse_that_is_not_duckdb(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    with pytest.raises(UserError, match="kan niet worden geopend"):
        load_delivery(write_delivery(tmp_path / "l"), bad)


def test_run_load_prints_balance_lines(tmp_path, capsys):
    assert run_load(write_delivery(tmp_path / "l"), tmp_path / "wh.duckdb", None) == 0
    out = capsys.readouterr().out
    assert "om_zaken: 3 rijen in = 3 geladen + 0 afgekeurd" in out
    assert "(lading 1)" in out
