"""Every figure of the report, declared once.

Labels are the exact published labels; codes are those of the rules' dimension views (`rules/`).
Titles use `{periode}` (first–last year shown) and `{jaar}` (the reporting year). Every output reads
figures from here; `tests/figures/test_catalogue.py` checks each entry is documented and produces the
rows and columns of the reference edition.
"""

from __future__ import annotations

from jaarcijfers.figures.spec import Axis, Block, Figure, lab

COMENSHA = "CoMensha"
COMENSHA_NR = "CoMensha, bewerking Nationaal Rapporteur"
MEER_VORMEN = (
    "De aantallen tellen op tot meer dan het totaal aantal slachtoffers (zie Figuur 1), omdat slachtoffers "
    "meerdere vormen van mensenhandel meegemaakt kunnen hebben."
)
AFGEROND = "De cijfers zijn afgerond op vijftallen."
MEER_SECTOREN = (
    "De aantallen tellen op tot meer dan het totaal aantal slachtoffers van seksuele uitbuiting (zie Figuur 2), "
    "omdat slachtoffers in meerdere sectoren uitgebuit kunnen zijn."
)

YEARS_VICTIM = Axis("victim_jaar", years=True)

VICTIM_FORM5 = lab(
    ("Binnenlandse seksuele uitbuiting", "binnenlands"),
    ("Internationale seksuele uitbuiting", "internationaal"),
    ("Arbeidsuitbuiting", "arbeid"),
    ("Criminele uitbuiting", "crimineel"),
    ("Overig/onbekend", ("orgaanverwijdering", "onbekend")),
)
VICTIM_AGE = lab(
    ("Minderjarig", "minderjarig"),
    ("18-22 (adolescent)", "18-22"),
    ("23-29", "23-29"),
    ("30-39", "30-39"),
    ("40+", "40+"),
    ("Onbekend", "onbekend"),
)
REGIONS = lab(
    ("Nederland", "Nederland"),
    ("Europa", "Europa"),
    ("Afrika", "Afrika"),
    ("Azië", "Azië"),
    ("Latijns-Amerika", "Latijns-Amerika"),
    ("Overig", "Overig"),
    ("Onbekend", "Onbekend"),
)
MELDERS = lab(
    ("Politie", "politie"),
    ("KMar", "kmar"),
    ("NLA", "nla"),
    ("Zorgcoördinatoren", "zorgcoordinator"),
    ("Fairwork", "fairwork"),
    ("Overige melders", "overig"),
)
CASE_FORM5 = lab(
    ("Binnenlandse seksuele uitbuiting", "binnenlands"),
    ("Internationale seksuele uitbuiting", "internationaal"),
    ("Seksuele uitbuiting onbekend", "seksueel_onbekend"),
    ("Arbeidsuitbuiting", "arbeid"),
    ("Criminele/overige uitbuiting", "crimineel_overig"),
    ("Onbekend", "onbekend"),
)
CASE_FORM_OPTIONAL = frozenset({"Onbekend"})
SUSPECT_AGE = lab(
    ("Minderjarig of adolescent (t/m 22 jaar)", "t/m 22"),
    ("23-29", "23-29"),
    ("30-39", "30-39"),
    ("40+", "40+"),
    ("Onbekend", "onbekend"),
)
GENDER_CASE = lab(("Man", "man"), ("Vrouw", "vrouw"), ("Onbekend", "onbekend"))
HERKOMST = lab(
    ("Nederland", "nederland"),
    ("EU+EER+Zwitserland", "eer"),
    ("Overig", "overig"),
    ("Onbekend", "onbekend"),
)
MEAN_AGE = (("Gemiddelde leeftijd in jaren", "leeftijd"),)
OM_DECISIONS = Axis(
    "case_afdoening",
    lab(
        ("Dagvaarding voor mensenhandel", "dagvaarding_mh"),
        ("Onvoorwaardelijk sepot", "sepot"),
        ("Overig", "overig"),
    ),
)
CASE_FORM4 = lab(
    ("Seksuele uitbuiting", "seksueel"),
    ("Arbeidsuitbuiting", "arbeid"),
    ("Criminele/overige uitbuiting", "crimineel_overig"),
    ("Onbekend", "onbekend"),
)


