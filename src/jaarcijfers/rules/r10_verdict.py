"""Rule 10 — the first-instance verdict per `vonnisjaar`, and the OM case unit with its dimensions.

`veroordeling`: at least one THB fact `bewezen`; `vrijspraak`: no THB fact `bewezen`, at least one THB
fact `tenlastegelegd`, and every THB fact `tenlastegelegd` has `uitspraak = vrijspraak`;
`overig_onbekend`: every other judged case.
"""

from jaarcijfers.rules.r05_age_classes import suspect_class
from jaarcijfers.rules.r06_regions import herkomst

NAME = "uitspraak in eerste aanleg"


def views() -> tuple[str, ...]:
    return (
        """CREATE OR REPLACE TEMP VIEW om_case_verdict AS
           WITH t AS (
               SELECT zaak_id,
                      bool_or(uitspraak = 'bewezen') AS any_proven,
                      bool_or(tenlastegelegd) AS any_charged,
                      bool_and(NOT tenlastegelegd OR coalesce(uitspraak, '') = 'vrijspraak') AS charged_all_acquitted
               FROM om_thb_facts GROUP BY zaak_id
           )
           SELECT z.id,
                  CASE WHEN z.vonnisjaar IS NULL THEN NULL
                       WHEN coalesce(t.any_proven, false) THEN 'veroordeling'
                       WHEN coalesce(t.any_charged, false) AND t.charged_all_acquitted THEN 'vrijspraak'
                       ELSE 'overig_onbekend' END AS uitspraak_mh
           FROM om_cases_base z LEFT JOIN t ON t.zaak_id = z.id""",
        """CREATE OR REPLACE TEMP VIEW om_cases AS
           SELECT b.*, d.afdoening_mh, v.uitspraak_mh
           FROM om_cases_base b JOIN om_case_decision d ON d.id = b.id JOIN om_case_verdict v ON v.id = b.id""",
        "CREATE OR REPLACE TEMP VIEW dim_case_all AS SELECT id, 'alle' AS code FROM om_cases",
        """CREATE OR REPLACE TEMP VIEW dim_case_inschrijfjaar AS
           SELECT id, CAST(inschrijfjaar AS VARCHAR) AS code FROM om_cases""",
        """CREATE OR REPLACE TEMP VIEW dim_case_afdoeningsjaar AS
           SELECT id, CAST(afdoeningsjaar AS VARCHAR) AS code FROM om_cases WHERE afdoening_mh IS NOT NULL""",
        """CREATE OR REPLACE TEMP VIEW dim_case_vonnisjaar AS
           SELECT id, CAST(vonnisjaar AS VARCHAR) AS code FROM om_cases WHERE vonnisjaar IS NOT NULL""",
        "CREATE OR REPLACE TEMP VIEW dim_case_vorm AS SELECT id, vorm AS code FROM om_cases",
        "CREATE OR REPLACE TEMP VIEW dim_case_vorm_split AS SELECT id, vorm_split AS code FROM om_cases",
        """CREATE OR REPLACE TEMP VIEW dim_case_afdoening AS
           SELECT id, afdoening_mh AS code FROM om_cases WHERE afdoening_mh IS NOT NULL""",
        """CREATE OR REPLACE TEMP VIEW dim_case_uitspraak AS
           SELECT id, uitspraak_mh AS code FROM om_cases WHERE uitspraak_mh IS NOT NULL""",
        f"CREATE OR REPLACE TEMP VIEW dim_case_leeftijd AS SELECT id, {suspect_class('leeftijd')} AS code FROM om_cases",
        "CREATE OR REPLACE TEMP VIEW dim_case_geslacht AS SELECT id, coalesce(geslacht, 'onbekend') AS code FROM om_cases",
        f"CREATE OR REPLACE TEMP VIEW dim_case_herkomst AS SELECT id, {herkomst('geboorteland')} AS code FROM om_cases",
        "CREATE OR REPLACE TEMP VIEW dim_case_instantie AS SELECT id, instantie AS code FROM om_cases",
    )
