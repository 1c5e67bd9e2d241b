from pathlib import Path
from typing import Annotated

import typer


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
) -> None:
    """Valideer een levering en laad haar met herkomstgegevens in het DuckDB-warehouse."""
    from jaarcijfers.warehouse.load import run_load

    raise typer.Exit(run_load(data, warehouse, quarantine))
