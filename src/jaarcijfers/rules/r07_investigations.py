"""Rule 7 — investigations and suspects (EMM).

An investigation counts under every form its rows name (`overig` → `overig_onbekend`); one whose
`partij` is `nla` also counts as labour exploitation (`arbeid`) whatever its rows say; one with no form
row that is not the NLA's is `overig_onbekend`. Suspects are distinct `verdachte_id` per start year of
their investigations; a suspect's gender in a year is the first known value in the order man, vrouw;
age the lowest known age, nationality the first known code in alphabetical order.
"""

NAME = "opsporingsonderzoeken en verdachten"


def views() -> tuple[str, ...]:
    return (
        """CREATE OR REPLACE TEMP VIEW investigations AS
           SELECT onderzoek_id AS id, startjaar AS jaar, partij FROM emm_onderzoeken""",
        "CREATE OR REPLACE TEMP VIEW dim_investigation_jaar AS SELECT id, CAST(jaar AS VARCHAR) AS code FROM investigations",
        """CREATE OR REPLACE TEMP VIEW dim_investigation_vorm AS
           SELECT DISTINCT f.onderzoek_id AS id,
                  CASE f.vorm WHEN 'overig' THEN 'overig_onbekend' ELSE f.vorm END AS code
           FROM emm_onderzoek_vormen f JOIN investigations i ON i.id = f.onderzoek_id
           UNION
           SELECT id, 'arbeid' FROM investigations WHERE partij = 'nla'
           UNION
           SELECT i.id, 'overig_onbekend' FROM investigations i
           WHERE i.partij <> 'nla'
             AND NOT EXISTS (SELECT 1 FROM emm_onderzoek_vormen f WHERE f.onderzoek_id = i.id)""",
        """CREATE OR REPLACE TEMP VIEW suspect_years AS
           SELECT s.verdachte_id || '|' || CAST(o.startjaar AS VARCHAR) AS id, s.verdachte_id,
                  o.startjaar AS jaar,
                  CASE WHEN bool_or(s.geslacht = 'man') THEN 'man'
                       WHEN bool_or(s.geslacht = 'vrouw') THEN 'vrouw' ELSE 'onbekend' END AS geslacht,
                  min(s.leeftijd) AS leeftijd,
                  min(s.nationaliteit) AS nationaliteit
           FROM emm_verdachten s JOIN emm_onderzoeken o ON o.onderzoek_id = s.onderzoek_id
           GROUP BY s.verdachte_id, o.startjaar""",
        "CREATE OR REPLACE TEMP VIEW dim_suspect_jaar AS SELECT id, CAST(jaar AS VARCHAR) AS code FROM suspect_years",
        "CREATE OR REPLACE TEMP VIEW dim_suspect_geslacht AS SELECT id, geslacht AS code FROM suspect_years",
        """CREATE OR REPLACE TEMP VIEW dim_suspect_nationaliteit AS
           SELECT id, coalesce(nationaliteit, 'onbekend') AS code FROM suspect_years""",
    )
