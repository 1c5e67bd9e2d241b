"""Typed fact values and how each is written (one rule per kind; see docs/rules.md, "Numbers")."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from jaarcijfers.numbers import format_change, format_percent, round_half_up

SIMPLE_FRACTIONS = sorted(
    {Fraction(n, d) for d in range(2, 7) for n in range(1, d)}, key=lambda f: (f.denominator, f.numerator)
)


class FactKind(StrEnum):
    """What a fact's value is, which decides how it is written (`FactValue.text`) and protected."""

    COUNT = "count"  # persons or cases: subject to disclosure control like a table cell
    NUMBER = "number"  # a count of something else (nationalities, a difference of counts)
    PERCENT = "percent"  # a share (Fraction 0..1)
    CHANGE = "change"  # a relative change (Fraction)
    YEAR = "year"
    YEARS = "years"  # a duration or an age in years
    FRACTION = "fraction"  # a share as a simple fraction ('2/5')
    FACTOR = "factor"  # a ratio in words ('x2')
    DELIVERED = "delivered"  # a value as the source delivered it (rounded tables)
    APPROX = "approx"  # an approximate number, already written


class FactUnit(StrEnum):
    """The unit column of facts.csv."""

    COUNT = "count"
    PERCENT = "percent"
    PERCENT_CHANGE = "percent_change"
    YEARS = "years"
    OTHER = "other"


@dataclass(frozen=True)
class FactValue:
    kind: FactKind
    value: int | Fraction | str
    unit: FactUnit

    def text(self) -> str:
        v = self.value
        if self.kind in (FactKind.COUNT, FactKind.NUMBER, FactKind.YEAR, FactKind.YEARS, FactKind.APPROX):
            return str(v)
        if self.kind == FactKind.PERCENT:
            assert isinstance(v, Fraction)
            return format_percent(v)
        if self.kind == FactKind.CHANGE:
            assert isinstance(v, Fraction)
            return format_change(v)
        if self.kind == FactKind.FRACTION:
            assert isinstance(v, Fraction)
            f = nearest_simple_fraction(v)
            return f"{f.numerator}/{f.denominator}"
        if self.kind == FactKind.FACTOR:
            assert isinstance(v, Fraction)
            return factor_text(v)
        return str(v)


def count(n: int) -> FactValue:
    """A count of persons or cases: subject to disclosure control like a table cell."""
    return FactValue(FactKind.COUNT, int(n), FactUnit.COUNT)


def number(n: int) -> FactValue:
    """A count of something other than persons or cases (nationalities, years): never protected."""
    return FactValue(FactKind.NUMBER, int(n), FactUnit.COUNT)


def percent(num: int, den: int) -> FactValue | None:
    return None if den == 0 else FactValue(FactKind.PERCENT, Fraction(num, den), FactUnit.PERCENT)


def change(new: int, old: int) -> FactValue | None:
    return None if old == 0 else FactValue(FactKind.CHANGE, Fraction(new - old, old), FactUnit.PERCENT_CHANGE)


def difference(new: int, old: int) -> FactValue:
    """The size of a change in counts (the prose says 'meer' or 'minder'); protected through its cells."""
    return FactValue(FactKind.NUMBER, abs(int(new) - int(old)), FactUnit.COUNT)


def year(y: int | None) -> FactValue | None:
    return None if y is None else FactValue(FactKind.YEAR, int(y), FactUnit.OTHER)


def years(n: int) -> FactValue:
    return FactValue(FactKind.YEARS, int(n), FactUnit.YEARS)


def mean_years(total: int, n: int) -> FactValue | None:
    return None if n == 0 else FactValue(FactKind.YEARS, round_half_up(Fraction(total, n)), FactUnit.YEARS)


def fraction_words(num: int, den: int) -> FactValue | None:
    """A share as the nearest simple fraction with denominator at most 6 ('twee op de vijf' = 2/5)."""
    return None if den == 0 else FactValue(FactKind.FRACTION, Fraction(num, den), FactUnit.OTHER)


def factor(new: int, old: int) -> FactValue | None:
    """A ratio in words: 'verdubbeld' x2, 'meer dan verdubbeld' >x2, 'bijna gehalveerd' x0.5."""
    return None if old == 0 or new == 0 else FactValue(FactKind.FACTOR, Fraction(new, old), FactUnit.OTHER)


def delivered(text: str | None) -> FactValue | None:
    return None if text is None else FactValue(FactKind.DELIVERED, text, FactUnit.COUNT)


def approx(x: Fraction, step: int = 10, unit: FactUnit = FactUnit.COUNT, suffix: str = "") -> FactValue:
    """An approximate number ('zo'n 50', 'ongeveer 80%'): rounded half up to a multiple of `step`."""
    return FactValue(FactKind.APPROX, f"{round_half_up(x / step) * step}{suffix}", unit)


def nearest_simple_fraction(x: Fraction) -> Fraction:
    return min(SIMPLE_FRACTIONS, key=lambda f: (abs(f - x), f.denominator))


def factor_text(f: Fraction) -> str:
    """x k for a ratio near the whole number k (within 5% above it, or below it: 'bijna'); >x k when more
    than 5% above k; for a decline 1/f is rounded the same way: x0.5 = 'gehalveerd'."""
    if f >= 1:
        k = max(1, round_half_up(f))
        return f">x{k}" if f > k * Fraction(105, 100) else f"x{k}"
    k = max(1, round_half_up(1 / f))
    inv = Fraction(1, k)
    return f"x{float(inv):g}"
