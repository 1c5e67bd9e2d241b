"""The published files of an edition: the one writer and the one reader of `figures.csv`, `facts.csv` and
`metadata.json` (docs/outputs.md).

`figures.csv`: `figure,table_part,row,column,value`, one row per published cell in publication order.
`facts.csv`: `id,value`, one row per published fact; a reference edition's facts file may carry more
columns (`section`, `subject`, `unit`, `derivable`, `quote`), which the reader keeps.

Reading back (`read_edition`) gives an `Edition` to render or audit an edition published before (for
instance the reference 2024 edition); figure metadata (titles, sources, notes) come from the catalogue.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jaarcijfers.edition.model import (
    NO_DATA,
    DataIdentities,
    DeliveredFile,
    Disclosure,
    Edition,
    Estimate,
    NoEstimate,
    Provenance,
    PublishedBlock,
    PublishedCell,
    PublishedFact,
    PublishedFigure,
    block_period,
    label_meanings,
)
from jaarcijfers.errors import UserError
from jaarcijfers.facts.values import FactUnit
from jaarcijfers.figures.model import CellKey
from jaarcijfers.sdc.policy import DEFAULT, get_policy

if TYPE_CHECKING:
    from jaarcijfers.sdc.prior import PriorEdition

FIGURE_COLUMNS = ("figure", "table_part", "row", "column", "value")
MAX_PUBLISHED_FILE_SIZE = 64 * 1024 * 1024  # a published figures or facts file is tens of kilobytes
FACT_COLUMNS = ("id", "value")


# --- writing ------------------------------------------------------------------------------------------
def figures_csv(edition: Edition) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FIGURE_COLUMNS)
    for fig in edition.figures:
        if fig.no_data:  # one row: the figure's source has no records in the window
            w.writerow([fig.id, "", "", "", NO_DATA])
        for block in fig.blocks:
            cells = {(c.row, c.column): c for c in block.cells}
            for row in block.rows:
                for col in block.columns:
                    c = cells.get((row, col))
                    if c is not None:
                        w.writerow([fig.id, block.part, row, col, c.display])
    return buf.getvalue()


def facts_csv(edition: Edition) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FACT_COLUMNS)
    for f in edition.facts:
        w.writerow([f.id, f.value])
    return buf.getvalue()


def estimate_metadata(estimate: Estimate | NoEstimate | None) -> dict[str, Any] | None:
    """The estimate as recorded in metadata.json."""
    if estimate is None:
        return None
    if isinstance(estimate, NoEstimate):
        return {"available": False, "reason": estimate.reason}
    out = asdict(estimate)
    out["estimate"] = out.pop("total")
    for key in ("model_terms", "lists", "warnings"):
        out[key] = list(out[key])
    return {"available": True, **out}


def metadata(edition: Edition, built_at: str) -> dict[str, Any]:
    return {
        "gebouwd_op": built_at,
        "publicatiedatum": edition.published_on.isoformat(),
        "titel": f"Jaarcijfers Mensenhandel {edition.year}",
        "verslagjaar": edition.year,
        "jaren": list(edition.years),
        "onthullingscontrole": edition.disclosure.policy,
        "symbolen": {s.text: s.meaning for s in edition.disclosure.symbols},
        "schatting_verborgen_aantal": estimate_metadata(edition.estimate),
        "identiteiten_gegevensafhankelijk": identities_metadata(edition.disclosure.data_identities),
        **disclosure_metadata(edition.disclosure),
        **provenance_metadata(edition.provenance),
    }


def provenance_metadata(provenance: Provenance) -> dict[str, Any]:
    """The provenance as `metadata.json` records it: every field that is not None."""
    out: dict[str, Any] = {k: v for k, v in asdict(provenance).items() if v is not None and k != "deliveries"}
    if provenance.deliveries is not None:
        out["deliveries"] = [asdict(d) for d in provenance.deliveries]
    return out


_PROVENANCE_TEXTS = ("software", "software_version", "rules_version", "contract_version", "bron")
_DELIVERY_TEXTS = ("bron", "bestand", "sha256")
_DELIVERY_OPTIONAL = ("peildatum", "levering_bron", "omschrijving")


def read_provenance(meta: Mapping[str, Any], where: str) -> Provenance:
    """The provenance an edition's `metadata.json` records (what it does not hold is None); a field of
    another type is a clear error."""
    texts: dict[str, str | None] = {}
    for key in _PROVENANCE_TEXTS:
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise UserError(f"{where}: {key} moet een tekst zijn, niet {value!r}")
        texts[key] = value
    rows = meta.get("deliveries")
    if rows is not None and not isinstance(rows, list):
        raise UserError(f"{where}: deliveries moet een lijst van geleverde bestanden zijn")
    deliveries = None if rows is None else tuple(_delivered_file(row, where) for row in rows)
    return Provenance(
        software=texts["software"],
        software_version=texts["software_version"],
        rules_version=texts["rules_version"],
        contract_version=texts["contract_version"],
        deliveries=deliveries,
        bron=texts["bron"],
    )


def _delivered_file(row: object, where: str) -> DeliveredFile:
    ok = (
        isinstance(row, dict)
        and all(isinstance(row.get(k), str) for k in _DELIVERY_TEXTS)
        and isinstance(row.get("rijen"), int)
        and not isinstance(row.get("rijen"), bool)
        and all(row.get(k) is None or isinstance(row.get(k), str) for k in _DELIVERY_OPTIONAL)
    )
    if not ok:
        raise UserError(
            f"{where}: deliveries: {row!r} is geen geleverd bestand (bron, bestand en sha256 als tekst, "
            "rijen als geheel getal; peildatum, levering_bron en omschrijving als tekst of leeg)"
        )
    assert isinstance(row, dict)
    return DeliveredFile(
        bron=row["bron"],
        bestand=row["bestand"],
        sha256=row["sha256"],
        rijen=row["rijen"],
        peildatum=row.get("peildatum"),
        levering_bron=row.get("levering_bron"),
        omschrijving=row.get("omschrijving"),
    )


def _key_json(key: CellKey) -> dict[str, Any]:
    from jaarcijfers.sdc.structure import edition_of

    year, plain = edition_of(key)
    out: dict[str, Any] = {
        "figuur": plain.figure,
        "deel": plain.part,
        "rij": plain.row,
        "kolom": plain.column,
    }
    if year is not None:
        out["editie"] = year
    return out


def disclosure_metadata(disclosure: Disclosure) -> dict[str, Any]:
    """The audit's verdict (which cells leak, never what can be recovered) and the record of the withheld
    cells revised since the earlier editions the build was given (docs/sdc.md)."""
    out: dict[str, Any] = {}
    verdict = disclosure.audit
    if verdict is not None:
        out["onthullingscontrole_audit"] = {
            "geslaagd": verdict.passed,
            "verborgen_cellen": verdict.hidden,
            "identiteiten": verdict.identities,
            "eerdere_edities": list(verdict.earlier),
            "lekken": [_key_json(k) for k in verdict.leaks],
            "tegenstrijdig": list(verdict.dropped),
        }
    if disclosure.zeros:
        out["onthullingscontrole_nullen_weggelaten"] = True
    if disclosure.revised:
        out["onthullingscontrole_herzien"] = {
            str(year): [[k.figure, k.part, k.row, k.column] for k in keys]
            for year, keys in disclosure.revised
        }
    return out


def identities_metadata(record: DataIdentities | None) -> dict[str, list[str]] | None:
    return None if record is None else {"gelden": list(record.held), "gelden_niet": list(record.failed)}


def is_edition_folder(folder: Path) -> bool:
    """Whether `folder` holds an edition written by jaarcijfers: its `metadata.json` (a regular file, not
    a link) says so. `build --out` replaces such a folder as a whole and refuses any other non-empty one."""
    from jaarcijfers.contract.safefiles import FileRefused, read_small

    try:
        meta = json.loads(read_small(folder / "metadata.json").decode("utf-8"))
    except (FileRefused, OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(meta, dict) and meta.get("software") == "jaarcijfers"


def metadata_object(path: Path) -> dict[str, Any] | None:
    """An edition's `metadata.json` as a JSON object (None when there is no such file)."""
    if not path.is_file():
        return None
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{path} is geen leesbaar JSON-bestand: {exc}") from None
    if not isinstance(meta, dict):
        raise UserError(f"{path}: een JSON-object verwacht")
    return meta


