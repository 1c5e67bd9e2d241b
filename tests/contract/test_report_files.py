"""Report files: the messages DuckDB composes (report_sql) are exactly those `make()` composes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.contract.report_files import write_report
from jaarcijfers.contract.report_sql import rows_sql
from jaarcijfers.contract.staging import PROBLEMS
from jaarcijfers.contract.text import escape_text
from jaarcijfers.contract.validate import check_delivery


def varied(tmp_path: Path) -> Path:
    t = example_tables()
    t["comensha_melders"][2]["melder"] = "ggd\x1b[1m"
    t["comensha_melders"][1]["melder"] = "ggd"
    t["ind_tabel"][0]["aantal"] = "7"
    t["comensha_uitbuiting"][0]["sector"] = "bouw"
    t["om_zaken"][1]["afdoeningsjaar"] = ""
    t["om_zaken"][2]["afdoeningsjaar"] = "2024"
    t["om_dossiercodering"][1]["subvorm"] = "binnenlands"
    t["comensha_registraties"][0]["jaar"] = "2100"
    t["comensha_registraties"][1]["registratie_id"] = "R\u200b2"
    t["emm_onderzoek_vormen"].append(dict(t["emm_onderzoek_vormen"][0]))
    t["om_feiten"][0]["wetsartikel"] = "x" * 200
    folder = write_delivery(tmp_path / "l", t)
    (folder / "onbekend\u202e.csv").write_text("a")
    (folder / "emm_onderzoeken.csv").write_text(
        "onderzoek_id,startjaar,partij,extra\nO1,2023,politie,\nO2,2024\n"
    )
    return folder


def test_sql_messages_equal_python_messages(tmp_path):
    checked = check_delivery(varied(tmp_path))
    assert checked.con is not None
    rows = checked.con.execute(rows_sql(PROBLEMS)).fetchall()
    expected = [
        (
            escape_text(p.file or "levering"),
            p.row,
            escape_text(p.column or ""),
            escape_text(p.value or ""),
            p.code,
            p.name,
            "fout" if p.is_error else "waarschuwing",
            escape_text(p.rule),
            escape_text(p.hint),
        )
        for p in checked.report.problems
    ]
    assert len({r[4] for r in rows}) >= 10
    assert rows == expected


def test_report_files_hold_every_problem(tmp_path):
    report = check_delivery(varied(tmp_path)).report
    for suffix in ("csv", "json", "html"):
        target = tmp_path / f"r.{suffix}"
        write_report(report, target)
        text = target.read_text(encoding="utf-8-sig")
        assert "\x1b" not in text and "\u200b" not in text and "\u202e" not in text
        if suffix == "csv":
            with target.open(encoding="utf-8-sig", newline="") as handle:
                listed = list(csv.DictReader(handle))
            assert [(r["code"], r["rij"]) for r in listed] == [
                (p.code, "" if p.row is None else str(p.row)) for p in report.problems
            ]
        elif suffix == "json":
            data = json.loads(text)
            assert [p["code"] for p in data["problems"]] == [p.code for p in report.problems]
            assert data["problems_total"] == len(report.problems)
        else:
            assert text.count('<tr class="fout">') == len(report.errors)
