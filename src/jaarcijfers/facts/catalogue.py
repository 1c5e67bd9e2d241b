"""Every prose fact, declared once: an id template and how its value is computed.

Ids follow the reference edition (`data/reference/2024/facts.csv`) with the years as placeholders:
`{Y}` the reporting year, `{P}` the year before, `{Y2}` two years before, `{Y0}` the first year of the
window. Facts that name a country (`hongarije_industrie_{Y}`) come from a rule (the most frequent
nationalities in a group), with the country's `slug` from the code list in the id.
A fact whose value cannot be computed (a zero denominator, a missing year) is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from functools import cache
from typing import Literal

from jaarcijfers.facts import values as v
from jaarcijfers.facts.context import FactContext
from jaarcijfers.facts.values import FactKind, FactValue
from jaarcijfers.numbers import round_half_up

Compute = Callable[[FactContext], FactValue | None]


@dataclass(frozen=True)
class FactSpec:
    id: str
    section: str
    description: str  # Dutch: what the number is
    compute: Compute


@dataclass(frozen=True)
class Named:
    """A fact produced by a family: its id names a category of the data (a nationality)."""

    id: str
    description: str
    value: FactValue
    ranked_by: int | None = None  # the count that put the category in a ranking (disclosure control names
    # no category whose count is small: docs/sdc.md)


@dataclass(frozen=True)
class FactFamily:
    """A rule producing several facts whose ids depend on the data (e.g. named nationalities)."""

    name: str
    section: str
    description: str
    produce: Callable[[FactContext], Iterator[Named]]


F = FactSpec
SL, VO, LG, HK, VB, ME = (
    "Slachtoffers",
    "Vormen van mensenhandel",
    "Leeftijd en geslacht",
    "Herkomst",
    "Verblijfsrechtelijke bescherming",
    "Melders",
)
OP, VV, BE, HB = "Opsporing", "Vervolging", "Berechting in eerste aanleg", "Hoger beroep en cassatie"
BL, BH = (
    "Leeftijd en geslacht van in eerste aanleg berechte verdachten",
    "Herkomst van in eerste aanleg berechte verdachten",
)
RE = "Wat vertellen de jaarcijfers van {Y} ons?"


def fill(template: str, year: int) -> str:
    """A year template ({Y}, {P}, {Y2}, {Y0}) filled in for a reporting year."""
    return template.format(Y=year, P=year - 1, Y2=year - 2, Y0=year - 4)


def _col(x: FactContext, col: str) -> str:
    return fill(col, x.Y)


@dataclass(frozen=True)
class Cells:
    """A sum of count cells of one block of a figure: the `rows` (default: every row with a count cell) at
    the `columns` (default: every column), year-templated. A single cell (one row, one column) that is
    missing makes the value None (the fact is left out); in a larger sum a missing cell counts 0.

    Declared data, so that disclosure control reads what a fact computes from (`Count`, `Ratio`,
    `SeriesChange` give their `linear` form: docs/sdc.md, "Prose facts")."""

    figure: str
    part: str = ""
    rows: tuple[str, ...] | None = None
    columns: tuple[str, ...] | None = None

    @property
    def single(self) -> bool:
        return self.rows is not None and self.columns is not None and len(self.rows) == len(self.columns) == 1

    def __call__(self, x: FactContext) -> int | None:
        rows = self.rows if self.rows is not None else x.rows(self.figure, self.part)
        cols = (
            [_col(x, c) for c in self.columns]
            if self.columns is not None
            else x.columns(self.figure, self.part)
        )
        if self.single:
            return x.cell(self.figure, self.part, rows[0], cols[0])
        return sum(x.cell(self.figure, self.part, r, cl) or 0 for r in rows for cl in cols)

    def keys(
        self,
        year: int,
        rows_of: Callable[[str, str], Sequence[str]],
        columns_of: Callable[[str, str], Sequence[str]],
    ) -> list[tuple[str, str, str, str]]:
        """The cells summed, (figure, part, row, column), for a reporting year; `rows_of` and `columns_of`
        give the rows with a count cell and the columns of a block as published."""
        rows = self.rows if self.rows is not None else rows_of(self.figure, self.part)
        cols = (
            [fill(c, year) for c in self.columns]
            if self.columns is not None
            else columns_of(self.figure, self.part)
        )
        return [(self.figure, self.part, r, cl) for r in rows for cl in cols]

    def text(self, year: int) -> str:
        fig = f"Tabel {self.figure[1:]}" if self.figure.startswith("T") else f"Figuur {self.figure}"
        part = f" ({self.part})" if self.part else ""
        rows = " + ".join(self.rows) if self.rows is not None else "*"
        cols = " + ".join(fill(c, year) for c in self.columns) if self.columns is not None else "*"
        return f"{fig}{part} [{rows} | {cols}]"


def c(fig: str, row: str, col: str = "{Y}", part: str = "") -> Cells:
    """A count cell of a computed figure; `col` may be {Y}, {P}, {Y2} or a label."""
    return Cells(fig, part, (row,), (col,))


def col_cells(fig: str, part: str, col: str) -> Cells:
    """A column of a block: the sum of its count rows."""
    return Cells(fig, part, None, (col,))


class FormKind(StrEnum):
    """How a fact's value follows from sums of count cells (`LinearForm`)."""

    COUNT = "count"  # the fact is the sum `num`
    RATIO = "ratio"  # the fact's value is num / den (a share, a simple fraction, a factor)
    CHANGE = "change"  # the fact's value is (num - den) / den (a change in percent)
    DIFFERENCE = "difference"  # the fact's value is num - den (signed)


@dataclass(frozen=True)
class LinearForm:
    """What a fact computes from which cells, in a form the attacker's model reads: with the fact's
    published text (for a ratio: the interval of exact values written so, `values.written_interval`) each
    is one or two linear constraints on the counts (docs/sdc.md, "Prose facts")."""

    kind: FormKind
    num: Cells
    den: Cells | None = None
    written: FactKind = FactKind.COUNT  # how the value is written (the inverse reads it back)


@dataclass(frozen=True)
class Count:
    """A count of persons or cases that is a sum of cells."""

    of: Cells

    def __call__(self, x: FactContext) -> FactValue | None:
        n = self.of(x)
        return None if n is None else v.count(n)

    def linear(self) -> LinearForm:
        return LinearForm(FormKind.COUNT, self.of)


def cnt(get: Callable[[FactContext], int | None]) -> Compute:
    if isinstance(get, Cells):
        return Count(get)
    return lambda x: None if (n := get(x)) is None else v.count(n)


@dataclass(frozen=True)
class Ratio:
    """num / den as a percentage, or with `words` as the nearest simple fraction ('vijf op de zes')."""

    num: Cells
    den: Cells
    words: bool = False

    def __call__(self, x: FactContext) -> FactValue | None:
        a, b = self.num(x), self.den(x)
        if a is None or b is None:
            return None
        return v.fraction_words(a, b) if self.words else v.percent(a, b)

    def linear(self) -> LinearForm:
        return LinearForm(
            FormKind.RATIO, self.num, self.den, FactKind.FRACTION if self.words else FactKind.PERCENT
        )


def ratio(num: Cells, den: Cells, words: bool = False) -> Compute:
    return Ratio(num, den, words)


class Change(StrEnum):
    PERCENT = "percent"  # relative change, '+9%'
    DIFFERENCE = "difference"  # size of the difference of the counts, '12' (the prose says more or less)
    FACTOR = "factor"  # ratio of the counts, 'x2'


