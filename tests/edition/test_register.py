"""The edition register in the warehouse (docs/editions.md): recording, reading, versions, earlier
editions as knowledge, importing a published edition, and the `editions` command."""

from __future__ import annotations

import json
import stat

import pytest

from jaarcijfers.edition import register
from jaarcijfers.edition.files import read_cells
from jaarcijfers.edition.record import RecordedEdition
from jaarcijfers.errors import UserError
from jaarcijfers.figures.model import CellKey
from jaarcijfers.paths import REFERENCE_2024

V = "Geregistreerde slachtoffers"


def edition(year: int, value: str, policy: str = "publicatie") -> RecordedEdition:
    return RecordedEdition(
        year=year,
        policy=policy,
        cells={CellKey("1", "", V, str(y)): value for y in range(year - 4, year + 1)},
        facts={f"slachtoffers_{year}": value},
        deliveries={"comensha": frozenset({("comensha_registraties", "abc")})},
        rules_version="2024.1",
    )


def test_a_recorded_edition_reads_back_whole_and_in_order(tmp_path):
    wh = tmp_path / "wh.duckdb"
    first = edition(2023, "846")
    with register.connect(wh, write=True) as con:
        outcome = register.record(
            con,
            first,
            loads={"comensha": 3},
            built_at="2025-01-01T00:00:00Z",
            versions={"software_version": "9", "contract_version": "1.2"},
            editorial={"redactie.toml": b'onthullingscontrole = "strict"\n'},
            reflection="# Reflectie",
            files={"figures.csv": "h1"},
        )
    assert outcome == register.Recorded(1, 1, new=True)
    assert stat.S_IMODE(wh.stat().st_mode) == 0o600
    with register.connect(wh) as con:
        back = register.read(con, 1)
        (entry,) = register.entries(con)
        inputs = register.build_inputs(con, 2023)
    assert list(back.cells.items()) == list(first.cells.items())
    assert (
        back.facts == first.facts and back.deliveries == first.deliveries and back.rules_version == "2024.1"
    )
    assert (entry.year, entry.policy, entry.version, entry.loads, entry.software_version) == (
        2023,
        "publicatie",
        1,
        {"comensha": 3},
        "9",
    )
    assert inputs.editorial == {"redactie.toml": b'onthullingscontrole = "strict"\n'}
    assert (inputs.reflection, inputs.files, inputs.loads) == (
        "# Reflectie",
        {"figures.csv": "h1"},
        {"comensha": 3},
    )


def test_the_same_edition_is_recorded_once_and_a_changed_one_as_a_new_version(tmp_path):
    wh = tmp_path / "wh.duckdb"
    with register.connect(wh, write=True) as con:
        assert register.record(con, edition(2023, "846"), loads={"comensha": 1}).new
        assert not register.record(con, edition(2023, "846"), loads={"comensha": 1}).new
        again = register.record(con, edition(2023, "868"), loads={"comensha": 2})
        assert (again.new, again.version) == (True, 2)
        assert register.record(con, edition(2023, "868", "strict"), loads={"comensha": 2}).version == 1
        assert register.latest(con, 2023, "publicatie").cells[CellKey("1", "", V, "2023")] == "868"
        # the year before, same policy first
        assert register.previous_edition(con, 2024, "strict").policy == "strict"
        assert register.previous_edition(con, 2024, "publicatie").version == 2
        assert register.previous_edition(con, 2023, "strict") is None


def test_earlier_editions_are_what_an_outsider_knows(tmp_path):
    wh = tmp_path / "wh.duckdb"
    with register.connect(wh, write=True) as con:
        for year, value in ((2021, "791"), (2022, "814"), (2023, "868"), (2024, "944")):
            register.record(con, edition(year, value))
        register.record(con, edition(2022, "815", "strict"))
        prior = register.prior_editions(con, 2024)
        assert [(p.year, p.policy) for p in prior] == [
            (2021, "publicatie"),
            (2022, "publicatie"),
            (2022, "strict"),
            (2023, "publicatie"),
        ]
        assert all(len(p.cells) == 5 and len(p.facts) == 1 for p in prior)
        assert [p.year for p in register.prior_editions(con, 2024, ids=[3])] == [2023]


