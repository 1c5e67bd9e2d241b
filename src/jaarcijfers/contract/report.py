"""The validation report and its printers (rich table or JSON)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from jaarcijfers.contract.problems import SEVERITY_LABELS, Problem

#: Above this many problems the report is printed as plain lines instead of a rich table (speed).
RICH_TABLE_LIMIT = 500


@dataclass(frozen=True)
class FileSummary:
    file: str
    source: str
    format: str
    path: str  # file name in the delivery folder
    rows_read: int
    rows_valid: int
    rows_rejected: int
    errors: int
    warnings: int
    sha256: str | None = None


@dataclass
class ValidationReport:
    path: Path
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, FileSummary] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "files": [asdict(s) for s in self.files.values()],
            "problems": [p.to_dict() for p in self.problems],
        }

    def summary_line(self) -> str:
        n_err, n_warn = len(self.errors), len(self.warnings)
        if self.ok:
            extra = f" ({n_warn} waarschuwing{'en' if n_warn != 1 else ''})" if n_warn else ""
            return f"De levering is geldig{extra}."
        return (
            f"De levering is ongeldig: {n_err} fout{'en' if n_err != 1 else ''}, "
            f"{n_warn} waarschuwing{'en' if n_warn != 1 else ''}."
        )


def format_problem(p: Problem) -> str:
    where = [p.file or "levering"]
    if p.row is not None:
        where.append(f"rij {p.row}")
    if p.column:
        where.append(f"kolom {p.column}")
    return f"{', '.join(where)}: {p.rule} [{p.code} {SEVERITY_LABELS[p.severity]}] {p.hint}"


def format_problems(report: ValidationReport, limit: int = 50) -> str:
    """The problems of a report as plain Dutch text (used in error messages, e.g. for `build`)."""
    errors = report.errors
    lines = [f"de levering in {report.path} voldoet niet aan het datacontract ({len(errors)} fouten):"]
    lines += ["  " + format_problem(p) for p in errors[:limit]]
    if len(errors) > limit:
        lines.append(f"  … en nog {len(errors) - limit} fouten; zie `jaarcijfers validate {report.path}`.")
    return "\n".join(lines)


def print_report(report: ValidationReport, as_json: bool = False) -> None:
    """Print every problem and the per-file summary to stdout (a rich table, or JSON)."""
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str))
        return

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=False, width=None if _is_tty() else 200)
    if report.problems:
        if len(report.problems) <= RICH_TABLE_LIMIT:
            table = Table(title="Problemen", show_lines=False, expand=False)
            for col in ("bestand", "rij", "kolom", "waarde", "code", "melding"):
                table.add_column(col, overflow="fold")
            for p in report.problems:
                style = "red" if p.is_error else "yellow"
                table.add_row(
                    Text(p.file or ""),
                    Text("" if p.row is None else str(p.row)),
                    Text(p.column or ""),
                    Text(p.value or ""),
                    Text(p.code, style=style),
                    Text(f"{p.rule} {p.hint}"),
                )
            console.print(table)
        else:
            console.print(f"Problemen ({len(report.problems)}):")
            for p in report.problems:
                console.print(format_problem(p), markup=False)
    if report.files:
        summary = Table(title="Samenvatting per bestand")
        for col in ("bestand", "formaat", "rijen gelezen", "geldig", "afgekeurd", "fouten", "waarschuwingen"):
            summary.add_column(col, justify="left" if col in ("bestand", "formaat") else "right")
        for s in report.files.values():
            summary.add_row(
                s.file,
                s.format,
                str(s.rows_read),
                str(s.rows_valid),
                str(s.rows_rejected),
                str(s.errors),
                str(s.warnings),
            )
        console.print(summary)
    style = "green" if report.ok else "red"
    console.print(f"[{style}]{report.summary_line()}[/{style}]")


def _is_tty() -> bool:
    import sys

    return sys.stdout.isatty()
