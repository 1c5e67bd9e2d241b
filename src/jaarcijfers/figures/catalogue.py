"""Every figure of the report, declared once, with what it means.

Labels are the exact published labels; codes are those of the rules' dimension views (`rules/`). Titles
use `{periode}` (first–last year shown) and `{jaar}` (the reporting year). Each axis says how its labels
cover the units (and which rule makes it so); each label its role and how a reader names its series;
each figure its links to other figures. The engine counts the figures from here, disclosure control
derives every identity an outsider knows from here (`sdc/structure.py`), the narrative names series from
here. `tests/figures/test_catalogue.py` checks each entry is documented, consistent and produces the rows
and columns of the reference edition.
"""

from __future__ import annotations

from jaarcijfers.figures.spec import (
    REPORTING_YEAR,
    Along,
    Axis,
    Block,
    BlockKind,
    Chart,
    Coverage,
    Figure,
    Label,
    Link,
    Match,
    Mean,
    Period,
    Relation,
    Role,
    Side,
    label,
    total,
    unknown,
)

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
BIN, INT = "Binnenlandse seksuele uitbuiting", "Internationale seksuele uitbuiting"
SEKS = "Seksuele uitbuiting"


def phrased(labels: tuple[Label, ...], phrases: dict[str, str]) -> tuple[Label, ...]:
    """The labels with the reader phrases of some of them replaced (a label set shared by figures that name
    their series differently)."""
    from dataclasses import replace

    unknown_ = set(phrases) - {e.text for e in labels}
    if unknown_:
        raise KeyError(f"geen label: {sorted(unknown_)}")
    return tuple(replace(e, phrase=phrases.get(e.text, e.phrase)) for e in labels)


# --------------------------------------------------------------------------------------- coverage reasons
WHY_YEARS = "every unit has one year in the figure's year dimension"
WHY_VICTIM_FORMS = (
    "rule 2: a victim counts once in each of its forms (overlap); rule 3: a sexually exploited victim of "
    "unknown nationality is in no sexual row where sexual exploitation is split (missing)"
)
WHY_VICTIM_FORMS_ALL = (
    "rule 2: a victim counts once in each of its forms (overlap); the sexual column includes the victims "
    "of unknown nationality (rule 3) and Overig/onbekend the victims without a known form, so every victim "
    "has a column"
)
WHY_SECTORS = (
    "rule 4: a victim counts once in each known sector of the form (overlap); a victim of the form without "
    "a known sector is in the 'uitsluitend' row, so every victim of the form has a row"
)
WHY_AGE = "rule 5: one age class per victim, Onbekend when the age is not known"
WHY_REGION = "rule 6: one region per victim (of its nationality), Onbekend when unknown"
WHY_REGION_NO_UNKNOWN = (
    "rule 6: one region per victim; victims of unknown nationality are not shown (missing)"
)
WHY_GENDER_KNOWN = "one gender per victim; victims of unknown gender are not shown (missing)"
WHY_REPORTERS = (
    "a victim counts once for each organisation that reported it (overlap); a victim may have no "
    "reporter row at all (missing)"
)
WHY_MEASURES = "separate measures of one table: they are not parts of a whole"
WHY_CASE_FORM = "rule 8: exactly one form per OM case"
WHY_CASE_FORM_SPLIT = (
    "rule 8: exactly one form per OM case, the sexual form split by subvorm (seksueel_onbekend without one); "
    "the totals are the sums of their parts"
)

# --------------------------------------------------------------------------------------------- label sets
YEARS_VICTIM = Axis("victim_jaar", years=True, why=WHY_YEARS)

VICTIM_FORM5 = (
    label(BIN, "binnenlands"),
    label(INT, "internationaal"),
    label("Arbeidsuitbuiting", "arbeid"),
    label("Criminele uitbuiting", "crimineel"),
    label("Overig/onbekend", ("orgaanverwijdering", "onbekend")),
)
DOMESTIC_INTERNATIONAL = ((BIN, INT),)
"""Rule 3: a victim has one nationality, so it is never both domestic and international."""


def victim_forms5(who: str = "slachtoffers") -> Axis:
    return Axis(
        "victim_vorm",
        phrased(
            VICTIM_FORM5, {"Overig/onbekend": f"{who} van gedwongen orgaanverwijdering of een onbekende vorm"}
        ),
        Coverage.OVERLAP_MISSING,
        WHY_VICTIM_FORMS,
        who + " van {r}",
        exclusive=DOMESTIC_INTERNATIONAL,
    )