DISCLOSURE_RECORDS = (
    "identiteiten_gegevensafhankelijk",
    "onthullingscontrole_herzien",
    "onthullingscontrole_nullen_weggelaten",
)
"""The keys of `metadata.json` that tell an outsider how to read the edition's withheld cells (docs/sdc.md);
the edition register keeps them with every recorded edition."""


def disclosure_records(meta: Mapping[str, Any]) -> dict[str, Any]:
    return {k: meta[k] for k in DISCLOSURE_RECORDS if meta.get(k) is not None}


def parse_identities(meta: Mapping[str, Any], where: str) -> DataIdentities | None:
    """The record of the data-dependent identities (`identiteiten_gegevensafhankelijk`), None without one."""
    record = meta.get("identiteiten_gegevensafhankelijk")
    if record is None:
        return None
    lists = {k: record.get(k) if isinstance(record, dict) else None for k in ("gelden", "gelden_niet")}
    if not all(isinstance(v, list) and all(isinstance(n, str) for n in v) for v in lists.values()):
        raise UserError(
            f"{where}: identiteiten_gegevensafhankelijk moet 'gelden' en 'gelden_niet' (lijsten van namen) hebben"
        )
    held, failed = lists["gelden"], lists["gelden_niet"]
    assert isinstance(held, list) and isinstance(failed, list)
    return DataIdentities(tuple(held), tuple(failed))


