"""The shipped code lists (src/jaarcijfers/contract/codelists/) and their loader API."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jaarcijfers.contract import codelists as cl

ROOT = Path(__file__).resolve().parents[1]
CODELISTS = ROOT / "src" / "jaarcijfers" / "contract" / "codelists"
CONTRACT = ROOT / "docs" / "data-contract.md"

# Every code of the data contract, version 1, per code-list file, in the contract's order.
CONTRACT_CODES = {
    "comensha_vormen": ("seksueel", "arbeid", "crimineel", "bedelarij", "orgaanverwijdering", "onbekend"),
    "melders": ("politie", "kmar", "nla", "zorgcoordinator", "fairwork", "overig"),
    "geslachten": ("man", "vrouw"),
    "ind_maatstaven": (
        "uitstel_vertrek_kort",
        "uitstel_vertrek_lang",
        "b8_aanvragen",
        "b8_verleend",
        "b9_aanvragen",
        "b9_verleend",
        "schrijnend_aanvragen",
        "schrijnend_verleend",
    ),
    "emm_partijen": ("politie", "kmar", "nla"),
    "emm_vormen": ("seksueel", "arbeid", "crimineel", "overig"),
    "om_instanties": ("politie", "kmar", "nla", "overig"),
    "om_afdoeningen": ("dagvaarding", "onvoorwaardelijk_sepot", "overig"),
    "om_classificaties": ("mh_seksueel", "mh_arbeid", "mh_crimineel", "mh_overig", "overig"),
    "om_uitspraken": ("bewezen", "vrijspraak", "overig"),
    "om_dossier_vormen": ("seksueel", "arbeid", "crimineel", "overig"),
    "om_subvormen": ("binnenlands", "internationaal"),
    "rechtspraak_maatstaven": (
        "hoger_beroep_totaal",
        "eindarrest_vrijspraak",
        "eindarrest_schuldig",
        "eindarrest_schuldig_mh_bewezen",
        "eindarrest_overig",
        "ingesteld_verdachte",
        "ingesteld_om",
        "ingesteld_beide",
        "cassatie_ingesteld",
    ),
}

CONTRACT_SECTORS = {
    "seksueel": (
        "thuis",
        "escort",
        "straat",
        "bordeel_club_prive",
        "hotel",
        "raam",
        "overig",
        "nog_niet_gewerkt",
        "onbekend",
    ),
    "arbeid": (
        "vervoer_opslag",
        "bouw",
        "horeca",
        "overige_dienstverlening",
        "industrie",
        "landbouw_bosbouw_visserij",
        "huishouden",
        "groot_detailhandel",
        "nog_niet_gewerkt",
        "onbekend",
    ),
    "onbekend": ("nog_niet_gewerkt",),
}

# (contract file, column) whose type cell lists the codes, and the code list that holds them.
CONTRACT_COLUMNS = {
    ("comensha_uitbuiting.csv", "vorm"): "comensha_vormen",
    ("comensha_melders.csv", "melder"): "melders",
    ("comensha_registraties.csv", "geslacht"): "geslachten",
    ("emm_verdachten.csv", "geslacht"): "geslachten",
    ("om_zaken.csv", "geslacht"): "geslachten",
    ("emm_onderzoeken.csv", "partij"): "emm_partijen",
    ("emm_onderzoek_vormen.csv", "vorm"): "emm_vormen",
    ("om_zaken.csv", "instantie"): "om_instanties",
    ("om_zaken.csv", "afdoening"): "om_afdoeningen",
    ("om_feiten.csv", "classificatie"): "om_classificaties",
    ("om_feiten.csv", "uitspraak"): "om_uitspraken",
    ("om_dossiercodering.csv", "vorm"): "om_dossier_vormen",
    ("om_dossiercodering.csv", "subvorm"): "om_subvormen",
}

EU27 = {
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
}


def csv_files() -> list[Path]:
    return sorted(CODELISTS.glob("*.csv"))


# --- code lists of the contract ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CONTRACT_CODES))
def test_contract_codes_in_their_file(name):
    assert cl.codes(name) == CONTRACT_CODES[name]
    assert set(cl.labels(name)) == set(CONTRACT_CODES[name])
    assert all(cl.labels(name).values()), f"{name}: empty label"


def test_codes_as_listed_in_the_contract_document():
    """Cross-check against the tables of docs/data-contract.md: every `a` | `b` type cell."""
    text = CONTRACT.read_text(encoding="utf-8")
    found: dict[tuple[str, str], set[str]] = {}
    current = None
    for line in text.splitlines():
        heading = re.match(r"^### `([a-z_]+\.csv)`", line)
        if heading:
            current = heading.group(1)
            continue
        # Table cells are separated by unescaped pipes; `\|` separates codes inside a cell.
        cells = (
            [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            if line.startswith("|")
            else []
        )
        if current and len(cells) >= 2 and re.fullmatch(r"`[a-z_]+`", cells[0]):
            column = cells[0].strip("`")
            values = set(re.findall(r"`([a-z_]+)`", cells[1]))
            if (current, column) in CONTRACT_COLUMNS:
                found[(current, column)] = values
    assert set(found) == set(CONTRACT_COLUMNS)
    for key, name in CONTRACT_COLUMNS.items():
        assert found[key] == set(cl.codes(name)), key


@pytest.mark.parametrize("form", sorted(CONTRACT_SECTORS))
def test_sectors_per_form(form):
    assert cl.sectors(form) == CONTRACT_SECTORS[form]
    assert tuple(cl.sector_labels(form)) == CONTRACT_SECTORS[form]


@pytest.mark.parametrize("form", ["", "crimineel", "bedelarij", "orgaanverwijdering", "bestaat_niet"])
def test_forms_without_sectors(form):
    assert cl.sectors(form) == ()
    assert dict(cl.sector_labels(form)) == {}


def test_sector_labels_are_the_reports():
    seks = cl.sector_labels("seksueel")
    assert seks["bordeel_club_prive"] == "Bordelen/clubs/privéhuizen"
    assert seks["overig"] == "Overige sectoren (massagesalons/internet etc.)"
    assert seks["raam"] == "Raamprostitutie"
    arbeid = cl.sector_labels("arbeid")
    assert arbeid["overige_dienstverlening"] == "Overige arbeid/dienstverlening"
    assert arbeid["groot_detailhandel"] == "Groothandel/detailhandel"
    assert cl.sector_labels("onbekend") == {"nog_niet_gewerkt": "Nog niet gewerkt"}
    assert cl.labels("comensha_sectoren")["onbekend"] == "Onbekend"


def test_table_labels_are_the_reports():
    ind = cl.labels("ind_maatstaven")
    assert ind["uitstel_vertrek_kort"] == "Uitstel van vertrek minder dan 30 dagen"
    assert ind["uitstel_vertrek_lang"] == "Uitstel van vertrek meer dan 30 dagen"
    assert ind["schrijnend_verleend"] == "Schrijnend pad (verleend)"
    assert ind["b8_aanvragen"] == "B8 (aanvragen)"
    rs = cl.labels("rechtspraak_maatstaven")
    assert rs["eindarrest_schuldig_mh_bewezen"] == (
        "Eindarrest schuldigverklaring, waarin specifiek mensenhandel bewezen verklaard"
    )
    assert rs["ingesteld_om"] == "Hoger beroep ingesteld door het OM"
    assert cl.labels("melders")["zorgcoordinator"] == "Zorgcoördinatoren"
    assert cl.labels("melders")["overig"] == "Overige melders"


def test_classification_forms():
    with (CODELISTS / "om_classificaties.csv").open(encoding="utf-8", newline="") as fh:
        vorm = {row["code"]: row["vorm"] for row in csv.DictReader(fh)}
    assert vorm == {
        "mh_seksueel": "seksueel",
        "mh_arbeid": "arbeid",
        "mh_crimineel": "crimineel",
        "mh_overig": "overig",
        "overig": "",
    }
    assert set(vorm.values()) - {""} <= set(cl.codes("om_dossier_vormen"))


def test_unknown_list_is_an_error():
    with pytest.raises(ValueError):
        cl.codes("bestaat_niet")
    with pytest.raises(ValueError):
        cl.labels("../VERSION")
    with pytest.raises(ValueError):
        cl.codes("artikelen")  # no code column


def test_version():
    assert cl.version() == "1"


def test_results_are_read_only():
    with pytest.raises(TypeError):
        cl.labels("melders")["politie"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError):
        cl.countries()["NL"] = None  # type: ignore[index]


# --- files and their documentation ------------------------------------------------------------------


def test_every_file_documented_in_sources():
    sources = (CODELISTS / "SOURCES.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z_]+\.csv)` \|", sources, flags=re.MULTILINE))
    assert listed == {p.name for p in csv_files()}


@pytest.mark.parametrize("path", csv_files(), ids=lambda p: p.name)
def test_file_format(path):
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert b"\r" not in raw, "LF line endings"
    assert raw.endswith(b"\n")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    assert len(set(header)) == len(header)
    for row in rows[1:]:
        assert len(row) == len(header), row
        assert all(cell == cell.strip() for cell in row), row
    if "code" in header and "vorm" not in header:
        codes = [r[header.index("code")] for r in rows[1:]]
        assert len(codes) == len(set(codes)), "unique codes"
    if path.name != "landen.csv" and "code" in header:
        assert all(re.fullmatch(r"[a-z0-9_]+", r[header.index("code")]) for r in rows[1:])


def test_no_heavy_imports():
    code = (
        "import sys, json\n"
        "from jaarcijfers.contract import codelists as cl\n"
        "cl.countries(); cl.codes('melders'); cl.article_form('273f lid 1 sub 3 Sr')\n"
        "print(json.dumps(sorted(m for m in ('pandas', 'duckdb', 'numpy', 'babel', 'country_converter') "
        "if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == []


# --- countries ----------------------------------------------------------------------------------------


def test_countries_shape():
    countries = cl.countries()
    assert 245 <= len(countries) <= 255
    assert {"XK", "XX", "NL"} <= set(countries)
    assert list(countries) == sorted(countries)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in countries)
    assert all(c.code == code for code, c in countries.items())
    assert {c.regio for c in countries.values()} == set(cl.REGIONS)
    slugs = [c.slug for c in countries.values()]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", s) for s in slugs)
    assert all(c.naam for c in countries.values())


def test_country_names():
    expected = {
        "NL": "Nederland",
        "RO": "Roemenië",
        "UG": "Oeganda",
        "UA": "Oekraïne",
        "SL": "Sierra Leone",
        "CO": "Colombia",
        "GN": "Guinee",
        "BR": "Brazilië",
        "ID": "Indonesië",
        "HU": "Hongarije",
        "BG": "Bulgarije",
        "VE": "Venezuela",
        "NG": "Nigeria",
        "XK": "Kosovo",
        "XX": "Staatloos",
    }
    assert {code: cl.countries()[code].naam for code in expected} == expected
    assert cl.labels("landen")["RO"] == "Roemenië"


def test_country_slugs():
    expected = {
        "NL": "nl",
        "RO": "roemenie",
        "UA": "oekraine",
        "SL": "sierra_leone",
        "GN": "guinee",
        "BR": "brazilie",
        "HU": "hongarije",
        "GW": "guinee_bissau",
        "XX": "staatloos",
    }
    assert {code: cl.countries()[code].slug for code in expected} == expected


def test_regions():
    regio = {code: c.regio for code, c in cl.countries().items()}
    assert [code for code, r in regio.items() if r == "Nederland"] == ["NL"]
    for code in ("RO", "BG", "HU", "UA", "XK", "RU", "BY", "MD", "AL", "RS", "GB", "CH", "NO", "PL", "DE"):
        assert regio[code] == "Europa", code
    # UN M49 strictly: Western Asia.
    for code in ("TR", "CY", "AM", "AZ", "GE", "IL", "SY"):
        assert regio[code] == "Azië", code
    for code in ("NG", "UG", "SL", "GN", "MA", "EG", "ER"):
        assert regio[code] == "Afrika", code
    for code in ("CN", "VN", "IN", "ID", "PH", "KZ", "AF"):
        assert regio[code] == "Azië", code
    for code in ("BR", "CO", "VE", "MX", "SR", "CW", "AW", "DO", "BQ", "SX"):
        assert regio[code] == "Latijns-Amerika", code
    for code in ("US", "CA", "AU", "NZ", "PG", "AQ", "XX"):
        assert regio[code] == "Overig", code


def test_eer_is_eu27_plus_is_li_no_ch():
    eer = {code for code, c in cl.countries().items() if c.eer}
    assert eer == EU27 | {"IS", "LI", "NO", "CH"}


def test_generated_file_matches_generator():
    spec = importlib.util.spec_from_file_location(
        "generate_countries", ROOT / "scripts" / "generate_countries.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render(module.build_rows())
    actual = (CODELISTS / "landen.csv").read_text(encoding="utf-8")
    assert module.diff_summary(actual, expected) == []
    assert actual == expected


# --- articles -----------------------------------------------------------------------------------------


PARSE_CASES = [
    ("273f lid 1 sub 4 Sr", ("273f", "1", "4")),
    ("273f lid 1 sub 1 Sr", ("273f", "1", "1")),
    ("art. 273f lid 1 onder 4 Sr", ("273f", "1", "4")),
    ("Art. 273f lid 1 ond. 4 WvSr", ("273f", "1", "4")),
    ("Artikel 273f, eerste lid, aanhef en onder 3°, Wetboek van Strafrecht", ("273f", "1", "3")),
    ("art. 273f, 1e lid, sub 5 Sr", ("273f", "1", "5")),
    ("273f.1 aanhef en onder 9 Sr", ("273f", "1", "9")),
    ("273f(1)(3) Sr", ("273f", "1", "3")),
    ("273f lid 3 sub 1 Sr", ("273f", "3", "1")),
    ("273f lid 01 sub 04 Sr", ("273f", "1", "")),  # lid normalised; no THB article has a sub 04
    ("Sr 273f", ("273f", "", "")),
    ("273F", ("273f", "", "")),
    ("273f Sr", ("273f", "", "")),
    ("  273f lid 2 Sr  ", ("273f", "2", "")),
    ("273f lid 1 sub 4 Sr jo 47 lid 1 sub 1 Sr", ("273f", "1", "4")),
    ("47 lid 1 sub 1 Sr jo 273f lid 1 sub 3 Sr", ("273f", "1", "3")),
    ("273f lid 1 sub 1 en 4 Sr", ("273f", "1", "")),  # several subs: sub unknown
    ("273a lid 1 sub 7 Sr", ("273a", "1", "7")),
    ("273 a lid 1 sub 3 Sr", ("273a", "1", "3")),
    ("250a Sr", ("250a", "", "")),
    ("250a lid 1 sub 2 Sr", ("250a", "1", "2")),
    ("art. 250ter Sr", ("250ter", "", "")),
    ("250 ter Sr", ("250ter", "", "")),
    ("250 Sr", None),
    ("47 Sr", None),
    ("140 Sr", None),
    ("273 Sr", None),
    ("273fa Sr", None),
    ("1273f Sr", None),
    ("273f Sv", None),
    ("Opiumwet 273f", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_article(text, expected):
    assert cl.parse_article(text) == expected
    assert cl.is_thb_article(text) == (expected is not None)


FORM_CASES = [
    ("273f lid 1 sub 3 Sr", "seksueel"),
    ("273f lid 1 sub 5 Sr", "seksueel"),
    ("273f lid 1 sub 8 Sr", "seksueel"),
    ("273f lid 1 sub 9 Sr", "seksueel"),
    ("273f lid 1 sub 1 Sr", None),
    ("273f lid 1 sub 2 Sr", None),
    ("273f lid 1 sub 4 Sr", None),
    ("273f lid 1 sub 6 Sr", None),
    ("273f lid 1 sub 7 Sr", None),  # since 2009: profiting from organ removal
    ("273f lid 3 sub 1 Sr", None),
    ("273f Sr", None),
    ("273f lid 1 sub 1 en 9 Sr", "seksueel"),
    ("273f lid 1 sub 1, 4 en 6 Sr", None),
    ("273a lid 1 sub 3 Sr", "seksueel"),
    ("273a lid 1 sub 5 Sr", "seksueel"),
    ("273a lid 1 sub 7 Sr", "seksueel"),
    ("273a lid 1 sub 8 Sr", "seksueel"),
    ("273a lid 1 sub 4 Sr", None),
    ("250a Sr", "seksueel"),
    ("250a lid 1 sub 4 Sr", "seksueel"),
    ("250ter Sr", "seksueel"),
    ("47 Sr", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), FORM_CASES)
def test_article_form(text, expected):
    assert cl.article_form(text) == expected


def test_article_rules_table():
    rules = cl.article_rules()
    assert all(isinstance(r, cl.ArticleRule) for r in rules)
    assert {r.artikel for r in rules} == {"273f", "273a", "250a", "250ter"}
    assert {r.vorm for r in rules} <= {"", "seksueel"}
    # Every article has a catch-all row, so every lid/sub of it is a THB fact.
    assert {r.artikel for r in rules if not r.lid and not r.sub} == {"273f", "273a", "250a", "250ter"}
    keys = [(r.artikel, r.lid, r.sub) for r in rules]
    assert len(keys) == len(set(keys))
    sexual = {(r.artikel, r.sub) for r in rules if r.vorm == "seksueel" and r.lid == "1"}
    assert sexual == {
        ("273a", "3"),
        ("273a", "5"),
        ("273a", "7"),
        ("273a", "8"),
        ("273f", "3"),
        ("273f", "5"),
        ("273f", "8"),
        ("273f", "9"),
    }
