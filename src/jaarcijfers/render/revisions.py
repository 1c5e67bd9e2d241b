"""The revisions of an edition as every output shows them (docs/editions.md), shared by the site, the PDF,
the workbook and the open data: the rows of the revisions table, the short revision policy for the
Toelichting, and the sentences about the comparison. Reads the `Edition` only.
"""

from __future__ import annotations

from dataclasses import dataclass

from jaarcijfers import dutch
from jaarcijfers.edition.model import Edition, Revision

TITLE = "Herzieningen"

POLICY = (
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

HEADERS = ("Figuur", "Deel", "Rij", "Jaar", "Vorige editie", "Deze editie", "Verschil", "Reden")


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


NOT_SHOWN = "niet getoond"


def signed(n: int) -> str:
    return f"+{dutch.count(str(n))}" if n > 0 else dutch.count(str(n)) if n < 0 else "0"


def rows(edition: Edition) -> list[RevisionRow]:
    """The revisions table, in publication order."""
    if edition.revisions is None:
        return []
    names = {f.id: f.name for f in edition.figures}
    return [row(r, names.get(r.figure, r.figure)) for r in edition.revisions.revisions]


def row(r: Revision, figure_name: str) -> RevisionRow:
    return RevisionRow(
        figure=figure_name,
        part=r.part,
        row=r.row,
        year=r.column,
        previous=r.previous or NOT_SHOWN,
        new=r.new or NOT_SHOWN,
        difference="" if r.difference is None else signed(r.difference),
        reasons="; ".join(str(x) for x in r.reasons),
        difference_value=r.difference,
    )


def summary(edition: Edition) -> str:
    """One sentence: what this edition was compared with and how many cells were revised."""
    rev = edition.revisions
    if rev is None:
        return (
            f"Deze editie is niet vergeleken met een vorige editie: er is geen editie {edition.year - 1} "
            "vastgelegd in het register van gepubliceerde edities."
        )
    what = f"de editie {rev.previous_year}"
    if rev.previous_imported:
        what += " (ingelezen uit de gepubliceerde cijfers)"
    n, total = len(rev.revisions), rev.compared
    if n == 0:
        return (
            f"Alle {dutch.count(str(total))} cijfers over eerdere jaren die deze editie met {what} gemeen heeft, "
            "zijn gelijk gebleven."
        )
    return (
        f"Van de {dutch.count(str(total))} cijfers over eerdere jaren die deze editie met {what} gemeen heeft, "
        f"{'is' if n == 1 else 'zijn'} er {dutch.count(str(n))} herzien."
    )


def turns(edition: Edition) -> list[str]:
    """Sentences about the revisions that change a finding of the previous edition: a change into its
    reporting year that turned (an increase that is now a decrease, or the other way round)."""
    rev = edition.revisions
    if rev is None:
        return []
    names = {f.id: f.name for f in edition.figures}
    words = {"toename": "een toename", "afname": "een afname", "gelijk": "geen verandering"}
    out = []
    for figure, part, label, old, new in rev.series_turns(edition):
        where = f"{names.get(figure, figure)}{f' ({part})' if part else ''}, {label}"
        out.append(
            f"{where}: van {rev.previous_year - 1} naar {rev.previous_year} was in de vorige editie "
            f"{words[old]} te zien, na herziening {words[new]}."
        )
    return out
