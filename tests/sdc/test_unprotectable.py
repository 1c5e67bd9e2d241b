"""Cells the strict policy cannot protect (docs/sdc.md, "When the strict policy cannot protect a cell"): a
user's error (exit 2) that names the cells, the earlier editions' values that pin them and what to do —
never an internal error; so is an earlier edition that does not fit the catalogue. The build-level test
(nothing written, nothing recorded) is in tests/test_editions_cycle.py."""

from __future__ import annotations

import pytest

from jaarcijfers.errors import UserError
from jaarcijfers.figures.model import CellKey, CellKind, RawCell
from jaarcijfers.sdc.prior import PriorEdition
from jaarcijfers.sdc.strict import POLICY, suppress
from jaarcijfers.sdc.structure import STRICT_SYMBOL, Structure
from jaarcijfers.sdc.unprotectable import Unprotectable, unprotectable

ROWS = ["Seksuele uitbuiting", "Arbeidsuitbuiting", "Criminele/overige uitbuiting", "Onbekend"]


def total(year: int) -> CellKey:
    return CellKey("15", "", "Ingeschreven mensenhandelzaken", str(year))


def form(row: str, year: int) -> CellKey:
    return CellKey("16", "", row, str(year))


def edition_2024() -> tuple[list[RawCell], Structure]:
    """Figuur 16 (cases by form) adding up to Figuur 15 (cases), for 2021 and 2024: the demo's case in
    miniature. 2021: 222 + 15 + 21 + 3 = 261."""
    values = {2021: [222, 15, 21, 3], 2024: [150, 30, 20, 9]}
    cells, structure = [], Structure()
    for year, row_values in values.items():
        for row, value in zip(ROWS, row_values, strict=True):
            cells.append(RawCell(form(row, year), value, CellKind.COUNT))
        cells.append(RawCell(total(year), sum(row_values), CellKind.COUNT))
        structure.add(f"Figuur 16 {year}", [form(r, year) for r in ROWS], "==", [total(year)])
    return cells, structure


# The 2023 edition (the publication's policy) showed every cell of the 2021 sum but the small one:
# 261 - 221 - 15 - 21 = 4. The 2024 delivery revised 2021 (222 and 3; 3 is still '<5').
EARLIER = PriorEdition(
    2023,
    {
        total(2021): "261",
        form("Seksuele uitbuiting", 2021): "221",
        form("Arbeidsuitbuiting", 2021): "15",
        form("Criminele/overige uitbuiting", 2021): "21",
        form("Onbekend", 2021): "<5",
    },
    policy="publicatie",
)


def test_a_cell_an_earlier_edition_pins_is_a_user_error_that_says_what_to_do():
    cells, structure = edition_2024()
    with pytest.raises(Unprotectable) as caught:
        suppress(cells, structure=structure, prior=[EARLIER])  # with zeros as the last resort too
    error = caught.value
    assert isinstance(error, UserError) and error.exit_code == 2
    assert error.cells == (form("Seksuele uitbuiting", 2021),)
    message = error.message
    assert message.startswith("de strikte onthullingscontrole kan niet elke cel van deze editie beschermen:")
    assert (
        "  - Figuur 16 [Seksuele uitbuiting | 2021]: te herleiden tot 221 (vereist: breedte >= 4 waarden, "
        "tot ten minste 5), en geen andere cel is nog weg te laten"
    ) in message
    assert (
        "  - editie 2023 (publicatie): Figuur 15 [Ingeschreven mensenhandelzaken | 2021] = 261, "
        "Figuur 16 [Arbeidsuitbuiting | 2021] = 15, Figuur 16 [Criminele/overige uitbuiting | 2021] = 21, "
        "Figuur 16 [Onbekend | 2021] = <5, Figuur 16 [Seksuele uitbuiting | 2021] = 221"
    ) in message
    assert '--sdc publicatie, of onthullingscontrole = "publicatie" in redactie.toml' in message
    assert "--niet-vastleggen" in message
    # the policy as the build calls it raises the same error
    with pytest.raises(Unprotectable):
        POLICY.protect(cells, [EARLIER])


def test_without_the_earlier_edition_the_same_cells_are_protected():
    """The earlier edition is the reason: the edition alone has a pattern."""
    cells, structure = edition_2024()
    result = suppress(cells, structure=structure)
    assert result.display[form("Onbekend", 2021)] == STRICT_SYMBOL and not result.exposed


def test_an_earlier_edition_that_shares_no_sum_is_not_named():
    """Only earlier values in the sums of the cells are the reason; without them the structure is."""
    other = PriorEdition(
        2022, {CellKey("1", "", "Geregistreerde slachtoffers", "2020"): "955"}, policy="strict"
    )
    key = form("Onbekend", 2021)
    error = unprotectable([(key, "te herleiden tot 3")], {key: [total(2021)]}, [other])
    assert error.exit_code == 2 and error.cells == (key,)
    assert "  - Figuur 16 [Onbekend | 2021]: te herleiden tot 3" in error.message
    assert "editie 2022" not in error.message
    assert (
        "De optellingen binnen en tussen de figuren van deze editie laten geen bescherming toe"
        in error.message
    )
    assert "--sdc" in error.message


def test_an_earlier_edition_that_does_not_fit_the_catalogue_is_a_user_error():
    """An earlier edition made with another catalogue (a label it does not know) cannot be modelled: a
    user's error naming the edition and the label, never an internal CatalogueError."""
    cells, structure = edition_2024()
    foreign = PriorEdition(2023, {**EARLIER.cells, form("Onzin", 2021): "5"}, policy="publicatie")
    with pytest.raises(UserError) as caught:
        suppress(cells, structure=structure, prior=[foreign])
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith(
        "de eerdere editie 2023 past niet bij de catalogus van de figuren: Figuur 16 [Onzin | 2021]: rij "
        "'Onzin' staat niet in de catalogus."
    )
    assert "--met-eerdere" in caught.value.message
