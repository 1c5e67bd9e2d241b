"""The synth package's own small counter (used for the fit report) follows docs/rules.md."""

from jaarcijfers.synth.check import Counted


def _zaak(zid, r, afd="", a="", v="", land="NL", g="man", age="30"):
    return {
        "zaak_id": zid,
        "inschrijfjaar": str(r),
        "instantie": "politie",
        "geslacht": g,
        "leeftijd_pleegdatum": age,
        "geboorteland": land,
        "afdoening": afd,
        "afdoeningsjaar": str(a),
        "vonnisjaar": str(v),
    }


def _feit(zid, nr, art, cls="", tll="nee", uit=""):
    return {
        "zaak_id": zid,
        "feit_nr": str(nr),
        "wetsartikel": art,
        "classificatie": cls,
        "tenlastegelegd": tll,
        "uitspraak": uit,
    }


def test_om_rules_8_to_10():
    files = {
        "om_zaken": [
            _zaak("A", 2024, "dagvaarding", 2024, 2024),  # article decides sexual, convicted
            _zaak("B", 2024, "dagvaarding", 2024, 2024, "RO"),  # labour by classification, acquitted
            _zaak("C", 2024, "dagvaarding", 2024, 2024, "MA"),  # summons without THB fact -> Overig
            _zaak("D", 2023, "onvoorwaardelijk_sepot", 2024),  # dossier decides criminal
            _zaak("E", 2024),  # unknown form, undecided
        ],
        "om_feiten": [
            _feit("A", 1, "273f lid 1 sub 3 Sr", "mh_arbeid", "ja", "bewezen"),
            _feit("B", 1, "273f lid 1 sub 4 Sr", "mh_arbeid", "ja", "vrijspraak"),
            _feit("B", 2, "300 Sr", "overig", "ja", "bewezen"),
            _feit("C", 1, "273f lid 1 sub 1 Sr", "mh_crimineel", "nee"),
            _feit("C", 2, "416 Sr", "overig", "ja", "bewezen"),
            _feit("D", 1, "273f lid 1 sub 1 Sr"),
            _feit("E", 1, "273f lid 1 sub 1 Sr", "overig"),
        ],
        "om_dossiercodering": [
            {"zaak_id": "A", "vorm": "seksueel", "subvorm": ""},
            {"zaak_id": "D", "vorm": "crimineel", "subvorm": ""},
        ],
    }
    c = Counted(files, 2024)
    assert c.cells[("16", "", "Seksuele uitbuiting", "2024")] == 1
    assert c.cells[("16", "", "Arbeidsuitbuiting", "2024")] == 1
    assert c.cells[("16", "", "Criminele/overige uitbuiting", "2024")] == 1
    assert c.cells[("16", "", "Onbekend", "2024")] == 1
    assert c.cells[("16", "", "Criminele/overige uitbuiting", "2023")] == 1
    assert c.cells[("17", "jaar", "Dagvaarding voor mensenhandel", "2024")] == 2
    assert c.cells[("17", "jaar", "Overig", "2024")] == 1
    assert c.cells[("17", "vorm", "Onvoorwaardelijk sepot", "Criminele/overige uitbuiting")] == 1
    assert c.cells[("19", "jaar", "Veroordeling voor mensenhandel", "2024")] == 1
    assert c.cells[("19", "jaar", "Vrijspraak voor mensenhandel", "2024")] == 1
    assert c.cells[("19", "jaar", "Overig/onbekend", "2024")] == 1
    # one sexual case, subvorm unknown: fewer than half known -> split blank
    assert c.cells[("18", "", "Binnenlandse seksuele uitbuiting", "2024")] == ""
    assert c.cells[("18", "", "Seksuele uitbuiting - totaal", "2024")] == 1
    assert c.cells[("24", "jaar", "EU+EER+Zwitserland", "2024")] == 1
    assert c.cells[("24", "jaar", "Overig", "2024")] == 1
    assert c.cells[("22", "jaar", "Gemiddelde leeftijd in jaren", "2024")] == 30


def test_emm_rule_7():
    files = {
        "emm_onderzoeken": [
            {"onderzoek_id": "O1", "startjaar": "2024", "partij": "nla"},
            {"onderzoek_id": "O2", "startjaar": "2024", "partij": "politie"},
            {"onderzoek_id": "O3", "startjaar": "2024", "partij": "politie"},
        ],
        "emm_onderzoek_vormen": [
            {"onderzoek_id": "O2", "vorm": "seksueel"},
            {"onderzoek_id": "O2", "vorm": "crimineel"},
        ],
        "emm_verdachten": [
            {
                "verdachte_id": "V1",
                "onderzoek_id": "O1",
                "geslacht": "vrouw",
                "leeftijd": "17",
                "nationaliteit": "NL",
            },
            {
                "verdachte_id": "V1",
                "onderzoek_id": "O2",
                "geslacht": "man",
                "leeftijd": "17",
                "nationaliteit": "NL",
            },
            {"verdachte_id": "V2", "onderzoek_id": "O3", "geslacht": "", "leeftijd": "", "nationaliteit": ""},
        ],
    }
    c = Counted(files, 2024)
    assert c.cells[("13", "", "Arbeidsuitbuiting", "2024")] == 1
    assert c.cells[("13", "", "Overig/onbekend", "2024")] == 1
    assert c.cells[("13", "", "Seksuele uitbuiting", "2024")] == 1
    assert c.measures[("emm_onderzoeken", 2024)] == 3
    assert c.measures[("emm_nla_zonder_arbeid",)] == 1
    assert c.cells[("14", "", "Mannen", "2024")] == 1  # man wins over vrouw
    assert c.cells[("14", "", "Totaal", "2024")] == 2
    assert c.measures[("emm_volwassen", 2024)] == (0, 1)
