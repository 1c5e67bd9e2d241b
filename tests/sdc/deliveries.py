"""Seeded random deliveries that pass the contract, with the corner cases the catalogue's coverage
declarations are about: victims without form rows or without reporter rows, sexually exploited victims
of unknown nationality, victims, suspects and cases of unknown gender or age, years without any record,
optional categories (region Overig, case form onbekend, suspect age onbekend) present or absent.

`complete=True` leaves out the cases that make a data-dependent identity fail (a victim without a reporter
row, a sexually exploited victim of unknown nationality): every identity must then hold.
"""

from __future__ import annotations

import random
from pathlib import Path

from jaarcijfers.contract.example import write_delivery

YEAR = 2024
NATIONALITIES = ["NL", "NL", "RO", "BG", "NG", "UG", "CN", "VN", "BR", "CO", "US", "XX", ""]
SEX_SECTORS = [
    "thuis",
    "escort",
    "straat",
    "bordeel_club_prive",
    "hotel",
    "raam",
    "overig",
    "nog_niet_gewerkt",
    "onbekend",
    "",
]
LABOUR_SECTORS = [
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
    "",
]
FORMS = ["seksueel", "seksueel", "arbeid", "crimineel", "bedelarij", "orgaanverwijdering", "onbekend"]
REPORTERS = ["politie", "kmar", "nla", "zorgcoordinator", "fairwork", "overig"]
THB_ARTICLES = ["273f lid 1 sub 1 Sr", "273f lid 1 sub 4 Sr", "273f lid 1 sub 5 Sr", "273f Sr"]


def _age(rnd: random.Random) -> str:
    return "" if rnd.random() < 0.15 else str(rnd.choice([14, 16, 17, 19, 21, 25, 28, 33, 38, 45, 60]))


def _gender(rnd: random.Random) -> str:
    return rnd.choice(["man", "vrouw", "vrouw", ""])


def _rounded(rnd: random.Random) -> str:
    return rnd.choice(["0", "<10", "10", "15", "20", "35"])


