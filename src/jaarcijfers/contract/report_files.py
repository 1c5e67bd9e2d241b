"""The full problem list as a file (`--report FILE`): CSV, JSON or HTML, chosen by the extension.

Made to be sent back to the delivering organisation: Dutch column names, every problem (streamed from
the staging database, so two million problems take no more memory than ten), every delivered value
escaped (control, ANSI/OSC and invisible characters as `<U+XXXX>`); in CSV a value that would start a
spreadsheet formula is prefixed with an apostrophe; in HTML everything is HTML-escaped too.
"""

from __future__ import annotations

import csv
import html
import json
import os
from pathlib import Path
from typing import IO

from jaarcijfers.contract.problems import PROBLEM_TYPES, SEVERITY_LABELS
from jaarcijfers.contract.report import ValidationReport, escaped_dict
from jaarcijfers.contract.text import escape_text, spreadsheet_safe
from jaarcijfers.errors import UserError

FORMATS = (".csv", ".json", ".html", ".htm")
COLUMNS = ("bestand", "rij", "kolom", "waarde", "code", "soort", "ernst", "melding", "advies")


def write_report(report: ValidationReport, path: Path) -> None:
    """Write every problem of `report` to `path` (owner-only: it may quote confidential values)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"--report {path}: gebruik de extensie .csv, .json of .html")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with open(fd, "w", encoding="utf-8-sig" if suffix == ".csv" else "utf-8", newline="") as handle:
            if suffix == ".csv":
                _csv(report, handle)
            elif suffix == ".json":
                _json(report, handle)
            else:
                _html(report, handle)
    except OSError as exc:
        from jaarcijfers.errors import describe_os_error

        raise UserError(f"het rapport {path} kan niet worden geschreven: {describe_os_error(exc)}") from None


def _csv(report: ValidationReport, handle: IO[str]) -> None:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in report.iter_problems():
        writer.writerow(
            [
                spreadsheet_safe(p.file or "levering"),
                "" if p.row is None else p.row,
                spreadsheet_safe(p.column or ""),
                spreadsheet_safe(p.value or ""),
                p.code,
                p.name,
                SEVERITY_LABELS[p.severity],
                spreadsheet_safe(p.rule),
                spreadsheet_safe(p.hint),
            ]
        )


def _json(report: ValidationReport, handle: IO[str]) -> None:
    head = report.to_dict(limit=0)
    head.pop("problems")
    head["problems_complete"] = True
    text = json.dumps(head, ensure_ascii=False, indent=2, default=str)
    handle.write(text[: text.rfind("}")].rstrip() + ',\n  "problems": [')
    for i, p in enumerate(report.iter_problems()):
        handle.write(("," if i else "") + "\n    " + json.dumps(escaped_dict(p), ensure_ascii=False))
    handle.write("\n  ]\n}\n")


def _html(report: ValidationReport, handle: IO[str]) -> None:
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
    for s in report.files.values():
        handle.write(
            f"<tr><td>{e(s.file)}</td><td>{s.rows_read}</td><td>{s.rows_valid}</td><td>{s.rows_rejected}</td>"
            f"<td>{s.rows_blank}</td><td>{s.errors}</td><td>{s.warnings}</td></tr>\n"
        )
    handle.write(
        "</table>\n<h2>Per soort</h2>\n<table><tr><th>code</th><th>soort</th><th>bestand</th><th>aantal</th></tr>\n"
    )
    for code, file, n in report.count_rows():
        handle.write(
            f"<tr><td>{code}</td><td>{e(PROBLEM_TYPES[code].name)}</td><td>{e(file or 'levering')}</td><td>{n}</td></tr>\n"
        )
    handle.write(
        "</table>\n<h2>Alle problemen</h2>\n<table><tr>"
        + "".join(f"<th>{c}</th>" for c in COLUMNS)
        + "</tr>\n"
    )
    for p in report.iter_problems():
        severity = SEVERITY_LABELS[p.severity]
        cells = [
            p.file or "levering",
            "" if p.row is None else p.row,
            p.column or "",
            p.value or "",
            p.code,
            p.name,
            severity,
            p.rule,
            p.hint,
        ]
        handle.write(f'<tr class="{severity}">' + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>\n")
    handle.write("</table>\n</body></html>\n")
