"""Rule 9 — the OM's decision per `afdoeningsjaar`.

`dagvaarding_mh`: a summons (`dagvaarding`) with at least one THB fact `tenlastegelegd`;
`sepot`: `onvoorwaardelijk_sepot`; `overig`: every other decided case. Undecided cases have none.
"""

NAME = "afdoening door het OM"


def views() -> tuple[str, ...]:
    return (
        """CREATE OR REPLACE TEMP VIEW om_case_decision AS
           SELECT z.id,
                  CASE WHEN z.afdoening IS NULL THEN NULL
                       WHEN z.afdoening = 'dagvaarding' AND EXISTS (
                            SELECT 1 FROM om_thb_facts t WHERE t.zaak_id = z.id AND t.tenlastegelegd)
                            THEN 'dagvaarding_mh'
                       WHEN z.afdoening = 'onvoorwaardelijk_sepot' THEN 'sepot'
                       ELSE 'overig' END AS afdoening_mh
           FROM om_cases_base z""",
    )