VICTIM_AGE = Axis(
    "victim_leeftijd",
    (
        label("Minderjarig", "minderjarig", phrase="minderjarige slachtoffers"),
        label("18-22 (adolescent)", "18-22", phrase="adolescente slachtoffers (18-22 jaar)"),
        label("23-29", "23-29", phrase="slachtoffers van 23 tot en met 29 jaar"),
        label("30-39", "30-39", phrase="slachtoffers van 30 tot en met 39 jaar"),
        label("40+", "40+", phrase="slachtoffers van 40 jaar of ouder"),
        unknown("Onbekend", "onbekend", phrase="slachtoffers van onbekende leeftijd"),
    ),
    Coverage.PARTITION,
    WHY_AGE,
    "slachtoffers in de leeftijdscategorie {r}",
)
REGIONS = Axis(
    "victim_regio",
    (
        label("Nederland", "Nederland", phrase="slachtoffers met de Nederlandse nationaliteit"),
        label("Europa", "Europa", phrase="slachtoffers uit een ander Europees land"),
        label("Afrika", "Afrika", phrase="Afrikaanse slachtoffers"),
        label("Azië", "Azië", phrase="Aziatische slachtoffers"),
        label("Latijns-Amerika", "Latijns-Amerika", phrase="Latijns-Amerikaanse slachtoffers"),
        label("Overig", "Overig", phrase="slachtoffers uit overige regio's"),
        unknown("Onbekend", "Onbekend", phrase="slachtoffers van onbekende nationaliteit"),
    ),
    Coverage.PARTITION,
    WHY_REGION,
    "slachtoffers met een nationaliteit uit {R}",
)
MELDERS = Axis(
    "victim_melder",
    (
        label("Politie", "politie", phrase="slachtoffers gemeld door de politie"),
        label("KMar", "kmar", phrase="slachtoffers gemeld door de KMar"),
        label("NLA", "nla", phrase="slachtoffers gemeld door de Arbeidsinspectie (NLA)"),
        label("Zorgcoördinatoren", "zorgcoordinator"),
        label("Fairwork", "fairwork", phrase="slachtoffers gemeld door Fairwork"),
        label("Overige melders", "overig", phrase="slachtoffers gemeld door overige melders"),
    ),
    Coverage.OVERLAP_MISSING,
    WHY_REPORTERS,
    "slachtoffers gemeld door {r}",
)
CASE_FORM5 = (
    label(BIN, "binnenlands"),
    label(INT, "internationaal"),
    unknown("Seksuele uitbuiting onbekend", "seksueel_onbekend"),
    label("Arbeidsuitbuiting", "arbeid"),
    label("Criminele/overige uitbuiting", "crimineel_overig"),
    unknown("Onbekend", "onbekend", optional=True),
)
SUSPECT_AGE = (
    label(
        "Minderjarig of adolescent (t/m 22 jaar)",
        "t/m 22",
        phrase="berechte verdachten van 22 jaar of jonger",
    ),
    label("23-29", "23-29", phrase="berechte verdachten van 23 tot en met 29 jaar"),
    label("30-39", "30-39", phrase="berechte verdachten van 30 tot en met 39 jaar"),
    label("40+", "40+", phrase="berechte verdachten van 40 jaar of ouder"),
    unknown("Onbekend", "onbekend", optional=True),
)
MEAN_AGE = (
    Mean("Gemiddelde leeftijd in jaren", "leeftijd", "de gemiddelde leeftijd van berechte verdachten"),
)
OM_DECISIONS = Axis(
    "case_afdoening",
    (
        label("Dagvaarding voor mensenhandel", "dagvaarding_mh", phrase="dagvaardingen voor mensenhandel"),
        label("Onvoorwaardelijk sepot", "sepot", phrase="onvoorwaardelijke sepots"),
        label("Overig", "overig", phrase="anders afgehandelde zaken"),
    ),
    Coverage.PARTITION,
    "rule 9: one decision per decided case",
    "afgehandelde zaken ({r})",
)
CASE_FORM4 = (
    label(SEKS, "seksueel"),
    label("Arbeidsuitbuiting", "arbeid"),
    label("Criminele/overige uitbuiting", "crimineel_overig"),
    unknown("Onbekend", "onbekend"),
)


def count_column(text: str) -> Label:
    return label(text, role=Role.COUNT, phrase="het aantal")


# ------------------------------------------------------------------------------------------- link helpers
def per_year(this_part: str, fig: str, why: str, **other: object) -> Link:
    """Each year column of `this_part`, summed over its rows, counts the units of that year column of
    figure `fig` (summed over its rows, or the rows `over` / within `over_codes`)."""
    return Link(Side(part=this_part), Side(fig, **other), Match.YEARS, why)  # type: ignore[arg-type]


def forms_in_year(this_part: str, why: str, **kw: object) -> Link:
    """Each form column of the reporting-year block counts the victims of that form in the reporting year:
    Figuur 2's rows of the same codes."""
    return Link(
        Side(part=this_part),
        Side("2", along=Along.ROWS, at=REPORTING_YEAR),
        Match.CODES,
        why,
        **kw,  # type: ignore[arg-type]
    )


def rows_in_year(this_part: str = "vorm", year_part: str = "jaar") -> Link:
    """Each row of the reporting-year block, summed over its form columns, counts the units of that row in
    the reporting year (the year block's cell)."""
    return Link(
        Side(part=this_part, along=Along.ROWS),
        Side(part=year_part, along=Along.ROWS, at=REPORTING_YEAR),
        Match.CODES,
        "the form block counts the reporting year's units of each row",
    )


