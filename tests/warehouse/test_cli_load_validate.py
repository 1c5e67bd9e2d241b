"""`jaarcijfers validate` and `jaarcijfers load` as a user runs them: exit codes, output, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from jaarcijfers.contract.example import example_tables, write_delivery


def cli(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    full_env.pop("JAARCIJFERS_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    return proc


@pytest.fixture
def invalid(tmp_path):
    tables = example_tables()
    tables["om_zaken"][1]["afdoeningsjaar"] = ""
    return write_delivery(tmp_path / "invalid", tables)


def test_validate_valid(tmp_path):
    proc = cli("validate", write_delivery(tmp_path / "l"))
    assert proc.returncode == 0
    assert "De levering is geldig." in proc.stdout
    assert "comensha_registraties" in proc.stdout  # per-file summary


def test_validate_invalid(invalid):
    proc = cli("validate", invalid)
    assert proc.returncode == 1
    assert "E302" in proc.stdout and "om_zaken" in proc.stdout
    assert "De levering is ongeldig: 1 fout, 0 waarschuwingen." in proc.stdout


def test_validate_json(invalid):
    proc = cli("validate", invalid, "--json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["ok"] is False
    assert [(p["code"], p["file"], p["row"], p["column"]) for p in data["problems"]] == [
        ("E302", "om_zaken", 3, "afdoeningsjaar")
    ]
    om = next(f for f in data["files"] if f["file"] == "om_zaken")
    assert (om["rows_read"], om["rows_valid"], om["rows_rejected"]) == (3, 2, 1)


@pytest.mark.parametrize("kind", ["missing", "file", "empty"])
def test_validate_bad_paths(tmp_path, kind):
    target = tmp_path / "x"
    if kind == "file":
        target.write_text("a,b\n")
    elif kind == "empty":
        target.mkdir()
    proc = cli("validate", target)
    assert proc.returncode == 1
    assert {"missing": "E001", "file": "E002", "empty": "E003"}[kind] in proc.stdout


def test_validate_broken_files(tmp_path):
    folder = write_delivery(tmp_path / "l")
    (folder / "om_feiten.csv").write_bytes("zaak_id,feit_nr\nZ1,café\n".encode("latin-1"))
    (folder / "ind_tabel.csv").write_bytes(b"")
    (folder / "om_zaken.csv").rename(folder / "om_zaken.xlsx")
    (folder / "rechtspraak_tabel.csv").unlink()
    (folder / "rechtspraak_tabel.parquet").write_bytes(b"PAR1\x00\x00")
    proc = cli("validate", folder)
    assert proc.returncode == 1
    for code in ("E111", "E112", "E115", "E116"):
        assert code in proc.stdout


def test_load_valid_and_again(tmp_path):
    folder = write_delivery(tmp_path / "l")
    wh = tmp_path / "wh.duckdb"
    first = cli("load", folder, "--warehouse", wh)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "om_feiten: 3 rijen in = 3 geladen + 0 afgekeurd" in first.stdout
    second = cli("load", folder, "--warehouse", wh)
    assert second.returncode == 0
    assert "Niets gewijzigd" in second.stdout


def test_load_default_warehouse_from_env(tmp_path):
    wh = tmp_path / "env.duckdb"
    proc = cli("load", write_delivery(tmp_path / "l"), cwd=tmp_path, env={"JAARCIJFERS_WAREHOUSE": str(wh)})
    assert proc.returncode == 0 and wh.exists()


def test_load_default_warehouse_in_cwd(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "JAARCIJFERS_WAREHOUSE"}
    proc = subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", "load", str(write_delivery(tmp_path / "l"))],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0 and (tmp_path / "jaarcijfers.duckdb").exists()


def test_load_invalid_loads_nothing(tmp_path, invalid):
    wh = tmp_path / "wh.duckdb"
    proc = cli("load", invalid, "--warehouse", wh)
    assert proc.returncode == 1
    assert "Niets geladen" in proc.stdout and "E302" in proc.stdout
    assert not wh.exists()


def test_load_quarantine(tmp_path, invalid):
    wh, q = tmp_path / "wh.duckdb", tmp_path / "q"
    proc = cli("load", invalid, "--warehouse", wh, "--quarantine", q)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "om_zaken: 3 rijen in = 2 geladen + 1 afgekeurd" in proc.stdout
    # the case's facts and coding refer to the rejected case: rejected too
    assert "om_feiten: 3 rijen in = 2 geladen + 1 afgekeurd" in proc.stdout
    assert "om_dossiercodering: 3 rijen in = 2 geladen + 1 afgekeurd" in proc.stdout
    assert (q / "om_zaken.csv").exists()


def test_load_into_directory_is_a_user_error(tmp_path):
    proc = cli("load", write_delivery(tmp_path / "l"), "--warehouse", tmp_path)
    assert proc.returncode == 2
    assert "fout:" in proc.stderr and "is een map" in proc.stderr


def test_load_missing_folder(tmp_path):
    proc = cli("load", tmp_path / "nope", "--warehouse", tmp_path / "wh.duckdb")
    assert proc.returncode == 1 and "E001" in proc.stdout
