"""The revisions of an edition as every output shows them (docs/editions.md), shared by the site, the PDF,
the workbook and the open data: the rows of the revisions table, the short revision policy for the
Toelichting, and the sentences about the comparison. Reads the `Edition` only.
"""

from __future__ import annotations

from dataclasses import dataclass

from jaarcijfers.edition.model import Edition, Revision
from jaarcijfers.language import N_, NL, Language

TITLE = N_("Herzieningen")

POLICY = N_(
    "Elke editie toont naast het verslagjaar de vier jaren ervoor. Die jaren worden elk jaar opnieuw "
    "berekend uit de nieuwste aanlevering van elke organisatie, met de rekenregels en het beleid voor "
    "onthullingscontrole van de nieuwe editie. Cijfers over eerdere jaren kunnen daardoor afwijken van de "
    "vorige editie: registraties die later zijn binnengekomen, zaken die later zijn afgedaan of gecodeerd, "
    "correcties door een aanleverende organisatie, een gewijzigde rekenregel of een ander beleid voor "
    "onthullingscontrole. Zulke herzieningen worden niet apart aangekondigd: elke editie vermeldt ze hier, "
    "in het werkboek en in de open data, per cel met de oude en de nieuwe waarde en, waar bekend, de reden. "
    "De cijfers in de nieuwste editie gelden. Een fout in een gepubliceerde editie wordt hersteld in een "
    "nieuwe versie van die editie, met een vermelding van wat is gewijzigd."
)
"""The short revision policy of the Toelichting (the full policy: docs/editions.md)."""

HEADERS = (
    N_("Figuur"),
    N_("Deel"),
    N_("Rij"),
    N_("Jaar"),
    N_("Vorige editie"),
    N_("Deze editie"),
    N_("Verschil"),
    N_("Reden"),
)


@dataclass(frozen=True)
class RevisionRow:
    figure: str  # "Figuur 1"
    part: str
    row: str
    year: str
    previous: str  # as published ("niet getoond" for a cell the edition did not show)
    new: str
    difference: str  # "+22", "-3", "" (a symbol or an empty cell)
    reasons: str  # Dutch, "; "-separated
    difference_value: int | None = None


NOT_SHOWN = N_("niet getoond")

PARTS = {"jaar": N_("jaar"), "vorm": N_("vorm")}
"""The parts of a figure with two (`jaar`: per year, `vorm`: per form), as a reader sees them in the
revisions table; the open data keeps the code (`tabeldeel`, `table_part`)."""


def part(code: str, lang: Language = NL) -> str:
    """A figure's part as the revisions table names it in the language (the code itself in Dutch)."""
    return lang.gettext(PARTS[code]) if code in PARTS else code


def signed(n: int, lang: Language = NL) -> str:
    return f"+{lang.count(str(n))}" if n > 0 else lang.count(str(n)) if n < 0 else "0"


def rows(edition: Edition, lang: Language = NL) -> list[RevisionRow]:
    """The revisions table, in publication order."""
    if edition.revisions is None:
        return []
    names = {f.id: f.name for f in edition.figures}
    return [row(r, names.get(r.figure, r.figure), lang) for r in edition.revisions.revisions]


def row(r: Revision, figure_name: str, lang: Language = NL) -> RevisionRow:
    not_shown = lang.gettext(NOT_SHOWN)
    return RevisionRow(
        figure=figure_name,
        part=part(r.part, lang),
        row=r.row,
        year=r.column,
        previous=r.previous or not_shown,
        new=r.new or not_shown,
        difference="" if r.difference is None else signed(r.difference, lang),
        reasons="; ".join(lang.text("revision.reason", str(x)) for x in r.reasons),
        difference_value=r.difference,
    )


def summary(edition: Edition, lang: Language = NL) -> str:
    """One sentence: what this edition was compared with and how many cells were revised."""
    _ = lang.gettext
    rev = edition.revisions
    if rev is None:
        return _(
            "Deze editie is niet vergeleken met een vorige editie: er is geen editie {year} "
            "vastgelegd in het register van gepubliceerde edities."
        ).format(year=edition.year - 1)
    what = _("de editie {year}").format(year=rev.previous_year)
    if rev.previous_imported:
        what += _(" (ingelezen uit de gepubliceerde cijfers)")
    n, total = len(rev.revisions), rev.compared
    if n == 0:
        return _(
            "Alle {total} cijfers over eerdere jaren die deze editie met {what} gemeen heeft, zijn gelijk gebleven."
        ).format(total=lang.count(str(total)), what=what)
    text = (
        _(
            "Van de {total} cijfers over eerdere jaren die deze editie met {what} gemeen heeft, is er {n} herzien."
        )
        if n == 1
        else _(
            "Van de {total} cijfers over eerdere jaren die deze editie met {what} gemeen heeft, zijn er {n} herzien."
        )
    )
    return text.format(total=lang.count(str(total)), what=what, n=lang.count(str(n)))


def turns(edition: Edition, lang: Language = NL) -> list[str]:
    """Sentences about the revisions that change a finding of the previous edition: a change into its
    reporting year that turned (an increase that is now a decrease, or the other way round)."""
    _ = lang.gettext
    rev = edition.revisions
    if rev is None:
        return []
    names = {f.id: f.name for f in edition.figures}
    words = {"toename": _("een toename"), "afname": _("een afname"), "gelijk": _("geen verandering")}
    out = []
    for figure, code, label, old, new in rev.series_turns(edition):
        where = f"{names.get(figure, figure)}{f' ({part(code, lang)})' if code else ''}, {label}"
        out.append(
            _(
                "{where}: van {before} naar {year} was in de vorige editie {old} te zien, na herziening {new}."
            ).format(
                where=where,
                before=rev.previous_year - 1,
                year=rev.previous_year,
                old=words[old],
                new=words[new],
            )
        )
    return out
