"""The edition layer: disclosure control of the prose (from the policy record) and the published files."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from jaarcijfers.edition.files import (
    facts_csv,
    figures_csv,
    provenance_metadata,
    read_cells,
    read_edition,
    read_fact_values,
    read_facts,
    read_provenance,
    write_files,
)
from jaarcijfers.edition.model import DeliveredFile, Provenance
from jaarcijfers.edition.publish import protect_facts
from jaarcijfers.errors import UserError
from jaarcijfers.facts import values as v
from jaarcijfers.facts.compute import ComputedFact
from jaarcijfers.facts.values import FactUnit
from jaarcijfers.figures.model import CellKey, CellKind
from jaarcijfers.figures.spec import Chart
from jaarcijfers.paths import REFERENCE_2024
from jaarcijfers.sdc.policy import get_policy

SMALL_CELL = CellKey("2", "", "Gedwongen orgaanverwijdering", "2024")
WITHHELD_CELL = CellKey("8", "jaar", "Man", "2024")
PLAIN_CELL = CellKey("1", "", "Geregistreerde slachtoffers", "2024")


def fact(fid: str, value: v.FactValue, cells=(), series: bool = False) -> ComputedFact:
    return ComputedFact(fid, value, "Slachtoffers", fid, series=series, cells=frozenset(cells))


FACTS = (
    fact("klein", v.count(3)),
    fact("groot", v.count(944), [PLAIN_CELL]),
    fact("verschil_van_verborgen", v.difference(10, 7), [WITHHELD_CELL]),
    fact("aandeel_van_verborgen", v.percent(7, 10), [WITHHELD_CELL]),
    fact("reeks_klein_pct", v.change(3, 5), [SMALL_CELL], series=True),
    fact("reeks_groot_pct", v.change(944, 868), [PLAIN_CELL], series=True),
)


@pytest.mark.parametrize("name", ["publicatie", "strict"])
def test_facts_follow_the_policy_record(name):
    policy = get_policy(name)
    out = {f.id: f.value for f in protect_facts(FACTS, policy, [WITHHELD_CELL], [SMALL_CELL])}
    x = policy.withheld.text
    assert "reeks_klein_pct" not in out  # the change of a series with a small count is left out
    assert out["reeks_groot_pct"] == "+9%"
    assert out["klein"] == x and out["groot"] == "944"
    # computed from a withheld cell, not small itself: the symbol of a concealed value ('x'), not '<5'
    assert out["verschil_van_verborgen"] == policy.concealed.text == "x"
    # a share of a withheld cell: shown by the publication policy (as the report does), withheld by strict
    assert out["aandeel_van_verborgen"] == (x if policy.withholds_derived else "70%")


def test_units_are_typed():
    (f,) = protect_facts([fact("a", v.percent(1, 3))], get_policy("publicatie"))
    assert f.unit is FactUnit.PERCENT and f.value == "33%"
    assert v.percent(1, 3) == v.FactValue(v.FactKind.PERCENT, Fraction(1, 3), FactUnit.PERCENT)


def test_read_back_and_write_again_gives_the_same_files(tmp_path):
    edition = read_edition(REFERENCE_2024)
    (tmp_path / "figures.csv").write_text(figures_csv(edition), encoding="utf-8")
    (tmp_path / "facts.csv").write_text(facts_csv(edition), encoding="utf-8")
    assert read_cells(tmp_path / "figures.csv") == read_cells(REFERENCE_2024 / "figures.csv")
    assert read_fact_values(tmp_path / "facts.csv") == read_fact_values(REFERENCE_2024 / "facts.csv")
    again = read_edition(tmp_path)
    assert again.figures == edition.figures and again.year == edition.year == 2024
    assert all(isinstance(f.chart, Chart) for f in again.figures)  # the catalogue's chart kind


def test_reference_facts_keep_their_columns():
    rows = {f.id: f for f in read_facts(REFERENCE_2024 / "facts.csv")}
    assert rows["slachtoffers_2024"].unit is FactUnit.COUNT and rows["slachtoffers_2024"].derivable
    assert any(not f.derivable for f in rows.values())
    assert set(read_fact_values(REFERENCE_2024 / "facts.csv", derivable_only=True)) < set(rows)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("figures.csv", "figure,row,column,value\n1,a,2024,5\n", "kolom(men) ontbreken: table_part"),
        ("figures.csv", "figure,table_part,row,column,value\n1,,a,2024,5\n1,,a,2024,6\n", "rij 3"),
        ("facts.csv", "id,value,unit\na,5,stuks\n", "onbekende eenheid 'stuks'"),
        ("figures.csv", None, "bestand bestaat niet"),
    ],
)
def test_bad_files_are_clear_user_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        if name == "figures.csv":
            read_cells(path)
        else:
            read_facts(path)


def test_an_edition_reads_back_with_the_cell_kinds_it_was_published_with(tmp_path):
    """`read_edition` takes every cell's kind from the catalogue (`figures.kinds`): the kinds the engine
    gave the cells, also where the text cannot tell (a withheld share or mean under the strict policy)."""
    from jaarcijfers.edition.publish import publish
    from jaarcijfers.figures.engine import compute_all
    from jaarcijfers.warehouse.load import open_delivery
    from jaarcijfers.warehouse.years import delivery_years
    from sdc import deliveries as D

    con = open_delivery(D.write_tables(tmp_path / "levering", D.plant_tried_suspects(D.tables(13), 1)))
    year, figures = compute_all(con, D.YEAR, delivery_years(con))
    con.close()
    edition = publish(year, figures, [], "strict", Provenance())
    (tmp_path / "editie").mkdir()
    write_files(edition, tmp_path / "editie")

    def kinds(ed):
        return {
            (f.id, b.part, c.row, c.column): (c.display, c.kind)
            for f in ed.figures
            for b in f.blocks
            for c in b.cells
        }

    built = kinds(edition)
    assert kinds(read_edition(tmp_path / "editie", "strict")) == built
    withheld = {kind for display, kind in built.values() if display == "x"}
    assert {CellKind.COUNT, CellKind.PERCENT, CellKind.MEAN} <= withheld
    assert CellKind.ROUNDED in {kind for _, kind in built.values()}


PROVENANCE = Provenance(
    software="jaarcijfers",
    software_version="0.1.0",
    rules_version="2024.1",
    contract_version="1.2",
    deliveries=(
        DeliveredFile(
            "comensha", "comensha_registraties", "ab" * 32, 7387, "2025-03-01", "CoMensha", "Registraties"
        ),
        DeliveredFile("ind", "ind_tabel", "cd" * 32, 40),
    ),
)


def test_provenance_is_written_and_read_back_as_metadata_json_has_it():
    written = provenance_metadata(PROVENANCE)
    assert written["deliveries"][1] == {
        "bron": "ind",
        "bestand": "ind_tabel",
        "sha256": "cd" * 32,
        "rijen": 40,
        "peildatum": None,
        "levering_bron": None,
        "omschrijving": None,
    }
    assert "bron" not in written  # a field that is None is not written
    assert read_provenance(json.loads(json.dumps(written)), "metadata.json") == PROVENANCE
    assert read_provenance({}, "metadata.json") == Provenance()  # an edition published without it


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"rules_version": 2024}, "rules_version moet een tekst zijn"),
        ({"deliveries": {"bron": "ind"}}, "deliveries moet een lijst"),
        (
            {"deliveries": [{"bron": "ind", "bestand": "ind_tabel", "sha256": "cd", "rijen": "40"}]},
            "geen geleverd bestand",
        ),
    ],
)
def test_provenance_of_another_type_is_a_clear_error(meta, message):
    with pytest.raises(UserError, match=message) as info:
        read_provenance(meta, "oud/metadata.json")
    assert info.value.message.startswith("oud/metadata.json: ")
