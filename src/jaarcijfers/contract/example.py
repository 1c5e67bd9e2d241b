"""A minimal valid delivery of all eleven contract files, for tests and documentation.

`write_delivery(folder)` writes it as CSV (or Parquet / XLSX); tests corrupt it to check each rule.
Every nullable column has at least one empty cell, every file at least two rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from jaarcijfers.contract.schema import FILES

Table = list[dict[str, str]]


def _rows(columns: str, *lines: str) -> Table:
    names = columns.split(",")
    rows = []
    for line in lines:
        values = line.split(",")
        assert len(values) == len(names), line
        rows.append(dict(zip(names, values, strict=True)))
    return rows


def example_tables() -> dict[str, Table]:
    """The example delivery as text tables (a fresh copy each call)."""
    return {
        "comensha_registraties": _rows(
            "registratie_id,jaar,anoniem,geslacht,leeftijd,nationaliteit",
            "R1,2023,nee,vrouw,25,NL",
            "R2,2024,nee,man,,RO",
            "R3,2024,ja,,17,",
        ),
        "comensha_uitbuiting": _rows(
            "registratie_id,vorm,sector",
            "R1,seksueel,raam",
            "R1,seksueel,thuis",
            "R2,arbeid,bouw",
            "R3,onbekend,nog_niet_gewerkt",
            "R3,crimineel,",
        ),
        "comensha_melders": _rows(
            "registratie_id,melder",
            "R1,politie",
            "R1,kmar",
            "R2,nla",
        ),
        "ind_tabel": _rows(
            "jaar,maatstaf,aantal",
            "2024,b8_aanvragen,15",
            "2024,b8_verleend,<10",
            "2024,b9_aanvragen,0",
        ),
        "emm_onderzoeken": _rows(
            "onderzoek_id,startjaar,partij",
            "O1,2023,politie",
            "O2,2024,nla",
        ),
        "emm_onderzoek_vormen": _rows(
            "onderzoek_id,vorm",
            "O1,seksueel",
            "O2,arbeid",
        ),
        "emm_verdachten": _rows(
            "verdachte_id,onderzoek_id,geslacht,leeftijd,nationaliteit",
            "V1,O1,man,34,NL",
            "V1,O2,man,35,NL",
            "V2,O2,,,",
        ),
        "om_zaken": _rows(
            "zaak_id,inschrijfjaar,instantie,geslacht,leeftijd_pleegdatum,geboorteland,afdoening,afdoeningsjaar,vonnisjaar",
            "Z1,2022,politie,man,30,NL,dagvaarding,2023,2024",
            "Z2,2023,kmar,vrouw,,XX,onvoorwaardelijk_sepot,2024,",
            "Z3,2024,overig,,,,,,",
        ),
        "om_feiten": _rows(
            "zaak_id,feit_nr,wetsartikel,classificatie,tenlastegelegd,uitspraak",
            "Z1,1,273f lid 1 sub 1 Sr,mh_seksueel,ja,bewezen",
            "Z1,2,311 Sr,overig,nee,",
            "Z2,1,273f lid 1 sub 4 Sr,,ja,",
        ),
        "om_dossiercodering": _rows(
            "zaak_id,vorm,subvorm",
            "Z1,seksueel,internationaal",
            "Z2,arbeid,",
            "Z3,,",
        ),
        "rechtspraak_tabel": _rows(
            "jaar,maatstaf,aantal",
            "2024,hoger_beroep_totaal,20",
            "2024,eindarrest_vrijspraak,<10",
        ),
    }


EXAMPLE_METADATA = """\
[comensha_registraties]
bron = "CoMensha"
peildatum = 2025-03-01
omschrijving = "Registraties 2023-2024"

[om_zaken]
bron = "OM"
peildatum = "2025-02-15"
"""


def write_table(path: Path, rows: Iterable[Mapping[str, str]], columns: list[str], fmt: str = "csv") -> Path:
    """Write one table of text values as CSV, Parquet or XLSX (empty text = empty cell)."""
    rows = list(rows)
    if fmt == "csv":
        import csv

        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow([row.get(c, "") for c in columns])
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        data = {c: pa.array([row.get(c, "") or None for row in rows], type=pa.string()) for c in columns}
        pq.write_table(pa.table(data), path)
    elif fmt == "xlsx":
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(columns)
        for row in rows:
            sheet.append([row.get(c, "") or None for c in columns])
        workbook.save(path)
    else:
        raise ValueError(fmt)
    return path


def write_delivery(
    folder: Path,
    tables: Mapping[str, Table] | None = None,
    fmt: str = "csv",
    files: Iterable[str] | None = None,
    metadata: str | None = EXAMPLE_METADATA,
) -> Path:
    """Write a delivery (default: the example) into `folder`; `files` limits which files are written."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = example_tables() if tables is None else tables
    names = list(FILES) if files is None else list(files)
    for name in names:
        rows = tables[name]
        columns = list(rows[0]) if rows else list(FILES[name].column_names)
        write_table(folder / f"{name}.{fmt}", rows, columns, fmt)
    if metadata is not None:
        (folder / "levering.toml").write_text(metadata, encoding="utf-8")
    return folder
