"""The committed demo delivery reproduces the published Jaarcijfers Mensenhandel 2024.

Expected differences, each documented (reference NOTES.md "Inconsistencies" and docs/decisions.md):
- Figuur 19, form block, row "Overig/onbekend": three cells the publication cannot have consistently
  (its columns contradict figures 18, 22, 23 and 24); consistent microdata give 12, 7, 10.
- facts: `vrouwen_pct_2024` (556/493 = +12.8% prints +13%), `veroordeeld_arbeid_pct` and
  `veroordeeld_crim_pct` (the report used the inconsistent Figuur 19 columns), and two small counts the
  report's prose printed although rule 11 protects them (`geslacht_onbekend_2024`, `berecht_arbeid_2023`).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from jaarcijfers.edition.files import read_cells, read_fact_values
from jaarcijfers.figures.model import CellKey
from jaarcijfers.paths import DEMO_DELIVERY, REFERENCE_2024
from jaarcijfers.reconcile import reconcile, reconcile_facts

INCONSISTENT_CELLS = {
    CellKey("19", "vorm", "Overig/onbekend", "Seksuele uitbuiting onbekend"),
    CellKey("19", "vorm", "Overig/onbekend", "Arbeidsuitbuiting"),
    CellKey("19", "vorm", "Overig/onbekend", "Criminele/overige uitbuiting"),
}
DIFFERENT_FACTS = {
    "vrouwen_pct_2024",
    "veroordeeld_arbeid_pct",
    "veroordeeld_crim_pct",
    "geslacht_onbekend_2024",
    "berecht_arbeid_2023",
}


def build(data, out):
    cmd = [
        sys.executable,
        "-m",
        "jaarcijfers.cli",
        "build",
        "--data",
        str(data),
        "--out",
        str(out),
        "--only-figures",
        # a synthesised delivery carries no editorial settings: name the publication's policy
        "--sdc",
        "publicatie",
    ]
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return out


def check_against_reference(out):
    cells = reconcile(read_cells(out / "figures.csv"), read_cells(REFERENCE_2024 / "figures.csv"))
    assert (cells.cells, cells.equal) == (731, 728)
    assert {d.key for d in cells.differences} == INCONSISTENT_CELLS
    facts = reconcile_facts(
        read_fact_values(out / "facts.csv"),
        read_fact_values(REFERENCE_2024 / "facts.csv", derivable_only=True),
    )
    assert facts.cells == 180
    assert {d.key.row for d in facts.differences} == DIFFERENT_FACTS
    assert facts.equal == 180 - len(DIFFERENT_FACTS)


@pytest.fixture(scope="module")
def demo_out(demo_build):
    return demo_build("--data", str(DEMO_DELIVERY), "--only-figures")


def test_demo_reproduces_the_reference(demo_out):
    check_against_reference(demo_out)


def test_the_reconcile_command_reports_728_of_731(demo_out):
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "jaarcijfers.cli",
            "reconcile",
            str(demo_out / "figures.csv"),
            "--reference",
            str(REFERENCE_2024 / "figures.csv"),
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 1
    lines = res.stdout.strip().splitlines()
    assert lines[-1] == "731 cells, 728 equal"
    assert len(lines) == 4 and all("Figuur 19 [vorm] 'Overig/onbekend'" in line for line in lines[:3])


@pytest.mark.slow
def test_another_seed_reconciles_the_same_way(tmp_path):
    """The fit is the solver's, not the committed file's."""
    delivery = tmp_path / "seed7"
    res = subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", "synth", "--out", str(delivery), "--seed", "7"],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    check_against_reference(build(delivery, tmp_path / "out"))


@pytest.mark.slow
def test_synth_is_deterministic_and_matches_the_committed_demo(tmp_path):
    """The same seed gives byte-identical files; the committed demo's delivery files are the default seed's
    output. The editorial folder `redactie/` beside them is written by people, not by the synthesiser
    (docs/editions.md: the 2024 edition declares the publication's policy), and is the only other entry."""
    out = tmp_path / "again"
    res = subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", "synth", "--out", str(out)], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert sorted(p.name for p in DEMO_DELIVERY.iterdir() if not p.is_file()) == ["redactie"]
    committed = sorted(p.name for p in DEMO_DELIVERY.iterdir() if p.is_file())
    assert sorted(p.name for p in out.iterdir()) == committed
    for name in committed:
        assert (out / name).read_bytes() == (DEMO_DELIVERY / name).read_bytes(), name
