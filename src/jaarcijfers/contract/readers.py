"""Readers for the three accepted formats. Every value comes back as text; nothing is checked here
except that the file can be read at all.

A reader never raises: whatever goes wrong becomes a `Problem` of the file. Heavy libraries
(openpyxl, pyarrow) are imported inside the functions.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jaarcijfers.contract.problems import Problem, make


@dataclass
class RawTable:
    """A file as text: its header and its data rows, each with its spreadsheet row number."""

    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False: the file could not be read at all (no header, no rows)
    sha256: str | None = None


def read_table(path: Path, fmt: str, file: str) -> RawTable:
    """Read `path` (format `csv`, `parquet` or `xlsx`) as text. `file` names the file in problems."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(make("E110", file=file, error=exc.strerror or type(exc).__name__))
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        if fmt == "csv":
            table = _read_csv(data, file)
        elif fmt == "xlsx":
            table = _read_xlsx(data, file)
        elif fmt == "parquet":
            table = _read_parquet(data, file)
        else:  # pragma: no cover - guarded by the caller
            raise ValueError(fmt)
    except Exception as exc:  # a reader library failing in an unforeseen way is still a file problem
        code = {"xlsx": "E115", "parquet": "E116"}.get(fmt, "E113")
        table = _unreadable(make(code, file=file, error=_short(exc)))
    table.sha256 = sha256
    if table.readable and not table.header:
        table.problems.append(make("E112", file=file))
        table.readable = False
    return table


def _unreadable(problem: Problem) -> RawTable:
    return RawTable(problems=[problem], readable=False)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def _drop_blank(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Rows whose every cell is empty carry no data; they are skipped but keep counting."""
    return [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]


def _read_csv(data: bytes, file: str) -> RawTable:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return _unreadable(make("E111", file=file, row=line, line=line))
    if not text.strip():
        return RawTable()  # empty: reported by read_table
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        return _unreadable(
            make("E113", file=file, row=len(records) + 1, error=f"{exc} (rij {len(records) + 1})")
        )
    # skip leading blank lines before the header
    start = 0
    while start < len(records) and not any(c.strip() for c in records[start]):
        start += 1
    if start == len(records):
        return RawTable()
    header = records[start]
    # Only a truly blank line is skipped; a line of separators (",,") is a row whose cells are all empty,
    # which is validated like any other row (nothing is lost silently).
    rows = [(i + 1, rec) for i, rec in enumerate(records) if i > start and not _blank_line(rec)]
    return RawTable(header=header, rows=rows)


def _blank_line(record: list[str]) -> bool:
    return len(record) == 0 or (len(record) == 1 and not record[0].strip())


def _cell_text(value: Any) -> str:
    """A cell of a typed format (XLSX, Parquet) as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _read_xlsx(data: bytes, file: str) -> RawTable:
    import zipfile

    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        return _unreadable(make("E115", file=file, error=_short(exc) or "geen werkmap"))
    try:
        if not workbook.worksheets:
            return RawTable()
        sheet = workbook.worksheets[0]
        records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    start = 0
    while start < len(records) and not any(c.strip() for c in records[start]):
        start += 1
    if start == len(records):
        return RawTable()
    header = list(records[start])
    while header and not header[-1].strip():
        header.pop()
    width = len(header)
    rows = []
    for i, rec in enumerate(records):
        if i <= start:
            continue
        cells = list(rec[:width]) + [""] * (width - len(rec))
        extra = rec[width:]
        if any(c.strip() for c in extra):  # data right of the header: keep it so it is reported
            cells = list(rec)
        rows.append((i + 1, cells))
    return RawTable(header=header, rows=_drop_blank(rows))


def _read_parquet(data: bytes, file: str) -> RawTable:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(pa.BufferReader(data))
    except (pa.ArrowException, OSError, ValueError) as exc:
        return _unreadable(make("E116", file=file, error=_short(exc)))
    header = list(table.column_names)
    columns = [[_cell_text(v) for v in table.column(i).to_pylist()] for i in range(table.num_columns)]
    rows = [(i + 2, [col[i] for col in columns]) for i in range(table.num_rows)]
    return RawTable(header=header, rows=_drop_blank(rows))
