"""The linear structure of an edition, as an outsider knows it from the published report.

Every published count is a variable with a domain read from its symbol (`variable_domain`), and the
cells are tied together by identities: sums within a figure, totals shared between figures, and
inequalities where a unit is counted more than once (a victim with several forms of exploitation).
The identities are built GENERICALLY from the edition's own cells: figure ids, row and column labels
and the year columns as they appear in `figures.csv` (the years follow the data, so the same code
works for any reporting year). Only identities that hold by construction of the figures are listed
(docs/sdc.md lists them); an edition that violates one is handled by the audit, which detects the
contradiction and drops the identities involved, naming them.

Variables are `CellKey`s. A few identities need a number that no figure shows (the five-year total
per form of the first-instance cases, shared by figures 19, 22, 23 and 24): such an auxiliary variable
is a `CellKey` with figure `AUX_FIGURE`; it is unknown to everybody and free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from jaarcijfers.figures.model import CellKey
from jaarcijfers.sdc.policy import SMALL_COUNTS

ROUNDED_FIGURES = frozenset({"10", "11", "20", "21"})
"""Tables delivered rounded to fives (IND, Raad voor de rechtspraak): passed through as delivered."""

STRICT_SYMBOL = "x"
"""The one symbol of the strict policy for every withheld cell (CBS convention: x = geheim)."""

SMALL_SYMBOL = "<5"
ROUNDED_SMALL_SYMBOL = "<10"
AUX_FIGURE = "_"
FACT_FIGURE = "feit"
"""The pseudo-figure of prose facts in the model: a count fact `id` is the variable CellKey(FACT_FIGURE, '', id, '')."""
INF = float("inf")

# Figure ids of the catalogue (fixed across editions; the labels of years follow the data).
F_VICTIMS = "1"
F_FORMS = "2"
F_SEX_SECTORS = "3"
F_SEX_SECTOR_REGION = "4"
F_LABOUR_SECTORS = "5"
F_AGE = "6"
F_MINORS = "7"
F_GENDER = "8"
F_REGION = "9"
F_TOP10 = "T1"
F_REPORTERS = "12"
F_SUSPECTS_EMM = "14"
F_OM_REGISTERED = "15"
F_OM_REGISTERED_FORM = "16"
F_OM_DECIDED = "17"
F_FIRST_INSTANCE = "18"
F_FIRST_INSTANCE_LINKED = ("19", "22", "23", "24")
F_FIVE_YEAR_BLOCKS = ("17", "19", "22", "23", "24")
F_APPEALS = "20"
F_CASSATION = "21"

# Labels used by the identities (Dutch, as published).
BIN = "Binnenlandse seksuele uitbuiting"
INT = "Internationale seksuele uitbuiting"
ARB = "Arbeidsuitbuiting"
CRI = "Criminele uitbuiting"
OVO = "Overig/onbekend"
SEKS = "Seksuele uitbuiting"
NEDERLAND = "Nederland"
ONBEKEND = "Onbekend"
TOTAAL = "Totaal"
AANTAL = "Aantal"
PERCENTAGE = "Percentage"
F3_UNKNOWN = "Onbekend/nog niet gewerkt"
MINOR_PREFIX = "Minderjarig"
MEAN_PREFIX = "Gemiddelde"
RANK = "Rang"

_YEAR = re.compile(r"^(19|20)\d\d$")
_INT = re.compile(r"^(0|[1-9]\d*)$")
_PCT = re.compile(r"^(\d+)%$")


def is_year(label: str) -> bool:
    return bool(_YEAR.match(label))


def is_total_label(label: str) -> bool:
    """A totals row or column ('Totaal', 'Seksuele uitbuiting - totaal', 'Totaal aantal zaken ...')."""
    return "totaal" in label.lower()


def cell_kind(key: CellKey, display: str) -> str:
    """What a published cell is, read from its labels and string: 'count', 'percent', 'mean', 'rank', 'blank'."""
    if display == "":
        return "blank"
    if key.column == PERCENTAGE or _PCT.match(display):
        return "percent"
    if key.row.startswith(MEAN_PREFIX) or key.column.startswith(MEAN_PREFIX):
        return "mean"
    if key.column == RANK:
        return "rank"
    return "count"


@dataclass(frozen=True)
class Domain:
    """What an outsider knows about a count from its published symbol."""

    lo: int
    hi: float  # int, or INF
    status: str  # "fixed" | "small" (<5) | "rounded" | "rounded_small" (<10) | "withheld" (x)

    @property
    def hidden(self) -> bool:
        return self.status != "fixed"


def variable_domain(key: CellKey, display: str, rounded_figures: frozenset[str] = ROUNDED_FIGURES) -> Domain:
    """The domain of a published count: `<5` = 1..4; in a rounded figure R = R-2..R+2, `0` = 0..2,
    `<10` = 0..9; `x` (strict policy) = 1..inf (zeros are never withheld); a plain number = itself."""
    s = display.strip()
    rounded = key.figure in rounded_figures
    if s == SMALL_SYMBOL:
        return Domain(SMALL_COUNTS[0], SMALL_COUNTS[-1], "small")
    if s == ROUNDED_SMALL_SYMBOL:
        return Domain(0, 9, "rounded_small")
    if s == STRICT_SYMBOL:
        return Domain(1, INF, "withheld")
    if not _INT.match(s):
        raise ValueError(f"geen aantal in {key}: {display!r}")
    n = int(s)
    if rounded:
        return Domain(0, 2, "rounded") if n == 0 else Domain(n - 2, n + 2, "rounded")
    return Domain(n, n, "fixed")


@dataclass(frozen=True)
class Identity:
    """sum(coef * var) OP rhs, with OP one of '==', '<=', '>='.

    `kind`: 'exact' (holds by construction), 'bound' (a multi-count figure is at least a unit total;
    holds by construction except in corner cases such as a victim counted in no form row),
    'percent' (a published percentage, rounded half up, of a published count share).
    `guard`: the percentage cell a 'percent' identity comes from (absent when that cell is withheld).
    """

    name: str
    terms: tuple[tuple[int, CellKey], ...]
    op: str
    rhs: int = 0
    kind: str = "exact"
    guard: CellKey | None = None

    @property
    def variables(self) -> tuple[CellKey, ...]:
        return tuple(v for _, v in self.terms)


def _merge(terms: Iterable[tuple[int, CellKey]]) -> tuple[tuple[int, CellKey], ...]:
    acc: dict[CellKey, int] = {}
    for c, v in terms:
        acc[v] = acc.get(v, 0) + c
    return tuple(sorted(((c, v) for v, c in acc.items() if c != 0), key=lambda t: t[1]))


@dataclass
class Structure:
    identities: list[Identity] = field(default_factory=list)

    def add(
        self, name: str, lhs: Iterable[CellKey], op: str, rhs: Iterable[CellKey], kind: str = "exact"
    ) -> None:
        lhs, rhs = list(lhs), list(rhs)
        if not lhs and not rhs:
            return
        terms = _merge([(1, v) for v in lhs] + [(-1, v) for v in rhs])
        if not terms:
            return
        self.identities.append(Identity(name, terms, op, 0, kind))

    @property
    def aux_variables(self) -> list[CellKey]:
        return sorted({v for i in self.identities for v in i.variables if v.figure == AUX_FIGURE})


def aux(name: str) -> CellKey:
    return CellKey(AUX_FIGURE, "", name, "")


def fact_key(fact_id: str) -> CellKey:
    return CellKey(FACT_FIGURE, "", fact_id, "")


def figure_name(figure: str) -> str:
    if figure == FACT_FIGURE:
        return "Feit"
    return "Tabel 1" if figure == F_TOP10 else f"Figuur {figure}"


def cell_name(key: CellKey) -> str:
    if key.figure == AUX_FIGURE:
        return key.row
    part = f" ({key.part})" if key.part else ""
    return f"{figure_name(key.figure)}{part} [{key.row} | {key.column}]"


class _Grid:
    """The published cells of an edition, by figure and part; counts only for the identities."""

    def __init__(self, kinds: Mapping[CellKey, str]):
        self.kinds = dict(kinds)
        self.rows: dict[tuple[str, str], list[str]] = {}
        self.cols: dict[tuple[str, str], list[str]] = {}
        for k in sorted(self.kinds):
            self.rows.setdefault((k.figure, k.part), [])
            self.cols.setdefault((k.figure, k.part), [])
            if k.row not in self.rows[(k.figure, k.part)]:
                self.rows[(k.figure, k.part)].append(k.row)
            if k.column not in self.cols[(k.figure, k.part)]:
                self.cols[(k.figure, k.part)].append(k.column)

    def has(self, fig: str, part: str = "") -> bool:
        return (fig, part) in self.rows

    def count(self, fig: str, part: str, row: str, col: str) -> CellKey | None:
        k = CellKey(fig, part, row, col)
        return k if self.kinds.get(k) == "count" else None

    def row_labels(self, fig: str, part: str = "", counts_only: bool = True) -> list[str]:
        rows = self.rows.get((fig, part), [])
        if not counts_only:
            return list(rows)
        return [
            r
            for r in rows
            if any(self.kinds.get(CellKey(fig, part, r, c)) == "count" for c in self.cols[(fig, part)])
        ]

    def col_labels(self, fig: str, part: str = "") -> list[str]:
        return list(self.cols.get((fig, part), []))

    def years(self, fig: str, part: str = "") -> list[str]:
        return [c for c in self.col_labels(fig, part) if is_year(c)]

    def column(
        self, fig: str, part: str, col: str, rows: Iterable[str] | None = None
    ) -> list[CellKey] | None:
        """All count cells of a column (None if a needed cell is missing or blank)."""
        rows = self.row_labels(fig, part) if rows is None else list(rows)
        out = [self.count(fig, part, r, col) for r in rows]
        return None if not out or any(k is None for k in out) else out  # type: ignore[return-value]

    def row(self, fig: str, part: str, row: str, cols: Iterable[str] | None = None) -> list[CellKey] | None:
        cols = self.col_labels(fig, part) if cols is None else list(cols)
        out = [self.count(fig, part, row, c) for c in cols]
        return None if not out or any(k is None for k in out) else out  # type: ignore[return-value]


def _norm(label: str) -> str:
    return re.sub(r"[\s\-]+", " ", label.lower()).strip()


def build_structure(published: Mapping[CellKey, str]) -> Structure:
    """All identities of an edition, from its published cells (key -> published string).

    Percentages (`Aantal`/`Percentage` tables) become two linear inequalities each:
    p% = round_half_up(100 a / S) with S the sum of the table's `Aantal` column means
    (2p - 1) S <= 200 a <= (2p + 1) S - 1.
    """
    kinds = {k: cell_kind(k, v) for k, v in published.items()}
    g = _Grid(kinds)
    s = Structure()

    def add(name, lhs, op, rhs, kind="exact"):
        if lhs is None or rhs is None or any(x is None for x in lhs) or any(x is None for x in rhs):
            return
        s.add(name, lhs, op, rhs, kind)

    _victims(g, add)
    _emm(g, add)
    _om(g, add)
    _rounded(g, add)
    _facts(g, add)
    _percentages(g, published, kinds, s)
    # deterministic order, independent of the order of the input cells
    s.identities.sort(key=lambda i: (i.name, i.terms, i.op, i.rhs))
    return s


def _victims(g: _Grid, add) -> None:
    years = g.years(F_VICTIMS)
    if not years:
        return
    f1row = g.row_labels(F_VICTIMS)
    if len(f1row) != 1:
        return
    f1 = lambda y: g.count(F_VICTIMS, "", f1row[0], y)  # noqa: E731
    for y in years:
        add(f"Figuur 6 {y}: leeftijdsklassen = Figuur 1", g.column(F_AGE, "jaar", y), "==", [f1(y)])
        add(f"Figuur 9 {y}: herkomstregio's = Figuur 1", g.column(F_REGION, "jaar", y), "==", [f1(y)])
        add(f"Figuur 8 {y}: man + vrouw <= Figuur 1", g.column(F_GENDER, "jaar", y), "<=", [f1(y)])
        add(
            f"Figuur 2 {y}: vormen >= Figuur 1 (meerdere vormen per slachtoffer)",
            g.column(F_FORMS, "", y),
            ">=",
            [f1(y)],
            "bound",
        )
        add(
            f"Figuur 12 {y}: melders >= Figuur 1 (meerdere melders per slachtoffer)",
            g.column(F_REPORTERS, "jaar", y),
            ">=",
            [f1(y)],
            "bound",
        )
        add(
            f"Figuur 3 {y}: sectoren >= Figuur 2 binnenlandse + internationale seksuele uitbuiting",
            g.column(F_SEX_SECTORS, "", y),
            ">=",
            [g.count(F_FORMS, "", BIN, y), g.count(F_FORMS, "", INT, y)],
            "bound",
        )
        add(
            f"Figuur 5 {y}: sectoren >= Figuur 2 arbeidsuitbuiting",
            g.column(F_LABOUR_SECTORS, "", y),
            ">=",
            [g.count(F_FORMS, "", ARB, y)],
            "bound",
        )
    ry = max(years)  # the reporting year: the `vorm` blocks of figures 6, 8, 9, 12
    f2rows = g.row_labels(F_FORMS)

    def f2(form: str) -> list[CellKey | None] | None:
        """Figuur 2 cells (reporting year) that make up a form column of figures 6, 8, 9, 12."""
        if form in f2rows:
            return [g.count(F_FORMS, "", form, ry)]
        if form == OVO:  # organ removal + unknown/not yet worked
            rest = [r for r in f2rows if r not in (BIN, INT, ARB, CRI)]
            return [g.count(F_FORMS, "", r, ry) for r in rest] or None
        return None

    for c in g.col_labels(F_AGE, "vorm"):
        add(f"Figuur 6 {ry} {c}: leeftijdsklassen = Figuur 2", g.column(F_AGE, "vorm", c), "==", f2(c))
    gender_known = g.column(F_GENDER, "jaar", ry)
    for c in g.col_labels(F_GENDER, "vorm"):
        col = g.column(F_GENDER, "vorm", c)
        add(f"Figuur 8 {ry} {c}: man + vrouw <= Figuur 2", col, "<=", f2(c))
        if col is not None and gender_known is not None and f2(c) is not None:
            add(
                f"Figuur 8 {ry} {c}: Figuur 2 - (man + vrouw) <= geslacht onbekend (Figuur 1 - Figuur 8)",
                (f2(c) or []) + gender_known,
                "<=",
                col + [f1(ry)],
            )
    for c in g.col_labels(F_REPORTERS, "vorm"):
        add(
            f"Figuur 12 {ry} {c}: melders >= Figuur 2", g.column(F_REPORTERS, "vorm", c), ">=", f2(c), "bound"
        )
    for fig, what in (
        (F_AGE, "leeftijdsklasse"),
        (F_GENDER, "geslacht"),
        (F_REPORTERS, "melder"),
        (F_REGION, "herkomstregio"),
    ):
        for r in g.row_labels(fig, "vorm"):
            add(
                f"Figuur {fig} {ry} {r}: vormen >= totaal van de {what}",
                g.row(fig, "vorm", r),
                ">=",
                [g.count(fig, "jaar", r, ry)],
                "bound",
            )
    # Figuur 9, form block
    r9 = g.row_labels(F_REGION, "vorm")
    for c in g.col_labels(F_REGION, "vorm"):
        if c == SEKS:
            add(
                f"Figuur 9 {ry} {SEKS} {NEDERLAND} = Figuur 2 binnenlandse seksuele uitbuiting",
                [g.count(F_REGION, "vorm", NEDERLAND, c)],
                "==",
                f2(BIN),
            )
            known = [r for r in r9 if r not in (NEDERLAND, ONBEKEND)]
            add(
                f"Figuur 9 {ry} {SEKS} bekende niet-Nederlandse regio's = Figuur 2 internationale seksuele uitbuiting",
                g.column(F_REGION, "vorm", c, known),
                "==",
                f2(INT),
            )
        else:
            add(f"Figuur 9 {ry} {c}: regio's = Figuur 2", g.column(F_REGION, "vorm", c), "==", f2(c))
    # Figuur 7 = the minors row of Figuur 6's form block
    minors = [r for r in g.row_labels(F_AGE, "vorm") if r.startswith(MINOR_PREFIX)]
    if len(minors) == 1:
        f7 = []
        for r in g.row_labels(F_MINORS):
            k7 = g.count(F_MINORS, "", r, AANTAL)
            f7.append(k7)
            add(
                f"Figuur 7 {r}: aantal = Figuur 6 {ry} {minors[0]}",
                [k7],
                "==",
                [g.count(F_AGE, "vorm", minors[0], r)],
            )
        if f7:
            add(
                f"Figuur 7: vormen >= minderjarigen {ry} (Figuur 6)",
                f7,
                ">=",
                [g.count(F_AGE, "jaar", minors[0], ry)],
                "bound",
            )
    # Figuur 4 (reporting year, sector x region) against Figuur 3 and Figuur 9
    f3rows = g.row_labels(F_SEX_SECTORS)
    f4cols = g.col_labels(F_SEX_SECTOR_REGION)
    if g.has(F_SEX_SECTOR_REGION) and f3rows:
        outside = [r for r in r9 if not any(c == r or c.startswith(r + " ") for c in f4cols)]
        outside_sex = [g.count(F_REGION, "vorm", r, SEKS) for r in outside]
        groups: dict[str, list[str]] = {}
        for r4 in g.row_labels(F_SEX_SECTOR_REGION):
            match = [r3 for r3 in f3rows if r3 == r4 or r3.startswith(r4 + " (")]
            groups.setdefault(match[0] if len(match) == 1 else F3_UNKNOWN, []).append(r4)
        for r3, r4s in sorted(groups.items()):
            # a missing row stays in as None: `add` then skips the identity
            cells4: list[CellKey | None] = []
            for r4 in r4s:
                cells4.extend(g.row(F_SEX_SECTOR_REGION, "", r4) or [None])
            k3 = g.count(F_SEX_SECTORS, "", r3, ry)
            add(f"Figuur 4 {' + '.join(r4s)}: regio's <= Figuur 3 {ry} {r3}", cells4, "<=", [k3])
            add(
                f"Figuur 4 {' + '.join(r4s)}: Figuur 3 {ry} {r3} <= regio's + seksueel uitgebuite slachtoffers "
                f"buiten deze regio's (Figuur 9)",
                [k3],
                "<=",
                cells4 + outside_sex,
            )
        for c4 in f4cols:
            match = [r for r in r9 if c4 == r or c4.startswith(r + " ")]
            if len(match) == 1:
                add(
                    f"Figuur 4 {c4}: sectoren >= Figuur 9 {ry} {match[0]} seksuele uitbuiting",
                    g.column(F_SEX_SECTOR_REGION, "", c4),
                    ">=",
                    [g.count(F_REGION, "vorm", match[0], SEKS)],
                    "bound",
                )
    # Tabel 1: a nationality that is also a region row of Figuur 9 (Nederland)
    for r in g.row_labels(F_TOP10):
        for c in g.col_labels(F_TOP10):
            k = g.count(F_TOP10, "", r, c)
            if k is not None and r in g.row_labels(F_REGION, "jaar"):
                add(f"Tabel 1 {r} = Figuur 9 {ry} {r}", [k], "==", [g.count(F_REGION, "jaar", r, ry)])


def reporting_year(published: Iterable[CellKey]) -> int | None:
    """The reporting year of an edition: the last year column of Figuur 1."""
    years = [int(k.column) for k in published if k.figure == F_VICTIMS and is_year(k.column)]
    return max(years) if years else None


def _facts(g: _Grid, add) -> None:
    """The relations of the facts catalogue (`facts.catalogue.RELATIONS`) among the facts and cells
    present (a relation with a missing or non-count term is left out)."""
    from jaarcijfers.facts.catalogue import relation_terms

    years = g.years(F_VICTIMS)
    if not years or not g.has(FACT_FIGURE):
        return
    for name, terms, op in relation_terms(int(max(years))):
        keys = [fact_key(t[2]) if t[0] == "" else CellKey(*t) for _, t in terms]
        keys_ok: list[CellKey | None] = [k if g.kinds.get(k) == "count" else None for k in keys]
        lhs = [k for (c, _), k in zip(terms, keys_ok, strict=True) if c > 0]
        rhs = [k for (c, _), k in zip(terms, keys_ok, strict=True) if c < 0]
        add(f"Feiten: {name}", lhs, op, rhs)


def _emm(g: _Grid, add) -> None:
    rows = g.row_labels(F_SUSPECTS_EMM)
    if TOTAAL in rows:
        parts = [r for r in rows if r != TOTAAL]
        for y in g.years(F_SUSPECTS_EMM):
            add(
                f"Figuur 14 {y}: {' + '.join(parts)} = {TOTAAL}",
                g.column(F_SUSPECTS_EMM, "", y, parts),
                "==",
                [g.count(F_SUSPECTS_EMM, "", TOTAAL, y)],
            )


def _om(g: _Grid, add) -> None:
    reg = g.row_labels(F_OM_REGISTERED)
    if len(reg) == 1:
        for y in g.years(F_OM_REGISTERED_FORM):
            add(
                f"Figuur 16 {y}: vormen = Figuur 15",
                g.column(F_OM_REGISTERED_FORM, "", y),
                "==",
                [g.count(F_OM_REGISTERED, "", reg[0], y)],
            )
    # five-year blocks: each row's total over the years = its total over the forms
    for fig in F_FIVE_YEAR_BLOCKS:
        for r in g.row_labels(fig, "jaar"):
            add(
                f"Figuur {fig} {r}: vijfjaarstotaal over de jaren = over de vormen",
                g.row(fig, "jaar", r),
                "==",
                g.row(fig, "vorm", r),
            )
    # Figuur 18: forms of the first-instance cases per year
    rows18 = g.row_labels(F_FIRST_INSTANCE, counts_only=False)
    if TOTAAL not in rows18:
        return
    sextot = [r for r in rows18 if r != TOTAAL and is_total_label(r)]
    split = [r for r in rows18 if r not in sextot and r != TOTAAL and "seksuele uitbuiting" in r.lower()]
    other = [r for r in rows18 if r not in sextot and r not in split and r != TOTAAL]
    years = g.years(F_FIRST_INSTANCE)
    tot = lambda y: g.count(F_FIRST_INSTANCE, "", TOTAAL, y)  # noqa: E731
    for y in years:
        add(
            f"Figuur 18 {y}: {' + '.join(sextot + other)} = {TOTAAL}",
            g.column(F_FIRST_INSTANCE, "", y, sextot + other),
            "==",
            [tot(y)],
        )
        if len(sextot) == 1 and split:
            add(
                f"Figuur 18 {y}: {' + '.join(split)} = {sextot[0]}",
                g.column(F_FIRST_INSTANCE, "", y, split),
                "==",
                [g.count(F_FIRST_INSTANCE, "", sextot[0], y)],
            )
    for fig in F_FIRST_INSTANCE_LINKED:
        rows = [r for r in g.row_labels(fig, "jaar") if not r.startswith(MEAN_PREFIX)]
        for y in g.years(fig, "jaar"):
            add(
                f"Figuur {fig} {y}: rijen = Figuur 18 {TOTAAL}",
                g.column(fig, "jaar", y, rows),
                "==",
                [tot(y)],
            )
        vrows = [r for r in g.row_labels(fig, "vorm") if not r.startswith(MEAN_PREFIX)]
        for c in g.col_labels(fig, "vorm"):
            add(
                f"Figuur {fig} {c}: kolom = vijfjaarstotaal {c} (eerste aanleg)",
                g.column(fig, "vorm", c, vrows),
                "==",
                [aux(f"Vijfjaarstotaal eerste aanleg: {c}")],
            )
    # the five-year totals per form against Figuur 18
    forms = sorted({c for fig in F_FIRST_INSTANCE_LINKED for c in g.col_labels(fig, "vorm")})
    sex_forms = [c for c in forms if "seksuele uitbuiting" in c.lower()]
    for c in forms:
        if c in other:
            add(
                f"Vijfjaarstotaal {c} = som over de jaren van Figuur 18 {c}",
                [aux(f"Vijfjaarstotaal eerste aanleg: {c}")],
                "==",
                [g.count(F_FIRST_INSTANCE, "", c, y) for y in years],
            )
    if len(sextot) == 1 and sex_forms:
        add(
            f"Vijfjaarstotaal seksuele uitbuiting ({' + '.join(sex_forms)}) = som over de jaren van Figuur 18 {sextot[0]}",
            [aux(f"Vijfjaarstotaal eerste aanleg: {c}") for c in sex_forms],
            "==",
            [g.count(F_FIRST_INSTANCE, "", sextot[0], y) for y in years],
        )
        for c in sex_forms:
            match = [r for r in split if _norm(r) == _norm(c)]
            if len(match) == 1:
                shown = [y for y in years if g.count(F_FIRST_INSTANCE, "", match[0], y) is not None]
                add(
                    f"Vijfjaarstotaal {c} >= Figuur 18 {match[0]} over de jaren met uitsplitsing",
                    [aux(f"Vijfjaarstotaal eerste aanleg: {c}")],
                    ">=",
                    [g.count(F_FIRST_INSTANCE, "", match[0], y) for y in shown],
                    "bound",
                )


def _rounded(g: _Grid, add) -> None:
    rows = g.row_labels(F_APPEALS)
    tot = [r for r in rows if r.startswith(TOTAAL)]
    if len(tot) != 1:
        return
    parts = [r for r in rows if r.startswith("Eindarrest") and "," not in r]
    subsets = [r for r in rows if r.startswith("Eindarrest") and "," in r]
    for y in g.years(F_APPEALS):
        add(
            f"Figuur 20 {y}: {' + '.join(parts)} = {tot[0]}",
            g.column(F_APPEALS, "", y, parts),
            "==",
            [g.count(F_APPEALS, "", tot[0], y)],
        )
        for sub in subsets:
            base = sub.split(",")[0]
            add(
                f"Figuur 20 {y}: {sub} <= {base}",
                [g.count(F_APPEALS, "", sub, y)],
                "<=",
                [g.count(F_APPEALS, "", base, y)],
            )
        for r in g.row_labels(F_CASSATION):
            add(
                f"Figuur 21 {y}: {r} <= Figuur 20 {tot[0]}",
                [g.count(F_CASSATION, "", r, y)],
                "<=",
                [g.count(F_APPEALS, "", tot[0], y)],
            )


def _percentages(
    g: _Grid, published: Mapping[CellKey, str], kinds: Mapping[CellKey, str], s: Structure
) -> None:
    for (fig, part), cols in sorted(g.cols.items()):
        if AANTAL not in cols or PERCENTAGE not in cols:
            continue
        rows = g.row_labels(fig, part, counts_only=False)
        counts = [g.count(fig, part, r, AANTAL) for r in rows]
        if any(k is None for k in counts):
            continue
        for r in rows:
            pk = CellKey(fig, part, r, PERCENTAGE)
            m = _PCT.match(published.get(pk, "").strip())
            if kinds.get(pk) != "percent" or not m:
                continue
            p = int(m.group(1))
            a = CellKey(fig, part, r, AANTAL)
            name = f"{figure_name(fig)} {r}: {p}% = {AANTAL} / som van {AANTAL} (afgerond)"
            lo = _merge([(200, a)] + [(-(2 * p - 1), k) for k in counts])  # type: ignore[misc]
            hi = _merge([(200, a)] + [(-(2 * p + 1), k) for k in counts])  # type: ignore[misc]
            s.identities.append(Identity(name + " (ondergrens)", lo, ">=", 0, "percent", pk))
            s.identities.append(Identity(name + " (bovengrens)", hi, "<=", -1, "percent", pk))
