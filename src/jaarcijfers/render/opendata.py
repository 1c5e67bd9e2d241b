"""Open data: one CSV per figure and a Frictionless Data Package (`datapackage.json`) describing them.

Each CSV is one row per published cell (long format), with typed columns a spreadsheet or a script
reads without guessing (docs/publication.md, "Open data"):

| column | content |
|---|---|
| `figuur` | `Figuur 2`, `Tabel 1` |
| `tabeldeel` | the block of a figure with two (`jaar`, `vorm`); empty for a figure with one |
| `rij`, `kolom` | the published labels |
| `rij_code`, `kolom_code` | the codes of the contract's code lists the label counts (`+` between several: a total), or the year; empty for a label taken from the data |
| `maat` | `aantal`, `percentage`, `gemiddelde` or `rang` |
| `waarde` | the published number (a percentage as 52 for 52%), empty when the cell is not a number |
| `status` | the symbol of a cell that is not a number (`<5`, `<10`, `x`, `.`), empty otherwise |

`datapackage.json` (profile `tabular-data-package`) holds the licence (CC BY 4.0), the publication date
(`created`), the publisher, the sources, the symbols with their meanings, the other outputs of the
edition (relative links) and per resource its Table Schema (types, `missingValues`). A `.json` beside
each CSV holds that resource's description on its own.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from jaarcijfers.edition.model import NO_DATA, Edition, PublishedBlock, PublishedCell, PublishedFigure
from jaarcijfers.figures.model import CellKind
from jaarcijfers.figures.spec import Role
from jaarcijfers.language import NL, Language
from jaarcijfers.render import Output

COLUMNS = ("figuur", "tabeldeel", "rij", "rij_code", "kolom", "kolom_code", "maat", "waarde", "status")
MEASURES = ("aantal", "percentage", "gemiddelde", "rang")

NAMES = {
    "en": {
        "figuur": "figure",
        "tabeldeel": "table_part",
        "rij": "row",
        "rij_code": "row_code",
        "kolom": "column",
        "kolom_code": "column_code",
        "maat": "measure",
        "waarde": "value",
        "status": "status",
        "aantal": "count",
        "percentage": "percentage",
        "gemiddelde": "mean",
        "rang": "rank",
    }
}
"""The column names and the measures of the open data in another language than Dutch (identifiers, not
prose: the codes and the values are the same in every language, docs/language.md)."""


def name(word: str, lang: Language = NL) -> str:
    """A column name or a measure of the open data in the edition's language."""
    return NAMES.get(lang.code.value, {}).get(word, word)


def measure(block: PublishedBlock, cell: PublishedCell) -> str:
    """What the number of a cell is: `aantal`, `percentage`, `gemiddelde` or `rang`."""
    if cell.kind == CellKind.PERCENT:
        return "percentage"
    if cell.kind == CellKind.MEAN:
        return "gemiddelde"
    if cell.kind == CellKind.RANK:
        return "rang"
    roles = {block.meaning(cell.row).role, block.meaning(cell.column).role}
    if Role.MEAN in roles:
        return "gemiddelde"
    if Role.SHARE in roles:
        return "percentage"
    if Role.RANK in roles:
        return "rang"
    return "aantal"


def number(display: str) -> int | float | None:
    """The number a published string stands for (52% -> 52), None for a symbol or a blank."""
    text = display.strip().removesuffix("%").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in text else value


def code(block: PublishedBlock, label: str) -> str:
    meaning = block.meaning(label)
    if meaning.codes:
        return "+".join(meaning.codes)
    return label if label.isdigit() and len(label) == 4 else ""


def rows(fig: PublishedFigure, lang: Language = NL) -> list[dict[str, Any]]:
    from jaarcijfers.render.publication import symbol_text

    if fig.no_data:  # as in figures.csv: one row saying so
        return [
            {
                "figuur": fig.name,
                "tabeldeel": "",
                "rij": "",
                "rij_code": "",
                "kolom": "",
                "kolom_code": "",
                "maat": "",
                "waarde": None,
                "status": lang.gettext(NO_DATA),
            }
        ]
    out = []
    for b in fig.blocks:
        cells = {(c.row, c.column): c for c in b.cells}
        for r in b.rows:
            for col in b.columns:
                c = cells.get((r, col))
                if c is None:
                    continue
                value = number(c.display)
                out.append(
                    {
                        "figuur": fig.name,
                        "tabeldeel": b.part,
                        "rij": r,
                        "rij_code": code(b, r),
                        "kolom": col,
                        "kolom_code": code(b, col),
                        "maat": name(measure(b, c), lang),
                        "waarde": value,
                        "status": "" if value is not None else symbol_text(c.display or "(leeg)"),
                    }
                )
    return out