def tables(
    seed: int, complete: bool = False, single_form: bool = False, with_years: tuple[int, ...] = ()
) -> dict[str, list[dict[str, str]]]:
    """`with_years`: years that have records whatever the draw (a reporting year must have data)."""
    rnd = random.Random(seed)
    window = list(range(YEAR - 4, YEAR + 1))
    # some years without any record (the draw is made for every year, so `with_years` changes nothing else)
    years = [y for y in window if y == YEAR or (rnd.random() > 0.2) or y in with_years]
    out: dict[str, list[dict[str, str]]] = {name: [] for name in _FILES}

    # CoMensha
    for i in range(rnd.randint(25, 60)):
        rid = f"R{i}"
        nationality = rnd.choice(NATIONALITIES)
        out["comensha_registraties"].append(
            {
                "registratie_id": rid,
                "jaar": str(rnd.choice(years)),
                "anoniem": "ja" if rnd.random() < 0.1 else "nee",
                "geslacht": _gender(rnd),
                "leeftijd": _age(rnd),
                "nationaliteit": nationality,
            }
        )
        forms = (
            set() if rnd.random() < 0.1 else set(rnd.sample(FORMS, 1 if single_form else rnd.randint(1, 3)))
        )
        if complete and nationality == "" and "seksueel" in forms:
            forms.discard("seksueel")
        rows = set()
        for form in sorted(forms):
            sectors = SEX_SECTORS if form == "seksueel" else LABOUR_SECTORS if form == "arbeid" else [""]
            if form == "onbekend":
                sectors = ["nog_niet_gewerkt", ""]
            for sector in rnd.sample(sectors, rnd.randint(1, min(2, len(sectors)))):
                rows.add((form, sector))
        for form, sector in sorted(rows):
            out["comensha_uitbuiting"].append({"registratie_id": rid, "vorm": form, "sector": sector})
        n_reporters = rnd.choice([1, 1, 2]) if complete else rnd.choice([0, 1, 1, 2])
        for reporter in rnd.sample(REPORTERS, n_reporters):
            out["comensha_melders"].append({"registratie_id": rid, "melder": reporter})

    # IND, Raad voor de rechtspraak (rounded tables)
    for y in years:
        for m in ("uitstel_vertrek_kort", "b8_aanvragen", "b8_verleend", "b9_verleend"):
            out["ind_tabel"].append({"jaar": str(y), "maatstaf": m, "aantal": _rounded(rnd)})
        for m in (
            "hoger_beroep_totaal",
            "eindarrest_vrijspraak",
            "eindarrest_schuldig",
            "cassatie_ingesteld",
        ):
            out["rechtspraak_tabel"].append({"jaar": str(y), "maatstaf": m, "aantal": _rounded(rnd)})

    # EMM
    for i in range(rnd.randint(8, 20)):
        oid = f"O{i}"
        out["emm_onderzoeken"].append(
            {
                "onderzoek_id": oid,
                "startjaar": str(rnd.choice(years)),
                "partij": rnd.choice(["politie", "kmar", "nla"]),
            }
        )
        for form in rnd.sample(["seksueel", "arbeid", "crimineel", "overig"], rnd.randint(0, 2)):
            out["emm_onderzoek_vormen"].append({"onderzoek_id": oid, "vorm": form})
        for suspect in rnd.sample(range(30), rnd.randint(0, 3)):
            out["emm_verdachten"].append(
                {
                    "verdachte_id": f"V{suspect}",
                    "onderzoek_id": oid,
                    "geslacht": _gender(rnd),
                    "leeftijd": _age(rnd),
                    "nationaliteit": rnd.choice(NATIONALITIES),
                }
            )

    # OM
    for i in range(rnd.randint(20, 50)):
        zid = f"Z{i}"
        registered = rnd.choice(years)
        decision = rnd.choice(["dagvaarding", "dagvaarding", "onvoorwaardelijk_sepot", "overig", ""])
        judged = (
            str(rnd.choice([y for y in years if y >= registered] or [registered]))
            if rnd.random() < 0.6
            else ""
        )
        out["om_zaken"].append(
            {
                "zaak_id": zid,
                "inschrijfjaar": str(registered),
                "instantie": rnd.choice(["politie", "kmar", "nla", "overig"]),
                "geslacht": _gender(rnd),
                "leeftijd_pleegdatum": _age(rnd),
                "geboorteland": rnd.choice(NATIONALITIES),
                "afdoening": decision,
                "afdoeningsjaar": str(rnd.choice([y for y in years if y >= registered] or [registered]))
                if decision
                else "",
                "vonnisjaar": judged,
            }
        )
        for n in range(1, rnd.randint(1, 3)):
            thb = rnd.random() < 0.8
            out["om_feiten"].append(
                {
                    "zaak_id": zid,
                    "feit_nr": str(n),
                    "wetsartikel": rnd.choice(THB_ARTICLES) if thb else "311 Sr",
                    "classificatie": rnd.choice(
                        ["mh_seksueel", "mh_arbeid", "mh_crimineel", "mh_overig", "overig", ""]
                    ),
                    "tenlastegelegd": rnd.choice(["ja", "nee"]),
                    "uitspraak": rnd.choice(["bewezen", "vrijspraak", "overig", ""]),
                }
            )
        if rnd.random() < 0.7:
            form = rnd.choice(["seksueel", "arbeid", "crimineel", "overig", ""])
            out["om_dossiercodering"].append(
                {
                    "zaak_id": zid,
                    "vorm": form,
                    "subvorm": rnd.choice(["binnenlands", "internationaal", ""])
                    if form == "seksueel"
                    else "",
                }
            )
    return out


_FILES = (
    "comensha_registraties",
    "comensha_uitbuiting",
    "comensha_melders",
    "ind_tabel",
    "emm_onderzoeken",
    "emm_onderzoek_vormen",
    "emm_verdachten",
    "om_zaken",
    "om_feiten",
    "om_dossiercodering",
    "rechtspraak_tabel",
)


def write(
    folder: Path,
    seed: int,
    complete: bool = False,
    single_form: bool = False,
    with_years: tuple[int, ...] = (),
) -> Path:
    """`single_form`: every victim has at most one form (no victim counted twice in Figuur 2)."""
    return write_delivery(folder, tables(seed, complete, single_form, with_years))


# --- planted small groups (docs/sdc.md; issue 14's disclosure holes) ---------------------------------------
Tables = dict[str, list[dict[str, str]]]


def _victim(rid: str, year: int, nationality: str, gender: str = "vrouw", age: str = "30") -> dict[str, str]:
    return {
        "registratie_id": rid,
        "jaar": str(year),
        "anoniem": "nee",
        "geslacht": gender,
        "leeftijd": age,
        "nationaliteit": nationality,
    }


def _drop_victims(tables: Tables, year: int) -> None:
    """Remove the registrations of `year` (and their form and reporter rows)."""
    gone = {r["registratie_id"] for r in tables["comensha_registraties"] if r["jaar"] == str(year)}
    for name in ("comensha_registraties", "comensha_uitbuiting", "comensha_melders"):
        tables[name] = [r for r in tables[name] if r["registratie_id"] not in gone]


