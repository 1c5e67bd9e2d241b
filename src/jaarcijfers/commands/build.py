from pathlib import Path
from typing import Annotated

import typer


def command(
    data: Annotated[
        Path | None, typer.Option("--data", help="Map met de levering (standaard: de demolevering).")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Verslagjaar (standaard: het laatste jaar in de data).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Uitvoermap (standaard: out/JJJJ/).")] = None,
    sdc: Annotated[
        str | None,
        typer.Option(
            "--sdc",
            help="Beleid voor onthullingscontrole (standaard: publicatie; alle beleidsregels: docs/sdc.md).",
        ),
    ] = None,
    only_figures: Annotated[
        bool, typer.Option("--only-figures", help="Schrijf alleen figures.csv, facts.csv en metadata.json.")
    ] = False,
    earlier: Annotated[
        list[Path] | None,
        typer.Option(
            "--met-eerdere",
            "--with-earlier",
            help="Map van een eerder gepubliceerde editie die een buitenstaander kent (herhaalbaar); de "
            "onthullingscontrole en de audit houden er rekening mee (docs/sdc.md).",
        ),
    ] = None,
) -> None:
    """Valideer, bereken alle figuren, pas onthullingscontrole toe, controleer die en schrijf de publicatie."""
    from jaarcijfers.build import run_build

    raise typer.Exit(run_build(data, year, out, sdc=sdc, only_figures=only_figures, earlier=earlier or ()))