@dataclass(frozen=True)
class SeriesChange:
    """The change of one series (a count row of a figure) from an earlier year (`old`, default the year
    before) to the reporting year. A declaration, so that the narrative finds the fact that holds the
    change of a series (`series_fact`)."""

    kind: Change
    figure: str
    row: str
    part: str = ""
    old: str = "{P}"

    @property
    def new_cells(self) -> Cells:
        return c(self.figure, self.row, "{Y}", self.part)

    @property
    def old_cells(self) -> Cells:
        return c(self.figure, self.row, self.old, self.part)

    def __call__(self, x: FactContext) -> FactValue | None:
        fn = {Change.PERCENT: v.change, Change.DIFFERENCE: v.difference, Change.FACTOR: v.factor}[self.kind]
        return _opt2(fn, self.new_cells(x), self.old_cells(x))

    def linear(self) -> LinearForm | None:
        """None for a difference: its size |new - old| is not linear (a difference is withheld whenever one
        of its cells is, `edition.publish.protect_facts`)."""
        if self.kind == Change.PERCENT:
            return LinearForm(FormKind.CHANGE, self.new_cells, self.old_cells, FactKind.CHANGE)
        if self.kind == Change.FACTOR:
            return LinearForm(FormKind.RATIO, self.new_cells, self.old_cells, FactKind.FACTOR)
        return None


def chg(fig: str, row: str, part: str = "") -> Compute:
    return SeriesChange(Change.PERCENT, fig, row, part)


def diff(fig: str, row: str, old: str = "{P}", part: str = "") -> Compute:
    return SeriesChange(Change.DIFFERENCE, fig, row, part, old)


def fct(fig: str, row: str, part: str = "") -> Compute:
    return SeriesChange(Change.FACTOR, fig, row, part)


def _opt2(fn, a, b):
    return None if a is None or b is None else fn(a, b)


def col_share(fig: str, part: str, row: str, col: str) -> Compute:
    """A cell as a share of its column total (the sum of the block's count rows)."""
    return Ratio(c(fig, row, col, part), col_cells(fig, part, col))


def rows_share(
    fig: str, part: str, rows: tuple[str, ...], cols: tuple[str, ...] | None = None, words: bool = False
) -> Compute:
    """The share of some rows in all count rows, over the given columns (default: every column of the
    block, the years shown); as a percentage, or with `words` as the nearest simple fraction."""
    return Ratio(Cells(fig, part, rows, cols), Cells(fig, part, None, cols), words)


def linear_form(compute: Compute) -> LinearForm | None:
    """The linear form a fact's computation declares (None: computed otherwise, e.g. from the microdata)."""
    form = getattr(compute, "linear", None)
    return form() if callable(form) else None


def _run_start(fig: str, row: str, rising: bool) -> Compute:
    """The first year of the unbroken rise (or fall) of a series that ends in the reporting year."""

    def get(x: FactContext) -> FactValue | None:
        ys = x.years(fig)
        if x.Y not in ys:
            return None
        start = None
        for i in range(ys.index(x.Y), 0, -1):
            a, b = x.cell(fig, "", row, ys[i - 1]), x.cell(fig, "", row, ys[i])
            if a is None or b is None or not (a < b if rising else a > b):
                break
            start = ys[i - 1]
        return v.year(start)

    return get


def rising_since(fig: str, row: str) -> Compute:
    """The first year of the unbroken rise that ends in the reporting year."""
    return _run_start(fig, row, rising=True)


def still_below(fig: str, row: str) -> Compute:
    """The latest earlier year with a higher count than the reporting year."""

    def get(x: FactContext) -> FactValue | None:
        now = x.cell(fig, "", row, x.Y)
        earlier = [y for y in x.years(fig) if y < x.Y and (x.cell(fig, "", row, y) or 0) > (now or 0)]
        return v.year(max(earlier)) if earlier else None

    return get


def falling_since(fig: str, row: str) -> Compute:
    """The year of the peak after which the count fell every year up to the reporting year."""
    return _run_start(fig, row, rising=False)


def declines_before(fig: str, row: str) -> Compute:
    """The number of consecutive yearly declines that ended in the year before the reporting year."""

    def get(x: FactContext) -> FactValue | None:
        ys = [y for y in x.years(fig) if y < x.Y]
        n = 0
        for i in range(len(ys) - 1, 0, -1):
            a, b = x.cell(fig, "", row, ys[i - 1]), x.cell(fig, "", row, ys[i])
            if a is None or b is None or not a > b:
                break
            n += 1
        return v.years(n)

    return get


def victims(year: str = "{Y}", **kw: object) -> Callable[[FactContext], int]:
    return lambda x: x.victims(int(_col(x, year)), **kw)


def vchange(**kw: object) -> Compute:
    return lambda x: v.change(x.victims(x.Y, **kw), x.victims(x.P, **kw))


def vfactor(**kw: object) -> Compute:
    return lambda x: v.factor(x.victims(x.Y, **kw), x.victims(x.P, **kw))


def table(fig: str, row: str, col: str = "{Y}") -> Compute:
    return lambda x: v.delivered(x.delivered(fig, row, _col(x, col)))


def rounded_values(x: FactContext, fig: str, row: str) -> list[int]:
    """Numbers of a rounded table row over the years shown ('<10' counts as 5, the middle of 0..9, rounded)."""
    out = []
    for y in x.years(fig):
        d = x.delivered(fig, row, y)
        if d is None or d == "":
            continue
        out.append(5 if d == "<10" else int(d))
    return out


# ---------------------------------------------------------------------------------------------------
# Slachtoffers (CoMensha)
F1, F2, F3, F5, F6, F8, F9, F12 = "1", "2", "3", "5", "6", "8", "9", "12"
SEKS_BIN, SEKS_INT = "Binnenlandse seksuele uitbuiting", "Internationale seksuele uitbuiting"
GS = "Geregistreerde slachtoffers"

