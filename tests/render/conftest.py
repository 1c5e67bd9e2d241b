"""A small synthetic edition for the renderer tests, and the reference 2024 edition."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from jaarcijfers.edition.model import (
    DeliveredFile,
    Disclosure,
    Edition,
    LabelMeaning,
    Provenance,
    PublishedBlock,
    PublishedCell,
    PublishedFact,
    PublishedFigure,
)
from jaarcijfers.edition.sections import report_sections
from jaarcijfers.facts.values import FactUnit
from jaarcijfers.figures.model import CellKind
from jaarcijfers.figures.spec import Chart, Role
from jaarcijfers.sdc.policy import Symbol

YEARS = ("2020", "2021", "2022", "2023", "2024")
SNAPSHOTS = Path(__file__).parent / "snapshots"


def _block(
    part: str,
    stub: str,
    rows: dict[str, tuple[str, ...]],
    columns: tuple[str, ...],
    kind: CellKind = CellKind.COUNT,
    meanings: tuple[LabelMeaning, ...] = (),
):
    cells = []
    for r, values in rows.items():
        for c, v in zip(columns, values, strict=True):
            k = CellKind.BLANK if v == "" else CellKind.PERCENT if v.endswith("%") else kind
            cells.append(PublishedCell(r, c, v, k, {"<5": 5, "<10": 10}.get(v)))
    return PublishedBlock(part, stub, tuple(rows), columns, tuple(cells), meanings=meanings)


def _figure(
    fid: str,
    title: str,
    section: str,
    chart: Chart,
    blocks,
    *,
    source="CoMensha",
    source_id="comensha",
    unit="slachtoffers",
    rounded=False,
    notes=(),
    years=(2020, 2021, 2022, 2023, 2024),
):
    name = f"Tabel {fid[1:]}" if fid.startswith("T") else f"Figuur {fid}"
    return PublishedFigure(
        id=fid,
        name=name,
        title=title,
        source=source,
        source_id=source_id,
        unit=unit,
        section=section,
        chart=chart,
        rounded=rounded,
        description=f"testfiguur {fid}",
        notes=tuple(notes),
        years=years,
        blocks=tuple(blocks),
    )


def make_edition(**changes) -> Edition:
    """Five figures covering every chart kind, a rounded source with '<10', '<5' cells and a blank."""
    f1 = _figure(
        "1",
        "Aantal geregistreerde slachtoffers van mensenhandel, 2020-2024",
        "Slachtoffers",
        Chart.LINE,
        [_block("", "", {"Geregistreerde slachtoffers": ("1013", "791", "814", "868", "944")}, YEARS)],
    )
    f2 = _figure(
        "2",
        "Aantal geregistreerde slachtoffers naar vorm van mensenhandel, 2020-2024",
        "Vormen van mensenhandel",
        Chart.LINE,
        [
            _block(
                "",
                "Vorm van mensenhandel",
                {
                    "Binnenlandse seksuele uitbuiting": ("119", "189", "162", "135", "123"),
                    "Arbeidsuitbuiting": ("449", "326", "348", "299", "356"),
                    "Criminele uitbuiting": ("154", "95", "106", "120", "160"),
                    "Gedwongen orgaanverwijdering": ("<5", "0", "0", "<5", "<5"),
                },
                YEARS,
            )
        ],
        notes=("Slachtoffers kunnen meerdere vormen meegemaakt hebben.",),
    )
    f6 = _figure(
        "6",
        "Aantal geregistreerde slachtoffers naar leeftijdscategorie, per jaar (2020-2024) en per vorm (2024)",
        "Leeftijd en geslacht",
        Chart.GROUPED_BAR,
        [
            _block(
                "jaar",
                "Leeftijdscategorie",
                {"Minderjarig": ("68", "75", "70", "52", "79"), "23-29": ("231", "161", "177", "247", "246")},
                YEARS,
            ),
            _block(
                "vorm",
                "Leeftijdscategorie",
                {"Minderjarig": ("26", "<5"), "23-29": ("23", "146")},
                ("Binnenlandse seksuele uitbuiting", "Arbeidsuitbuiting"),
            ),
        ],
    )
    f16 = _figure(
        "16",
        "Aantal bij het OM ingeschreven mensenhandelzaken naar vorm, 2020-2024",
        "Vervolging",
        Chart.STACKED_BAR,
        [
            _block(
                "",
                "",
                {
                    "Seksuele uitbuiting": ("177", "222", "170", "175", "151"),
                    "Onbekend": ("<5", "<5", "5", "0", ""),
                },
                YEARS,
                meanings=(
                    LabelMeaning("Seksuele uitbuiting", Role.PART, ("seksueel",)),
                    LabelMeaning("Onbekend", Role.UNKNOWN, ("onbekend",)),
                ),
            )
        ],
        source="OM",
        source_id="om",
        unit="bij het OM ingeschreven zaken",
    )
    f20 = _figure(
        "20",
        "Aantal hoger beroepen naar type eindarrest, 2020-2024",
        "Hoger beroep en cassatie",
        Chart.GROUPED_BAR,
        [
            _block(
                "",
                "",
                {
                    "Totaal aantal zaken met eindarrest in hoger beroep": ("40", "65", "50", "55", "50"),
                    "Eindarrest vrijspraak": ("<10", "<10", "<10", "<10", "<10"),
                },
                YEARS,
                kind=CellKind.ROUNDED,
                meanings=(
                    LabelMeaning(
                        "Totaal aantal zaken met eindarrest in hoger beroep",
                        Role.TOTAL,
                        ("hoger_beroep_totaal",),
                    ),
                    LabelMeaning("Eindarrest vrijspraak", Role.PART, ("eindarrest_vrijspraak",)),
                ),
            )
        ],
        source="Raad voor de rechtspraak",
        source_id="rechtspraak",
        unit="zaken (afgerond op vijftallen)",
        rounded=True,
        notes=("De cijfers zijn afgerond op vijftallen.",),
    )
    t1 = _figure(
        "T1",
        "Tien meest voorkomende nationaliteiten, 2024",
        "Herkomst",
        Chart.BAR,
        [
            _block(
                "",
                "Nationaliteit",
                {"Nederland": ("1", "213"), "Roemenië": ("2", "84"), "Oeganda": ("3", "71")},
                ("Rang", "Totaal slachtoffers"),
            )
        ],
        years=(),
    )
    facts = (
        PublishedFact(
            "slachtoffers_2024", "944", FactUnit.COUNT, "Slachtoffers", "geregistreerde slachtoffers"
        ),
        PublishedFact("slachtoffers_verschil_2023_2024", "76", FactUnit.COUNT, "Slachtoffers", "verschil"),
        PublishedFact(
            "reeks_f2_criminele_uitbuiting_pct_2024",
            "+33%",
            FactUnit.PERCENT_CHANGE,
            "Reeksen",
            "verandering",
        ),
        PublishedFact(
            "reeks_f2_criminele_uitbuiting_verschil_2024", "40", FactUnit.COUNT, "Reeksen", "verandering"
        ),
        PublishedFact(
            "reeks_f6_jaar_minderjarig_pct_2024", "+52%", FactUnit.PERCENT_CHANGE, "Reeksen", "verandering"
        ),
        PublishedFact("nl_aandeel_2024", "23%", FactUnit.PERCENT, "Herkomst", "aandeel Nederland"),
        PublishedFact("top10_nieuw_2024", "<5", FactUnit.COUNT, "Herkomst", "nieuw in de top tien"),
    )
    kw = dict(
        year=2024,
        years=(2020, 2021, 2022, 2023, 2024),
        figures=(f1, f2, f6, t1, f16, f20),
        facts=facts,
        sections=report_sections(),
        disclosure=Disclosure(
            "publicatie",
            (
                Symbol("<5", "een aantal van 1 tot en met 4", withholds=True),
                Symbol("<10", "een aantal van 0 tot en met 9"),
                Symbol("(leeg)", "niet weergegeven"),
            ),
        ),
        published_on=datetime.date(2025, 6, 12),
        provenance=Provenance(
            software="jaarcijfers",
            software_version="0.1.0",
            rules_version="2024.1",
            deliveries=(
                DeliveredFile("comensha", "comensha_registraties.csv", "ab" * 32, 1200, "2025-03-01"),
            ),
        ),
    )
    kw.update(changes)
    return Edition(**kw)


@pytest.fixture
def edition() -> Edition:
    return make_edition()


@pytest.fixture(scope="session")
def reference_edition() -> Edition:
    from jaarcijfers.edition.files import read_edition
    from jaarcijfers.paths import REFERENCE_2024

    return read_edition(REFERENCE_2024)


@pytest.fixture
def make():
    """The synthetic edition's factory, for tests that change a part of it."""
    return make_edition


def compare_snapshot(name: str, text: str) -> None:
    """Compare with tests/render/snapshots/NAME; JAARCIJFERS_UPDATE_SNAPSHOTS=1 rewrites it."""
    import os

    path = SNAPSHOTS / name
    update = os.environ.get("JAARCIJFERS_UPDATE_SNAPSHOTS") == "1"
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        if not update:
            pytest.fail(f"snapshot {name} was missing and has been written; run again")
        return
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its snapshot (JAARCIJFERS_UPDATE_SNAPSHOTS=1 to regenerate)"
    )


@pytest.fixture
def snapshot():
    return compare_snapshot
