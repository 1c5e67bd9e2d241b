"""`load --report FILE` writes the full problem list also when the delivery loads (it used to fail with an
internal error: the validation's database was closed before the report was written)."""

from __future__ import annotations

import shutil

from jaarcijfers.paths import DEMO_DELIVERY


def test_the_report_file_of_a_delivery_that_loads(cli, tmp_path):
    delivery = tmp_path / "levering"
    shutil.copytree(DEMO_DELIVERY, delivery)
    (delivery / "extra.txt").write_text("niet van het contract\n", encoding="utf-8")
    report = tmp_path / "rapport.csv"
    res = cli("load", str(delivery), "--warehouse", str(tmp_path / "wh.duckdb"), "--report", str(report))
    assert res.returncode == 0, res.stdout + res.stderr
    assert "interne fout" not in res.stderr
    text = report.read_text(encoding="utf-8-sig")
    assert "W006" in text and "extra.txt" in text