FACTS: tuple[FactSpec, ...] = (
    F("slachtoffers_{Y}", SL, "geregistreerde slachtoffers in het verslagjaar", cnt(c(F1, GS))),
    F("slachtoffers_verschil_{P}_{Y}", SL, "verschil met het jaar ervoor", diff(F1, GS)),
    F("slachtoffers_stijging_vanaf", SL, "jaar vanaf waar de stijging zichtbaar is", rising_since(F1, GS)),
    F("slachtoffers_onder_niveau_van", SL, "laatste eerdere jaar met meer slachtoffers", still_below(F1, GS)),
    F(
        "anoniem_{Y}",
        SL,
        "anonieme meldingen in het verslagjaar",
        lambda x: v.count(x.scalar("SELECT n FROM anonymous_reports WHERE jaar = ?", x.Y)),
    ),
    F(
        "anoniem_{P}",
        SL,
        "anonieme meldingen het jaar ervoor",
        lambda x: v.count(x.scalar("SELECT n FROM anonymous_reports WHERE jaar = ?", x.P)),
    ),
    F("intl_seks_pct_{Y}", VO, "verandering internationale seksuele uitbuiting", chg(F2, SEKS_INT)),
    F("binnen_seks_pct_{Y}", VO, "verandering binnenlandse seksuele uitbuiting", chg(F2, SEKS_BIN)),
    F(
        "binnen_seks_daling_na",
        VO,
        "jaar waarna binnenlandse seksuele uitbuiting daalt",
        falling_since(F2, SEKS_BIN),
    ),
    F("crimineel_pct_{Y}", VO, "verandering criminele uitbuiting", chg(F2, "Criminele uitbuiting")),
    F("arbeid_pct_{Y}", VO, "verandering arbeidsuitbuiting", chg(F2, "Arbeidsuitbuiting")),
    F(
        "overlap_crim_seks_{Y}",
        VO,
        "slachtoffers van zowel criminele als seksuele uitbuiting",
        cnt(victims(forms=("crimineel", "seksueel"))),
    ),
    F(
        "overlap_crim_seks_{P}",
        VO,
        "idem, het jaar ervoor",
        cnt(victims("{P}", forms=("crimineel", "seksueel"))),
    ),
    F(
        "thuis_aandeel_{Y}",
        VO,
        "aandeel thuisprostitutie onder slachtoffers van seksuele uitbuiting",
        lambda x: _opt2(
            v.percent, x.cell(F3, "", "Thuisprostitutie", x.Y), x.victims(x.Y, forms=("seksueel",))
        ),
    ),
    F(
        "escort_aandeel_{Y}",
        VO,
        "aandeel escortprostitutie onder slachtoffers van seksuele uitbuiting",
        lambda x: _opt2(
            v.percent, x.cell(F3, "", "Escortprostitutie", x.Y), x.victims(x.Y, forms=("seksueel",))
        ),
    ),
    F("thuis_pct_{Y}", VO, "verandering thuisprostitutie", chg(F3, "Thuisprostitutie")),
    F("escort_pct_{Y}", VO, "verandering escortprostitutie", chg(F3, "Escortprostitutie")),
    F("hotel_pct_{Y}", VO, "verandering hotelprostitutie", chg(F3, "Hotelprostitutie")),
    F(
        "afrika_thuis_{Y}",
        VO,
        "Afrikaanse slachtoffers in de thuisprostitutie",
        cnt(c("4", "Thuisprostitutie", "Afrika")),
    ),
    F(
        "industrie_factor_{Y}",
        VO,
        "verhouding meldingen industrie tot het jaar ervoor",
        fct(F5, "Industrie"),
    ),
    F(
        "huishouden_factor_{Y}",
        VO,
        "verhouding meldingen huishouden tot het jaar ervoor",
        fct(F5, "Huishouden"),
    ),
    F(
        "adolescent_pct_{Y}",
        LG,
        "verandering adolescenten (18-22)",
        chg(F6, "18-22 (adolescent)", part="jaar"),
    ),
    F(
        "minderjarig_crim_{P}",
        LG,
        "minderjarige slachtoffers van criminele uitbuiting, jaar ervoor",
        cnt(victims("{P}", forms=("crimineel",), minor=True)),
    ),
    F(
        "minderjarig_crim_{Y}",
        LG,
        "minderjarige slachtoffers van criminele uitbuiting",
        cnt(c(F6, "Minderjarig", "Criminele uitbuiting", part="vorm")),
    ),
    F("minderjarig_{Y}", LG, "minderjarige slachtoffers", cnt(c(F6, "Minderjarig", part="jaar"))),
    F(
        "minderjarig_pct_{Y}",
        LG,
        "verandering minderjarige slachtoffers",
        chg(F6, "Minderjarig", part="jaar"),
    ),
    F(
        "minderjarig_crim_aandeel_{Y}",
        LG,
        "aandeel criminele uitbuiting in de vermeldingen bij minderjarigen",
        ratio(c("7", "Criminele uitbuiting", "Aantal"), col_cells("7", "", "Aantal"), words=True),
    ),
    F(
        "minderjarig_binnen_aandeel_{Y}",
        LG,
        "aandeel binnenlandse seksuele uitbuiting bij minderjarigen",
        ratio(c("7", SEKS_BIN, "Aantal"), col_cells("7", "", "Aantal"), words=True),
    ),
    F(
        "minderjarig_crim_nl_{Y}",
        LG,
        "van hen met de Nederlandse nationaliteit",
        cnt(victims(forms=("crimineel",), minor=True, region="Nederland")),
    ),
    F(
        "minderjarig_crim_europa_{Y}",
        LG,
        "van hen met een andere Europese nationaliteit",
        cnt(victims(forms=("crimineel",), minor=True, region="Europa")),
    ),
    F(
        "minderjarig_crim_overig_{Y}",
        LG,
        "van hen met een andere of onbekende nationaliteit",
        lambda x: v.count(
            x.victims(x.Y, forms=("crimineel",), minor=True)
            - x.victims(x.Y, forms=("crimineel",), minor=True, region="Nederland")
            - x.victims(x.Y, forms=("crimineel",), minor=True, region="Europa")
        ),
    ),
    F(
        "minderjarig_crim_meisjes_{Y}",
        LG,
        "meisjes onder hen",
        cnt(victims(forms=("crimineel",), minor=True, gender="vrouw")),
    ),
    F(
        "minderjarig_crim_jongens_{Y}",
        LG,
        "jongens onder hen",
        cnt(victims(forms=("crimineel",), minor=True, gender="man")),
    ),
    F(
        "minderjarig_crim_politie_{Y}",
        LG,
        "van hen gemeld door de politie",
        cnt(victims(forms=("crimineel",), minor=True, reporter="politie")),
    ),
    F(
        "minderjarig_crim_zorgcoordinator_{Y}",
        LG,
        "van hen gemeld door zorgcoördinatoren",
        cnt(victims(forms=("crimineel",), minor=True, reporter="zorgcoordinator")),
    ),
    F(
        "minderjarig_binnen_seks_{P}",
        LG,
        "minderjarige slachtoffers van binnenlandse seksuele uitbuiting, jaar ervoor",
        cnt(victims("{P}", vorm_codes=("binnenlands",), minor=True)),
    ),
    F(
        "minderjarig_binnen_seks_{Y}",
        LG,
        "minderjarige slachtoffers van binnenlandse seksuele uitbuiting",
        cnt(c(F6, "Minderjarig", SEKS_BIN, part="vorm")),
    ),
    F("vrouwen_{Y}", LG, "vrouwelijke slachtoffers", cnt(c(F8, "Vrouw", part="jaar"))),
    F("mannen_{Y}", LG, "mannelijke slachtoffers", cnt(c(F8, "Man", part="jaar"))),
    F("vrouwen_pct_{Y}", LG, "verandering vrouwelijke slachtoffers", chg(F8, "Vrouw", part="jaar")),
    F("mannen_pct_{Y}", LG, "verandering mannelijke slachtoffers", chg(F8, "Man", part="jaar")),
    F(
        "geslacht_onbekend_{Y}",
        LG,
        "slachtoffers van onbekend geslacht",
        lambda x: v.count(x.victims(x.Y) - x.victims(x.Y, gender="man") - x.victims(x.Y, gender="vrouw")),
    ),
    F(
        "vrouwen_arbeid_pct_{Y}",
        LG,
        "verandering vrouwelijke slachtoffers van arbeidsuitbuiting",
        vchange(forms=("arbeid",), gender="vrouw"),
    ),
    F(
        "vrouwen_arbeid_huishouden_{Y}",
        LG,
        "vrouwelijke slachtoffers van arbeidsuitbuiting in het huishouden",
        cnt(victims(gender="vrouw", sector=("arbeid", "huishouden"))),
    ),
    F(
        "vrouwen_arbeid_overige_{Y}",
        LG,
        "vrouwelijke slachtoffers in overige arbeid/dienstverlening",
        cnt(victims(gender="vrouw", sector=("arbeid", "overige_dienstverlening"))),
    ),
    F(
        "crim_man_aandeel_{Y}",
        LG,
        "aandeel mannen bij criminele uitbuiting",
        ratio(c(F8, "Man", "Criminele uitbuiting", "vorm"), c(F2, "Criminele uitbuiting")),
    ),
    F(
        "crim_vrouw_aandeel_{Y}",
        LG,
        "aandeel vrouwen bij criminele uitbuiting",
        ratio(c(F8, "Vrouw", "Criminele uitbuiting", "vorm"), c(F2, "Criminele uitbuiting")),
    ),
    F(
        "nl_aandeel_{Y}",
        HK,
        "aandeel slachtoffers met de Nederlandse nationaliteit",
        ratio(c(F9, "Nederland", part="jaar"), c(F1, GS)),
    ),
    F(
        "europa_aandeel_{Y}",
        HK,
        "aandeel uit een ander Europees land",
        ratio(c(F9, "Europa", part="jaar"), c(F1, GS)),
    ),
    F(
        "afrika_aandeel_{Y}",
        HK,
        "aandeel uit Afrika",
        ratio(c(F9, "Afrika", part="jaar"), c(F1, GS)),
    ),
    F(
        "latam_aandeel_{Y}",
        HK,
        "aandeel uit Latijns-Amerika",
        ratio(c(F9, "Latijns-Amerika", part="jaar"), c(F1, GS)),
    ),
    F(
        "azie_pct_{Y}",
        HK,
        "verandering slachtoffers met een Aziatische nationaliteit",
        chg(F9, "Azië", part="jaar"),
    ),
    F(
        "latam_seks_pct_{Y}",
        HK,
        "verandering Latijns-Amerikaanse slachtoffers van seksuele uitbuiting",
        vchange(forms=("seksueel",), region="Latijns-Amerika"),
    ),
    F(
        "afrika_crim_factor_{Y}",
        HK,
        "verhouding Afrikaanse slachtoffers van criminele uitbuiting tot het jaar ervoor",
        vfactor(forms=("crimineel",), region="Afrika"),
    ),
    F(
        "afrika_seks_arbeid_{Y}",
        HK,
        "Afrikaanse slachtoffers van seksuele en arbeidsuitbuiting",
        cnt(victims(forms=("seksueel", "arbeid"), region="Afrika")),
    ),
    F(
        "nl_seks_crim_{Y}",
        HK,
        "Nederlandse slachtoffers van seksuele en criminele uitbuiting",
        cnt(victims(forms=("seksueel", "crimineel"), region="Nederland")),
    ),
    F(
        "afrika_seks_crim_{Y}",
        HK,
        "Afrikaanse slachtoffers van seksuele en criminele uitbuiting",
        cnt(victims(forms=("seksueel", "crimineel"), region="Afrika")),
    ),
    F("top10_nieuw_{Y}", HK, "nationaliteiten nieuw in de top tien", lambda x: v.number(len(_top10_new(x)))),
    # IND
    F("b8_aanvragen_{Y}", VB, "aanvragen B8-vergunning", table("11", "B8 (aanvragen)")),
    F("b8_aanvragen_{P}", VB, "aanvragen B8-vergunning, jaar ervoor", table("11", "B8 (aanvragen)", "{P}")),
    F("b8_verleend_{P}", VB, "verleende B8-vergunningen, jaar ervoor", table("11", "B8 (verleend)", "{P}")),
    F("b8_verleend_{Y}", VB, "verleende B8-vergunningen", table("11", "B8 (verleend)")),
    F("b9_aanvragen_{Y}", VB, "aanvragen B9-vergunning", lambda x: v.delivered(_ind(x, "b9_aanvragen", x.Y))),
    F(
        "b9_aanvragen_{P}",
        VB,
        "aanvragen B9-vergunning, jaar ervoor",
        lambda x: v.delivered(_ind(x, "b9_aanvragen", x.P)),
    ),
    F("b9_verleend_{P}", VB, "verleende B9-vergunningen, jaar ervoor", table("11", "B9 (verleend)", "{P}")),
    F("b9_verleend_{Y}", VB, "verleende B9-vergunningen", table("11", "B9 (verleend)")),
    F(
        "schrijnend_aanvragen_{Y}",
        VB,
        "aanvragen schrijnend pad",
        lambda x: v.delivered(_ind(x, "schrijnend_aanvragen", x.Y)),
    ),
    F(
        "schrijnend_verleend_{Y}",
        VB,
        "verleend op grond van schrijnend pad",
        table("11", "Schrijnend pad (verleend)"),
    ),
    # Melders
    F(
        "politie_melder_pct_{Y}",
        ME,
        "verandering meldingen door de politie",
        chg(F12, "Politie", part="jaar"),
    ),
    F(
        "fairwork_melder_pct_{Y}",
        ME,
        "verandering meldingen door Fairwork",
        chg(F12, "Fairwork", part="jaar"),
    ),
    F(
        "nla_melder_factor_{Y}",
        ME,
        "verhouding meldingen door de NLA tot het jaar ervoor",
        fct(F12, "NLA", part="jaar"),
    ),
    F("kmar_melder_pct_{Y}", ME, "verandering meldingen door de KMar", chg(F12, "KMar", part="jaar")),
)

