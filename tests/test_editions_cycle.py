"""The annual cycle on the demo (docs/editions.md): the 2023 edition from the earlier demo delivery and
the 2024 edition from the demo delivery, both built from one warehouse and recorded; a recorded edition
rebuilds byte-identically after the newer delivery was loaded; the revisions are exactly the shared cells
that differ; safe by default."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jaarcijfers.edition import register
from jaarcijfers.edition.files import read_cells
from jaarcijfers.edition.revisions import compare
from jaarcijfers.figures.catalogue import CATALOGUE
from jaarcijfers.figures.model import CellKey
from jaarcijfers.figures.spec import Period
from jaarcijfers.paths import DEMO_2023_DELIVERY, DEMO_DELIVERY

ROOT = Path(__file__).resolve().parents[1]


def files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def cycle(tmp_path_factory, cli):
    base = tmp_path_factory.mktemp("cycle")
    wh = base / "wh.duckdb"
    runs = {}
    for year, data in ((2023, DEMO_2023_DELIVERY), (2024, DEMO_DELIVERY)):
        res = cli(
            "build",
            "--data",
            str(data),
            "--warehouse",
            str(wh),
            "--out",
            str(base / str(year)),
            "--only-figures",
        )
        assert res.returncode == 0, res.stdout + res.stderr
        runs[year] = res.stdout
    return base, wh, runs


def test_the_committed_earlier_demo_is_the_scripts_output():
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_demo_2023.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_both_editions_are_recorded_with_the_loads_they_read(cycle):
    _, wh, runs = cycle
    assert "vastgelegd" in runs[2023] and "geen editie 2022 vastgelegd" in runs[2023]
    with register.connect(wh) as con:
        entries = register.entries(con)
    assert [(e.year, e.policy, e.version, e.imported) for e in entries] == [
        (2023, "publicatie", 1, False),
        (2024, "publicatie", 1, False),
    ]
    assert set(entries[0].loads.values()) == {1} and set(entries[1].loads.values()) == {2}


def test_a_recorded_edition_rebuilds_byte_identically_after_a_newer_delivery(cycle, cli):
    base, wh, _ = cycle
    again = base / "2023-opnieuw"
    res = cli("build", "--editie", "2023", "--warehouse", str(wh), "--out", str(again), "--only-figures")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "3 bestanden byte-identiek" in res.stdout
    assert files(again) == files(base / "2023")


def test_building_from_the_warehouse_equals_building_from_the_folder(cycle, demo_build):
    """The warehouse build knows the recorded 2023 edition (disclosure control across editions); a build
    from the folder given the same edition as a published folder gives the same files."""
    base, _, _ = cycle
    folder_build = demo_build(
        "--data", str(DEMO_DELIVERY), "--only-figures", "--met-eerdere", str(base / "2023")
    )
    assert files(base / "2024") == {k: v for k, v in files(folder_build).items() if k != ".complete"}


def _own_warehouse(cycle, tmp_path: Path) -> Path:
    """A copy of the cycle's warehouse (both editions recorded), for a test that builds from it."""
    _, wh, _ = cycle
    copy = tmp_path / "wh.duckdb"
    shutil.copy(wh, copy)
    return copy


@pytest.mark.slow
def test_building_from_the_warehouse_alone_equals_building_from_the_folder(cycle, cli, tmp_path):
    """Without --data or --redactie the build takes the editorial folder the recorded 2024 edition was
    built with (the publication's policy, docs/editions.md), says so, and builds the same edition: the same
    files, and the register finds it recorded already."""
    base, _, _ = cycle
    wh = _own_warehouse(cycle, tmp_path)
    out = tmp_path / "2024"
    res = cli("build", "--warehouse", str(wh), "--out", str(out), "--only-figures")
    assert res.returncode == 0, res.stdout + res.stderr
    assert (
        "Redactie: de redactiemap waarmee editie 2024 is vastgelegd (publicatie, versie 1, uit "
        f"{DEMO_DELIVERY}): en/redactie.toml, redactie.toml; een andere redactiemap geeft u met --redactie DIR."
    ) in res.stdout
    assert "De editie 2024 (publicatie) was al vastgelegd (versie 1)" in res.stdout
    assert files(out) == files(base / "2024")


