"""Rule 4 — sectors of sexual and labour exploitation.

Per form: a victim counts once in each known sector registered for that form (empty = `onbekend`).
Victims of that form with no known sector are "uitsluitend": `uitsluitend_nog_niet_gewerkt` when every
sector row of that form is `nog_niet_gewerkt`, else `uitsluitend_onbekend`.
Dimensions: `dim_victim_sector_seksueel`, `dim_victim_sector_arbeid`.
"""

NAME = "sectoren"

UNKNOWN = ("nog_niet_gewerkt", "onbekend")


def _sector_dim(form: str) -> str:
    return f"""CREATE OR REPLACE TEMP VIEW dim_victim_sector_{form} AS
    WITH rows_ AS (
        SELECT u.registratie_id AS id, coalesce(u.sector, 'onbekend') AS sector
        FROM comensha_uitbuiting u JOIN victims v ON v.id = u.registratie_id
        WHERE u.vorm = '{form}'
    ), per_victim AS (
        SELECT id,
               bool_and(sector = 'nog_niet_gewerkt') AS all_not_yet,
               bool_or(sector NOT IN {UNKNOWN!r}) AS any_known
        FROM rows_ GROUP BY id
    )
    SELECT DISTINCT id, sector AS code FROM rows_ WHERE sector NOT IN {UNKNOWN!r}
    UNION ALL
    SELECT id, CASE WHEN all_not_yet THEN 'uitsluitend_nog_niet_gewerkt' ELSE 'uitsluitend_onbekend' END
    FROM per_victim WHERE NOT any_known"""


def views() -> tuple[str, ...]:
    return (_sector_dim("seksueel"), _sector_dim("arbeid"))
