"""Which years a delivery has records for, per source (docs/outputs.md, "Years and sources without data").

A source has records for a year when a row of any of its files has that year in a year column of the
contract (`Kind.YEAR`: CoMensha `jaar`, EMM `startjaar`, OM `inschrijfjaar`/`afdoeningsjaar`/
`vonnisjaar`, IND and Raad voor de rechtspraak `jaar`). `build` refuses a reporting year for which no
source has records, and tells which sources have none for the reporting year or for its window.
"""

from __future__ import annotations

from dataclasses import dataclass

from jaarcijfers.contract.schema import FILES, SOURCE_NAMES, SOURCES, Kind
from jaarcijfers.errors import UserError


@dataclass(frozen=True)
class DeliveryYears:
    """The years with records, per source (every source of the contract is a key)."""

    by_source: dict[str, frozenset[int]]

    @property
    def all(self) -> frozenset[int]:
        return frozenset().union(*self.by_source.values())

    def without(self, years: tuple[int, ...] | range) -> tuple[str, ...]:
        """The sources with no record in any of `years`, in contract order."""
        return tuple(s for s in SOURCES if not self.by_source[s] & set(years))


def delivery_years(con) -> DeliveryYears:
    """The years of every source's records in the warehouse tables of `con`."""
    parts = [
        f"SELECT DISTINCT '{spec.source}' AS source, {col.name} AS y FROM {spec.name}"
        for spec in FILES.values()
        for col in spec.columns
        if col.kind == Kind.YEAR
    ]
    rows = con.execute(" UNION ".join(parts)).fetchall()
    found: dict[str, set[int]] = {s: set() for s in SOURCES}
    for source, y in rows:
        if y is not None:
            found[source].add(int(y))
    return DeliveryYears({s: frozenset(ys) for s, ys in found.items()})


def span(years: frozenset[int] | set[int]) -> str:
    """`2020-2024`, `2018, 2020-2024`, or `geen` (Dutch, for messages)."""
    if not years:
        return "geen"
    ordered = sorted(years)
    runs: list[tuple[int, int]] = []
    for y in ordered:
        if runs and y == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def check_reporting_year(year: int, years: DeliveryYears) -> None:
    """A reporting year for which no source has records is an error naming the delivery's years."""
    if year in years.all:
        return
    per_source = "; ".join(f"{SOURCE_NAMES[s]} {span(years.by_source[s])}" for s in SOURCES)
    if not years.all:
        raise UserError("de levering bevat geen enkel record met een jaar: er valt niets te berekenen")
    raise UserError(
        f"verslagjaar {year}: geen enkele bron heeft gegevens over dat jaar. De levering heeft gegevens "
        f"over {span(years.all)} ({per_source}); kies een verslagjaar daaruit met --year."
    )
