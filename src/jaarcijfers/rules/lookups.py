"""Code lists as small DuckDB tables the rules join against (countries, article table)."""

from __future__ import annotations


def register_lookups(con) -> None:
    from jaarcijfers.contract import codelists

    countries = codelists.countries()
    con.execute(
        "CREATE OR REPLACE TEMP TABLE lk_country (code VARCHAR, naam VARCHAR, regio VARCHAR, eer BOOLEAN)"
    )
    _insert(
        con,
        "lk_country",
        [(c.code, c.naam, c.regio, c.eer) for c in sorted(countries.values(), key=lambda c: c.code)],
    )
    # THB facts and the form their article decides (rule 8), computed per distinct article string.
    rows = con.execute("SELECT DISTINCT wetsartikel FROM om_feiten WHERE wetsartikel IS NOT NULL").fetchall()
    con.execute("CREATE OR REPLACE TEMP TABLE lk_article (wetsartikel VARCHAR, thb BOOLEAN, vorm VARCHAR)")
    _insert(con, "lk_article", [(a, codelists.is_thb_article(a), codelists.article_form(a)) for (a,) in rows])


def _insert(con, table: str, rows: list[tuple]) -> None:
    """Append `rows` in one statement: one list per column, zipped by `unnest`, in order (a statement
    per row, `executemany`, costs about half a millisecond a row)."""
    if not rows:
        return
    columns = [list(c) for c in zip(*rows, strict=True)]
    selects = ", ".join(f"unnest(${i})" for i in range(1, len(columns) + 1))
    con.execute(f"INSERT INTO {table} SELECT {selects}", columns)
