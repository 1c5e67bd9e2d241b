"""Rule 1 — victims are the non-anonymous registrations of a year; anonymous ones are only counted."""

NAME = "slachtoffers"


def views() -> tuple[str, ...]:
    return (
        """CREATE OR REPLACE TEMP VIEW victims AS
           SELECT registratie_id AS id, jaar, geslacht, leeftijd, nationaliteit
           FROM comensha_registraties WHERE NOT anoniem""",
        """CREATE OR REPLACE TEMP VIEW anonymous_reports AS
           SELECT jaar, count(*) AS n FROM comensha_registraties WHERE anoniem GROUP BY jaar""",
        "CREATE OR REPLACE TEMP VIEW dim_victim_jaar AS SELECT id, CAST(jaar AS VARCHAR) AS code FROM victims",
        "CREATE OR REPLACE TEMP VIEW dim_victim_all AS SELECT id, 'alle' AS code FROM victims",
        """CREATE OR REPLACE TEMP VIEW dim_victim_geslacht AS
           SELECT id, coalesce(geslacht, 'onbekend') AS code FROM victims""",
        """CREATE OR REPLACE TEMP VIEW dim_victim_nationaliteit AS
           SELECT id, coalesce(nationaliteit, 'onbekend') AS code FROM victims""",
        """CREATE OR REPLACE TEMP VIEW dim_victim_melder AS
           SELECT DISTINCT m.registratie_id AS id, m.melder AS code
           FROM comensha_melders m JOIN victims v ON v.id = m.registratie_id""",
    )
