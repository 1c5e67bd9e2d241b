"""Findings in Dutch prose, generated from a published `Edition` (docs/narrative.md).

Every number in a finding is a published string of the edition: a cell's display (`944`, `<5`) or a
fact's value (`+9%`, `46%`). Nothing is computed for print: relative changes are computed from plain
published counts only to decide what is notable; the percentage that is printed is always a fact (the
named change facts of the fact catalogue, or the `reeks_*` facts `build` adds for every series). Without
such a fact a change is told with the two published counts ("van 23 in 2023 naar 39 in 2024").

Public API: `stories(edition)` (per section a headline and its findings), `findings(edition)` (the
findings only), `notable(edition)` (the notable changes over all sections, for the Reflectie chapter
when the analyst wrote none) and `lead(edition)` (the press lead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from jaarcijfers import dutch
from jaarcijfers.edition.model import Edition, PublishedCell, PublishedFigure
from jaarcijfers.figures.model import CellKind

# --- thresholds of the selection rules (docs/narrative.md) -------------------------------------------
REL_THRESHOLD = Fraction(20, 100)  # a change is notable from 20% up or down
MIN_CASES = 20  # ... when the larger of the two counts is at least this
MIN_CASES_ROUNDED = 50  # ... or this for sources rounded to fives (IND, Raad voor de rechtspraak)
MAX_NOTABLE_PER_SECTION = 3
MAX_NOTABLE_PER_FIGURE = 2
MAX_SENTENCES = 5

FindingKind = Literal["level", "change", "share", "top", "rank"]


@dataclass(frozen=True)
class Finding:
    """One sentence (or two) of prose and the published strings it prints."""

    text: str
    numbers_used: tuple[str, ...]
    kind: FindingKind
    figure: str | None = None
    score: float = 0.0


@dataclass(frozen=True)
class Story:
    section: str
    chapter: str
    headline: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)


# How a series is named in a sentence is the label's phrase in the figure catalogue (`subject`); which
# fact holds the change of a series, the fact catalogue's `chg`/`diff`/`fct` declarations (`change_facts`).
FRACTION_WORDS = {
    "1/2": "de helft",
    "1/3": "een derde",
    "2/3": "twee derde",
    "1/4": "een kwart",
    "3/4": "driekwart",
    "1/5": "een vijfde",
    "2/5": "twee op de vijf",
    "3/5": "drie op de vijf",
    "4/5": "vier op de vijf",
    "1/6": "een zesde",
    "5/6": "vijf op de zes",
}
FACTOR_WORDS = {
    "x2": "verdubbeld",
    ">x2": "meer dan verdubbeld",
    "x3": "verdrievoudigd",
    ">x3": "meer dan verdrievoudigd",
    "x4": "verviervoudigd",
    ">x4": "meer dan verviervoudigd",
    "x0.5": "gehalveerd",
    "x0.333333": "gedaald tot een derde",
    "x0.25": "gedaald tot een kwart",
}

RANK_TEMPLATE = {
    "2": "{R} was in {Y} de vorm van mensenhandel met de meeste geregistreerde slachtoffers ({n}).",
    "6": "De meeste slachtoffers in {Y} vielen in de leeftijdscategorie {r} ({n}).",
    "12": "De meeste slachtoffers werden in {Y} gemeld door {by} ({n}).",
    "13": "De meeste opsporingsonderzoeken die in {Y} startten, gingen over {r} ({n}).",
    "17": "De meest voorkomende afhandeling door het OM was in {Y}: {r} ({n}).",
}
MELDER_BY = {
    "Politie": "de politie",
    "KMar": "de KMar",
    "NLA": "de Arbeidsinspectie (NLA)",
    "Fairwork": "Fairwork",
    "Zorgcoördinatoren": "zorgcoördinatoren",
}
# The series that leads a section (its first sentence and, if it changed, its headline).
LEAD_SERIES: dict[str, tuple[str, str, str]] = {
    "Verblijfsrechtelijke bescherming": ("11", "", "B8 (verleend)"),
}

EXCLUDED_FROM_NOTABLE = re.compile(r"onbekend|^totaal|^overig$|^overige (melders|sectoren)", re.IGNORECASE)


# --- small helpers -----------------------------------------------------------------------------------
def plain(display: str) -> int | None:
    """A published display as an integer when it is a plain count ('944'); None for '<5', '', '52%'."""
    return int(display) if display.isdigit() else None


def pct_text(value: str) -> str:
    """A published change '+9%' / '-25%' without its sign, for use after 'stijging van' / 'daling van'."""
    return value.lstrip("+-−")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def subject(fig_id: str, row: str) -> str:
    """How a reader names the series of a row of a figure (the catalogue's phrase; KeyError if the
    catalogue does not know the row)."""
    from jaarcijfers.figures.catalogue import by_id, phrase

    return phrase(by_id()[fig_id], row)


def fact_value(edition: Edition, template: str) -> str | None:
    y = edition.year
    f = edition.fact(template.format(Y=y, P=y - 1, Y2=y - 2, Y0=edition.years[0] if edition.years else y - 4))
    return None if f is None or f.value == "" else f.value


def series_fact_base(fig: PublishedFigure, part: str, row: str) -> str:
    """The id stem of the `reeks_*` facts of a series (named by the facts layer)."""
    from jaarcijfers.facts.compute import series_fact_stem

    return series_fact_stem(fig.id, part, row)


def change_facts(
    edition: Edition, fig: PublishedFigure, part: str, row: str
) -> tuple[str | None, str | None, str | None]:
    """(percent change, signed difference, factor) of a series from the edition's facts, where published."""
    from jaarcijfers.facts.catalogue import Change, series_facts

    named = series_facts()

    def declared(kind: Change) -> str | None:
        template = named.get((kind, fig.id, part, row))
        return None if template is None else fact_value(edition, template)

    base = series_fact_base(fig, part, row)
    y = edition.year
    pct = fact_value(edition, f"{base}_pct_{y}") or declared(Change.PERCENT)
    diff = fact_value(edition, f"{base}_verschil_{y}") or declared(Change.DIFFERENCE)
    factor = declared(Change.FACTOR)
    if pct is not None and not re.fullmatch(r"[+-]?\d+%", pct):
        pct = None
    if diff is not None and not re.fullmatch(r"[+-]?\d+", diff):
        diff = None  # a protected difference ('<5') is not printed
    return pct, diff, factor


