from pathlib import Path
from typing import Annotated

import typer


def command(
    edition: Annotated[Path, typer.Argument(help="Map van een gepubliceerde editie (met figures.csv).")],
    json_out: Annotated[bool, typer.Option("--json", help="Druk het resultaat als JSON af.")] = False,
    earlier: Annotated[
        list[Path] | None,
        typer.Option(
            "--met",
            "--with",
            help="Map van een eerder gepubliceerde editie, samen met deze te controleren (herhaalbaar).",
        ),
    ] = None,
) -> None:
    """Controleer uit de gepubliceerde bestanden welke verborgen cellen een buitenstaander kan herleiden."""
    from jaarcijfers.edition.audit import run_audit

    raise typer.Exit(run_audit(edition, json_out=json_out, earlier=earlier or ()))
