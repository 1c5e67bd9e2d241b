"""Revisions: what an edition publishes differently from the edition of the year before (docs/editions.md).

Each edition repeats four years of the one before. Building year Y compares every cell of those years
with the recorded edition Y-1: a cell of a block with one column per year (`Period.YEARS` in the
catalogue) whose column is a year both editions show. A cell that differs is a `Revision`, with the
difference when both values are numbers and the reasons the register knows:

- `DELIVERY`: the figure's source delivered another version (other files or sha256) since;
- `RULES`: the processing rules changed (`RULES_VERSION`);
- `POLICY`: the editions have different disclosure policies and one of the values is a symbol;
- `PROTECTION`: same policy, same deliveries and rules, and one value is a symbol: disclosure control
  withheld another cell (the strict policy's secondary suppression depends on the whole edition);
- `UNKNOWN`: none of these can be established (an edition imported without its deliveries).

A cell that only one of the two editions shows (an optional row that appears, a year that had no
records) is compared with an empty previous or new value.
"""

from __future__ import annotations

from dataclasses import replace

from jaarcijfers.edition.model import Edition, Revision, RevisionReason, Revisions
from jaarcijfers.edition.record import RecordedEdition
from jaarcijfers.figures.model import CellKey
from jaarcijfers.numbers import published_number


def is_symbol(display: str) -> bool:
    """A published value that stands for a number without showing it (`<5`, `x`, `<10`)."""
    return display != "" and published_number(display) is None


def _years_blocks() -> dict[tuple[str, str], str]:
    """(figure, part) -> the figure's source, for every block with one column per year."""
    from jaarcijfers.figures.catalogue import CATALOGUE
    from jaarcijfers.figures.spec import Period

    return {(f.id, b.part): f.source_id for f in CATALOGUE for b in f.blocks if b.period == Period.YEARS}


def shared_keys(previous: RecordedEdition, current: RecordedEdition) -> list[CellKey]:
    """The cells both editions cover, in the current edition's order (then the previous one's): cells of a
    block with one column per year, in a year both editions show, of a row and figure both have."""
    blocks = _years_blocks()
    overlap = {str(y) for y in range(current.year - 4, previous.year + 1)}

    def covered(edition: RecordedEdition) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]:
        rows, columns = set(), set()
        for k in edition.cells:
            rows.add((k.figure, k.part, k.row))
            columns.add((k.figure, k.part, k.column))
        return rows, columns

    prev_rows, prev_columns = covered(previous)
    cur_rows, cur_columns = covered(current)
    figures = {k.figure for k in previous.cells} & {k.figure for k in current.cells}
    out: list[CellKey] = []
    for k in [*current.cells, *(k for k in previous.cells if k not in current.cells)]:
        if (k.figure, k.part) not in blocks or k.column not in overlap or k.figure not in figures:
            continue
        row, column = (k.figure, k.part, k.row), (k.figure, k.part, k.column)
        if k in current.cells and k in previous.cells:
            out.append(k)
            continue
        # shown by one edition only: compared when the other shows its row or its year
        rows, columns = (prev_rows, prev_columns) if k in current.cells else (cur_rows, cur_columns)
        if row in rows or column in columns:
            out.append(k)
    return out


def compare(previous: RecordedEdition, current: RecordedEdition) -> Revisions:
    """The revisions of `current` against `previous` (the recorded edition of the year before)."""
    if previous.year != current.year - 1:
        raise ValueError(f"edition {current.year} is compared with {current.year - 1}, not {previous.year}")
    blocks = _years_blocks()
    keys = shared_keys(previous, current)
    out = []
    for k in keys:
        old, new = previous.cells.get(k, ""), current.cells.get(k, "")
        if old == new:
            continue
        a, b = published_number(old), published_number(new)
        out.append(
            Revision(
                figure=k.figure,
                part=k.part,
                row=k.row,
                column=k.column,
                previous=old,
                new=new,
                difference=None if a is None or b is None else b - a,
                reasons=reasons(previous, current, blocks[(k.figure, k.part)], old, new),
            )
        )
    return Revisions(
        previous_year=previous.year,
        previous_policy=previous.policy,
        previous_version=previous.version,
        previous_imported=previous.imported,
        compared=len(keys),
        revisions=tuple(out),
    )


def reasons(
    previous: RecordedEdition, current: RecordedEdition, source: str, old: str, new: str
) -> tuple[RevisionReason, ...]:
    """Why one cell of `source` changed from `old` to `new` (see the module's docstring)."""
    symbol = is_symbol(old) or is_symbol(new)
    out = []
    if previous.policy != current.policy and symbol:
        out.append(RevisionReason.POLICY)
    known = previous.deliveries is not None and current.deliveries is not None
    if known:
        assert previous.deliveries is not None and current.deliveries is not None
        if previous.deliveries.get(source, frozenset()) != current.deliveries.get(source, frozenset()):
            out.append(RevisionReason.DELIVERY)
    rules_known = previous.rules_version is not None and current.rules_version is not None
    if rules_known and previous.rules_version != current.rules_version:
        out.append(RevisionReason.RULES)
    if not out and symbol and known and previous.policy == current.policy:
        out.append(RevisionReason.PROTECTION)
    return tuple(out) or (RevisionReason.UNKNOWN,)


def with_revisions(edition: Edition, revisions: Revisions | None) -> Edition:
    """The edition with its comparison to the edition of the year before (None: not compared)."""
    return replace(edition, revisions=revisions)
