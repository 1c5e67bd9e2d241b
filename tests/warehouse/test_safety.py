"""Loads that never make things worse (issue 13): owner-only files, foreign databases refused, a full
disk and a lock named, nothing half-loaded."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from filesystems import fill, mount_tmpfs, umount
from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.errors import UserError
from jaarcijfers.warehouse import copy as copy_module
from jaarcijfers.warehouse import quarantine as quarantine_module
from jaarcijfers.warehouse.load import load_delivery


def loads_in(wh: Path) -> list[tuple]:
    with duckdb.connect(str(wh), read_only=True) as con:
        return con.execute("SELECT load_id FROM loads ORDER BY 1").fetchall()


def changed_delivery(folder: Path) -> Path:
    tables = example_tables()
    tables["ind_tabel"][0]["aantal"] = "25"
    tables["om_feiten"][2]["tenlastegelegd"] = "Ja"  # one row for the quarantine
    return write_delivery(folder, tables)


def test_warehouse_and_quarantine_are_owner_only_from_creation(tmp_path):
    previous = os.umask(0o022)
    try:
        wh, quarantine = tmp_path / "nieuw" / "wh.duckdb", tmp_path / "q"
        assert load_delivery(changed_delivery(tmp_path / "l"), wh, quarantine).loaded
    finally:
        os.umask(previous)
    for path in [wh, wh.parent, quarantine, *quarantine.iterdir(), *wh.parent.iterdir()]:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode & 0o077 == 0, (path, oct(mode))
    assert stat.S_IMODE(os.stat(quarantine).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(quarantine / "om_feiten.csv").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(wh).st_mode) == 0o600
    assert os.umask(0o022) == 0o022  # restored
    os.umask(previous)


def test_world_readable_existing_warehouse_gets_a_warning(tmp_path):
    wh = tmp_path / "wh.duckdb"
    load_delivery(write_delivery(tmp_path / "l"), wh)
    os.chmod(wh, 0o644)
    result = load_delivery(changed_delivery(tmp_path / "v2"), wh, tmp_path / "q")
    assert result.loaded and any("leesbaar voor anderen" in n for n in result.notes)


def test_quarantine_never_follows_a_planted_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    quarantine = tmp_path / "q"
    quarantine.mkdir()
    (quarantine / "om_feiten.csv").symlink_to(victim)
    assert load_delivery(changed_delivery(tmp_path / "l"), tmp_path / "wh.duckdb", quarantine).loaded
    assert victim.read_text() == "keep me"
    assert not (quarantine / "om_feiten.csv").is_symlink()


def test_another_duckdb_database_with_a_loads_table_is_refused(tmp_path):
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE loads (id INTEGER, truck VARCHAR)")
        con.execute("INSERT INTO loads VALUES (1, 'DAF')")
    before = other.read_bytes()
    with pytest.raises(UserError, match="geen jaarcijfers-warehouse"):
        load_delivery(write_delivery(tmp_path / "l"), other)
    assert other.read_bytes() == before
    with duckdb.connect(str(other), read_only=True) as con:
        assert con.execute("SELECT * FROM loads").fetchall() == [(1, "DAF")]


def test_a_warehouse_of_the_previous_format_is_adopted(tmp_path):
    wh = tmp_path / "wh.duckdb"
    load_delivery(write_delivery(tmp_path / "l"), wh)
    with duckdb.connect(str(wh)) as con:  # as version 0.1 left it: no marker, no verslagjaar
        con.execute("DROP TABLE jaarcijfers_warehouse")
        con.execute("ALTER TABLE loads DROP COLUMN verslagjaar")
    result = load_delivery(changed_delivery(tmp_path / "v2"), wh, tmp_path / "q")
    assert result.loaded and result.load_id == 2
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("SELECT value FROM jaarcijfers_warehouse WHERE key = 'format'").fetchone() == (
            "2",
        )


def test_a_file_that_is_not_duckdb_is_named(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    with pytest.raises(UserError, match="kan niet worden geopend"):
        load_delivery(write_delivery(tmp_path / "l"), bad)


def test_a_locked_warehouse_is_named(tmp_path):
    wh = tmp_path / "wh.duckdb"
    load_delivery(write_delivery(tmp_path / "l"), wh)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('klaar', flush=True); sys.stdin.read()",
            str(wh),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "klaar"
        with pytest.raises(UserError, match="vergrendeld door een ander proces"):
            load_delivery(changed_delivery(tmp_path / "v2"), wh, tmp_path / "q")
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    assert loads_in(wh) == [(1,)]


# ---- a full disk ----------------------------------------------------------------------------------


def test_disk_full_during_load_is_named_and_keeps_the_current_load(tmp_path, monkeypatch):
    disk = tmp_path / "disk"
    mounted = mount_tmpfs(disk, "16m", mode="0700")
    try:
        wh = disk / "wh.duckdb"
        assert load_delivery(write_delivery(tmp_path / "v1"), wh).loaded
        big = example_tables()
        big["om_feiten"] = [
            {
                "zaak_id": "Z1",
                "feit_nr": str(i),
                "wetsartikel": "273f Sr " + "x" * 60,
                "classificatie": "",
                "tenlastegelegd": "ja",
                "uitspraak": "",
            }
            for i in range(1, 60_001)
        ]
        v2 = write_delivery(tmp_path / "v2", big)
        if mounted:
            filler = fill(disk)
        else:  # no tmpfs here: the disk fills up (ENOSPC) while the rows are written (in the copy
            # started beside the checks, and again in the ordinary way the load then takes)
            real_begin = copy_module.begin_copy

            class FullDisk:
                def __init__(self, con):  # type: ignore[no-untyped-def]
                    self._con = con

                def execute(self, sql, *args):  # type: ignore[no-untyped-def]
                    if "_history" in sql and sql.lstrip().startswith("INSERT"):
                        raise duckdb.IOException(
                            'Could not write file "wh.duckdb.wal": No space left on device'
                        )
                    return self._con.execute(sql, *args)

                def __getattr__(self, name):  # type: ignore[no-untyped-def]
                    return getattr(self._con, name)

            monkeypatch.setattr(
                copy_module, "begin_copy", lambda con, *a, **k: real_begin(FullDisk(con), *a, **k)
            )
        with pytest.raises(UserError) as info:
            load_delivery(v2, wh)
        assert "schijf is vol" in info.value.message and "interne" not in info.value.message
        if mounted:
            filler.unlink()
        monkeypatch.undo()
        assert loads_in(wh) == [(1,)]
        with duckdb.connect(str(wh), read_only=True) as con:
            assert con.execute("SELECT count(*) FROM om_feiten").fetchone() == (3,)
    finally:
        if mounted:
            umount(disk)


def test_disk_full_while_writing_the_quarantine_loads_nothing(tmp_path, monkeypatch):
    disk = tmp_path / "disk"
    mounted = mount_tmpfs(disk, "1m", mode="0700")
    try:
        if mounted:
            fill(disk)
        else:  # no tmpfs here: writing a quarantine file fails with ENOSPC
            real_open = os.open

            def full(path, flags, *args):  # type: ignore[no-untyped-def]
                if str(path).startswith(str(disk)):
                    raise OSError(errno.ENOSPC, "No space left on device")
                return real_open(path, flags, *args)

            monkeypatch.setattr(quarantine_module.os, "open", full)
        wh = tmp_path / "wh.duckdb"
        with pytest.raises(UserError) as info:
            load_delivery(changed_delivery(tmp_path / "l"), wh, disk / "q")
        assert "schijf is vol" in info.value.message and "niets geladen" in info.value.message
        monkeypatch.undo()
        if wh.exists():
            with duckdb.connect(str(wh), read_only=True) as con:
                tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
                assert "loads" not in tables or con.execute("SELECT count(*) FROM loads").fetchone() == (0,)
    finally:
        if mounted:
            umount(disk)
