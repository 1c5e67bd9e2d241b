from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from jaarcijfers.contract.safefiles import Limits

MAX_FILE_SIZE_HELP = (
    "Grootste toegestane bestand, bijv. 500M of 2G (standaard 256M). Een groter bestand wordt niet gelezen."
)
REPORT_HELP = "Schrijf alle problemen naar dit bestand: .csv, .json of .html (om terug te sturen)."


def parse_limits(max_file_size: str | None) -> Limits:
    from jaarcijfers.contract.safefiles import Limits, parse_size
    from jaarcijfers.errors import UserError

    if max_file_size is None:
        return Limits()
    try:
        return Limits(max_file_size=parse_size(max_file_size))
    except ValueError:
        raise UserError(f"--max-file-size {max_file_size}: geef een grootte als 500M of 2G") from None


def command(
    data: Annotated[Path, typer.Argument(help="Map met de levering (CSV, Parquet of XLSX).")],
    json_out: Annotated[
        bool, typer.Option("--json", help="Schrijf het rapport als JSON naar stdout.")
    ] = False,
    report: Annotated[Path | None, typer.Option("--report", help=REPORT_HELP)] = None,
    max_file_size: Annotated[str | None, typer.Option("--max-file-size", help=MAX_FILE_SIZE_HELP)] = None,
) -> None:
    """Controleer een levering tegen het datacontract en toon alle problemen. Schrijft niets (behalve --report)."""
    from jaarcijfers.contract.report import print_report
    from jaarcijfers.contract.validate import validate_delivery
    from jaarcijfers.progress import terminal_progress

    limits = parse_limits(max_file_size)
    with terminal_progress("Valideren") as step:
        result = validate_delivery(data, limits=limits, progress=step)
    if report is not None:
        from jaarcijfers.contract.report_files import write_report

        write_report(result, report)
    print_report(result, as_json=json_out, report_file=report)
    raise typer.Exit(0 if result.ok else 1)
