"""The checks of the plausibility review, in SQL over the warehouse's history (docs/editions.md).

Every check is derived from the input contract (`contract.schema`), so a new file or column is reviewed
without a change here:

- each record has a year: its file's first year column, else its parent's (through the file's foreign
  key: a CoMensha form row has its registration's year);
- the categories of a file are its coded columns (code lists, sectors, ja/nee, countries); a table
  delivery (`aantal`) has its `maatstaf` as category and the delivered number as count;
- an unknown value is an empty cell of a column that may be empty, or the code `onbekend`;
- the columns whose empty cell means "not yet" (a decision or judgment still to come, `PENDING`) are
  left out of both tests: in the most recent years their empty share rises and their categories shrink
  by nature.

For the reporting year Y against Y-1 (per source, on its current delivery version):

- a count that changed beyond noise: the conditional Poisson test (`stats.poisson_change_p`) below
  `ALPHA`, and by at least `MIN_CHANGE` of the earlier count (a real but negligible change is no
  question); a category that went to zero is "gone" (for a column of reporting organisations,
  `REPORTERS`: a reporter that stopped reporting), one the four years before did not have is "new";
- a year missing: rows of Y-1 and none of Y;
- a rising share of unknowns: Fisher's exact test (`stats.share_increase_p`) below `ALPHA` and at least
  `MIN_SHARE_RISE` higher.

Between two delivery versions of a source (its current load and the one before): per file and year the
records added, removed and changed (records matched on the file's unique key; a file without one is
compared row for row), and a question for every earlier year whose records changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from jaarcijfers import dutch
from jaarcijfers.contract.schema import FILES, SOURCE_NAMES, FileSpec, Kind
from jaarcijfers.review.model import Question, QuestionKind, SourceReview, VersionChange
from jaarcijfers.review.stats import poisson_change_p, share_increase_p

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

ALPHA = 0.001
"""Significance of every test: with a few hundred counts per delivery, about one question in a
thousand tests is noise."""
MIN_CHANGE = 0.25
"""A significant change is asked about when it is at least a quarter of the earlier count."""
MIN_SHARE_RISE = 0.05
"""A significant rise of the share of unknowns is asked about when it is at least 5 percentage points."""
REPORTERS = {("comensha_melders", "melder"), ("emm_onderzoeken", "partij"), ("om_zaken", "instantie")}
"""Columns whose categories are reporting organisations (docs/data-contract.md)."""
PENDING = {
    ("om_zaken", "afdoening"),
    ("om_zaken", "afdoeningsjaar"),
    ("om_zaken", "vonnisjaar"),
    ("om_feiten", "uitspraak"),
}
"""Columns whose empty cell means "not (yet) decided or judged" (docs/data-contract.md): not reviewed."""
CATEGORY_KINDS = (Kind.CODE, Kind.SECTOR, Kind.BOOL, Kind.COUNTRY)
UNKNOWN_CODE = "onbekend"
W = "wh.main"


# --- the year of a record -----------------------------------------------------------------------------
def year_column(spec: FileSpec) -> str | None:
    return next((c.name for c in spec.columns if c.kind is Kind.YEAR), None)


def relation(spec: FileSpec, load: int) -> str:
    """The rows of `spec` in delivery version `load`, with their year as `_y` (SQL)."""
    own = year_column(spec)
    if own is not None:
        return f'(SELECT t.*, t."{own}" AS _y FROM {W}."{spec.name}_history" t WHERE t.load_id = {int(load)})'
    for fk in spec.foreign_keys:
        parent = FILES[fk.ref_file]
        parent_year = year_column(parent)
        if parent_year is None:
            continue
        on = " AND ".join(f'p."{r}" = t."{c}"' for c, r in zip(fk.columns, fk.ref_columns, strict=True))
        return (
            f'(SELECT t.*, p."{parent_year}" AS _y FROM {W}."{spec.name}_history" t '
            f'LEFT JOIN {W}."{parent.name}_history" p ON p.load_id = {int(load)} AND {on} '
            f"WHERE t.load_id = {int(load)})"
        )
    return f'(SELECT t.*, CAST(NULL AS INTEGER) AS _y FROM {W}."{spec.name}_history" t WHERE t.load_id = {int(load)})'


def is_table(spec: FileSpec) -> bool:
    return any(c.kind is Kind.AANTAL for c in spec.columns)


# --- loads --------------------------------------------------------------------------------------------
def loads(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int | None]]:
    """Per source: (current load, the load of that source before it or None)."""
    out: dict[str, tuple[int, int | None]] = {}
    for source, current in con.execute(
        f"SELECT source, load_id FROM {W}.current_load ORDER BY source"
    ).fetchall():
        row = con.execute(
            f"SELECT max(load_id) FROM {W}.provenance WHERE source = ? AND load_id < ?", [source, current]
        ).fetchone()
        out[source] = (int(current), None if row is None or row[0] is None else int(row[0]))
    return out


# --- the review of one source ------------------------------------------------------------------------
def review_source(
    con: duckdb.DuckDBPyConnection, source: str, load: int, previous: int | None, year: int
) -> SourceReview:
    questions: list[Question] = []
    counts: list[tuple[str, int, int]] = []
    changes: list[VersionChange] = []
    for spec in FILES.values():
        if spec.source != source:
            continue
        rows = _rows_per_year(con, spec, load)
        counts += [
            (spec.name, y, n) for y, n in sorted(rows.items()) if y is not None and year - 4 <= y <= year
        ]
        questions += _file_questions(spec, rows, year)
        if is_table(spec):
            questions += _table_questions(con, spec, load, year)
        else:
            for column in spec.columns:
                if column.kind in CATEGORY_KINDS and (spec.name, column.name) not in PENDING:
                    questions += _category_questions(con, spec, column.name, load, year)
                if _may_be_unknown(spec, column.name):
                    questions += _unknown_questions(con, spec, column.name, load, year)
        if previous is not None:
            found = version_changes(con, spec, previous, load)
            changes += found
            questions += _revision_questions(spec, found, year)
    rejected = con.execute(
        f"SELECT coalesce(sum(rows_rejected), 0) FROM {W}.provenance WHERE source = ? AND load_id = ?",
        [source, load],
    ).fetchone()
    return SourceReview(
        source=source,
        name=SOURCE_NAMES.get(source, source),
        load=load,
        previous_load=previous,
        questions=tuple(questions),
        changes=tuple(changes),
        counts=tuple(counts),
        rejected=int(rejected[0]) if rejected else 0,
    )


def _rows_per_year(con: duckdb.DuckDBPyConnection, spec: FileSpec, load: int) -> dict[int | None, int]:
    return {
        y: int(n)
        for y, n in con.execute(f"SELECT _y, count(*) FROM {relation(spec, load)} GROUP BY _y").fetchall()
    }


def _fmt(n: int) -> str:
    return dutch.count(str(n))


def _pct(before: int, after: int) -> str:
    if before == 0:
        return "nieuw"
    change = round(100 * (after - before) / before)
    return f"{'+' if change > 0 else ''}{change}%"


def _file_questions(spec: FileSpec, rows: dict[int | None, int], year: int) -> list[Question]:
    a, b = rows.get(year - 1, 0), rows.get(year, 0)
    if a > 0 and b == 0:
        return [
            Question(
                spec.source,
                spec.name,
                QuestionKind.NO_DATA,
                f"{spec.name}: {_fmt(a)} rijen over {year - 1} en geen enkele over {year}. Ontbreekt {year} in "
                "de levering?",
                year=year,
                before=a,
                after=b,
            )
        ]
    p = poisson_change_p(a, b)
    if a and _beyond_noise(a, b, p):
        return [
            Question(
                spec.source,
                spec.name,
                QuestionKind.CHANGE,
                f"{spec.name}: {_fmt(a)} rijen over {year - 1} en {_fmt(b)} over {year} ({_pct(a, b)}), meer dan "
                f"toeval verklaart (p = {_p(p)}). Klopt dit, en wat is de verklaring?",
                year=year,
                before=a,
                after=b,
                p_value=p,
            )
        ]
    return []


def _p(p: float) -> str:
    """A p-value for the reader: one significant digit, decimal comma."""
    return f"{p:.1g}".replace(".", ",")


def _beyond_noise(a: int, b: int, p: float) -> bool:
    return p < ALPHA and abs(b - a) >= MIN_CHANGE * max(a, 1)


def _category_questions(
    con: duckdb.DuckDBPyConnection, spec: FileSpec, column: str, load: int, year: int
) -> list[Question]:
    counts: dict[str, dict[int, int]] = {}
    for y, value, n in con.execute(
        f'SELECT _y, CAST("{column}" AS VARCHAR), count(*) FROM {relation(spec, load)} '
        f'WHERE "{column}" IS NOT NULL AND _y BETWEEN ? AND ? GROUP BY ALL',
        [year - 4, year],
    ).fetchall():
        counts.setdefault(value, {})[int(y)] = int(n)
    shown = {"true": "ja", "false": "nee"}
    return _count_questions(
        spec,
        column,
        ((shown.get(v, v), c) for v, c in sorted(counts.items())),
        year,
        reporter=(spec.name, column) in REPORTERS,
    )


def _table_questions(con: duckdb.DuckDBPyConnection, spec: FileSpec, load: int, year: int) -> list[Question]:
    """A table delivery: the delivered number per `maatstaf` (a `<10` is not tested)."""
    category = next(c.name for c in spec.columns if c.kind is Kind.CODE)
    number = next(c.name for c in spec.columns if c.kind is Kind.AANTAL)
    counts: dict[str, dict[int, int]] = {}
    for y, value, n in con.execute(
        f'SELECT _y, "{category}", TRY_CAST("{number}" AS INTEGER) FROM {relation(spec, load)} '
        "WHERE _y BETWEEN ? AND ?",
        [year - 4, year],
    ).fetchall():
        if n is not None:
            counts.setdefault(value, {})[int(y)] = int(n)
    return _count_questions(spec, category, sorted(counts.items()), year, reporter=False, delivered=True)


def _count_questions(
    spec: FileSpec,
    column: str,
    counts: Iterable[tuple[str, dict[int, int]]],
    year: int,
    *,
    reporter: bool,
    delivered: bool = False,
) -> list[Question]:
    out = []
    for value, by_year in counts:
        a, b = by_year.get(year - 1, 0), by_year.get(year, 0)
        if delivered and (year - 1 not in by_year or year not in by_year):
            continue  # a table row missing or `<10`: not a count to test
        p = poisson_change_p(a, b)
        if not _beyond_noise(a, b, p):
            continue
        earlier = any(by_year.get(y, 0) for y in range(year - 4, year))
        where = f"{spec.name}, {column} = {value}"
        if b == 0 and reporter:
            kind = QuestionKind.SILENT
            text = (
                f"{where}: {_fmt(a)} in {year - 1} en geen enkele in {year}. Is deze melder gestopt met melden, "
                "of ontbreken meldingen in de levering?"
            )
        elif b == 0:
            kind = QuestionKind.GONE
            text = f"{where}: {_fmt(a)} in {year - 1} en geen enkele in {year}. Klopt dit, of is de codering veranderd?"
        elif not earlier:
            kind = QuestionKind.NEW
            text = (
                f"{where}: {_fmt(b)} in {year}, in geen van de vier jaren ervoor. Is dit een nieuwe categorie of "
                "een andere codering?"
            )
        else:
            kind = QuestionKind.CHANGE
            text = (
                f"{where}: {_fmt(a)} in {year - 1} en {_fmt(b)} in {year} ({_pct(a, b)}), meer dan toeval verklaart "
                f"(p = {_p(p)}). Klopt dit, en wat is de verklaring?"
            )
        out.append(Question(spec.source, spec.name, kind, text, column, value, year, a, b, p))
    return out


def _may_be_unknown(spec: FileSpec, column: str) -> bool:
    c = spec.column(column)
    if (spec.name, column) in PENDING or c.kind in (Kind.ID, Kind.STRING, Kind.AANTAL):
        return False
    if c.nullable:
        return True
    if c.kind is Kind.CODE and c.codelist:
        from jaarcijfers.contract.codelists import codes

        return UNKNOWN_CODE in codes(c.codelist)
    return False


def _unknown_questions(
    con: duckdb.DuckDBPyConnection, spec: FileSpec, column: str, load: int, year: int
) -> list[Question]:
    shares = {
        int(y): (int(u), int(n))
        for y, u, n in con.execute(
            f'SELECT _y, count(*) FILTER (WHERE "{column}" IS NULL OR CAST("{column}" AS VARCHAR) = ?), count(*) '
            f"FROM {relation(spec, load)} WHERE _y IN (?, ?) GROUP BY _y",
            [UNKNOWN_CODE, year - 1, year],
        ).fetchall()
    }
    (u1, n1), (u2, n2) = shares.get(year - 1, (0, 0)), shares.get(year, (0, 0))
    if not n1 or not n2:
        return []
    p = share_increase_p(u1, n1, u2, n2)
    if p >= ALPHA or u2 / n2 - u1 / n1 < MIN_SHARE_RISE:
        return []
    return [
        Question(
            spec.source,
            spec.name,
            QuestionKind.UNKNOWN,
            f"{spec.name}, {column}: onbekend bij {round(100 * u1 / n1)}% van de rijen over {year - 1} "
            f"({_fmt(u1)} van {_fmt(n1)}) en bij {round(100 * u2 / n2)}% over {year} ({_fmt(u2)} van {_fmt(n2)}), "
            f"meer dan toeval verklaart (p = {_p(p)}). Waarom is dit vaker onbekend?",
            column,
            None,
            year,
            u1,
            u2,
            p,
        )
    ]


# --- two delivery versions ----------------------------------------------------------------------------
def version_changes(
    con: duckdb.DuckDBPyConnection, spec: FileSpec, old: int, new: int
) -> list[VersionChange]:
    """Per year: the records of `spec` added, removed and changed from delivery version `old` to `new`."""
    key = list(spec.unique[0]) if spec.unique else list(spec.column_names)
    rest = [c for c in spec.column_names if c not in key]
    cols = ", ".join(f'"{c}"' for c in spec.column_names)
    side = f"SELECT {cols}, any_value(_y) AS _y, count(*) AS _m FROM {{rel}} GROUP BY ALL"
    match = " AND ".join(f'o."{c}" IS NOT DISTINCT FROM n."{c}"' for c in key)
    differs = " OR ".join(f'o."{c}" IS DISTINCT FROM n."{c}"' for c in rest) or "false"
    sql = f"""
        WITH o AS ({side.format(rel=relation(spec, old))}), n AS ({side.format(rel=relation(spec, new))})
        SELECT coalesce(n._y, o._y) AS y,
               coalesce(sum(o._m), 0), coalesce(sum(n._m), 0),
               coalesce(sum(greatest(coalesce(n._m, 0) - coalesce(o._m, 0), 0)), 0),
               coalesce(sum(greatest(coalesce(o._m, 0) - coalesce(n._m, 0), 0)), 0),
               count(*) FILTER (WHERE o._m IS NOT NULL AND n._m IS NOT NULL AND ({differs}))
        FROM o FULL OUTER JOIN n ON {match}
        GROUP BY ALL ORDER BY y NULLS LAST"""
    out = []
    for y, before, after, added, removed, changed in con.execute(sql).fetchall():
        if added or removed or changed:
            out.append(
                VersionChange(
                    spec.name,
                    None if y is None else int(y),
                    int(before),
                    int(after),
                    int(added),
                    int(removed),
                    int(changed),
                )
            )
    return out


def _revision_questions(spec: FileSpec, changes: list[VersionChange], year: int) -> list[Question]:
    out = []
    for c in changes:
        if c.year is None or not (year - 4 <= c.year <= year) or c.rows_before == 0:
            continue  # a year the edition does not show, or new in this version
        out.append(
            Question(
                spec.source,
                spec.name,
                QuestionKind.REVISED,
                f"{spec.name}: de gegevens over {c.year} zijn gewijzigd ten opzichte van de vorige levering "
                f"({_fmt(c.added)} rijen erbij, {_fmt(c.removed)} eraf, {_fmt(c.changed)} gewijzigd; "
                f"{_fmt(c.rows_before)} → {_fmt(c.rows_after)} rijen). Wat is de reden?",
                year=c.year,
                before=c.rows_before,
                after=c.rows_after,
            )
        )
    return out
