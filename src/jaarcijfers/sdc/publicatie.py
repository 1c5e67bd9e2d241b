"""The publication's own policy (contract rule 11), the default because it reproduces the report.

Counts of persons or cases between 1 and 4 are shown as `<5` (0 is shown as 0); counts delivered
rounded (IND, Raad voor de rechtspraak) are shown as delivered; percentages are computed from the
unrounded counts and shown as whole percentages; means as whole years. This policy does not stop a hidden
count from being recovered from a total (see docs/sdc.md and `jaarcijfers audit`).
"""

from __future__ import annotations

from collections.abc import Sequence

from jaarcijfers.figures.model import CellKey, CellKind, RawCell
from jaarcijfers.sdc.policy import (
    BLANK,
    ROUNDED_SMALL,
    SMALL_COUNTS,
    SMALL_IN_WORDS,
    DisclosurePolicy,
    Symbol,
    plain_text,
)
from jaarcijfers.sdc.prior import PriorEdition

SMALL = Symbol(
    f"<{SMALL_COUNTS.stop}",
    f"een aantal van {SMALL_IN_WORDS} (niet precies getoond ter bescherming van de privacy)",
    withholds=True,
    below=SMALL_COUNTS.stop,
)


CONCEALED = Symbol(
    "x",
    "niet getoond ter bescherming van de privacy: uit dit getal zou een klein aantal "
    f"({SMALL_IN_WORDS}) of de leeftijd van een enkeling terug te rekenen zijn",
    conceals=True,
)
"""A prose fact computed from a hidden cell whose own value is not small (a total of 93 that includes a
'<5' cell), or a mean over fewer persons than `MIN_MEAN_PERSONS`."""


def protect(cells: Sequence[RawCell], prior: Sequence[PriorEdition] = ()) -> dict[CellKey, str]:
    """Counts 1..4 as '<5'; the earlier editions do not change what this policy shows (the audit of the
    build reports what they give away together)."""
    return {
        c.key: SMALL.text if c.kind == CellKind.COUNT and c.value in SMALL_COUNTS else plain_text(c)
        for c in cells
    }


POLICY = DisclosurePolicy(
    name="publicatie",
    protects=f"kleine aantallen ({SMALL_IN_WORDS}) worden als '{SMALL.text}' getoond, zoals in het rapport; "
    "een verborgen aantal kan soms uit een totaal worden teruggerekend",
    symbols=(SMALL, CONCEALED, ROUNDED_SMALL, BLANK),
    protect=protect,
)