# ---------------------------------------------------------------------------------------------------
# Plegers (EMM, OM, Raad voor de rechtspraak)
F13, F14, F15, F16, F17, F18, F19, F22, F23, F24 = "13", "14", "15", "16", "17", "18", "19", "22", "23", "24"
CASE_FORMS = (
    "Binnenlandse seksuele uitbuiting",
    "Internationale seksuele uitbuiting",
    "Seksuele uitbuiting onbekend",
)
IZ = "Ingeschreven mensenhandelzaken"

FACTS += (
    F(
        "onderzoeken_{Y}",
        OP,
        "gestarte opsporingsonderzoeken",
        lambda x: v.count(x.scalar("SELECT count(*) FROM investigations WHERE jaar = ?", x.Y)),
    ),
    F(
        "onderzoeken_gemiddelde_{Y0}_{Y}",
        OP,
        "gemiddeld aantal gestarte onderzoeken per jaar",
        lambda x: v.mean_years(*_investigations_total(x)),
    ),
    F(
        "onderzoeken_seks_pct_{Y}",
        OP,
        "verandering onderzoeken naar seksuele uitbuiting",
        chg(F13, "Seksuele uitbuiting"),
    ),
    F(
        "onderzoeken_arbeid_{P}",
        OP,
        "onderzoeken naar arbeidsuitbuiting, jaar ervoor",
        cnt(c(F13, "Arbeidsuitbuiting", "{P}")),
    ),
    F("onderzoeken_arbeid_{Y}", OP, "onderzoeken naar arbeidsuitbuiting", cnt(c(F13, "Arbeidsuitbuiting"))),
    F(
        "onderzoeken_arbeid_factor_{Y}",
        OP,
        "verhouding onderzoeken naar arbeidsuitbuiting tot het jaar ervoor",
        fct(F13, "Arbeidsuitbuiting"),
    ),
    F(
        "emm_nla_niet_u02",
        OP,
        "NLA-onderzoeken zonder arbeidsuitbuiting in de registratie, over vijf jaar",
        lambda x: v.count(
            x.scalar(
                """SELECT count(*) FROM investigations i WHERE i.partij = 'nla' AND i.jaar BETWEEN ? AND ?
             AND NOT EXISTS (SELECT 1 FROM emm_onderzoek_vormen f WHERE f.onderzoek_id = i.id AND f.vorm = 'arbeid')""",
                x.Y - 4,
                x.Y,
            )
        ),
    ),
    F("verdachten_{Y}", OP, "verdachten in opsporingsonderzoeken", cnt(c(F14, "Totaal"))),
    F("verdachten_verschil_{Y}", OP, "verschil met het jaar ervoor", diff(F14, "Totaal")),
    F("verdachten_{P}", OP, "verdachten, jaar ervoor", cnt(c(F14, "Totaal", "{P}"))),
    F("verdachten_mannen_{Y}", OP, "mannelijke verdachten", cnt(c(F14, "Mannen"))),
    F("verdachten_vrouwen_{Y}", OP, "vrouwelijke verdachten", cnt(c(F14, "Vrouwen"))),
    F("verdachten_onbekend_{Y}", OP, "verdachten van onbekend geslacht", cnt(c(F14, "Onbekend"))),
    F(
        "verdachten_volwassen_pct_{Y}",
        OP,
        "aandeel meerderjarigen onder verdachten van bekende leeftijd",
        lambda x: v.percent(
            x.scalar("SELECT count(*) FROM suspect_years WHERE jaar = ? AND leeftijd >= 18", x.Y),
            x.scalar("SELECT count(*) FROM suspect_years WHERE jaar = ? AND leeftijd IS NOT NULL", x.Y),
        ),
    ),
    F(
        "verdachten_nat_onbekend_{Y}",
        OP,
        "verdachten van onbekende nationaliteit",
        lambda x: v.count(
            x.scalar("SELECT count(*) FROM suspect_years WHERE jaar = ? AND nationaliteit IS NULL", x.Y)
        ),
    ),
    F("om_zaken_{Y}", VV, "bij het OM ingeschreven zaken", cnt(c(F15, IZ))),
    F("om_zaken_pct_{Y}", VV, "verandering ingeschreven zaken", chg(F15, IZ)),
    F("om_zaken_{P}", VV, "ingeschreven zaken, jaar ervoor", cnt(c(F15, IZ, "{P}"))),
    F(
        "om_zaken_politie_{Y}",
        VV,
        "door de politie ingeschreven zaken",
        lambda x: v.count(
            x.scalar("SELECT count(*) FROM om_cases WHERE inschrijfjaar = ? AND instantie = 'politie'", x.Y)
        ),
    ),
    F(
        "om_seks_aandeel_{Y0}_{Y}",
        VV,
        "aandeel zaken van seksuele uitbuiting over vijf jaar",
        rows_share(F16, "", ("Seksuele uitbuiting",)),
    ),
    F(
        "om_arbeid_aandeel_{Y0}_{Y}",
        VV,
        "aandeel zaken van arbeidsuitbuiting over vijf jaar",
        rows_share(F16, "", ("Arbeidsuitbuiting",)),
    ),
    F(
        "om_crim_aandeel_{Y0}_{Y}",
        VV,
        "aandeel zaken van criminele/overige uitbuiting over vijf jaar",
        rows_share(F16, "", ("Criminele/overige uitbuiting",)),
    ),
    F(
        "om_seks_{P}",
        VV,
        "ingeschreven zaken van seksuele uitbuiting, jaar ervoor",
        cnt(c(F16, "Seksuele uitbuiting", "{P}")),
    ),
    F("om_seks_{Y}", VV, "ingeschreven zaken van seksuele uitbuiting", cnt(c(F16, "Seksuele uitbuiting"))),
    F(
        "om_crim_{Y}",
        VV,
        "ingeschreven zaken van criminele/overige uitbuiting",
        cnt(c(F16, "Criminele/overige uitbuiting")),
    ),
    F("om_crim_verschil_{P}", VV, "verschil met het jaar ervoor", diff(F16, "Criminele/overige uitbuiting")),
    F(
        "om_crim_verschil_{Y2}",
        VV,
        "verschil met twee jaar eerder",
        diff(F16, "Criminele/overige uitbuiting", "{Y2}"),
    ),
    F(
        "om_afgehandeld_{Y}",
        VV,
        "door het OM afgehandelde zaken",
        cnt(col_cells(F17, "jaar", "{Y}")),
    ),
    F(
        "om_afgehandeld_verschil_{P}",
        VV,
        "verschil met het jaar ervoor",
        lambda x: v.difference(x.col_sum(F17, "jaar", x.Y), x.col_sum(F17, "jaar", x.P)),
    ),
    F(
        "om_dagvaarding_pct_{Y}",
        VV,
        "aandeel dagvaardingen voor mensenhandel",
        col_share(F17, "jaar", "Dagvaarding voor mensenhandel", "{Y}"),
    ),
    F(
        "om_sepot_{P}",
        VV,
        "onvoorwaardelijke sepots, jaar ervoor",
        cnt(c(F17, "Onvoorwaardelijk sepot", "{P}", "jaar")),
    ),
    F("om_sepot_{Y}", VV, "onvoorwaardelijke sepots", cnt(c(F17, "Onvoorwaardelijk sepot", "{Y}", "jaar"))),
    F(
        "om_dagvaarding_crim_pct",
        VV,
        "aandeel dagvaardingen bij criminele/overige uitbuiting, vijf jaar",
        col_share(F17, "vorm", "Dagvaarding voor mensenhandel", "Criminele/overige uitbuiting"),
    ),
    F(
        "om_dagvaarding_seks_pct",
        VV,
        "aandeel dagvaardingen bij seksuele uitbuiting, vijf jaar",
        col_share(F17, "vorm", "Dagvaarding voor mensenhandel", "Seksuele uitbuiting"),
    ),
    F(
        "om_dagvaarding_arbeid_pct",
        VV,
        "aandeel dagvaardingen bij arbeidsuitbuiting, vijf jaar",
        col_share(F17, "vorm", "Dagvaarding voor mensenhandel", "Arbeidsuitbuiting"),
    ),
    F("berecht_verschil_{P}", BE, "verschil afgedane zaken met het jaar ervoor", diff(F18, "Totaal")),
    F("berecht_{Y}", BE, "in eerste aanleg afgedane zaken", cnt(c(F18, "Totaal"))),
    F("berecht_daling_jaren", BE, "opeenvolgende jaren van daling daarvoor", declines_before(F18, "Totaal")),
    F(
        "berecht_seks_verschil_{P}",
        BE,
        "verschil zaken van seksuele uitbuiting",
        diff(F18, "Seksuele uitbuiting - totaal"),
    ),
    F(
        "berecht_seks_{Y}",
        BE,
        "afgedane zaken van seksuele uitbuiting",
        cnt(c(F18, "Seksuele uitbuiting - totaal")),
    ),
    F(
        "berecht_arbeid_{P}",
        BE,
        "afgedane zaken van arbeidsuitbuiting, jaar ervoor",
        cnt(c(F18, "Arbeidsuitbuiting", "{P}")),
    ),
    F("berecht_arbeid_{Y}", BE, "afgedane zaken van arbeidsuitbuiting", cnt(c(F18, "Arbeidsuitbuiting"))),
    F(
        "berecht_crim_{P}",
        BE,
        "afgedane zaken van criminele/overige uitbuiting, jaar ervoor",
        cnt(c(F18, "Criminele/overige uitbuiting", "{P}")),
    ),
    F(
        "berecht_crim_{Y}",
        BE,
        "afgedane zaken van criminele/overige uitbuiting",
        cnt(c(F18, "Criminele/overige uitbuiting")),
    ),
    F(
        "veroordeeld_pct_{Y0}_{Y}",
        BE,
        "aandeel veroordelingen voor mensenhandel over vijf jaar",
        rows_share(F19, "jaar", ("Veroordeling voor mensenhandel",)),
    ),
    F(
        "veroordeeld_arbeid_pct",
        BE,
        "aandeel veroordelingen bij arbeidsuitbuiting",
        col_share(F19, "vorm", "Veroordeling voor mensenhandel", "Arbeidsuitbuiting"),
    ),
    F(
        "veroordeeld_binnen_seks_pct",
        BE,
        "aandeel veroordelingen bij binnenlandse seksuele uitbuiting",
        col_share(F19, "vorm", "Veroordeling voor mensenhandel", "Binnenlandse seksuele uitbuiting"),
    ),
    F(
        "veroordeeld_intl_seks_pct",
        BE,
        "aandeel veroordelingen bij internationale seksuele uitbuiting",
        col_share(F19, "vorm", "Veroordeling voor mensenhandel", "Internationale seksuele uitbuiting"),
    ),
    F(
        "veroordeeld_crim_pct",
        BE,
        "aandeel veroordelingen bij criminele/overige uitbuiting",
        col_share(F19, "vorm", "Veroordeling voor mensenhandel", "Criminele/overige uitbuiting"),
    ),
    F(
        "hoger_beroep_gemiddeld",
        HB,
        "hoger beroepen per jaar, gemiddeld (afgerond op tientallen)",
        lambda x: _mean_approx(rounded_values(x, "20", "Totaal aantal zaken met eindarrest in hoger beroep")),
    ),
    F(
        "hoger_beroep_{Y}",
        HB,
        "hoger beroepen (afgerond)",
        table("20", "Totaal aantal zaken met eindarrest in hoger beroep"),
    ),
    F(
        "hoger_beroep_verdachte_{Y}",
        HB,
        "hoger beroep ingesteld door de verdachte",
        lambda x: v.delivered(_rs(x, "ingesteld_verdachte", x.Y)),
    ),
    F(
        "hoger_beroep_om_{Y}",
        HB,
        "hoger beroep ingesteld door het OM",
        lambda x: v.delivered(_rs(x, "ingesteld_om", x.Y)),
    ),
    F(
        "hoger_beroep_beide_{Y}",
        HB,
        "hoger beroep ingesteld door beide",
        lambda x: v.delivered(_rs(x, "ingesteld_beide", x.Y)),
    ),
    F(
        "hoger_beroep_schuldig_pct",
        HB,
        "aandeel schuldigverklaringen in hoger beroep (afgerond op tientallen)",
        lambda x: _ratio_approx(
            rounded_values(x, "20", "Eindarrest schuldigverklaring"),
            rounded_values(x, "20", "Totaal aantal zaken met eindarrest in hoger beroep"),
        ),
    ),
    F(
        "cassatie_aandeel",
        HB,
        "deel van de hoger beroepen gevolgd door cassatie",
        lambda x: v.fraction_words(
            sum(rounded_values(x, "21", "Cassatie ingesteld")),
            sum(rounded_values(x, "20", "Totaal aantal zaken met eindarrest in hoger beroep")),
        ),
    ),
    F(
        "cassatie_per_jaar",
        HB,
        "cassaties per jaar, gemiddeld (afgerond op tientallen)",
        lambda x: _mean_approx(rounded_values(x, "21", "Cassatie ingesteld")),
    ),
    F(
        "berecht_adolescent_pct",
        BL,
        "aandeel berechte verdachten t/m 22 jaar, vijf jaar",
        rows_share(F22, "jaar", ("Minderjarig of adolescent (t/m 22 jaar)",)),
    ),
    F(
        "berecht_onder30_pct",
        BL,
        "aandeel berechte verdachten jonger dan dertig, vijf jaar",
        rows_share(F22, "jaar", ("Minderjarig of adolescent (t/m 22 jaar)", "23-29")),
    ),
    F(
        "berecht_40plus_pct",
        BL,
        "aandeel berechte verdachten van veertig of ouder, vijf jaar",
        rows_share(F22, "jaar", ("40+",)),
    ),
    F(
        "berecht_gem_leeftijd",
        BL,
        "gemiddelde leeftijd van berechte verdachten, vijf jaar",
        lambda x: v.mean_age(
            *x.all(
                "SELECT coalesce(sum(leeftijd), 0), count(leeftijd) FROM om_cases WHERE vonnisjaar BETWEEN ? AND ?",
                x.Y - 4,
                x.Y,
            )[0]
        ),
    ),
    F(
        "berecht_gem_leeftijd_{P}",
        BL,
        "gemiddelde leeftijd, jaar ervoor",
        lambda x: _mean_fact(x.mean(F22, "jaar", "Gemiddelde leeftijd in jaren", x.P)),
    ),
    F(
        "berecht_gem_leeftijd_{Y}",
        BL,
        "gemiddelde leeftijd",
        lambda x: _mean_fact(x.mean(F22, "jaar", "Gemiddelde leeftijd in jaren", x.Y)),
    ),
    F(
        "berecht_onder22_{P}",
        BL,
        "berechte verdachten t/m 22 jaar, jaar ervoor",
        cnt(c(F22, "Minderjarig of adolescent (t/m 22 jaar)", "{P}", "jaar")),
    ),
    F(
        "berecht_onder22_{Y}",
        BL,
        "berechte verdachten t/m 22 jaar",
        cnt(c(F22, "Minderjarig of adolescent (t/m 22 jaar)", "{Y}", "jaar")),
    ),
    F(
        "berecht_binnen_adolescent_pct",
        BL,
        "aandeel t/m 22 jaar bij binnenlandse seksuele uitbuiting",
        col_share(F22, "vorm", "Minderjarig of adolescent (t/m 22 jaar)", "Binnenlandse seksuele uitbuiting"),
    ),
    F(
        "berecht_binnen_40plus_pct",
        BL,
        "aandeel 40+ bij binnenlandse seksuele uitbuiting",
        col_share(F22, "vorm", "40+", "Binnenlandse seksuele uitbuiting"),
    ),
    F(
        "berecht_arbeid_adolescent_pct",
        BL,
        "aandeel t/m 22 jaar bij arbeidsuitbuiting",
        col_share(F22, "vorm", "Minderjarig of adolescent (t/m 22 jaar)", "Arbeidsuitbuiting"),
    ),
    F(
        "berecht_arbeid_40plus_pct",
        BL,
        "aandeel 40+ bij arbeidsuitbuiting",
        col_share(F22, "vorm", "40+", "Arbeidsuitbuiting"),
    ),
    F(
        "berecht_man_aandeel_kop",
        BL,
        "deel van de berechte verdachten dat man is",
        rows_share(F23, "jaar", ("Man",), words=True),
    ),
    F("berecht_man_pct", BL, "aandeel mannen onder berechte verdachten", rows_share(F23, "jaar", ("Man",))),
    F(
        "berecht_vrouw_pct",
        BL,
        "aandeel vrouwen onder berechte verdachten",
        rows_share(F23, "jaar", ("Vrouw",)),
    ),
    F(
        "berecht_vrouw_arbeid_pct",
        BL,
        "aandeel vrouwen bij arbeidsuitbuiting",
        col_share(F23, "vorm", "Vrouw", "Arbeidsuitbuiting"),
    ),
    F(
        "berecht_vrouw_crim_pct",
        BL,
        "aandeel vrouwen bij criminele/overige uitbuiting",
        col_share(F23, "vorm", "Vrouw", "Criminele/overige uitbuiting"),
    ),
    F(
        "berecht_vrouw_seks_pct",
        BL,
        "aandeel vrouwen bij seksuele uitbuiting",
        rows_share(F23, "vorm", ("Vrouw",), CASE_FORMS),
    ),
    F(
        "berecht_nl_aandeel_kop",
        BH,
        "deel van de berechte verdachten geboren in Nederland",
        rows_share(F24, "jaar", ("Nederland",), words=True),
    ),
    F("berecht_nl_pct", BH, "aandeel geboren in Nederland", rows_share(F24, "jaar", ("Nederland",))),
    F(
        "berecht_eer_pct",
        BH,
        "aandeel geboren in een ander land van de EU, EER of Zwitserland",
        rows_share(F24, "jaar", ("EU+EER+Zwitserland",)),
    ),
    F("berecht_overig_pct", BH, "aandeel geboren in een overig land", rows_share(F24, "jaar", ("Overig",))),
    F(
        "berecht_eer_pct_{Y}",
        BH,
        "aandeel EU+EER+Zwitserland in het verslagjaar",
        col_share(F24, "jaar", "EU+EER+Zwitserland", "{Y}"),
    ),
    F(
        "berecht_overig_pct_{Y}",
        BH,
        "aandeel overig land in het verslagjaar",
        col_share(F24, "jaar", "Overig", "{Y}"),
    ),
    F(
        "berecht_binnen_nl_pct",
        BH,
        "aandeel in Nederland geboren bij binnenlandse seksuele uitbuiting",
        col_share(F24, "vorm", "Nederland", "Binnenlandse seksuele uitbuiting"),
    ),
    F(
        "berecht_intl_eer_pct",
        BH,
        "aandeel EU+EER+Zwitserland bij internationale seksuele uitbuiting",
        col_share(F24, "vorm", "EU+EER+Zwitserland", "Internationale seksuele uitbuiting"),
    ),
    F(
        "berecht_arbeid_nl_pct",
        BH,
        "aandeel in Nederland geboren bij arbeidsuitbuiting",
        col_share(F24, "vorm", "Nederland", "Arbeidsuitbuiting"),
    ),
    F(
        "berecht_arbeid_overig_pct",
        BH,
        "aandeel overig land bij arbeidsuitbuiting",
        col_share(F24, "vorm", "Overig", "Arbeidsuitbuiting"),
    ),
    F(
        "berecht_crim_nl_pct",
        BH,
        "aandeel in Nederland geboren bij criminele/overige uitbuiting",
        col_share(F24, "vorm", "Nederland", "Criminele/overige uitbuiting"),
    ),
)