@dataclass(frozen=True)
class Series:
    fig: PublishedFigure
    part: str
    row: str
    values: tuple[tuple[str, PublishedCell], ...]  # (year column, cell) in column order

    def cell(self, year: int) -> PublishedCell | None:
        for col, c in self.values:
            if col == str(year):
                return c
        return None


def year_series(fig: PublishedFigure, year: int) -> list[Series]:
    """The count series of a figure's year blocks that include the reporting year and the year before."""
    out = []
    for b in fig.blocks:
        if str(year) not in b.columns or str(year - 1) not in b.columns:
            continue
        cells = {(c.row, c.column): c for c in b.cells}
        for row in b.rows:
            vals = tuple((col, cells[(row, col)]) for col in b.columns if (row, col) in cells)
            if any(c.kind in (CellKind.MEAN, CellKind.PERCENT, CellKind.RANK) for _, c in vals):
                continue
            out.append(Series(fig, b.part, row, vals))
    return out


# --- sentence builders -------------------------------------------------------------------------------
def direction(new: int, old: int) -> str:
    return "gestegen" if new > old else "gedaald" if new < old else "gelijk gebleven"


def extreme_phrase(s: Series, year: int) -> tuple[str, str] | None:
    """('hoogste' | 'laagste', period) when the reporting year is the strict extreme of a complete series."""
    nums = [(col, plain(c.display)) for col, c in s.values]
    if len(nums) < 3 or any(n is None for _, n in nums):
        return None
    now = plain(s.cell(year).display) if s.cell(year) else None  # type: ignore[union-attr]
    others = [n for col, n in nums if col != str(year)]
    if now is None:
        return None
    period = f"{nums[0][0]}–{nums[-1][0]}"
    if all(now > o for o in others):  # type: ignore[operator]
        return "hoogste", period
    if all(now < o for o in others):  # type: ignore[operator]
        return "laagste", period
    return None


