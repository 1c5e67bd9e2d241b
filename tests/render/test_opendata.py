"""Open data: a Frictionless tabular data package with a licence, typed fields, a numeric value and a
separate status, equal to the published cells."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from jaarcijfers.edition.files import figures_csv
from jaarcijfers.render.opendata import COLUMNS, write_open_data
from jaarcijfers.render.publication import BLANK_MARK


@pytest.fixture(scope="module")
def folder(reference_edition, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("od")
    assert write_open_data(reference_edition, out) == ["open-data/"]
    return out / "open-data"


def test_package_names_its_licence_date_and_the_other_outputs(folder, reference_edition) -> None:  # type: ignore[no-untyped-def]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Naamsvermelding 4.0 Internationaal (CC BY 4.0)",
            "path": "https://creativecommons.org/licenses/by/4.0/deed.nl",
        }
    ]
    assert package["created"] == f"{reference_edition.published_on.isoformat()}T00:00:00Z"
    assert package["publicatie"]["rapport"] == "../index.html"
    assert package["publicatie"]["pdf"] == f"../jaarcijfers-{reference_edition.year}.pdf"
    assert {s["teken"] for s in package["symbolen"]} >= {"<5", "<10", BLANK_MARK}
    assert [r["path"] for r in package["resources"]] == [
        f"figuur-{f.id.lower()}.csv" for f in reference_edition.figures
    ]


def _typed(value: str, field: dict) -> object:  # type: ignore[type-arg]
    if value in ("",):
        return None
    if field["type"] == "integer":
        return int(value)
    if field["type"] == "number":
        return float(value)
    assert field["type"] == "string"
    return value


def test_every_resource_follows_its_schema_and_equals_the_cells(folder, reference_edition) -> None:  # type: ignore[no-untyped-def]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    published = list(csv.reader(figures_csv(reference_edition).splitlines()))[1:]
    from_open_data = []
    for resource, fig in zip(package["resources"], reference_edition.figures, strict=True):
        schema = resource["schema"]
        assert schema["missingValues"] == [""]
        fields = {f["name"]: f for f in schema["fields"]}
        assert list(fields) == list(COLUMNS)
        assert fields["waarde"]["type"] in ("integer", "number")
        with open(folder / resource["path"], encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert rows and list(rows[0]) == list(COLUMNS)
        for row in rows:
            typed = {k: _typed(v, fields[k]) for k, v in row.items()}
            for k, v in typed.items():
                enum = fields[k].get("constraints", {}).get("enum")
                if enum is not None and v is not None:
                    assert v in enum, (resource["name"], k, v)
            # a number or a symbol, never both, never neither
            assert (typed["waarde"] is None) != (typed["status"] is None), row
            if typed["status"] is None:
                display = str(typed["waarde"]) + ("%" if typed["maat"] == "percentage" else "")
            else:
                display = "" if typed["status"] == BLANK_MARK else str(typed["status"])
            from_open_data.append([fig.id, row["tabeldeel"], row["rij"], row["kolom"], display])
    assert from_open_data == published


def test_codes_beside_the_labels(folder, reference_edition) -> None:  # type: ignore[no-untyped-def]
    with open(folder / "figuur-14.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    codes = {(r["rij"], r["rij_code"]) for r in rows}
    assert ("Mannen", "man") in codes and ("Totaal", "man+vrouw+onbekend") in codes
    assert all(r["kolom_code"] == r["kolom"] for r in rows)  # a year column's code is the year
    with open(folder / "figuur-22.csv", encoding="utf-8", newline="") as f:
        measures = {r["rij"]: r["maat"] for r in csv.DictReader(f)}
    assert measures["Gemiddelde leeftijd in jaren"] == "gemiddelde" and measures["23-29"] == "aantal"
