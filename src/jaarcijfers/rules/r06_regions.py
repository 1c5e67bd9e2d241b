"""Rule 6 — regions of nationality (victims) and herkomst by country of birth (tried suspects).

Victims: the `regio` of the shipped country list; empty nationality = `Onbekend`.
Suspects: `nederland`, `eer` (EU-27, IS, LI, NO, CH, without NL), `overig`, `onbekend`.
"""

NAME = "regio's en herkomst"


def herkomst(col: str) -> str:
    return f"""CASE WHEN {col} IS NULL THEN 'onbekend' WHEN {col} = 'NL' THEN 'nederland'
               WHEN (SELECT eer FROM lk_country k WHERE k.code = {col}) THEN 'eer' ELSE 'overig' END"""


def views() -> tuple[str, ...]:
    return (
        """CREATE OR REPLACE TEMP VIEW dim_victim_regio AS
           SELECT v.id, CASE WHEN v.nationaliteit IS NULL THEN 'Onbekend' ELSE coalesce(k.regio, 'Onbekend') END AS code
           FROM victims v LEFT JOIN lk_country k ON k.code = v.nationaliteit""",
    )
