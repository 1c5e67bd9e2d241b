from pathlib import Path
from typing import Annotated

import typer


def command(
    data: Annotated[
        Path | None, typer.Option("--data", help="Map met de levering (standaard: de demolevering).")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Verslagjaar (standaard: het laatste jaar).")
    ] = None,
    lists: Annotated[
        Path | None,
        typer.Option("--lists", help="CSV met vangstgeschiedenissen: één 0/1-kolom per lijst en 'count'."),
    ] = None,
    model: Annotated[
        str, typer.Option("--model", help="main, stepwise, aic, bic of termen zoals 'A:E,B:C'.")
    ] = "stepwise",
    ci: Annotated[str, typer.Option("--ci", help="profile of bootstrap.")] = "profile",
    stratum: Annotated[
        str | None, typer.Option("--stratum", help="Schat per laag: geslacht, leeftijd, vorm of herkomst.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Startwaarde voor de bootstrap.")] = 1,
    json_out: Annotated[bool, typer.Option("--json", help="Druk één JSON-object af.")] = False,
) -> None:
    """Schat het totale aantal slachtoffers (multiple systems estimation) met een betrouwbaarheidsinterval."""
    from jaarcijfers.estimate.run import run_estimate

    raise typer.Exit(
        run_estimate(
            data=data,
            year=year,
            lists=lists,
            model=model,
            ci=ci,
            stratum=stratum,
            seed=seed,
            json_out=json_out,
        )
    )