def _mean_fact(m: Fraction | None) -> FactValue | None:
    return None if m is None else v.FactValue(v.FactKind.YEARS, round_half_up(m), v.FactUnit.YEARS)


def _mean_approx(xs: list[int]) -> FactValue | None:
    return None if not xs else v.approx(Fraction(sum(xs), len(xs)))


def _ratio_approx(num: list[int], den: list[int]) -> FactValue | None:
    return (
        None
        if not den or sum(den) == 0
        else v.approx(Fraction(100 * sum(num), sum(den)), 10, v.FactUnit.PERCENT, "%")
    )


def _ind(x: FactContext, maatstaf: str, year: int) -> str | None:
    rows = x.all("SELECT aantal FROM ind_tabel WHERE maatstaf = ? AND jaar = ?", maatstaf, year)
    return rows[0][0] if rows else None


def _rs(x: FactContext, maatstaf: str, year: int) -> str | None:
    rows = x.all("SELECT aantal FROM rechtspraak_tabel WHERE maatstaf = ? AND jaar = ?", maatstaf, year)
    return rows[0][0] if rows else None


def _investigations_total(x: FactContext) -> tuple[int, int]:
    ys = x.years(F13)
    total = x.scalar("SELECT count(*) FROM investigations WHERE jaar BETWEEN ? AND ?", x.Y - 4, x.Y)
    return total, len(ys)


