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


def tables(seed: int, complete: bool = False, single_form: bool = False) -> dict[str, list[dict[str, str]]]:
    rnd = random.Random(seed)
    window = list(range(YEAR - 4, YEAR + 1))
    years = [y for y in window if y == YEAR or rnd.random() > 0.2]  # some years without any record
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
        for form in forms:
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


def write(folder: Path, seed: int, complete: bool = False, single_form: bool = False) -> Path:
    """`single_form`: every victim has at most one form (no victim counted twice in Figuur 2)."""
    return write_delivery(folder, tables(seed, complete, single_form))
