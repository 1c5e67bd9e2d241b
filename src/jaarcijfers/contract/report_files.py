"""The full problem list as a file (`--report FILE`): CSV, JSON or HTML, chosen by the extension.

Made to be sent back to the delivering organisation: Dutch column names, every problem (streamed from
the staging database, the messages composed by DuckDB: `report_sql`), every delivered value escaped
(control, ANSI/OSC and invisible characters as `<U+XXXX>`); in CSV a value that would start a
spreadsheet formula is prefixed with an apostrophe; in HTML everything is HTML-escaped too. The file
is created owner-only (0600): it quotes confidential values.
"""

from __future__ import annotations

import csv
import html
import json
import os
import shutil
import tempfile
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import IO

from jaarcijfers.contract.problems import PROBLEM_TYPES, SEVERITY_LABELS
from jaarcijfers.contract.report import ValidationReport, escaped_dict
from jaarcijfers.contract.report_sql import COLUMNS, rows_sql
from jaarcijfers.contract.schema import FILE_NAMES
from jaarcijfers.contract.text import escape_text, spreadsheet_safe
from jaarcijfers.errors import UserError, describe_os_error

FORMATS = (".csv", ".json", ".html", ".htm")

Row = tuple[str, int | None, str, str, str, str, str, str, str]


