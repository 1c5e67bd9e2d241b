"""Typed fact values and how each is written (one rule per kind; see docs/rules.md, "Numbers")."""

from __future__ import annotations

import re
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
    over: int | None = None  # a mean: the number of persons (known values) it is computed over

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
    """A mean in whole numbers over `n` values (e.g. investigations per year over the years shown)."""
    return None if n == 0 else FactValue(FactKind.YEARS, round_half_up(Fraction(total, n)), FactUnit.YEARS)


def mean_age(total: int, n: int) -> FactValue | None:
    """A mean age in whole years over the `n` persons whose age is known (disclosure control withholds a
    mean over few persons: docs/sdc.md)."""
    if n == 0:
        return None
    return FactValue(FactKind.YEARS, round_half_up(Fraction(total, n)), FactUnit.YEARS, over=int(n))


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


# --- the inverse: which exact values are written as a given text ------------------------------------------
@dataclass(frozen=True)
class Interval:
    """An interval of fractions; `None` is unbounded on that side."""

    lo: Fraction | None
    lo_open: bool
    hi: Fraction | None
    hi_open: bool

    def __contains__(self, x: Fraction) -> bool:
        above = self.lo is None or (x > self.lo if self.lo_open else x >= self.lo)
        below = self.hi is None or (x < self.hi if self.hi_open else x <= self.hi)
        return above and below

    def shifted(self, by: Fraction) -> Interval:
        return Interval(
            None if self.lo is None else self.lo + by,
            self.lo_open,
            None if self.hi is None else self.hi + by,
            self.hi_open,
        )


def _half_up_interval(q: int, scale: int) -> Interval:
    """The x with round_half_up(x * scale) == q (half away from zero)."""
    lo, hi = Fraction(2 * q - 1, 2 * scale), Fraction(2 * q + 1, 2 * scale)
    if q >= 1:
        return Interval(lo, False, hi, True)
    if q <= -1:
        return Interval(lo, True, hi, False)
    return Interval(lo, True, hi, True)


_PERCENT_TEXT = re.compile(r"^(\d+)%$")
_CHANGE_TEXT = re.compile(r"^([+-]?\d+)%$")
_FACTOR_TEXT = re.compile(r"^(>?)x(\d+(?:\.\d+)?)$")
_FRACTION_TEXT = re.compile(r"^(\d+)/(\d+)$")


def written_interval(kind: FactKind, text: str) -> Interval | None:
    """Every exact value of a fact of `kind` that is written as `text` (the inverse of `FactValue.text`): a
    percentage, a change, a factor or a simple fraction. None for a text this kind never produces (a
    withheld fact, a symbol) or for a kind whose value is not a fraction of two counts."""
    text = text.strip()
    if kind == FactKind.PERCENT and (m := _PERCENT_TEXT.match(text)):
        return _half_up_interval(int(m.group(1)), 100)
    if kind == FactKind.CHANGE and (m := _CHANGE_TEXT.match(text)):
        if text.startswith("+") != (int(m.group(1)) > 0):  # '+' exactly when positive
            return None
        return _half_up_interval(int(m.group(1)), 100)
    if kind == FactKind.FRACTION and (m := _FRACTION_TEXT.match(text)):
        return _fraction_interval(Fraction(int(m.group(1)), int(m.group(2))))
    if kind == FactKind.FACTOR and (m := _FACTOR_TEXT.match(text)):
        return _factor_interval(m.group(1) == ">", Fraction(m.group(2)))
    return None


def _fraction_interval(f: Fraction) -> Interval | None:
    """The shares written as the simple fraction `f` (`nearest_simple_fraction`): between the midpoints to its
    neighbours; a tie goes to the smaller denominator (then to the one listed first)."""
    ordered = sorted(SIMPLE_FRACTIONS)
    if f not in ordered:
        return None
    i = ordered.index(f)
    order = {g: n for n, g in enumerate(SIMPLE_FRACTIONS)}

    def wins(g: Fraction) -> bool:  # does f win a tie against its neighbour g?
        return (f.denominator, order[f]) < (g.denominator, order[g])

    lo = hi = None
    lo_open = hi_open = False
    if i > 0:
        prev = ordered[i - 1]
        lo, lo_open = (prev + f) / 2, not wins(prev)
    if i < len(ordered) - 1:
        nxt = ordered[i + 1]
        hi, hi_open = (f + nxt) / 2, not wins(nxt)
    return Interval(lo, lo_open, hi, hi_open)


def _factor_interval(more: bool, k: Fraction) -> Interval | None:
    """The ratios written as 'x k' or '>x k' (`factor_text`)."""
    if k >= 1:
        if k.denominator != 1:
            return None
        n = int(k)
        top = Fraction(2 * n + 1, 2)  # round_half_up(f) == n: f < n + 1/2
        limit = Fraction(105, 100) * n
        if more:
            return Interval(limit, True, top, True) if limit < top else None
        if n == 1:  # 'x1' also for a decline that rounds to no change: 1/f < 3/2
            return Interval(Fraction(2, 3), True, limit, False)
        return Interval(Fraction(2 * n - 1, 2), False, *((limit, False) if limit < top else (top, True)))
    if more:
        return None
    n = round(1 / k)  # x0.5 = 1/2: round_half_up(1/f) == n, n >= 2
    if n < 2 or f"{float(Fraction(1, n)):g}" != f"{float(k):g}":
        return None
    return Interval(Fraction(2, 2 * n + 1), True, Fraction(2, 2 * n - 1), False)
