"""Rule 8 — the form of an OM case (exactly one per case) and the domestic/international split.

THB facts: article 273f Sr or a predecessor (273a, 250a, 250ter Sr), see `codelists.parse_article`.
Form: from the THB facts' articles where the shipped article table decides it; else from the THB facts'
`classificatie`; else from `om_dossiercodering.vorm`; else `onbekend`. Several forms: sexual wins, then
labour, then criminal/other (`crimineel_overig`). The split of sexual cases (`binnenlands`,
`internationaal`, `seksueel_onbekend`) only from `om_dossiercodering.subvorm`. Which judgment years
have too few known splits to show them is decided by `split_hidden_years` (used by the catalogue).
"""

NAME = "vorm van een OM-zaak"

PRIORITY = "CASE vorm WHEN 'seksueel' THEN 1 WHEN 'arbeid' THEN 2 WHEN 'crimineel_overig' THEN 3 ELSE 9 END"


def views() -> tuple[str, ...]:
    return (
        """CREATE OR REPLACE TEMP VIEW om_thb_facts AS
           SELECT f.*, a.vorm AS artikel_vorm
           FROM om_feiten f JOIN lk_article a ON a.wetsartikel = f.wetsartikel WHERE a.thb""",
        f"""CREATE OR REPLACE TEMP VIEW om_case_form AS
           WITH by_article AS (
               SELECT DISTINCT zaak_id, artikel_vorm AS vorm FROM om_thb_facts WHERE artikel_vorm IS NOT NULL
           ), by_class AS (
               SELECT DISTINCT zaak_id,
                      CASE classificatie WHEN 'mh_seksueel' THEN 'seksueel' WHEN 'mh_arbeid' THEN 'arbeid'
                           ELSE 'crimineel_overig' END AS vorm
               FROM om_thb_facts
               WHERE classificatie IN ('mh_seksueel', 'mh_arbeid', 'mh_crimineel', 'mh_overig')
                 AND zaak_id NOT IN (SELECT zaak_id FROM by_article)
           ), by_file AS (
               SELECT zaak_id, CASE vorm WHEN 'crimineel' THEN 'crimineel_overig' WHEN 'overig' THEN 'crimineel_overig'
                                         ELSE vorm END AS vorm
               FROM om_dossiercodering
               WHERE vorm IS NOT NULL
                 AND zaak_id NOT IN (SELECT zaak_id FROM by_article UNION SELECT zaak_id FROM by_class)
           ), candidates AS (
               SELECT * FROM by_article UNION ALL SELECT * FROM by_class UNION ALL SELECT * FROM by_file
           )
           SELECT z.zaak_id,
                  coalesce(arg_min(c.vorm, {PRIORITY.replace("vorm", "c.vorm")}), 'onbekend') AS vorm
           FROM om_zaken z LEFT JOIN candidates c ON c.zaak_id = z.zaak_id
           GROUP BY z.zaak_id""",
        """CREATE OR REPLACE TEMP VIEW om_cases_base AS
           SELECT z.zaak_id AS id, z.inschrijfjaar, z.afdoeningsjaar, z.vonnisjaar, z.instantie, z.afdoening,
                  z.geslacht, z.leeftijd_pleegdatum AS leeftijd, z.geboorteland, f.vorm,
                  CASE WHEN f.vorm <> 'seksueel' THEN f.vorm
                       ELSE coalesce(d.subvorm, 'seksueel_onbekend') END AS vorm_split
           FROM om_zaken z JOIN om_case_form f ON f.zaak_id = z.zaak_id
           LEFT JOIN om_dossiercodering d ON d.zaak_id = z.zaak_id""",
    )


def split_hidden_years(con) -> set[int]:
    """Judgment years in which fewer than half of the sexual cases have a known domestic/international split."""
    rows = con.execute(
        """SELECT vonnisjaar, count(*) AS n, count(*) FILTER (WHERE vorm_split <> 'seksueel_onbekend') AS known
           FROM om_cases_base WHERE vonnisjaar IS NOT NULL AND vorm = 'seksueel' GROUP BY vonnisjaar"""
    ).fetchall()
    return {int(y) for (y, n, known) in rows if 2 * known < n}
