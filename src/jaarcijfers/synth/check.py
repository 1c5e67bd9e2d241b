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

from jaarcijfers.contract.codelists import codes, column
from jaarcijfers.numbers import round_half_up
from jaarcijfers.synth import factspecs as fs
from jaarcijfers.synth import labels as L

Cell = tuple[str, str, str, str]

# labels of the published figures: from the figure catalogue (`synth.labels`, via `synth.factspecs`)
_F13 = fs.R13  # emm_onderzoek_vormen.vorm -> Figuur 13 row
_FORM = fs.R16  # OM form -> Figuur 16 row / Figuur 17 column
_FORM5 = fs.RFORM5  # OM form with the sexual split -> column of figures 19, 22-24
_SUBVORM = {c: L.CASE_FORM5[c] for c in codes("om_subvormen")}  # om_dossiercodering.subvorm -> form
_TABLE_LABELS = {cs[0]: (fig, lab) for fig in ("10", "11", "20", "21") for lab, cs in L.labels(fig)}
_AGE_BOUNDS = [(L.age_bounds(c), fs.R22[c]) for c in fs.AGE_CODES]


def _age_class(age: int | None) -> str:
    if age is None:
        return L.label("22", "onbekend", "jaar")
    for bounds, lab in _AGE_BOUNDS:
        if bounds is not None and age <= bounds[1]:
            return lab
    return _AGE_BOUNDS[-1][1]


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
            for key, label in fs.R14.items():
                self.cells[("14", "", label, str(y))] = g[key]
            self.cells[("14", "", fs.R14_TOTAL, str(y))] = sum(g.values())
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
                cls = column("om_classificaties", "vorm")
                found = {cls[f["classificatie"]] for f in thb if f["classificatie"] in cls}
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
            f5 = _SUBVORM.get(sub, "sexunk") if form == "seks" else form
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
                typ = fs.R17[
                    "dag"
                    if z["afdoening"] == "dagvaarding" and charged
                    else "sepot"
                    if z["afdoening"] == "onvoorwaardelijk_sepot"
                    else "overig"
                ]
                dec[typ, a, form] += 1
            v = _int(z["vonnisjaar"])
            if v in self.window:
                charged_thb = [f for f in thb if f["tenlastegelegd"] == "ja"]
                if any(f["uitspraak"] == "bewezen" for f in thb):
                    verdict = fs.R19["veroordeeld"]
                elif charged_thb and all(f["uitspraak"] == "vrijspraak" for f in charged_thb):
                    verdict = fs.R19["vrij"]
                else:
                    verdict = fs.R19["overig"]
                land = z["geboorteland"]
                herk = fs.R24[
                    "onb" if not land else "nl" if land == "NL" else "eer" if land in eer else "overig"
                ]
                gender = fs.R23.get(z["geslacht"] or "", fs.R23[""])
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
            self.cells[("15", "", fs.R15, str(y))] = sum(reg[y, f] for f in _FORM)
            for f, label in _FORM.items():
                self.cells[("16", "", label, str(y))] = reg[y, f]
            for typ in fs.R17.values():
                self.cells[("17", "jaar", typ, str(y))] = sum(dec[typ, y, f] for f in _FORM)
        for typ in fs.R17.values():
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
            self.cells[("18", "", fs.R18_SEX, col)] = sex
            for f in fs.SEXUAL5:  # rule 8: the split only when at least half is known
                self.cells[("18", "", fs.R18[f], col)] = c["18", y, f] if show else ""
            for f in _FORM5:
                if f not in fs.SEXUAL5:
                    self.cells[("18", "", fs.R18[f], col)] = c["18", y, f]
            self.cells[("18", "", fs.R18_TOTAL, col)] = sum(c["18", y, f] for f in _FORM5)
        blocks = {
            "19": ("verdict", list(fs.R19.values())),
            "22": ("ageclass", list(fs.AGE_ROWS)),
            "23": ("gender", list(fs.R23.values())),
            "24": ("herk", list(fs.R24.values())),
        }
        for j in judged:
            j["ageclass"] = _age_class(j["age"])
        if any(j["age"] is None for j in judged):
            blocks["22"][1].append(L.label("22", "onbekend", "jaar"))
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
                self.cells[("22", "jaar", fs.MEAN_ROW, str(y))] = round_half_up(
                    Fraction(sum(ages), len(ages))
                )
        for f, label in _FORM5.items():
            ages = [j["age"] for j in judged if j["f5"] == f and j["age"] is not None]
            if ages:
                self.cells[("22", "vorm", fs.MEAN_ROW, label)] = round_half_up(Fraction(sum(ages), len(ages)))
            for y in self.window:
                ages_y = [j["age"] for j in judged if j["f5"] == f and j["v"] == y and j["age"] is not None]
                self.measures[("om_age_sum", y, f)] = sum(ages_y)
                self.measures[("om_age_n", y, f)] = len(ages_y)