def parse_revised(meta: Mapping[str, Any], where: str) -> dict[int, frozenset[CellKey]]:
    """The record of the withheld cells revised since earlier editions (`onthullingscontrole_herzien`:
    year -> [[figure, part, row, column], ...]); empty without one."""
    record = meta.get("onthullingscontrole_herzien", {})
    out: dict[int, frozenset[CellKey]] = {}
    if not isinstance(record, dict):
        raise UserError(f"{where}: onthullingscontrole_herzien moet een object zijn (jaar -> cellen)")
    for year, keys in record.items():
        if not (str(year).isdigit() and isinstance(keys, list)):
            raise UserError(
                f"{where}: onthullingscontrole_herzien: {year!r} is geen jaar met een lijst cellen"
            )
        cells = []
        for k in keys:
            if not (isinstance(k, list) and len(k) == 4 and all(isinstance(x, str) for x in k)):
                raise UserError(
                    f"{where}: onthullingscontrole_herzien: {k!r} is geen cel [figuur, deel, rij, kolom]"
                )
            cells.append(CellKey(*k))
        out[int(year)] = frozenset(cells)
    return out


def read_metadata(path: Path) -> tuple[int | None, DataIdentities | None]:
    """The reporting year and the record of the data-dependent identities from an edition's
    `metadata.json` (None for what it does not hold, or when there is no such file)."""
    meta = metadata_object(path) or {}
    year = meta.get("verslagjaar")
    return (year if isinstance(year, int) else None), parse_identities(meta, str(path))


def read_revised(path: Path) -> dict[int, frozenset[CellKey]]:
    return parse_revised(metadata_object(path) or {}, str(path))


def read_zeros(path: Path) -> bool:
    """Whether an edition records that it withheld zeros (its `x` may be 0)."""
    return (metadata_object(path) or {}).get("onthullingscontrole_nullen_weggelaten") is True


def prior_edition(
    year: int, cells: Mapping[CellKey, str], facts: Mapping[str, str], meta: Mapping[str, Any], source: str
) -> PriorEdition:
    """An earlier edition as an outsider knows it, from its published cells, facts and metadata (or the
    disclosure records the edition register keeps of it)."""
    from jaarcijfers.sdc.prior import PriorEdition

    identities = parse_identities(meta, source)
    policy = meta.get("onthullingscontrole", "")
    return PriorEdition(
        year,
        cells,
        facts,
        None if identities is None else identities.failed,
        parse_revised(meta, source),
        policy if isinstance(policy, str) else "",
        source,
        meta.get("onthullingscontrole_nullen_weggelaten") is True,
    )


def read_prior(folder: Path) -> PriorEdition:
    """An earlier published edition for disclosure control (`build --met-eerdere`, `audit --met`): its
    figures, facts (when present) and records from `metadata.json` (when present)."""
    from jaarcijfers.sdc.structure import reporting_year

    if not folder.is_dir():
        raise UserError(f"eerdere editie: {folder} is geen map met een gepubliceerde editie")
    cells = read_cells(folder / "figures.csv")
    facts_file = folder / "facts.csv"
    facts = read_fact_values(facts_file) if facts_file.is_file() else {}
    meta = metadata_object(folder / "metadata.json") or {}
    year = meta.get("verslagjaar")
    year = year if isinstance(year, int) else reporting_year(cells)
    if year is None:
        raise UserError(f"{folder / 'figures.csv'}: geen jaarkolommen; het verslagjaar is onbekend")
    return prior_edition(year, cells, facts, meta, str(folder))


def _build_moment() -> datetime.datetime:
    """`SOURCE_DATE_EPOCH` when set (reproducible builds: byte-identical outputs), else now (UTC)."""
    from jaarcijfers.clock import now

    return now()


