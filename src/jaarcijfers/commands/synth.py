from pathlib import Path
from typing import Annotated

import typer


def command(
    out: Annotated[Path, typer.Option("--out", help="Map waarin de synthetische levering komt.")],
    seed: Annotated[
        int, typer.Option("--seed", help="Startwaarde; dezelfde seed geeft identieke bestanden.")
    ] = 2024,
    reference: Annotated[
        Path | None,
        typer.Option(
            "--reference", help="Map met figures.csv en facts.csv (standaard: de meegeleverde 2024-editie)."
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Vervang de levering in een map die niet leeg is (andere bestanden blijven)."
        ),
    ] = False,
) -> None:
    """Maak een synthetische levering (alle bestanden van het contract) die de gepubliceerde cijfers reproduceert."""
    from jaarcijfers.synth.run import run_synth

    raise typer.Exit(run_synth(out, seed=seed, reference=reference, force=force))
