"""The one rounding rule of the project (docs/rules.md, "Numbers").

Every percentage, percent change and mean is computed exactly (fractions of unrounded counts) and
rounded half away from zero to a whole number: 12.5% -> 13%, -8.5% -> -9%, 31.5 years -> 32.
"""

from __future__ import annotations

from fractions import Fraction
from math import floor


def round_half_up(x: Fraction | int | float) -> int:
    """Round half away from zero, exactly."""
    q = Fraction(x)
    if q >= 0:
        return floor(q + Fraction(1, 2))
    return -floor(-q + Fraction(1, 2))


def share(part: int, whole: int) -> Fraction | None:
    return None if whole == 0 else Fraction(part, whole)


def format_percent(fraction: Fraction | int) -> str:
    """A share (0..1) as a whole percentage: Fraction(42, 81) -> '52%'."""
    return f"{round_half_up(fraction * 100)}%"


def percent_change(new: int, old: int) -> Fraction | None:
    return None if old == 0 else Fraction(new - old, old)


def format_change(change: Fraction) -> str:
    """A relative change as a signed whole percentage: '+9%', '-25%', '0%'."""
    p = round_half_up(change * 100)
    return f"+{p}%" if p > 0 else f"{p}%"


def published_number(display: str) -> int | None:
    """The whole number a published value shows: '944' -> 944, '52%' -> 52 (percent), '-3' -> -3; None for
    a symbol ('<5', 'x', '<10') or an empty cell. Published values are whole numbers (rounded above)."""
    text = display.strip()
    if text.endswith("%"):
        text = text[:-1]
    body = text[1:] if text[:1] in "+-" else text
    if not (body.isascii() and body.isdigit()):
        return None
    return int(text)