def read_publication_date(path: Path) -> datetime.date | None:
    """The publication date an edition's `metadata.json` records (None without one)."""
    if not path.is_file():
        return None
    try:
        text = json.loads(path.read_text(encoding="utf-8")).get("publicatiedatum")
        return None if text is None else datetime.date.fromisoformat(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError, TypeError, ValueError) as exc:
        raise UserError(f"{path}: publicatiedatum is geen datum (JJJJ-MM-DD): {exc}") from None


def build_time() -> str:
    """The build time: `SOURCE_DATE_EPOCH` when set (reproducible builds: byte-identical outputs), else now."""
    return _build_moment().isoformat().replace("+00:00", "Z")


def publication_date() -> datetime.date:
    """The publication date of an edition without one of its own: the build date (`SOURCE_DATE_EPOCH` when
    set, so a rebuild gives the same bytes)."""
    return _build_moment().date()


def write_files(edition: Edition, out: Path) -> list[str]:
    """Write figures.csv, facts.csv and metadata.json into `out`; returns the file names."""
    files = {
        "figures.csv": figures_csv(edition),
        "facts.csv": facts_csv(edition),
        "metadata.json": json.dumps(
            metadata(edition, build_time()), ensure_ascii=False, indent=2, sort_keys=True
        )
        + "\n",
    }
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")
    return list(files)


