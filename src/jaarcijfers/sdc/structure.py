"""The linear structure of an edition, as an outsider knows it from the published report.

Every published count is a variable with a domain read from its symbol (`variable_domain`), and the
cells are tied together by identities. The identities are DERIVED from the figure catalogue
(`figures/catalogue.py`: the coverage of each axis, the roles of its labels, the links between figures)
and the edition's own cells (the years follow the data, so any reporting year works):

- within a block, a total label equals the sum of its parts (`Role.TOTAL`; `within`: at most its
  container); a published percentage is a rounding constraint on its count column (`Role.SHARE`);
- a `Link` pairs slices of two blocks that count the same units (or some of them); each side is a sum
  of cells whose relation to the number of units follows from the coverage of the axis summed over
  (partition: equal; overlap: at least; missing: at most; overlap and missing: at least, but only if no
  unit is missing in the data); combining the two sides gives `==`, `<=` or `>=`;
- `missing_in`: the units missing from an axis of one slice are among the units missing from (or shown
  under the other codes of) a larger slice.

An identity that holds only when the data have no unit without a code (`IdentityKind.DATA`) is checked
against the true values when an edition is built (`data_dependent_check`); `build` records which held in
`metadata.json`, and the strict policy and the audit leave out those that did not.

A label in an edition that the catalogue does not know, or a link to a row that is not there, is an
error (`CatalogueError`). An optional label absent from an edition is a known 0 (it is shown only when
non-zero), and so is a window year absent from a figure of counted units (no unit that year); a
deliberately blank cell (Figuur 18's hidden split) turns the sums that need it into bounds or drops them.

Variables are `CellKey`s. Where several figures count the same units that no figure shows exactly (the
five-year total of a sexual form of the first-instance cases, whose yearly split Figuur 18 hides in some
years), the identities go through an auxiliary variable: a `CellKey` with figure `AUX_FIGURE`, unknown to
everybody and free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from jaarcijfers.figures.catalogue import CATALOGUE, by_id
from jaarcijfers.figures.kinds import cell_kind, declared_kind
from jaarcijfers.figures.model import COUNTS, CellKey, CellKind
from jaarcijfers.figures.spec import Period, Role
from jaarcijfers.sdc.policy import SMALL_COUNTS

_FIGURES = by_id()
ROUNDED_FIGURES = frozenset(f.id for f in CATALOGUE if f.rounded)
"""Tables delivered rounded to fives (IND, Raad voor de rechtspraak): passed through as delivered."""
HEADLINE_FIGURES = frozenset(f.id for f in CATALOGUE if f.headline)
"""The report's key numbers (Figuur 1, Figuur 15)."""
FIVE_YEAR_FIGURES = frozenset(f.id for f in CATALOGUE if any(b.period == Period.TOTAL for b in f.blocks))
"""Figures with a block over all years shown (figures 17, 19, 22, 23, 24)."""

STRICT_SYMBOL = "x"
"""The one symbol of the strict policy for every withheld cell (CBS convention: x = geheim)."""

SMALL_SYMBOL = "<5"
ROUNDED_SMALL_SYMBOL = "<10"
AUX_FIGURE = "_"
FACT_FIGURE = "feit"
"""The pseudo-figure of prose facts in the model: a count fact `id` is the variable CellKey(FACT_FIGURE, '', id, '')."""
INF = float("inf")

_YEAR = re.compile(r"^(19|20)\d\d$")
_INT = re.compile(r"^(0|[1-9]\d*)$")


class CatalogueError(ValueError):
    """An edition that does not fit the catalogue, or a catalogue declaration that cannot be resolved."""


def is_year(label: str) -> bool:
    return bool(_YEAR.match(label))


def is_total_label(label: str) -> bool:
    """A label that reads as a total ('Totaal', 'Seksuele uitbuiting - totaal', 'Totaal slachtoffers'): the
    strict policy withholds these last."""
    return "totaal" in label.lower()


# --- cells of earlier editions ------------------------------------------------------------------------------
_EDITION = re.compile(r"^(\d{4}):(.*)$")


def of_edition(key: CellKey, year: int) -> CellKey:
    """The variable of a cell (or fact, or auxiliary) of an earlier edition: a different unknown from the
    same key in the edition audited unless a link ties the two (`sdc/editions.py`). The figure is tagged
    with the edition's year ('2023:17'); an auxiliary stays free (figure `AUX_FIGURE`, named per edition)."""
    if key.figure == AUX_FIGURE:
        return CellKey(AUX_FIGURE, "", f"{key.row} [editie {year}]", "")
    return CellKey(f"{year}:{key.figure}", key.part, key.row, key.column)


def edition_of(key: CellKey) -> tuple[int | None, CellKey]:
    """(year of the earlier edition or None, the key as that edition publishes it)."""
    m = _EDITION.match(key.figure)
    if m is None:
        return None, key
    return int(m.group(1)), CellKey(m.group(2), key.part, key.row, key.column)


def base_key(key: CellKey) -> CellKey:
    return edition_of(key)[1]


def variable_kind(key: CellKey, display: str) -> CellKind | None:
    """What a variable of the model is: a cell of this or an earlier edition is what the catalogue makes
    it (`figures.kinds.cell_kind`: a count, a rounded count, a percentage, a mean, a rank or blank); a
    prose fact is a `COUNT` when it is a whole number or a withholding symbol, else None (a share, a
    change: not a variable). The counts (`figures.model.COUNTS`) are the variables."""
    plain = base_key(key)
    if display == "":
        return CellKind.BLANK
    if plain.figure == FACT_FIGURE:
        s = display.strip()
        return CellKind.COUNT if _INT.match(s) or s in (SMALL_SYMBOL, STRICT_SYMBOL) else None
    return cell_kind(plain, display)


