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
        str,
        typer.Option("--model", help="main, stepwise, aic, bic, bma of termen zoals 'A:E,B:C'."),
    ] = "stepwise",
    ci: Annotated[
        str | None,
        typer.Option(
            "--ci",
            help="profile (standaard), bca (bootstrap van SparseMSE), bootstrap (parametrisch), multinomial "
            "of wald; bij --model bma een geloofwaardigheidsinterval.",
        ),
    ] = None,
    stratum: Annotated[
        str | None, typer.Option("--stratum", help="Schat per laag: geslacht, leeftijd, vorm of herkomst.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Startwaarde voor de bootstrap.")] = 1,
    n_boot: Annotated[
        int | None,
        typer.Option(
            "--n-boot",
            help="Aantal bootstraptrekkingen (standaard: zoveel als nodig voor een kleine Monte-Carlofout).",
        ),
    ] = None,
    ntop: Annotated[
        int | None,
        typer.Option(
            "--ntop", help="Bij --model aic/bic en --ci bca: kies in de bootstrap uit de N beste modellen."
        ),
    ] = None,
    approaches: Annotated[
        bool,
        typer.Option(
            "--approaches", help="Vergelijk de schatting onder elke aanpak (experimenteel; duurt langer)."
        ),
    ] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Druk één JSON-object af.")] = False,
) -> None:
    """Schat het totale aantal slachtoffers (multiple systems estimation) met een interval.

    Exitstatus 0: een schatting; 3: de schatting is niet begrensd (geen getal); 2: fout in de invoer."""
    from jaarcijfers.estimate.display import run_estimate

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
            n_boot=n_boot,
            ntop=ntop,
            approaches=approaches,
        )
    )
