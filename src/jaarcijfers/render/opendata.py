"""Open data: one CSV per figure and a JSON description of each (Frictionless-style resources)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from jaarcijfers.edition.model import NO_DATA, Edition, PublishedFigure
from jaarcijfers.render import Output


def figure_csv(fig: PublishedFigure) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["table_part", "row", "column", "value"])
    if fig.no_data:  # as in figures.csv
        w.writerow(["", "", "", NO_DATA])
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
    package = {
        "name": f"jaarcijfers-mensenhandel-{edition.year}",
        "title": f"Jaarcijfers Mensenhandel {edition.year}",
        "resources": resources,
    }
    (folder / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return ["open-data/"]


OUTPUT = Output("open data", write_open_data, order=10)