def _victim_pair(fig_id: str, rows: Axis, cols5: Axis, **kw: object) -> tuple[Block, Block]:
    return (
        Block("jaar", rows, YEARS_VICTIM, **kw),  # type: ignore[arg-type]
        Block("vorm", rows, cols5, period="year", **kw),  # type: ignore[arg-type]
    )


def _case_pair(rows: Axis, stub: str = "", means: tuple[tuple[str, str], ...] = ()) -> tuple[Block, Block]:
    return (
        Block("jaar", rows, Axis("case_vonnisjaar", years=True), stub=stub, means=means),
        Block(
            "vorm",
            rows,
            Axis("case_vorm_split", CASE_FORM5, optional=CASE_FORM_OPTIONAL),
            period="total",
            stub=stub,
            means=means,
        ),
    )


CATALOGUE: tuple[Figure, ...] = (
    Figure(
        "1",
        "Aantal geregistreerde slachtoffers van mensenhandel, {periode}",
        COMENSHA,
        "comensha",
        "geregistreerde slachtoffers (niet-anonieme registraties)",
        "victim",
        "victim_jaar",
        "Slachtoffers",
        "line",
        (Block("", Axis("victim_all", lab(("Geregistreerde slachtoffers", "alle"))), YEARS_VICTIM),),
        description="het aantal bij CoMensha geregistreerde slachtoffers per jaar",
    ),
    Figure(
        "2",
        "Aantal geregistreerde slachtoffers van mensenhandel naar vorm van mensenhandel, {periode}",
        COMENSHA_NR,
        "comensha",
        "slachtoffers; een slachtoffer telt mee bij elke vorm",
        "victim",
        "victim_jaar",
        "Vormen van mensenhandel",
        "line",
        (
            Block(
                "",
                Axis(
                    "victim_vorm",
                    lab(
                        ("Binnenlandse seksuele uitbuiting", "binnenlands"),
                        ("Internationale seksuele uitbuiting", "internationaal"),
                        ("Arbeidsuitbuiting", "arbeid"),
                        ("Criminele uitbuiting", "crimineel"),
                        ("Gedwongen orgaanverwijdering", "orgaanverwijdering"),
                        ("Onbekend/nog niet gewerkt", "onbekend"),
                    ),
                ),
                YEARS_VICTIM,
                stub="Vorm van mensenhandel",
            ),
        ),
        notes=(MEER_VORMEN,),
        description="het aantal slachtoffers per vorm van mensenhandel per jaar",
    ),
    Figure(
        "3",
        "Aantal geregistreerde slachtoffers van seksuele uitbuiting naar sector, {periode}",
        COMENSHA_NR,
        "comensha",
        "slachtoffers van seksuele uitbuiting; een slachtoffer telt mee in elke sector",
        "victim",
        "victim_jaar",
        "Vormen van mensenhandel",
        "grouped_bar",
        (
            Block(
                "",
                Axis(
                    "victim_sector_seksueel",
                    lab(
                        ("Thuisprostitutie", "thuis"),
                        ("Escortprostitutie", "escort"),
                        ("Straatprostitutie", "straat"),
                        ("Bordelen/clubs/privéhuizen", "bordeel_club_prive"),
                        ("Hotelprostitutie", "hotel"),
                        ("Overige sectoren (massagesalons/internet etc.)", "overig"),
                        ("Raamprostitutie", "raam"),
                        (
                            "Onbekend/nog niet gewerkt",
                            ("uitsluitend_nog_niet_gewerkt", "uitsluitend_onbekend"),
                        ),
                    ),
                ),
                YEARS_VICTIM,
                stub="Sector",
            ),
        ),
        notes=(MEER_SECTOREN,),
        description="het aantal slachtoffers van seksuele uitbuiting per sector per jaar",
    ),
    Figure(
        "4",
        "Aantal geregistreerde slachtoffers van seksuele uitbuiting naar sector en herkomst, {jaar}",
        COMENSHA_NR,
        "comensha",
        "slachtoffers van seksuele uitbuiting in het verslagjaar, naar regio van nationaliteit",
        "victim",
        "victim_jaar",
        "Vormen van mensenhandel",
        "grouped_bar",
        (
            Block(
                "",
                Axis(
                    "victim_sector_seksueel",
                    lab(
                        ("Bordelen/clubs/privéhuizen", "bordeel_club_prive"),
                        ("Raamprostitutie", "raam"),
                        ("Hotelprostitutie", "hotel"),
                        ("Escortprostitutie", "escort"),
                        ("Thuisprostitutie", "thuis"),
                        ("Straatprostitutie", "straat"),
                        ("Overige sectoren", "overig"),
                        ("Nog niet gewerkt (uitsluitend)", "uitsluitend_nog_niet_gewerkt"),
                        ("Onbekend (uitsluitend)", "uitsluitend_onbekend"),
                    ),
                ),
                Axis(
                    "victim_regio",
                    lab(
                        ("Nederland", "Nederland"),
                        ("Europa", "Europa"),
                        ("Afrika", "Afrika"),
                        ("Azië", "Azië"),
                        ("Latijns-Amerika en de Caraïben", "Latijns-Amerika"),
                        ("Overig", "Overig"),
                    ),
                    optional=frozenset({"Overig"}),
                ),
                period="year",
                stub="Sector",
            ),
        ),
        notes=(
            MEER_SECTOREN,
            "Slachtoffers met een onbekende nationaliteit zijn niet weergegeven; de regio Overig alleen als er "
            "slachtoffers zijn.",
        ),
        description="slachtoffers van seksuele uitbuiting in het verslagjaar per sector en regio van herkomst",
    ),
    Figure(
        "5",
        "Aantal geregistreerde slachtoffers van arbeidsuitbuiting naar sector, {periode}",
        COMENSHA,
        "comensha",
        "slachtoffers van arbeidsuitbuiting; een slachtoffer telt mee in elke sector",
        "victim",
        "victim_jaar",
        "Vormen van mensenhandel",
        "grouped_bar",
        (
            Block(
                "",
                Axis(
                    "victim_sector_arbeid",
                    lab(
                        ("Vervoer en opslag", "vervoer_opslag"),
                        ("Bouw", "bouw"),
                        ("Horeca", "horeca"),
                        ("Overige arbeid/dienstverlening", "overige_dienstverlening"),
                        ("Industrie", "industrie"),
                        ("Landbouw/bosbouw/visserij", "landbouw_bosbouw_visserij"),
                        ("Huishouden", "huishouden"),
                        ("Groothandel/detailhandel", "groot_detailhandel"),
                        (
                            "Uitsluitend onbekend/nog niet gewerkt",
                            ("uitsluitend_nog_niet_gewerkt", "uitsluitend_onbekend"),
                        ),
                    ),
                ),
                YEARS_VICTIM,
            ),
        ),
        notes=(
            "De aantallen tellen op tot meer dan het totaal aantal slachtoffers van arbeidsuitbuiting (zie "
            "Figuur 2), omdat slachtoffers in meerdere bedrijfstakken uitgebuit kunnen zijn.",
        ),
        description="het aantal slachtoffers van arbeidsuitbuiting per sector per jaar",
    ),
    Figure(
        "6",
        "Aantal geregistreerde slachtoffers van mensenhandel naar leeftijdscategorie, per jaar ({periode}) en "
        "per vorm van mensenhandel ({jaar})",
        COMENSHA_NR,
        "comensha",
        "slachtoffers",
        "victim",
        "victim_jaar",
        "Leeftijd en geslacht",
        "grouped_bar",
        _victim_pair(
            "6",
            Axis("victim_leeftijd", VICTIM_AGE),
            Axis("victim_vorm", VICTIM_FORM5),
            stub="Leeftijdscategorie",
        ),
        description="slachtoffers per leeftijdscategorie per jaar, en in het verslagjaar per vorm van mensenhandel",
    ),
    Figure(
        "7",
        "Geregistreeerde minderjarige slachtoffers van mensenhandel naar vorm van mensenhandel, {jaar}",
        COMENSHA_NR,
        "comensha",
        "minderjarige slachtoffers in het verslagjaar; een slachtoffer telt mee bij elke vorm",
        "victim",
        "victim_jaar",
        "Leeftijd en geslacht",
        "bar",
        (
            Block(
                "",
                Axis("victim_vorm", VICTIM_FORM5),
                Axis("", lab(("Aantal", ""), ("Percentage", ""))),
                period="year",
                kind="count_share",
                where=(("victim_leeftijd", ("minderjarig",)),),
                sort_rows_by_count=True,
            ),
        ),
        notes=(
            "De aantallen tellen op tot meer dan het aantal minderjarige slachtoffers (zie Figuur 6), omdat "
            "slachtoffers meerdere vormen van mensenhandel meegemaakt kunnen hebben.",
            "Het percentage is het aandeel in het totaal van de vermeldingen van vormen.",
        ),
        description="minderjarige slachtoffers in het verslagjaar per vorm van mensenhandel",
    ),
    Figure(
        "8",
        "Aantal geregistreerde slachtoffers van mensenhandel naar geslacht, per jaar ({periode}) en per vorm van "
        "mensenhandel ({jaar})",
        COMENSHA_NR,
        "comensha",
        "slachtoffers van bekend geslacht",
        "victim",
        "victim_jaar",
        "Leeftijd en geslacht",
        "grouped_bar",
        _victim_pair(
            "8",
            Axis("victim_geslacht", lab(("Man", "man"), ("Vrouw", "vrouw"))),
            Axis("victim_vorm", VICTIM_FORM5),
        ),
        notes=(
            "Exclusief geslacht onbekend.",
            "De aantallen slachtoffers per vorm van mensenhandel in {jaar} tellen op tot meer dan het totaal aantal "
            "slachtoffers in dat jaar (zie Figuur 1), omdat slachtoffers meerdere vormen van mensenhandel "
            "meegemaakt kunnen hebben.",
        ),
        description="slachtoffers per geslacht per jaar, en in het verslagjaar per vorm van mensenhandel",
    ),
    Figure(
        "9",
        "Aantal geregistreerde slachtoffers van mensenhandel naar herkomst, per jaar ({periode}) en per vorm van "
        "mensenhandel ({jaar})",
        COMENSHA_NR,
        "comensha",
        "slachtoffers naar regio van nationaliteit",
        "victim",
        "victim_jaar",
        "Herkomst",
        "grouped_bar",
        _victim_pair(
            "9",
            Axis("victim_regio", REGIONS),
            Axis(
                "victim_vorm",
                lab(
                    (
                        "Seksuele uitbuiting",
                        ("binnenlands", "internationaal", "seksueel_nationaliteit_onbekend"),
                    ),
                    ("Arbeidsuitbuiting", "arbeid"),
                    ("Criminele uitbuiting", "crimineel"),
                    ("Overig/onbekend", ("orgaanverwijdering", "onbekend")),
                ),
            ),
        ),
        description="slachtoffers per regio van nationaliteit per jaar, en in het verslagjaar per vorm",
    ),
    Figure(
        "T1",
        "Tien meest voorkomende nationaliteiten van geregistreerde slachtoffers van mensenhandel, {jaar}",
        COMENSHA,
        "comensha",
        "slachtoffers in het verslagjaar naar nationaliteit",
        "victim",
        "victim_jaar",
        "Herkomst",
        "bar",
        (
            Block(
                "",
                Axis("victim_nationaliteit"),
                Axis("", lab(("Rang", ""), ("Totaal slachtoffers", ""))),
                period="year",
                kind="top",
                top_n=10,
                stub="Nationaliteit",
            ),
        ),
        label="Tabel",
        description="de tien nationaliteiten met de meeste slachtoffers in het verslagjaar",
    ),
    Figure(
        "10",
        "Aantal keer dat de IND uitstel van vertrek heeft verleend op grond van de geringste aanwijzing van "
        "mensenhandel, {periode}",
        "IND",
        "ind",
        "besluiten (afgerond op vijftallen)",
        "ind_tabel",
        "ind_jaar",
        "Verblijfsrechtelijke bescherming",
        "grouped_bar",
        (
            Block(
                "",
                Axis(
                    "ind_maatstaf",
                    lab(
                        ("Uitstel van vertrek minder dan 30 dagen", "uitstel_vertrek_kort"),
                        ("Uitstel van vertrek meer dan 30 dagen", "uitstel_vertrek_lang"),
                    ),
                ),
                Axis("ind_jaar", years=True),
                kind="table",
                table="ind_tabel",
            ),
        ),
        notes=(
            "De ingekorte bedenktijd van maximaal 30 dagen voor slachtoffers op wie de Dublinverordening van "
            "toepassing is bestaat sinds mei 2023.",
            AFGEROND,
        ),
        rounded=True,
        description="uitstel van vertrek verleend door de IND per jaar",
    ),
    Figure(
        "11",
        "Aantal aangevraagde en verleende B8-vergunningen, verleende B9-vergunningen en vergunningen op grond van "
        "schrijnend pad, {periode}",
        "IND",
        "ind",
        "aanvragen en verleende vergunningen (afgerond op vijftallen)",
        "ind_tabel",
        "ind_jaar",
        "Verblijfsrechtelijke bescherming",
        "grouped_bar",
        (
            Block(
                "",
                Axis(
                    "ind_maatstaf",
                    lab(
                        ("B8 (aanvragen)", "b8_aanvragen"),
                        ("B8 (verleend)", "b8_verleend"),
                        ("B9 (verleend)", "b9_verleend"),
                        ("Schrijnend pad (verleend)", "schrijnend_verleend"),
                    ),
                ),
                Axis("ind_jaar", years=True),
                kind="table",
                table="ind_tabel",
            ),
        ),
        notes=(AFGEROND,),
        rounded=True,
        description="aanvragen en verleningen van verblijfsvergunningen per jaar",
    ),
    Figure(
        "12",
        "Aantal geregistreerde slachtoffers van mensenhandel naar melder, per jaar ({periode}) en per vorm van "
        "mensenhandel ({jaar})",
        COMENSHA_NR,
        "comensha",
        "slachtoffers; een slachtoffer telt mee bij elke melder",
        "victim",
        "victim_jaar",
        "Melders",
        "grouped_bar",
        _victim_pair("12", Axis("victim_melder", MELDERS), Axis("victim_vorm", VICTIM_FORM5), stub="Melder"),
        notes=(
            "De aantallen tellen op tot meer dan het totaal aantal slachtoffers (zie Figuur 1), omdat een "
            "slachtoffer door meer dan één organisatie gemeld kan zijn.",
        ),
        description="slachtoffers per melder per jaar, en in het verslagjaar per vorm van mensenhandel",
    ),
    Figure(
        "13",
        "Aantal gestarte opsporingsonderzoeken naar vorm van mensenhandel, {periode}",
        "EMM, bewerking Nationaal Rapporteur",
        "emm",
        "gestarte opsporingsonderzoeken; een onderzoek telt mee bij elke vorm",
        "investigation",
        "investigation_jaar",
        "Opsporing",
        "grouped_bar",
        (
            Block(
                "",
                Axis(
                    "investigation_vorm",
                    lab(
                        ("Seksuele uitbuiting", "seksueel"),
                        ("Arbeidsuitbuiting", "arbeid"),
                        ("Criminele uitbuiting", "crimineel"),
                        ("Overig/onbekend", "overig_onbekend"),
                    ),
                ),
                Axis("investigation_jaar", years=True),
                stub="Vorm van mensenhandel",
            ),
        ),
        notes=(
            "De aantallen tellen op tot meer dan het in de tekst genoemde totaal aantal opsporingsonderzoeken, "
            "omdat een opsporingsonderzoek meerdere vormen van mensenhandel kan betreffen.",
            "Onderzoeken van de NLA tellen altijd mee als arbeidsuitbuiting.",
        ),
        description="gestarte opsporingsonderzoeken per vorm van mensenhandel per jaar",
    ),
    Figure(
        "14",
        "Aantal verdachten van mensenhandel in opsporingsonderzoeken naar geslacht, {periode}",
        "EMM",
        "emm",
        "verdachten (uniek per startjaar van hun onderzoeken)",
        "suspect",
        "suspect_jaar",
        "Opsporing",
        "grouped_bar",
        (
            Block(
                "",
                Axis(
                    "suspect_geslacht",
                    lab(
                        ("Mannen", "man"),
                        ("Vrouwen", "vrouw"),
                        ("Onbekend", "onbekend"),
                        ("Totaal", ("man", "vrouw", "onbekend")),
                    ),
                ),
                Axis("suspect_jaar", years=True),
                stub="Geslacht",
            ),
        ),
        description="verdachten in opsporingsonderzoeken per geslacht per jaar",
    ),
    Figure(
        "15",
        "Aantal bij het OM ingeschreven mensenhandelzaken, {periode}",
        "OM",
        "om",
        "bij het OM ingeschreven zaken",
        "case",
        "case_inschrijfjaar",
        "Vervolging",
        "line",
        (
            Block(
                "",
                Axis("case_all", lab(("Ingeschreven mensenhandelzaken", "alle"))),
                Axis("case_inschrijfjaar", years=True),
            ),
        ),
        description="het aantal bij het OM ingeschreven mensenhandelzaken per jaar",
    ),
    Figure(
        "16",
        "Aantal bij het OM ingeschreven mensenhandelzaken naar vorm van mensenhandel, {periode}",
        "OM",
        "om",
        "bij het OM ingeschreven zaken; één vorm per zaak",
        "case",
        "case_inschrijfjaar",
        "Vervolging",
        "stacked_bar",
        (
            Block(
                "",
                Axis("case_vorm", CASE_FORM4),
                Axis("case_inschrijfjaar", years=True),
            ),
        ),
        description="ingeschreven zaken per vorm van mensenhandel per jaar",
    ),
    Figure(
        "17",
        "Aantal door het OM afgehandelde mensenhandelzaken naar type afhandeling, per jaar ({periode}) en per vorm "
        "van mensenhandel (totaal {periode})",
        "OM",
        "om",
        "door het OM afgehandelde zaken",
        "case",
        "case_afdoeningsjaar",
        "Vervolging",
        "grouped_bar",
        (
            Block("jaar", OM_DECISIONS, Axis("case_afdoeningsjaar", years=True)),
            Block("vorm", OM_DECISIONS, Axis("case_vorm", CASE_FORM4), period="total"),
        ),
        description="door het OM afgehandelde zaken per type afhandeling, per jaar en per vorm over vijf jaar",
    ),
    Figure(
        "18",
        "In eerste aanleg afgedane zaken naar vorm van mensenhandel, {periode}",
        "OM",
        "om",
        "in eerste aanleg afgedane zaken",
        "case",
        "case_vonnisjaar",
        "Berechting in eerste aanleg",
        "grouped_bar",
        (
            Block(
                "",
                Axis(
                    "case_vorm_split",
                    lab(
                        (
                            "Seksuele uitbuiting - totaal",
                            ("binnenlands", "internationaal", "seksueel_onbekend"),
                        ),
                        ("Binnenlandse seksuele uitbuiting", "binnenlands"),
                        ("Internationale seksuele uitbuiting", "internationaal"),
                        ("Seksuele uitbuiting - onbekend", "seksueel_onbekend"),
                        ("Arbeidsuitbuiting", "arbeid"),
                        ("Criminele/overige uitbuiting", "crimineel_overig"),
                        ("Onbekend", "onbekend"),
                        (
                            "Totaal",
                            (
                                "binnenlands",
                                "internationaal",
                                "seksueel_onbekend",
                                "arbeid",
                                "crimineel_overig",
                                "onbekend",
                            ),
                        ),
                    ),
                    optional=frozenset({"Onbekend"}),
                ),
                Axis("case_vonnisjaar", years=True),
                stub="Vorm van mensenhandel",
                blank_rows_when_split_hidden=(
                    "Binnenlandse seksuele uitbuiting",
                    "Internationale seksuele uitbuiting",
                    "Seksuele uitbuiting - onbekend",
                ),
            ),
        ),
        notes=(
            "In een jaar waarin van minder dan de helft van de zaken van seksuele uitbuiting bekend is of het om "
            "binnenlandse of internationale seksuele uitbuiting gaat, wordt die uitsplitsing niet gegeven.",
        ),
        description="in eerste aanleg afgedane zaken per vorm van mensenhandel per jaar",
    ),
    Figure(
        "19",
        "In eerste aanleg afgedane zaken naar einduitspraak, per jaar van vonnis in eerste aanleg ({periode}) en per "
        "vorm van mensenhandel (totaal {periode})",
        "OM",
        "om",
        "in eerste aanleg afgedane zaken",
        "case",
        "case_vonnisjaar",
        "Berechting in eerste aanleg",
        "grouped_bar",
        _case_pair(
            Axis(
                "case_uitspraak",
                lab(
                    ("Vrijspraak voor mensenhandel", "vrijspraak"),
                    ("Veroordeling voor mensenhandel", "veroordeling"),
                    ("Overig/onbekend", "overig_onbekend"),
                ),
            )
        ),
        description="afgedane zaken per einduitspraak, per jaar en per vorm over vijf jaar",
    ),
    Figure(
        "20",
        "Aantal hoger beroepen in mensenhandelzaken naar type eindarrest naar jaar van afdoening in hoger beroep, "
        "{periode}",
        "Raad voor de rechtspraak",
        "rechtspraak",
        "zaken met een eindarrest in hoger beroep (afgerond op vijftallen)",
        "rechtspraak_tabel",
        "rechtspraak_jaar",
        "Hoger beroep en cassatie",
        "grouped_bar",
        (
            Block(
                "",
                Axis(
                    "rechtspraak_maatstaf",
                    lab(
                        ("Totaal aantal zaken met eindarrest in hoger beroep", "hoger_beroep_totaal"),
                        ("Eindarrest vrijspraak", "eindarrest_vrijspraak"),
                        ("Eindarrest schuldigverklaring", "eindarrest_schuldig"),
                        (
                            "Eindarrest schuldigverklaring, waarin specifiek mensenhandel bewezen verklaard",
                            "eindarrest_schuldig_mh_bewezen",
                        ),
                        ("Eindarrest overig", "eindarrest_overig"),
                    ),
                ),
                Axis("rechtspraak_jaar", years=True),
                kind="table",
                table="rechtspraak_tabel",
            ),
        ),
        notes=(
            "De cijfers zijn afgerond op vijftallen. Aantallen kleiner dan 10 zijn weergegeven als '<10' in de tabel "
            "en zijn gearceerd in de grafiek. Een mensenhandelzaak kan over meer (strafbare) feiten gaan dan alleen "
            "mensenhandel. Het hoger beroep kan ingesteld zijn voor het mensenhandelfeit, voor een ander feit of "
            "voor een combinatie.",
        ),
        rounded=True,
        description="zaken met een eindarrest in hoger beroep per type eindarrest per jaar",
    ),
    Figure(
        "21",
        "Aantal cassaties in mensenhandelzaken naar jaar van afdoening in hoger beroep, {periode}",
        "Raad voor de rechtspraak",
        "rechtspraak",
        "ingestelde cassaties (afgerond op vijftallen)",
        "rechtspraak_tabel",
        "rechtspraak_jaar",
        "Hoger beroep en cassatie",
        "bar",
        (
            Block(
                "",
                Axis("rechtspraak_maatstaf", lab(("Cassatie ingesteld", "cassatie_ingesteld"))),
                Axis("rechtspraak_jaar", years=True),
                kind="table",
                table="rechtspraak_tabel",
            ),
        ),
        notes=(AFGEROND,),
        rounded=True,
        description="ingestelde cassaties per jaar van afdoening in hoger beroep",
    ),
    Figure(
        "22",
        "In eerste aanleg berechte verdachten van mensenhandel naar leeftijdscategorie en gemiddelde leeftijd, per "
        "jaar van vonnis in eerste aanleg ({periode}) en vorm van mensenhandel (totaal {periode})",
        "OM",
        "om",
        "in eerste aanleg berechte verdachten (één verdachte per zaak)",
        "case",
        "case_vonnisjaar",
        "Leeftijd en geslacht van in eerste aanleg berechte verdachten",
        "grouped_bar",
        _case_pair(
            Axis("case_leeftijd", SUSPECT_AGE, optional=frozenset({"Onbekend"})),
            stub="Leeftijd in jaren",
            means=MEAN_AGE,
        ),
        notes=("Leeftijd op de (eerste) pleegdatum; het gemiddelde is berekend over de bekende leeftijden.",),
        description="berechte verdachten per leeftijdscategorie, met de gemiddelde leeftijd",
    ),
    Figure(
        "23",
        "In eerste aanleg berechte verdachten van mensenhandel naar geslacht, per jaar van vonnis in eerste aanleg "
        "({periode}) en vorm van mensenhandel (totaal {periode})",
        "OM",
        "om",
        "in eerste aanleg berechte verdachten",
        "case",
        "case_vonnisjaar",
        "Leeftijd en geslacht van in eerste aanleg berechte verdachten",
        "grouped_bar",
        _case_pair(Axis("case_geslacht", GENDER_CASE)),
        description="berechte verdachten per geslacht, per jaar en per vorm over vijf jaar",
    ),
    Figure(
        "24",
        "In eerste aanleg berechte verdachten van mensenhandel naar herkomst, per jaar van vonnis in eerste aanleg "
        "({periode}) en vorm van mensenhandel (totaal {periode})",
        "OM",
        "om",
        "in eerste aanleg berechte verdachten naar geboorteland",
        "case",
        "case_vonnisjaar",
        "Herkomst van in eerste aanleg berechte verdachten",
        "grouped_bar",
        _case_pair(Axis("case_herkomst", HERKOMST)),
        description="berechte verdachten per land van herkomst, per jaar en per vorm over vijf jaar",
    ),
)

SECTIONS: tuple[tuple[str, str], ...] = (
    ("1", "Slachtoffers"),
    ("1", "Vormen van mensenhandel"),
    ("1", "Leeftijd en geslacht"),
    ("1", "Herkomst"),
    ("1", "Verblijfsrechtelijke bescherming"),
    ("1", "Melders"),
    ("2", "Opsporing"),
    ("2", "Vervolging"),
    ("2", "Berechting in eerste aanleg"),
    ("2", "Hoger beroep en cassatie"),
    ("2", "Leeftijd en geslacht van in eerste aanleg berechte verdachten"),
    ("2", "Herkomst van in eerste aanleg berechte verdachten"),
)


def by_id() -> dict[str, Figure]:
    return {f.id: f for f in CATALOGUE}
