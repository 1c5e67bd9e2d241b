"""Revisions (docs/editions.md): a hand-computed fixture of two small editions, every reason, and the
series whose finding turned."""

from __future__ import annotations

import datetime

import pytest

from jaarcijfers.edition.model import (
    Disclosure,
    Edition,
    PublishedBlock,
    PublishedCell,
    PublishedFigure,
    Revision,
    RevisionReason,
)
from jaarcijfers.edition.record import RecordedEdition, published_cells, record_of
from jaarcijfers.edition.revisions import compare, is_symbol
from jaarcijfers.figures.model import CellKey, CellKind
from jaarcijfers.figures.spec import Chart
from jaarcijfers.numbers import published_number

V = "Geregistreerde slachtoffers"
R = RevisionReason


def cells(rows: list[tuple[str, str, str, str, str]]) -> dict[CellKey, str]:
    return {CellKey(f, p, r, c): v for f, p, r, c, v in rows}


PREVIOUS = RecordedEdition(
    year=2023,
    policy="publicatie",
    cells=cells(
        [
            ("1", "", V, "2019", "900"),  # a year the 2024 edition does not show
            ("1", "", V, "2020", "1013"),
            ("1", "", V, "2021", "791"),
            ("1", "", V, "2022", "809"),
            ("1", "", V, "2023", "846"),
            ("6", "jaar", "Minderjarig", "2022", "<5"),
            ("6", "jaar", "Minderjarig", "2023", "51"),
            ("6", "vorm", "Minderjarig", "Arbeidsuitbuiting", "7"),  # the reporting year only: not shared
            ("17", "jaar", "Onvoorwaardelijk sepot", "2022", "80"),
            ("17", "jaar", "Onvoorwaardelijk sepot", "2023", "101"),
            ("17", "jaar", "Overig", "2022", "6"),  # a row the 2024 edition no longer shows
        ]
    ),
    facts={"slachtoffers_2023": "846"},
    deliveries={
        "comensha": frozenset({("comensha_registraties", "aaa")}),
        "om": frozenset({("om_zaken", "ooo")}),
    },
    rules_version="2024.1",
    edition_id=1,
)

CURRENT = RecordedEdition(
    year=2024,
    policy="strict",
    cells=cells(
        [
            ("1", "", V, "2020", "1013"),
            ("1", "", V, "2021", "791"),
            ("1", "", V, "2022", "814"),
            ("1", "", V, "2023", "868"),
            ("1", "", V, "2024", "944"),
            ("6", "jaar", "Minderjarig", "2022", "x"),
            ("6", "jaar", "Minderjarig", "2023", "52"),
            ("6", "jaar", "Minderjarig", "2024", "79"),
            ("6", "vorm", "Minderjarig", "Arbeidsuitbuiting", "9"),
            ("17", "jaar", "Onvoorwaardelijk sepot", "2022", "x"),
            ("17", "jaar", "Onvoorwaardelijk sepot", "2023", "101"),
            ("17", "jaar", "Onvoorwaardelijk sepot", "2024", "53"),
        ]
    ),
    facts={"slachtoffers_2024": "944"},
    deliveries={
        "comensha": frozenset({("comensha_registraties", "bbb")}),
        "om": frozenset({("om_zaken", "ooo")}),
    },
    rules_version="2024.1",
)

# by hand: the shared cells are Figuur 1 2020-2023 (4), Figuur 6 jaar 2022-2023 (2), Figuur 17 sepot
# 2022-2023 (2) and Figuur 17 Overig 2022, shown by the previous edition only (1): 9 compared.
EXPECTED = (
    Revision("1", "", V, "2022", "809", "814", 5, (R.DELIVERY,)),
    Revision("1", "", V, "2023", "846", "868", 22, (R.DELIVERY,)),
    Revision("6", "jaar", "Minderjarig", "2022", "<5", "x", None, (R.POLICY, R.DELIVERY)),
    Revision("6", "jaar", "Minderjarig", "2023", "51", "52", 1, (R.DELIVERY,)),
    Revision("17", "jaar", "Onvoorwaardelijk sepot", "2022", "80", "x", None, (R.POLICY,)),
    Revision("17", "jaar", "Overig", "2022", "6", "", None, (R.UNKNOWN,)),
)


