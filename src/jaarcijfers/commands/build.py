from pathlib import Path
from typing import Annotated

import typer


def command(
    data: Annotated[
        Path | None, typer.Option("--data", help="Map met de levering (standaard: de demolevering).")
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="Verslagjaar (standaard: verslagjaar uit levering.toml, anders het laatste jaar in de data).",
        ),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Uitvoermap (standaard: out/JJJJ/).")] = None,
    sdc: Annotated[
        str | None,
        typer.Option(
            "--sdc",
            help="Beleid voor onthullingscontrole (standaard: onthullingscontrole uit redactie.toml van de "
            "editie, anders strict; alle beleidsregels: docs/sdc.md).",
        ),
    ] = None,
    only_figures: Annotated[
        bool, typer.Option("--only-figures", help="Schrijf alleen figures.csv, facts.csv en metadata.json.")
    ] = False,
    editorial: Annotated[
        Path | None,
        typer.Option(
            "--redactie",
            help="Redactiemap van de editie (standaard: DATA/redactie/JJJJ/; docs/editorial.md).",
        ),
    ] = None,
    warehouse: Annotated[
        Path | None,
        typer.Option(
            "--warehouse",
            help="Bouw uit het warehouse (met --data: laad de levering eerst) en leg de editie vast in het "
            "register, met de herzieningen ten opzichte van de editie van het jaar ervoor.",
        ),
    ] = None,
    edition: Annotated[
        int | None,
        typer.Option(
            "--editie",
            help="Bouw de vastgelegde editie van dit jaar opnieuw uit het warehouse, uit precies de "
            "leveringen die zij las (met --warehouse).",
        ),
    ] = None,
    no_record: Annotated[
        bool,
        typer.Option(
            "--niet-vastleggen", help="Met --warehouse: een proefbouw, niets vastleggen in het register."
        ),
    ] = False,
    earlier: Annotated[
        list[Path] | None,
        typer.Option(
            "--met-eerdere",
            "--with-earlier",
            help="Map van een eerder gepubliceerde editie die een buitenstaander kent (herhaalbaar); de "
            "onthullingscontrole en de audit houden er rekening mee (docs/sdc.md). Met --warehouse komen de "
            "eerdere edities uit het register.",
        ),
    ] = None,
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            help="Taal of talen van de publicatie, met komma's: nl (standaard), en, nl,en. De Nederlandse editie "
            "staat in de uitvoermap, een andere taal in een submap (en/); dezelfde cijfers en bescherming "
            "(docs/language.md).",
        ),
    ] = "nl",
) -> None:
    """Valideer, bereken alle figuren, pas onthullingscontrole toe, controleer die en schrijf de publicatie."""
    from jaarcijfers.errors import UserError
    from jaarcijfers.language import languages as parse_languages

    languages = parse_languages(lang)

    if edition is not None:
        from jaarcijfers.cycle import rebuild

        if warehouse is None:
            raise UserError(
                "--editie bouwt een vastgelegde editie opnieuw uit het warehouse; geef --warehouse FILE"
            )
        if data is not None or year is not None or editorial is not None or no_record or earlier:
            raise UserError(
                "--editie gebruikt de vastgelegde leveringen, het jaar, de redactie en de eerdere edities; "
                "laat --data, --year, --redactie, --met-eerdere en --niet-vastleggen weg"
            )
        raise typer.Exit(rebuild(warehouse, edition, sdc, out, only_figures, languages))
    if warehouse is not None:
        from jaarcijfers.cycle import build_recorded

        if earlier:
            raise UserError(
                "met --warehouse kent de bouw elke eerdere editie uit het register; neem een gepubliceerde "
                "map daarin op met `jaarcijfers editions import DIR` in plaats van --met-eerdere"
            )
        raise typer.Exit(
            build_recorded(
                warehouse,
                data,
                year,
                out,
                sdc,
                only_figures,
                editorial=editorial,
                record=not no_record,
                languages=languages,
            )
        )
    if no_record:
        raise UserError("--niet-vastleggen hoort bij --warehouse; zonder warehouse wordt niets vastgelegd")
    from jaarcijfers.build import run_build

    raise typer.Exit(
        run_build(
            data,
            year,
            out,
            sdc=sdc,
            only_figures=only_figures,
            editorial=editorial,
            earlier=earlier or (),
            languages=languages,
        )
    )
