"""The CoMensha part of the synthetic delivery, counted again by an independent counter of docs/rules.md."""

from __future__ import annotations

import copy
from collections import Counter, defaultdict
from fractions import Fraction

import pytest

from jaarcijfers.contract import codelists
from jaarcijfers.numbers import round_half_up
from jaarcijfers.synth.comensha.solve import synthesize_comensha
from jaarcijfers.synth.targets import load_targets

# re-synthesis: run by `make test-slow` (docs/testing.md)
pytestmark = pytest.mark.slow

# ------------------------------------------------------------------------------- independent counter

FORM_OF = {"seksueel": "S", "arbeid": "L", "crimineel": "C", "bedelarij": "C", "orgaanverwijdering": "O"}


def age_label(raw: str) -> str:
    if raw == "":
        return "Onbekend"
    a = int(raw)
    if a < 18:
        return "Minderjarig"
    if a <= 22:
        return "18-22 (adolescent)"
    if a <= 29:
        return "23-29"
    if a <= 39:
        return "30-39"
    return "40+"


class Counted:
    """Victims of a delivery with their derived attributes (rules 1-6)."""

    def __init__(self, tables: dict[str, list[dict[str, str]]]) -> None:
        countries = codelists.countries()
        self.naam = {c.code: c.naam for c in countries.values()}
        self.victims: dict[str, dict] = {}
        self.anon: Counter = Counter()
        for r in tables["comensha_registraties"]:
            if r["anoniem"] == "ja":
                self.anon[int(r["jaar"])] += 1
                continue
            nat = r["nationaliteit"]
            self.victims[r["registratie_id"]] = {
                "jaar": int(r["jaar"]),
                "g": r["geslacht"],
                "age": age_label(r["leeftijd"]),
                "nat": nat,
                "region": countries[nat].regio if nat else "Onbekend",
                "forms": set(),
                "rows": defaultdict(list),
                "rep": set(),
            }
        for r in tables["comensha_uitbuiting"]:
            v = self.victims.get(r["registratie_id"])
            if v is None:
                continue
            if r["vorm"] in FORM_OF:
                v["forms"].add(FORM_OF[r["vorm"]])
            v["rows"][r["vorm"]].append(r["sector"])
        for r in tables["comensha_melders"]:
            v = self.victims.get(r["registratie_id"])
            if v is not None:
                v["rep"].add(r["melder"])

    def year(self, y: int) -> list[dict]:
        return [v for v in self.victims.values() if v["jaar"] == y]

    @staticmethod
    def in_col(v: dict, col: str) -> bool:
        f = v["forms"]
        if col == "Binnenlandse seksuele uitbuiting":
            return "S" in f and v["nat"] == "NL"
        if col == "Internationale seksuele uitbuiting":
            return "S" in f and v["nat"] not in ("", "NL")
        if col == "Seksuele uitbuiting":
            return "S" in f
        if col == "Arbeidsuitbuiting":
            return "L" in f
        if col == "Criminele uitbuiting":
            return "C" in f
        if col == "Gedwongen orgaanverwijdering":
            return "O" in f
        if col == "Onbekend/nog niet gewerkt":
            return not f
        if col == "Overig/onbekend":
            return not f or "O" in f
        raise KeyError(col)

    @staticmethod
    def sector_rows(v: dict, vorm: str) -> list[str]:
        return v["rows"].get(vorm, [])

    def in_sector(self, v: dict, vorm: str, label: str) -> bool:
        form = {"seksueel": "S", "arbeid": "L"}[vorm]
        if form not in v["forms"]:
            return False
        rows = [s for s in self.sector_rows(v, vorm)]
        known = {s for s in rows if s not in ("", "nog_niet_gewerkt")}
        low = label.lower()
        if "uitsluitend" in low or low == "onbekend/nog niet gewerkt":
            if known:
                return False
            nnw = bool(rows) and all(s == "nog_niet_gewerkt" for s in rows)
            if "nog niet gewerkt" in low and "onbekend" in low:
                return True
            return nnw if "nog niet gewerkt" in low else not nnw
        labels = codelists.sector_labels(vorm)
        codes = [c for c, lab in labels.items() if lab == label or lab.startswith(label)]
        assert len(codes) == 1, label
        return codes[0] in known


