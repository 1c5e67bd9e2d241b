"""Open data: one CSV per figure and a JSON description of each (Frictionless-style resources)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from jaarcijfers.edition.model import Edition, PublishedFigure
from jaarcijfers.render import Output


def figure_csv(fig: PublishedFigure) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["table_part", "row", "column", "value"])
    for b in fig.blocks:
        cells = {(c.row, c.column): c for c in b.cells}
        for r in b.rows:
            for col in b.columns:
                if (r, col) in cells:
                    w.writerow([b.part, r, col, cells[(r, col)].display])
    return buf.getvalue()


def figure_description(fig: PublishedFigure, edition: Edition) -> dict:
    return {
        "name": f"figuur-{fig.id.lower()}",
        "path": f"figuur-{fig.id.lower()}.csv",
        "title": f"{fig.name}. {fig.title}",
        "description": fig.description,
        "bron": fig.source,
        "eenheid": fig.unit,
        "noten": list(fig.notes),
        "afgerond_op_vijftallen": fig.rounded,
        "jaren": list(fig.years),
        "blokken": [{"deel": b.part, "rijen": list(b.rows), "kolommen": list(b.columns)} for b in fig.blocks],
        "symbolen": {s.text: s.meaning for s in edition.disclosure.symbols},
        "schema": {
            "fields": [
                {"name": "table_part", "type": "string"},
                {"name": "row", "type": "string"},
                {"name": "column", "type": "string"},
                {
                    "name": "value",
                    "type": "string",
                    "description": "zoals gepubliceerd, na onthullingscontrole",
                },
            ]
        },
    }


def write_open_data(edition: Edition, out: Path) -> list[str]:
    folder = out / "open-data"
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for fig in edition.figures:
        name = f"figuur-{fig.id.lower()}"
        (folder / f"{name}.csv").write_text(figure_csv(fig), encoding="utf-8", newline="\n")
        desc = figure_description(fig, edition)
        (folder / f"{name}.json").write_text(
            json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        resources.append(desc)
    revisions = write_revisions(edition, folder)
    if revisions is not None:
        resources.append(revisions)
    package = {
        "name": f"jaarcijfers-mensenhandel-{edition.year}",
        "title": f"Jaarcijfers Mensenhandel {edition.year}",
        "resources": resources,
    }
    (folder / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return ["open-data/"]


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
