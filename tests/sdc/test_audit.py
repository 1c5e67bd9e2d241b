"""Known answers for the disclosure audit.

1. The published 2024 edition: the Figuur 16 leak (2020 "Onbekend" = 202 - 177 - 13 - 9 = 3) and the
   full list of `<5` cells that the identities pin down or narrow, compared with the DERIVED list of
   the reference transcription (data/reference/2024/NOTES.md, "Suppressed cells the identities pin
   down"). That list was made with the prose facts as well; the audit reads the figures only, so the
   cells pinned down only by the prose (Figuur 17 Overig/Arbeid = 4 and Overig/Criminele = 1 from the
   summons rates, Figuur 19 Overig/onbekend/Arbeid = 3 from the 46% conviction rate, Figuur 17 Overig
   2020 2..4) are not expected here.
2. Small tables from the statistical-disclosure-control literature whose feasibility intervals are
   known (derived by hand below).
"""

from __future__ import annotations

import json

import pytest

from jaarcijfers.edition.audit import run_audit
from jaarcijfers.edition.files import read_cells
from jaarcijfers.figures.model import CellKey
from jaarcijfers.paths import REFERENCE_2024
from jaarcijfers.sdc.audit import audit_cells
from jaarcijfers.sdc.structure import Identity, Structure


@pytest.fixture(scope="module")
def reference():
    published = read_cells(REFERENCE_2024 / "figures.csv")
    return published, audit_cells(published)


def K(fig, part, row, col):
    return CellKey(fig, part, row, col)


# NOTES.md "Exactly recoverable <5 cells" that follow from the figures alone (key -> value)
EXACT = {
    K("4", "", "Raamprostitutie", "Nederland"): 1,
    K("4", "", "Raamprostitutie", "Latijns-Amerika en de Caraïben"): 1,
    K("6", "vorm", "Minderjarig", "Arbeidsuitbuiting"): 4,
    K("6", "vorm", "Minderjarig", "Overig/onbekend"): 2,
    K("6", "vorm", "Onbekend", "Internationale seksuele uitbuiting"): 1,
    K("7", "", "Arbeidsuitbuiting", "Aantal"): 4,
    K("7", "", "Overig/onbekend", "Aantal"): 2,
    K("9", "jaar", "Overig", "2020"): 3,
    K("9", "jaar", "Overig", "2021"): 1,
    K("9", "jaar", "Onbekend", "2024"): 4,
    K("9", "vorm", "Onbekend", "Arbeidsuitbuiting"): 1,
    K("16", "", "Onbekend", "2020"): 3,
    K("16", "", "Onbekend", "2021"): 3,
    K("16", "", "Onbekend", "2024"): 3,
    K("17", "vorm", "Dagvaarding voor mensenhandel", "Onbekend"): 1,
    K("18", "", "Seksuele uitbuiting - onbekend", "2020"): 4,
    K("18", "", "Seksuele uitbuiting - onbekend", "2022"): 1,
    K("18", "", "Seksuele uitbuiting - onbekend", "2023"): 1,
    K("18", "", "Arbeidsuitbuiting", "2020"): 4,
    K("18", "", "Arbeidsuitbuiting", "2023"): 2,
    K("19", "jaar", "Overig/onbekend", "2021"): 3,
    K("22", "vorm", "Minderjarig of adolescent (t/m 22 jaar)", "Arbeidsuitbuiting"): 3,
    K("23", "jaar", "Onbekend", "2021"): 1,
    K("23", "jaar", "Onbekend", "2023"): 1,
    K("23", "vorm", "Onbekend", "Internationale seksuele uitbuiting"): 1,
    K("23", "vorm", "Onbekend", "Arbeidsuitbuiting"): 1,
    K("24", "jaar", "Onbekend", "2021"): 1,
    K("24", "vorm", "EU+EER+Zwitserland", "Arbeidsuitbuiting"): 4,
    K("24", "vorm", "Onbekend", "Binnenlandse seksuele uitbuiting"): 1,
}
# NOTES.md "Narrowed" (figures alone)
NARROWED = {
    K("2", "", "Gedwongen orgaanverwijdering", "2024"): (2, 4),
    K("8", "vorm", "Man", "Overig/onbekend"): (1, 3),
    K("9", "vorm", "Latijns-Amerika", "Criminele uitbuiting"): (1, 2),
    K("9", "vorm", "Onbekend", "Criminele uitbuiting"): (1, 2),
    K("4", "", "Hotelprostitutie", "Europa"): (1, 2),
    K("4", "", "Hotelprostitutie", "Afrika"): (1, 2),
    K("4", "", "Hotelprostitutie", "Azië"): (1, 2),
    K("4", "", "Straatprostitutie", "Europa"): (1, 3),
    K("4", "", "Straatprostitutie", "Azië"): (1, 3),
}


