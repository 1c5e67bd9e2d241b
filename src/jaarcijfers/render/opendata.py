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
from jaarcijfers.render import Output

COLUMNS = ("figuur", "tabeldeel", "rij", "rij_code", "kolom", "kolom_code", "maat", "waarde", "status")
MEASURES = ("aantal", "percentage", "gemiddelde", "rang")


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


def rows(fig: PublishedFigure) -> list[dict[str, Any]]:
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
                "status": NO_DATA,
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
                        "maat": measure(b, c),
                        "waarde": value,
                        "status": "" if value is not None else symbol_text(c.display or "(leeg)"),
                    }
                )
    return out


def figure_csv(fig: PublishedFigure) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in rows(fig):
        w.writerow(["" if r[c] is None else r[c] for c in COLUMNS])
    return buf.getvalue()


def schema(fig: PublishedFigure, edition: Edition) -> dict[str, Any]:
    """The Frictionless Table Schema of a figure's CSV."""
    values = [r["waarde"] for r in rows(fig) if r["waarde"] is not None]
    statuses = sorted({r["status"] for r in rows(fig) if r["status"]})
    return {
        "fields": [
            {"name": "figuur", "type": "string", "title": "Figuur of tabel"},
            {
                "name": "tabeldeel",
                "type": "string",
                "title": "Deel van de figuur",
                "description": "jaar: per jaar; vorm: per vorm van mensenhandel; leeg bij een figuur met één tabel",
            },
            {"name": "rij", "type": "string", "title": "Rij (zoals gepubliceerd)"},
            {
                "name": "rij_code",
                "type": "string",
                "title": "Code van de rij",
                "description": "de code(s) uit de codelijsten van het gegevenscontract die de rij telt, met + "
                "ertussen (een totaal); leeg voor een rij uit de gegevens",
            },
            {"name": "kolom", "type": "string", "title": "Kolom (zoals gepubliceerd)"},
            {
                "name": "kolom_code",
                "type": "string",
                "title": "Code van de kolom",
                "description": "het jaar, of de code(s) uit de codelijsten die de kolom telt",
            },
            {
                "name": "maat",
                "type": "string",
                "title": "Maat",
                "constraints": {"enum": list(MEASURES)},
            },
            {
                "name": "waarde",
                "type": "integer" if all(isinstance(v, int) for v in values) else "number",
                "title": "Waarde",
                "description": "het gepubliceerde getal, na onthullingscontrole (een percentage als 52 voor 52%); "
                "leeg als de cel geen getal is (zie status)"
                + ("; afgerond op vijftallen door de bron" if fig.rounded else ""),
            },
            {
                "name": "status",
                "type": "string",
                "title": "Teken",
                "description": "het teken van een cel die geen getal is (zie symbolen); leeg als er een waarde is",
                "constraints": {"enum": statuses} if statuses else {"maxLength": 0},
            },
        ],
        "missingValues": [""],
    }


def figure_description(fig: PublishedFigure, edition: Edition) -> dict[str, Any]:
    name = f"figuur-{fig.id.lower()}"
    return {
        "profile": "tabular-data-resource",
        "name": name,
        "path": f"{name}.csv",
        "title": f"{fig.name}. {fig.title}",
        "description": fig.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\n"},
        "bron": fig.source,
        "eenheid": fig.unit,
        "noten": list(fig.notes),
        "afgerond_op_vijftallen": fig.rounded,
        "jaren": list(fig.years),
        "schema": schema(fig, edition),
    }


def package(edition: Edition, resources: list[dict[str, Any]]) -> dict[str, Any]:
    from jaarcijfers.render import publication
    from jaarcijfers.render.site import SOURCE_NAMES

    f = publication.files(edition)
    sources = list(dict.fromkeys(fig.source_id for fig in edition.figures))
    return {
        "profile": "tabular-data-package",
        "name": f"jaarcijfers-mensenhandel-{edition.year}",
        "title": f"Jaarcijfers Mensenhandel {edition.year}",
        "description": f"Alle tabellen van de Jaarcijfers Mensenhandel {edition.year}, na onthullingscontrole, "
        "één CSV-bestand per figuur.",
        "created": f"{edition.published_on.isoformat()}T00:00:00Z",
        "language": "nl",
        "homepage": publication.WEBSITE,
        "keywords": ["mensenhandel", "jaarcijfers", "statistiek"],
        "licenses": [
            {
                "name": publication.LICENCE.name,
                "title": publication.LICENCE.title,
                "path": publication.LICENCE.path,
            }
        ],
        "contributors": [{"title": publication.PUBLISHER, "role": "publisher", "path": publication.WEBSITE}],
        "sources": [{"title": SOURCE_NAMES.get(s, s)} for s in sources],
        "bronvermelding": publication.citation(edition),
        "publicatie": {  # the other outputs, relative to this file
            "rapport": f"../{f.site}",
            "pdf": f"../{f.pdf}",
            "werkboek": f"../{f.workbook}",
            "persbericht": f"../{f.press}",
        },
        "onthullingscontrole": edition.disclosure.policy,
        "symbolen": [{"teken": t, "betekenis": m} for t, m in publication.symbols(edition)],
        "resources": resources,
    }


def write_open_data(edition: Edition, out: Path) -> list[str]:
    from jaarcijfers.render import publication

    folder = out / publication.files(edition).open_data
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for fig in edition.figures:
        desc = figure_description(fig, edition)
        (folder / desc["path"]).write_text(figure_csv(fig), encoding="utf-8", newline="\n")
        (folder / f"{desc['name']}.json").write_text(
            json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        resources.append(desc)
    revisions = write_revisions(edition, folder)
    if revisions is not None:
        resources.append(revisions)
    (folder / "datapackage.json").write_text(
        json.dumps(package(edition, resources), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return [f"{publication.files(edition).open_data}/"]


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


def write_revisions(edition: Edition, folder: Path) -> dict | None:
    """`herzieningen.csv` and its description, when the edition was compared with the edition before."""
    from jaarcijfers.render.revisions import summary

    rev = edition.revisions
    if rev is None:
        return None
    (folder / f"{REVISIONS}.csv").write_text(revisions_csv(edition), encoding="utf-8", newline="\n")
    desc = {
        "name": REVISIONS,
        "path": f"{REVISIONS}.csv",
        "title": f"Herzieningen ten opzichte van de editie {rev.previous_year}",
        "description": summary(edition),
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
