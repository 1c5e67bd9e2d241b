"""The engine: computes every catalogue figure from the rules' views in DuckDB.

Why SQL in DuckDB: the rules are set operations over the delivered tables (joins, distinct counts,
multi-valued dimensions), which SQL states directly and DuckDB runs in milliseconds on the demo volume
and scales to millions of rows without a dataframe copy. One generic query counts any block: distinct
units per (row label, column label), where each label maps to one or more codes of a dimension view.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

from jaarcijfers.figures.catalogue import CATALOGUE
from jaarcijfers.figures.model import CellKey, CellKind, ComputedBlock, ComputedFigure, RawCell
from jaarcijfers.figures.spec import Axis, Block, BlockKind, Figure, Labels, Period, Role

if TYPE_CHECKING:
    from jaarcijfers.warehouse.years import DeliveryYears

UNIT_VIEWS = {
    "victim": "victims",
    "investigation": "investigations",
    "suspect": "suspect_years",
    "case": "om_cases",
}


def q(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def values(labels: Labels) -> str:
    pairs = [(label, code) for label, codes in labels for code in codes]
    return ", ".join(f"({q(label)}, {q(code)})" for label, code in pairs)


def indexed_values(labels: Labels) -> str:
    """`values` with each label as its position in `labels`."""
    return ", ".join(f"({i}, {q(code)})" for i, (_, codes) in enumerate(labels) for code in codes)


def window(year: int) -> tuple[int, ...]:
    return tuple(range(year - 4, year + 1))


def default_year(con) -> int:
    """The reporting year the delivery declares (`verslagjaar` in levering.toml, kept in `loads`), else
    the latest year in the CoMensha registrations, else in any delivered year column."""
    from jaarcijfers.errors import UserError

    declared = con.execute(
        "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'loads' AND column_name = 'verslagjaar'"
    ).fetchone()
    if declared and declared[0]:
        (y,) = con.execute(
            "SELECT max(verslagjaar) FROM loads WHERE load_id IN (SELECT load_id FROM current_load)"
        ).fetchone()
        if y is not None:
            return int(y)
    candidates = [
        "SELECT max(jaar) FROM comensha_registraties",
        "SELECT max(startjaar) FROM emm_onderzoeken",
        "SELECT max(inschrijfjaar) FROM om_zaken",
        "SELECT max(jaar) FROM ind_tabel",
        "SELECT max(jaar) FROM rechtspraak_tabel",
    ]
    for sql in candidates:
        (y,) = con.execute(sql).fetchone()
        if y is not None:
            return int(y)
    raise UserError("de levering bevat geen enkel jaar: er valt niets te berekenen")


def shown_years(con, fig: Figure, year: int, known: dict[str, set[int]] | None = None) -> tuple[int, ...]:
    """The window years in which the figure's unit has records (a year without records is left out).
    `known`: the years found so far per query, shared by the figures of one build (many figures count
    the same unit)."""
    if fig.unit_table in ("ind_tabel", "rechtspraak_tabel"):
        sql = f"SELECT DISTINCT jaar FROM {fig.unit_table}"
    else:
        sql = f"SELECT DISTINCT CAST(code AS INTEGER) FROM dim_{fig.year_dim} WHERE code IS NOT NULL"
    known = {} if known is None else known
    if sql not in known:
        known[sql] = {int(y) for (y,) in con.execute(sql).fetchall()}
    return tuple(y for y in window(year) if y in known[sql])


def _axis_labels(axis: Axis, years: tuple[int, ...]) -> Labels:
    if axis.years:
        return tuple((str(y), (str(y),)) for y in years)
    return axis.labels


def _period_years(block: Block, year: int, years: tuple[int, ...]) -> tuple[int, ...]:
    return (year,) if block.period == Period.YEAR else years


def _measure(axis: Axis, role: Role) -> str:
    """The label of the measure column with `role` (exactly one is declared)."""
    (text,) = [e.text for e in axis.entries if e.role == role]
    return text


def _count(
    con, fig: Figure, block: Block, rows: Labels, cols: Labels, period: Iterable[int]
) -> dict[tuple[str, str], int]:
    if not rows or not cols or not list(period):
        return {}
    joins = [_label_join(fig, block.rows, "rd", "rmap rm"), _label_join(fig, block.columns, "cd", "cmap cm")]
    for i, (dim, codes) in enumerate(block.where):
        joins.append(
            f"JOIN dim_{dim} w{i} ON w{i}.id = y.id AND w{i}.code IN ({', '.join(q(c) for c in codes)})"
        )
    period_codes = ", ".join(q(str(y)) for y in period) or "NULL"
    # the labels as their positions: the distinct (row, column, unit) triples are found on integers and
    # the unit, then counted (the same numbers as count(DISTINCT) per label pair, several times faster)
    sql = f"""
        WITH rmap(label, code) AS (VALUES {indexed_values(rows)}),
             cmap(label, code) AS (VALUES {indexed_values(cols)})
        SELECT r, c, count(*) FROM (
            SELECT DISTINCT rm.label AS r, cm.label AS c, y.id
            FROM dim_{fig.year_dim} y {" ".join(joins)}
            WHERE y.code IN ({period_codes}))
        GROUP BY 1, 2"""
    row_labels, col_labels = [label for label, _ in rows], [label for label, _ in cols]
    return {(row_labels[r], col_labels[c]): int(n) for r, c, n in con.execute(sql).fetchall()}


def _label_join(fig: Figure, axis: Axis, alias: str, labels: str) -> str:
    """The join that gives each unit the labels of `axis`. The figure's year dimension is `y` itself:
    a unit has one anchor year (the years partition the units), so it is not joined to itself again."""
    label_alias = labels.split()[-1]
    if axis.dim == fig.year_dim:
        return f"JOIN {labels} ON {label_alias}.code = y.code"
    return (
        f"JOIN dim_{axis.dim} {alias} ON {alias}.id = y.id JOIN {labels} ON {label_alias}.code = {alias}.code"
    )


def _means(
    con, fig: Figure, block: Block, cols: Labels, column: str, period: Iterable[int]
) -> dict[str, tuple[Fraction, int] | None]:
    """Per column: the mean of the unit column over its known values, and how many there are."""
    out: dict[str, tuple[Fraction, int] | None] = {label: None for label, _ in cols}
    if not cols or not list(period):
        return out
    period_codes = ", ".join(q(str(y)) for y in period) or "NULL"
    sql = f"""
        WITH cmap(label, code) AS (VALUES {values(cols)})
        SELECT cm.label, sum(u.{column}), count(u.{column})
        FROM dim_{fig.year_dim} y
        {_label_join(fig, block.columns, "cd", "cmap cm")}
        JOIN (SELECT DISTINCT id, {column} FROM {UNIT_VIEWS[fig.unit_table]}) u ON u.id = y.id
        WHERE y.code IN ({period_codes})
        GROUP BY 1"""
    for label, total, n in con.execute(sql).fetchall():
        out[label] = (Fraction(int(total), int(n)), int(n)) if n else None
    return out


def _drop_optional(labels: Labels, optional: frozenset[str], nonzero: set[str]) -> Labels:
    return tuple((label, codes) for label, codes in labels if label not in optional or label in nonzero)


def compute_block(
    con, fig: Figure, block: Block, year: int, years: tuple[int, ...], hidden_split_years: set[int]
) -> ComputedBlock:
    key = lambda r, c: CellKey(fig.id, block.part, r, c)  # noqa: E731
    if block.kind == BlockKind.TABLE:
        return _table_block(con, fig, block, years)
    if block.kind == BlockKind.TOP:
        return _top_block(con, fig, block, year)
    period = _period_years(block, year, years)
    rows = _axis_labels(block.rows, years)
    cols = _axis_labels(block.columns, years)
    if block.kind == BlockKind.COUNT_SHARE:
        aantal, percentage = _measure(block.columns, Role.COUNT), _measure(block.columns, Role.SHARE)
        share_counts = _count_share_counts(con, fig, block, rows, period)
        row_order = [label for label, _ in rows]
        if block.sort_rows_by_count:
            row_order.sort(key=lambda r: -share_counts.get(r, 0))
        total = sum(share_counts.values())
        cells = []
        for r in row_order:
            n = share_counts.get(r, 0)
            cells.append(RawCell(key(r, aantal), n, CellKind.COUNT))
            cells.append(RawCell(key(r, percentage), Fraction(n, total) if total else None, CellKind.PERCENT))
        return ComputedBlock(block.part, block.stub, tuple(row_order), (aantal, percentage), tuple(cells))
    counts = _count(con, fig, block, rows, cols, period)
    nonzero_rows = {r for (r, _), n in counts.items() if n}
    nonzero_cols = {c for (_, c), n in counts.items() if n}
    rows = _drop_optional(rows, block.rows.optional, nonzero_rows)
    cols = _drop_optional(cols, block.columns.optional, nonzero_cols)
    cells = []
    for r, _ in rows:
        for c, _ in cols:
            blank = (
                r in block.blank_rows_when_split_hidden
                and block.columns.years
                and int(c) in hidden_split_years
            )
            cells.append(
                RawCell(
                    key(r, c),
                    None if blank else counts.get((r, c), 0),
                    CellKind.BLANK if blank else CellKind.COUNT,
                )
            )
    row_labels = [r for r, _ in rows]
    for mean in block.means:
        means = _means(con, fig, block, cols, mean.column, period)
        row_labels.append(mean.label)
        for c, _ in cols:
            m = means[c]
            cells.append(
                RawCell(key(mean.label, c), m[0], CellKind.MEAN, over=m[1])
                if m is not None
                else RawCell(key(mean.label, c), None, CellKind.BLANK)
            )
    return ComputedBlock(block.part, block.stub, tuple(row_labels), tuple(c for c, _ in cols), tuple(cells))


def _count_share_counts(
    con, fig: Figure, block: Block, rows: Labels, period: Iterable[int]
) -> dict[str, int]:
    all_block = Block(block.part, block.rows, Axis(fig.year_dim, years=True), where=block.where)
    cols = tuple((str(y), (str(y),)) for y in period)
    counts = _count(con, fig, all_block, rows, cols, period)
    out: dict[str, int] = {}
    for (r, _), n in counts.items():
        out[r] = out.get(r, 0) + n
    return out


def _top_block(con, fig: Figure, block: Block, year: int) -> ComputedBlock:
    from jaarcijfers.contract.codelists import countries

    names = {c.code: c.naam for c in countries().values()}
    rows = con.execute(
        f"""SELECT n.code, count(DISTINCT y.id) FROM dim_{fig.year_dim} y
            JOIN dim_{block.rows.dim} n ON n.id = y.id
            WHERE y.code = {q(str(year))} AND n.code <> 'onbekend' GROUP BY 1"""
    ).fetchall()
    ranked = sorted(((names.get(code, code), int(n)) for code, n in rows), key=lambda t: (-t[1], t[0]))[
        : block.top_n
    ]
    rang, aantal = _measure(block.columns, Role.RANK), _measure(block.columns, Role.COUNT)
    cells = []
    for rank, (name, n) in enumerate(ranked, start=1):
        cells.append(RawCell(CellKey(fig.id, block.part, name, rang), rank, CellKind.RANK))
        cells.append(RawCell(CellKey(fig.id, block.part, name, aantal), n, CellKind.COUNT))
    return ComputedBlock(block.part, block.stub, tuple(n for n, _ in ranked), (rang, aantal), tuple(cells))


def _table_block(con, fig: Figure, block: Block, years: tuple[int, ...]) -> ComputedBlock:
    delivered = {
        (m, int(j)): a
        for m, j, a in con.execute(f"SELECT maatstaf, jaar, aantal FROM {block.table}").fetchall()
    }
    cells = []
    for label, codes in block.rows.labels:
        for y in years:
            value = delivered.get((codes[0], y))
            key = CellKey(fig.id, block.part, label, str(y))
            cells.append(
                RawCell(key, None, CellKind.ROUNDED, display=value)
                if value is not None
                else RawCell(key, None, CellKind.BLANK)
            )
    return ComputedBlock(
        block.part,
        block.stub,
        tuple(label for label, _ in block.rows.labels),
        tuple(str(y) for y in years),
        tuple(cells),
    )


def compute_figure(
    con,
    fig: Figure,
    year: int,
    hidden_split_years: set[int],
    delivered: DeliveryYears | None = None,
    known_years: dict[str, set[int]] | None = None,
) -> ComputedFigure:
    """One figure. `delivered`: the years each source has records for; a figure whose source has none in
    the window is `no_data` (no cells: "geen gegevens", never a table of zeros), and one whose source has
    none in the reporting year says so in a note (docs/outputs.md, "Years and sources without data")."""
    from jaarcijfers.contract.schema import SOURCE_NAMES

    source_years = delivered.by_source[fig.source_id] if delivered is not None else None
    if source_years is not None and not source_years & set(window(year)):
        fmt = {"periode": f"{year - 4}-{year}", "jaar": year}
        note = (
            f"Geen gegevens: de levering bevat geen records van {SOURCE_NAMES[fig.source_id]} "
            f"over {year - 4}-{year}."
        )
        return ComputedFigure(fig.id, fig.title.format(**fmt), (note,), (), (), no_data=True)
    years = shown_years(con, fig, year, known_years)
    blocks = tuple(compute_block(con, fig, b, year, years, hidden_split_years) for b in fig.blocks)
    blocks = _align_optional_rows(fig, blocks)
    periode = f"{years[0]}-{years[-1]}" if years else str(year)
    fmt = {"periode": periode, "jaar": year}
    notes = tuple(n.format(**fmt) for n in fig.notes)
    if source_years is not None and year not in source_years:
        notes += (
            f"Geen gegevens over {year}: de levering bevat geen records van {SOURCE_NAMES[fig.source_id]} "
            "over dat jaar.",
        )
    return ComputedFigure(fig.id, fig.title.format(**fmt), notes, years, blocks)


def _align_optional_rows(fig: Figure, blocks: tuple[ComputedBlock, ...]) -> tuple[ComputedBlock, ...]:
    """An optional row shown in one block of a figure is shown in all its blocks (rows stay aligned)."""
    optional = set().union(*(b.rows.optional for b in fig.blocks))
    if not optional or len(blocks) < 2:
        return blocks
    shown = {r for b in blocks for r in b.rows if r in optional}
    missing = [(i, r) for i, b in enumerate(blocks) for r in shown if r not in b.rows]
    if not missing:
        return blocks
    out = list(blocks)
    for i, r in missing:
        b = out[i]
        extra = tuple(RawCell(CellKey(fig.id, b.part, r, c), 0, CellKind.COUNT) for c in b.columns)
        # keep the declared order: insert before the mean rows
        means = [m.label for m in fig.blocks[i].means]
        rows = [x for x in b.rows if x not in means] + [r] + [x for x in b.rows if x in means]
        out[i] = ComputedBlock(b.part, b.stub, tuple(rows), b.columns, b.cells + extra)
    return tuple(out)


def compute_all(
    con, year: int | None = None, delivered: DeliveryYears | None = None
) -> tuple[int, tuple[ComputedFigure, ...]]:
    """Apply the rules and compute every figure of the catalogue for the reporting year. `delivered`: the
    years each source has records for (read from the warehouse when not given)."""
    from jaarcijfers.rules import apply_rules
    from jaarcijfers.rules.r08_case_form import split_hidden_years
    from jaarcijfers.warehouse.years import delivery_years

    apply_rules(con)
    if year is None:
        year = default_year(con)
    if delivered is None:
        delivered = delivery_years(con)
    hidden = split_hidden_years(con)
    known_years: dict[str, set[int]] = {}
    return year, tuple(compute_figure(con, fig, year, hidden, delivered, known_years) for fig in CATALOGUE)