def figure_csv(fig: PublishedFigure, lang: Language = NL) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([name(c, lang) for c in COLUMNS])
    for r in rows(fig, lang):
        w.writerow(["" if r[c] is None else r[c] for c in COLUMNS])
    return buf.getvalue()


def schema(fig: PublishedFigure, edition: Edition, lang: Language = NL) -> dict[str, Any]:
    """The Frictionless Table Schema of a figure's CSV."""
    _ = lang.gettext
    values = [r["waarde"] for r in rows(fig, lang) if r["waarde"] is not None]
    statuses = sorted({r["status"] for r in rows(fig, lang) if r["status"]})
    return {
        "fields": [
            {"name": name("figuur", lang), "type": "string", "title": _("Figuur of tabel")},
            {
                "name": name("tabeldeel", lang),
                "type": "string",
                "title": _("Deel van de figuur"),
                "description": _(
                    "jaar: per jaar; vorm: per vorm van mensenhandel; leeg bij een figuur met één tabel"
                ),
            },
            {"name": name("rij", lang), "type": "string", "title": _("Rij (zoals gepubliceerd)")},
            {
                "name": name("rij_code", lang),
                "type": "string",
                "title": _("Code van de rij"),
                "description": _(
                    "de code(s) uit de codelijsten van het gegevenscontract die de rij telt, met + "
                    "ertussen (een totaal); leeg voor een rij uit de gegevens"
                ),
            },
            {"name": name("kolom", lang), "type": "string", "title": _("Kolom (zoals gepubliceerd)")},
            {
                "name": name("kolom_code", lang),
                "type": "string",
                "title": _("Code van de kolom"),
                "description": _("het jaar, of de code(s) uit de codelijsten die de kolom telt"),
            },
            {
                "name": name("maat", lang),
                "type": "string",
                "title": _("Maat"),
                "constraints": {"enum": [name(m, lang) for m in MEASURES]},
            },
            {
                "name": name("waarde", lang),
                "type": "integer" if all(isinstance(v, int) for v in values) else "number",
                "title": _("Waarde"),
                "description": _(
                    "het gepubliceerde getal, na onthullingscontrole (een percentage als 52 voor 52%); "
                    "leeg als de cel geen getal is (zie status)"
                )
                + (_("; afgerond op vijftallen door de bron") if fig.rounded else ""),
            },
            {
                "name": name("status", lang),
                "type": "string",
                "title": _("Teken"),
                "description": _(
                    "het teken van een cel die geen getal is (zie symbolen); leeg als er een waarde is"
                ),
                "constraints": {"enum": statuses} if statuses else {"maxLength": 0},
            },
        ],
        "missingValues": [""],
    }


def figure_description(fig: PublishedFigure, edition: Edition, lang: Language = NL) -> dict[str, Any]:
    file = f"figuur-{fig.id.lower()}" if lang.source else f"figure-{fig.id.lower()}"
    keys = KEYS.get(lang.code.value, {})
    return {
        "profile": "tabular-data-resource",
        "name": file,
        "path": f"{file}.csv",
        "title": f"{fig.name}. {fig.title}",
        "description": fig.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\n"},
        keys.get("bron", "bron"): fig.source,
        keys.get("eenheid", "eenheid"): fig.unit,
        keys.get("noten", "noten"): list(fig.notes),
        keys.get("afgerond_op_vijftallen", "afgerond_op_vijftallen"): fig.rounded,
        keys.get("jaren", "jaren"): list(fig.years),
        "schema": schema(fig, edition, lang),
    }


KEYS = {
    "en": {
        "bron": "source",
        "eenheid": "unit",
        "noten": "notes",
        "afgerond_op_vijftallen": "rounded_to_fives",
        "jaren": "years",
        "bronvermelding": "citation",
        "publicatie": "publication",
        "rapport": "report",
        "pdf": "pdf",
        "werkboek": "workbook",
        "persbericht": "press_release",
        "onthullingscontrole": "disclosure_control",
        "symbolen": "symbols",
        "teken": "symbol",
        "betekenis": "meaning",
        "vertalingen": "translations",
    }
}
"""The project's own keys of the data package in another language (identifiers, like `NAMES`)."""