def test_a_build_from_the_warehouse_alone_reads_the_latest_recorded_editorial_folder(tmp_path, capsys):
    """`build --warehouse` without --data or --redactie: the editorial files and reflection of the latest
    edition of the year built by jaarcijfers (any policy), else none; the build says which."""
    from jaarcijfers.cycle import print_editorial_source

    wh = tmp_path / "wh.duckdb"
    publicatie = {"redactie.toml": b'onthullingscontrole = "publicatie"\n'}
    with register.connect(wh, write=True) as con:
        assert register.recorded_editorial(con, 2024) is None  # no register yet
        register.record(con, edition(2024, "868"), loads={"comensha": 1}, editorial={"redactie.toml": b""})
        register.record(
            con, edition(2024, "870"), loads={"comensha": 2}, editorial=publicatie, reflection="# R"
        )
        register.record(con, edition(2023, "846", "strict"), loads={"comensha": 1})
        register.import_folder(con, REFERENCE_2024, policy="publicatie")  # imported: no editorial folder
    with register.connect(wh) as con:
        latest = register.recorded_editorial(con, 2024)
        earlier = register.recorded_editorial(con, 2023)
        assert register.recorded_editorial(con, 2022) is None
    assert latest is not None and earlier is not None
    assert (latest.entry.version, latest.editorial, latest.reflection) == (2, publicatie, "# R")
    assert (earlier.entry.policy, earlier.editorial, earlier.reflection) == ("strict", {}, None)

    print_editorial_source(2024, latest, None)
    print_editorial_source(2023, earlier, None)
    print_editorial_source(2022, None, "publicatie")
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "Redactie: de redactiemap waarmee editie 2024 is vastgelegd (publicatie, versie 2): redactie.toml; "
        "een andere redactiemap geeft u met --redactie DIR.",
        "Redactie: editie 2023 is vastgelegd zonder redactiemap (strict, versie 1), deze bouw ook; zonder "
        "instellingen geldt het strikte beleid voor onthullingscontrole (veilig als standaard).",
    ]
    assert err == (
        "let op: geen redactiemap: zonder --data of --redactie gebruikt de bouw de redactiemap waarmee editie "
        "2022 is vastgelegd, maar er is geen editie 2022 vastgelegd; het beleid voor onthullingscontrole is "
        "publicatie (--sdc). Geef de redactiemap met --redactie DIR (of de levering met --data DIR; "
        "docs/editorial.md).\n"
    )


def test_a_warehouse_without_a_register_has_no_editions(tmp_path):
    wh = tmp_path / "wh.duckdb"
    with register.connect(wh, write=True):
        pass
    with register.connect(wh) as con:
        assert register.entries(con) == [] and register.prior_editions(con, 2024) == ()
    with pytest.raises(UserError, match="bestaat niet"):
        with register.connect(tmp_path / "missing.duckdb"):
            pass


def test_the_reference_edition_is_imported_from_its_published_files(tmp_path):
    wh = tmp_path / "wh.duckdb"
    with register.connect(wh, write=True) as con:
        with pytest.raises(UserError, match="--sdc"):
            register.import_folder(con, REFERENCE_2024)
        recorded, outcome = register.import_folder(con, REFERENCE_2024, policy="publicatie")
        assert outcome.new and recorded.year == 2024 and recorded.imported
        assert recorded.cells == read_cells(REFERENCE_2024 / "figures.csv")
        assert recorded.deliveries is None  # published before the system: its deliveries are unknown
        assert not register.import_folder(con, REFERENCE_2024, policy="publicatie")[1].new
        with pytest.raises(UserError, match="alleen ingelezen"):
            register.build_inputs(con, 2024)
        back = register.read(con, outcome.edition_id)
    assert back.imported and back.deliveries is None and back.cells == recorded.cells


def test_an_imported_folder_with_metadata_keeps_its_policy_and_year(tmp_path):
    folder = tmp_path / "editie"
    folder.mkdir()
    (folder / "figures.csv").write_text(
        "figure,table_part,row,column,value\n1,,Geregistreerde slachtoffers,2023,846\n"
    )
    (folder / "metadata.json").write_text(
        json.dumps({"verslagjaar": 2023, "onthullingscontrole": "strict", "rules_version": "2024.1"})
    )
    with register.connect(tmp_path / "wh.duckdb", write=True) as con:
        with pytest.raises(UserError, match="zegt verslagjaar 2023"):
            register.import_folder(con, folder, year=2024)
        with pytest.raises(UserError, match="zegt onthullingscontrole strict"):
            register.import_folder(con, folder, policy="publicatie")
        recorded, _ = register.import_folder(con, folder)
    assert (recorded.year, recorded.policy, recorded.rules_version, recorded.facts) == (
        2023,
        "strict",
        "2024.1",
        {},
    )


def test_the_editions_command_lists_and_imports(cli, tmp_path):
    wh = str(tmp_path / "wh.duckdb")
    res = cli("editions", "import", str(REFERENCE_2024), "--sdc", "publicatie", "--warehouse", wh)
    assert res.returncode == 0, res.stderr
    assert "ingelezen" in res.stdout and "versie 1" in res.stdout
    listed = cli("editions", "--warehouse", wh)
    assert listed.returncode == 0 and "editie 1: 2024, publicatie, versie 1" in listed.stdout
    data = json.loads(cli("editions", "--warehouse", wh, "--json").stdout)
    assert data[0]["verslagjaar"] == 2024 and data[0]["ingelezen"] is True and data[0]["cellen"] == 731
    missing = cli("editions", "--warehouse", str(tmp_path / "nope.duckdb"))
    assert missing.returncode == 2 and "bestaat niet" in missing.stderr and "Traceback" not in missing.stderr
