"""The publication as one set, shared by every renderer: who publishes it, the names of its files and the
links between them, its licence, its colophon, and how a cell that is not a number is shown.

Every output names the others with the file names of `files()` and links to them relatively, so the
folder works offline and when moved (docs/publication.md, "The publication as one set").
"""

from __future__ import annotations

from dataclasses import dataclass

from jaarcijfers.edition.model import Edition
from jaarcijfers.language import N_, NL, Language
from jaarcijfers.sdc.policy import BLANK
from jaarcijfers.story.checker import CLAIMS_FILE

PUBLISHER = N_("Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen")
PUBLISHER_LINES = (N_("Nationaal Rapporteur Mensenhandel"), N_("en Seksueel Geweld tegen Kinderen"))
PLACE = N_("Den Haag")
CONTACT = (
    PUBLISHER,
    N_("Postbus 20301, 2500 EH Den Haag"),
    N_("Telefoon: 070-3704514"),
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
    N_("Creative Commons Naamsvermelding 4.0 Internationaal (CC BY 4.0)"),
    "https://creativecommons.org/licenses/by/4.0/deed.nl",
)
"""The tables and open data of every edition: free to re-use with the source named (docs/publication.md)."""


def licence_text(edition: Edition, lang: Language = NL) -> str:
    _ = lang.gettext
    return _(
        "De cijfers, tabellen en open data van deze publicatie mogen vrij worden hergebruikt onder de licentie "
        "{licence}, met vermelding van de bron: {citation}."
    ).format(licence=_(LICENCE.title), citation=citation(edition, lang))


def citation(edition: Edition, lang: Language = NL) -> str:
    _ = lang.gettext
    return f"{_(PUBLISHER)}, {title(edition, lang)} ({lang.date(edition.published_on)})"


def title(edition: Edition, lang: Language = NL) -> str:
    """The publication's title: 'Jaarcijfers Mensenhandel 2024'."""
    return lang.gettext("Jaarcijfers Mensenhandel {year}").format(year=edition.year)


@dataclass(frozen=True)
class Files:
    """The file names of one edition's outputs, relative to the edition's folder."""

    site: str
    pdf: str
    workbook: str
    press: str
    open_data: str  # the folder
    datapackage: str  # the open data's description, from the edition's folder
    claims: str  # every sentence of the text with its claims (docs/narrative.md, "Claims and the checker")


def files(edition: Edition, lang: Language = NL) -> Files:
    """The file names of an edition in a language, in its folder (`folder`)."""
    y = edition.year
    if lang.source:
        return Files(
            "index.html",
            f"jaarcijfers-{y}.pdf",
            f"jaarcijfers-{y}.xlsx",
            "persbericht.html",
            "open-data",
            "open-data/datapackage.json",
            CLAIMS_FILE,
        )
    return Files(
        "index.html",
        f"human-trafficking-figures-{y}.pdf",
        f"human-trafficking-figures-{y}.xlsx",
        "press-release.html",
        "open-data",
        "open-data/datapackage.json",
        "findings.json",
    )


def folder(lang: Language) -> str:
    """Where an edition in a language is written, relative to the build's folder: the Dutch edition in the
    folder itself (as always), another language in a sub-folder named by its code (`en/`)."""
    return "" if lang.source else lang.code.value


def link(lang: Language, to: Language) -> str:
    """The relative path from the folder of the edition in `lang` to the folder of the edition in `to`."""
    here, there = folder(lang), folder(to)
    if here == there:
        return ""
    up = "../" if here else ""
    return up + (there + "/" if there else "")


LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
"""Each language named in itself, for the language switch."""


def alternates(edition: Edition, lang: Language, others: tuple[Language, ...], output: str) -> str:
    """`<link rel="alternate" hreflang>` of the same page in the other languages (none without others)."""
    if not others:
        return ""
    out = []
    for other in (lang, *others):
        href = link(lang, other) + getattr(files(edition, other), output)
        out.append(f'\n<link rel="alternate" hreflang="{other.code.value}" href="{href}">')
    return "".join(out)