def plant_three_victims(tables: Tables, year: int = YEAR) -> Tables:
    """Exactly three victims in `year`: one Dutch, one Nigerian, one Brazilian (regions Nederland, Afrika,
    Latijns-Amerika; none from Europe), each sexually exploited and reported by the police. Tabel 1 would
    name each nationality; the shares 33%, 33%, 33% and 0% pin Figuur 1's `<5` to 3."""
    _drop_victims(tables, year)
    for n, nationality in enumerate(("NL", "NG", "BR")):
        rid = f"P3_{n}"
        tables["comensha_registraties"].append(_victim(rid, year, nationality))
        tables["comensha_uitbuiting"].append({"registratie_id": rid, "vorm": "seksueel", "sector": "thuis"})
        tables["comensha_melders"].append({"registratie_id": rid, "melder": "politie"})
    return tables


def plant_men(tables: Tables, before: int = 210, now: int = 1, year: int = YEAR) -> Tables:
    """`before` male victims the year before and `now` in `year` (nothing else in those two years): the
    change of the men, -100%, pins Figuur 8's `<5` of `year` to `now`."""
    for y, n in ((year - 1, before), (year, now)):
        _drop_victims(tables, y)
        for i in range(n):
            rid = f"PM{y}_{i}"
            tables["comensha_registraties"].append(_victim(rid, y, "RO", gender="man"))
            tables["comensha_uitbuiting"].append({"registratie_id": rid, "vorm": "arbeid", "sector": "bouw"})
            tables["comensha_melders"].append({"registratie_id": rid, "melder": "nla"})
    return tables


def _om_case(zid: str, **values: str) -> dict[str, str]:
    case = {
        "zaak_id": zid,
        "inschrijfjaar": str(YEAR - 2),
        "instantie": "politie",
        "geslacht": "man",
        "leeftijd_pleegdatum": "35",
        "geboorteland": "NL",
        "afdoening": "",
        "afdoeningsjaar": "",
        "vonnisjaar": "",
    }
    case.update(values)
    return case


def plant_tried_suspects(
    tables: Tables, n: int, year: int = YEAR, rnd: random.Random | None = None
) -> Tables:
    """Exactly `n` suspects tried in first instance in `year` (a case with a judgment that year), with ages:
    Figuur 22's mean age over them would tell their ages when `n` is small."""
    rnd = rnd or random.Random(n)
    for case in tables["om_zaken"]:
        if case["vonnisjaar"] == str(year):
            case["vonnisjaar"] = ""
    for i in range(n):
        zid = f"PT{year}_{i}"
        tables["om_zaken"].append(
            _om_case(
                zid,
                inschrijfjaar=str(year - 1),
                leeftijd_pleegdatum=str(rnd.choice([19, 27, 34, 41, 52])),
                afdoening="dagvaarding",
                afdoeningsjaar=str(year),
                vonnisjaar=str(year),
            )
        )
        tables["om_feiten"].append(
            {
                "zaak_id": zid,
                "feit_nr": "1",
                "wetsartikel": "273f lid 1 sub 1 Sr",
                "classificatie": "mh_seksueel",
                "tenlastegelegd": "ja",
                "uitspraak": "bewezen",
            }
        )
        tables["om_dossiercodering"].append({"zaak_id": zid, "vorm": "seksueel", "subvorm": "binnenlands"})
    return tables


def plant_decisions(tables: Tables, counts: dict[str, int], year: int = YEAR) -> Tables:
    """The OM decisions of `year`: exactly `counts` (decision code -> cases); e.g. 91 summons and 2 other
    decisions give a total of 93 that includes a `<5` cell (Figuur 17)."""
    for case in tables["om_zaken"]:
        if case["afdoeningsjaar"] == str(year):
            case["afdoening"], case["afdoeningsjaar"], case["vonnisjaar"] = "", "", ""
    for decision, n in counts.items():
        for i in range(n):
            zid = f"PD{year}_{decision}_{i}"
            tables["om_zaken"].append(_om_case(zid, afdoening=decision, afdoeningsjaar=str(year)))
            tables["om_feiten"].append(
                {
                    "zaak_id": zid,
                    "feit_nr": "1",
                    "wetsartikel": "273f lid 1 sub 4 Sr",
                    "classificatie": "mh_arbeid",
                    "tenlastegelegd": "ja",
                    "uitspraak": "",
                }
            )
    return tables


def write_tables(folder: Path, tables: Tables) -> Path:
    return write_delivery(folder, tables)