def _top10(x: FactContext, year: int) -> list[str]:
    return [code for code, _ in x.victim_nationalities(year)[:10]]


def _top10_new(x: FactContext) -> list[str]:
    previous = set(_top10(x, x.P))
    return [code for code in _top10(x, x.Y) if code not in previous]


# ---------------------------------------------------------------------------------------------------
# Families: facts that name nationalities


def _slug(code: str) -> str:
    from jaarcijfers.contract.codelists import countries

    return countries()[code].slug


def _top(id_tpl: str, n: int, desc: str, **subset: object) -> Callable[[FactContext], Iterator[Named]]:
    def produce(x: FactContext) -> Iterator[Named]:
        from jaarcijfers.contract.codelists import countries

        for code, k in x.victim_nationalities(x.Y, **subset)[:n]:
            yield Named(
                id_tpl.format(slug=_slug(code), Y=x.Y), f"{desc}: {countries()[code].naam}", v.count(k), k
            )

    return produce


def _new_in_top10(x: FactContext) -> Iterator[Named]:
    from jaarcijfers.contract.codelists import countries

    for code in _top10_new(x):
        s, naam = _slug(code), countries()[code].naam
        n = x.victims(x.Y, nationality=code)
        yield Named(f"{s}_{x.Y}", f"slachtoffers met nationaliteit {naam}", v.count(n), n)
        yield Named(
            f"{s}_arbeid_{x.Y}",
            f"{naam}: arbeidsuitbuiting",
            v.count(x.victims(x.Y, nationality=code, forms=("arbeid",))),
            n,
        )
        yield Named(
            f"{s}_seks_{x.Y}",
            f"{naam}: seksuele uitbuiting",
            v.count(x.victims(x.Y, nationality=code, forms=("seksueel",))),
            n,
        )
        yield Named(f"{s}_{x.P}", f"{naam}: het jaar ervoor", v.count(x.victims(x.P, nationality=code)), n)
        yield Named(
            f"{s}_{x.Y - 2}", f"{naam}: twee jaar eerder", v.count(x.victims(x.Y - 2, nationality=code)), n
        )


