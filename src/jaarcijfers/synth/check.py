"""An independent, small counter of the EMM, OM, IND and Rechtspraak figures from delivery rows.

It implements docs/rules.md (rules 5-10 and the table rules) directly on lists of dicts, without the
warehouse or the figure engine, so the synthetic delivery can be checked before (and besides) the real
engine. Values are unrounded counts (ints), means (ints), or delivered table values (str); a cell that
the rules leave blank is "".
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import Any

from jaarcijfers.numbers import round_half_up

Cell = tuple[str, str, str, str]

_F13 = {
    "seksueel": "Seksuele uitbuiting",
    "arbeid": "Arbeidsuitbuiting",
    "crimineel": "Criminele uitbuiting",
    "overig": "Overig/onbekend",
}
_FORM = {
    "seks": "Seksuele uitbuiting",
    "arbeid": "Arbeidsuitbuiting",
    "crim": "Criminele/overige uitbuiting",
    "onb": "Onbekend",
}
_FORM5 = {
    "binnen": "Binnenlandse seksuele uitbuiting",
    "intl": "Internationale seksuele uitbuiting",
    "sexunk": "Seksuele uitbuiting onbekend",
    "arbeid": "Arbeidsuitbuiting",
    "crim": "Criminele/overige uitbuiting",
}
_CLS = {"mh_seksueel": "seksueel", "mh_arbeid": "arbeid", "mh_crimineel": "crimineel", "mh_overig": "overig"}
_TABLE_LABELS = {
    "uitstel_vertrek_kort": ("10", "Uitstel van vertrek minder dan 30 dagen"),
    "uitstel_vertrek_lang": ("10", "Uitstel van vertrek meer dan 30 dagen"),
    "b8_aanvragen": ("11", "B8 (aanvragen)"),
    "b8_verleend": ("11", "B8 (verleend)"),
    "b9_verleend": ("11", "B9 (verleend)"),
    "schrijnend_verleend": ("11", "Schrijnend pad (verleend)"),
    "hoger_beroep_totaal": ("20", "Totaal aantal zaken met eindarrest in hoger beroep"),
    "eindarrest_vrijspraak": ("20", "Eindarrest vrijspraak"),
    "eindarrest_schuldig": ("20", "Eindarrest schuldigverklaring"),
    "eindarrest_schuldig_mh_bewezen": (
        "20",
        "Eindarrest schuldigverklaring, waarin specifiek mensenhandel bewezen verklaard",
    ),
    "eindarrest_overig": ("20", "Eindarrest overig"),
    "cassatie_ingesteld": ("21", "Cassatie ingesteld"),
}


def _age_class(age: int | None) -> str:
    if age is None:
        return "Onbekend"
    if age <= 22:
        return "Minderjarig of adolescent (t/m 22 jaar)"
    if age <= 29:
        return "23-29"
    if age <= 39:
        return "30-39"
    return "40+"


def _int(s: str) -> int | None:
    s = (s or "").strip()
    return int(s) if s else None


class Counted:
    """Figures and measures counted from a delivery (dict of file name -> rows)."""

    def __init__(self, files: dict[str, list[dict[str, str]]], year: int):
        self.Y = year
        self.window = list(range(year - 4, year + 1))
        self.cells: dict[Cell, int | str] = {}
        self.measures: dict[tuple, Any] = {}
        self._tables(files)
        self._emm(files)
        self._om(files)

    # accessor for factspecs
    def cell(self, fig, part, row, col):
        return self.cells[(fig, part, row, col)]

    def measure(self, name, *args):
        if name == "om_age":
            years, forms = args
            s = sum(self.measures.get(("om_age_sum", y, f), 0) for y in years for f in forms)
            n = sum(self.measures.get(("om_age_n", y, f), 0) for y in years for f in forms)
            return s, n
        key = (name, *args)
        if key not in self.measures:
            if name in ("emm_nat", "om_instantie", "emm_onderzoeken"):
                return 0
            raise KeyError(key)
        return self.measures[key]

    # tables -------------------------------------------------------------------------------------
    def _tables(self, files) -> None:
        for fname in ("ind_tabel", "rechtspraak_tabel"):
            src = "ind" if fname == "ind_tabel" else "rechtspraak"
            for r in files.get(fname, []):
                y, m, v = int(r["jaar"]), r["maatstaf"], r["aantal"].strip()
                self.measures[(src, y, m)] = v
                iv = {"<10": 5}.get(v)
                self.measures[(src + "_num", y, m)] = iv if iv is not None else int(v)
                if m in _TABLE_LABELS and y in self.window:
                    fig, row = _TABLE_LABELS[m]
                    self.cells[(fig, "", row, str(y))] = v

    # EMM ----------------------------------------------------------------------------------------
    def _emm(self, files) -> None:
        invs = {r["onderzoek_id"]: r for r in files.get("emm_onderzoeken", [])}
        forms = defaultdict(set)
        for r in files.get("emm_onderzoek_vormen", []):
            forms[r["onderzoek_id"]].add(r["vorm"])
        per_year: defaultdict[int, int] = defaultdict(int)
        f13: defaultdict[tuple[str, int], int] = defaultdict(int)
        nla_no_labour = 0
        for oid, r in invs.items():
            y = int(r["startjaar"])
            if y not in self.window:
                continue
            per_year[y] += 1
            fs_ = {_F13[f] for f in forms[oid]}
            if r["partij"] == "nla":
                fs_.add(_F13["arbeid"])
                if "arbeid" not in forms[oid]:
                    nla_no_labour += 1
            if not forms[oid] and r["partij"] != "nla":
                fs_.add(_F13["overig"])
            for f in fs_:
                f13[f, y] += 1
        for y in sorted(per_year):
            self.measures[("emm_onderzoeken", y)] = per_year[y]
            for f in _F13.values():
                self.cells[("13", "", f, str(y))] = f13[f, y]
        self.measures[("emm_nla_zonder_arbeid",)] = nla_no_labour
        # suspects per start year
        people: dict[tuple[int, str], list[dict]] = defaultdict(list)
        for r in files.get("emm_verdachten", []):
            inv = invs.get(r["onderzoek_id"])
            if inv is None:
                continue
            y = int(inv["startjaar"])
            if y in self.window:
                people[y, r["verdachte_id"]].append(r)
        years = sorted({y for y, _ in people})
        for y in years:
            g: defaultdict[str, int] = defaultdict(int)
            adults = known = 0
            nat: defaultdict[str, int] = defaultdict(int)
            for (yy, _vid), rows in people.items():
                if yy != y:
                    continue
                genders = {r["geslacht"] for r in rows}
                gender = "man" if "man" in genders else "vrouw" if "vrouw" in genders else ""
                g[gender] += 1
                ages = [int(r["leeftijd"]) for r in rows if r["leeftijd"]]
                if ages:
                    known += 1
                    adults += min(ages) >= 18
                nats = sorted({r["nationaliteit"] for r in rows if r["nationaliteit"]})
                nat[nats[0] if nats else ""] += 1
            for label, key in (("Mannen", "man"), ("Vrouwen", "vrouw"), ("Onbekend", "")):
                self.cells[("14", "", label, str(y))] = g[key]
            self.cells[("14", "", "Totaal", str(y))] = sum(g.values())
            self.measures[("emm_volwassen", y)] = (adults, known)
            for k, v in nat.items():
                self.measures[("emm_nat", y, k)] = v

    # OM -----------------------------------------------------------------------------------------
    def _om(self, files) -> None:
        from jaarcijfers.contract.codelists import article_form, countries, is_thb_article

        eer = {c for c, v in countries().items() if v.eer and c != "NL"}
        facts = defaultdict(list)
        for r in files.get("om_feiten", []):
            facts[r["zaak_id"]].append(r)
        dossier = {r["zaak_id"]: r for r in files.get("om_dossiercodering", [])}
        reg: defaultdict[tuple[int, str], int] = defaultdict(int)
        dec: defaultdict[tuple[str, int, str], int] = defaultdict(int)
        judged: list[dict] = []
        for z in files.get("om_zaken", []):
            zid = z["zaak_id"]
            thb = [f for f in facts[zid] if is_thb_article(f["wetsartikel"])]
            found = {article_form(f["wetsartikel"]) for f in thb} - {None}
            if not found:
                found = {_CLS[f["classificatie"]] for f in thb if f["classificatie"] in _CLS}
            if not found and dossier.get(zid, {}).get("vorm"):
                found = {dossier[zid]["vorm"]}
            form = (
                "seks"
                if "seksueel" in found
                else "arbeid"
                if "arbeid" in found
                else "crim"
                if found & {"crimineel", "overig"}
                else "onb"
            )
            sub = dossier.get(zid, {}).get("subvorm", "")
            f5 = (
                {"binnenlands": "binnen", "internationaal": "intl"}.get(sub, "sexunk")
                if form == "seks"
                else form
            )
            r = int(z["inschrijfjaar"])
            if r in self.window:
                reg[r, form] += 1
                key = ("om_instantie", r, z["instantie"])
                n = self.measures.get(key, 0)
                assert isinstance(n, int)
                self.measures[key] = n + 1
            a = _int(z["afdoeningsjaar"])
            if z["afdoening"] and a in self.window:
                charged = any(f["tenlastegelegd"] == "ja" for f in thb)
                typ = (
                    "Dagvaarding voor mensenhandel"
                    if z["afdoening"] == "dagvaarding" and charged
                    else "Onvoorwaardelijk sepot"
                    if z["afdoening"] == "onvoorwaardelijk_sepot"
                    else "Overig"
                )
                dec[typ, a, form] += 1
            v = _int(z["vonnisjaar"])
            if v in self.window:
                charged_thb = [f for f in thb if f["tenlastegelegd"] == "ja"]
                if any(f["uitspraak"] == "bewezen" for f in thb):
                    verdict = "Veroordeling voor mensenhandel"
                elif charged_thb and all(f["uitspraak"] == "vrijspraak" for f in charged_thb):
                    verdict = "Vrijspraak voor mensenhandel"
                else:
                    verdict = "Overig/onbekend"
                land = z["geboorteland"]
                herk = (
                    "Onbekend"
                    if not land
                    else "Nederland"
                    if land == "NL"
                    else "EU+EER+Zwitserland"
                    if land in eer
                    else "Overig"
                )
                gender = {"man": "Man", "vrouw": "Vrouw"}.get(z["geslacht"], "Onbekend")
                judged.append(
                    dict(
                        v=v,
                        form=form,
                        f5=f5,
                        verdict=verdict,
                        age=_int(z["leeftijd_pleegdatum"]),
                        herk=herk,
                        gender=gender,
                    )
                )
        for y in self.window:
            self.cells[("15", "", "Ingeschreven mensenhandelzaken", str(y))] = sum(reg[y, f] for f in _FORM)
            for f, label in _FORM.items():
                self.cells[("16", "", label, str(y))] = reg[y, f]
            for typ in ("Dagvaarding voor mensenhandel", "Onvoorwaardelijk sepot", "Overig"):
                self.cells[("17", "jaar", typ, str(y))] = sum(dec[typ, y, f] for f in _FORM)
        for typ in ("Dagvaarding voor mensenhandel", "Onvoorwaardelijk sepot", "Overig"):
            for f, label in _FORM.items():
                self.cells[("17", "vorm", typ, label)] = sum(dec[typ, y, f] for y in self.window)
        # first-instance judgments
        c: defaultdict[tuple[str, int, str], int] = defaultdict(int)
        for j in judged:
            c["18", j["v"], j["f5"]] += 1
        for y in self.window:
            sex = sum(c["18", y, f] for f in ("binnen", "intl", "sexunk"))
            known = c["18", y, "binnen"] + c["18", y, "intl"]
            show = 2 * known >= sex
            col = str(y)
            self.cells[("18", "", "Seksuele uitbuiting - totaal", col)] = sex
            self.cells[("18", "", "Binnenlandse seksuele uitbuiting", col)] = (
                c["18", y, "binnen"] if show else ""
            )
            self.cells[("18", "", "Internationale seksuele uitbuiting", col)] = (
                c["18", y, "intl"] if show else ""
            )
            self.cells[("18", "", "Seksuele uitbuiting - onbekend", col)] = (
                c["18", y, "sexunk"] if show else ""
            )
            self.cells[("18", "", "Arbeidsuitbuiting", col)] = c["18", y, "arbeid"]
            self.cells[("18", "", "Criminele/overige uitbuiting", col)] = c["18", y, "crim"]
            self.cells[("18", "", "Totaal", col)] = sum(c["18", y, f] for f in _FORM5)
        blocks = {
            "19": (
                "verdict",
                ["Vrijspraak voor mensenhandel", "Veroordeling voor mensenhandel", "Overig/onbekend"],
            ),
            "22": ("ageclass", ["Minderjarig of adolescent (t/m 22 jaar)", "23-29", "30-39", "40+"]),
            "23": ("gender", ["Man", "Vrouw", "Onbekend"]),
            "24": ("herk", ["Nederland", "EU+EER+Zwitserland", "Overig", "Onbekend"]),
        }
        for j in judged:
            j["ageclass"] = _age_class(j["age"])
        if any(j["age"] is None for j in judged):
            blocks["22"][1].append("Onbekend")
        for fig, (dim, rows) in blocks.items():
            for row in rows:
                for y in self.window:
                    self.cells[(fig, "jaar", row, str(y))] = sum(
                        1 for j in judged if j["v"] == y and j[dim] == row
                    )
                for f, label in _FORM5.items():
                    self.cells[(fig, "vorm", row, label)] = sum(
                        1 for j in judged if j["f5"] == f and j[dim] == row
                    )
        for y in self.window:
            ages = [j["age"] for j in judged if j["v"] == y and j["age"] is not None]
            if ages:
                self.cells[("22", "jaar", "Gemiddelde leeftijd in jaren", str(y))] = round_half_up(
                    Fraction(sum(ages), len(ages))
                )
        for f, label in _FORM5.items():
            ages = [j["age"] for j in judged if j["f5"] == f and j["age"] is not None]
            if ages:
                self.cells[("22", "vorm", "Gemiddelde leeftijd in jaren", label)] = round_half_up(
                    Fraction(sum(ages), len(ages))
                )
            for y in self.window:
                ages_y = [j["age"] for j in judged if j["f5"] == f and j["v"] == y and j["age"] is not None]
                self.measures[("om_age_sum", y, f)] = sum(ages_y)
                self.measures[("om_age_n", y, f)] = len(ages_y)
