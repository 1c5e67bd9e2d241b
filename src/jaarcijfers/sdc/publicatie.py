"""The publication's own policy (contract rule 11), the default because it reproduces the report.

Counts of persons or cases between 1 and 4 are shown as `<5` (0 is shown as 0); counts delivered
rounded (IND, Raad voor de rechtspraak) are shown as delivered; percentages are computed from the
unrounded counts and shown as whole percentages; means as whole years. This policy does not stop a hidden
count from being recovered from a total (see docs/sdc.md and `jaarcijfers audit`).
"""

from __future__ import annotations

from collections.abc import Sequence

from jaarcijfers.numbers import format_percent, round_half_up
from jaarcijfers.sdc.policy import CellKey, RawCell

SMALL_SYMBOL = "<5"


def protect_count(value: int) -> str:
    return SMALL_SYMBOL if 1 <= value <= 4 else str(value)


def protect(cells: Sequence[RawCell]) -> dict[CellKey, str]:
    out: dict[CellKey, str] = {}
    for cell in cells:
        if cell.kind == "count":
            assert isinstance(cell.value, int)
            out[cell.key] = protect_count(cell.value)
        elif cell.kind == "rounded":
            out[cell.key] = cell.display or ""
        elif cell.kind == "percent":
            out[cell.key] = "" if cell.value is None else format_percent(cell.value)
        elif cell.kind in ("mean", "rank"):
            out[cell.key] = "" if cell.value is None else str(round_half_up(cell.value))
        else:
            out[cell.key] = ""
    return out