def five_year_rows() -> Link:
    return Link(
        Side(part="vorm", along=Along.ROWS),
        Side(part="jaar", along=Along.ROWS),
        Match.CODES,
        "the form block counts the units of the years shown together: a row's total over the forms is its "
        "total over the years",
    )


def first_instance_links() -> tuple[Link, ...]:
    """Figures 19, 22, 23 and 24 break the first-instance cases of Figuur 18 down."""
    return (
        per_year("jaar", "18", "the same first-instance cases per judgment year as Figuur 18's Totaal"),
        five_year_rows(),
        Link(
            Side(part="vorm"),
            Side("18", along=Along.ROWS),
            Match.CODES,
            "a form column counts the first-instance cases of that form over the years shown, which "
            "Figuur 18 gives per year",
        ),
    )


def _victim_pair(rows: Axis, cols5: Axis, **kw: object) -> tuple[Block, Block]:
    return (
        Block("jaar", rows, YEARS_VICTIM, **kw),  # type: ignore[arg-type]
        Block("vorm", rows, cols5, period=Period.YEAR, **kw),  # type: ignore[arg-type]
    )


def _case_pair(rows: Axis, cols5: Axis, stub: str = "", means: tuple[Mean, ...] = ()) -> tuple[Block, Block]:
    return (
        Block("jaar", rows, Axis("case_vonnisjaar", years=True, why=WHY_YEARS), stub=stub, means=means),
        Block("vorm", rows, cols5, period=Period.TOTAL, stub=stub, means=means),
    )