def test_revisions_equal_the_hand_computed_fixture():
    found = compare(PREVIOUS, CURRENT)
    assert found.revisions == EXPECTED
    assert found.compared == 9
    assert (found.previous_year, found.previous_policy, found.previous_version) == (2023, "publicatie", 1)
    assert not found.previous_imported


def test_same_policy_and_data_another_withheld_cell_is_protection():
    before = RecordedEdition(
        2023, "strict", cells([("1", "", V, "2022", "x")]), {}, PREVIOUS.deliveries, "2024.1"
    )
    after = RecordedEdition(
        2024, "strict", cells([("1", "", V, "2022", "12")]), {}, PREVIOUS.deliveries, "2024.1"
    )
    (revision,) = compare(before, after).revisions
    assert revision.reasons == (R.PROTECTION,) and revision.difference is None


def test_changed_rules_and_unknown_provenance():
    before = RecordedEdition(
        2023, "publicatie", cells([("1", "", V, "2022", "10")]), {}, PREVIOUS.deliveries, "2023.1"
    )
    after = RecordedEdition(
        2024, "publicatie", cells([("1", "", V, "2022", "12")]), {}, PREVIOUS.deliveries, "2024.1"
    )
    assert compare(before, after).revisions[0].reasons == (R.RULES,)
    imported = RecordedEdition(
        2023, "publicatie", cells([("1", "", V, "2022", "10")]), {}, None, None, imported=True
    )
    found = compare(imported, after)
    assert found.revisions[0].reasons == (R.UNKNOWN,) and found.previous_imported


def test_percentages_differ_in_percentage_points_and_symbols_are_not_numbers():
    assert published_number("52%") == 52 and published_number("+9%") == 9 and published_number("-3") == -3
    assert [published_number(x) for x in ("<5", "x", "<10", "", "²")] == [None] * 5
    assert is_symbol("<5") and is_symbol("x") and not is_symbol("") and not is_symbol("12")


def test_only_the_year_before_is_compared():
    with pytest.raises(ValueError):
        compare(PREVIOUS, RecordedEdition(2025, "strict", {}, {}))


def _edition(year: int, rows: dict[str, tuple[str, ...]], columns: tuple[str, ...]) -> Edition:
    block = PublishedBlock(
        "",
        "",
        tuple(rows),
        columns,
        tuple(
            PublishedCell(r, c, v, CellKind.COUNT)
            for r, vs in rows.items()
            for c, v in zip(columns, vs, strict=True)
        ),
    )
    figure = PublishedFigure(
        "1",
        "Figuur 1",
        "t",
        "CoMensha",
        "comensha",
        "slachtoffers",
        "s",
        Chart.LINE,
        False,
        "",
        (),
        tuple(int(c) for c in columns),
        (block,),
    )
    return Edition(
        year,
        tuple(range(year - 4, year + 1)),
        (),
        (figure,),
        (),
        Disclosure("publicatie", ()),
        published_on=datetime.date(year + 1, 6, 1),
    )


def test_series_turns_name_a_finding_of_the_previous_edition_that_no_longer_holds():
    columns = ("2020", "2021", "2022", "2023", "2024")
    before = _edition(2023, {V: ("1", "2", "100", "104")}, columns[:4])
    after = _edition(2024, {V: ("1", "2", "100", "98", "120")}, columns)
    previous = record_of(before)
    assert published_cells(before)[CellKey("1", "", V, "2023")] == "104"
    revisions = compare(previous, record_of(after))
    assert [r.new for r in revisions.revisions] == ["98"]
    assert revisions.series_turns(after) == (("1", "", V, "toename", "afname"),)
    # a revision that keeps the direction is no turn
    same = _edition(2024, {V: ("1", "2", "100", "103", "120")}, columns)
    assert compare(previous, record_of(same)).series_turns(same) == ()