# --- reading ------------------------------------------------------------------------------------------
def _rows(path: Path, columns: tuple[str, ...], what: str) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a published CSV file with their line numbers; a clear error (Dutch) for a file that is
    missing, not a regular file (a device, a pipe), too large, not UTF-8, not CSV or without the columns."""
    _check_regular(path, what)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise UserError(
                    f"{path}: kolom(men) ontbreken: {', '.join(missing)} (verwacht in een {what}: "
                    f"{','.join(columns)})"
                )
            for n, r in enumerate(reader, start=2):
                yield n, {k: v or "" for k, v in r.items() if k is not None}
    except FileNotFoundError:
        raise UserError(f"bestand bestaat niet: {path}") from None
    except IsADirectoryError:
        raise UserError(f"{path} is een map, geen {what}") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is geen UTF-8-tekstbestand") from None
    except csv.Error as exc:
        raise UserError(f"{path} is geen geldig CSV-bestand: {exc}") from None


def _is_no_data(r: dict[str, str]) -> bool:
    return r["value"] == NO_DATA and not (r["table_part"] or r["row"] or r["column"])


def read_no_data(path: Path) -> tuple[str, ...]:
    """The figures a figures file marks as without data (`NO_DATA`), in file order."""
    return tuple(r["figure"] for _, r in _rows(path, FIGURE_COLUMNS, "figures.csv") if _is_no_data(r))


def _check_regular(path: Path, what: str) -> None:
    import os
    import stat

    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise UserError(f"bestand bestaat niet: {path}") from None
    except OSError as exc:
        raise UserError(f"{path} kan niet gelezen worden: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise UserError(f"{path} is een map, geen {what}")
    if not stat.S_ISREG(st.st_mode):
        raise UserError(f"{path} is geen gewoon bestand (een apparaat of pipe wordt niet gelezen)")
    if st.st_size > MAX_PUBLISHED_FILE_SIZE:
        raise UserError(f"{path} is groter dan {MAX_PUBLISHED_FILE_SIZE // (1024 * 1024)} MiB; geen {what}")


def read_cells(path: Path) -> dict[CellKey, str]:
    """The published cells of a figures file (key -> published string), in file order. The row of a
    figure without data (`NO_DATA`) is no cell: see `read_no_data`."""
    out: dict[CellKey, str] = {}
    for n, r in _rows(path, FIGURE_COLUMNS, "figures.csv"):
        if _is_no_data(r):
            continue
        key = CellKey(r["figure"], r["table_part"], r["row"], r["column"])
        if key in out:
            raise UserError(
                f"{path}, rij {n}: cel ({key.figure}, {key.part!r}, {key.row!r}, {key.column!r}) staat er "
                "twee keer in"
            )
        out[key] = r["value"]
    return out


@dataclass(frozen=True)
class FactRow:
    """One row of a facts file."""

    id: str
    value: str
    unit: FactUnit | None = None
    section: str = ""
    subject: str = ""
    derivable: bool = True  # a reference facts file marks the numbers a delivery cannot produce with `no`


def read_facts(path: Path) -> tuple[FactRow, ...]:
    out = []
    for n, r in _rows(path, FACT_COLUMNS, "facts.csv"):
        unit = r.get("unit", "")
        if unit and unit not in {u.value for u in FactUnit}:
            raise UserError(
                f"{path}, rij {n}, kolom unit: onbekende eenheid {unit!r} "
                f"(kies uit {', '.join(u.value for u in FactUnit)})"
            )
        out.append(
            FactRow(
                r["id"],
                r["value"],
                FactUnit(unit) if unit else None,
                r.get("section", ""),
                r.get("subject", ""),
                r.get("derivable", "") in ("yes", ""),
            )
        )
    return tuple(out)


def read_fact_values(path: Path, derivable_only: bool = False) -> dict[str, str]:
    """id -> published value; `derivable_only`: leave out the facts a reference marks `derivable = no`."""
    return {f.id: f.value for f in read_facts(path) if f.derivable or not derivable_only}


def is_facts_file(path: Path) -> bool:
    """Whether a published file is a facts file (rather than a figures file), from its header."""
    _check_regular(path, "figures- of facts-bestand")
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    return "id" in header and "figure" not in header


def read_edition(folder: Path, policy: str = DEFAULT) -> Edition:
    """An edition from its published files; `policy`: the disclosure policy it was published with. What
    each cell is comes from the catalogue (`figures.kinds.cell_kind`)."""
    from jaarcijfers.edition.sections import report_sections
    from jaarcijfers.figures.catalogue import CATALOGUE
    from jaarcijfers.figures.kinds import cell_kind

    chosen = get_policy(policy)
    below = {s.text: s.below for s in chosen.symbols}
    cells: dict[str, dict[str, list[tuple[str, str, str]]]] = {}
    for key, value in read_cells(folder / "figures.csv").items():
        cells.setdefault(key.figure, {}).setdefault(key.part, []).append((key.row, key.column, value))
    no_data = set(read_no_data(folder / "figures.csv"))
    years_all: set[int] = set()
    figures: list[tuple[Any, tuple[PublishedBlock, ...], tuple[int, ...], str, bool]] = []
    for spec in CATALOGUE:
        parts = cells.get(spec.id)
        if spec.id in no_data and not parts:
            figures.append((spec, (), (), "", True))
            continue
        if not parts:
            continue
        blocks = []
        fig_years: list[int] = []
        for block in spec.blocks:
            rows_ = parts.get(block.part, [])
            rows = tuple(dict.fromkeys(r for r, _, _ in rows_))
            cols = tuple(dict.fromkeys(c for _, c, _ in rows_))
            if block.columns.years:
                fig_years = [int(c) for c in cols]
            blocks.append(
                PublishedBlock(
                    block.part,
                    block.stub,
                    rows,
                    cols,
                    tuple(
                        PublishedCell(r, c, v, cell_kind(CellKey(spec.id, block.part, r, c), v), below.get(v))
                        for r, c, v in rows_
                    ),
                    block_period(block.period),
                    label_meanings(block),
                )
            )
        years_all.update(fig_years)
        year_guess = max(years_all) if years_all else 0
        periode = f"{fig_years[0]}-{fig_years[-1]}" if fig_years else str(year_guess)
        figures.append((spec, tuple(blocks), tuple(fig_years), periode, False))
    if not years_all:
        raise UserError(
            f"{folder / 'figures.csv'}: geen figuur met jaarkolommen; het verslagjaar is onbekend"
        )
    year = max(years_all)
    published = []
    for spec, spec_blocks, spec_years, periode, empty in figures:
        fmt = {"periode": periode or f"{year - 4}-{year}", "jaar": year}
        published.append(
            PublishedFigure(
                id=spec.id,
                name=spec.name,
                title=spec.title.format(**fmt),
                source=spec.source,
                source_id=spec.source_id,
                unit=spec.unit,
                section=spec.section,
                chart=spec.chart,
                rounded=spec.rounded,
                description=spec.description,
                notes=tuple(n.format(**fmt) for n in spec.notes),
                years=spec_years,
                blocks=spec_blocks,
                no_data=empty,
            )
        )
    facts_file = folder / "facts.csv"
    facts = (
        tuple(PublishedFact(f.id, f.value, f.unit, f.section, f.subject) for f in read_facts(facts_file))
        if facts_file.exists()
        else ()
    )
    return Edition(
        year=year,
        years=tuple(range(year - 4, year + 1)),
        sections=report_sections(),
        figures=tuple(published),
        facts=facts,
        disclosure=Disclosure(chosen.name, chosen.symbols, chosen.note),
        published_on=read_publication_date(folder / "metadata.json") or publication_date(),
        provenance=Provenance(bron=str(folder)),
    )
