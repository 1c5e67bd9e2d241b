"""Typed fact values and how each is written (one rule per kind; see docs/rules.md, "Numbers")."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from jaarcijfers.numbers import format_change, format_percent, round_half_up

SIMPLE_FRACTIONS = sorted(
    {Fraction(n, d) for d in range(2, 7) for n in range(1, d)}, key=lambda f: (f.denominator, f.numerator)
)


@dataclass(frozen=True)
class FactValue:
    """kind: count | number | percent | change | year | years | fraction | factor | delivered | approx."""

    kind: str
    value: int | Fraction | str
    unit: str  # unit column of facts.csv: count | percent | percent_change | years | other

    def text(self) -> str:
        v = self.value
        if self.kind in ("count", "number", "year", "years", "approx"):
            return str(v)
        if self.kind == "percent":
            assert isinstance(v, Fraction)
            return format_percent(v)
        if self.kind == "change":
            assert isinstance(v, Fraction)
            return format_change(v)
        if self.kind == "fraction":
            assert isinstance(v, Fraction)
            f = nearest_simple_fraction(v)
            return f"{f.numerator}/{f.denominator}"
        if self.kind == "factor":
            assert isinstance(v, Fraction)
            return factor_text(v)
        return str(v)


def count(n: int) -> FactValue:
    """A count of persons or cases: subject to disclosure control like a table cell."""
    return FactValue("count", int(n), "count")


def number(n: int) -> FactValue:
    """A count of something other than persons or cases (nationalities, years): never protected."""
    return FactValue("number", int(n), "count")


def percent(num: int, den: int) -> FactValue | None:
    return None if den == 0 else FactValue("percent", Fraction(num, den), "percent")


def change(new: int, old: int) -> FactValue | None:
    return None if old == 0 else FactValue("change", Fraction(new - old, old), "percent_change")


def difference(new: int, old: int) -> FactValue:
    """The size of a change in counts (the prose says 'meer' or 'minder'); protected through its cells."""
    return FactValue("number", abs(int(new) - int(old)), "count")


def year(y: int | None) -> FactValue | None:
    return None if y is None else FactValue("year", int(y), "other")


def years(n: int) -> FactValue:
    return FactValue("years", int(n), "years")


def mean_years(total: int, n: int) -> FactValue | None:
    return None if n == 0 else FactValue("years", round_half_up(Fraction(total, n)), "years")


def fraction_words(num: int, den: int) -> FactValue | None:
    """A share as the nearest simple fraction with denominator at most 6 ('twee op de vijf' = 2/5)."""
    return None if den == 0 else FactValue("fraction", Fraction(num, den), "other")


def factor(new: int, old: int) -> FactValue | None:
    """A ratio in words: 'verdubbeld' x2, 'meer dan verdubbeld' >x2, 'bijna gehalveerd' x0.5."""
    return None if old == 0 or new == 0 else FactValue("factor", Fraction(new, old), "other")


def delivered(text: str | None) -> FactValue | None:
    return None if text is None else FactValue("delivered", text, "count")


def approx(x: Fraction, step: int = 10, unit: str = "count", suffix: str = "") -> FactValue:
    """An approximate number ('zo'n 50', 'ongeveer 80%'): rounded half up to a multiple of `step`."""
    return FactValue("approx", f"{round_half_up(x / step) * step}{suffix}", unit)


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
