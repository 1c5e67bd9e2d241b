"""The cheaper forms of rules (`contract/checks.py`) report exactly what the plain forms would: a null
marker only when the whole value is one (in any case), a year outside the window only when it is four
digits, a repeated key (found by its hash first) with its first row, NULL equal to NULL."""

from __future__ import annotations

import pytest

from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.contract.validate import validate_delivery


def codes_at(tmp_path, file: str, column: str, value: str) -> set[str]:
    tables = example_tables()
    tables[file][0][column] = value
    report = validate_delivery(write_delivery(tmp_path / "levering", tables))
    return {p.code for p in report.problems if p.file == file and p.row == 2 and p.column == column}


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("N.V.T.", {"E209"}),
        ("NaN", {"E209"}),
        ("n.v.t.x", set()),  # longer than any marker
        ("nvt1", set()),
        ("\u212a", set()),  # the Kelvin sign lowers to "k", one character: no marker
    ],
)
def test_null_marker_in_an_id(tmp_path, value, codes):
    assert codes_at(tmp_path, "emm_onderzoeken", "onderzoek_id", value) == codes


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("2024", set()),
        ("1999", {"E212"}),
        ("0000", {"E212"}),
        ("+2024", {"E202"}),  # an integer in the window, but not four digits
        ("02024", {"E202"}),
        ("024", {"E202"}),
        ("2024.0", {"E202"}),
        ("9999", {"E212"}),
    ],
)
def test_year_outside_the_window_only_when_four_digits(tmp_path, value, codes):
    assert codes_at(tmp_path, "emm_onderzoeken", "startjaar", value) == codes


def test_repeated_keys_with_empty_parts(tmp_path):
    tables = example_tables()
    rows = tables["comensha_uitbuiting"]
    first = dict(rows[0], sector="")
    rows += [first, dict(first), dict(first, vorm="arbeid"), dict(first)]
    report = validate_delivery(write_delivery(tmp_path / "levering", tables))
    n = len(rows) + 1  # spreadsheet row of the last one
    found = [
        (p.row, p.value) for p in report.problems if p.code == "E401" and p.file == "comensha_uitbuiting"
    ]
    # the first of the three equal rows is the original; the other two repeat it (NULL equal to NULL)
    assert [r for r, _ in found] == [n - 2, n]
    assert all(f"rij {n - 3}" in p.message for p in report.problems if p.code == "E401")


def test_a_row_failing_several_rules_with_long_code_lists(tmp_path):
    """Membership of a long code list (a semi-join beside the rows) and the other rules of the same row:
    each failing rule once, in report order."""
    tables = example_tables()
    tables["comensha_registraties"][0].update(jaar="x", geslacht="q", nationaliteit="ZZZ")
    tables["comensha_uitbuiting"][0].update(sector="bouw")  # not a sector of `seksueel`
    tables["rechtspraak_tabel"][0].update(maatstaf="totaal")
    report = validate_delivery(write_delivery(tmp_path / "levering", tables))
    found = [(p.code, p.file, p.row, p.column) for p in report.problems]
    assert found == [  # by file, row, column
        ("E205", "comensha_registraties", 2, "geslacht"),
        ("E202", "comensha_registraties", 2, "jaar"),
        ("E206", "comensha_registraties", 2, "nationaliteit"),
        ("E301", "comensha_uitbuiting", 2, "sector"),
        ("E205", "rechtspraak_tabel", 2, "maatstaf"),
    ]


def test_references_to_the_same_key_tested_together(tmp_path):
    """Two files referring to `comensha_registraties` (one anti-join for both): each dangling reference
    is reported for its own file, row and column."""
    tables = example_tables()
    tables["comensha_uitbuiting"][1]["registratie_id"] = "R9"
    tables["comensha_melders"][0]["registratie_id"] = "r1"
    tables["emm_verdachten"][0]["onderzoek_id"] = "X"
    report = validate_delivery(write_delivery(tmp_path / "levering", tables))
    found = [(p.code, p.file, p.row, p.column, p.value) for p in report.problems if p.code == "E501"]
    assert found == [
        ("E501", "comensha_uitbuiting", 3, "registratie_id", "R9"),
        ("E501", "comensha_melders", 2, "registratie_id", "r1"),
        ("E501", "emm_verdachten", 2, "onderzoek_id", "X"),
    ]
    assert all(
        "comensha_registraties" in p.message or "emm_onderzoeken" in p.message for p in report.problems
    )