def region_of_label(label: str, v: dict) -> bool:
    return v["region"] == label or (label.startswith(v["region"]) and v["region"] != "Onbekend")


def compute_cell(c: Counted, fig: str, part: str, row: str, col: str, year: int) -> str:
    reporter_code = {lab: code for code, lab in codelists.labels("melders").items()}
    colyear = int(col) if col.isdigit() else year
    vs = c.year(colyear)
    if fig == "1":
        n = len(vs)
    elif fig == "2":
        n = sum(c.in_col(v, row) for v in vs)
    elif fig == "3":
        n = sum(c.in_sector(v, "seksueel", row) for v in vs)
    elif fig == "4":
        n = sum(c.in_sector(v, "seksueel", row) and region_of_label(col, v) for v in vs)
    elif fig == "5":
        n = sum(c.in_sector(v, "arbeid", row) for v in vs)
    elif fig in ("6", "7"):
        minors = (
            [v for v in vs if v["age"] == row] if fig == "6" else [v for v in vs if v["age"] == "Minderjarig"]
        )
        if fig == "6" and part == "jaar":
            n = len(minors)
        elif fig == "6":
            n = sum(c.in_col(v, col) for v in minors)
        else:
            k = sum(c.in_col(v, row) for v in minors)
            if col == "Aantal":
                n = k
            else:
                tot = sum(c.in_col(v, r) for v in minors for r in FIVE)
                return f"{round_half_up(Fraction(k, tot) * 100)}%"
    elif fig == "8":
        g = {"Man": "man", "Vrouw": "vrouw"}[row]
        sel = [v for v in vs if v["g"] == g]
        n = len(sel) if part == "jaar" else sum(c.in_col(v, col) for v in sel)
    elif fig == "9":
        sel = [v for v in vs if v["region"] == row]
        n = len(sel) if part == "jaar" else sum(c.in_col(v, col) for v in sel)
    elif fig == "12":
        sel = [v for v in vs if reporter_code[row] in v["rep"]]
        n = len(sel) if part == "jaar" else sum(c.in_col(v, col) for v in sel)
    elif fig == "T1":
        top = top10(c, year)
        code = next(k for k, nm in c.naam.items() if nm == row)
        if col == "Rang":
            return str(top.index(code) + 1) if code in top else "-"
        n = sum(v["nat"] == code for v in vs)
    else:
        raise KeyError(fig)
    return "<5" if 1 <= n <= 4 else str(n)


FIVE = [
    "Binnenlandse seksuele uitbuiting",
    "Internationale seksuele uitbuiting",
    "Arbeidsuitbuiting",
    "Criminele uitbuiting",
    "Overig/onbekend",
]


def top10(c: Counted, year: int) -> list[str]:
    cnt = Counter(v["nat"] for v in c.year(year) if v["nat"])
    return [k for k, _ in sorted(cnt.items(), key=lambda kv: (-kv[1], c.naam[kv[0]]))][:10]


COMENSHA_FIGS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "12", "T1")


def mismatches(targets, tables) -> list[str]:
    c = Counted(tables)
    out = []
    for (fig, part, row, col), raw in targets.cells.items():
        if fig not in COMENSHA_FIGS:
            continue
        got = compute_cell(c, fig, part, row, col, targets.year)
        if got != raw:
            out.append(f"F{fig}/{part}[{row}|{col}]: published {raw}, counted {got}")
    return out


# ------------------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def targets():
    return load_targets()


@pytest.fixture(scope="module")
def result(targets):
    return synthesize_comensha(targets, seed=1)


def test_every_comensha_cell_is_met(targets, result):
    assert mismatches(targets, result.tables) == []
    n_cells = sum(1 for k in targets.cells if k[0] in COMENSHA_FIGS)
    assert n_cells > 300


def test_only_the_known_inconsistent_fact_is_unmet(result):
    names = [n for n, _ in result.unmet]
    assert names == ["fact vrouwen_pct_2024"], result.unmet
    assert "+12.8%" in result.unmet[0][1]


