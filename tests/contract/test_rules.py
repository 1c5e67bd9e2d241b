"""One invalid case (at least) for every rule of the contract: the exact code, file, row and column.

Rows count as in a spreadsheet: header = 1, the first data row = 2.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.contract.problems import PROBLEM_TYPES
from jaarcijfers.contract.validate import validate_delivery


def cell(file: str, index: int, column: str, value: str) -> Callable[[dict], None]:
    def mutate(tables: dict) -> None:
        tables[file][index][column] = value

    return mutate


def cells(file: str, index: int, **values: str) -> Callable[[dict], None]:
    def mutate(tables: dict) -> None:
        tables[file][index].update(values)

    return mutate


def append(file: str, **values: str) -> Callable[[dict], None]:
    def mutate(tables: dict) -> None:
        row = {c: "" for c in tables[file][0]}
        row.update(values)
        tables[file].append(row)

    return mutate


def copy_row(file: str, index: int, **changes: str) -> Callable[[dict], None]:
    def mutate(tables: dict) -> None:
        row = dict(tables[file][index])
        row.update(changes)
        tables[file].append(row)

    return mutate


def drop_column(file: str, column: str) -> Callable[[dict], None]:
    def mutate(tables: dict) -> None:
        for row in tables[file]:
            del row[column]

    return mutate


def add_column(file: str, column: str) -> Callable[[dict], None]:
    def mutate(tables: dict) -> None:
        for row in tables[file]:
            row[column] = "x"

    return mutate


# (id, mutation of the text tables, (code, file, row, column))
TABLE_CASES = [
    # empty required values
    (
        "empty-id",
        cell("comensha_registraties", 0, "registratie_id", ""),
        ("E201", "comensha_registraties", 2, "registratie_id"),
    ),
    (
        "empty-year",
        cell("comensha_registraties", 1, "jaar", "  "),
        ("E201", "comensha_registraties", 3, "jaar"),
    ),
    ("empty-bool", cell("om_feiten", 2, "tenlastegelegd", ""), ("E201", "om_feiten", 4, "tenlastegelegd")),
    ("empty-code", cell("comensha_melders", 0, "melder", ""), ("E201", "comensha_melders", 2, "melder")),
    ("empty-aantal", cell("ind_tabel", 0, "aantal", ""), ("E201", "ind_tabel", 2, "aantal")),
    ("empty-wetsartikel", cell("om_feiten", 0, "wetsartikel", ""), ("E201", "om_feiten", 2, "wetsartikel")),
    ("empty-feit-nr", cell("om_feiten", 0, "feit_nr", ""), ("E201", "om_feiten", 2, "feit_nr")),
    (
        "empty-vorm-uitbuiting",
        cell("comensha_uitbuiting", 4, "vorm", ""),
        ("E201", "comensha_uitbuiting", 6, "vorm"),
    ),
    # years
    ("year-2-digits", cell("ind_tabel", 0, "jaar", "24"), ("E202", "ind_tabel", 2, "jaar")),
    (
        "year-decimal",
        cell("om_zaken", 1, "inschrijfjaar", "2023.0"),
        ("E202", "om_zaken", 3, "inschrijfjaar"),
    ),
    (
        "year-text",
        cell("emm_onderzoeken", 0, "startjaar", "twintig"),
        ("E202", "emm_onderzoeken", 2, "startjaar"),
    ),
    ("vonnisjaar", cell("om_zaken", 0, "vonnisjaar", "20245"), ("E202", "om_zaken", 2, "vonnisjaar")),
    ("afdoeningsjaar", cell("om_zaken", 0, "afdoeningsjaar", "x"), ("E202", "om_zaken", 2, "afdoeningsjaar")),
    (
        "rechtspraak-jaar",
        cell("rechtspraak_tabel", 1, "jaar", "'24"),
        ("E202", "rechtspraak_tabel", 3, "jaar"),
    ),
    # ages
    (
        "age-121",
        cell("comensha_registraties", 0, "leeftijd", "121"),
        ("E203", "comensha_registraties", 2, "leeftijd"),
    ),
    ("age-negative", cell("emm_verdachten", 0, "leeftijd", "-1"), ("E203", "emm_verdachten", 2, "leeftijd")),
    (
        "age-fraction",
        cell("om_zaken", 0, "leeftijd_pleegdatum", "30.5"),
        ("E203", "om_zaken", 2, "leeftijd_pleegdatum"),
    ),
    (
        "age-leading-zero",
        cell("comensha_registraties", 2, "leeftijd", "07"),
        ("E203", "comensha_registraties", 4, "leeftijd"),
    ),
    # booleans
    (
        "bool-capital",
        cell("comensha_registraties", 0, "anoniem", "Ja"),
        ("E204", "comensha_registraties", 2, "anoniem"),
    ),
    (
        "bool-english",
        cell("om_feiten", 1, "tenlastegelegd", "yes"),
        ("E204", "om_feiten", 3, "tenlastegelegd"),
    ),
    # code lists
    (
        "geslacht",
        cell("comensha_registraties", 0, "geslacht", "V"),
        ("E205", "comensha_registraties", 2, "geslacht"),
    ),
    (
        "geslacht-emm",
        cell("emm_verdachten", 0, "geslacht", "onbekend"),
        ("E205", "emm_verdachten", 2, "geslacht"),
    ),
    ("geslacht-om", cell("om_zaken", 0, "geslacht", "Man"), ("E205", "om_zaken", 2, "geslacht")),
    (
        "vorm-uppercase",
        cell("comensha_uitbuiting", 2, "vorm", "Arbeid"),
        ("E205", "comensha_uitbuiting", 4, "vorm"),
    ),
    ("melder", cell("comensha_melders", 2, "melder", "ggd"), ("E205", "comensha_melders", 4, "melder")),
    ("ind-maatstaf", cell("ind_tabel", 1, "maatstaf", "b8"), ("E205", "ind_tabel", 3, "maatstaf")),
    ("partij", cell("emm_onderzoeken", 1, "partij", "fiod"), ("E205", "emm_onderzoeken", 3, "partij")),
    (
        "emm-vorm",
        cell("emm_onderzoek_vormen", 0, "vorm", "bedelarij"),
        ("E205", "emm_onderzoek_vormen", 2, "vorm"),
    ),
    (
        "instantie",
        cell("om_zaken", 2, "instantie", "nla "),
        None,
    ),  # surrounding white space is stripped: valid
    ("instantie-bad", cell("om_zaken", 2, "instantie", "douane"), ("E205", "om_zaken", 4, "instantie")),
    ("afdoening", cell("om_zaken", 0, "afdoening", "sepot"), ("E205", "om_zaken", 2, "afdoening")),
    (
        "classificatie",
        cell("om_feiten", 0, "classificatie", "mh-seksueel"),
        ("E205", "om_feiten", 2, "classificatie"),
    ),
    ("uitspraak", cell("om_feiten", 0, "uitspraak", "schuldig"), ("E205", "om_feiten", 2, "uitspraak")),
    (
        "dossier-vorm",
        cell("om_dossiercodering", 1, "vorm", "onbekend"),
        ("E205", "om_dossiercodering", 3, "vorm"),
    ),
    (
        "subvorm",
        cell("om_dossiercodering", 0, "subvorm", "nationaal"),
        ("E205", "om_dossiercodering", 2, "subvorm"),
    ),
    (
        "rechtspraak-maatstaf",
        cell("rechtspraak_tabel", 0, "maatstaf", "totaal"),
        ("E205", "rechtspraak_tabel", 2, "maatstaf"),
    ),
    (
        "null-marker-code",
        cell("comensha_registraties", 1, "geslacht", "NULL"),
        ("E205", "comensha_registraties", 3, "geslacht"),
    ),
    # countries
    (
        "country-lower",
        cell("comensha_registraties", 0, "nationaliteit", "nl"),
        ("E206", "comensha_registraties", 2, "nationaliteit"),
    ),
    (
        "country-alpha3",
        cell("emm_verdachten", 0, "nationaliteit", "NLD"),
        ("E206", "emm_verdachten", 2, "nationaliteit"),
    ),
    ("country-unknown", cell("om_zaken", 0, "geboorteland", "ZZ"), ("E206", "om_zaken", 2, "geboorteland")),
    ("country-kosovo", cell("om_zaken", 0, "geboorteland", "XK"), None),
    # feit_nr
    ("feit-nr-0", cell("om_feiten", 0, "feit_nr", "0"), ("E207", "om_feiten", 2, "feit_nr")),
    ("feit-nr-fraction", cell("om_feiten", 1, "feit_nr", "1.5"), ("E207", "om_feiten", 3, "feit_nr")),
    ("feit-nr-text", cell("om_feiten", 2, "feit_nr", "een"), ("E207", "om_feiten", 4, "feit_nr")),
    # rounded counts
    ("aantal-7", cell("ind_tabel", 0, "aantal", "7"), ("E208", "ind_tabel", 2, "aantal")),
    ("aantal-12", cell("ind_tabel", 0, "aantal", "12"), ("E208", "ind_tabel", 2, "aantal")),
    ("aantal-5", cell("rechtspraak_tabel", 0, "aantal", "5"), ("E208", "rechtspraak_tabel", 2, "aantal")),
    ("aantal-lt5", cell("rechtspraak_tabel", 1, "aantal", "<5"), ("E208", "rechtspraak_tabel", 3, "aantal")),
    ("aantal-leading-zero", cell("ind_tabel", 2, "aantal", "010"), ("E208", "ind_tabel", 4, "aantal")),
    ("aantal-1000", cell("ind_tabel", 2, "aantal", "1000"), None),
    # control and invisible characters (stripped white space at the ends is fine)
    (
        "nul-in-id",
        cell("emm_onderzoeken", 0, "onderzoek_id", "O\x001"),
        ("E210", "emm_onderzoeken", 2, "onderzoek_id"),
    ),
    (
        "ansi-in-code",
        cell("comensha_registraties", 0, "geslacht", "vrouw\x1b[2J"),
        ("E210", "comensha_registraties", 2, "geslacht"),
    ),
    (
        "zero-width-in-id",
        cell("comensha_registraties", 1, "registratie_id", "R\u200b2"),
        ("E211", "comensha_registraties", 3, "registratie_id"),
    ),
    (
        "bidi-override-in-country",
        cell("om_zaken", 0, "geboorteland", "\u202eNL"),
        ("E211", "om_zaken", 2, "geboorteland"),
    ),
    ("tab-inside-wetsartikel", cell("om_feiten", 0, "wetsartikel", "273f\tSr"), None),
    ("nbsp-around-code", cell("om_zaken", 2, "instantie", "\u00a0nla\u00a0"), None),
    # plausible years: 2000 up to the peildatum year (2025 in the example's levering.toml)
    (
        "year-2100",
        cell("comensha_registraties", 0, "jaar", "2100"),
        ("E212", "comensha_registraties", 2, "jaar"),
    ),
    ("year-1900", cell("om_zaken", 0, "inschrijfjaar", "1900"), ("E212", "om_zaken", 2, "inschrijfjaar")),
    ("year-0000", cell("ind_tabel", 0, "jaar", "0000"), ("E212", "ind_tabel", 2, "jaar")),
    (
        "year-2026-after-peildatum",
        cell("om_zaken", 0, "vonnisjaar", "2026"),
        ("E212", "om_zaken", 2, "vonnisjaar"),
    ),
    ("year-2000", cell("emm_onderzoeken", 0, "startjaar", "2000"), None),
    ("year-2025", cell("rechtspraak_tabel", 0, "jaar", "2025"), None),
    # a feit_nr that does not fit the warehouse's INTEGER
    ("feit-nr-huge", cell("om_feiten", 0, "feit_nr", "99999999999"), ("E207", "om_feiten", 2, "feit_nr")),
    # null markers in identifiers and text
    (
        "null-id",
        cell("emm_onderzoeken", 0, "onderzoek_id", "NULL"),
        ("E209", "emm_onderzoeken", 2, "onderzoek_id"),
    ),
    ("na-id", cell("emm_verdachten", 2, "verdachte_id", "NA"), ("E209", "emm_verdachten", 4, "verdachte_id")),
    ("dash-wetsartikel", cell("om_feiten", 1, "wetsartikel", "-"), ("E209", "om_feiten", 3, "wetsartikel")),
    # sector per form
    (
        "sector-seksueel-bouw",
        cell("comensha_uitbuiting", 0, "sector", "bouw"),
        ("E301", "comensha_uitbuiting", 2, "sector"),
    ),
    (
        "sector-arbeid-raam",
        cell("comensha_uitbuiting", 2, "sector", "raam"),
        ("E301", "comensha_uitbuiting", 4, "sector"),
    ),
    (
        "sector-crimineel",
        cell("comensha_uitbuiting", 4, "sector", "horeca"),
        ("E301", "comensha_uitbuiting", 6, "sector"),
    ),
    (
        "sector-onbekend-raam",
        cell("comensha_uitbuiting", 3, "sector", "raam"),
        ("E301", "comensha_uitbuiting", 5, "sector"),
    ),
    (
        "sector-bedelarij-nnw",
        append("comensha_uitbuiting", registratie_id="R2", vorm="bedelarij", sector="nog_niet_gewerkt"),
        ("E301", "comensha_uitbuiting", 7, "sector"),
    ),
    (
        "sector-unknown-code",
        cell("comensha_uitbuiting", 0, "sector", "massagesalon"),
        ("E301", "comensha_uitbuiting", 2, "sector"),
    ),
    ("sector-onbekend-empty", cell("comensha_uitbuiting", 3, "sector", ""), None),
    ("sector-arbeid-onbekend", cell("comensha_uitbuiting", 2, "sector", "onbekend"), None),
    # afdoeningsjaar iff afdoening
    (
        "afdoeningsjaar-missing",
        cell("om_zaken", 1, "afdoeningsjaar", ""),
        ("E302", "om_zaken", 3, "afdoeningsjaar"),
    ),
    (
        "afdoeningsjaar-without",
        cell("om_zaken", 2, "afdoeningsjaar", "2024"),
        ("E303", "om_zaken", 4, "afdoeningsjaar"),
    ),
    # subvorm only with seksueel
    (
        "subvorm-arbeid",
        cell("om_dossiercodering", 1, "subvorm", "binnenlands"),
        ("E304", "om_dossiercodering", 3, "subvorm"),
    ),
    (
        "subvorm-empty-vorm",
        cell("om_dossiercodering", 2, "subvorm", "internationaal"),
        ("E304", "om_dossiercodering", 4, "subvorm"),
    ),
    # uniqueness keys
    (
        "dup-registratie",
        copy_row("comensha_registraties", 0, jaar="2024"),
        ("E401", "comensha_registraties", 5, "registratie_id"),
    ),
    (
        "dup-uitbuiting",
        copy_row("comensha_uitbuiting", 1),
        ("E401", "comensha_uitbuiting", 7, "registratie_id, vorm, sector"),
    ),
    (
        "dup-uitbuiting-empty-sector",
        copy_row("comensha_uitbuiting", 4),
        ("E401", "comensha_uitbuiting", 7, "registratie_id, vorm, sector"),
    ),
    (
        "dup-uitbuiting-stripped",
        copy_row("comensha_uitbuiting", 0, sector=" raam "),
        ("E401", "comensha_uitbuiting", 7, "registratie_id, vorm, sector"),
    ),
    (
        "dup-melder",
        copy_row("comensha_melders", 1),
        ("E401", "comensha_melders", 5, "registratie_id, melder"),
    ),
    ("dup-ind", copy_row("ind_tabel", 0, aantal="20"), ("E401", "ind_tabel", 5, "jaar, maatstaf")),
    (
        "dup-onderzoek",
        copy_row("emm_onderzoeken", 0, startjaar="2024"),
        ("E401", "emm_onderzoeken", 4, "onderzoek_id"),
    ),
    (
        "dup-verdachte",
        copy_row("emm_verdachten", 0, leeftijd="40"),
        ("E401", "emm_verdachten", 5, "verdachte_id, onderzoek_id"),
    ),
    ("dup-zaak", copy_row("om_zaken", 2), ("E401", "om_zaken", 5, "zaak_id")),
    (
        "dup-feit",
        copy_row("om_feiten", 0, wetsartikel="273f Sr"),
        ("E401", "om_feiten", 5, "zaak_id, feit_nr"),
    ),
    (
        "dup-dossier",
        copy_row("om_dossiercodering", 0, subvorm="binnenlands"),
        ("E401", "om_dossiercodering", 5, "zaak_id"),
    ),
    ("dup-rechtspraak", copy_row("rechtspraak_tabel", 1), ("E401", "rechtspraak_tabel", 4, "jaar, maatstaf")),
    ("dup-emm-vorm-row", copy_row("emm_onderzoek_vormen", 0), ("W402", "emm_onderzoek_vormen", 4, None)),
    # foreign keys
    (
        "fk-uitbuiting",
        cell("comensha_uitbuiting", 2, "registratie_id", "R9"),
        ("E501", "comensha_uitbuiting", 4, "registratie_id"),
    ),
    (
        "fk-melders",
        cell("comensha_melders", 2, "registratie_id", "r2"),
        ("E501", "comensha_melders", 4, "registratie_id"),
    ),
    (
        "fk-emm-vormen",
        cell("emm_onderzoek_vormen", 1, "onderzoek_id", "O3"),
        ("E501", "emm_onderzoek_vormen", 3, "onderzoek_id"),
    ),
    (
        "fk-verdachten",
        cell("emm_verdachten", 2, "onderzoek_id", "O9"),
        ("E501", "emm_verdachten", 4, "onderzoek_id"),
    ),
    ("fk-feiten", cell("om_feiten", 2, "zaak_id", "Z9"), ("E501", "om_feiten", 4, "zaak_id")),
    (
        "fk-dossier",
        cell("om_dossiercodering", 2, "zaak_id", "Z4"),
        ("E501", "om_dossiercodering", 4, "zaak_id"),
    ),
    # header
    (
        "missing-column",
        drop_column("comensha_registraties", "leeftijd"),
        ("E101", "comensha_registraties", 1, "leeftijd"),
    ),
    ("missing-nullable-column", drop_column("om_zaken", "vonnisjaar"), ("E101", "om_zaken", 1, "vonnisjaar")),
    ("unknown-column", add_column("om_feiten", "opmerking"), ("W102", "om_feiten", 1, "opmerking")),
    ("uppercase-column", add_column("ind_tabel", "Jaar"), ("W102", "ind_tabel", 1, "Jaar")),
]


def _find(report, code, file, row, column):
    return [p for p in report.problems if (p.code, p.file, p.row, p.column) == (code, file, row, column)]


@pytest.mark.parametrize(
    ("mutate", "expected"), [c[1:] for c in TABLE_CASES], ids=[c[0] for c in TABLE_CASES]
)
def test_rule(tmp_path, mutate, expected):
    tables = example_tables()
    mutate(tables)
    report = validate_delivery(write_delivery(tmp_path / "levering", tables))
    if expected is None:
        assert report.ok and not report.problems, report.problems
        return
    code = expected[0]
    found = _find(report, *expected)
    assert found, f"expected {expected}, got {[(p.code, p.file, p.row, p.column) for p in report.problems]}"
    assert report.ok == code.startswith("W")
    problem = found[0]
    assert problem.rule and problem.hint and problem.severity == PROBLEM_TYPES[code].severity


# ---- cases that need a file written by hand --------------------------------------------------------


def _write(path: Path, content: bytes | str) -> None:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def csv_text(file: str, folder: Path) -> str:
    return (folder / f"{file}.csv").read_text(encoding="utf-8")


def f_duplicate_column(folder: Path) -> None:
    _write(folder / "ind_tabel.csv", "jaar,maatstaf,aantal,jaar\n2024,b8_aanvragen,15,2024\n")


def f_latin1(folder: Path) -> None:
    text = csv_text("om_feiten", folder).replace("311 Sr", "311 Sr café")
    _write(folder / "om_feiten.csv", text.encode("latin-1"))


def f_utf16(folder: Path) -> None:
    _write(folder / "ind_tabel.csv", csv_text("ind_tabel", folder).encode("utf-16"))


def f_empty(folder: Path) -> None:
    _write(folder / "rechtspraak_tabel.csv", b"")


def f_blank(folder: Path) -> None:
    _write(folder / "rechtspraak_tabel.csv", "\r\n\r\n")


def f_unterminated_quote(folder: Path) -> None:
    _write(folder / "emm_onderzoeken.csv", 'onderzoek_id,startjaar,partij\nO1,2023,politie\n"O2,2024,nla\n')


def f_bad_quote(folder: Path) -> None:
    _write(folder / "emm_onderzoeken.csv", 'onderzoek_id,startjaar,partij\nO1,2023,politie\nO2,"20"24,nla\n')


def f_short_row(folder: Path) -> None:
    _write(folder / "emm_onderzoeken.csv", "onderzoek_id,startjaar,partij\nO1,2023,politie\nO2,2024\n")


def f_long_row(folder: Path) -> None:
    _write(
        folder / "emm_onderzoeken.csv", "onderzoek_id,startjaar,partij\nO1,2023,politie\nO2,2024,nla,extra\n"
    )


def f_trailing_empty_fields(folder: Path) -> None:  # valid: empty fields beyond the header are ignored
    _write(folder / "emm_onderzoeken.csv", "onderzoek_id,startjaar,partij\nO1,2023,politie,,\nO2,2024,nla\n")


def f_not_xlsx(folder: Path) -> None:
    (folder / "om_zaken.csv").rename(folder / "om_zaken.xlsx")


def f_garbage_xlsx(folder: Path) -> None:
    (folder / "om_zaken.csv").unlink()
    _write(folder / "om_zaken.xlsx", b"PK\x03\x04 this is not a workbook")


def f_truncated_parquet(folder: Path) -> None:
    from jaarcijfers.contract.example import write_table

    tables = example_tables()
    (folder / "ind_tabel.csv").unlink()
    target = write_table(
        folder / "ind_tabel.parquet", tables["ind_tabel"], ["jaar", "maatstaf", "aantal"], "parquet"
    )
    data = target.read_bytes()
    _write(target, data[: len(data) // 2])


def f_no_rows(folder: Path) -> None:
    _write(folder / "ind_tabel.csv", "jaar,maatstaf,aantal\n")


def f_semicolon(folder: Path) -> None:
    _write(folder / "ind_tabel.csv", "jaar;maatstaf;aantal\n2024;b8_aanvragen;15\n")


def f_broken_symlink(folder: Path) -> None:
    (folder / "om_feiten.csv").unlink()
    (folder / "om_feiten.csv").symlink_to(folder / "does-not-exist.csv")


def f_missing_file(folder: Path) -> None:
    (folder / "comensha_melders.csv").unlink()


def f_two_formats(folder: Path) -> None:
    from jaarcijfers.contract.example import write_table

    write_table(
        folder / "ind_tabel.xlsx", example_tables()["ind_tabel"], ["jaar", "maatstaf", "aantal"], "xlsx"
    )


def f_unknown_file(folder: Path) -> None:
    _write(folder / "Om_Zaken_2024.csv", "a,b\n1,2\n")


def f_toml_invalid(folder: Path) -> None:
    _write(folder / "levering.toml", "[om_zaken\nbron = 'OM'\n")


def f_toml_unknown_file(folder: Path) -> None:
    _write(folder / "levering.toml", "[om_zaak]\nbron = 'OM'\n")


def f_toml_unknown_key(folder: Path) -> None:
    _write(folder / "levering.toml", "[om_zaken]\nbron = 'OM'\nversie = 3\n")


def f_toml_bad_date(folder: Path) -> None:
    _write(folder / "levering.toml", "[om_zaken]\npeildatum = '1-3-2025'\n")


def f_toml_bad_value(folder: Path) -> None:
    _write(folder / "levering.toml", "[om_zaken]\nbron = 5\n")


def f_toml_not_table(folder: Path) -> None:
    _write(folder / "levering.toml", "om_zaken = 'OM'\n")


def f_bom(folder: Path) -> None:
    _write(folder / "om_zaken.csv", b"\xef\xbb\xbf" + (folder / "om_zaken.csv").read_bytes())


def f_lf_only_and_shuffled(folder: Path) -> None:
    _write(folder / "ind_tabel.csv", "aantal,maatstaf,jaar\n15,b8_aanvragen,2024\n<10,b8_verleend,2024\n")


def f_quoted_newline_row_numbers(folder: Path) -> None:
    # a quoted field with a line break is one spreadsheet row; a blank line still counts as a row
    _write(
        folder / "om_feiten.csv",
        "zaak_id,feit_nr,wetsartikel,classificatie,tenlastegelegd,uitspraak\n"
        'Z1,1,"273f lid 1\nsub 1 Sr",mh_seksueel,ja,bewezen\n'
        "\n"
        "Z1,2,311 Sr,overig,misschien,\n",
    )


def f_toml_bad_verslagjaar(folder: Path) -> None:
    _write(folder / "levering.toml", "verslagjaar = 2100\n[om_zaken]\npeildatum = 2025-02-15\n")


def f_toml_verslagjaar(folder: Path) -> None:  # valid
    _write(folder / "levering.toml", "verslagjaar = 2024\n[om_zaken]\npeildatum = 2025-02-15\n")


def f_symlinked_toml(folder: Path) -> None:
    (folder / "levering.toml").unlink()
    (folder / "levering.toml").symlink_to("/etc/hostname")


def f_only_dossiercodering_absent(folder: Path) -> None:
    (folder / "om_dossiercodering.csv").unlink()


FILE_CASES = [
    ("duplicate-column", f_duplicate_column, ("E103", "ind_tabel", 1, "jaar")),
    ("latin1", f_latin1, ("E111", "om_feiten", 3, None)),
    ("utf16", f_utf16, ("E111", "ind_tabel", 1, None)),
    ("empty-file", f_empty, ("E112", "rechtspraak_tabel", None, None)),
    ("blank-file", f_blank, ("E112", "rechtspraak_tabel", None, None)),
    ("unterminated-quote", f_unterminated_quote, ("E113", "emm_onderzoeken", 3, None)),
    ("bad-quote", f_bad_quote, ("E113", "emm_onderzoeken", 3, None)),
    ("short-row", f_short_row, ("E114", "emm_onderzoeken", 3, None)),
    ("long-row", f_long_row, ("E114", "emm_onderzoeken", 3, None)),
    ("trailing-empty-fields", f_trailing_empty_fields, None),
    ("csv-named-xlsx", f_not_xlsx, ("E115", "om_zaken", None, None)),
    ("garbage-xlsx", f_garbage_xlsx, ("E115", "om_zaken", None, None)),
    ("truncated-parquet", f_truncated_parquet, ("E116", "ind_tabel", None, None)),
    ("no-rows", f_no_rows, ("W117", "ind_tabel", None, None)),
    ("semicolon", f_semicolon, ("E118", "ind_tabel", 1, None)),
    ("broken-symlink", f_broken_symlink, ("E008", "om_feiten", None, None)),
    ("missing-file", f_missing_file, ("E004", "comensha_melders", None, None)),
    ("two-formats", f_two_formats, ("E005", "ind_tabel", None, None)),
    ("unknown-file", f_unknown_file, ("W006", None, None, None)),
    ("toml-invalid", f_toml_invalid, ("E601", "levering.toml", None, None)),
    ("toml-unknown-file", f_toml_unknown_file, ("W602", "levering.toml", None, None)),
    ("toml-unknown-key", f_toml_unknown_key, ("W603", "levering.toml", None, None)),
    ("toml-bad-date", f_toml_bad_date, ("E604", "levering.toml", None, "om_zaken.peildatum")),
    ("toml-bad-value", f_toml_bad_value, ("E605", "levering.toml", None, "om_zaken.bron")),
    ("toml-not-table", f_toml_not_table, ("E605", "levering.toml", None, "om_zaken")),
    ("bom", f_bom, None),
    ("lf-and-shuffled-columns", f_lf_only_and_shuffled, None),
    ("quoted-newline-row-numbers", f_quoted_newline_row_numbers, ("E204", "om_feiten", 4, "tenlastegelegd")),
    ("dossiercodering-absent", f_only_dossiercodering_absent, None),
    ("toml-bad-verslagjaar", f_toml_bad_verslagjaar, ("E606", "levering.toml", None, "verslagjaar")),
    ("toml-verslagjaar", f_toml_verslagjaar, None),
    ("toml-symlink", f_symlinked_toml, ("E008", "levering.toml", None, None)),
]


@pytest.mark.parametrize(("prepare", "expected"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES])
def test_file_rule(tmp_path, prepare, expected):
    folder = write_delivery(tmp_path / "levering")
    prepare(folder)
    report = validate_delivery(folder)
    if expected is None:
        assert report.ok and not report.problems, report.problems
        return
    found = _find(report, *expected)
    assert found, f"expected {expected}, got {[(p.code, p.file, p.row, p.column) for p in report.problems]}"
    assert report.ok == expected[0].startswith("W")


def test_missing_column_rejects_every_row(tmp_path):
    tables = example_tables()
    drop_column("comensha_registraties", "jaar")(tables)
    report = validate_delivery(write_delivery(tmp_path / "l", tables))
    summary = report.files["comensha_registraties"]
    assert (summary.rows_read, summary.rows_valid, summary.rows_rejected) == (3, 0, 3)


def test_collect_all_reports_every_problem(tmp_path):
    tables = example_tables()
    cell("comensha_registraties", 0, "jaar", "x")(tables)
    cell("comensha_registraties", 0, "anoniem", "x")(tables)
    cell("om_feiten", 2, "feit_nr", "0")(tables)
    cell("ind_tabel", 1, "aantal", "3")(tables)
    report = validate_delivery(write_delivery(tmp_path / "l", tables))
    codes = {(p.code, p.file, p.row) for p in report.problems}
    assert codes == {
        ("E202", "comensha_registraties", 2),
        ("E204", "comensha_registraties", 2),
        ("E207", "om_feiten", 4),
        ("E208", "ind_tabel", 3),
    }
    assert report.files["comensha_registraties"].rows_rejected == 1
    assert report.files["comensha_registraties"].errors == 2


def test_message_is_dutch_and_templated(tmp_path):
    tables = example_tables()
    cell("comensha_melders", 2, "melder", "ggd")(tables)
    report = validate_delivery(write_delivery(tmp_path / "l", tables))
    (problem,) = report.problems
    assert problem.rule == "'ggd' komt niet voor in de codelijst melders."
    assert problem.hint.startswith("Toegestaan: politie, kmar, nla")
    assert problem.value == "ggd"


# ---- the folder ------------------------------------------------------------------------------------


def test_folder_does_not_exist(tmp_path):
    report = validate_delivery(tmp_path / "nope")
    assert [p.code for p in report.problems] == ["E001"]


def test_path_is_a_file(tmp_path):
    path = tmp_path / "file.csv"
    path.write_text("x")
    assert [p.code for p in validate_delivery(path).problems] == ["E002"]


def test_empty_folder(tmp_path):
    assert [p.code for p in validate_delivery(tmp_path).problems] == ["E003"]


@pytest.mark.parametrize(
    "source_files",
    [
        ["ind_tabel"],
        ["om_zaken", "om_feiten"],
        ["comensha_registraties", "comensha_uitbuiting", "comensha_melders"],
        ["rechtspraak_tabel", "emm_onderzoeken", "emm_onderzoek_vormen", "emm_verdachten"],
    ],
)
def test_partial_delivery_of_complete_sources_is_valid(tmp_path, source_files):
    folder = write_delivery(tmp_path / "l", files=source_files, metadata=None)
    report = validate_delivery(folder)
    assert report.ok and not report.problems, report.problems
    complete = validate_delivery(folder, complete=True)
    assert not complete.ok
    assert {p.code for p in complete.problems} == {"E004"}


def test_incomplete_source_is_invalid(tmp_path):
    folder = write_delivery(tmp_path / "l", files=["comensha_melders"], metadata=None)
    report = validate_delivery(folder)
    assert {(p.code, p.file) for p in report.problems} == {
        ("E004", "comensha_registraties"),
        ("E004", "comensha_uitbuiting"),
    }


def test_problem_registry_is_covered():
    """Every problem code has a test case in this module or in tests/warehouse (E502)."""
    covered = {c[2][0] for c in TABLE_CASES + FILE_CASES if c[2] is not None}
    covered |= {"E001", "E002", "E003"}
    untestable_as_root = {"E007"}  # a folder that cannot be listed
    covered_elsewhere = {
        "E502",
        "E009",
        "E110",
        "E119",
        "E120",
    }  # tests/warehouse and tests/contract/test_hostile.py
    assert set(PROBLEM_TYPES) - covered - untestable_as_root - covered_elsewhere == set()


def test_report_json_and_print(tmp_path, capsys):
    import json

    from jaarcijfers.contract.report import print_report

    tables = example_tables()
    cell("comensha_melders", 2, "melder", "[red]ggd")(tables)
    report = validate_delivery(write_delivery(tmp_path / "l", tables))
    print_report(report, as_json=True)
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["problems"][0]["code"] == "E205"
    assert data["problems"][0]["row"] == 4
    print_report(report)
    out = capsys.readouterr().out
    assert "[red]ggd" in out and "E205" in out and "comensha_melders" in out
    assert "De levering is ongeldig: 1 fout, 0 waarschuwingen." in out
