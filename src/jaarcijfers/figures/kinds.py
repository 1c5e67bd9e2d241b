"""What a published cell is (`CellKind`), derived from the roles the figure catalogue gives its labels.

The one place that says what a cell of a published edition holds: `edition.files.read_edition` reads an
edition back with it, and disclosure control (`sdc.structure.variable_kind`) decides with it which
cells are counts (its variables). The kind follows from the catalogue entry of the cell's figure and
block: a row of means is a mean (`Block.means`); a label whose role is `Role.SHARE`, `Role.MEAN` or
`Role.RANK` (the column's first, then the row's) makes the cell a percentage, a mean or a rank; any other
declared cell is a count, delivered rounded in a rounded figure (IND, Raad voor de rechtspraak). An empty
cell is blank (deliberately not shown), whatever its labels.

A cell the catalogue does not declare (a figure, part or label it does not know: an edition published
before a label was renamed, or one imported from elsewhere) is read from its text alone: `52%` is a
percentage, anything else a count (rounded when its figure is a rounded one). A mean or a rank is never
guessed from a label's wording: without a declaration such a cell counts as a count, which disclosure
control treats most cautiously (a variable to protect) and `sdc.identities` refuses for a figure it
derives identities of (an unknown label is a `CatalogueError` there).
"""

from __future__ import annotations

from functools import cache

from jaarcijfers.figures.catalogue import CATALOGUE
from jaarcijfers.figures.model import CellKey, CellKind
from jaarcijfers.figures.spec import NUMERIC_ROLES, Axis, Figure, Role

_KIND_OF_ROLE = {Role.SHARE: CellKind.PERCENT, Role.MEAN: CellKind.MEAN, Role.RANK: CellKind.RANK}


@cache
def _figures() -> dict[str, Figure]:
    return {f.id: f for f in CATALOGUE}


def _declares(axis: Axis, text: str) -> bool:
    """Whether `text` is a label of `axis` (a year of a year axis; any label of an axis taking its labels
    from the data)."""
    if axis.years:
        return len(text) == 4 and text.isdigit()
    return axis.from_data or axis.get(text) is not None


@cache
def declared_kind(figure: str, part: str, row: str, column: str) -> CellKind | None:
    """The kind the catalogue declares for a cell (never `BLANK`), None when it does not declare the cell
    (an unknown figure, part or label, and no label with a role that decides it)."""
    fig = _figures().get(figure)
    block = fig.block(part) if fig is not None else None
    if fig is None or block is None:
        return None
    if any(m.label == row for m in block.means):
        return CellKind.MEAN
    declared = True
    for axis, text in ((block.columns, column), (block.rows, row)):
        entry = axis.get(text)
        if entry is not None and entry.role not in NUMERIC_ROLES:
            return _KIND_OF_ROLE[entry.role]
        declared = declared and _declares(axis, text)
    if not declared:
        return None
    return CellKind.ROUNDED if fig.rounded else CellKind.COUNT


def cell_kind(key: CellKey, display: str) -> CellKind:
    """What a published cell is: `BLANK` when empty, else the kind its catalogue entry declares
    (`declared_kind`), else (a cell the catalogue does not know) a `PERCENT` when its text is a
    percentage and a count otherwise (`ROUNDED` in a rounded figure)."""
    if display == "":
        return CellKind.BLANK
    kind = declared_kind(key.figure, key.part, key.row, key.column)
    if kind is not None:
        return kind
    if display.strip().endswith("%"):
        return CellKind.PERCENT
    fig = _figures().get(key.figure)
    return CellKind.ROUNDED if fig is not None and fig.rounded else CellKind.COUNT
