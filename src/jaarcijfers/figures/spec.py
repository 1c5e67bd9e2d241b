"""The vocabulary of the figure catalogue: labels, axes, blocks, links and figures (frozen declarations).

A figure is declared once (`catalogue.py`) and everything else reads its meaning from here: the engine
counts it, disclosure control derives the identities an outsider knows from it (`sdc/structure.py`), the
narrative names its series with the label's phrase.

What a declaration says:

- a `Label` is a published row or column label: the codes of the axis's dimension view it counts, its
  `Role` (an ordinary part, a total of other labels, the unknown category, a count, mean, share or rank
  column), whether it is shown only when non-zero (`optional`), and how a reader names its series in a
  Dutch sentence (`phrase`);
- an `Axis` declares its `Coverage` of the units: whether its labels partition them, may overlap (a
  unit carries several codes), and/or may miss some (a unit has no code shown);
- a `Link` declares that slices of one block count the same units as slices of another block (or a
  subset of them); the operator of every identity is derived from the coverage of the axes summed over.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Labels = tuple[tuple[str, tuple[str, ...]], ...]
SourceId = Literal["comensha", "ind", "emm", "om", "rechtspraak"]
UnitTable = Literal["victim", "investigation", "suspect", "case", "ind_tabel", "rechtspraak_tabel"]
"""(published label, codes) pairs: the engine's and the synthesiser's view of an axis."""


class Role(StrEnum):
    """What a label is."""

    PART = "part"  # an ordinary category of the axis
    TOTAL = "total"  # the units of other labels together ('Totaal', 'Seksuele uitbuiting - totaal')
    UNKNOWN = "unknown"  # the unknown category; on an overlapping axis a unit with it has no other label
    COUNT = "count"  # a count column of a measure axis ('Aantal', 'Totaal slachtoffers')
    MEAN = "mean"  # a mean over known values ('Gemiddelde leeftijd in jaren')
    SHARE = "share"  # a percentage of the count column's total ('Percentage')
    RANK = "rank"  # a rank ('Rang')


NUMERIC_ROLES = frozenset({Role.PART, Role.TOTAL, Role.UNKNOWN, Role.COUNT})
"""Roles whose cells are counts (the variables of disclosure control)."""


class Coverage(StrEnum):
    """How the labels of an axis cover the units of a block (for a fixed label of the other axis)."""

    PARTITION = "partition"  # every unit has exactly one label: the parts add up to the total
    OVERLAP = "overlap"  # every unit has at least one label, some several: the parts add up to more
    MISSING = "missing"  # every unit has at most one label, some none: the parts add up to less
    OVERLAP_MISSING = "overlap_missing"  # several or none: the parts relate to the total only by the data
    MEASURES = "measures"  # separate measures (a delivered table, Aantal/Percentage): never summed

    @property
    def overlap(self) -> bool:
        return self in (Coverage.OVERLAP, Coverage.OVERLAP_MISSING)

    @property
    def missing(self) -> bool:
        return self in (Coverage.MISSING, Coverage.OVERLAP_MISSING)


class Period(StrEnum):
    YEARS = "years"  # one column per shown year
    YEAR = "year"  # the reporting year only
    TOTAL = "total"  # all shown years together


class BlockKind(StrEnum):
    COUNT = "count"  # distinct units per (row, column)
    COUNT_SHARE = "count_share"  # Aantal + Percentage of the column total
    TOP = "top"  # a ranking whose rows come from the data
    TABLE = "table"  # a delivered table passed through


class Chart(StrEnum):
    LINE = "line"
    GROUPED_BAR = "grouped_bar"
    BAR = "bar"
    STACKED_BAR = "stacked_bar"


class Along(StrEnum):
    """Which axis of a block indexes the slices of a link side."""

    ROWS = "rows"
    COLUMNS = "columns"


class Match(StrEnum):
    """How the slices of the two sides of a link are paired."""

    YEARS = "years"  # by year label: both sides slice along their year axis
    CODES = "codes"  # by the codes of one dimension: labels (or groups of labels) with the same codes
    ONE = "one"  # one slice on each side (the selected labels)


class Relation(StrEnum):
    """How the units of a link's declaring side relate to those of the other side."""

    SAME = "same"
    SUBSET = "subset"  # the declaring side's units are among the other side's


REPORTING_YEAR = "{jaar}"
"""`Side.at`: the reporting year's column (the years follow the edition)."""


@dataclass(frozen=True)
class Label:
    text: str
    codes: tuple[str, ...] = ()
    role: Role = Role.PART
    optional: bool = False  # shown only when one of its cells is non-zero: absent means 0
    phrase: str = ""  # how a reader names the series in a Dutch sentence ("" = the axis's template)
    parts: tuple[str, ...] = ()  # a total whose parts its codes do not tell (a delivered table)
    within: str = ""  # counts some of the units of another label of the axis (a delivered table)


