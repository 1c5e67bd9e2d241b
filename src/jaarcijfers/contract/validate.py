"""Validation of a delivery against the contract, collecting every problem.

`validate_delivery(path)` returns a `ValidationReport`; `check_delivery(path)` returns the same report
plus the staging database (every file as text and cleaned values, `jaarcijfers.contract.staging`),
which the warehouse loads (`jaarcijfers.warehouse.load`).

Order of the checks: the folder (which files, in which format, regular files only), `levering.toml`,
then per file: reading (into DuckDB, every row counted), the header, every cell by the type of its
column, the cross-column rules of a row, the uniqueness keys, and last the foreign keys between files.
The files are read ahead on two threads (`READERS`), beside the checks of the files before them; the
checks and every problem stay in this order.
The rules are SQL (`jaarcijfers.contract.checks`). Checks continue after a problem (collect-all); a
check that cannot be judged (a key column missing) is skipped rather than reported twice.

Delivery completeness (a decision; see docs/validation.md): a folder may hold the files of only some
sources; a source that is present must be complete (all its files except `om_dossiercodering`).
With `complete=True` (used by `build`) every source must be present.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jaarcijfers.contract import schema
from jaarcijfers.contract.checks import YearWindow, check_file, code_tables, drop_shadowed, foreign_keys
from jaarcijfers.contract.codelists import allowed_sectors
from jaarcijfers.contract.problems import Problem, make
from jaarcijfers.contract.readers import ReadResult, read_file
from jaarcijfers.contract.report import FileSummary, ValidationReport
from jaarcijfers.contract.safefiles import FileRefused, Limits, read_small
from jaarcijfers.contract.schema import FILES, FORMATS, METADATA_FILE, FileSpec
from jaarcijfers.contract.staging import PROBLEMS, ProblemStore, add_python_problems, raw_table, staged_table

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

__all__ = ["allowed_sectors", "check_delivery", "validate_delivery", "is_companion_file"]

#: A report keeps this many problems as objects (`report.problems`); the rest is read on demand.
PROBLEMS_KEPT = 10_000

Progress = Callable[[str, int, int], None]


def _silent(text: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class CheckedFile:
    spec: FileSpec
    path: Path
    format: str
    sha256: str | None = None
    header: tuple[str, ...] = ()
    rows: int = 0  # data rows read (staged)
    blank: int = 0  # empty rows skipped (counted)
    readable: bool = True  # False: nothing could be read
    header_ok: bool = True  # False: a required column is missing or doubled; every row is rejected
    metadata: dict[str, Any] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()  # problems of the file found in Python (reader, header)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def table(self) -> str:
        """The staging table with the file's rows: `_row`, `_fields`, one cleaned column per contract
        column (NULL when absent from the header). The original text is in `raw_table`."""
        return staged_table(self.spec.name)

    @property
    def raw_table(self) -> str:
        """The file's rows as read: `_row`, `_fields`, `_c1…_cN` (the header's columns, as text)."""
        return raw_table(self.spec.name)

    @property
    def positions(self) -> dict[str, int]:
        """Header name → first position (1-based)."""
        out: dict[str, int] = {}
        for i, name in enumerate(self.header, start=1):
            out.setdefault(name, i)
        return out


@dataclass
class CheckedDelivery:
    path: Path
    files: dict[str, CheckedFile]  # present contract files, in contract order
    metadata: dict[str, dict[str, Any]]  # from levering.toml, per file name
    report: ValidationReport
    con: duckdb.DuckDBPyConnection | None = None  # the staging database
    verslagjaar: int | None = None  # declared in levering.toml

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(s for s in schema.SOURCES if any(f.spec.source == s for f in self.files.values()))

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None


def validate_delivery(
    path: Path, *, complete: bool = False, limits: Limits | None = None, progress: Progress | None = None
) -> ValidationReport:
    """Check the delivery in folder `path` against the contract. Never raises on bad input."""
    return check_delivery(path, complete=complete, limits=limits, progress=progress).report


def validation_date() -> dt.date:
    """Today, or the date of `SOURCE_DATE_EPOCH` when set (reproducible runs; `clock.py`)."""
    from jaarcijfers.clock import today

    return today()


def check_delivery(
    path: Path,
    *,
    complete: bool = False,
    limits: Limits | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
    after_reads: Callable[[Staged], None] | None = None,
) -> CheckedDelivery:
    """Check the delivery in `path` (see the module docstring) and keep its staging database.
    `after_reads(staged)`, if given, is called once every file is read and staged (from a reader thread,
    while the checks go on; never if a read failed or was cancelled): every staging table is final from
    then on (`warehouse.load` starts copying; `Staged`). It must not raise and should return quickly."""
    from jaarcijfers.contract import staging

    path = Path(path)
    limits = limits or Limits()
    step = progress or _silent
    today = today or validation_date()
    con = staging.connect()
    code_tables(con)
    registry: list[Problem] = []
    delivery_problems: list[Problem] = []
    files: dict[str, CheckedFile] = {}
    metadata: dict[str, dict[str, Any]] = {}
    verslagjaar: int | None = None

    located = _locate_files(path, delivery_problems, complete)
    if located is not None:
        metadata, verslagjaar = _read_metadata(path, delivery_problems, today)
        total = sum(_size(p) for p, _ in located.values()) or 1
        handover: _Handover | None = None
        errors = threading.Event()  # set once an error is found (only watched for `after_reads`)
        if any(p.code.startswith("E") for p in delivery_problems):
            errors.set()
        done = 0
        with ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="jaarcijfers-read") as pool:
            # the files are read ahead, beside the rules of the files before them (each reader on a
            # cursor of its own, made here); everything else happens here, in contract order
            reads = {
                name: pool.submit(_read, con.cursor(), FILES[name], *located[name], limits)
                for name in FILES
                if name in located
            }
            if after_reads is not None and reads:
                handover = _Handover(con.cursor(), errors, after_reads)
                handover.when_all_read(reads)
            try:
                for grp, name in enumerate(FILES, start=1):
                    if name not in located:
                        continue
                    file_path, fmt = located[name]
                    step(f"{file_path.name} lezen en controleren", done, total)
                    window = year_window(name, metadata, verslagjaar, today)
                    raw = reads[name].result()
                    checked = _check_file(con, FILES[name], file_path, fmt, grp, window, raw, registry)
                    files[name] = replace_metadata(checked, metadata.get(name, {}))
                    done += _size(file_path)
                    if handover is not None:
                        _watch_errors(con, errors)
            finally:
                for future in reads.values():
                    future.cancel()
                if handover is not None:
                    pool.shutdown(wait=True)  # every read done: the cursor was handed over, or is closed
                    handover.close_unless_handed()
        step("verwijzingen tussen bestanden controleren", done, total)
        usable = {n: set(cf.positions) & set(cf.spec.column_names) for n, cf in files.items() if cf.readable}
        readable = [
            (grp, FILES[name])
            for grp, name in enumerate(FILES, start=1)
            if name in files and files[name].readable
        ]
        foreign_keys(con, readable, usable)
        if handover is not None:
            _watch_errors(con, errors)
        drop_shadowed(con)
        step("klaar", total, total)
    add_python_problems(con, 0, delivery_problems, registry)
    report = _make_report(path, con, files, registry)
    return CheckedDelivery(
        path=path, files=files, metadata=metadata, report=report, con=con, verslagjaar=verslagjaar
    )


@dataclass(frozen=True)
class Staged:
    """What `check_delivery` hands to `after_reads` once every file is read and staged."""

    cursor: duckdb.DuckDBPyConnection  # a cursor of the staging database, now the receiver's to close
    reads: dict[str, ReadResult]  # by file name
    #: Set as soon as the checks have found an error (the delivery will not load as a whole): work begun
    #: on the hope that it would can stop.
    errors: threading.Event


def _watch_errors(con: duckdb.DuckDBPyConnection, errors: threading.Event) -> None:
    """Set `errors` once the problem table holds an error."""
    if (
        not errors.is_set()
        and con.execute(f"SELECT 1 FROM {PROBLEMS} WHERE code LIKE 'E%' LIMIT 1").fetchone()
    ):
        errors.set()


@dataclass
class _Handover:
    """Hands a staging cursor and the read results to `after_reads` (`check_delivery`) once every read
    is done and none failed; otherwise the cursor is closed here."""

    cursor: duckdb.DuckDBPyConnection
    errors: threading.Event
    then: Callable[[Staged], None]
    handed: bool = False

    def when_all_read(self, reads: dict[str, Future[ReadResult]]) -> None:
        remaining = [len(reads)]
        lock = threading.Lock()

        def done(_: Future[ReadResult]) -> None:
            with lock:
                remaining[0] -= 1
                if remaining[0]:
                    return
            if any(f.cancelled() or f.exception() is not None for f in reads.values()):
                return
            self.handed = True
            self.then(Staged(self.cursor, {name: f.result() for name, f in reads.items()}, self.errors))

        for future in reads.values():
            future.add_done_callback(done)

    def close_unless_handed(self) -> None:
        if not self.handed:
            self.cursor.close()


def replace_metadata(checked: CheckedFile, meta: dict[str, Any]) -> CheckedFile:
    from dataclasses import replace

    return replace(checked, metadata=meta)


def _size(path: Path) -> int:
    try:
        return os.lstat(path).st_size
    except OSError:
        return 0


# ---- the folder ---------------------------------------------------------------------------------


COMPANION_FILES = re.compile(
    r"^(reflectie(-\d{4})?\.md|synth-rapport\.txt|README(\.md|\.txt)?|redactie)$", re.IGNORECASE
)
"""Files a delivery folder may hold beside the contract's, without a warning: the analyst's reflection
(`reflectie-YYYY.md`, docs/decisions.md), the fit report of a synthetic delivery, a README, and the
editorial folder `redactie/` (one folder per edition, docs/editorial.md)."""


def is_companion_file(name: str) -> bool:
    return COMPANION_FILES.match(name) is not None


def _locate_files(path: Path, problems: list[Problem], complete: bool) -> dict[str, tuple[Path, str]] | None:
    """Which contract file is where; None if the folder cannot be used at all. A contract name that is
    not a regular file stays located: reading it reports `E008`."""
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
        if dot and stem in FILES and ext in FORMATS:
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


def _read_metadata(
    path: Path, problems: list[Problem], today: dt.date
) -> tuple[dict[str, dict[str, Any]], int | None]:
    """`levering.toml`: `verslagjaar` (optional, the reporting year), and one table per contract file
    (name without extension) with `bron`, `peildatum` (ISO date) and `omschrijving`, all optional."""
    import tomllib

    meta_path = path / METADATA_FILE
    if not os.path.lexists(meta_path):
        return {}, None
    try:
        text = read_small(meta_path).decode("utf-8-sig")
        data = tomllib.loads(text)
    except FileRefused as refused:
        problems.append(make(refused.code, file=METADATA_FILE, value=METADATA_FILE, **refused.params))  # type: ignore[arg-type]
        return {}, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problems.append(make("E601", file=METADATA_FILE, error=str(exc)))
        return {}, None
    result: dict[str, dict[str, Any]] = {}
    declared: Any = data.pop("verslagjaar", None)
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
    verslagjaar = None
    if declared is not None:
        hi = _latest_peildatum_year(result) or today.year
        if isinstance(declared, int) and not isinstance(declared, bool) and schema.MIN_YEAR <= declared <= hi:
            verslagjaar = declared
        else:
            problems.append(
                make(
                    "E606",
                    file=METADATA_FILE,
                    column="verslagjaar",
                    value=str(declared),
                    lo=schema.MIN_YEAR,
                    hi=hi,
                )
            )
    return result, verslagjaar


def _latest_peildatum_year(metadata: dict[str, dict[str, Any]]) -> int | None:
    years = [m["peildatum"].year for m in metadata.values() if m.get("peildatum")]
    return max(years) if years else None


def year_window(
    name: str, metadata: dict[str, dict[str, Any]], verslagjaar: int | None, today: dt.date
) -> YearWindow:
    """The plausible years of a file: from `MIN_YEAR` up to the year of its peildatum; without one, the
    latest peildatum of the delivery, else the declared verslagjaar + 1, else the current year."""
    own = metadata.get(name, {}).get("peildatum")
    if own is not None:
        return YearWindow(schema.MIN_YEAR, own.year, "tot en met het jaar van de peildatum van dit bestand")
    latest = _latest_peildatum_year(metadata)
    if latest is not None:
        return YearWindow(
            schema.MIN_YEAR, latest, "tot en met het jaar van de laatste peildatum in levering.toml"
        )
    if verslagjaar is not None:
        return YearWindow(schema.MIN_YEAR, verslagjaar + 1, "tot en met het verslagjaar + 1")
    return YearWindow(schema.MIN_YEAR, today.year, "tot en met het huidige jaar")


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


#: Files read at the same time (each on one thread of DuckDB's, beside the byte pass of a CSV file):
#: on two cores, reading two files at once took 0.7–0.8 s instead of 1.0–1.1 s for the 100× copy.
READERS = 2


def _read(
    cursor: duckdb.DuckDBPyConnection, spec: FileSpec, path: Path, fmt: str, limits: Limits
) -> ReadResult:
    """Read one file into its raw table and stage it (`_stage`), on a cursor of the staging database of
    its own: once every file is read, every staging table is final (`check_delivery`'s `after_reads`)."""
    try:
        raw = read_file(cursor, raw_table(spec.name), path, fmt, spec, limits)
        if raw.readable:
            _stage(cursor, spec, _names(raw), len(raw.header), plain=raw.plain, trimmed=raw.trimmed)
        else:
            _stage(cursor, spec, (), 0)
        return raw
    finally:
        cursor.close()


def _names(raw: ReadResult) -> tuple[str, ...]:
    """The column names of a file's header (white space around a name is not part of it)."""
    return tuple(h.strip() for h in raw.header)


def _check_file(
    con: duckdb.DuckDBPyConnection,
    spec: FileSpec,
    path: Path,
    fmt: str,
    grp: int,
    window: YearWindow,
    raw: ReadResult,
    registry: list[Problem],
) -> CheckedFile:
    problems = list(raw.problems)
    if not raw.readable:
        add_python_problems(con, grp, problems, registry)
        return CheckedFile(
            spec, path, fmt, raw.sha256, readable=False, header_ok=False, problems=tuple(problems)
        )

    header = _names(raw)
    expected = ", ".join(spec.column_names)
    header_ok = True
    seen: set[str] = set()
    for name in header:
        if name in seen:
            if name in spec.column_index:
                problems.append(make("E103", file=spec.name, row=1, column=name))
                header_ok = False
            continue
        seen.add(name)
        if name not in spec.column_index:
            problems.append(make("W102", file=spec.name, row=1, column=name, expected=expected))
    for column in spec.columns:
        if column.required and column.name not in seen:
            problems.append(make("E101", file=spec.name, row=1, column=column.name, expected=expected))
            header_ok = False
    if raw.rows == 0 and not spec.optional:
        problems.append(make("W117", file=spec.name))
    add_python_problems(con, grp, problems, registry)

    checked = CheckedFile(
        spec, path, fmt, raw.sha256, header, raw.rows, raw.blank, True, header_ok, problems=tuple(problems)
    )
    present = set(checked.positions) & set(spec.column_names)
    check_file(con, spec, grp, present, len(raw.header), window, plain=raw.plain)
    return checked


def _stage(
    con: duckdb.DuckDBPyConnection,
    spec: FileSpec,
    header: tuple[str, ...],
    width: int,
    *,
    plain: bool = False,
    trimmed: bool = False,
) -> None:
    """`_stg_<file>` from `_raw_<file>`: `_row`, `_fields` and one cleaned column per contract column
    (cleaned once: every rule and the load read them). The original text stays in `_raw_<file>`
    (same `_row`), read only for rejected rows (the quarantine): copying it as well would cost as much
    as reading the file. A plain file (`ReadResult.plain`) has only spaces to strip (`_clean_plain`);
    in a trimmed one (`ReadResult.trimmed`) cleaning would change no value, so `_stg_<file>` is a view
    that names the columns of `_raw_<file>` (nothing is copied)."""
    position: dict[str, int] = {}
    for i, name in enumerate(header, start=1):
        position.setdefault(name, i)
    target, raw = staged_table(spec.name), raw_table(spec.name)
    if trimmed and width:
        named = ", ".join(
            (f'"_c{position[c.name]}"' if c.name in position else "NULL::VARCHAR") + f' AS "{c.name}"'
            for c in spec.columns
        )
        con.execute(f'CREATE OR REPLACE VIEW "{target}" AS SELECT _row, _fields, {named} FROM "{raw}"')
        return
    clean = "_clean_plain" if plain else "_clean"
    cleaned = ", ".join(
        (f'{clean}("_c{position[c.name]}")' if c.name in position else "NULL::VARCHAR") + f' AS "{c.name}"'
        for c in spec.columns
    )
    if width == 0:
        con.execute(
            f'DROP TABLE IF EXISTS "{raw}"; CREATE OR REPLACE TABLE "{target}" AS '
            f"SELECT NULL::INTEGER AS _row, NULL::INTEGER AS _fields, {cleaned} WHERE false"
        )
        return
    con.execute(f'CREATE OR REPLACE TABLE "{target}" AS SELECT _row, _fields, {cleaned} FROM "{raw}"')


# ---- the report -----------------------------------------------------------------------------------


def _make_report(
    path: Path, con: duckdb.DuckDBPyConnection, files: dict[str, CheckedFile], registry: list[Problem]
) -> ValidationReport:
    store = ProblemStore(con, registry)
    per_file = {
        f: (int(e), int(w), int(r))
        for f, e, w, r in con.execute(
            f"""SELECT file, count(*) FILTER (code LIKE 'E%'), count(*) FILTER (code LIKE 'W%'),
                   count(DISTINCT "row") FILTER (code LIKE 'E%' AND "row" >= 2 AND py IS NULL)
                FROM {PROBLEMS} WHERE file IS NOT NULL GROUP BY file"""
        ).fetchall()
    }
    summaries: dict[str, FileSummary] = {}
    for name, checked in files.items():
        errors, warnings, rejected_rows = per_file.get(name, (0, 0, 0))
        rows_read = checked.rows
        rejected = rows_read if not checked.header_ok else rejected_rows
        summaries[name] = FileSummary(
            file=name,
            source=checked.spec.source,
            format=checked.format,
            path=checked.path.name,
            rows_read=rows_read,
            rows_valid=rows_read - rejected,
            rows_rejected=rejected,
            errors=errors,
            warnings=warnings,
            sha256=checked.sha256,
            rows_blank=checked.blank,
        )
    counts = store.counts()
    n_errors = sum(c.count for c in counts if c.code.startswith("E"))
    n_warnings = sum(c.count for c in counts if c.code.startswith("W"))
    kept = list(store.iter(limit=PROBLEMS_KEPT))
    return ValidationReport(
        path=path,
        problems=kept,
        files=summaries,
        n_errors=n_errors,
        n_warnings=n_warnings,
        counts=counts,
        store=store,
    )