def change_sentence(edition: Edition, s: Series, with_level: bool = False) -> Finding | None:
    """'Het aantal X is gestegen van 23 in 2023 naar 39 in 2024 (+70%).' from published strings only."""
    y, p = edition.year, edition.year - 1
    new_c, old_c = s.cell(y), s.cell(p)
    if new_c is None or old_c is None:
        return None
    new, old = plain(new_c.display), plain(old_c.display)
    if new is None or old is None:
        return None
    subj = subject(s.fig.id, s.row)
    pct, diff, factor = change_facts(edition, s.fig, s.part, s.row)
    used = [new_c.display, old_c.display]
    rounded = " (afgerond op vijftallen)" if s.fig.rounded else ""
    d = direction(new, old)
    if with_level:
        text = f"In {y} ging het om {dutch.count(new_c.display)} {subj}{rounded}."
        if d == "gelijk gebleven":
            text += f" Dat is evenveel als in {p}."
        elif diff is not None:
            more = "meer" if new > old else "minder"
            text += f" Dat zijn er {dutch.count(diff.lstrip('+-'))} {more} dan in {p}"
            used.append(diff)
            if pct is not None:
                text += f", een {'stijging' if new > old else 'daling'} van {pct_text(pct)}"
                used.append(pct)
            text += "."
        else:
            text += f" In {p} waren dat er {dutch.count(old_c.display)}"
            if pct is not None:
                text += f"; het aantal is dus met {pct_text(pct)} {d}"
                used.append(pct)
            text += "."
    else:
        text = f"Het aantal {subj} is {d}"
        if d == "gelijk gebleven":
            text += f": {dutch.count(new_c.display)} in zowel {p} als {y}{rounded}."
        else:
            text += (
                f" van {dutch.count(old_c.display)} in {p} naar {dutch.count(new_c.display)} in {y}{rounded}"
            )
            if factor in FACTOR_WORDS and (pct is None or abs(int(pct.rstrip("%"))) >= 90):
                text += f"; het is daarmee {FACTOR_WORDS[factor]}"
            elif pct is not None:
                text += f" ({pct})"
                used.append(pct)
            text += "."
    ext = extreme_phrase(s, y)
    if ext is not None and d != "gelijk gebleven":
        text += f" Het is het {ext[0]} aantal in de periode {ext[1]}."
    rel = Fraction(new - old, old) if old else Fraction(1)
    size = max(new, old)
    return Finding(
        text, tuple(used), "level" if with_level else "change", s.fig.id, float(abs(rel)) * (size**0.5)
    )


def is_notable(s: Series, year: int) -> bool:
    if EXCLUDED_FROM_NOTABLE.search(s.row):
        return False
    new_c, old_c = s.cell(year), s.cell(year - 1)
    if new_c is None or old_c is None:
        return False
    new, old = plain(new_c.display), plain(old_c.display)
    if new is None or old is None or old == 0:
        return False
    if max(new, old) < (MIN_CASES_ROUNDED if s.fig.rounded else MIN_CASES):
        return False
    return abs(Fraction(new - old, old)) >= REL_THRESHOLD


def headline_for(edition: Edition, f: Finding, s: Series) -> str:
    new = plain(s.cell(edition.year).display)  # type: ignore[union-attr]
    old = plain(s.cell(edition.year - 1).display)  # type: ignore[union-attr]
    subj = subject(s.fig.id, s.row)
    if new is None or old is None or new == old:
        return cap(f"aantal {subj} gelijk gebleven")
    rel = abs(Fraction(new - old, old)) if old else Fraction(1)
    prefix = "sterke " if rel >= Fraction(1, 2) else "lichte " if rel < Fraction(1, 10) else ""
    word = prefix + ("stijging" if new > old else "daling")
    return cap(f"{word} van het aantal {subj}")


# --- per-section extra findings from facts (shares, ranks, top ten) ----------------------------------
def _fraction(v: str) -> str | None:
    return FRACTION_WORDS.get(v)


