"""Sources without data (issue 14): a source without records for the window is named, its figures say
"geen gegevens" (never a table of zeros) and no fact that reads it is published; a source without records
for the reporting year only is named too, its figures say so in a note and its facts are left out. The
other sources' figures and facts are exactly those of the complete delivery."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jaarcijfers.contract.schema import FILES, SOURCE_NAMES
from jaarcijfers.edition.files import read_cells, read_edition, read_fact_values, read_no_data
from jaarcijfers.edition.model import NO_DATA
from jaarcijfers.figures.catalogue import CATALOGUE
from jaarcijfers.paths import DEMO_DELIVERY


def run(*args: str):
    return subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1735689600"},
    )


def without_source(folder: Path, source: str) -> Path:
    """The demo delivery with every file of `source` reduced to its header (validation only warns)."""
    shutil.copytree(DEMO_DELIVERY, folder)
    for spec in FILES.values():
        path = folder / f"{spec.name}.csv"
        if spec.source == source and path.exists():
            header = path.read_text(encoding="utf-8").splitlines()[0]
            path.write_text(header + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def complete(demo_build) -> Path:
    return demo_build("--only-figures")


@pytest.mark.parametrize("source", ["comensha", "emm", "om", "ind", "rechtspraak"])
def test_a_source_without_records_says_geen_gegevens(tmp_path, complete, source):
    data = without_source(tmp_path / "levering", source)
    out = tmp_path / "uit"
    res = run("build", "--data", str(data), "--only-figures", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert f"geen records van {SOURCE_NAMES[source]} over 2020-2024" in res.stderr
    own = [f.id for f in CATALOGUE if f.source_id == source]
    assert own and list(read_no_data(out / "figures.csv")) == own
    rows = list(csv.reader((out / "figures.csv").open(encoding="utf-8")))
    assert [r for r in rows if r[0] in own] == [[fig, "", "", "", NO_DATA] for fig in own]
    # every other figure is exactly as in the complete delivery
    ours, full = read_cells(out / "figures.csv"), read_cells(complete / "figures.csv")
    assert ours == {k: v for k, v in full.items() if k.figure not in own}
    # no fact reads the empty source: what is published is what the complete delivery publishes
    facts, all_facts = read_fact_values(out / "facts.csv"), read_fact_values(complete / "facts.csv")
    assert facts and len(facts) < len(all_facts)
    assert {k: all_facts.get(k) for k in facts} == facts


def test_an_empty_om_source_publishes_no_zero_fact(tmp_path):
    """The issue's case: `om_zaken_politie_2024,0` was stated as a fact."""
    data = without_source(tmp_path / "levering", "om")
    out = tmp_path / "uit"
    assert run("build", "--data", str(data), "--only-figures", "--out", str(out)).returncode == 0
    facts = read_fact_values(out / "facts.csv")
    assert "om_zaken_politie_2024" not in facts and "om_zaken_2024" not in facts


def test_an_empty_comensha_source_builds_every_output(tmp_path):
    """The issue's case: an internal error in the workbook. Every renderer shows "geen gegevens"."""
    import openpyxl

    data = without_source(tmp_path / "levering", "comensha")
    out = tmp_path / "uit"
    res = run("build", "--data", str(data), "--out", str(out))
    assert res.returncode == 0, res.stderr
    edition = read_edition(out)
    assert edition.figure("1").no_data and not edition.figure("1").blocks
    site = (out / "index.html").read_text(encoding="utf-8")
    start = site.index('id="figuur-1"')
    assert '<p class="geen-gegevens">Geen gegevens.</p>' in site[start : site.index("</figure>", start)]
    sheet = openpyxl.load_workbook(out / "jaarcijfers-2024.xlsx")["Figuur_1"]
    assert "Geen gegevens" in [c.value for row in sheet.iter_rows() for c in row]
    with open(out / "open-data" / "figuur-1.csv", encoding="utf-8", newline="") as f:
        (row,) = csv.DictReader(f)  # one row saying so, no table of zeros
    assert row["figuur"] == "Figuur 1" and row["waarde"] == "" and row["status"] == "geen gegevens"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(out / "jaarcijfers-2024.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        figure_1 = text[text.index("Figuur 1\n") :]
        assert "Geen gegevens" in figure_1[:400]
        assert "geen records van CoMensha over 2020-2024" in figure_1[:600]


def test_a_source_without_the_reporting_year_is_named_and_its_facts_left_out(tmp_path):
    """EMM delivered up to 2023 for a 2024 edition: its figures end in 2023 with a note, no EMM fact."""
    from jaarcijfers.build import compute_edition

    data = tmp_path / "levering"
    shutil.copytree(DEMO_DELIVERY, data)
    with (data / "emm_onderzoeken.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    gone = {r["onderzoek_id"] for r in rows if r["startjaar"] == "2024"}
    assert gone
    for name in ("emm_onderzoeken", "emm_onderzoek_vormen", "emm_verdachten"):
        path = data / f"{name}.csv"
        lines = path.read_text(encoding="utf-8").splitlines()
        head = lines[0].split(",")
        i = head.index("onderzoek_id")
        kept = [line for line in lines[1:] if line.split(",")[i] not in gone]
        path.write_text("\n".join([lines[0], *kept]) + "\n", encoding="utf-8")
    edition, _ = compute_edition(data, None)
    assert edition.year == 2024
    for fig in (f for f in edition.figures if f.source_id == "emm"):
        assert not fig.no_data and 2024 not in fig.years, fig.id
        assert any("Geen gegevens over 2024" in n for n in fig.notes), fig.id
    ids = {f.id for f in edition.facts}
    assert "onderzoeken_2024" not in ids and "verdachten_2024" not in ids
    assert "om_zaken_2024" in ids  # the other sources are unaffected


@pytest.mark.slow
def test_the_english_edition_of_a_delivery_without_a_source(tmp_path):
    """`--lang nl,en` with a source missing: the English figures say "No data", and the English text says
    which source supplied nothing (docs/language.md)."""
    data = without_source(tmp_path / "levering", "emm")
    out = tmp_path / "uit"
    res = run("build", "--data", str(data), "--lang", "nl,en", "--out", str(out))
    assert res.returncode == 0, res.stderr
    site = (out / "en" / "index.html").read_text(encoding="utf-8")
    start = site.index('id="figuur-13"')
    figure = site[start : site.index("</figure>", start)]
    assert '<p class="geen-gegevens">No data.</p>' in figure
    assert "No data: the delivery holds no records of the EMM for 2020-2024." in figure
    assert "No data from the EMM are available for Figure 13 for 2020–2024." in site
