"""Disclosure control across editions (issue 12): the earlier editions an outsider knows are in the
attacker's model; the strict policy protects against them, the audit audits editions together."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from jaarcijfers.build import compute_edition
from jaarcijfers.edition.files import read_cells, read_prior, write_files
from jaarcijfers.figures.model import CellKey
from jaarcijfers.paths import DEMO_DELIVERY
from jaarcijfers.sdc.audit import audit_cells
from jaarcijfers.sdc.editions import (
    EditionCells,
    builder_links,
    joint,
    linkable,
    revised_record,
)
from jaarcijfers.sdc.identities import NEGATION
from jaarcijfers.sdc.prior import PriorEdition
from jaarcijfers.sdc.structure import IdentityKind, Structure, fact_key, of_edition

from . import deliveries as D

DAGVAARDING_ONBEKEND = CellKey("17", "vorm", "Dagvaarding voor mensenhandel", "Onbekend")
DAGVAARDING_2022 = CellKey("17", "jaar", "Dagvaarding voor mensenhandel", "2022")


def audit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", "audit", *args, "--json"], capture_output=True, text=True
    )


def leaks(res: subprocess.CompletedProcess[str]) -> dict[CellKey, tuple[int, int]]:
    out = json.loads(res.stdout)
    return {CellKey(x["figuur"], x["deel"], x["rij"], x["kolom"]): tuple(x["ip"]) for x in out["lekken"]}


def metadata(folder: Path) -> dict:
    return json.loads((folder / "metadata.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def strict_2023(demo_build) -> Path:
    return demo_build("--data", str(DEMO_DELIVERY), "--sdc", "strict", "--year", "2023", "--only-figures")


@pytest.fixture(scope="module")
def default_2023(demo_build) -> Path:
    """The publication's own policy for 2023 (the demo declares a policy for 2024 only: 2023 is strict by
    default, docs/editions.md)."""
    return demo_build("--data", str(DEMO_DELIVERY), "--sdc", "publicatie", "--year", "2023", "--only-figures")


# ------------------------------------------------------------------------------ the demo's editions
@pytest.mark.slow
def test_strict_2024_made_without_2023_leaks_through_it(demo_build, strict_2023):
    """Issue 12: the 2023 edition shows Figuur 17 Dagvaarding 2022 = 98, and with it 108 + 111 + 98 + 104 +
    120 = 437 + 46 + 57 + y gives the 2024 edition's withheld cell y = 1 exactly."""
    alone = demo_build("--data", str(DEMO_DELIVERY), "--sdc", "strict", "--only-figures")
    assert audit(str(alone)).returncode == 0  # on its own it passes
    res = audit(str(alone), "--met", str(strict_2023))
    assert res.returncode == 1
    found = leaks(res)
    assert found[DAGVAARDING_ONBEKEND] == (1, 1)
    # the withheld 2022 summonses are 98, as 2023 showed: known before, not this edition's leak (but the
    # five-year cell it protected is)
    before = json.loads(res.stdout)["al_eerder_te_herleiden"]
    assert {(x["rij"], x["kolom"], tuple(x["ip"])) for x in before if x["figuur"] == "17"} >= {
        ("Dagvaarding voor mensenhandel", "2022", (98, 98))
    }


@pytest.mark.slow
def test_strict_2023_and_2024_pass_together(demo_build, strict_2023):
    out = demo_build(
        "--data", str(DEMO_DELIVERY), "--sdc", "strict", "--only-figures", "--met-eerdere", str(strict_2023)
    )
    res = audit(str(out), "--met", str(strict_2023))
    assert res.returncode == 0, leaks(res)
    verdict = metadata(out)["onthullingscontrole_audit"]
    assert verdict["geslaagd"] is True and verdict["eerdere_edities"] == [2023] and verdict["lekken"] == []
    # suppression prefers what was withheld before: the 2022 summonses stay withheld or are shown as 2023 did
    assert read_cells(out / "figures.csv")[DAGVAARDING_2022] in (
        "x",
        read_cells(strict_2023 / "figures.csv")[DAGVAARDING_2022],
    )
    assert read_cells(out / "figures.csv")[DAGVAARDING_ONBEKEND] == "x"