def label(
    text: str,
    codes: str | tuple[str, ...] = (),
    role: Role = Role.PART,
    *,
    optional: bool = False,
    phrase: str = "",
    parts: tuple[str, ...] = (),
    within: str = "",
) -> Label:
    """A label; `codes` one code or a tuple of codes."""
    return Label(
        text, (codes,) if isinstance(codes, str) else tuple(codes), role, optional, phrase, parts, within
    )


def total(text: str, codes: str | tuple[str, ...] = (), **kw: object) -> Label:
    return label(text, codes, Role.TOTAL, **kw)  # type: ignore[arg-type]


def unknown(text: str, codes: str | tuple[str, ...] = (), **kw: object) -> Label:
    return label(text, codes, Role.UNKNOWN, **kw)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Axis:
    """One dimension of a block: a dimension view `dim_<dim>(id, code)` and its published labels.

    A label counts the units having any of its codes. `years=True` makes the axis the block's year
    columns (labels follow the data; years partition the units). An axis without labels that is not a
    year axis takes its labels from the data (Tabel 1's nationalities).
    `coverage` says how the labels cover the units, `why` the rule that makes it so; `exclusive` lists
    label groups of an overlapping axis that never share a unit. `phrase` is the template that names a
    label's series in a sentence: `{r}` the label in lower case, `{R}` as published.
    """

    dim: str
    entries: tuple[Label, ...] = ()
    coverage: Coverage = Coverage.PARTITION
    why: str = ""
    phrase: str = ""
    exclusive: tuple[tuple[str, ...], ...] = ()
    years: bool = False

    @property
    def labels(self) -> Labels:
        return tuple((e.text, e.codes) for e in self.entries)

    @property
    def optional(self) -> frozenset[str]:
        return frozenset(e.text for e in self.entries if e.optional)

    @property
    def from_data(self) -> bool:
        return not self.years and not self.entries

    def get(self, text: str) -> Label | None:
        for e in self.entries:
            if e.text == text:
                return e
        return None


@dataclass(frozen=True)
class Mean:
    """A row holding the mean of a unit column over the known values of each column's units."""

    label: str
    column: str  # the unit table's column (e.g. `leeftijd`)
    phrase: str


@dataclass(frozen=True)
class Block:
    """A table of counts: rows × columns of distinct units (`kind`, `period`: see the enums)."""

    part: str
    rows: Axis
    columns: Axis
    period: Period = Period.YEARS
    kind: BlockKind = BlockKind.COUNT
    stub: str = ""
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()
    means: tuple[Mean, ...] = ()
    blank_rows_when_split_hidden: tuple[str, ...] = ()
    sort_rows_by_count: bool = False
    top_n: int = 0
    table: str = ""  # for kind TABLE: the delivered table

    def axis(self, along: Along) -> Axis:
        return self.rows if along == Along.ROWS else self.columns


@dataclass(frozen=True)
class Side:
    """Slices of a block for a link: the labels of the `along` axis index the slices (all of them, or the
    `labels` chosen, or the labels within `codes`); each slice is read at the label `at` of the other axis
    (a label, or `REPORTING_YEAR`) or, with `at` empty, summed over the other axis (its `over` labels
    only, when given, or the labels within `over_codes`)."""

    figure: str = ""  # "" = the figure that declares the link
    part: str = ""
    along: Along = Along.COLUMNS
    labels: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    at: str = ""
    over: tuple[str, ...] = ()
    over_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """The slices of `this` (a block of the declaring figure) count the same units as the slices of
    `other` paired with them by `match` (or, `relation` SUBSET, some of them). The operator of each
    identity follows from the coverage of the axes summed over (docs/sdc.md).

    `missing_in`: the units of a slice of `this` that are missing from the axis summed over (a victim of
    unknown gender) are among the units of this slice of another block that have a code not shown here
    (or are missing there too): `units - shown <= the other block's cells for those codes (+ its own
    units - shown)`."""

    this: Side
    other: Side
    match: Match
    why: str
    relation: Relation = Relation.SAME
    missing_in: Side | None = None


@dataclass(frozen=True)
class Figure:
    id: str
    title: str  # with {periode} (first-last shown year) and {jaar} (reporting year)
    source: str
    source_id: SourceId
    unit: str  # Dutch: what one count is
    unit_table: UnitTable
    year_dim: str  # the anchor year dimension, e.g. victim_jaar
    section: str
    chart: Chart
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()
    label: str = "Figuur"
    rounded: bool = False
    description: str = ""  # what the figure shows, for the text alternative and docs
    links: tuple[Link, ...] = ()
    headline: bool = False  # a key number of the report (disclosure control withholds it last)

    @property
    def name(self) -> str:
        return f"Tabel {self.id[1:]}" if self.id.startswith("T") else f"{self.label} {self.id}"

    def block(self, part: str) -> Block | None:
        for b in self.blocks:
            if b.part == part:
                return b
        return None
