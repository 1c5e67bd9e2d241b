"""Code lists as small DuckDB tables the rules join against (countries, article table)."""

from __future__ import annotations


def register_lookups(con) -> None:
    from jaarcijfers.contract import codelists

    countries = codelists.countries()
    con.execute(
        "CREATE OR REPLACE TEMP TABLE lk_country (code VARCHAR, naam VARCHAR, regio VARCHAR, eer BOOLEAN)"
    )
    con.executemany(
        "INSERT INTO lk_country VALUES (?, ?, ?, ?)",
        [(c.code, c.naam, c.regio, c.eer) for c in sorted(countries.values(), key=lambda c: c.code)],
    )
    # THB facts and the form their article decides (rule 8), computed per distinct article string.
    rows = con.execute("SELECT DISTINCT wetsartikel FROM om_feiten WHERE wetsartikel IS NOT NULL").fetchall()
    con.execute("CREATE OR REPLACE TEMP TABLE lk_article (wetsartikel VARCHAR, thb BOOLEAN, vorm VARCHAR)")
    if rows:
        con.executemany(
            "INSERT INTO lk_article VALUES (?, ?, ?)",
            [(a, codelists.is_thb_article(a), codelists.article_form(a)) for (a,) in rows],
        )
