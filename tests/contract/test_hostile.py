"""A hostile or broken delivery (issue 13): each case gets its error code, and nothing is lost, echoed
raw or loaded. Readers account for every row: rows read + blank rows = every row below the header, and
loading keeps rows in = rows loaded + rows rejected."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from jaarcijfers.contract.example import example_tables, write_delivery, write_table
from jaarcijfers.contract.safefiles import Limits
from jaarcijfers.contract.schema import FILES
from jaarcijfers.contract.validate import validate_delivery
from jaarcijfers.warehouse.load import load_delivery

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: object, limit_memory: int | None = None) -> subprocess.CompletedProcess[str]:
    """`jaarcijfers ARGS` in a fresh process; with `limit_memory`, under RLIMIT_AS of that many bytes."""
    code = "import sys; from jaarcijfers.cli import main; sys.argv = ['jaarcijfers', *sys.argv[1:]]; main()"
    if limit_memory is not None:
        code = (
            f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({limit_memory}, {limit_memory})); "
            + code
        )
    env = {k: v for k, v in os.environ.items() if k != "JAARCIJFERS_DEBUG"}
    env["COLUMNS"] = "200"
    # the timeout is a safety net against a hang (a FIFO); no assertion depends on time
    proc = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, env=env, timeout=300
    )
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    return proc


def codes(report) -> set[tuple[str, str | None]]:
    return {(p.code, p.file) for p in report.problems}


# ---- files that are not files ---------------------------------------------------------------------


def test_symlink_to_passwd_is_refused_never_echoed_never_copied(tmp_path):
    folder = write_delivery(tmp_path / "l")
    (folder / "comensha_melders.csv").unlink()
    (folder / "comensha_melders.csv").symlink_to("/etc/passwd")
    proc = cli("validate", folder)
    assert proc.returncode == 1
    assert "E008" in proc.stdout and "symbolische koppeling" in proc.stdout
    assert "root:" not in proc.stdout + proc.stderr
    wh, quarantine = tmp_path / "wh.duckdb", tmp_path / "q"
    loaded = cli("load", folder, "--warehouse", wh, "--quarantine", quarantine)
    assert loaded.returncode == 1 and "Niets geladen" in loaded.stdout
    assert not wh.exists() and not quarantine.exists()
    assert "root:" not in loaded.stdout + loaded.stderr


def test_symlink_to_dev_zero_under_a_memory_limit(tmp_path):
    folder = write_delivery(tmp_path / "l")
    (folder / "om_feiten.csv").unlink()
    (folder / "om_feiten.csv").symlink_to("/dev/zero")
    proc = cli("validate", folder, limit_memory=4 << 30)
    assert proc.returncode == 1, proc.stderr
    assert re.search(r"om_feiten.*E008|E008.*om_feiten", proc.stdout.replace("\n", " "))


def test_named_pipe_does_not_hang(tmp_path):
    folder = write_delivery(tmp_path / "l")
    (folder / "om_zaken.csv").unlink()
    os.mkfifo(folder / "om_zaken.csv")
    proc = cli("validate", folder)
    assert proc.returncode == 1
    assert "E008" in proc.stdout and "named pipe" in proc.stdout


def test_folder_in_place_of_a_file(tmp_path):
    folder = write_delivery(tmp_path / "l")
    (folder / "om_zaken.csv").unlink()
    (folder / "om_zaken.csv").mkdir()
    report = validate_delivery(folder)
    (problem,) = [p for p in report.problems if p.code == "E008"]
    assert problem.file == "om_zaken" and "een map" in problem.rule
    assert ("W006", None) not in codes(report)


def test_size_limit_refuses_and_can_be_raised(tmp_path):
    folder = write_delivery(tmp_path / "l")
    report = validate_delivery(folder, limits=Limits(max_file_size=100))
    assert ("E009", "om_zaken") in codes(report)
    assert validate_delivery(folder, limits=Limits(max_file_size=1 << 20)).ok
    proc = cli("validate", folder, "--max-file-size", "100")
    assert proc.returncode == 1 and "E009" in proc.stdout and "--max-file-size" in proc.stdout
    assert cli("validate", folder, "--max-file-size", "1M").returncode == 0


def test_unreadable_file(tmp_path, monkeypatch):
    folder = write_delivery(tmp_path / "l")
    real_open = os.open

    def failing_open(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith("om_feiten.csv"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", failing_open)
    assert ("E110", "om_feiten") in codes(validate_delivery(folder))


# ---- XLSX -----------------------------------------------------------------------------------------


def _rewrite_member(path: Path, member: str, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info, change(data) if info.filename == member else data)


def _registrations(n: int) -> list[dict[str, str]]:
    return [
        {
            "registratie_id": f"R{i}",
            "jaar": "2024",
            "anoniem": "nee",
            "geslacht": "vrouw",
            "leeftijd": str(20 + i % 50),
            "nationaliteit": "NL",
        }
        for i in range(1, n + 1)
    ]


def _xlsx_delivery(tmp_path: Path, n: int = 40) -> Path:
    tables = example_tables()
    tables["comensha_registraties"] = _registrations(n)
    tables["comensha_uitbuiting"] = [{"registratie_id": "R1", "vorm": "seksueel", "sector": "raam"}]
    tables["comensha_melders"] = [{"registratie_id": "R1", "melder": "politie"}]
    folder = write_delivery(tmp_path / "l", tables)
    (folder / "comensha_registraties.csv").unlink()
    write_table(
        folder / "comensha_registraties.xlsx",
        tables["comensha_registraties"],
        list(FILES["comensha_registraties"].column_names),
        "xlsx",
    )
    return folder


def test_xlsx_stale_dimension_reads_every_row(tmp_path):
    folder = _xlsx_delivery(tmp_path, 40)
    target = folder / "comensha_registraties.xlsx"
    _rewrite_member(
        target,
        "xl/worksheets/sheet1.xml",
        lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:F10"', d),
    )
    import openpyxl

    trusting = openpyxl.load_workbook(target, read_only=True).worksheets[0]
    assert sum(1 for _ in trusting.iter_rows()) == 10  # the reader the issue found loses 30 rows
    report = validate_delivery(folder)
    assert report.ok, report.problems
    summary = report.files["comensha_registraties"]
    assert (summary.rows_read, summary.rows_valid, summary.rows_blank) == (40, 40, 0)
    result = load_delivery(folder, tmp_path / "wh.duckdb")
    reg = next(f for f in result.files if f.file == "comensha_registraties")
    assert (reg.rows_in, reg.rows_loaded, reg.rows_rejected) == (40, 40, 0)


def test_xlsx_formula_without_value_is_refused_naming_the_cell(tmp_path):
    folder = _xlsx_delivery(tmp_path, 5)
    import openpyxl

    target = folder / "comensha_registraties.xlsx"
    book = openpyxl.load_workbook(target)
    book.worksheets[0]["E3"] = "=20+5"  # openpyxl writes a formula without a stored value
    book.save(target)
    report = validate_delivery(folder)
    (problem,) = [p for p in report.problems if p.code == "E120"]
    assert (problem.file, problem.row, problem.column) == ("comensha_registraties", 3, "leeftijd")
    assert "E3" in problem.rule
    assert report.files["comensha_registraties"].rows_read == 0  # nothing of the file is used
    result = load_delivery(folder, tmp_path / "wh.duckdb", tmp_path / "q")
    assert not result.loaded and not (tmp_path / "wh.duckdb").exists()


def test_xlsx_formula_with_cached_value_is_read(tmp_path):
    folder = _xlsx_delivery(tmp_path, 3)
    target = folder / "comensha_registraties.xlsx"
    _rewrite_member(
        target,
        "xl/worksheets/sheet1.xml",
        lambda d: re.sub(rb'<c r="E2"[^>]*>.*?</c>', b'<c r="E2" t="n"><f>20+1</f><v>21</v></c>', d),
    )
    assert b"<f>20+1</f>" in zipfile.ZipFile(target).read("xl/worksheets/sheet1.xml")
    assert validate_delivery(folder).ok


def test_xlsx_bomb_and_dtd_are_refused(tmp_path):
    folder = _xlsx_delivery(tmp_path, 3)
    target = folder / "comensha_registraties.xlsx"
    padding = b" " * (30 << 20)  # 30 MiB of white space packs to a few KiB
    _rewrite_member(
        target, "xl/worksheets/sheet1.xml", lambda d: d.replace(b"<sheetData>", b"<sheetData>" + padding)
    )
    report = validate_delivery(folder)
    assert ("E119", "comensha_registraties") in codes(report)
    folder2 = _xlsx_delivery(tmp_path / "dtd", 3)
    laughs = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    _rewrite_member(
        folder2 / "comensha_registraties.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda d: laughs + (d[d.index(b"?>") + 2 :] if d.startswith(b"<?xml") else d),
    )
    assert ("E119", "comensha_registraties") in codes(validate_delivery(folder2))


def test_xlsx_blank_rows_and_rows_right_of_the_header(tmp_path):
    folder = _xlsx_delivery(tmp_path, 4)
    import openpyxl

    target = folder / "comensha_registraties.xlsx"
    book = openpyxl.load_workbook(target)
    sheet = book.worksheets[0]
    sheet.insert_rows(4, 2)  # two empty rows between the data
    sheet["H7"] = "extra"  # a value right of the header: a ragged row
    book.save(target)
    report = validate_delivery(folder)
    summary = report.files["comensha_registraties"]
    assert (summary.rows_read, summary.rows_blank, summary.rows_rejected) == (4, 2, 1)
    assert ("E114", "comensha_registraties") in codes(report)
    (e114,) = [p for p in report.problems if p.code == "E114"]
    assert e114.row == 7


# ---- Parquet --------------------------------------------------------------------------------------


def test_parquet_bomb_is_refused(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = write_delivery(tmp_path / "l")
    (folder / "om_feiten.csv").unlink()
    n = 200_000
    table = pa.table(
        {
            "zaak_id": ["Z1"] * n,
            "feit_nr": [str(i) for i in range(1, n + 1)],
            "wetsartikel": ["x" * 50] * n,
            "classificatie": [None] * n,
            "tenlastegelegd": ["ja"] * n,
            "uitspraak": [None] * n,
        }
    )
    pq.write_table(table, folder / "om_feiten.parquet", compression="zstd", use_dictionary=False)
    size = (folder / "om_feiten.parquet").stat().st_size
    report = validate_delivery(folder, limits=Limits(max_file_size=size + 1, expansion=2))
    assert ("E119", "om_feiten") in codes(report)


def test_parquet_accounts_for_every_row(tmp_path):
    tables = example_tables()
    tables["om_feiten"].append({c: "" for c in FILES["om_feiten"].column_names})  # an empty row
    tables["om_feiten"][0]["tenlastegelegd"] = "Ja"
    folder = write_delivery(tmp_path / "l", tables, fmt="parquet")
    report = validate_delivery(folder)
    summary = report.files["om_feiten"]
    assert (summary.rows_read, summary.rows_blank, summary.rows_rejected) == (3, 1, 1)
    result = load_delivery(folder, tmp_path / "wh.duckdb", tmp_path / "q")
    for f in result.files:
        assert f.rows_in == f.rows_loaded + f.rows_rejected


# ---- CSV ------------------------------------------------------------------------------------------

HEADER = "onderzoek_id,startjaar,partij"


@pytest.mark.parametrize(
    ("content", "expected", "rows_read", "blank"),
    [
        (HEADER + "\nO1,2023,politie\nO2,2024\nO3,2024,nla\n", ("E114", 3), 3, 0),  # ragged (short)
        (HEADER + "\nO1,2023,politie\nO2,2024,nla,x\n", ("E114", 3), 2, 0),  # ragged (long)
        (HEADER + '\nO1,2023,politie\n"O2,2024,nla\nO3,2024,nla\n', ("E113", 3), 0, 0),  # unterminated quote
        ("\ufeff" + HEADER + "\r\nO1,2023,politie\r\nO2,2024,nla\r\n", None, 2, 0),  # BOM and CRLF
        # a quoted line break keeps the record one row (a line break inside an identifier is refused)
        (HEADER + '\r\nO1,2023,politie\r\n"O2\r\nX",2024,nla\r\n\r\n\r\nO3,2024,nla\r\n', ("E210", 3), 3, 2),
        (HEADER + "\nO1,2023,politie\nO\x002,2024,nla\n", ("E210", 3), 2, 0),  # NUL byte
        (HEADER + "\nO1,2023,politie\r\nO2,2024,nla\n", ("E113", None), 0, 0),  # mixed line endings
        (HEADER + "\n\n   \nO1,2023,politie\n\nO2,2024,nla", None, 2, 3),  # blank lines, no final newline
    ],
    ids=[
        "ragged-short",
        "ragged-long",
        "unterminated-quote",
        "bom-crlf",
        "embedded-newline",
        "nul",
        "mixed-eol",
        "blank",
    ],
)
def test_csv_every_line_accounted_for(tmp_path, content, expected, rows_read, blank):
    tables = example_tables()
    folder = write_delivery(tmp_path / "l", tables)
    (folder / "emm_onderzoeken.csv").write_bytes(content.encode("utf-8"))
    # the children refer to O1/O2 only
    (folder / "emm_onderzoek_vormen.csv").write_text("onderzoek_id,vorm\nO1,seksueel\n", encoding="utf-8")
    (folder / "emm_verdachten.csv").write_text(
        "verdachte_id,onderzoek_id,geslacht,leeftijd,nationaliteit\nV1,O1,man,34,NL\n", encoding="utf-8"
    )
    report = validate_delivery(folder)
    summary = report.files["emm_onderzoeken"]
    assert (summary.rows_read, summary.rows_blank) == (rows_read, blank), report.problems
    assert summary.rows_read == summary.rows_valid + summary.rows_rejected
    found = [(p.code, p.row) for p in report.problems if p.file == "emm_onderzoeken"]
    if expected is None:
        assert report.ok and not found, report.problems
    elif expected == ("E210", 3) and "O2\r\nX" in content:
        assert expected in found and validate_ids(folder) == ["O1", "O2\r\nX", "O3"]
    else:
        assert expected[0] in {c for c, _ in found}, found
        if expected[1] is not None:
            assert expected in found, found
    if report.ok:
        result = load_delivery(folder, tmp_path / "wh.duckdb")
        for f in result.files:
            assert f.rows_in == f.rows_loaded + f.rows_rejected


def validate_ids(folder: Path) -> list[str]:
    from jaarcijfers.contract.validate import check_delivery

    checked = check_delivery(folder)
    assert checked.con is not None
    rows = checked.con.execute('SELECT onderzoek_id FROM "_stg_emm_onderzoeken" ORDER BY _row').fetchall()
    checked.close()
    return [r[0] for r in rows]


def test_csv_row_numbers_survive_blank_and_multiline_records(tmp_path):
    folder = write_delivery(tmp_path / "l")
    (folder / "emm_onderzoeken.csv").write_text(
        HEADER + '\n\nO1,2023,politie\n"O\n2",2024,nla\n\nO3,twintig,nla\n', encoding="utf-8"
    )
    report = validate_delivery(folder)
    (problem,) = [p for p in report.problems if p.code == "E202"]
    assert (problem.file, problem.row, problem.value) == ("emm_onderzoeken", 6, "twintig")


def test_invalid_utf8_names_the_line(tmp_path):
    folder = write_delivery(tmp_path / "l")
    (folder / "emm_onderzoeken.csv").write_bytes(
        (HEADER + "\nO1,2023,politie\nO2,2024,nl\xe9\n").encode("latin-1")
    )
    report = validate_delivery(folder)
    (problem,) = [p for p in report.problems if p.code == "E111"]
    assert problem.row == 3


# ---- values that pass but should not -------------------------------------------------------------


def test_zero_width_duplicate_of_a_registration_is_not_valid(tmp_path):
    tables = example_tables()
    tables["comensha_registraties"].append(
        dict(tables["comensha_registraties"][0], registratie_id="R1\u200b")
    )
    folder = write_delivery(tmp_path / "l", tables)
    report = validate_delivery(folder)
    assert not report.ok
    (problem,) = report.problems
    assert (problem.code, problem.row, problem.column) == ("E211", 5, "registratie_id")
    assert "U+200B" in problem.rule and "\u200b" not in problem.rule
    assert not load_delivery(folder, tmp_path / "wh.duckdb").loaded


def test_year_2100_is_refused_and_does_not_become_the_report_year(tmp_path):
    from jaarcijfers.errors import UserError
    from jaarcijfers.warehouse.load import open_delivery

    tables = example_tables()
    tables["comensha_registraties"][0]["jaar"] = "2100"
    report = validate_delivery(write_delivery(tmp_path / "l", tables))
    (problem,) = report.problems
    assert (problem.code, problem.value) == ("E212", "2100")
    assert "2000–2025" in problem.rule
    with pytest.raises(UserError, match="E212"):
        open_delivery(tmp_path / "l")


def test_reporting_year_comes_from_levering_toml(tmp_path):
    from jaarcijfers.figures.engine import default_year
    from jaarcijfers.warehouse.load import open_delivery

    folder = write_delivery(tmp_path / "l")
    (folder / "levering.toml").write_text("verslagjaar = 2023\n" + (folder / "levering.toml").read_text())
    con = open_delivery(folder)
    assert default_year(con) == 2023
    con.close()
    assert default_year(open_delivery(write_delivery(tmp_path / "plain"))) == 2024  # else the latest year


def test_year_window_without_peildatum_follows_verslagjaar_then_today(tmp_path):
    import datetime as dt

    from jaarcijfers.contract.validate import check_delivery

    tables = example_tables()
    tables["om_zaken"][0]["vonnisjaar"] = "2025"
    folder = write_delivery(tmp_path / "l", tables, metadata="verslagjaar = 2023\n")
    report = check_delivery(folder, today=dt.date(2030, 1, 1)).report
    assert [(p.code, p.value) for p in report.problems] == [("E212", "2025")]  # up to 2023 + 1
    folder2 = write_delivery(tmp_path / "l2", tables, metadata=None)
    assert check_delivery(folder2, today=dt.date(2025, 6, 1)).report.ok
    assert not check_delivery(folder2, today=dt.date(2024, 6, 1)).report.ok


ESCAPES = "\x1b]0;gehackt\x07\x1b[2J\u202e"


@pytest.mark.slow
def test_escape_sequences_never_reach_the_terminal_or_a_report(tmp_path):
    tables = example_tables()
    tables["comensha_melders"][2]["melder"] = "nla" + ESCAPES
    tables["om_feiten"][0]["wetsartikel"] = "273f" + ESCAPES
    folder = write_delivery(tmp_path / "l", tables)
    (folder / ("onbekend" + ESCAPES + ".csv")).write_text("a\n1\n")
    proc = cli("validate", folder)
    assert proc.returncode == 1
    for output in (proc.stdout, proc.stderr):
        assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    assert "<U+001B>" in proc.stdout and "<U+202E>" in proc.stdout
    as_json = cli("validate", folder, "--json").stdout
    assert "\\u001b" not in as_json and "\x1b" not in as_json and "<U+001B>" in as_json
    for suffix in ("csv", "json", "html"):
        target = tmp_path / f"rapport.{suffix}"
        assert cli("validate", folder, "--report", target).returncode == 1
        text = target.read_text(encoding="utf-8-sig")
        assert "\x1b" not in text and "\u202e" not in text and "\\u001b" not in text
        assert "U+001B" in text
        assert os.stat(target).st_mode & 0o077 == 0


def test_csv_report_guards_against_formulas(tmp_path):
    tables = example_tables()
    tables["comensha_melders"][2]["melder"] = '=HYPERLINK("http://x")'
    folder = write_delivery(tmp_path / "l", tables)
    target = tmp_path / "r.csv"
    cli("validate", folder, "--report", target)
    text = target.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


# ---- reports at any size --------------------------------------------------------------------------


def test_many_problems_give_a_bounded_terminal_and_a_complete_report(tmp_path):
    tables = example_tables()
    rows = _registrations(1500)
    for row in rows:
        row["jaar"] = "twintig"
    tables["comensha_registraties"] = rows
    tables["comensha_uitbuiting"] = [{"registratie_id": "R1", "vorm": "seksueel", "sector": "raam"}]
    tables["comensha_melders"] = [{"registratie_id": "R1", "melder": "politie"}]
    folder = write_delivery(tmp_path / "l", tables)
    report_file = tmp_path / "rapport.csv"
    proc = cli("validate", folder, "--report", report_file)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) < 80, proc.stdout
    assert "1500" in proc.stdout and "E202" in proc.stdout and "invalid-year" in proc.stdout
    import csv

    with report_file.open(encoding="utf-8-sig", newline="") as handle:
        listed = list(csv.DictReader(handle))
    assert len(listed) == 1500
    assert [int(r["rij"]) for r in listed] == list(range(2, 1502))
    assert {r["code"] for r in listed} == {"E202"}


def test_progress_is_reported_in_order(tmp_path):
    steps: list[tuple[str, int, int]] = []
    validate_delivery(
        write_delivery(tmp_path / "l"), progress=lambda text, done, total: steps.append((text, done, total))
    )
    assert steps[-1][0] == "klaar" and steps[-1][1] == steps[-1][2]
    done = [d for _, d, _ in steps]
    assert done == sorted(done) and len({t for _, _, t in steps}) == 1
    assert any("om_zaken.csv" in text for text, _, _ in steps)