def case_forms5(phrase: str) -> Axis:
    return Axis("case_vorm_split", CASE_FORM5, Coverage.PARTITION, WHY_CASE_FORM_SPLIT, phrase)


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
        Chart.LINE,
        (
            Block(
                "",
                Axis(
                    "victim_all",
                    (total("Geregistreerde slachtoffers", "alle"),),
                    why="every victim",
                    phrase="geregistreerde slachtoffers",
                ),
                YEARS_VICTIM,
            ),
        ),
        description="het aantal bij CoMensha geregistreerde slachtoffers per jaar",
        headline=True,
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
        Chart.LINE,
        (
            Block(
                "",
                Axis(
                    "victim_vorm",
                    (
                        label(BIN, "binnenlands"),
                        label(INT, "internationaal"),
                        label("Arbeidsuitbuiting", "arbeid"),
                        label("Criminele uitbuiting", "crimineel"),
                        label(
                            "Gedwongen orgaanverwijdering",
                            "orgaanverwijdering",
                            phrase="slachtoffers van gedwongen orgaanverwijdering",
                        ),
                        unknown(
                            "Onbekend/nog niet gewerkt",
                            "onbekend",
                            phrase="slachtoffers van een onbekende vorm",
                        ),
                    ),
                    Coverage.OVERLAP_MISSING,
                    WHY_VICTIM_FORMS
                    + "; Onbekend/nog niet gewerkt = no known form, so no other row (rule 2)",
                    "slachtoffers van {r}",
                    exclusive=DOMESTIC_INTERNATIONAL,
                ),
                YEARS_VICTIM,
                stub="Vorm van mensenhandel",
            ),
        ),
        notes=(MEER_VORMEN,),
        description="het aantal slachtoffers per vorm van mensenhandel per jaar",
        links=(per_year("", "1", "the victims of each year, counted once per form"),),
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
        Chart.GROUPED_BAR,
        (
            Block(
                "",
                Axis(
                    "victim_sector_seksueel",
                    (
                        label("Thuisprostitutie", "thuis"),
                        label("Escortprostitutie", "escort"),
                        label("Straatprostitutie", "straat"),
                        label(
                            "Bordelen/clubs/privéhuizen",
                            "bordeel_club_prive",
                            phrase="slachtoffers van seksuele uitbuiting in bordelen, clubs en privéhuizen",
                        ),
                        label("Hotelprostitutie", "hotel"),
                        label(
                            "Overige sectoren (massagesalons/internet etc.)",
                            "overig",
                            phrase="slachtoffers van seksuele uitbuiting in overige sectoren",
                        ),
                        label("Raamprostitutie", "raam"),
                        unknown(
                            "Onbekend/nog niet gewerkt",
                            ("uitsluitend_nog_niet_gewerkt", "uitsluitend_onbekend"),
                            phrase="slachtoffers van seksuele uitbuiting zonder bekende sector",
                        ),
                    ),
                    Coverage.OVERLAP,
                    WHY_SECTORS,
                    "slachtoffers van seksuele uitbuiting in de {r}",
                ),
                YEARS_VICTIM,
                stub="Sector",
            ),
        ),
        notes=(MEER_SECTOREN,),
        description="het aantal slachtoffers van seksuele uitbuiting per sector per jaar",
        links=(
            per_year(
                "",
                "2",
                "the sexually exploited victims of each year; Figuur 2 shows those of known nationality "
                "(domestic or international)",
                over_codes=("binnenlands", "internationaal", "seksueel_nationaliteit_onbekend"),
            ),
        ),
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
        Chart.GROUPED_BAR,
        (
            Block(
                "",
                Axis(
                    "victim_sector_seksueel",
                    (
                        label(
                            "Bordelen/clubs/privéhuizen",
                            "bordeel_club_prive",
                            phrase="slachtoffers van seksuele uitbuiting in bordelen, clubs en privéhuizen",
                        ),
                        label("Raamprostitutie", "raam"),
                        label("Hotelprostitutie", "hotel"),
                        label("Escortprostitutie", "escort"),
                        label("Thuisprostitutie", "thuis"),
                        label("Straatprostitutie", "straat"),
                        label("Overige sectoren", "overig"),
                        unknown("Nog niet gewerkt (uitsluitend)", "uitsluitend_nog_niet_gewerkt"),
                        unknown("Onbekend (uitsluitend)", "uitsluitend_onbekend"),
                    ),
                    Coverage.OVERLAP,
                    WHY_SECTORS + "; the two 'uitsluitend' rows exclude each other",
                    "slachtoffers van seksuele uitbuiting in de {r}",
                ),
                Axis(
                    "victim_regio",
                    (
                        label(
                            "Nederland",
                            "Nederland",
                            phrase="slachtoffers van seksuele uitbuiting met de Nederlandse nationaliteit",
                        ),
                        label(
                            "Europa",
                            "Europa",
                            phrase="slachtoffers van seksuele uitbuiting uit een ander Europees land",
                        ),
                        label("Afrika", "Afrika", phrase="Afrikaanse slachtoffers van seksuele uitbuiting"),
                        label("Azië", "Azië", phrase="Aziatische slachtoffers van seksuele uitbuiting"),
                        label(
                            "Latijns-Amerika en de Caraïben",
                            "Latijns-Amerika",
                            phrase="Latijns-Amerikaanse slachtoffers van seksuele uitbuiting",
                        ),
                        label(
                            "Overig",
                            "Overig",
                            optional=True,
                            phrase="slachtoffers van seksuele uitbuiting uit overige regio's",
                        ),
                    ),
                    Coverage.MISSING,
                    WHY_REGION_NO_UNKNOWN,
                    "slachtoffers van seksuele uitbuiting met een nationaliteit uit {R}",
                ),
                period=Period.YEAR,
                stub="Sector",
            ),
        ),
        notes=(
            MEER_SECTOREN,
            "Slachtoffers met een onbekende nationaliteit zijn niet weergegeven; de regio Overig alleen als er "
            "slachtoffers zijn.",
        ),
        description="slachtoffers van seksuele uitbuiting in het verslagjaar per sector en regio van herkomst",
        links=(
            Link(
                Side(along=Along.ROWS),
                Side("3", along=Along.ROWS, at=REPORTING_YEAR),
                Match.CODES,
                "a sector row counts the reporting year's sexually exploited victims of that sector (Figuur 3), "
                "those of unknown nationality left out",
                missing_in=Side("9", "vorm", labels=(SEKS,)),
            ),
            Link(
                Side(),
                Side("9", "vorm", along=Along.ROWS, at=SEKS),
                Match.CODES,
                "a region column counts the reporting year's sexually exploited victims of that region "
                "(Figuur 9), once per sector",
            ),
        ),
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
        Chart.GROUPED_BAR,
        (
            Block(
                "",
                Axis(
                    "victim_sector_arbeid",
                    (
                        label("Vervoer en opslag", "vervoer_opslag"),
                        label("Bouw", "bouw"),
                        label("Horeca", "horeca"),
                        label(
                            "Overige arbeid/dienstverlening",
                            "overige_dienstverlening",
                            phrase="slachtoffers van arbeidsuitbuiting in overige arbeid en dienstverlening",
                        ),
                        label("Industrie", "industrie"),
                        label("Landbouw/bosbouw/visserij", "landbouw_bosbouw_visserij"),
                        label(
                            "Huishouden",
                            "huishouden",
                            phrase="slachtoffers van arbeidsuitbuiting in huishoudens",
                        ),
                        label("Groothandel/detailhandel", "groot_detailhandel"),
                        unknown(
                            "Uitsluitend onbekend/nog niet gewerkt",
                            ("uitsluitend_nog_niet_gewerkt", "uitsluitend_onbekend"),
                            phrase="slachtoffers van arbeidsuitbuiting zonder bekende sector",
                        ),
                    ),
                    Coverage.OVERLAP,
                    WHY_SECTORS,
                    "slachtoffers van arbeidsuitbuiting in de sector {r}",
                ),
                YEARS_VICTIM,
            ),
        ),
        notes=(
            "De aantallen tellen op tot meer dan het totaal aantal slachtoffers van arbeidsuitbuiting (zie "
            "Figuur 2), omdat slachtoffers in meerdere bedrijfstakken uitgebuit kunnen zijn.",
        ),
        description="het aantal slachtoffers van arbeidsuitbuiting per sector per jaar",
        links=(per_year("", "2", "the victims of labour exploitation of each year", over_codes=("arbeid",)),),
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
        Chart.GROUPED_BAR,
        _victim_pair(VICTIM_AGE, victim_forms5(), stub="Leeftijdscategorie"),
        description="slachtoffers per leeftijdscategorie per jaar, en in het verslagjaar per vorm van mensenhandel",
        links=(
            per_year("jaar", "1", "every victim of the year, by age class"),
            forms_in_year("vorm", "the reporting year's victims of each form, by age class"),
            rows_in_year(),
        ),
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
        Chart.BAR,
        (
            Block(
                "",
                victim_forms5("minderjarige slachtoffers"),
                Axis(
                    "",
                    (count_column("Aantal"), label("Percentage", role=Role.SHARE, phrase="het aandeel")),
                    Coverage.MEASURES,
                    WHY_MEASURES,
                ),
                period=Period.YEAR,
                kind=BlockKind.COUNT_SHARE,
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
        links=(
            Link(
                Side(along=Along.ROWS, at="Aantal"),
                Side("6", "vorm", at="Minderjarig"),
                Match.CODES,
                "the minors row of Figuur 6's form block",
            ),
            Link(
                Side(labels=("Aantal",)),
                Side("6", "jaar", along=Along.ROWS, labels=("Minderjarig",), at=REPORTING_YEAR),
                Match.ONE,
                "the minors of the reporting year, counted once per form",
            ),
        ),
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
        Chart.GROUPED_BAR,
        _victim_pair(
            Axis(
                "victim_geslacht",
                (
                    label("Man", "man", phrase="mannelijke slachtoffers"),
                    label("Vrouw", "vrouw", phrase="vrouwelijke slachtoffers"),
                ),
                Coverage.MISSING,
                WHY_GENDER_KNOWN,
                "slachtoffers ({r})",
            ),
            victim_forms5(),
        ),
        notes=(
            "Exclusief geslacht onbekend.",
            "De aantallen slachtoffers per vorm van mensenhandel in {jaar} tellen op tot meer dan het totaal aantal "
            "slachtoffers in dat jaar (zie Figuur 1), omdat slachtoffers meerdere vormen van mensenhandel "
            "meegemaakt kunnen hebben.",
        ),
        description="slachtoffers per geslacht per jaar, en in het verslagjaar per vorm van mensenhandel",
        links=(
            per_year("jaar", "1", "the victims of known gender of each year"),
            forms_in_year(
                "vorm",
                "the reporting year's victims of each form of known gender; those of unknown gender are among "
                "the year's victims of unknown gender",
                missing_in=Side("8", "jaar", labels=(REPORTING_YEAR,)),
            ),
            rows_in_year(),
        ),
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
        Chart.GROUPED_BAR,
        _victim_pair(
            REGIONS,
            Axis(
                "victim_vorm",
                (
                    label(SEKS, ("binnenlands", "internationaal", "seksueel_nationaliteit_onbekend")),
                    label("Arbeidsuitbuiting", "arbeid"),
                    label("Criminele uitbuiting", "crimineel"),
                    label("Overig/onbekend", ("orgaanverwijdering", "onbekend")),
                ),
                Coverage.OVERLAP,
                WHY_VICTIM_FORMS_ALL,
                "slachtoffers van {r}",
            ),
        ),
        description="slachtoffers per regio van nationaliteit per jaar, en in het verslagjaar per vorm",
        links=(
            per_year("jaar", "1", "every victim of the year, by region"),
            forms_in_year("vorm", "the reporting year's victims of each form, by region"),
            rows_in_year(),
            Link(
                Side(part="vorm", along=Along.ROWS, labels=("Nederland",), at=SEKS),
                Side("2", along=Along.ROWS, labels=(BIN,), at=REPORTING_YEAR),
                Match.ONE,
                "rule 3: sexual exploitation of a victim of Dutch nationality is domestic",
            ),
            Link(
                Side(
                    part="vorm",
                    along=Along.ROWS,
                    labels=("Europa", "Afrika", "Azië", "Latijns-Amerika", "Overig"),
                    at=SEKS,
                ),
                Side("2", along=Along.ROWS, labels=(INT,), at=REPORTING_YEAR),
                Match.ONE,
                "rule 3: sexual exploitation of a victim of another known nationality is international",
            ),
        ),
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
        Chart.BAR,
        (
            Block(
                "",
                Axis("victim_nationaliteit", why="one nationality per victim", phrase="slachtoffers uit {R}"),
                Axis(
                    "",
                    (label("Rang", role=Role.RANK, phrase="de rang"), count_column("Totaal slachtoffers")),
                    Coverage.MEASURES,
                    WHY_MEASURES,
                ),
                period=Period.YEAR,
                kind=BlockKind.TOP,
                top_n=10,
                stub="Nationaliteit",
            ),
        ),
        label="Tabel",
        description="de tien nationaliteiten met de meeste slachtoffers in het verslagjaar",
        links=(
            Link(
                Side(along=Along.ROWS, labels=("Nederland",), at="Totaal slachtoffers"),
                Side("9", "jaar", along=Along.ROWS, labels=("Nederland",), at=REPORTING_YEAR),
                Match.ONE,
                "rule 6: the region Nederland is exactly the Dutch nationality (when it is in the top ten)",
            ),
        ),
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
        Chart.GROUPED_BAR,
        (
            Block(
                "",
                Axis(
                    "ind_maatstaf",
                    (
                        label(
                            "Uitstel van vertrek minder dan 30 dagen",
                            "uitstel_vertrek_kort",
                            phrase="keer dat uitstel van vertrek van minder dan 30 dagen werd verleend",
                        ),
                        label(
                            "Uitstel van vertrek meer dan 30 dagen",
                            "uitstel_vertrek_lang",
                            phrase="keer dat uitstel van vertrek van meer dan 30 dagen werd verleend",
                        ),
                    ),
                    Coverage.MEASURES,
                    WHY_MEASURES,
                    "keer {r}",
                ),
                Axis("ind_jaar", years=True, why="one year per table row"),
                kind=BlockKind.TABLE,
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
        Chart.GROUPED_BAR,
        (
            Block(
                "",
                Axis(
                    "ind_maatstaf",
                    (
                        label("B8 (aanvragen)", "b8_aanvragen", phrase="aanvragen voor een B8-vergunning"),
                        label("B8 (verleend)", "b8_verleend", phrase="verleende B8-vergunningen"),
                        label("B9 (verleend)", "b9_verleend", phrase="verleende B9-vergunningen"),
                        label(
                            "Schrijnend pad (verleend)",
                            "schrijnend_verleend",
                            phrase="vergunningen verleend op grond van het schrijnend pad",
                        ),
                    ),
                    Coverage.MEASURES,
                    WHY_MEASURES,
                ),
                Axis("ind_jaar", years=True, why="one year per table row"),
                kind=BlockKind.TABLE,
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
        Chart.GROUPED_BAR,
        _victim_pair(MELDERS, victim_forms5(), stub="Melder"),
        notes=(
            "De aantallen tellen op tot meer dan het totaal aantal slachtoffers (zie Figuur 1), omdat een "
            "slachtoffer door meer dan één organisatie gemeld kan zijn.",
        ),
        description="slachtoffers per melder per jaar, en in het verslagjaar per vorm van mensenhandel",
        links=(
            per_year("jaar", "1", "the victims of each year, counted once per reporter"),
            forms_in_year("vorm", "the reporting year's victims of each form, counted once per reporter"),
            rows_in_year(),
        ),
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
        Chart.GROUPED_BAR,
        (
            Block(
                "",
                Axis(
                    "investigation_vorm",
                    (
                        label(SEKS, "seksueel"),
                        label("Arbeidsuitbuiting", "arbeid"),
                        label("Criminele uitbuiting", "crimineel"),
                        label(
                            "Overig/onbekend",
                            "overig_onbekend",
                            phrase="opsporingsonderzoeken naar een overige of onbekende vorm",
                        ),
                    ),
                    Coverage.OVERLAP,
                    "rule 7: an investigation counts under every form it names; one without a form row is "
                    "Overig/onbekend, the NLA's always labour",
                    "opsporingsonderzoeken naar {r}",
                ),
                Axis("investigation_jaar", years=True, why=WHY_YEARS),
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
        Chart.GROUPED_BAR,
        (
            Block(
                "",
                Axis(
                    "suspect_geslacht",
                    (
                        label("Mannen", "man", phrase="mannelijke verdachten"),
                        label("Vrouwen", "vrouw", phrase="vrouwelijke verdachten"),
                        unknown("Onbekend", "onbekend", phrase="verdachten van onbekend geslacht"),
                        total(
                            "Totaal",
                            ("man", "vrouw", "onbekend"),
                            phrase="verdachten in opsporingsonderzoeken",
                        ),
                    ),
                    Coverage.PARTITION,
                    "rule 7: one gender per suspect and year (onbekend when none is known)",
                    "verdachten ({r})",
                ),
                Axis("suspect_jaar", years=True, why=WHY_YEARS),
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
        Chart.LINE,
        (
            Block(
                "",
                Axis(
                    "case_all",
                    (total("Ingeschreven mensenhandelzaken", "alle"),),
                    why="every OM case",
                    phrase="bij het OM ingeschreven mensenhandelzaken",
                ),
                Axis("case_inschrijfjaar", years=True, why=WHY_YEARS),
            ),
        ),
        description="het aantal bij het OM ingeschreven mensenhandelzaken per jaar",
        headline=True,
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
        Chart.STACKED_BAR,
        (
            Block(
                "",
                Axis(
                    "case_vorm",
                    phrased(CASE_FORM4, {"Onbekend": "ingeschreven zaken van een onbekende vorm"}),
                    Coverage.PARTITION,
                    WHY_CASE_FORM,
                    "ingeschreven zaken van {r}",
                ),
                Axis("case_inschrijfjaar", years=True, why=WHY_YEARS),
            ),
        ),
        description="ingeschreven zaken per vorm van mensenhandel per jaar",
        links=(per_year("", "15", "the cases registered each year, by form"),),
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
        Chart.GROUPED_BAR,
        (
            Block("jaar", OM_DECISIONS, Axis("case_afdoeningsjaar", years=True, why=WHY_YEARS)),
            Block(
                "vorm",
                OM_DECISIONS,
                Axis(
                    "case_vorm", CASE_FORM4, Coverage.PARTITION, WHY_CASE_FORM, "afgehandelde zaken van {r}"
                ),
                period=Period.TOTAL,
            ),
        ),
        description="door het OM afgehandelde zaken per type afhandeling, per jaar en per vorm over vijf jaar",
        links=(five_year_rows(),),
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
        Chart.GROUPED_BAR,
        (
            Block(
                "",
                Axis(
                    "case_vorm_split",
                    (
                        total(
                            "Seksuele uitbuiting - totaal",
                            ("binnenlands", "internationaal", "seksueel_onbekend"),
                            phrase="in eerste aanleg afgedane zaken van seksuele uitbuiting",
                        ),
                        label(BIN, "binnenlands"),
                        label(INT, "internationaal"),
                        unknown(
                            "Seksuele uitbuiting - onbekend",
                            "seksueel_onbekend",
                            phrase="afgedane zaken van seksuele uitbuiting zonder bekende subvorm",
                        ),
                        label("Arbeidsuitbuiting", "arbeid"),
                        label("Criminele/overige uitbuiting", "crimineel_overig"),
                        unknown("Onbekend", "onbekend", optional=True),
                        total(
                            "Totaal",
                            (
                                "binnenlands",
                                "internationaal",
                                "seksueel_onbekend",
                                "arbeid",
                                "crimineel_overig",
                                "onbekend",
                            ),
                            phrase="in eerste aanleg afgedane mensenhandelzaken",
                        ),
                    ),
                    Coverage.PARTITION,
                    WHY_CASE_FORM_SPLIT,
                    "in eerste aanleg afgedane zaken van {r}",
                ),
                Axis("case_vonnisjaar", years=True, why=WHY_YEARS),
                stub="Vorm van mensenhandel",
                blank_rows_when_split_hidden=(BIN, INT, "Seksuele uitbuiting - onbekend"),
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
        Chart.GROUPED_BAR,
        _case_pair(
            Axis(
                "case_uitspraak",
                (
                    label(
                        "Vrijspraak voor mensenhandel",
                        "vrijspraak",
                        phrase="vrijspraken voor mensenhandel in eerste aanleg",
                    ),
                    label(
                        "Veroordeling voor mensenhandel",
                        "veroordeling",
                        phrase="veroordelingen voor mensenhandel in eerste aanleg",
                    ),
                    label(
                        "Overig/onbekend",
                        "overig_onbekend",
                        phrase="zaken met een andere of onbekende einduitspraak",
                    ),
                ),
                Coverage.PARTITION,
                "rule 10: one verdict per judged case",
                "zaken met einduitspraak {r}",
            ),
            case_forms5("in eerste aanleg afgedane zaken van {r}"),
        ),
        description="afgedane zaken per einduitspraak, per jaar en per vorm over vijf jaar",
        links=first_instance_links(),
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
        Chart.GROUPED_BAR,
        (
            Block(
                "",
                Axis(
                    "rechtspraak_maatstaf",
                    (
                        total(
                            "Totaal aantal zaken met eindarrest in hoger beroep",
                            "hoger_beroep_totaal",
                            phrase="zaken met een eindarrest in hoger beroep",
                            parts=(
                                "Eindarrest vrijspraak",
                                "Eindarrest schuldigverklaring",
                                "Eindarrest overig",
                            ),
                        ),
                        label(
                            "Eindarrest vrijspraak",
                            "eindarrest_vrijspraak",
                            phrase="eindarresten met vrijspraak",
                        ),
                        label(
                            "Eindarrest schuldigverklaring",
                            "eindarrest_schuldig",
                            phrase="eindarresten met een schuldigverklaring",
                        ),
                        label(
                            "Eindarrest schuldigverklaring, waarin specifiek mensenhandel bewezen verklaard",
                            "eindarrest_schuldig_mh_bewezen",
                            phrase="schuldigverklaringen waarin mensenhandel bewezen is verklaard",
                            within="Eindarrest schuldigverklaring",
                        ),
                        label("Eindarrest overig", "eindarrest_overig", phrase="overige eindarresten"),
                    ),
                    Coverage.MEASURES,
                    "measures of the delivered table: the three kinds of final judgment make up the total; "
                    "a conviction for trafficking is one of the convictions",
                    "zaken met {r}",
                ),
                Axis("rechtspraak_jaar", years=True, why="one year per table row"),
                kind=BlockKind.TABLE,
                table="rechtspraak_tabel",
            ),
        ),
        notes=(
            "De cijfers zijn afgerond op vijftallen. Een mensenhandelzaak kan over meer (strafbare) feiten gaan dan "
            "alleen mensenhandel. Het hoger beroep kan ingesteld zijn voor het mensenhandelfeit, voor een ander feit of "
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
        Chart.BAR,
        (
            Block(
                "",
                Axis(
                    "rechtspraak_maatstaf",
                    (label("Cassatie ingesteld", "cassatie_ingesteld"),),
                    Coverage.MEASURES,
                    WHY_MEASURES,
                    "ingestelde cassaties",
                ),
                Axis("rechtspraak_jaar", years=True, why="one year per table row"),
                kind=BlockKind.TABLE,
                table="rechtspraak_tabel",
            ),
        ),
        notes=(AFGEROND,),
        rounded=True,
        description="ingestelde cassaties per jaar van afdoening in hoger beroep",
        links=(
            Link(
                Side(),
                Side("20", over=("Totaal aantal zaken met eindarrest in hoger beroep",)),
                Match.YEARS,
                "a cassation follows a final judgment in appeal of the same year",
                Relation.SUBSET,
            ),
        ),
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
        Chart.GROUPED_BAR,
        _case_pair(
            Axis(
                "case_leeftijd",
                SUSPECT_AGE,
                Coverage.PARTITION,
                "rule 5: one age class per tried suspect, Onbekend when the age is not known",
                "berechte verdachten in de leeftijdscategorie {r}",
            ),
            case_forms5("berechte verdachten van {r}"),
            stub="Leeftijd in jaren",
            means=MEAN_AGE,
        ),
        notes=("Leeftijd op de (eerste) pleegdatum; het gemiddelde is berekend over de bekende leeftijden.",),
        description="berechte verdachten per leeftijdscategorie, met de gemiddelde leeftijd",
        links=first_instance_links(),
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
        Chart.GROUPED_BAR,
        _case_pair(
            Axis(
                "case_geslacht",
                (
                    label("Man", "man", phrase="mannelijke berechte verdachten"),
                    label("Vrouw", "vrouw", phrase="vrouwelijke berechte verdachten"),
                    unknown("Onbekend", "onbekend", phrase="berechte verdachten van onbekend geslacht"),
                ),
                Coverage.PARTITION,
                "one gender per case (onbekend when not known)",
                "berechte verdachten ({r})",
            ),
            case_forms5("berechte verdachten van {r}"),
        ),
        description="berechte verdachten per geslacht, per jaar en per vorm over vijf jaar",
        links=first_instance_links(),
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
        Chart.GROUPED_BAR,
        _case_pair(
            Axis(
                "case_herkomst",
                (
                    label("Nederland", "nederland", phrase="in Nederland geboren berechte verdachten"),
                    label(
                        "EU+EER+Zwitserland",
                        "eer",
                        phrase="berechte verdachten geboren in een ander land van de EU, de EER of Zwitserland",
                    ),
                    label("Overig", "overig", phrase="berechte verdachten geboren buiten Europa"),
                    unknown("Onbekend", "onbekend", phrase="berechte verdachten van onbekende herkomst"),
                ),
                Coverage.PARTITION,
                "rule 6: one country of birth per case, Onbekend when not known",
                "berechte verdachten met herkomst {R}",
            ),
            case_forms5("berechte verdachten van {r}"),
        ),
        description="berechte verdachten per land van herkomst, per jaar en per vorm over vijf jaar",
        links=first_instance_links(),
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


def lower_label(text: str) -> str:
    """A label for use inside a sentence: lower case, keeping abbreviations (KMar, NLA, EU) as they are."""
    words = text.split(" ")
    if words and not (len(words[0]) > 1 and words[0][1:].lower() != words[0][1:]):
        words[0] = words[0].lower()
    return " ".join(words)


def label_phrase(axis: Axis, entry: Label) -> str:
    """How a reader names the series of a label in a Dutch sentence: its own phrase, else the axis's
    template (`{r}` the label in lower case, `{R}` as published); without either the label in lower case
    (the catalogue test requires one of the two for every label)."""
    return (
        entry.phrase or axis.phrase.format(r=lower_label(entry.text), R=entry.text) or lower_label(entry.text)
    )


def phrase(figure: Figure, text: str) -> str:
    """How a reader names the series of a row of `figure`. A row the catalogue does not know (an edition
    published with another catalogue) is named with the template of the figure's rows."""
    for block in figure.blocks:
        entry = block.rows.get(text)
        if entry is not None:
            return label_phrase(block.rows, entry)
        for m in block.means:
            if m.label == text:
                return m.phrase
    return label_phrase(figure.blocks[0].rows, Label(text))