def share_findings(edition: Edition, section: str) -> list[Finding]:
    y = edition.year
    y0 = edition.years[0] if edition.years else y - 4
    per = f"{y0}–{y}"
    out: list[Finding] = []

    def f(template: str) -> str | None:
        return fact_value(edition, template)

    def add(text: str, *nums: str, score: float = 1.0) -> None:
        out.append(Finding(text, tuple(nums), "share", None, score))

    if section == "Slachtoffers":
        since, below = f("slachtoffers_stijging_vanaf"), f("slachtoffers_onder_niveau_van")
        if since and below:
            add(
                f"Het aantal stijgt sinds {since}, maar ligt nog onder het niveau van {below}.",
                since,
                below,
                score=2.0,
            )
        elif since:
            add(f"Het aantal stijgt sinds {since} ieder jaar.", since, score=2.0)
        an, ap = f("anoniem_{Y}"), f("anoniem_{P}")
        if an and ap:
            add(
                f"Daarnaast ontving CoMensha {dutch.count(an)} anonieme meldingen, tegen {dutch.count(ap)} in {y - 1}. "
                "Of het daarbij om unieke slachtoffers gaat, is niet vast te stellen.",
                an,
                ap,
            )
    elif section == "Verblijfsrechtelijke bescherming":
        a, ap = f("b8_aanvragen_{Y}"), f("b8_aanvragen_{P}")
        if a and ap:
            if a == ap:
                text = f"Een B8-vergunning werd in {y} even vaak aangevraagd als in {y - 1}: {a} keer"
            else:
                text = f"Een B8-vergunning werd in {y} {a} keer aangevraagd, tegen {ap} keer in {y - 1}"
            add(text + " (afgerond op vijftallen).", a, ap, score=2.0)
        b, bp = f("b9_verleend_{Y}"), f("b9_verleend_{P}")
        if b and bp:
            if b == bp:
                add(
                    f"Het aantal verleende B9-vergunningen bleef gelijk: {b} in zowel {y - 1} als {y}.", b, bp
                )
            else:
                add(f"Het aantal verleende B9-vergunningen was {b} in {y}, tegen {bp} in {y - 1}.", b, bp)
    elif section == "Opsporing":
        n, avg = f("onderzoeken_{Y}"), f("onderzoeken_gemiddelde_{Y0}_{Y}")
        if n and avg:
            add(
                f"In {y} startten politie, KMar en NLA samen {n} opsporingsonderzoeken naar mensenhandel; "
                f"gemiddeld waren dat er {avg} per jaar in de periode {per}.",
                n,
                avg,
                score=3.0,
            )
        v = f("verdachten_volwassen_pct_{Y}")
        if v:
            add(
                f"Van de verdachten van wie de leeftijd bekend is, was {v} meerderjarig bij de start van het onderzoek.",
                v,
            )
    elif section == "Vormen van mensenhandel":
        a, b = f("thuis_aandeel_{Y}"), f("escort_aandeel_{Y}")
        if a and b:
            add(
                f"Van de slachtoffers van seksuele uitbuiting werd {a} uitgebuit in de thuisprostitutie en {b} "
                "in de escortprostitutie.",
                a,
                b,
            )
    elif section == "Leeftijd en geslacht":
        v = f("minderjarig_crim_aandeel_{Y}")
        if v and _fraction(v):
            add(
                f"Bij minderjarige slachtoffers gaat ongeveer {_fraction(v)} van de vermelde vormen over criminele "
                "uitbuiting.",
                v,
            )
        m, w = f("crim_man_aandeel_{Y}"), f("crim_vrouw_aandeel_{Y}")
        if m and w:
            add(f"Van de slachtoffers van criminele uitbuiting is {m} man en {w} vrouw.", m, w)
    elif section == "Herkomst":
        nl, eu, af, la = (
            f("nl_aandeel_{Y}"),
            f("europa_aandeel_{Y}"),
            f("afrika_aandeel_{Y}"),
            f("latam_aandeel_{Y}"),
        )
        if nl:
            text = f"In {y} had {nl} van de geregistreerde slachtoffers de Nederlandse nationaliteit."
            nums = [nl]
            if eu and af and la:
                text += (
                    f" Van de anderen kwam een groot deel uit een ander Europees land ({eu} van alle slachtoffers), "
                    f"uit Afrika ({af}) of uit Latijns-Amerika ({la})."
                )
                nums += [eu, af, la]
            add(text, *nums, score=3.0)
        n = f("top10_nieuw_{Y}")
        if n is not None:
            if n == "0":
                add(f"De tien meest voorkomende nationaliteiten zijn dezelfde als in {y - 1}.", n)
            elif n.isdigit():
                word = {
                    "1": "één nieuwe nationaliteit",
                    "2": "twee nieuwe nationaliteiten",
                    "3": "drie nieuwe nationaliteiten",
                    "4": "vier nieuwe nationaliteiten",
                }
                add(
                    f"Ten opzichte van {y - 1} staan er {word.get(n, n + ' nieuwe nationaliteiten')} in de top tien.",
                    n,
                )
            else:
                add(
                    f"Ten opzichte van {y - 1} staan er enkele ({n}) nieuwe nationaliteiten in de top tien.",
                    n,
                )
    elif section == "Vervolging":
        v = f("om_dagvaarding_pct_{Y}")
        if v:
            add(
                f"In {y} dagvaardde het OM in {v} van de inhoudelijk afgehandelde zaken voor mensenhandel.",
                v,
                score=2.0,
            )
        s_, a, c = (
            f("om_seks_aandeel_{Y0}_{Y}"),
            f("om_arbeid_aandeel_{Y0}_{Y}"),
            f("om_crim_aandeel_{Y0}_{Y}"),
        )
        if s_ and a and c:
            add(
                f"Over {per} ging {s_} van de ingeschreven zaken in ieder geval over seksuele uitbuiting, {a} over "
                f"arbeidsuitbuiting en {c} over criminele of overige uitbuiting.",
                s_,
                a,
                c,
            )
    elif section == "Berechting in eerste aanleg":
        v = f("veroordeeld_pct_{Y0}_{Y}")
        if v:
            add(
                f"In de periode {per} eindigde {v} van de in eerste aanleg afgedane zaken in een veroordeling voor "
                "in ieder geval mensenhandel.",
                v,
                score=2.0,
            )
    elif section == "Leeftijd en geslacht van in eerste aanleg berechte verdachten":
        m, w = f("berecht_man_pct"), f("berecht_vrouw_pct")
        if m and w:
            add(f"Van de berechte verdachten in {per} was {m} man en {w} vrouw.", m, w, score=2.0)
        g = f("berecht_gem_leeftijd")
        if g:
            add(f"Gemiddeld waren de berechte verdachten {g} jaar oud ten tijde van het (eerste) delict.", g)
    elif section == "Herkomst van in eerste aanleg berechte verdachten":
        nl, eer, ov = f("berecht_nl_pct"), f("berecht_eer_pct"), f("berecht_overig_pct")
        if nl and eer and ov:
            add(
                f"Van de berechte verdachten in {per} is {nl} in Nederland geboren, {eer} in een ander land van de "
                f"EU, de EER of Zwitserland en {ov} elders.",
                nl,
                eer,
                ov,
                score=2.0,
            )
    return out