def package(edition: Edition, resources: list[dict[str, Any]], lang: Language = NL) -> dict[str, Any]:
    from jaarcijfers.render import publication
    from jaarcijfers.render.site import SOURCE_NAMES

    _ = lang.gettext
    k = KEYS.get(lang.code.value, {})

    def key(word: str) -> str:
        return k.get(word, word)

    f = publication.files(edition, lang)
    sources = list(dict.fromkeys(fig.source_id for fig in edition.figures))
    return {
        "profile": "tabular-data-package",
        "name": f"jaarcijfers-mensenhandel-{edition.year}" + ("" if lang.source else f"-{lang.code.value}"),
        "title": publication.title(edition, lang),
        "description": _(
            "Alle tabellen van de Jaarcijfers Mensenhandel {year}, na onthullingscontrole, één CSV-bestand per figuur."
        ).format(year=edition.year),
        "created": f"{edition.published_on.isoformat()}T00:00:00Z",
        "language": lang.code.value,
        "homepage": publication.WEBSITE,
        "keywords": [_("mensenhandel"), _("jaarcijfers"), _("statistiek")],
        "licenses": [
            {
                "name": publication.LICENCE.name,
                "title": _(publication.LICENCE.title),
                "path": publication.LICENCE.path,
            }
        ],
        "contributors": [
            {"title": _(publication.PUBLISHER), "role": "publisher", "path": publication.WEBSITE}
        ],
        "sources": [{"title": _(SOURCE_NAMES.get(s, s))} for s in sources],
        key("bronvermelding"): publication.citation(edition, lang),
        key("publicatie"): {  # the other outputs, relative to this file
            key("rapport"): f"../{f.site}",
            key("pdf"): f"../{f.pdf}",
            key("werkboek"): f"../{f.workbook}",
            key("persbericht"): f"../{f.press}",
        },
        key("onthullingscontrole"): edition.disclosure.policy,
        key("symbolen"): [{key("teken"): t, key("betekenis"): m} for t, m in publication.symbols(edition)],
        "resources": resources,
    }


def write_open_data(
    edition: Edition, out: Path, lang: Language = NL, others: tuple[Language, ...] = ()
) -> list[str]:
    from jaarcijfers.render import publication

    folder = out / publication.files(edition, lang).open_data
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for fig in edition.figures:
        desc = figure_description(fig, edition, lang)
        (folder / desc["path"]).write_text(figure_csv(fig, lang), encoding="utf-8", newline="\n")
        (folder / f"{desc['name']}.json").write_text(
            json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        resources.append(desc)
    revisions = write_revisions(edition, folder, lang)
    if revisions is not None:
        resources.append(revisions)
    (folder / "datapackage.json").write_text(
        json.dumps(package(edition, resources, lang), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return [f"{publication.files(edition, lang).open_data}/"]


# --- revisions (docs/editions.md) ----------------------------------------------------------------------
REVISIONS = "herzieningen"
REVISION_FIELDS = (
    ("figure", "string", "figuur (id, als in figures.csv)"),
    ("table_part", "string", "deel van de tabel"),
    ("row", "string", "rij"),
    ("column", "string", "jaar"),
    ("previous", "string", "waarde in de vorige editie, zoals gepubliceerd (leeg: niet getoond)"),
    ("new", "string", "waarde in deze editie, zoals gepubliceerd (leeg: niet getoond)"),
    ("difference", "integer", "nieuw min oud als beide een getal zijn (percentages: procentpunten)"),
    ("reason", "string", "reden(en) van de herziening, voor zover bekend"),
)


def revisions_csv(edition: Edition) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([name for name, _, _ in REVISION_FIELDS])
    for r in edition.revisions.revisions if edition.revisions else ():
        reasons = "; ".join(str(x) for x in r.reasons)
        difference = "" if r.difference is None else r.difference
        w.writerow([r.figure, r.part, r.row, r.column, r.previous, r.new, difference, reasons])
    return buf.getvalue()


def write_revisions(edition: Edition, folder: Path, lang: Language = NL) -> dict | None:
    """`herzieningen.csv` and its description, when the edition was compared with the edition before.
    (In another language than Dutch the file keeps its Dutch keys and values: not translated yet.)"""
    from jaarcijfers.render.revisions import summary

    rev = edition.revisions
    if rev is None:
        return None
    (folder / f"{REVISIONS}.csv").write_text(revisions_csv(edition), encoding="utf-8", newline="\n")
    desc = {
        "name": REVISIONS,
        "path": f"{REVISIONS}.csv",
        "title": lang.gettext("Herzieningen ten opzichte van de editie {year}").format(
            year=rev.previous_year
        ),
        "description": summary(edition, lang),
        "vorige_editie": {
            "verslagjaar": rev.previous_year,
            "onthullingscontrole": rev.previous_policy,
            "versie": rev.previous_version,
            "ingelezen": rev.previous_imported,
        },
        "vergeleken_cellen": rev.compared,
        "herziene_cellen": len(rev.revisions),
        "schema": {"fields": [{"name": n, "type": t, "description": d} for n, t, d in REVISION_FIELDS]},
    }
    (folder / f"{REVISIONS}.json").write_text(
        json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return desc


OUTPUT = Output("open data", write_open_data, order=10)