def is_count(key: CellKey, display: str) -> bool:
    """Whether a published cell or fact is a count: a variable of the model."""
    return variable_kind(key, display) in COUNTS


def share_base(key: CellKey) -> CellKey | None:
    """The count cell a percentage cell is the share of (its block's count column), None if `key` is not
    a share of a catalogue figure."""
    year, plain = edition_of(key)
    fig = _FIGURES.get(plain.figure)
    block = fig.block(plain.part) if fig else None
    if block is None or declared_kind(plain.figure, plain.part, plain.row, plain.column) != CellKind.PERCENT:
        return None
    counts = [e.text for e in block.columns.entries if e.role == Role.COUNT]
    if len(counts) != 1:
        return None
    base = CellKey(plain.figure, plain.part, plain.row, counts[0])
    return base if year is None else of_edition(base, year)


@dataclass(frozen=True)
class Domain:
    """What an outsider knows about a count from its published symbol."""

    lo: int
    hi: float  # int, or INF
    status: str  # "fixed" | "small" (<5) | "rounded" | "rounded_small" (<10) | "withheld" (x)

    @property
    def hidden(self) -> bool:
        return self.status != "fixed"


def variable_domain(
    key: CellKey, display: str, rounded_figures: frozenset[str] = ROUNDED_FIGURES, zeros: bool = False
) -> Domain:
    """The domain of a published count: `<5` = 1..4; in a rounded figure R = R-2..R+2, `0` = 0..2,
    `<10` = 0..9; `x` (strict policy) = 1..inf (zeros are never withheld), or 0..inf in an edition that
    records it withheld zeros (`zeros`); a plain number = itself."""
    s = display.strip()
    rounded = base_key(key).figure in rounded_figures
    if s == SMALL_SYMBOL:
        return Domain(SMALL_COUNTS[0], SMALL_COUNTS[-1], "small")
    if s == ROUNDED_SMALL_SYMBOL:
        return Domain(0, 9, "rounded_small")
    if s == STRICT_SYMBOL:
        return Domain(0 if zeros else 1, INF, "withheld")
    if not _INT.match(s):
        raise ValueError(f"geen aantal in {key}: {display!r}")
    n = int(s)
    if rounded:
        return Domain(0, 2, "rounded") if n == 0 else Domain(n - 2, n + 2, "rounded")
    return Domain(n, n, "fixed")


Op = Literal["==", "<=", ">="]


class IdentityKind(StrEnum):
    EXACT = "exact"  # holds by construction of the figures
    DATA = "data"  # holds only if the data have no unit without a code on an axis that may miss one
    PERCENT = "percent"  # a published percentage, rounded half up, of a published count share
    FACT = "fact"  # a published prose fact: a sum, a share, a change or a factor of counts (its rounding)
    LINK = "link"  # the same cell in two editions (sdc/editions.py)


@dataclass(frozen=True)
class Identity:
    """sum(coef * var) OP rhs, with OP one of '==', '<=', '>='.

    `kind`: see `IdentityKind`. `guard`: the percentage cell a 'percent' identity comes from (absent when
    that cell is withheld).
    """

    name: str
    terms: tuple[tuple[int, CellKey], ...]
    op: Op
    rhs: int = 0
    kind: IdentityKind = IdentityKind.EXACT
    guard: CellKey | None = None

    @property
    def variables(self) -> tuple[CellKey, ...]:
        return tuple(v for _, v in self.terms)


def merge_terms(terms: Iterable[tuple[int, CellKey]]) -> tuple[tuple[int, CellKey], ...]:
    acc: dict[CellKey, int] = {}
    for c, v in terms:
        acc[v] = acc.get(v, 0) + c
    return tuple(sorted(((c, v) for v, c in acc.items() if c != 0), key=lambda t: t[1]))


@dataclass
class Structure:
    identities: list[Identity] = field(default_factory=list)

    def add(
        self,
        name: str,
        lhs: Iterable[CellKey],
        op: Op,
        rhs: Iterable[CellKey],
        kind: IdentityKind = IdentityKind.EXACT,
    ) -> None:
        lhs, rhs = list(lhs), list(rhs)
        if not lhs and not rhs:
            return
        terms = merge_terms([(1, v) for v in lhs] + [(-1, v) for v in rhs])
        if not terms:
            return
        self.identities.append(Identity(name, terms, op, 0, kind))


def aux(name: str) -> CellKey:
    return CellKey(AUX_FIGURE, "", name, "")


def fact_key(fact_id: str) -> CellKey:
    return CellKey(FACT_FIGURE, "", fact_id, "")


def figure_name(figure: str) -> str:
    m = _EDITION.match(figure)
    if m is not None:
        return f"{figure_name(m.group(2))} (editie {m.group(1)})"
    if figure == FACT_FIGURE:
        return "Feit"
    fig = _FIGURES.get(figure)
    return fig.name if fig else f"Figuur {figure}"


def cell_name(key: CellKey) -> str:
    if key.figure == AUX_FIGURE:
        return key.row
    if base_key(key).figure == FACT_FIGURE:
        return f"{figure_name(key.figure)} {key.row}"
    part = f" ({key.part})" if key.part else ""
    return f"{figure_name(key.figure)}{part} [{key.row} | {key.column}]"


def reporting_year(published: Iterable[CellKey]) -> int | None:
    """The reporting year of an edition: the last year column of its figures."""
    years = [
        int(k.column)
        for k in published
        if k.figure not in (FACT_FIGURE, AUX_FIGURE) and edition_of(k)[0] is None and is_year(k.column)
    ]
    return max(years) if years else None
