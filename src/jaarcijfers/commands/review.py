from pathlib import Path
from typing import Annotated

import typer


def command(
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Map met de levering die beoordeeld wordt (wordt gevalideerd)."),
    ] = None,
    warehouse: Annotated[
        Path | None,
        typer.Option(
            "--warehouse",
            help="Warehouse: zonder --data worden de huidige leveringen beoordeeld, met --data wordt de "
            "levering met het warehouse vergeleken (het warehouse blijft ongewijzigd).",
        ),
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option("--vorige", help="Met --data: de vorige versie van de levering, om mee te vergelijken."),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Verslagjaar (standaard: uit de levering).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Uitvoermap (standaard: out/review/).")] = None,
) -> None:
    """Plausibiliteitstoets vóór publicatie: een rapport voor de analisten en per organisatie een terugkoppeling."""
    from jaarcijfers.review.run import run_review

    raise typer.Exit(run_review(data, warehouse, previous, year, out))
