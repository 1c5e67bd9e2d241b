"""Rule 3 — domestic and international sexual exploitation, by nationality.

A sexually exploited victim with nationality NL is domestic (`binnenlands`); with another known
nationality international (`internationaal`); with unknown nationality neither
(`seksueel_nationaliteit_onbekend`), counted only where sexual exploitation is not split.
`dim_victim_vorm` holds these codes plus arbeid, crimineel, orgaanverwijdering, onbekend.
"""

NAME = "binnenlandse en internationale seksuele uitbuiting"


def views() -> tuple[str, ...]:
    return (
        """CREATE OR REPLACE TEMP VIEW dim_victim_vorm AS
           SELECT f.id,
                  CASE WHEN f.vorm <> 'seksueel' THEN f.vorm
                       WHEN v.nationaliteit = 'NL' THEN 'binnenlands'
                       WHEN v.nationaliteit IS NULL THEN 'seksueel_nationaliteit_onbekend'
                       ELSE 'internationaal' END AS code
           FROM victim_forms f JOIN victims v ON v.id = f.id""",
    )
