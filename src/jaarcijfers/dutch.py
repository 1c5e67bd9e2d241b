"""Numbers (and dates) as a Dutch reader sees them, through Babel (CLDR, locale nl_NL): thousands with a
dot, '12 juni 2025'. The one number formatter of the project: every renderer (site, PDF, press summary, chart tooltips,
narrative) and the terminal output of `jaarcijfers estimate` use it.

Renderers format published strings only: a published count ('1013') gets its thousands separator
('1.013'); a symbol ('<5', 'x'), a percentage ('52%', '+9%', made by the one rounding rule of
`jaarcijfers.numbers`) or an empty cell is shown as published. A number that is not whole is first
rounded by that rule (`whole`).
"""

from __future__ import annotations

import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale


@lru_cache(maxsize=1)
def _locale() -> Locale:
    from babel import Locale

    return Locale.parse("nl_NL")


def integer(n: int) -> str:
    """A whole number in Dutch notation: 1013 -> '1.013', -25 -> '-25'."""
    from babel.numbers import format_decimal

    return format_decimal(n, locale=_locale())


def whole(x: float) -> str:
    """A number rounded half away from zero (`numbers.round_half_up`) in Dutch notation: 7661.5 -> '7.662'."""
    from jaarcijfers.numbers import round_half_up

    return integer(round_half_up(x))


def count(display: str) -> str:
    """A published value in Dutch notation: a plain count gets its thousands separator ('1013' ->
    '1.013'); any other published string ('<5', 'x', '52%', '+9%', '') is shown as published."""
    return integer(int(display)) if display.isdigit() else display


def date(d: datetime.date) -> str:
    """A date as a Dutch reader writes it: 2025-06-12 -> '12 juni 2025'."""
    from babel.dates import format_date

    return format_date(d, "d MMMM y", locale=_locale())
