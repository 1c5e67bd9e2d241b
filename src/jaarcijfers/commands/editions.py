from pathlib import Path
from typing import Annotated

import typer

WAREHOUSE_HELP = "DuckDB-bestand (standaard: ./jaarcijfers.duckdb of $JAARCIJFERS_WAREHOUSE)."

app = typer.Typer(
    help="De vastgelegde edities: wat er gepubliceerd is, met beleid, leveringen en versies (docs/editions.md).",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
)


@app.callback()
def listing(
    ctx: typer.Context,
    warehouse: Annotated[Path | None, typer.Option("--warehouse", help=WAREHOUSE_HELP)] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Druk de lijst als JSON af.")] = False,
) -> None:
    """Toon de vastgelegde edities (zonder opdracht), of lees er een in (`import`)."""
    if ctx.invoked_subcommand is not None:
        return
    from jaarcijfers.edition.listing import print_editions

    raise typer.Exit(print_editions(warehouse, json_out=json_out))


@app.command("import")
def import_edition(
    folder: Annotated[
        Path, typer.Argument(help="Map met een gepubliceerde editie (figures.csv, facts.csv).")
    ],
    year: Annotated[
        int | None,
        typer.Option("--jaar", help="Verslagjaar (standaard: uit metadata.json of de jaarkolommen)."),
    ] = None,
    sdc: Annotated[
        str | None,
        typer.Option(
            "--sdc", help="Beleid waarmee de editie is gepubliceerd (standaard: uit metadata.json)."
        ),
    ] = None,
    warehouse: Annotated[Path | None, typer.Option("--warehouse", help=WAREHOUSE_HELP)] = None,
) -> None:
    """Leg een editie vast die buiten jaarcijfers is gepubliceerd, uit haar figures.csv en facts.csv."""
    from jaarcijfers.edition.listing import run_import

    raise typer.Exit(run_import(folder, year, sdc, warehouse))
