from pathlib import Path
from typing import Annotated

import typer

from jaarcijfers.commands.validate import MAX_FILE_SIZE_HELP, REPORT_HELP, parse_limits


def command(
    data: Annotated[Path, typer.Argument(help="Map met de levering.")],
    warehouse: Annotated[
        Path | None,
        typer.Option(
            "--warehouse", help="DuckDB-bestand (standaard: ./jaarcijfers.duckdb of $JAARCIJFERS_WAREHOUSE)."
        ),
    ] = None,
    quarantine: Annotated[
        Path | None,
        typer.Option(
            "--quarantine", help="Laad geldige rijen; schrijf afgekeurde rijen met reden naar deze map."
        ),
    ] = None,
    report: Annotated[Path | None, typer.Option("--report", help=REPORT_HELP)] = None,
    max_file_size: Annotated[str | None, typer.Option("--max-file-size", help=MAX_FILE_SIZE_HELP)] = None,
) -> None:
    """Valideer een levering en laad haar met herkomstgegevens in het DuckDB-warehouse."""
    from jaarcijfers.progress import terminal_progress
    from jaarcijfers.warehouse.load import run_load

    limits = parse_limits(max_file_size)
    with terminal_progress("Laden") as step:
        code = run_load(data, warehouse, quarantine, limits=limits, report_file=report, progress=step)
    raise typer.Exit(code)