def write_report(report: ValidationReport, path: Path, files: Collection[str] | None = None) -> None:
    """Write every problem of `report` to `path`; with `files`, only the problems of those contract files
    and of the delivery as a whole (levering.toml, the folder): one organisation's part, to send back."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"--report {path}: gebruik de extensie .csv, .json of .html")
    try:
        if path.is_symlink():
            path.unlink()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with open(fd, "w", encoding="utf-8-sig" if suffix == ".csv" else "utf-8", newline="") as handle:
            if suffix == ".csv":
                _csv(report, handle, files)
            elif suffix == ".json":
                _json(report, handle, files)
            else:
                _html(report, handle, files)
    except OSError as exc:
        raise UserError(f"het rapport {path} kan niet worden geschreven: {describe_os_error(exc)}") from None


def _selected(file: str | None, files: Collection[str] | None) -> bool:
    return files is None or file is None or file not in FILE_NAMES or file in files


def _table(files: Collection[str] | None) -> str:
    """The problem table, or the part of it that concerns `files` (see `_selected`)."""
    from jaarcijfers.contract.staging import PROBLEMS

    if files is None:
        return PROBLEMS
    chosen = ", ".join("'" + f.replace("'", "''") + "'" for f in sorted(files)) or "NULL"
    known = ", ".join(f"'{f}'" for f in FILE_NAMES)
    return f"(SELECT * FROM {PROBLEMS} WHERE file IS NULL OR file NOT IN ({known}) OR file IN ({chosen}))"


def _rows(
    report: ValidationReport, files: Collection[str] | None = None, batch: int = 50_000
) -> Iterator[Row]:
    """Every problem as a report row (escaped), from the staging database when there is one."""
    store = report.store
    if store is None:
        for p in report.iter_problems():
            if not _selected(p.file, files):
                continue
            yield (
                escape_text(p.file or "levering"),
                p.row,
                escape_text(p.column or ""),
                escape_text(p.value or ""),
                p.code,
                p.name,
                SEVERITY_LABELS[p.severity],
                escape_text(p.rule),
                escape_text(p.hint),
            )
        return
    cursor = store.connection.cursor()
    try:
        cursor.execute(rows_sql(_table(files)))
        while chunk := cursor.fetchmany(batch):
            yield from chunk
    finally:
        cursor.close()


def _csv(report: ValidationReport, handle: IO[str], files: Collection[str] | None = None) -> None:
    if report.store is not None:
        _csv_by_duckdb(report, handle, files)
        return
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for file, row, column, value, code, kind, severity, rule, hint in _rows(report, files):
        writer.writerow(
            [
                spreadsheet_safe(file),
                "" if row is None else row,
                spreadsheet_safe(column),
                spreadsheet_safe(value),
                code,
                kind,
                severity,
                spreadsheet_safe(rule),
                spreadsheet_safe(hint),
            ]
        )


def _formula_safe(expr: str) -> str:
    """SQL for `spreadsheet_safe` on an already escaped text."""
    return (
        f"CASE WHEN left({expr}, 1) IN ('=', '+', '-', '@') "
        f"AND NOT regexp_full_match({expr}, '-[0-9]+([.,][0-9]+)?') THEN chr(39) || {expr} ELSE {expr} END"
    )


def _csv_by_duckdb(report: ValidationReport, handle: IO[str], files: Collection[str] | None = None) -> None:
    """DuckDB writes the rows (COPY) into a private temporary file, which is copied behind the BOM."""
    assert report.store is not None
    names = ["f", "r", "k", "w", "c", "s", "e", "m", "a"]
    safe = {"f", "k", "w", "m", "a"}
    columns = ", ".join(
        f'{_formula_safe(n) if n in safe else n} AS "{title}"'
        for n, title in zip(names, COLUMNS, strict=True)
    )
    with tempfile.TemporaryDirectory(prefix="jaarcijfers-") as tmp:
        target = Path(tmp) / "rapport.csv"
        literal = str(target).replace("'", "''")
        report.store.connection.execute(
            f"COPY (SELECT {columns} FROM ({rows_sql(_table(files))}) AS t({', '.join(names)})) "
            f"TO '{literal}' (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"')"
        )
        handle.flush()
        with open(target, encoding="utf-8", newline="") as source:
            shutil.copyfileobj(source, handle, 1 << 20)


def _json(report: ValidationReport, handle: IO[str], files: Collection[str] | None = None) -> None:
    head = report.to_dict(limit=0)
    head.pop("problems")
    head["problems_complete"] = True
    if files is not None:
        head["files"] = [f for f in head["files"] if _selected(f["file"], files)]
        head["counts"] = [c for c in head["counts"] if _selected(c["file"], files)]
        head["problems_total"] = sum(c["count"] for c in head["counts"])
    text = json.dumps(head, ensure_ascii=False, indent=2, default=str)
    handle.write(text[: text.rfind("}")].rstrip() + ',\n  "problems": [')
    if report.store is None:
        chosen = (p for p in report.iter_problems() if _selected(p.file, files))
        for i, p in enumerate(chosen):
            handle.write(("," if i else "") + "\n    " + json.dumps(escaped_dict(p), ensure_ascii=False))
    else:
        for i, (file, row, column, value, code, kind, _severity, rule, hint) in enumerate(
            _rows(report, files)
        ):
            item = {
                "code": code,
                "name": kind,
                "severity": "error" if code.startswith("E") else "warning",
                "file": None if file == "levering" else file,
                "row": row,
                "column": column or None,
                "value": value or None,
                "rule": rule,
                "hint": hint,
            }
            handle.write(("," if i else "") + "\n    " + json.dumps(item, ensure_ascii=False))
    handle.write("\n  ]\n}\n")


def _html(report: ValidationReport, handle: IO[str], files: Collection[str] | None = None) -> None:
    def e(text: object) -> str:
        return html.escape(escape_text(str(text)))

    handle.write(
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>Validatierapport {e(report.path.name)}</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}"
        ".fout{color:#a00}.waarschuwing{color:#a60}</style></head><body>\n"
        f"<h1>Validatierapport: {e(report.path.name)}</h1>\n<p>{e(report.summary_line())}</p>\n"
    )
    handle.write(
        "<h2>Per bestand</h2>\n<table><tr><th>bestand</th><th>rijen gelezen</th><th>geldig</th>"
        "<th>afgekeurd</th><th>lege rijen</th><th>fouten</th><th>waarschuwingen</th></tr>\n"
    )
    for s in (s for s in report.files.values() if _selected(s.file, files)):
        handle.write(
            f"<tr><td>{e(s.file)}</td><td>{s.rows_read}</td><td>{s.rows_valid}</td><td>{s.rows_rejected}</td>"
            f"<td>{s.rows_blank}</td><td>{s.errors}</td><td>{s.warnings}</td></tr>\n"
        )
    handle.write(
        "</table>\n<h2>Per soort</h2>\n<table><tr><th>code</th><th>soort</th><th>bestand</th><th>aantal</th></tr>\n"
    )
    for code, file, n in (r for r in report.count_rows() if _selected(r[1], files)):
        handle.write(
            f"<tr><td>{code}</td><td>{e(PROBLEM_TYPES[code].name)}</td><td>{e(file or 'levering')}</td>"
            f"<td>{n}</td></tr>\n"
        )
    handle.write(
        "</table>\n<h2>Alle problemen</h2>\n<table><tr>"
        + "".join(f"<th>{c}</th>" for c in COLUMNS)
        + "</tr>\n"
    )
    for row in _rows(report, files):
        cells = ["" if c is None else html.escape(str(c)) for c in row]
        handle.write(f'<tr class="{row[6]}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n")
    handle.write("</table>\n</body></html>\n")
