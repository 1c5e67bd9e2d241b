"""The publication as one set, shared by every renderer: who publishes it, the names of its files and the
links between them, its licence, its colophon, and how a cell that is not a number is shown.

Every output names the others with the file names of `files()` and links to them relatively, so the
folder works offline and when moved (docs/publication.md, "The publication as one set").
"""

from __future__ import annotations

from dataclasses import dataclass

from jaarcijfers import dutch
from jaarcijfers.edition.model import Edition
from jaarcijfers.sdc.policy import BLANK

PUBLISHER = "Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen"
PUBLISHER_LINES = ("Nationaal Rapporteur Mensenhandel", "en Seksueel Geweld tegen Kinderen")
PLACE = "Den Haag"
CONTACT = (
    PUBLISHER,
    "Postbus 20301, 2500 EH Den Haag",
    "Telefoon: 070-3704514",
)
WEBSITE = "https://www.nationaalrapporteur.nl"
WEBSITE_TEXT = "www.nationaalrapporteur.nl"


@dataclass(frozen=True)
class Licence:
    name: str  # SPDX identifier
    title: str  # Dutch
    path: str


LICENCE = Licence(
    "CC-BY-4.0",
    "Creative Commons Naamsvermelding 4.0 Internationaal (CC BY 4.0)",
    "https://creativecommons.org/licenses/by/4.0/deed.nl",
)
"""The tables and open data of every edition: free to re-use with the source named (docs/publication.md)."""


def licence_text(edition: Edition) -> str:
    return (
        f"De cijfers, tabellen en open data van deze publicatie mogen vrij worden hergebruikt onder de licentie "
        f"{LICENCE.title}, met vermelding van de bron: {citation(edition)}."
    )


def citation(edition: Edition) -> str:
    return f"{PUBLISHER}, Jaarcijfers Mensenhandel {edition.year} ({dutch.date(edition.published_on)})"


@dataclass(frozen=True)
class Files:
    """The file names of one edition's outputs, relative to the edition's folder."""

    site: str
    pdf: str
    workbook: str
    press: str
    open_data: str  # the folder
    datapackage: str  # the open data's description, from the edition's folder


def files(edition: Edition) -> Files:
    y = edition.year
    return Files(
        "index.html",
        f"jaarcijfers-{y}.pdf",
        f"jaarcijfers-{y}.xlsx",
        "persbericht.html",
        "open-data",
        "open-data/datapackage.json",
    )


@dataclass(frozen=True)
class Download:
    href: str  # relative to the edition's folder
    title: str  # Dutch
    description: str  # Dutch


def downloads(edition: Edition) -> list[Download]:
    """The other outputs of the edition, as the site lists them."""
    f = files(edition)
    return [
        Download(f.pdf, "Rapport (PDF)", "het hele rapport om te printen, met alle figuren en tabellen"),
        Download(f.workbook, "Tabellen (Excel-werkboek)", "alle tabellen, één per tabblad, met toelichting"),
        Download(
            f.datapackage,
            "Open data (CSV en beschrijving)",
            f"elke tabel als CSV-bestand met een beschrijving in datapackage.json; licentie {LICENCE.name.replace('-', ' ')}",
        ),
        Download(f.press, "Persbericht", "de belangrijkste cijfers op één pagina"),
    ]


def software(edition: Edition) -> str:
    p = edition.provenance
    text = f"{p.get('software', 'jaarcijfers')} {p['software_version']}" if p.get("software_version") else ""
    extra = [
        f"rekenregels {p['rules_version']}" if p.get("rules_version") else "",
        f"gegevenscontract {p['contract_version']}" if p.get("contract_version") else "",
    ]
    extra = [e for e in extra if e]
    if not text:
        return ""
    return text + (f" ({', '.join(extra)})" if extra else "")


def colophon(edition: Edition, sources: list[str]) -> list[tuple[str, str]]:
    """The colophon of the site and the PDF: (label, text) lines in Dutch. `sources`: the sources' names."""
    out = [
        ("Titel", f"Jaarcijfers Mensenhandel {edition.year}"),
        ("Uitgave", f"{PUBLISHER}, {PLACE}"),
        ("Publicatiedatum", dutch.date(edition.published_on)),
        ("Bronnen", "; ".join(sources)),
        ("Licentie", licence_text(edition)),
        ("Contact", ", ".join(CONTACT[1:]) + f", {WEBSITE_TEXT}"),
    ]
    made = software(edition)
    if made:
        out.insert(3, ("Gemaakt met", made))
    return out


# --- cells that are not numbers ------------------------------------------------------------------
BLANK_MARK = "."
"""How every output shows a cell the publication leaves blank (Statistics Netherlands' sign for "figure
unknown, insufficiently reliable or confidential"): a symbol with a note, never an empty cell."""


def shown(display: str) -> str:
    """A published cell as a reader sees it in a table: thousands with a dot, a blank as `BLANK_MARK`."""
    return BLANK_MARK if display == "" else dutch.count(display)


def symbol_text(symbol: str) -> str:
    """The symbol as the tables show it (the policy's `(leeg)` is the blank cell's mark)."""
    return BLANK_MARK if symbol == BLANK.text else symbol


def symbols(edition: Edition) -> list[tuple[str, str]]:
    """(symbol as shown, meaning) of every symbol the edition may show, in the policy's order."""
    return [(symbol_text(s.text), s.meaning) for s in edition.disclosure.symbols]