def top_finding(edition: Edition, fig: PublishedFigure) -> Finding | None:
    """Tabel 1: the first nationalities of the ranking."""
    b = fig.blocks[0]
    col = next((c for c in b.columns if c != "Rang"), None)
    if col is None or len(b.rows) < 2:
        return None
    first, second = b.rows[0], b.rows[1]
    v1, v2 = b.cell(first, col).display, b.cell(second, col).display
    if not v1 or not v2:
        return None
    subj = (
        "slachtoffers met de Nederlandse nationaliteit"
        if first == "Nederland"
        else f"slachtoffers uit {first}"
    )
    text = (
        f"De meeste geregistreerde slachtoffers in {edition.year} waren {subj} ({dutch.count(v1)}), "
        f"gevolgd door slachtoffers uit {second} ({dutch.count(v2)})."
    )
    return Finding(text, (v1, v2), "top", fig.id, 2.0)


def largest_finding(edition: Edition, fig: PublishedFigure) -> tuple[Finding, Series] | None:
    """The largest (known, non-total) series of a figure in the reporting year."""
    cands = []
    for s in year_series(fig, edition.year):
        if EXCLUDED_FROM_NOTABLE.search(s.row):
            continue
        c = s.cell(edition.year)
        n = plain(c.display) if c else None
        if n is not None:
            cands.append((n, s))
    if len(cands) < 2:
        return None
    n, s = max(cands, key=lambda t: t[0])
    if sum(1 for m, _ in cands if m == n) > 1:
        return None
    c = s.cell(edition.year)
    assert c is not None
    from jaarcijfers.figures.catalogue import lower_label

    template = RANK_TEMPLATE.get(fig.id, "In {Y} vormden de {subj} de grootste groep ({n}).")
    text = template.format(
        Y=edition.year,
        R=s.row,
        r=lower_label(s.row),
        subj=subject(fig.id, s.row),
        n=dutch.count(c.display),
        by=MELDER_BY.get(s.row, lower_label(s.row)),
    )
    return Finding(text, (c.display,), "rank", fig.id, 1.5), s


# --- the stories -------------------------------------------------------------------------------------
def section_figures(edition: Edition, section: str) -> list[PublishedFigure]:
    """The figures of a section that have data (a figure without data has nothing to tell)."""
    return [f for f in edition.figures if f.section == section and not f.no_data]