@pytest.mark.slow
def test_the_strict_policy_an_earlier_edition_makes_impossible_is_a_user_error(cycle, cli, tmp_path):
    """The recorded 2023 edition (the publication's policy) showed every cell of Figuur 16's 2021 sum but
    one; the 2024 delivery revised it. The strict policy cannot protect the 2024 edition then: a clear error
    (exit 2) naming the cell, what 2023 published and what to do; the output folder keeps the previous
    edition byte for byte and nothing is recorded (docs/sdc.md)."""
    base, _, _ = cycle
    wh = _own_warehouse(cycle, tmp_path)
    previous = tmp_path / "uit"
    shutil.copytree(base / "2024", previous)
    before = files(previous)
    with register.connect(wh) as con:
        recorded = register.entries(con)
    res = cli("build", "--warehouse", str(wh), "--sdc", "strict", "--out", str(previous), "--only-figures")
    assert res.returncode == 2, res.stdout + res.stderr
    assert "interne fout" not in res.stderr and "Traceback" not in res.stderr
    assert res.stderr.startswith(
        "fout: de strikte onthullingscontrole kan niet elke cel van deze editie beschermen:\n"
        "  - Figuur 16 [Seksuele uitbuiting | 2021]: te herleiden tot 221"
    )
    assert (
        "  - editie 2023 (publicatie): Figuur 15 [Ingeschreven mensenhandelzaken | 2021] = 261, "
        "Figuur 16 [Arbeidsuitbuiting | 2021] = 15"
    ) in res.stderr
    assert "--sdc publicatie" in res.stderr and "--niet-vastleggen" in res.stderr
    assert files(previous) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit", "wh.duckdb"]  # no unfinished folder
    with register.connect(wh) as con:
        assert register.entries(con) == recorded


@pytest.mark.slow
def test_a_warehouse_without_a_recorded_edition_says_it_has_no_editorial_folder(cli, tmp_path):
    """A delivery loaded with `jaarcijfers load` only: no recorded edition of the year, so no editorial
    folder; the build warns, names --redactie and builds the safe default (the strict policy)."""
    from sdc import deliveries as D

    wh = tmp_path / "wh.duckdb"
    data = D.write(tmp_path / "levering", 4, with_years=(D.YEAR - 1,))
    assert cli("load", str(data), "--warehouse", str(wh)).returncode == 0
    out = tmp_path / "uit"
    res = cli("build", "--warehouse", str(wh), "--out", str(out), "--only-figures", "--niet-vastleggen")
    assert res.returncode == 0, res.stdout + res.stderr
    assert (
        f"let op: geen redactiemap: zonder --data of --redactie gebruikt de bouw de redactiemap waarmee editie "
        f"{D.YEAR} is vastgelegd, maar er is geen editie {D.YEAR} vastgelegd; zonder instellingen geldt het "
        "strikte beleid voor onthullingscontrole (veilig als standaard). Geef de redactiemap met --redactie DIR"
    ) in res.stderr
    assert json.loads((out / "metadata.json").read_text())["onthullingscontrole"] == "strict"


def test_the_revisions_are_the_shared_cells_that_differ(cycle):
    base, wh, runs = cycle
    old, new = read_cells(base / "2023" / "figures.csv"), read_cells(base / "2024" / "figures.csv")
    years_blocks = {(f.id, b.part) for f in CATALOGUE for b in f.blocks if b.period == Period.YEARS}
    overlap = {"2020", "2021", "2022", "2023"}
    rows = {(k.figure, k.part, k.row) for k in new} | {(k.figure, k.part, k.row) for k in old}
    keys = [
        (fig, part, row, year)
        for fig, part, row in sorted(rows)
        for year in sorted(overlap)
        if (fig, part) in years_blocks
    ]
    expected = set()
    for fig, part, row, year in keys:
        k = CellKey(fig, part, row, year)
        if (k in old or k in new) and old.get(k, "") != new.get(k, ""):
            expected.add(k)
    with register.connect(wh) as con:
        found = compare(register.read(con, 1), register.read(con, 2))
    assert {(r.figure, r.part, r.row, r.column) for r in found.revisions} == {
        (k.figure, k.part, k.row, k.column) for k in expected
    }
    assert len(found.revisions) > 20  # the documented changes of the earlier delivery show
    assert f"{len(found.revisions)} van {found.compared} gedeelde cellen" in runs[2024]


def test_a_rebuild_needs_a_recorded_edition(cycle, cli):
    _, wh, _ = cycle
    res = cli("build", "--editie", "2019", "--warehouse", str(wh))
    assert res.returncode == 2 and "geen editie 2019 vastgelegd" in res.stderr
    res = cli("build", "--editie", "2023")
    assert res.returncode == 2 and "--warehouse" in res.stderr
    res = cli("build", "--niet-vastleggen")
    assert res.returncode == 2 and "--warehouse" in res.stderr


