"""The copy into the warehouse that starts while the checks run (`warehouse.early`): the same warehouse
as the ordinary way, and no trace of it when the load does not go through."""

from __future__ import annotations

import datetime as dt
import threading

import duckdb
import pytest

from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.warehouse import copy, load
from jaarcijfers.warehouse.early import EarlyCopy
from jaarcijfers.warehouse.load import load_delivery

LOADED_AT = dt.datetime(2025, 3, 1, 12, 0)


def everything(path) -> dict[str, list[tuple]]:
    """Every table of the warehouse file: the history tables' rows in stored order (the file order is
    part of the result), the others' sorted (a table with a key stores rows in no fixed order)."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = [n for (n,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        rows = {n: con.execute(f'SELECT * FROM "{n}"').fetchall() for n in names}
    return {n: r if n.endswith("_history") else sorted(r, key=repr) for n, r in rows.items()}


@pytest.fixture
def ordinary(monkeypatch):
    """`ordinary()`: from then on, loads without the early copy (its hook keeps the cursor, to close it,
    and starts nothing)."""

    def no_copy(self, staged):
        self._cursor = staged.cursor

    def use() -> None:
        monkeypatch.setattr(EarlyCopy, "start", no_copy)

    return use


@pytest.fixture
def forbid_ordinary(monkeypatch):
    monkeypatch.setattr(load, "copy_delivery", lambda *a, **k: pytest.fail("the ordinary copy was used"))


def test_valid_delivery_is_loaded_by_the_early_copy_identically(tmp_path, monkeypatch, ordinary):
    folder = write_delivery(tmp_path / "levering")
    with monkeypatch.context() as m:
        m.setattr(load, "copy_delivery", lambda *a, **k: pytest.fail("the ordinary copy was used"))
        early = load_delivery(folder, tmp_path / "early.duckdb", loaded_at=LOADED_AT)
    ordinary()
    plain = load_delivery(folder, tmp_path / "ordinary.duckdb", loaded_at=LOADED_AT)
    assert early.loaded and plain.loaded
    assert early.files == plain.files and early.load_id == plain.load_id == 1
    assert everything(tmp_path / "early.duckdb") == everything(tmp_path / "ordinary.duckdb")


def test_second_delivery_and_unchanged_source(tmp_path, forbid_ordinary):
    wh = tmp_path / "wh.duckdb"
    assert load_delivery(write_delivery(tmp_path / "v1"), wh, loaded_at=LOADED_AT).load_id == 1
    tables = example_tables()
    tables["ind_tabel"][0]["aantal"] = "10"
    result = load_delivery(write_delivery(tmp_path / "v2", tables), wh, loaded_at=LOADED_AT)
    assert result.load_id == 2
    status = {f.file: f.status for f in result.files}
    assert status["ind_tabel"] == "geladen" and status["om_zaken"] == "ongewijzigd"
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("SELECT source, load_id FROM current_load ORDER BY 1").fetchall() == [
            ("comensha", 1),
            ("emm", 1),
            ("ind", 2),
            ("om", 1),
            ("rechtspraak", 1),
        ]


def test_invalid_delivery_leaves_no_file_and_no_folder(tmp_path):
    tables = example_tables()
    tables["comensha_registraties"][0]["jaar"] = "twintig"  # the typed copy itself fails on it
    tables["om_feiten"][0]["feit_nr"] = "0"  # copied, then found wrong
    wh = tmp_path / "nieuw" / "map" / "wh.duckdb"
    result = load_delivery(write_delivery(tmp_path / "l", tables), wh)
    assert not result.loaded
    assert not (tmp_path / "nieuw").exists()


def test_invalid_delivery_leaves_an_existing_warehouse_as_it_was(tmp_path):
    wh = tmp_path / "wh.duckdb"
    load_delivery(write_delivery(tmp_path / "v1"), wh, loaded_at=LOADED_AT)
    before = everything(wh)
    tables = example_tables()
    tables["ind_tabel"][0]["aantal"] = "10"
    tables["om_feiten"][0]["feit_nr"] = "0"
    assert not load_delivery(write_delivery(tmp_path / "v2", tables), wh).loaded
    assert everything(wh) == before


def test_rejected_rows_take_the_ordinary_way(tmp_path, monkeypatch, ordinary):
    tables = example_tables()
    tables["om_feiten"][0]["feit_nr"] = "0"
    folder = write_delivery(tmp_path / "l", tables)
    used = []
    real = load.copy_delivery
    monkeypatch.setattr(load, "copy_delivery", lambda *a, **k: used.append(1) or real(*a, **k))
    with_early = load_delivery(folder, tmp_path / "a.duckdb", tmp_path / "qa", loaded_at=LOADED_AT)
    assert used == [1]
    ordinary()
    without = load_delivery(folder, tmp_path / "b.duckdb", tmp_path / "qb", loaded_at=LOADED_AT)
    assert with_early.loaded and with_early.files == without.files
    assert everything(tmp_path / "a.duckdb") == everything(tmp_path / "b.duckdb")


def test_a_failing_early_copy_falls_back_to_the_ordinary_way(tmp_path, monkeypatch):
    real = copy.begin_copy
    calls = []

    def fail_first(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise load.UserError("schijf vol (nagebootst)")
        return real(*args, **kwargs)

    monkeypatch.setattr(copy, "begin_copy", fail_first)
    wh = tmp_path / "wh.duckdb"
    result = load_delivery(write_delivery(tmp_path / "l"), wh)
    assert result.loaded and result.load_id == 1 and len(calls) == 2
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM loads").fetchone() == (1,)


def test_a_copy_told_to_stop_rolls_back(tmp_path):
    from jaarcijfers.contract.validate import check_delivery

    checked = check_delivery(write_delivery(tmp_path / "l"))
    con = checked.con
    con.execute(f"ATTACH '{tmp_path / 'wh.duckdb'}' AS wh")
    con.execute("USE wh")
    files = [(cf.name, cf.sha256) for cf in checked.files.values()]
    with pytest.raises(copy.Stopped):
        copy.begin_copy(con, files, {}, marker=True, stop=lambda: True)
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'wh'").fetchone() == (0,)
    con.execute("USE memory")
    checked.close()


def test_no_early_copy_once_an_error_is_known(tmp_path):
    from jaarcijfers.contract.validate import Staged, check_delivery

    checked = check_delivery(write_delivery(tmp_path / "l"))
    errors = threading.Event()
    errors.set()
    early = EarlyCopy(tmp_path / "wh.duckdb")
    early.start(Staged(checked.con.cursor(), {}, errors))
    assert early.take() is None
    early.abandon()
    assert not (tmp_path / "wh.duckdb").exists()
    checked.close()


def test_the_checks_signal_an_error_to_the_copy(tmp_path):
    """An error found by the checks sets the event the early copy watches (whenever the copy started)."""
    from jaarcijfers.contract.validate import check_delivery

    seen = []
    tables = example_tables()
    tables["om_feiten"][0]["feit_nr"] = "0"
    checked = check_delivery(write_delivery(tmp_path / "l", tables), after_reads=seen.append)
    assert len(seen) == 1 and seen[0].errors.is_set()
    seen[0].cursor.close()
    checked.close()
    valid = check_delivery(write_delivery(tmp_path / "v"), after_reads=seen.append)
    assert len(seen) == 2 and not seen[1].errors.is_set()
    seen[1].cursor.close()
    valid.close()