# NOTES.md: the cells the prose pins down as well (the summons rates 48%, 70% and the conviction rate 46% read
# them; facts.csv next to figures.csv), exact and narrowed
PROSE = {
    K("17", "vorm", "Overig", "Arbeidsuitbuiting"): (4, 4),
    K("17", "vorm", "Overig", "Criminele/overige uitbuiting"): (1, 1),
    K("19", "vorm", "Overig/onbekend", "Arbeidsuitbuiting"): (3, 3),
    K("17", "jaar", "Overig", "2020"): (2, 4),
    K("17", "vorm", "Overig", "Onbekend"): (1, 3),
}


def test_figuur_16_leak_is_found(reference):
    _, result = reference
    leak = {c.key: c for c in result.leaks}
    cell = leak[K("16", "", "Onbekend", "2020")]
    assert cell.published == "<5"
    assert cell.ip == (3, 3) and cell.lp == (3, 3)


def test_reference_leaks_equal_the_derived_list(reference):
    _, result = reference
    got = {c.key: c.ip for c in result.leaks}
    expected = {k: (v, v) for k, v in EXACT.items()} | NARROWED
    assert got == expected
    assert not result.warnings  # the rounded figures keep their full rounding intervals
    assert not result.ok


def test_reference_documented_inconsistency_is_dropped_and_named(reference):
    _, result = reference
    # NOTES.md "Inconsistencies in the publication" 1: Figuur 19's form block (row Overig/onbekend;
    # columns seksueel onbekend, arbeid, crimineel/overig) -- nothing else is contradicted. (Names of the
    # identities derived from the catalogue's links; the five-year total of the sexual forms whose yearly
    # split Figuur 18 hides in 2024 is an auxiliary variable, "eenheden van ...".)
    assert sorted(result.dropped) == [
        "Figuur 19 (vorm) [* | Arbeidsuitbuiting] == Figuur 18 [Arbeidsuitbuiting | *]",
        "Figuur 19 (vorm) [* | Criminele/overige uitbuiting] == Figuur 18 [Criminele/overige uitbuiting | *]",
        "Figuur 19 (vorm) [* | Seksuele uitbuiting onbekend] == eenheden van Figuur 18 [Seksuele uitbuiting - onbekend | *]",
        "Figuur 19 (vorm) [Overig/onbekend | *] == Figuur 19 (jaar) [Overig/onbekend | *]",
    ]


def test_every_hidden_cell_is_audited(reference):
    published, result = reference
    hidden = {
        k
        for k, v in published.items()
        if v in ("<5", "<10") or (k.figure in ("10", "11", "20", "21") and v.isdigit())
    }
    assert {c.key for c in result.cells} == hidden
    for c in result.cells:  # LP never tighter than the exact integer interval
        assert c.lp[0] <= c.ip[0] <= c.ip[1] <= c.lp[1]


def test_run_audit_cli_json_and_exit_code(capsys):
    code = run_audit(REFERENCE_2024, json_out=True)
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert out["geslaagd"] is False
    # the figures' leaks, and with the prose next to them (facts.csv) the cells its shares and changes pin
    # down (NOTES.md's DERIVED list, complete) and the prose fact 34 + 5 + '<5' = 42 minors
    facts = [x for x in out["lekken"] if x["figuur"] == "feit"]
    assert [(x["rij"], x["ip"]) for x in facts] == [("minderjarig_crim_overig_2024", [3, 3])]
    got = {
        K(x["figuur"], x["deel"], x["rij"], x["kolom"]): tuple(x["ip"])
        for x in out["lekken"]
        if x not in facts
    }
    assert got == {k: (v, v) for k, v in EXACT.items()} | NARROWED | PROSE
    # NOTES.md "Inconsistencies in the publication" 2: the prose's +12% for women (556 against 493 is +12.8%)
    assert (
        "Feit vrouwen_pct_2024: +12% = Figuur 8 (jaar) [Vrouw | 2024] / Figuur 8 (jaar) [Vrouw | 2023] (bovengrens)"
        in (out["tegenstrijdige_identiteiten"])
    )
    assert {"figuur": "16", "deel": "", "rij": "Onbekend", "kolom": "2020"}.items() <= out["lekken"][
        [x["rij"] == "Onbekend" and x["figuur"] == "16" for x in out["lekken"]].index(True)
    ].items()


def test_run_audit_text_is_deterministic(capsys):
    run_audit(REFERENCE_2024, json_out=False)
    first = capsys.readouterr().out
    run_audit(REFERENCE_2024, json_out=False)
    assert capsys.readouterr().out == first
    assert "Figuur 16" in first and "Niet geslaagd" in first


