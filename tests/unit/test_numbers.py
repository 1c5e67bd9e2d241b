"""The one rounding rule (docs/rules.md, "Numbers") and the publication's disclosure rule (contract rule 11)."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jaarcijfers.figures.model import CellKey, CellKind, RawCell
from jaarcijfers.numbers import format_change, format_percent, percent_change, round_half_up
from jaarcijfers.sdc.publicatie import protect


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (Fraction(1, 2), 1),
        (Fraction(3, 2), 2),
        (Fraction(-1, 2), -1),
        (Fraction(-17, 2), -9),
        (Fraction(63, 2), 32),
        (Fraction(314, 10), 31),
        (0, 0),
        (Fraction(-1, 3), 0),
    ],
)
def test_round_half_away_from_zero(x, expected):
    assert round_half_up(x) == expected


@pytest.mark.parametrize(
    ("new", "old", "text"),
    # the report's own changes (reference NOTES.md), and +12.8% which the report misprinted as +12%
    [
        (364, 333, "+9%"),
        (123, 135, "-9%"),
        (160, 120, "+33%"),
        (39, 23, "+70%"),
        (556, 493, "+13%"),
        (50, 50, "0%"),
    ],
)
def test_percent_changes(new, old, text):
    assert format_change(percent_change(new, old)) == text


def test_change_from_zero_has_no_percentage():
    assert percent_change(5, 0) is None


def test_shares():
    assert format_percent(Fraction(42, 81)) == "52%"
    assert format_percent(Fraction(226, 487)) == "46%"


@given(st.integers(-(10**6), 10**6), st.integers(1, 1000))
def test_rounding_is_exact_and_symmetric(n, d):
    x = Fraction(n, d)
    r = round_half_up(x)
    assert abs(x - r) <= Fraction(1, 2)
    assert round_half_up(-x) == -r


def key(i: int) -> CellKey:
    return CellKey("1", "", "r", str(i))


def test_rule_11_counts_and_tables():
    cells = [RawCell(key(i), i, CellKind.COUNT) for i in range(7)] + [
        RawCell(key(10), None, CellKind.ROUNDED, display="<10"),
        RawCell(key(11), None, CellKind.ROUNDED, display="15"),
        RawCell(key(12), Fraction(1, 3), CellKind.PERCENT),
        RawCell(key(13), Fraction(63, 2), CellKind.MEAN),
        RawCell(key(14), None, CellKind.BLANK),
    ]
    shown = protect(cells)
    assert [shown[key(i)] for i in range(7)] == ["0", "<5", "<5", "<5", "<5", "5", "6"]
    assert shown[key(10)] == "<10" and shown[key(11)] == "15"
    assert shown[key(12)] == "33%" and shown[key(13)] == "32" and shown[key(14)] == ""
