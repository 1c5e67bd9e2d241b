"""The other commands used carelessly or with hostile files (issue 14): a clear message and exit 2,
never an internal error (exit 70), never a hang, never a file written through a link."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.errors import UserError
from jaarcijfers.paths import DEMO_DELIVERY


def run(*args: str, cwd: Path | None = None):
    """The command in a fresh process; the timeout is a safety net against a hang (a FIFO), not a test
    of speed."""
    return subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1735689600"},
    )


def assert_clean_failure(res, *phrases: str) -> None:
    assert res.returncode == 2, res.stdout + res.stderr
    assert "interne fout" not in res.stderr and "Traceback" not in res.stderr
    for phrase in phrases:
        assert phrase in res.stderr, res.stderr


@pytest.fixture
def odd_files(tmp_path) -> dict[str, Path]:
    """A non-UTF-8 figures file, a folder without figures.csv, a FIFO, a link to /dev/zero."""
    bad = tmp_path / "latin1"
    bad.mkdir()
    (bad / "figures.csv").write_bytes(b"figure,table_part,row,column,value\n1,,\xe9\xff,2024,5\n")
    (tmp_path / "leeg").mkdir()
    fifo = tmp_path / "pijp.csv"
    os.mkfifo(fifo)
    zero = tmp_path / "nul.csv"
    zero.symlink_to("/dev/zero")
    return {"latin1": bad, "empty": tmp_path / "leeg", "fifo": fifo, "zero": zero}


def test_audit_of_odd_folders(odd_files):
    assert_clean_failure(run("audit", str(odd_files["latin1"])), "geen UTF-8-tekstbestand")
    assert_clean_failure(run("audit", str(odd_files["empty"])), "bestand bestaat niet", "figures.csv")
    assert_clean_failure(run("audit", str(odd_files["zero"])), "geen gewoon bestand")


@pytest.mark.parametrize("which", ["latin1", "empty", "fifo", "zero", "missing"])
def test_reconcile_of_odd_files(odd_files, which, demo_build):
    reference = demo_build("--only-figures") / "figures.csv"
    target = {
        "latin1": odd_files["latin1"] / "figures.csv",
        "missing": odd_files["empty"] / "figures.csv",
    }.get(which, odd_files.get(which))
    expected = {
        "latin1": "geen UTF-8",
        "empty": "is een map",
        "fifo": "geen gewoon bestand",
        "zero": "geen gewoon bestand",
        "missing": "bestand bestaat niet",
    }[which]
    assert_clean_failure(run("reconcile", str(target), "--reference", str(reference)), expected)
    assert_clean_failure(run("reconcile", str(reference), "--reference", str(target)), expected)


def test_estimate_lists_that_are_not_counts(tmp_path, odd_files):
    huge = tmp_path / "groot.csv"
    huge.write_text("A,B,count\n1,0," + "9" * 40 + "\n1,1,3\n0,1,2\n")
    assert_clean_failure(run("estimate", "--lists", str(huge)), "groter dan 1.000.000.000")
    assert_clean_failure(run("estimate", "--lists", str(odd_files["zero"])), "geen gewoon bestand")
    assert_clean_failure(run("estimate", "--lists", str(odd_files["fifo"])), "geen gewoon bestand")
    assert_clean_failure(run("estimate", "--lists", str(tmp_path)), "geen gewoon bestand")


def test_load_with_a_quarantine_and_a_report_file(tmp_path):
    """Was an internal error: the report file was written after the staging store had closed. The report
    holds delivered values, so it is owner-only like the quarantine."""
    from jaarcijfers.warehouse.load import run_load

    tables = example_tables()
    tables["om_feiten"][2]["tenlastegelegd"] = "Ja"  # one row for the quarantine
    data = write_delivery(tmp_path / "levering", tables)
    report = tmp_path / "rapport.csv"
    assert run_load(data, tmp_path / "wh.duckdb", tmp_path / "q", report_file=report) == 0
    assert "E" in report.read_text(encoding="utf-8-sig")
    assert stat.S_IMODE(os.stat(report).st_mode) & 0o077 == 0
    assert all(stat.S_IMODE(os.stat(p).st_mode) & 0o077 == 0 for p in (tmp_path / "q").iterdir())


# --- the analyst's commentary -------------------------------------------------------------------------
@pytest.fixture
def delivery(tmp_path) -> Path:
    folder = tmp_path / "levering"
    shutil.copytree(DEMO_DELIVERY, folder)
    return folder


def test_a_reflection_that_links_elsewhere_is_refused(delivery, tmp_path):
    (delivery / "reflectie-2024.md").symlink_to("/etc/passwd")
    res = run("build", "--data", str(delivery), "--only-figures", "--out", str(tmp_path / "uit"))
    assert_clean_failure(res, "reflectie-2024.md is een symbolische koppeling")
    assert not (tmp_path / "uit").exists()


def test_a_reflection_past_the_size_limit_is_refused(delivery, tmp_path):
    """The issue's 320 KB of `[a](` took 150 s with a hand-written parser; past the parser's limit the
    file is refused before it is parsed."""
    (delivery / "reflectie-2024.md").write_text("[a](" * 80_000, encoding="utf-8")
    res = run("build", "--data", str(delivery), "--only-figures", "--out", str(tmp_path / "uit"))
    assert_clean_failure(res, "groter dan 64 KiB")


def test_a_reflection_that_is_not_utf8_is_refused(delivery, tmp_path):
    (delivery / "reflectie.md").write_bytes(b"Caf\xe9\n")
    res = run("build", "--data", str(delivery), "--only-figures", "--out", str(tmp_path / "uit"))
    assert_clean_failure(res, "reflectie.md is geen UTF-8-tekst")


# --- synth --------------------------------------------------------------------------------------------
def test_synth_refuses_a_folder_that_is_not_empty(tmp_path, delivery):
    before = sorted((p.name, p.stat().st_mtime_ns) for p in delivery.iterdir())
    assert_clean_failure(run("synth", "--out", str(delivery)), "is niet leeg", "--force")
    assert sorted((p.name, p.stat().st_mtime_ns) for p in delivery.iterdir()) == before
    link = tmp_path / "koppeling"
    link.symlink_to(delivery)
    assert_clean_failure(run("synth", "--out", str(link), "--force"), "symbolische koppeling")


def test_synth_force_replaces_the_delivery_and_never_writes_through_a_link(tmp_path, monkeypatch):
    from jaarcijfers.synth import run as synth_run

    class Report:
        comensha_unmet: list = []

        def text(self) -> str:
            return "rapport\n"

    tables = {name: rows for name, rows in example_tables().items() if name != "om_dossiercodering"}
    monkeypatch.setattr(synth_run, "build_delivery", lambda targets, seed: (tables, Report()))
    out = tmp_path / "levering"
    out.mkdir()
    outside = tmp_path / "buiten.csv"
    outside.write_text("niet overschrijven\n")
    (out / "om_zaken.csv").symlink_to(outside)
    (out / "om_feiten.parquet").write_bytes(b"oud formaat")
    (out / "notities.txt").write_text("van de analist\n")
    with pytest.raises(UserError, match="niet leeg"):
        synth_run.run_synth(out, seed=1)
    assert synth_run.run_synth(out, seed=1, force=True) == 0
    assert outside.read_text() == "niet overschrijven\n"
    assert not (out / "om_zaken.csv").is_symlink() and (out / "om_zaken.csv").read_text().startswith(
        "zaak_id"
    )
    assert not (out / "om_feiten.parquet").exists()  # the same file in another format would be refused
    assert (out / "notities.txt").read_text() == "van de analist\n"
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
