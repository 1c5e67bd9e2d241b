"""Rule 2 — the forms of exploitation of a victim (multi-valued).

`bedelarij` counts as criminal exploitation; `orgaanverwijdering` is its own form; `onbekend` is not a
form: a victim whose only rows are `onbekend` (or who has none) is "Onbekend/nog niet gewerkt"
(code `onbekend`). Codes: seksueel, arbeid, crimineel, orgaanverwijdering, onbekend.
"""

NAME = "vormen slachtoffers"


def views() -> tuple[str, ...]:
    return (
        """CREATE OR REPLACE TEMP VIEW victim_known_forms AS
           SELECT DISTINCT u.registratie_id AS id,
                  CASE u.vorm WHEN 'bedelarij' THEN 'crimineel' ELSE u.vorm END AS vorm
           FROM comensha_uitbuiting u JOIN victims v ON v.id = u.registratie_id
           WHERE u.vorm <> 'onbekend'""",
        """CREATE OR REPLACE TEMP VIEW victim_forms AS
           SELECT id, vorm FROM victim_known_forms
           UNION ALL
           SELECT v.id, 'onbekend' FROM victims v
           WHERE NOT EXISTS (SELECT 1 FROM victim_known_forms k WHERE k.id = v.id)""",
    )