def test_audit_uses_the_builds_record_of_data_dependent_identities(tmp_path, capsys):
    """With `metadata.json`'s record the audit negates the data-dependent identities the build found false
    (the record tells an outsider so); without one it keeps every one as it is and says so."""
    import shutil

    for name in ("figures.csv", "facts.csv"):
        shutil.copy(REFERENCE_2024 / name, tmp_path / name)
    run_audit(tmp_path, json_out=True)
    without = json.loads(capsys.readouterr().out)["gegevensafhankelijke_identiteiten"]
    assert without["registratie_in_metadata"] is False and without["gelden_niet"] == []
    forms = "Figuur 2 [* | 2024] >= Figuur 1 [Geregistreerde slachtoffers | 2024]"
    assert forms in without["gelden"]
    run_audit(tmp_path, json_out=False)
    assert "metadata.json vermeldt niet of ze gelden" in capsys.readouterr().out

    record = {"gelden": [n for n in without["gelden"] if n != forms], "gelden_niet": [forms]}
    meta = {"verslagjaar": 2024, "identiteiten_gegevensafhankelijk": record}
    (tmp_path / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    run_audit(tmp_path, json_out=True)
    used = json.loads(capsys.readouterr().out)
    assert used["gegevensafhankelijke_identiteiten"] == {
        "registratie_in_metadata": True,
        "gelden": record["gelden"],
        "gelden_niet": [forms],
    }
    # the published forms outnumber the victims, so "forms <= victims - 1" contradicts the edition: the
    # audit names the negation among the contradicted identities and audits without it
    assert f"niet: {forms}" in used["tegenstrijdige_identiteiten"]
    run_audit(tmp_path, json_out=False)
    assert f"geldt niet: {forms}" in capsys.readouterr().out


def test_run_audit_rejects_an_edition_the_catalogue_does_not_know(tmp_path):
    from jaarcijfers.errors import UserError

    text = (REFERENCE_2024 / "figures.csv").read_text(encoding="utf-8")
    (tmp_path / "figures.csv").write_text(text.replace(",Minderjarig,", ",Kind,", 1), encoding="utf-8")
    with pytest.raises(UserError, match="Kind"):
        run_audit(tmp_path, json_out=False)


def test_run_audit_missing_edition(tmp_path):
    from jaarcijfers.errors import UserError

    with pytest.raises(UserError):
        run_audit(tmp_path, json_out=False)


# --------------------------------------------------------------------------------- literature tables


def table(name: str, inner: dict[tuple[str, str], int], hidden: set[tuple[str, str]], symbol: str = "x"):
    """A two-way table with row, column and grand totals, as published cells and its identities."""
    rows = sorted({r for r, _ in inner})
    cols = sorted({c for _, c in inner})
    pub: dict[CellKey, str] = {}
    for (r, c), v in inner.items():
        pub[CellKey(name, "", r, c)] = symbol if (r, c) in hidden else str(v)
    for r in rows:
        pub[CellKey(name, "", r, "Totaal")] = str(sum(inner[r, c] for c in cols))
    for c in cols:
        pub[CellKey(name, "", "Totaal", c)] = str(sum(inner[r, c] for r in rows))
    pub[CellKey(name, "", "Totaal", "Totaal")] = str(sum(inner.values()))
    s = Structure()
    for r in rows + ["Totaal"]:
        s.add(
            f"{name} rij {r}", [CellKey(name, "", r, c) for c in cols], "==", [CellKey(name, "", r, "Totaal")]
        )
    for c in cols + ["Totaal"]:
        s.add(
            f"{name} kolom {c}",
            [CellKey(name, "", r, c) for r in rows],
            "==",
            [CellKey(name, "", "Totaal", c)],
        )
    return pub, s


# The 3x3 Region x Activity table of the Eurostat-CBS Handbook on Statistical Disclosure Control
# (Hundepool et al., "Statistical Disclosure Control", Wiley 2012, ch. 4, secondary cell suppression
# example; also the test table of the R implementation of Fischetti-Salazar's method with HiGHS):
#             I    II   III  Total
#   A        20    50    10     80
#   B         8    19    22     49
#   C        17    32    12     61
#   Total    45   101    44    190
# Suppressing B-I, B-III, C-I, C-III protects them: the four hidden cells move together,
# B-I = 8 + t, B-III = 22 - t, C-I = 17 - t, C-III = 12 + t; with every cell >= 0 (the handbook's
# a-priori bound for counts) t runs over -8..17, hence the feasibility intervals
# B-I 0..25, B-III 5..30, C-I 0..25, C-III 4..29; with the strict symbol x (>= 1, zeros are never
# withheld) t runs over -7..16.
HANDBOOK = {
    ("A", "I"): 20,
    ("A", "II"): 50,
    ("A", "III"): 10,
    ("B", "I"): 8,
    ("B", "II"): 19,
    ("B", "III"): 22,
    ("C", "I"): 17,
    ("C", "II"): 32,
    ("C", "III"): 12,
}


def test_handbook_region_activity_intervals():
    hidden = {("B", "I"), ("B", "III"), ("C", "I"), ("C", "III")}
    pub, s = table("H", HANDBOOK, hidden)
    zero = {CellKey("H", "", r, c): (0, float("inf")) for r, c in hidden}
    result = audit_cells(pub, structure=s, domains=zero)
    iv = {(c.key.row, c.key.column): c.ip for c in result.cells}
    assert iv == {("B", "I"): (0, 25), ("B", "III"): (5, 30), ("C", "I"): (0, 25), ("C", "III"): (4, 29)}
    assert result.ok
    result = audit_cells(pub, structure=s)
    iv = {(c.key.row, c.key.column): c.ip for c in result.cells}
    assert iv == {("B", "I"): (1, 24), ("B", "III"): (6, 29), ("C", "I"): (1, 24), ("C", "III"): (5, 28)}
    # the LP relaxation of a two-way table with integer margins is integral (total unimodularity)
    assert all(c.lp == c.ip for c in result.cells)


def test_handbook_single_suppression_is_disclosed():
    # Primary suppression alone (the handbook's motivation for secondary suppression): B-I hidden,
    # every total published -> B-I = 45 - 20 - 17 = 8 exactly.
    pub, s = table("H", HANDBOOK, {("B", "I")})
    result = audit_cells(pub, structure=s)
    assert [(c.key.row, c.key.column, c.ip) for c in result.leaks] == [("B", "I", (8, 8))]


def test_fischetti_salazar_protection_levels_two_cells():
    # The smallest linked case (Fischetti & Salazar 2001, Management Science 47(7): a table whose entries
    # are linked by a system of linear equations): A + B = Total with A = 2, B = 4, Total = 6.
    # Suppressing A alone discloses it; suppressing A and B gives A in 1..5 (both >= 1 under the strict
    # symbol), wide enough (>= 4 values).
    a, b, t = CellKey("F", "", "r", "A"), CellKey("F", "", "r", "B"), CellKey("F", "", "r", "Totaal")
    s = Structure()
    s.add("A + B = Totaal", [a, b], "==", [t])
    one = audit_cells({a: "<5", b: "4", t: "6"}, structure=s)
    assert [c.ip for c in one.leaks] == [(2, 2)]
    two = audit_cells({a: "x", b: "x", t: "6"}, structure=s)
    assert two.ok and two.interval(a) == (1, 5) and two.interval(b) == (1, 5)


def test_integer_interval_can_be_narrower_than_lp():
    # A published percentage is a rounding constraint: the LP relaxation and the integer program differ.
    # Figuur 7 of 2024: 42, 26, 7, <5, <5 with 52%, 32%, 9%, 5%, 2% (percentages of the sum of the counts):
    # the integer program pins the two <5 cells to 4 and 2 (NOTES.md, Figuur 7).
    rows = {
        "Criminele uitbuiting": ("42", "52%"),
        "Binnenlandse seksuele uitbuiting": ("26", "32%"),
        "Internationale seksuele uitbuiting": ("7", "9%"),
        "Arbeidsuitbuiting": ("<5", "5%"),
        "Overig/onbekend": ("<5", "2%"),
    }
    pub = {}
    for r, (n, p) in rows.items():
        pub[CellKey("7", "", r, "Aantal")] = n
        pub[CellKey("7", "", r, "Percentage")] = p
    result = audit_cells(pub)
    assert result.interval(CellKey("7", "", "Arbeidsuitbuiting", "Aantal")) == (4, 4)
    assert result.interval(CellKey("7", "", "Overig/onbekend", "Aantal")) == (2, 2)


def test_inconsistent_identity_is_reported_not_fatal():
    a, b, t = CellKey("F", "", "r", "A"), CellKey("F", "", "r", "B"), CellKey("F", "", "r", "Totaal")
    s = Structure()
    s.add("A + B = Totaal", [a, b], "==", [t])
    s.identities.append(Identity("B <= 3", ((1, b),), "<=", 3))
    result = audit_cells({a: "<5", b: "x", t: "20"}, structure=s)
    assert result.dropped == ["B <= 3"]
    assert result.interval(a) == (1, 4)
