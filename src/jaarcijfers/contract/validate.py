"""Validation of a delivery against the contract, collecting every problem.

`validate_delivery(path)` returns a `ValidationReport`; `check_delivery(path)` returns the same report
plus the rows that were read, which the warehouse loads (`jaarcijfers.warehouse.load`).

Order of the checks: the folder (which files, in which format), `levering.toml`, then per file the
header, every cell by the type of its column, the cross-column rules of a row, the uniqueness keys,
and last the foreign keys between files. Checks continue after a problem (collect-all); a check that
cannot be judged (a key column missing) is skipped rather than reported twice.

Delivery completeness (a decision; see docs/validation.md): a folder may hold the files of only some
sources; a source that is present must be complete (all its files except `om_dossiercodering`).
With `complete=True` (used by `build`) every source must be present.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jaarcijfers.contract import schema
from jaarcijfers.contract.problems import Problem, make
from jaarcijfers.contract.readers import read_table
from jaarcijfers.contract.report import FileSummary, ValidationReport
from jaarcijfers.contract.schema import FILES, FORMATS, METADATA_FILE, FileSpec, Kind

YEAR_RE = re.compile(r"[0-9]{4}")
AGE_RE = re.compile(r"0|[1-9][0-9]{0,2}")
POSINT_RE = re.compile(r"[1-9][0-9]*")
AANTAL_RE = re.compile(r"0|<10|[1-9][0-9]*")


@dataclass
class Row:
    """One data row: its spreadsheet row number, the original text per header column, the stripped
    contract values (None = empty or missing column) and the errors that reject it."""

    number: int
    raw: dict[str, str]
    values: dict[str, str | None]
    errors: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors


@dataclass
class CheckedFile:
    spec: FileSpec
    path: Path
    format: str
    sha256: str | None = None
    header: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False: nothing could be read
    header_ok: bool = True  # False: a required column is missing or doubled; every row is rejected
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def rows_rejected(self) -> int:
        if not self.header_ok:
            return len(self.rows)
        return sum(1 for r in self.rows if not r.valid)

    def valid_rows(self) -> list[Row]:
        if not self.header_ok:
            return []
        return [r for r in self.rows if r.valid]


@dataclass
class CheckedDelivery:
    path: Path
    files: dict[str, CheckedFile]  # present contract files, in contract order
    metadata: dict[str, dict[str, Any]]  # from levering.toml, per file name
    report: ValidationReport

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(s for s in schema.SOURCES if any(f.spec.source == s for f in self.files.values()))


def validate_delivery(path: Path, *, complete: bool = False) -> ValidationReport:
    """Check the delivery in folder `path` against the contract. Never raises on bad input."""
    return check_delivery(path, complete=complete).report


def check_delivery(path: Path, *, complete: bool = False) -> CheckedDelivery:
    path = Path(path)
    delivery_problems: list[Problem] = []
    files: dict[str, CheckedFile] = {}
    metadata: dict[str, dict[str, Any]] = {}

    located = _locate_files(path, delivery_problems, complete)
    if located is not None:
        metadata = _read_metadata(path, delivery_problems)
        for name, (file_path, fmt) in located.items():
            checked = _check_file(FILES[name], file_path, fmt)
            checked.metadata = metadata.get(name, {})
            files[name] = checked
        _check_foreign_keys(files)
    report = _make_report(path, files, delivery_problems, located)
    return CheckedDelivery(path=path, files=files, metadata=metadata, report=report)


# ---- the folder ---------------------------------------------------------------------------------


COMPANION_FILES = re.compile(
    r"^(reflectie(-\d{4})?\.md|synth-rapport\.txt|README(\.md|\.txt)?)$", re.IGNORECASE
)
"""Files a delivery folder may hold beside the contract's, without a warning: the analyst's reflection
(`reflectie-YYYY.md`, docs/decisions.md), the fit report of a synthetic delivery, a README."""


def is_companion_file(name: str) -> bool:
    return COMPANION_FILES.match(name) is not None


def _locate_files(path: Path, problems: list[Problem], complete: bool) -> dict[str, tuple[Path, str]] | None:
    """Which contract file is where; None if the folder cannot be used at all."""
    try:
        if not path.exists():
            problems.append(make("E001", value=str(path)))
            return None
        if not path.is_dir():
            problems.append(make("E002", value=str(path)))
            return None
        entries = sorted(p for p in path.iterdir())
    except OSError as exc:
        problems.append(make("E007", value=str(path), error=exc.strerror or type(exc).__name__))
        return None

    found: dict[str, list[tuple[Path, str]]] = {}
    for entry in entries:
        if entry.name.startswith(".") or entry.name == METADATA_FILE or is_companion_file(entry.name):
            continue
        stem, dot, ext = entry.name.rpartition(".")
        ext = ext.lower()
        if dot and stem in FILES and ext in FORMATS and not entry.is_dir():
            found.setdefault(stem, []).append((entry, ext))
        else:
            problems.append(make("W006", value=entry.name))

    if not found:
        problems.append(make("E003"))
        return None

    located: dict[str, tuple[Path, str]] = {}
    for name in FILES:
        candidates = found.get(name, [])
        if len(candidates) > 1:
            problems.append(make("E005", file=name, value=", ".join(p.name for p, _ in candidates)))
        elif candidates:
            located[name] = candidates[0]

    for source in schema.SOURCES:
        source_files = schema.files_of(source)
        present = any(spec.name in found for spec in source_files)
        for spec in source_files:
            if spec.optional or spec.name in found:
                continue
            if present:
                reason = f"de levering van {schema.SOURCE_NAMES[source]} is onvolledig"
            elif complete:
                reason = "nodig voor het maken van de jaarcijfers"
            else:
                continue
            problems.append(make("E004", file=spec.name, reason=reason))
    return located


def _read_metadata(path: Path, problems: list[Problem]) -> dict[str, dict[str, Any]]:
    """`levering.toml`: one table per contract file (name without extension) with `bron`,
    `peildatum` (ISO date) and `omschrijving`, all optional."""
    import tomllib

    meta_path = path / METADATA_FILE
    if not meta_path.is_file():
        return {}
    try:
        data = tomllib.loads(meta_path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problems.append(make("E601", file=METADATA_FILE, error=str(exc)))
        return {}
    result: dict[str, dict[str, Any]] = {}
    for name, entry in data.items():
        if name not in FILES:
            problems.append(make("W602", file=METADATA_FILE, value=name))
            continue
        if not isinstance(entry, dict):
            problems.append(make("E605", file=METADATA_FILE, column=name, value=str(entry)))
            continue
        clean: dict[str, Any] = {}
        for key, value in entry.items():
            if key not in schema.METADATA_KEYS:
                problems.append(make("W603", file=METADATA_FILE, value=f"{name}.{key}"))
                continue
            if key == "peildatum":
                date = _as_date(value)
                if date is None:
                    problems.append(
                        make("E604", file=METADATA_FILE, column=f"{name}.peildatum", value=str(value))
                    )
                    continue
                clean[key] = date
            elif isinstance(value, str):
                clean[key] = value.strip()
            else:
                problems.append(make("E605", file=METADATA_FILE, column=f"{name}.{key}", value=str(value)))
        result[name] = clean
    return result


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


# ---- one file -----------------------------------------------------------------------------------


def _check_file(spec: FileSpec, path: Path, fmt: str) -> CheckedFile:
    raw = read_table(path, fmt, spec.name)
    checked = CheckedFile(spec=spec, path=path, format=fmt, sha256=raw.sha256, problems=list(raw.problems))
    if not raw.readable:
        checked.readable = False
        checked.header_ok = False
        return checked

    header = [h.strip() if isinstance(h, str) else str(h) for h in raw.header]
    checked.header = header
    expected = ", ".join(spec.column_names)

    if fmt == "csv" and len(header) == 1 and len(spec.columns) > 1:
        for delimiter, label in ((";", "puntkomma's"), ("\t", "tabs")):
            if delimiter in header[0]:
                checked.problems.append(make("E118", file=spec.name, row=1, delimiter=label))
                checked.readable = False
                checked.header_ok = False
                return checked

    seen: set[str] = set()
    for name in header:
        if name in seen:
            if name in spec.column_index:
                checked.problems.append(make("E103", file=spec.name, row=1, column=name))
                checked.header_ok = False
            continue
        seen.add(name)
        if name not in spec.column_index:
            checked.problems.append(make("W102", file=spec.name, row=1, column=name, expected=expected))
    for column in spec.columns:
        if column.required and column.name not in seen:
            checked.problems.append(
                make("E101", file=spec.name, row=1, column=column.name, expected=expected)
            )
            checked.header_ok = False

    # first position of each header name
    position: dict[str, int] = {}
    for i, name in enumerate(header):
        position.setdefault(name, i)
    present = [c for c in spec.columns if c.name in position]
    width = len(header)
    checker = _CellChecker()

    for number, cells in raw.rows:
        raw_cells = {name: (cells[i] if i < len(cells) else "") for name, i in position.items()}
        values = {c.name: _clean(raw_cells[c.name]) if c.name in position else None for c in spec.columns}
        row = Row(number=number, raw=raw_cells, values=values)
        checked.rows.append(row)
        if len(cells) < width or (len(cells) > width and any(c.strip() for c in cells[width:])):
            row.errors.append(make("E114", file=spec.name, row=number, found=len(cells), expected=width))
            continue
        for column in present:
            problem = checker.check(spec, column, values[column.name], number)
            if problem is not None:
                row.errors.append(problem)
        for rule in spec.rules:
            row.errors.extend(ROW_RULES[rule](spec, row))

    if not raw.rows and not spec.optional:
        checked.problems.append(make("W117", file=spec.name))
    _check_unique(checked)
    return checked


def _clean(text: str) -> str | None:
    text = text.strip()
    return text or None


class _CellChecker:
    """Type checks of single cells; code lists are fetched once per checker."""

    def __init__(self) -> None:
        self._codes: dict[str, tuple[str, ...]] = {}
        self._code_sets: dict[str, frozenset[str]] = {}
        self._countries: frozenset[str] | None = None

    def codes(self, name: str) -> frozenset[str]:
        if name not in self._code_sets:
            from jaarcijfers.contract import codelists

            self._codes[name] = tuple(codelists.codes(name))
            self._code_sets[name] = frozenset(self._codes[name])
        return self._code_sets[name]

    def countries(self) -> frozenset[str]:
        if self._countries is None:
            from jaarcijfers.contract import codelists

            self._countries = frozenset(codelists.countries())
        return self._countries

    def check(self, spec: FileSpec, column: schema.Column, value: str | None, row: int) -> Problem | None:
        def problem(code: str, **params: Any) -> Problem:
            return make(code, file=spec.name, row=row, column=column.name, value=value, **params)

        if value is None:
            return None if column.nullable else problem("E201")
        kind = column.kind
        if kind in (Kind.ID, Kind.STRING):
            if value.lower() in schema.NULL_MARKERS:
                return problem("E209")
        elif kind is Kind.YEAR:
            if not YEAR_RE.fullmatch(value):
                return problem("E202")
        elif kind is Kind.AGE:
            if not AGE_RE.fullmatch(value) or int(value) > 120:
                return problem("E203")
        elif kind is Kind.BOOL:
            if value not in ("ja", "nee"):
                return problem("E204")
        elif kind is Kind.CODE:
            assert column.codelist is not None
            if value not in self.codes(column.codelist):
                self.codes(column.codelist)
                return problem(
                    "E205", codelist=column.codelist, allowed=", ".join(self._codes[column.codelist])
                )
        elif kind is Kind.COUNTRY:
            if value not in self.countries():
                return problem("E206")
        elif kind is Kind.POSINT:
            if not POSINT_RE.fullmatch(value):
                return problem("E207")
        elif kind is Kind.AANTAL:
            if not AANTAL_RE.fullmatch(value) or (
                value not in ("0", "<10") and (int(value) % 5 or int(value) < 10)
            ):
                return problem("E208")
        # Kind.SECTOR is checked by the row rule sector-per-vorm
        return None


# ---- rules across the columns of a row ------------------------------------------------------------


def allowed_sectors(vorm: str) -> tuple[str, ...]:
    """Sectors allowed with a comensha form (empty tuple: the sector must be empty)."""
    from jaarcijfers.contract import codelists

    allowed = tuple(codelists.sectors(vorm))
    if vorm == "onbekend" and "nog_niet_gewerkt" not in allowed:
        allowed = (*allowed, "nog_niet_gewerkt")
    return allowed


def _rule_sector_per_vorm(spec: FileSpec, row: Row) -> list[Problem]:
    from jaarcijfers.contract import codelists

    vorm, sector = row.values.get("vorm"), row.values.get("sector")
    if sector is None or vorm is None or vorm not in codelists.codes("comensha_vormen"):
        return []
    allowed = allowed_sectors(vorm)
    if sector in allowed:
        return []
    return [
        make(
            "E301",
            file=spec.name,
            row=row.number,
            column="sector",
            value=sector,
            vorm=vorm,
            allowed=(", ".join(allowed) + " of leeg") if allowed else "alleen leeg",
        )
    ]


def _rule_afdoeningsjaar(spec: FileSpec, row: Row) -> list[Problem]:
    afdoening, jaar = row.values.get("afdoening"), row.values.get("afdoeningsjaar")
    if afdoening is not None and jaar is None:
        return [make("E302", file=spec.name, row=row.number, column="afdoeningsjaar", afdoening=afdoening)]
    if afdoening is None and jaar is not None:
        return [make("E303", file=spec.name, row=row.number, column="afdoeningsjaar", value=jaar)]
    return []


def _rule_subvorm(spec: FileSpec, row: Row) -> list[Problem]:
    vorm, subvorm = row.values.get("vorm"), row.values.get("subvorm")
    if subvorm is not None and vorm != "seksueel":
        return [
            make("E304", file=spec.name, row=row.number, column="subvorm", value=subvorm, vorm=vorm or "")
        ]
    return []


ROW_RULES: dict[str, Callable[[FileSpec, Row], list[Problem]]] = {
    "sector-per-vorm": _rule_sector_per_vorm,
    "afdoeningsjaar-iff-afdoening": _rule_afdoeningsjaar,
    "subvorm-only-seksueel": _rule_subvorm,
}


# ---- keys -----------------------------------------------------------------------------------------


def _check_unique(checked: CheckedFile) -> None:
    spec = checked.spec
    present = set(checked.header)
    for key in spec.unique:
        if not all(c in present for c in key):
            continue
        first: dict[tuple, int] = {}
        for row in checked.rows:
            values = tuple(row.values[c] for c in key)
            if all(v is None for v in values):
                continue  # an empty key is reported as empty-value already
            if values in first:
                row.errors.append(
                    make(
                        "E401",
                        file=spec.name,
                        row=row.number,
                        column=", ".join(key),
                        value=", ".join(v or "" for v in values),
                        first_row=first[values],
                    )
                )
            else:
                first[values] = row.number
    if not spec.unique:
        seen: dict[tuple, int] = {}
        for row in checked.rows:
            values = tuple(row.values[c] for c in spec.column_names)
            if values in seen:
                checked.problems.append(make("W402", file=spec.name, row=row.number, first_row=seen[values]))
            else:
                seen[values] = row.number


def _check_foreign_keys(files: dict[str, CheckedFile]) -> None:
    for checked in files.values():
        for fk in checked.spec.foreign_keys:
            parent = files.get(fk.ref_file)
            if parent is None or not parent.readable or not all(c in parent.header for c in fk.ref_columns):
                continue  # the parent's own problem is reported
            if not all(c in checked.header for c in fk.columns):
                continue
            keys = {tuple(r.values[c] for c in fk.ref_columns) for r in parent.rows}
            for row in checked.rows:
                values = tuple(row.values[c] for c in fk.columns)
                if any(v is None for v in values) or values in keys:
                    continue
                row.errors.append(
                    make(
                        "E501",
                        file=checked.name,
                        row=row.number,
                        column=", ".join(fk.columns),
                        value=", ".join(v or "" for v in values),
                        ref_file=fk.ref_file,
                    )
                )


# ---- the report -----------------------------------------------------------------------------------


def _make_report(
    path: Path,
    files: dict[str, CheckedFile],
    delivery_problems: list[Problem],
    located: dict[str, tuple[Path, str]] | None,
) -> ValidationReport:
    problems = list(delivery_problems)
    summaries: dict[str, FileSummary] = {}
    for name, checked in files.items():
        file_problems = list(checked.problems)
        for row in checked.rows:
            file_problems.extend(row.errors)
        file_problems.sort(key=Problem.sort_key)
        problems.extend(file_problems)
        rows_read = len(checked.rows)
        rejected = checked.rows_rejected
        errors = sum(1 for p in file_problems if p.is_error)
        summaries[name] = FileSummary(
            file=name,
            source=checked.spec.source,
            format=checked.format,
            path=checked.path.name,
            rows_read=rows_read,
            rows_valid=rows_read - rejected,
            rows_rejected=rejected,
            errors=errors,
            warnings=len(file_problems) - errors,
            sha256=checked.sha256,
        )
    return ValidationReport(path=path, problems=problems, files=summaries)
