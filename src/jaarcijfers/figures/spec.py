"""The vocabulary of the figure catalogue: axes, blocks and figures (frozen declarations)."""

from __future__ import annotations

from dataclasses import dataclass, field

Labels = tuple[tuple[str, tuple[str, ...]], ...]


def lab(*pairs: tuple[str, str | tuple[str, ...]]) -> Labels:
    """Declare axis labels: ("Published label", "code") or ("Label", ("code1", "code2"))."""
    return tuple((label, (codes,) if isinstance(codes, str) else tuple(codes)) for label, codes in pairs)


@dataclass(frozen=True)
class Axis:
    """One dimension of a block: a dimension view `dim_<dim>(id, code)` and the published labels.

    A label counts the units having any of its codes. `optional` labels are shown only when one of
    their cells is non-zero. `years=True` makes the axis the block's year columns (labels follow the data).
    """

    dim: str
    labels: Labels = ()
    optional: frozenset[str] = frozenset()
    years: bool = False


@dataclass(frozen=True)
class Block:
    """A table of counts: rows × columns of distinct units.

    period: "years" (one column per shown year), "year" (the reporting year only) or "total" (all shown
    years together). kind: "count", "count_share" (Aantal + Percentage of the column total), "top"
    (a ranking), "table" (a table delivery passed through).
    """

    part: str
    rows: Axis
    columns: Axis
    period: str = "years"
    kind: str = "count"
    stub: str = ""
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()
    means: tuple[tuple[str, str], ...] = ()  # (row label, unit column) rows holding a mean over known values
    blank_rows_when_split_hidden: tuple[str, ...] = ()
    sort_rows_by_count: bool = False
    top_n: int = 0
    table: str = ""  # for kind == "table": the delivered table


@dataclass(frozen=True)
class Figure:
    id: str
    title: str  # with {periode} (first-last shown year) and {jaar} (reporting year)
    source: str
    source_id: str  # comensha | ind | emm | om | rechtspraak
    unit: str  # Dutch: what one count is
    unit_table: str  # victim | investigation | suspect | case | ind_tabel | rechtspraak_tabel
    year_dim: str  # the anchor year dimension, e.g. victim_jaar
    section: str
    chart: str  # line | grouped_bar | bar | stacked_bar | table
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()
    label: str = "Figuur"
    rounded: bool = False
    description: str = ""  # what the figure shows, for the text alternative and docs
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"Tabel {self.id[1:]}" if self.id.startswith("T") else f"{self.label} {self.id}"
