"""What a published cell is, from the catalogue's label roles (`figures.kinds`), and the fallback for a cell
the catalogue does not declare."""

from __future__ import annotations

import pytest

from jaarcijfers.figures.kinds import cell_kind, declared_kind
from jaarcijfers.figures.model import CellKey, CellKind
from jaarcijfers.sdc.structure import fact_key, is_count, of_edition, variable_kind

MEAN_ROW = "Gemiddelde leeftijd in jaren"


@pytest.mark.parametrize(
    ("key", "display", "kind"),
    [
        (CellKey("1", "", "Geregistreerde slachtoffers", "2024"), "944", CellKind.COUNT),
        (CellKey("1", "", "Geregistreerde slachtoffers", "2024"), "x", CellKind.COUNT),
        (CellKey("1", "", "Geregistreerde slachtoffers", "2024"), "", CellKind.BLANK),
        # a withheld share or mean is still a share or a mean: the role tells, not the text
        (CellKey("7", "", "Arbeidsuitbuiting", "Percentage"), "52%", CellKind.PERCENT),
        (CellKey("7", "", "Arbeidsuitbuiting", "Percentage"), "x", CellKind.PERCENT),
        (CellKey("7", "", "Arbeidsuitbuiting", "Aantal"), "<5", CellKind.COUNT),
        (CellKey("22", "jaar", MEAN_ROW, "2024"), "34", CellKind.MEAN),
        (CellKey("22", "jaar", MEAN_ROW, "2024"), "x", CellKind.MEAN),
        (CellKey("T1", "", "Roemenië", "Rang"), "2", CellKind.RANK),
        (CellKey("T1", "", "Roemenië", "Totaal slachtoffers"), "84", CellKind.COUNT),
        (CellKey("10", "", "Uitstel van vertrek minder dan 30 dagen", "2024"), "<10", CellKind.ROUNDED),
    ],
)
def test_the_kind_of_a_declared_cell_follows_its_label_roles(key, display, kind):
    assert cell_kind(key, display) == kind


@pytest.mark.parametrize(
    ("key", "display", "kind"),
    [
        (CellKey("99", "", "Iets", "2024"), "52%", CellKind.PERCENT),  # a figure the catalogue does not know
        (CellKey("99", "", "Iets", "2024"), "12", CellKind.COUNT),
        (CellKey("1", "oud", "Geregistreerde slachtoffers", "2024"), "12", CellKind.COUNT),  # unknown part
        (CellKey("22", "jaar", "Gemiddelde leeftijd (jaren)", "2024"), "34", CellKind.COUNT),  # never guessed
        (CellKey("10", "", "Een oud label", "2024"), "15", CellKind.ROUNDED),  # of a rounded figure
        (CellKey("99", "", "Iets", "Rang"), "", CellKind.BLANK),
    ],
)
def test_a_cell_the_catalogue_does_not_declare_is_read_from_its_text(key, display, kind):
    assert declared_kind(key.figure, key.part, key.row, key.column) is None
    assert cell_kind(key, display) == kind


def test_a_declared_role_decides_even_beside_an_unknown_label():
    """A renamed row of Figuur 7 in an older edition: its Percentage column is still a share."""
    assert cell_kind(CellKey("7", "", "Een oude vorm", "Percentage"), "x") == CellKind.PERCENT
    assert declared_kind("7", "", "Een oude vorm", "Aantal") is None


def test_disclosure_control_reads_the_same_kinds_for_earlier_editions_and_facts():
    share = CellKey("7", "", "Arbeidsuitbuiting", "Percentage")
    rounded = CellKey("10", "", "Uitstel van vertrek minder dan 30 dagen", "2024")
    assert variable_kind(of_edition(share, 2023), "x") == CellKind.PERCENT
    assert is_count(of_edition(rounded, 2023), "15") and is_count(rounded, "<10")
    assert not is_count(share, "x")
    assert variable_kind(fact_key("slachtoffers_2024"), "944") == CellKind.COUNT
    assert variable_kind(fact_key("slachtoffers_pct_2024"), "+9%") is None  # a change: not a variable