def _suspect_nationalities(x: FactContext) -> Iterator[Named]:
    from jaarcijfers.contract.codelists import countries

    rows = x.all(
        """SELECT nationaliteit, count(*) FROM suspect_years WHERE jaar = ? AND nationaliteit IS NOT NULL
           GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3""",
        x.Y,
    )
    for code, n in rows:
        yield Named(
            f"verdachten_{code.lower()}_{x.Y}",
            f"verdachten met nationaliteit {countries()[code].naam}",
            v.count(n),
            int(n),
        )


FAMILIES: tuple[FactFamily, ...] = (
    FactFamily(
        "industrie",
        VO,
        "meest voorkomende nationaliteiten bij arbeidsuitbuiting in de industrie",
        _top(
            "{slug}_industrie_{Y}",
            2,
            "slachtoffers van arbeidsuitbuiting in de industrie",
            sector=("arbeid", "industrie"),
        ),
    ),
    FactFamily(
        "huishouden",
        VO,
        "meest voorkomende nationaliteiten bij arbeidsuitbuiting in het huishouden",
        _top(
            "{slug}_huishouden_{Y}",
            3,
            "slachtoffers van arbeidsuitbuiting in het huishouden",
            sector=("arbeid", "huishouden"),
        ),
    ),
    FactFamily(
        "intl_seks",
        HK,
        "drie meest voorkomende nationaliteiten bij internationale seksuele uitbuiting",
        _top(
            "{slug}_intl_seks_{Y}",
            3,
            "slachtoffers van internationale seksuele uitbuiting",
            vorm_codes=("internationaal",),
        ),
    ),
    FactFamily(
        "arbeid",
        HK,
        "drie meest voorkomende nationaliteiten bij arbeidsuitbuiting",
        _top("{slug}_arbeid_{Y}", 3, "slachtoffers van arbeidsuitbuiting", forms=("arbeid",)),
    ),
    FactFamily(
        "crim",
        HK,
        "drie meest voorkomende nationaliteiten bij criminele uitbuiting",
        _top("{slug}_crim_{Y}", 3, "slachtoffers van criminele uitbuiting", forms=("crimineel",)),
    ),
    FactFamily("nieuw_top10", RE, "nationaliteiten die nieuw zijn in de top tien", _new_in_top10),
    FactFamily(
        "verdachten_nationaliteit",
        OP,
        "meest voorkomende nationaliteiten van verdachten",
        _suspect_nationalities,
    ),
)


