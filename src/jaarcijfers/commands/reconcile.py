from pathlib import Path
from typing import Annotated

import typer


def command(
    figures: Annotated[Path, typer.Argument(help="Een figures.csv (bijv. out/2024/figures.csv).")],
    reference: Annotated[Path, typer.Option("--reference", help="Het figures.csv om mee te vergelijken.")],
) -> None:
    """Vergelijk twee figures-bestanden cel voor cel (of twee facts-bestanden feit voor feit); toon elk verschil en de telling."""
    from jaarcijfers.reconcile import run_reconcile

    raise typer.Exit(run_reconcile(figures, reference))