def _single_series(edition: Edition, figs: list[PublishedFigure]) -> Series | None:
    """The section's lead series: declared in LEAD_SERIES, else the first figure with one count row
    (Figuur 1, 15) or a 'Totaal' row."""
    if figs and figs[0].section in LEAD_SERIES:
        fid, part, row = LEAD_SERIES[figs[0].section]
        for fig in figs:
            for s in year_series(fig, edition.year):
                if (fig.id, s.part, s.row) == (fid, part, row):
                    return s
        return None
    for fig in figs:
        ss = year_series(fig, edition.year)
        if len(ss) == 1 and len(fig.blocks) == 1:
            return ss[0]
        for s in ss:
            if s.row == "Totaal" or s.row.startswith("Totaal aantal"):
                return s
    return None


def section_story(edition: Edition, section: str) -> Story | None:
    figs = section_figures(edition, section)
    if not figs:
        return None
    y = edition.year
    chosen: list[Finding] = []
    headline: str | None = None
    total = _single_series(edition, figs)
    if total is not None:
        f = change_sentence(edition, total, with_level=True)
        if f is not None:
            chosen.append(f)
            headline = headline_for(edition, f, total)
    notable: list[tuple[Finding, Series]] = []
    for fig in figs:
        per_fig = []
        for s in year_series(fig, y):
            if total is not None and s.row == total.row and s.fig.id == total.fig.id:
                continue
            if is_notable(s, y):
                f = change_sentence(edition, s)
                if f is not None:
                    per_fig.append((f, s))
        per_fig.sort(key=lambda t: (-t[0].score, t[1].row))
        notable += per_fig[:MAX_NOTABLE_PER_FIGURE]
    notable.sort(key=lambda t: (-t[0].score, t[1].fig.id, t[1].row))
    notable = notable[:MAX_NOTABLE_PER_SECTION]
    if total is None:
        for fig in figs:
            if fig.id == "T1":
                t = top_finding(edition, fig)
                if t is not None:
                    chosen.append(t)
                break
        else:
            lf = None if figs[0].rounded else largest_finding(edition, figs[0])
            if lf is not None:
                chosen.append(lf[0])
    if headline is None and notable:
        headline = headline_for(edition, notable[0][0], notable[0][1])
    shares = share_findings(edition, section)
    chosen += [f for f in shares if f.score >= 3.0]
    chosen += [f for f, _ in notable]
    chosen += [f for f in shares if f.score < 3.0]
    if len(chosen) < 2:
        # a quiet section: tell the largest series' change, whatever its size
        for fig in figs:
            for s in year_series(fig, y):
                if EXCLUDED_FROM_NOTABLE.search(s.row) or (
                    total is not None and (s.fig.id, s.row) == (total.fig.id, total.row)
                ):
                    continue
                if any(f.text.startswith(f"Het aantal {subject(fig.id, s.row)} ") for f in chosen):
                    continue
                f = change_sentence(edition, s)
                if f is not None:
                    chosen.append(f)
                    if headline is None:
                        headline = headline_for(edition, f, s)
                if len(chosen) >= 2:
                    break
            if len(chosen) >= 2:
                break
    if headline is None:
        headline = f"{section}: de cijfers over {y}"
    return Story(section, edition.chapter_of(section), headline, tuple(chosen[:MAX_SENTENCES]))


def stories(edition: Edition) -> dict[str, Story]:
    """Per section of the publication (in publication order): its headline and findings."""
    out: dict[str, Story] = {}
    for section in edition.sections:
        st = section_story(edition, section.title)
        if st is not None:
            out[section.title] = st
    return out


def findings(edition: Edition) -> dict[str, list[Finding]]:
    """Per section the findings (sentences with the published numbers they use), for every renderer."""
    return {k: list(v.findings) for k, v in stories(edition).items()}


def notable(edition: Edition, limit: int = 8) -> list[tuple[str, Finding]]:
    """The notable changes over all sections, strongest first: the Reflectie chapter without reflection."""
    out = []
    for section, st in stories(edition).items():
        for f in st.findings:
            if f.kind == "change":
                out.append((section, f))
    out.sort(key=lambda t: -t[1].score)
    return out[:limit]


def lead(edition: Edition) -> Finding | None:
    """The year's registered victims and their change (Figuur 1): the lead of the press summary."""
    try:
        fig = edition.figure("1")
    except KeyError:
        return None
    ss = year_series(fig, edition.year)
    return change_sentence(edition, ss[0], with_level=True) if ss else None
