"""Cells the strict policy cannot protect: a property of the data and of what was published before, so a
user's error that says what to do, never an internal error (docs/sdc.md, "When the strict policy cannot
protect a cell").

The strict policy (`sdc.strict`) withholds cells until no hidden count can be narrowed below its
requirement. Some editions leave no such pattern. Typically an earlier edition published values that,
together with this edition's sums, pin a cell whatever this edition withholds: an edition of the
publication's policy that showed every cell of a sum but one small count (so that count was known), and
this edition revised a cell of that sum. The build then stops with `Unprotectable`: the cells, how far they
can be derived, the values of the earlier editions that take part (the cells sharing a sum with them), and
what the analyst can do (another policy for the edition; trial builds not recorded)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from jaarcijfers.errors import UserError
from jaarcijfers.figures.model import CellKey
from jaarcijfers.sdc.prior import PriorEdition
from jaarcijfers.sdc.structure import INF, cell_name, edition_of

MAX_VALUES = 12
"""At most this many published values are named per earlier edition (the rest are counted)."""


class Unprotectable(UserError):
    """The strict policy finds no pattern of withheld cells that protects `cells` (exit 2)."""

    def __init__(self, message: str, cells: Sequence[CellKey]):
        super().__init__(message)
        self.cells = tuple(cells)


def interval_text(lo: float, hi: float) -> str:
    """How far an outsider can narrow a cell: `221`, `2..4`, `3 of meer`."""
    if hi == INF:
        return f"{int(lo)} of meer"
    return f"{int(lo)}" if lo == hi else f"{int(lo)}..{int(hi)}"


def unprotectable(
    cells: Sequence[tuple[CellKey, str]],
    neighbours: Mapping[CellKey, Iterable[CellKey]],
    prior: Sequence[PriorEdition],
) -> Unprotectable:
    """The error for `cells` (key, what is wrong with it, Dutch). `neighbours`: per cell the variables that
    share an identity with it (the attacker's graph); `prior`: the earlier editions an outsider knows."""
    from jaarcijfers.sdc.editions import published
    from jaarcijfers.sdc.policy import REGISTRY

    keys = sorted({k for k, _ in cells})
    near: set[CellKey] = set(keys)
    for k in keys:
        near.update(neighbours.get(k, ()))
    involved: list[tuple[PriorEdition, list[tuple[CellKey, str]]]] = []
    for p in sorted(prior, key=lambda e: e.year):
        values = published(p)
        mine = sorted(
            {
                base: values[base]
                for base in (edition_of(v)[1] for v in near if edition_of(v)[0] in (None, p.year))
                if base in values
            }.items()
        )
        if mine:
            involved.append((p, mine))
    lines = ["de strikte onthullingscontrole kan niet elke cel van deze editie beschermen:"]
    lines += [f"  - {cell_name(k)}: {what}" for k, what in sorted(cells)]
    if involved:
        lines.append(
            "Eerder gepubliceerde waarden in dezelfde optellingen leggen deze cellen vast, welke cellen deze "
            "editie ook weglaat:"
        )
        for p, mine in involved:
            shown = ", ".join(f"{cell_name(k)} = {v}" for k, v in mine[:MAX_VALUES])
            more = f" en {len(mine) - MAX_VALUES} andere" if len(mine) > MAX_VALUES else ""
            lines.append(f"  - editie {p.year}{_policy(p)}: {shown}{more}")
        earlier = sorted(
            {
                name
                for p, _ in involved
                for name in p.policy.split("+")
                if name in REGISTRY and name != "strict"
            }
        )
        choice = (
            f"het beleid van de eerdere editie ({' of '.join(earlier)}): --sdc {earlier[0]}, of "
            f'onthullingscontrole = "{earlier[0]}" in redactie.toml van deze editie'
            if earlier
            else "een ander beleid: --sdc, of onthullingscontrole in redactie.toml van deze editie"
        )
        lines.append(
            f"Wat u kunt doen: kies voor deze editie {choice} (docs/sdc.md). Een eerdere editie in het "
            "register van het warehouse (of gegeven met --met-eerdere) geldt als gepubliceerd; bouw een proef "
            "daarom met --niet-vastleggen, dan telt ze later niet mee."
        )
    else:
        lines.append(
            "De optellingen binnen en tussen de figuren van deze editie laten geen bescherming toe. Wat u kunt "
            "doen: kies voor deze editie een ander beleid: --sdc, of onthullingscontrole in redactie.toml van "
            "deze editie (docs/sdc.md)."
        )
    return Unprotectable("\n".join(lines), keys)


def _policy(p: PriorEdition) -> str:
    return f" ({p.policy.replace('+', ', ')})" if p.policy else ""
