"""The validation report and its terminal printer (rich table, a bounded summary, or JSON).

Every delivered value shown is escaped (`jaarcijfers.contract.text.escape_text`): no control character,
ANSI/OSC escape sequence, bidi override or zero-width character reaches the terminal raw.

Up to `TERMINAL_LIMIT` problems the terminal shows every one; past it, the counts per code and file
and the first examples of each, and points to `--report FILE` (CSV, JSON or HTML: every problem, see
`jaarcijfers.contract.report_files`), which can be sent back to the delivering organisation.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jaarcijfers.contract.problems import PROBLEM_TYPES, SEVERITY_LABELS, Problem
from jaarcijfers.contract.text import escape_text

if TYPE_CHECKING:  # pragma: no cover
    from jaarcijfers.contract.staging import ProblemCount, ProblemStore

#: Up to this many problems the terminal lists every one.
TERMINAL_LIMIT = 200
#: Past it: this many examples per (code, file).
EXAMPLES_PER_GROUP = 3


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
    rows_blank: int = 0  # empty rows skipped (not data; counted so that every row is accounted for)


@dataclass(frozen=True)
class ValidationReport:
    path: Path
    problems: list[Problem] = field(default_factory=list)  # every problem, or the first PROBLEMS_KEPT
    files: dict[str, FileSummary] = field(default_factory=dict)
    n_errors: int | None = None  # None: count `problems`
    n_warnings: int | None = None
    counts: tuple[ProblemCount, ...] = ()
    store: ProblemStore | None = field(default=None, compare=False, repr=False)

    @property
    def error_count(self) -> int:
        return self.n_errors if self.n_errors is not None else sum(1 for p in self.problems if p.is_error)

    @property
    def warning_count(self) -> int:
        return (
            self.n_warnings
            if self.n_warnings is not None
            else sum(1 for p in self.problems if not p.is_error)
        )

    @property
    def total(self) -> int:
        return self.error_count + self.warning_count

    @property
    def complete(self) -> bool:
        """Does `problems` hold every problem?"""
        return len(self.problems) >= self.total

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def iter_problems(self, *, errors_only: bool = False, limit: int | None = None) -> Iterator[Problem]:
        """Every problem in report order (read from the staging database when not all are kept)."""
        if self.complete or self.store is None:
            selected = (p for p in self.problems if p.is_error or not errors_only)
            for i, p in enumerate(selected):
                if limit is not None and i >= limit:
                    return
                yield p
            return
        yield from self.store.iter(errors_only=errors_only, limit=limit)

    def count_rows(self) -> list[tuple[str, str | None, int]]:
        if self.counts:
            return [(c.code, c.file, c.count) for c in self.counts]
        tally: dict[tuple[str, str | None], int] = {}
        for p in self.problems:
            tally[(p.code, p.file)] = tally.get((p.code, p.file), 0) + 1
        return [(code, file, n) for (code, file), n in tally.items()]

    def to_dict(self, limit: int | None = None) -> dict[str, Any]:
        problems = [escaped_dict(p) for p in self.iter_problems(limit=limit)]
        return {
            "path": str(self.path),
            "ok": self.ok,
            "errors": self.error_count,
            "warnings": self.warning_count,
            "files": [asdict(s) for s in self.files.values()],
            "counts": [{"code": c, "file": f, "count": n} for c, f, n in self.count_rows()],
            "problems_total": self.total,
            "problems_complete": len(problems) == self.total,
            "problems": problems,
        }

    def summary_line(self) -> str:
        n_err, n_warn = self.error_count, self.warning_count
        if self.ok:
            extra = f" ({n_warn} waarschuwing{'en' if n_warn != 1 else ''})" if n_warn else ""
            return f"De levering is geldig{extra}."
        return (
            f"De levering is ongeldig: {n_err} fout{'en' if n_err != 1 else ''}, "
            f"{n_warn} waarschuwing{'en' if n_warn != 1 else ''}."
        )


def escaped_dict(p: Problem) -> dict[str, Any]:
    """A problem as a dict for a report, every text escaped."""
    data = p.to_dict()
    for key in ("file", "column", "value", "rule", "hint"):
        if isinstance(data.get(key), str):
            data[key] = escape_text(data[key])
    return data


def format_problem(p: Problem) -> str:
    where = [escape_text(p.file or "levering")]
    if p.row is not None:
        where.append(f"rij {p.row}")
    if p.column:
        where.append(f"kolom {escape_text(p.column)}")
    return f"{', '.join(where)}: {escape_text(p.rule)} [{p.code} {SEVERITY_LABELS[p.severity]}] {escape_text(p.hint)}"


def format_problems(report: ValidationReport, limit: int = 50) -> str:
    """The problems of a report as plain Dutch text (used in error messages, e.g. for `build`)."""
    n = report.error_count
    lines = [f"de levering in {report.path} voldoet niet aan het datacontract ({n} fouten):"]
    lines += ["  " + format_problem(p) for p in report.iter_problems(errors_only=True, limit=limit)]
    if n > limit:
        lines.append(
            f"  … en nog {n - limit} fouten; zie `jaarcijfers validate {report.path} --report rapport.html`."
        )
    return "\n".join(lines)


def print_report(
    report: ValidationReport,
    as_json: bool = False,
    report_file: Path | None = None,
    limit: int = TERMINAL_LIMIT,
) -> None:
    """Print the report to stdout: every problem up to `limit`, else counts and examples; the per-file
    summary. `report_file`: where the caller wrote the whole list (`contract.report_files.write_report`),
    to point the reader there."""
    if as_json:
        data = report.to_dict(limit=None if report.total <= 10_000 else 10_000)
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=False, width=None if _is_tty() else 200)
    if report.total and report.total <= limit:
        table = Table(title="Problemen", show_lines=False, expand=False)
        for col in ("bestand", "rij", "kolom", "waarde", "code", "melding"):
            table.add_column(col, overflow="fold")
        for p in report.iter_problems():
            style = "red" if p.is_error else "yellow"
            table.add_row(
                Text(escape_text(p.file or "")),
                Text("" if p.row is None else str(p.row)),
                Text(escape_text(p.column or "")),
                Text(escape_text(p.value or "")),
                Text(p.code, style=style),
                Text(escape_text(f"{p.rule} {p.hint}")),
            )
        console.print(table)
    elif report.total:
        counts = Table(title=f"Problemen per soort en bestand ({report.total})")
        for col in ("code", "soort", "bestand", "aantal"):
            counts.add_column(col, justify="right" if col == "aantal" else "left")
        for code, file, n in report.count_rows():
            counts.add_row(
                Text(code, style="red" if code.startswith("E") else "yellow"),
                PROBLEM_TYPES[code].name,
                escape_text(file or "levering"),
                str(n),
            )
        console.print(counts)
        console.print(f"Eerste voorbeelden (ten hoogste {EXAMPLES_PER_GROUP} per soort en bestand):")
        for p in _examples(report):
            console.print(Text("  " + format_problem(p)))
        if report_file is None:
            console.print(
                Text(
                    "De volledige lijst staat niet op het scherm: schrijf haar met --report FILE "
                    "(.csv, .json of .html), bijvoorbeeld om terug te sturen naar de leverancier."
                )
            )
    if report_file is not None:
        console.print(Text(f"Volledig rapport ({report.total} problemen) geschreven naar {report_file}."))
    if report.files:
        summary = Table(title="Samenvatting per bestand")
        columns = (
            "bestand",
            "formaat",
            "rijen gelezen",
            "geldig",
            "afgekeurd",
            "lege rijen",
            "fouten",
            "waarschuwingen",
        )
        for col in columns:
            summary.add_column(col, justify="left" if col in ("bestand", "formaat") else "right")
        for s in report.files.values():
            summary.add_row(
                s.file,
                s.format,
                str(s.rows_read),
                str(s.rows_valid),
                str(s.rows_rejected),
                str(s.rows_blank),
                str(s.errors),
                str(s.warnings),
            )
        console.print(summary)
    style = "green" if report.ok else "red"
    console.print(Text(report.summary_line(), style=style))


def _examples(report: ValidationReport) -> list[Problem]:
    if report.store is not None and not report.complete:
        return list(report.store.examples(EXAMPLES_PER_GROUP))
    seen: dict[tuple[str, str | None], int] = {}
    out = []
    for p in report.problems:
        key = (p.code, p.file)
        if seen.get(key, 0) < EXAMPLES_PER_GROUP:
            seen[key] = seen.get(key, 0) + 1
            out.append(p)
    return out


def _is_tty() -> bool:
    import sys

    return sys.stdout.isatty()
