"""The interface between computed figures and disclosure control.

The engine produces `RawCell`s (true values). A policy turns every cell into the string that may be
published. Renderers only ever see the published strings (and numbers parsed back from them), so a
protected value cannot reach an output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, order=True)
class CellKey:
    figure: str
    part: str
    row: str
    column: str


@dataclass(frozen=True)
class RawCell:
    key: CellKey
    value: int | Fraction | None
    # "count" | "rounded" (delivered as a display string) | "percent" (Fraction 0..1) | "mean" (Fraction)
    # | "rank" (int) | "blank" (deliberately not shown)
    kind: str
    display: str | None = None  # for kind == "rounded": the delivered string ("15", "<10")


Policy = Callable[[Sequence[RawCell]], dict[CellKey, str]]

POLICIES: dict[str, str] = {
    "publicatie": "jaarcijfers.sdc.publicatie:protect",
    "strict": "jaarcijfers.sdc.strict:protect",
}
"""Registry of policies (name -> 'module:function'); every entry is documented in docs/sdc.md."""

FACT_POLICIES = frozenset({"strict"})
"""Policies that also receive the related prose count facts as cells (figure `structure.FACT_FIGURE`) and
decide about them; the other policies see the figure cells only."""


def get_policy(name: str) -> Policy:
    from importlib import import_module

    from jaarcijfers.errors import UserError

    if name not in POLICIES:
        raise UserError(
            f"onbekend beleid voor onthullingscontrole: {name!r} (kies uit {', '.join(POLICIES)})"
        )
    module, func = POLICIES[name].split(":")
    return getattr(import_module(module), func)
