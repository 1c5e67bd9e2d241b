"""Numbers (and dates) as a Dutch reader sees them, through Babel (CLDR, locale nl_NL): thousands with a
dot, '12 juni 2025'. The Dutch language's formatter (`language.NL`), for the code that only writes Dutch:
the renderers of the Dutch edition, the narrative and the terminal output of `jaarcijfers estimate`.
Every language's formatter is `language.Language` (docs/language.md).

Renderers format published strings only: a published count ('1013') gets its thousands separator
('1.013'); a symbol ('<5', 'x'), a percentage ('52%', '+9%', made by the one rounding rule of
`jaarcijfers.numbers`) or an empty cell is shown as published. A number that is not whole is first
rounded by that rule (`whole`).
"""

from __future__ import annotations

import datetime

from jaarcijfers.language import NL


def integer(n: int) -> str:
    """A whole number in Dutch notation: 1013 -> '1.013', -25 -> '-25'."""
    return NL.integer(n)


def whole(x: float) -> str:
    """A number rounded half away from zero (`numbers.round_half_up`) in Dutch notation: 7661.5 -> '7.662'."""
    return NL.whole(x)


def count(display: str) -> str:
    """A published value in Dutch notation: a plain count gets its thousands separator ('1013' ->
    '1.013'); any other published string ('<5', 'x', '52%', '+9%', '') is shown as published."""
    return NL.count(display)


def date(d: datetime.date) -> str:
    """A date as a Dutch reader writes it: 2025-06-12 -> '12 juni 2025'."""
    return NL.date(d)
