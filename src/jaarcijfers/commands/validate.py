from pathlib import Path
from typing import Annotated

import typer


def command(
    data: Annotated[Path, typer.Argument(help="Map met de levering (CSV, Parquet of XLSX).")],
    json_out: Annotated[
        bool, typer.Option("--json", help="Schrijf het rapport als JSON naar stdout.")
    ] = False,
) -> None:
    """Controleer een levering tegen het datacontract en toon alle problemen. Schrijft niets."""
    from jaarcijfers.contract.report import print_report
    from jaarcijfers.contract.validate import validate_delivery

    report = validate_delivery(data)
    print_report(report, as_json=json_out)
    raise typer.Exit(0 if report.ok else 1)