@pytest.mark.slow
def test_default_2023_and_strict_2024_pass_together(demo_build, default_2023):
    """The first strict year after a default edition: the default edition's own leaks are not the strict
    edition's (the audit lists them as known before), and the strict edition adds none. (It withholds two
    zeros to do so, and says so: an x may then be 0.)"""
    out = demo_build(
        "--data", str(DEMO_DELIVERY), "--sdc", "strict", "--only-figures", "--met-eerdere", str(default_2023)
    )
    res = audit(str(out), "--met", str(default_2023))
    assert res.returncode == 0, leaks(res)
    result = json.loads(res.stdout)
    assert result["al_eerder_te_herleiden"]  # what 2023 gave away is reported, not counted
    assert metadata(out)["onthullingscontrole_audit"]["geslaagd"] is True


@pytest.mark.slow
def test_cli_rejects_an_earlier_edition_that_is_not_earlier(demo_build, strict_2023, tmp_path):
    res = audit(str(strict_2023), "--met", str(strict_2023))
    assert res.returncode == 2 and "niet eerder" in res.stderr
    build = subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", "build", "--year", "2023", "--only-figures"]
        + ["--out", str(tmp_path / "uit"), "--met-eerdere", str(strict_2023)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 2 and "niet eerder" in build.stderr and not (tmp_path / "uit").exists()
    missing = audit(str(strict_2023), "--met", str(tmp_path / "bestaat-niet"))
    assert missing.returncode == 2 and "geen map" in missing.stderr


# ------------------------------------------------------------------------------ the linking rule
K = CellKey("17", "jaar", "Dagvaarding voor mensenhandel", "2022")


def prior(cells: dict[CellKey, str], year: int = 2023, **kw) -> PriorEdition:
    return PriorEdition(year, cells, **kw)


def test_linkable_cells_are_year_columns_and_facts_that_name_a_year():
    assert linkable(K)
    assert not linkable(DAGVAARDING_ONBEKEND)  # five years: another sum in every edition
    assert not linkable(CellKey("6", "vorm", "Minderjarig", "Criminele uitbuiting"))  # the reporting year
    assert linkable(fact_key("minderjarig_crim_2023"))
    assert not linkable(fact_key("berecht_adolescent_pct"))


def test_builder_links_a_cell_only_when_its_true_value_is_consistent():
    p = [prior({K: "98", CellKey("17", "jaar", "Overig", "2022"): "<5"})]
    truth = {K: 98, CellKey("17", "jaar", "Overig", "2022"): 7}
    links = builder_links(truth, p, 2024)
    assert links[(2023, K)] is True
    assert links[(2023, CellKey("17", "jaar", "Overig", "2022"))] is False  # revised: 7 is not '<5'


def test_auditor_links_same_keys_unless_the_values_contradict():
    a = EditionCells(2024, {K: "x"}, current=True)
    j = joint([a, EditionCells(2023, {K: "98"})])
    assert [i.kind for i in j.links] == [IdentityKind.LINK] and j.earlier_of[K] == of_edition(K, 2023)
    j = joint([EditionCells(2024, {K: "97"}, current=True), EditionCells(2023, {K: "98"})])
    assert not j.links and "tegen" in j.unlinked[0]  # 97 against 98: revised, another unknown


def test_revised_withheld_cell_is_recorded_and_read_back():
    """A cell '<5' in 2023 revised to 7 and withheld in 2024: the published values alone would tie them (x
    is 1..inf); the edition records it as revised, so the audit does not, and knows it is at least 5."""
    overig = CellKey("17", "jaar", "Overig", "2022")
    p = [prior({overig: "<5"})]
    links = builder_links({overig: 7}, p, 2024)
    record = revised_record({overig: "x"}, links, p)
    assert record == {2023: [overig]}
    j = joint(
        [EditionCells(2024, {overig: "x"}, unlinked={}, current=True), EditionCells(2023, {overig: "<5"})]
    )
    assert j.links  # without the record: tied
    j = joint(
        [
            EditionCells(2024, {overig: "x"}, unlinked={2023: frozenset({overig})}, current=True),
            EditionCells(2023, {overig: "<5"}),
        ]
    )
    assert not j.links and j.domains[overig] == (5, float("inf"))


@pytest.mark.slow
def test_an_earlier_editions_record_of_data_dependent_identities_is_used(tmp_path):
    """Identities that depend on the data are checked against the data before the audit relies on them, in
    every edition: an earlier edition's metadata.json record turns the ones it found false into their
    negation in the joint model."""
    folder = D.write(tmp_path / "levering", 1, single_form=True)
    edition, _ = compute_edition(folder, D.YEAR - 1, "publicatie")
    out = tmp_path / "2023"
    out.mkdir()
    write_files(edition, out)
    earlier = read_prior(out)
    assert earlier.failed  # this delivery breaks some
    current, _ = compute_edition(folder, D.YEAR, "publicatie")
    from jaarcijfers.edition.audit import published_cells

    j = joint([EditionCells(D.YEAR, published_cells(current), current=True), EditionCells.of(earlier)])
    negated = [i.name for i in j.identities if NEGATION in i.name and i.name.startswith("editie 2023")]
    assert len(negated) == len(earlier.failed)


def test_audit_without_earlier_editions_is_unchanged():
    s = Structure()
    a, b = CellKey("A", "", "r", "2024"), CellKey("A", "", "Totaal", "2024")
    s.add("som", [a], "==", [b])
    assert audit_cells({a: "<5", b: "3"}, structure=s).interval(a) == (3, 3)


# ------------------------------------------------------------------------------ property: two years
PAIR_SEEDS = [4]
SLOW_PAIR_SEEDS = [0, 1, 2, 3, 5]


def _pair(seed: int, tmp_path: Path) -> None:
    folder = D.write(tmp_path / "levering", seed, with_years=(D.YEAR - 1,))
    first, _ = compute_edition(folder, D.YEAR - 1, "strict")
    out = tmp_path / "vorige"
    out.mkdir()
    write_files(first, out)
    second, result = compute_edition(folder, D.YEAR, "strict", earlier=[out])
    assert result.ok, [(c.key, c.ip) for c in result.leaks]
    assert result.earlier == (D.YEAR - 1,)
    # the same verdict from the files alone (the record of revised cells makes the links the build's)
    now = tmp_path / "nu"
    now.mkdir()
    write_files(second, now)
    from jaarcijfers.edition.audit import run_audit

    assert run_audit(now, json_out=True, earlier=[out]) == 0


@pytest.mark.slow
@pytest.mark.parametrize("seed", PAIR_SEEDS)
def test_two_consecutive_strict_editions_pin_no_cell(seed, tmp_path, capsys):
    """Random deliveries with two consecutive years: both strict editions, the second made with the first as
    knowledge; no cell of either is pinned by the pair."""
    _pair(seed, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("seed", SLOW_PAIR_SEEDS)
def test_two_consecutive_strict_editions_pin_no_cell_more_seeds(seed, tmp_path, capsys):
    _pair(seed, tmp_path)


@pytest.mark.slow
def test_a_revised_delivery_the_build_and_the_files_agree(tmp_path):
    """The 2023 edition was made from an earlier delivery version; the 2024 edition from a revised one (some
    2022 and 2023 registrations withdrawn, others added). The build links only the cells whose earlier
    published value is consistent with the new true value, records the withheld ones it did not link, and the
    audit from the files alone then agrees with the build: both editions together pass."""
    rnd = random.Random(4)
    before = D.tables(4, with_years=(D.YEAR - 1,))
    first, _ = compute_edition(D.write_tables(tmp_path / "v1", before), D.YEAR - 1, "strict")
    out = tmp_path / "2023"
    out.mkdir()
    write_files(first, out)
    revised = D.tables(4, with_years=(D.YEAR - 1,))
    regs = revised["comensha_registraties"]
    for r in regs:
        if r["jaar"] in (str(D.YEAR - 2), str(D.YEAR - 1)) and rnd.random() < 0.3:
            r["jaar"] = str(D.YEAR)  # re-dated: revises two years
    second, result = compute_edition(
        D.write_tables(tmp_path / "v2", revised), D.YEAR, "strict", earlier=[out]
    )
    assert result.ok, [(c.key, c.ip) for c in result.leaks]
    now = tmp_path / "2024"
    now.mkdir()
    write_files(second, now)
    from jaarcijfers.edition.audit import run_audit

    assert run_audit(now, json_out=True, earlier=[out]) == 0
    # the revisions are real: some cell shown by both editions changed
    old, new = read_cells(out / "figures.csv"), read_cells(now / "figures.csv")
    assert any(old[k] != new[k] and old[k].isdigit() and new[k].isdigit() for k in old.keys() & new.keys())