# ---------------------------------------------------------------------------------------------------
# Relations: how count facts are tied to each other and to figure cells (for disclosure control).
# An outsider who reads the report knows these; the strict policy puts the facts they mention into the
# attacker's model (docs/sdc.md, "Prose facts"). Ids and year columns are templates like the fact ids.


@dataclass(frozen=True)
class Ref:
    """A term of a relation: a count fact (`fact`) or a count cell of a figure (`figure`, `part`, `row`,
    `column`)."""

    fact: str = ""
    figure: str = ""
    part: str = ""
    row: str = ""
    column: str = "{Y}"

    def resolve(self, year: int) -> tuple[str, str, str, str]:
        """(figure, part, row, column) with the years filled in; a fact is ('', '', id, '')."""
        fill = lambda s: s.format(Y=year, P=year - 1, Y2=year - 2, Y0=year - 4)  # noqa: E731
        if self.fact:
            return ("", "", fill(self.fact), "")
        return (self.figure, self.part, self.row, fill(self.column))


def fact(id_: str) -> Ref:
    return Ref(fact=id_)


def cell(fig: str, row: str, col: str = "{Y}", part: str = "") -> Ref:
    return Ref(figure=fig, part=part, row=row, column=col)


@dataclass(frozen=True)
class FactRelation:
    """sum(lhs) OP sum(rhs), OP '==' (a partition or a restatement) or '<=' (parts of a whole that may
    overlap or leave some units out)."""

    name: str
    lhs: tuple[Ref, ...]
    op: Literal["==", "<="]
    rhs: tuple[Ref, ...]


def partition(name: str, parts: tuple[Ref, ...], whole: Ref) -> FactRelation:
    """The parts add up to the whole (every unit in exactly one part)."""
    return FactRelation(name, parts, "==", (whole,))


def parts_of(name: str, parts: tuple[Ref, ...], whole: Ref) -> FactRelation:
    """The parts add up to at most the whole (an unknown category is not named)."""
    return FactRelation(name, parts, "<=", (whole,))


MINOR_CRIM = cell(F6, "Minderjarig", "Criminele uitbuiting", part="vorm")

RELATIONS: tuple[FactRelation, ...] = (
    # the minors with criminal exploitation, broken down in the prose
    partition(
        "minderjarigen criminele uitbuiting naar nationaliteit",
        (
            fact("minderjarig_crim_nl_{Y}"),
            fact("minderjarig_crim_europa_{Y}"),
            fact("minderjarig_crim_overig_{Y}"),
        ),
        MINOR_CRIM,
    ),
    parts_of(
        "minderjarigen criminele uitbuiting naar geslacht",
        (fact("minderjarig_crim_meisjes_{Y}"), fact("minderjarig_crim_jongens_{Y}")),
        MINOR_CRIM,
    ),
    parts_of(
        "minderjarigen criminele uitbuiting gemeld door de politie",
        (fact("minderjarig_crim_politie_{Y}"),),
        MINOR_CRIM,
    ),
    parts_of(
        "minderjarigen criminele uitbuiting gemeld door de politie (Figuur 12)",
        (fact("minderjarig_crim_politie_{Y}"),),
        cell(F12, "Politie", "Criminele uitbuiting", part="vorm"),
    ),
    parts_of(
        "minderjarigen criminele uitbuiting gemeld door zorgcoördinatoren",
        (fact("minderjarig_crim_zorgcoordinator_{Y}"),),
        MINOR_CRIM,
    ),
    # victims of unknown gender = all victims - men - women
    partition(
        "geslacht: man + vrouw + onbekend = Figuur 1",
        (cell(F8, "Man", part="jaar"), cell(F8, "Vrouw", part="jaar"), fact("geslacht_onbekend_{Y}")),
        cell(F1, GS),
    ),
    # (a victim may work in several sectors: each sector is a part, their sum is not)
    parts_of(
        "vrouwelijke slachtoffers van arbeidsuitbuiting in het huishouden",
        (fact("vrouwen_arbeid_huishouden_{Y}"),),
        cell(F8, "Vrouw", "Arbeidsuitbuiting", part="vorm"),
    ),
    parts_of(
        "vrouwelijke slachtoffers van arbeidsuitbuiting in overige dienstverlening",
        (fact("vrouwen_arbeid_overige_{Y}"),),
        cell(F8, "Vrouw", "Arbeidsuitbuiting", part="vorm"),
    ),
    parts_of(
        "criminele uitbuiting bij minderjarigen (jaar ervoor) <= alle minderjarigen van dat jaar",
        (fact("minderjarig_crim_{P}"),),
        cell(F6, "Minderjarig", "{P}", part="jaar"),
    ),
    parts_of(
        "binnenlandse seksuele uitbuiting bij minderjarigen (jaar ervoor) <= alle minderjarigen van dat jaar",
        (fact("minderjarig_binnen_seks_{P}"),),
        cell(F6, "Minderjarig", "{P}", part="jaar"),
    ),
)
"""The relations among the reference facts that their computation does not declare: the breakdowns of a cell
computed from the microdata. A fact that restates or sums cells (`cnt(c(...))`), a share, a change and a
factor declare their linear form themselves (`fact_forms`). Differences (`*_verschil_*`) are not
linear: a difference is withheld whenever one of its cells is (`protect_facts`)."""


def relation_terms(
    year: int,
) -> Iterator[tuple[str, tuple[tuple[int, tuple[str, str, str, str]], ...], Literal["==", "<="]]]:
    """Every relation for a reporting year: (name, ((coefficient, (figure, part, row, column)), ...), op);
    the terms are lhs - rhs, a fact has figure ''. The relation reads: sum(terms) OP 0."""
    for r in RELATIONS:
        terms = tuple((1, t.resolve(year)) for t in r.lhs) + tuple((-1, t.resolve(year)) for t in r.rhs)
        yield r.name, terms, r.op


def fact_forms(year: int) -> Iterator[tuple[str, LinearForm]]:
    """(fact id, linear form) of every fact whose computation declares one, for a reporting year."""
    for spec in FACTS:
        form = linear_form(spec.compute)
        if form is not None:
            yield fill(spec.id, year), form


def related_fact_ids(year: int) -> frozenset[str]:
    """The ids of the count facts that are variables of the attacker's model: those in a relation and those
    that are a sum of cells."""
    in_relations = {t.resolve(year)[2] for r in RELATIONS for t in r.lhs + r.rhs if t.fact}
    sums = {fid for fid, form in fact_forms(year) if form.kind == FormKind.COUNT}
    return frozenset(in_relations | sums)


@cache
def series_facts() -> dict[tuple[Change, str, str, str], str]:
    """(kind, figure, part, row) -> the id template of the fact holding that series' change from the year
    before to the reporting year (the facts declared with `chg`, `diff` or `fct`)."""
    out: dict[tuple[Change, str, str, str], str] = {}
    for spec in FACTS:
        c = spec.compute
        if isinstance(c, SeriesChange) and c.old == "{P}":
            key = (c.kind, c.figure, c.part, c.row)
            if key in out:
                raise ValueError(f"twee feiten voor dezelfde reeks: {out[key]}, {spec.id}")
            out[key] = spec.id
    return out