def switch(edition: Edition, lang: Language, others: tuple[Language, ...], output: str) -> str:
    """The language switch: a link to the same page in each other language, named in that language."""
    if not others:
        return ""
    links = " ".join(
        f'<a href="{link(lang, o) + getattr(files(edition, o), output)}" hreflang="{o.code.value}" '
        f'lang="{o.code.value}">{LANGUAGE_NAMES[o.code.value]}</a>'
        for o in others
    )
    return f'\n    <p class="taalkeuze">{links}</p>'


def glossary(lang: Language) -> list[tuple[str, str]]:
    """The terms of the field as the edition's language uses them, with their meaning (docs/language.md):
    the glossary the site shows. None for Dutch (the report's own language)."""
    if lang.source:
        return []
    from jaarcijfers.language import glossary as terms

    return [(t.term, t.meaning) for t in terms(lang)]


@dataclass(frozen=True)
class Download:
    href: str  # relative to the edition's folder
    title: str  # Dutch
    description: str  # Dutch


def downloads(edition: Edition, lang: Language = NL) -> list[Download]:
    """The other outputs of the edition, as the site lists them."""
    _ = lang.gettext
    f = files(edition, lang)
    return [
        Download(
            f.pdf, _("Rapport (PDF)"), _("het hele rapport om te printen, met alle figuren en tabellen")
        ),
        Download(
            f.workbook, _("Tabellen (Excel-werkboek)"), _("alle tabellen, één per tabblad, met toelichting")
        ),
        Download(
            f.datapackage,
            _("Open data (CSV en beschrijving)"),
            _(
                "elke tabel als CSV-bestand met een beschrijving in datapackage.json; licentie {licence}"
            ).format(licence=LICENCE.name.replace("-", " ")),
        ),
        Download(f.press, _("Persbericht"), _("de belangrijkste cijfers op één pagina")),
    ]


def software(edition: Edition, lang: Language = NL) -> str:
    _ = lang.gettext
    p = edition.provenance
    name = "jaarcijfers" if p.software is None else p.software
    text = f"{name} {p.software_version}" if p.software_version else ""
    extra = [
        _("rekenregels {version}").format(version=p.rules_version) if p.rules_version else "",
        _("gegevenscontract {version}").format(version=p.contract_version) if p.contract_version else "",
    ]
    extra = [e for e in extra if e]
    if not text:
        return ""
    return text + (f" ({', '.join(extra)})" if extra else "")


def colophon(edition: Edition, sources: list[str], lang: Language = NL) -> list[tuple[str, str]]:
    """The colophon of the site and the PDF: (label, text) lines in the edition's language. `sources`: the
    sources' names."""
    _ = lang.gettext
    out = [
        (_("Titel"), title(edition, lang)),
        (_("Uitgave"), f"{_(PUBLISHER)}, {_(PLACE)}"),
        (_("Publicatiedatum"), lang.date(edition.published_on)),
        (_("Bronnen"), "; ".join(sources)),
        (_("Licentie"), licence_text(edition, lang)),
        (_("Contact"), ", ".join(_(c) for c in CONTACT[1:]) + f", {WEBSITE_TEXT}"),
    ]
    made = software(edition, lang)
    if made:
        out.insert(3, (_("Gemaakt met"), made))
    return out


# --- cells that are not numbers ------------------------------------------------------------------
BLANK_MARK = "."
"""How every output shows a cell the publication leaves blank (Statistics Netherlands' sign for "figure
unknown, insufficiently reliable or confidential"): a symbol with a note, never an empty cell."""


def shown(display: str, lang: Language = NL) -> str:
    """A published cell as a reader sees it in a table: thousands separated (a dot in Dutch), a blank as
    `BLANK_MARK`."""
    return BLANK_MARK if display == "" else lang.count(display)


def symbol_text(symbol: str) -> str:
    """The symbol as the tables show it (the policy's `(leeg)` is the blank cell's mark)."""
    return BLANK_MARK if symbol == BLANK.text else symbol


def symbols(edition: Edition) -> list[tuple[str, str]]:
    """(symbol as shown, meaning) of every symbol the edition may show, in the policy's order."""
    return [(symbol_text(s.text), s.meaning) for s in edition.disclosure.symbols]