def test_facts_counted_independently(targets, result):
    c = Counted(result.tables)
    y = targets.year
    vs, prev = c.year(y), c.year(y - 1)
    assert c.anon[y] == int(targets.fact(f"anoniem_{y}"))
    assert c.anon[y - 1] == int(targets.fact(f"anoniem_{y - 1}"))
    for yy, vv in ((y, vs), (y - 1, prev)):
        assert sum({"S", "C"} <= v["forms"] for v in vv) == int(targets.fact(f"overlap_crim_seks_{yy}"))
    # top 3 per form, strictly
    for form, ids in (("L", ("roemenie", "hongarije", "bulgarije")), ("C", ("nl", "nigeria", "guinee"))):
        cnt = Counter(v["nat"] for v in vs if form in v["forms"] and v["nat"])
        top = [k for k, _ in cnt.most_common(4)]
        slugs = {c2.slug: c2.code for c2 in codelists.countries().values()}
        for i, s in enumerate(ids):
            assert top[i] == slugs[s]
            assert cnt[slugs[s]] == int(targets.fact(f"{s}_{'arbeid' if form == 'L' else 'crim'}_{y}"))
        assert cnt[top[3]] < cnt[top[2]]
    # industry: Hungary and Romania strictly the top two
    ind = Counter(v["nat"] for v in vs if "industrie" in c.sector_rows(v, "arbeid"))
    (first, n1), (second, n2), (_, n3) = ind.most_common(3)
    assert (first, n1, second, n2) == ("HU", 21, "RO", 13) and n3 < 13
    # minors of criminal exploitation
    mc = [v for v in vs if v["age"] == "Minderjarig" and "C" in v["forms"]]
    assert sum(v["nat"] == "NL" for v in mc) == 34
    assert sum(v["region"] == "Europa" for v in mc) == 5
    assert sum(v["g"] == "vrouw" for v in mc) == 13
    assert sum("politie" in v["rep"] for v in mc) == 25
    assert sum("zorgcoordinator" in v["rep"] for v in mc) == 16
    # top ten: exactly Hungary and Ukraine are new
    assert set(top10(c, y)) - set(top10(c, y - 1)) == {"HU", "UA"}
    # female labour victims: +54%
    fl = [sum(v["g"] == "vrouw" and "L" in v["forms"] for v in vv) for vv in (vs, prev)]
    assert round_half_up(Fraction(fl[0] - fl[1], fl[1]) * 100) == 54
    # Fairwork only reports labour victims
    assert all("L" in v["forms"] for v in c.victims.values() if "fairwork" in v["rep"])


def test_records_look_real(result):
    reg = result.tables["comensha_registraties"]
    ids = [r["registratie_id"] for r in reg]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)
    assert all(r["registratie_id"].startswith(f"CM-{r['jaar']}-") for r in reg)
    minors = [int(r["leeftijd"]) for r in reg if r["leeftijd"] and int(r["leeftijd"]) < 18]
    assert len(set(minors)) > 4 and sum(a >= 14 for a in minors) > len(minors) / 2
    uit = result.tables["comensha_uitbuiting"]
    assert any(r["sector"] == "" and r["vorm"] in ("seksueel", "arbeid") for r in uit)
    assert any(r["sector"] == "nog_niet_gewerkt" for r in uit)
    keys = [(r["registratie_id"], r["vorm"], r["sector"]) for r in uit]
    assert len(keys) == len(set(keys))
    with_rows = {r["registratie_id"] for r in uit}
    assert any(r["registratie_id"] not in with_rows and r["anoniem"] == "nee" for r in reg)
    for r in uit:
        if r["vorm"] not in ("seksueel", "arbeid", "onbekend"):
            assert r["sector"] == ""
        elif r["sector"]:
            assert r["sector"] in codelists.sectors(r["vorm"])


def test_deterministic(targets, result):
    again = synthesize_comensha(targets, seed=1)
    assert again.tables == result.tables


def test_second_seed_also_fits(targets, result):
    other = synthesize_comensha(targets, seed=7)
    assert mismatches(targets, other.tables) == []
    assert [n for n, _ in other.unmet] == ["fact vrouwen_pct_2024"]
    assert other.tables != result.tables