@pytest.mark.slow
def test_safe_by_default(demo_build):
    """The demo's 2024 edition declares the publication's policy (it reproduces the published report);
    its 2023 edition declares none and gets the strict policy."""
    declared = json.loads(
        (demo_build("--data", str(DEMO_DELIVERY), "--only-figures") / "metadata.json").read_text()
    )
    assert declared["onthullingscontrole"] == "publicatie"
    undeclared = demo_build("--data", str(DEMO_DELIVERY), "--year", "2023", "--only-figures")
    assert json.loads((undeclared / "metadata.json").read_text())["onthullingscontrole"] == "strict"
    values = set(read_cells(undeclared / "figures.csv").values())
    assert "x" in values and "<5" not in values


@pytest.mark.slow
def test_every_output_of_the_cycle_and_a_byte_identical_rebuild(tmp_path, cli):
    """The full outputs, in Dutch and English (`--lang nl,en`): the revisions in the open data, the
    workbook and the site, and a rebuild of the 2024 edition after a third delivery version was loaded:
    every file of both editions byte-identical."""
    wh = tmp_path / "wh.duckdb"
    for year, data in ((2023, DEMO_2023_DELIVERY), (2024, DEMO_DELIVERY)):
        args = ("--lang", "nl,en") if year == 2024 else ()
        res = cli(
            "build", "--data", str(data), "--warehouse", str(wh), "--out", str(tmp_path / str(year)), *args
        )
        assert res.returncode == 0, res.stdout + res.stderr
        assert "let op (editie in het en)" not in res.stderr  # the demo's editorial content is in English too
    out = tmp_path / "2024"
    with register.connect(wh) as con:
        revisions = compare(register.read(con, 1), register.read(con, 2)).revisions
    lines = (out / "open-data" / "herzieningen.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "figure,table_part,row,row_en,column,previous,new,difference,reason,reason_en"
    assert len(lines) == 1 + len(revisions)
    # the English edition's revisions: the rows and reasons in English, the Dutch beside them
    import csv

    with (out / "en" / "open-data" / "herzieningen.csv").open(encoding="utf-8", newline="") as f:
        english = list(csv.DictReader(f))
    with (out / "open-data" / "herzieningen.csv").open(encoding="utf-8", newline="") as f:
        dutch = list(csv.DictReader(f))
    assert len(english) == len(dutch) == len(revisions) > 0
    for e, d in zip(english, dutch, strict=True):
        assert (e["row"], e["reason"], e["row_nl"], e["reason_nl"]) == (
            d["row_en"],
            d["reason_en"],
            d["row"],
            d["reason"],
        )
        assert (e["figure"], e["table_part"], e["column"], e["previous"], e["new"]) == (
            d["figure"],
            d["table_part"],
            d["column"],
            d["previous"],
            d["new"],
        )
    assert any(e["reason"] != e["reason_nl"] for e in english if e["reason"])
    described = json.loads((out / "en" / "open-data" / "herzieningen.json").read_text(encoding="utf-8"))
    assert described["cells_revised"] == len(revisions) and "previous_edition" in described
    english_site = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert "This edition reproduces the published report" in english_site
    package = json.loads((out / "open-data" / "datapackage.json").read_text(encoding="utf-8"))
    assert "herzieningen" in [r["name"] for r in package["resources"]]
    site = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="herzieningen"' in site and "Herziene cijfers ten opzichte van de editie 2023" in site
    assert "reproduceert het gepubliceerde rapport" in site  # the reason of the demo's policy
    import openpyxl

    assert "Herzieningen" in openpyxl.load_workbook(out / "jaarcijfers-2024.xlsx").sheetnames
    # a third delivery version (CoMensha corrects one registration of 2023) is loaded; the recorded 2024
    # edition still rebuilds from the versions it read
    third = tmp_path / "derde"
    shutil.copytree(DEMO_DELIVERY, third)
    regs = third / "comensha_registraties.csv"
    text = regs.read_text(encoding="utf-8")
    regs.write_text(text.replace(",2023,nee,vrouw,", ",2023,nee,man,", 1), encoding="utf-8")
    res = cli("load", str(third), "--warehouse", str(wh))
    assert res.returncode == 0 and "lading 3" in res.stdout
    again = tmp_path / "opnieuw"
    res = cli("build", "--editie", "2024", "--warehouse", str(wh), "--out", str(again), "--lang", "nl,en")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "en/index.html" in files(again) and files(again) == files(out)


def test_a_warehouse_build_needs_every_source(cli, tmp_path):
    partial = tmp_path / "om"
    partial.mkdir()
    for name in ("om_zaken.csv", "om_feiten.csv", "om_dossiercodering.csv"):
        shutil.copy(DEMO_DELIVERY / name, partial / name)
    res = cli("build", "--data", str(partial), "--warehouse", str(tmp_path / "wh.duckdb"), "--only-figures")
    assert res.returncode == 2 and "nog geen levering van CoMensha" in res.stderr, res.stderr
