from pathlib import Path
from typing import Annotated

import typer


def command(
    data: Annotated[
        Path | None, typer.Option("--data", help="Map met de levering (standaard: de demolevering).")
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="Verslagjaar (standaard: het verslagjaar van de levering)."),
    ] = None,
    sdc: Annotated[
        str | None,
        typer.Option(
            "--sdc", help="Beleid voor onthullingscontrole (standaard: zoals build, uit redactie.toml)."
        ),
    ] = None,
    redactie: Annotated[
        Path | None,
        typer.Option("--redactie", help="Redactiemap van de editie (standaard: DATA/redactie/JJJJ/)."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Druk één JSON-object af.")] = False,
) -> None:
    """Toon alle kandidaat-bevindingen met hun score, en waar ze in de publicatie staan (docs/narrative.md)."""
    from jaarcijfers.build import compute_edition
    from jaarcijfers.paths import DEMO_DELIVERY
    from jaarcijfers.story.compose import tell
    from jaarcijfers.story.report import print_findings

    edition, _ = compute_edition(data or DEMO_DELIVERY, year, sdc, editorial=redactie, estimate=False)
    print_findings(tell(edition), json_out)