def test_conflicting_targets_are_named(targets):
    bad = copy.deepcopy(targets)
    key = ("8", "vorm", "Vrouw", "Arbeidsuitbuiting")
    bad.cells[key] = str(int(bad.cells[key]) + 400)  # more female labour victims than labour victims
    res = synthesize_comensha(bad, seed=1)
    names = [n for n, _ in res.unmet]
    assert "F8/vorm[Vrouw|Arbeidsuitbuiting]" in names or "F2[Arbeidsuitbuiting|2024]" in names, res.unmet


def _shifted_reference(tmp_path, shift: int, swap: tuple[str, str]) -> object:
    """The 2024 edition relabelled: every year + shift, one Tabel 1 country replaced by another of its
    region, and the one inconsistent prose number repaired."""
    import csv
    import re

    from jaarcijfers.paths import REFERENCE_2024

    ref = tmp_path / "ref"
    ref.mkdir()
    with open(REFERENCE_2024 / "figures.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if re.fullmatch(r"\d{4}", r["column"]):
            r["column"] = str(int(r["column"]) + shift)
        if r["figure"] == "T1" and r["row"] == swap[0]:
            r["row"] = swap[1]
    with open(ref / "figures.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with open(REFERENCE_2024 / "facts.csv", encoding="utf-8") as f:
        facts = list(csv.DictReader(f))
    for r in facts:
        r["id"] = re.sub(r"_(\d{4})", lambda m: f"_{int(m.group(1)) + shift}", r["id"])
        if r["unit"] == "other" and re.fullmatch(r"20\d\d", r["value"]):
            r["value"] = str(int(r["value"]) + shift)
        if r["id"] == f"vrouwen_pct_{2024 + shift}":
            r["value"] = "+13%"
    with open(ref / "facts.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(facts[0]))
        w.writeheader()
        w.writerows(facts)
    return load_targets(ref)


def test_relabelled_reference_is_met_completely(tmp_path):
    t = _shifted_reference(tmp_path, 1, ("Sierra Leone", "Eritrea"))
    assert t.year == 2025
    res = synthesize_comensha(t, seed=3)
    assert mismatches(t, res.tables) == []
    assert res.unmet == []


def test_stats_report_the_fit(result):
    assert result.stats["cells_met"] == result.stats["cells_total"] >= 398
    assert result.stats["facts_total"] - result.stats["facts_met"] == 1


def test_figure_engine_agrees(tmp_path, targets, result):
    """End to end: the real figure engine counts the synthetic CoMensha files as published."""
    import csv

    pytest.importorskip("duckdb")
    from jaarcijfers.cli import app
    from jaarcijfers.synth.writer import write_csv

    data = tmp_path / "data"
    data.mkdir()
    for name, rows in result.tables.items():
        write_csv(data, name, rows)
    from jaarcijfers.contract.schema import FILES

    for name, spec in FILES.items():  # the other sources: present but empty
        if name not in result.tables and not spec.optional:
            (data / f"{name}.csv").write_text(",".join(spec.column_names) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    try:
        app(
            ["build", "--data", str(data), "--out", str(out), "--only-figures", "--sdc", "publicatie"],
            standalone_mode=False,
        )
    except SystemExit as exc:
        assert exc.code in (0, None)
    with open(out / "figures.csv", encoding="utf-8") as f:
        got = {(r["figure"], r["table_part"], r["row"], r["column"]): r["value"] for r in csv.DictReader(f)}
    diff = sorted(k for k, v in targets.cells.items() if k[0] in COMENSHA_FIGS and got.get(k) != v)
    assert diff == []


def test_independent_histories_expectation():
    from jaarcijfers.synth.comensha.priors import independent_histories
    from jaarcijfers.synth.comensha.stage_a import _reporter_sets

    sizes = {
        "politie": 300.0,
        "zorgcoordinator": 200.0,
        "kmar": 50.0,
        "nla": 0.0,
        "fairwork": 100.0,
        "overig": 20.0,
    }
    mu = independent_histories(sizes, 600.0, 5000.0, _reporter_sets())
    assert abs(sum(mu.values()) - 600.0) < 1e-9
    pair = mu[frozenset({"politie", "zorgcoordinator"})]
    single = mu[frozenset({"politie"})]
    # independence: the odds of also being on a list do not depend on the other lists
    assert abs(pair / single - (200 / 5000) / (1 - 200 / 5000)) < 1e-12
    assert mu[frozenset({"nla"})] == 0.0
