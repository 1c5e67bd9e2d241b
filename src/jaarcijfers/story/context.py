"""Context findings: facts of the catalogue that are told in their own sentence (docs/narrative.md).

A context is language-neutral data: the figure whose text it belongs to, the facts it prints (id
templates of `facts/catalogue.py` and `facts/story.py`) and which of them it compares. Its Dutch sentence
is in `story.nl` under the same key. A context is a candidate only when all its facts are published as
plain values; it is scored low (it explains, it does not lead) unless it is the share a section is about.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    key: str
    figure: str
    facts: tuple[str, ...]  # id templates: {Y} reporting year, {P} the year before, {Y0} first year
    compare: tuple[tuple[int, int], ...] = ()  # (a, b) indices of facts compared (a > b, a < b, a = b)
    score: float = 0.8
    headline: bool = False  # may give a group its headline when nothing else can


@dataclass(frozen=True)
class Nationalities:
    """The most frequent nationalities of a group of victims (a family of the facts catalogue)."""

    key: str
    figure: str
    pattern: str  # '{slug}_industrie_{Y}' (a country's slug) or 'verdachten_{code}_{Y}' (its code)
    count: int  # how many the family names


CONTEXTS: tuple[Context, ...] = (
    Context("anoniem", "1", ("anoniem_{Y}", "anoniem_{P}"), compare=((0, 1),)),
    Context("overlap_crim_seks", "2", ("overlap_crim_seks_{Y}", "overlap_crim_seks_{P}"), compare=((0, 1),)),
    Context("thuis_escort_aandeel", "3", ("thuis_aandeel_{Y}", "escort_aandeel_{Y}"), score=1.2),
    Context("minderjarig_crim_herkomst", "7", ("minderjarig_crim_{Y}", "minderjarig_crim_nl_{Y}")),
    Context(
        "minderjarig_crim_geslacht",
        "7",
        ("minderjarig_crim_jongens_{Y}", "minderjarig_crim_meisjes_{Y}"),
        compare=((0, 1),),
    ),
    Context(
        "minderjarig_crim_melders",
        "7",
        ("minderjarig_crim_politie_{Y}", "minderjarig_crim_zorgcoordinator_{Y}"),
        compare=((0, 1),),
    ),
    Context("vrouwen_arbeid_sectoren", "8", ("vrouwen_arbeid_huishouden_{Y}", "vrouwen_arbeid_overige_{Y}")),
    Context("crim_geslacht", "8", ("crim_man_aandeel_{Y}", "crim_vrouw_aandeel_{Y}"), score=1.0),
    Context("geslacht_onbekend", "8", ("geslacht_onbekend_{Y}",), score=0.5),
    Context(
        "herkomst_aandelen",
        "9",
        ("nl_aandeel_{Y}", "europa_aandeel_{Y}", "afrika_aandeel_{Y}", "latam_aandeel_{Y}"),
        score=1.3,
    ),
    Context(
        "combinaties_herkomst", "9", ("nl_seks_crim_{Y}", "afrika_seks_crim_{Y}", "afrika_seks_arbeid_{Y}")
    ),
    Context("b9_aanvragen", "11", ("b9_aanvragen_{Y}", "b9_aanvragen_{P}")),
    Context("schrijnend", "11", ("schrijnend_aanvragen_{Y}", "schrijnend_verleend_{Y}"), score=0.6),
    Context(
        "onderzoeken_gemiddeld",
        "13",
        ("onderzoeken_{Y}", "onderzoeken_gemiddelde_{Y0}_{Y}"),
        compare=((0, 1),),
        score=1.4,
    ),
    Context("verdachten_volwassen", "14", ("verdachten_volwassen_pct_{Y}",), score=0.7),
    Context("verdachten_nationaliteit_onbekend", "14", ("verdachten_nat_onbekend_{Y}",), score=0.4),
    Context("om_zaken_politie", "15", ("om_zaken_politie_{Y}", "om_zaken_{Y}"), score=0.9),
    Context(
        "om_aandelen_vorm",
        "16",
        ("om_seks_aandeel_{Y0}_{Y}", "om_arbeid_aandeel_{Y0}_{Y}", "om_crim_aandeel_{Y0}_{Y}"),
        score=1.0,
    ),
    Context(
        "om_afgehandeld",
        "17",
        ("om_afgehandeld_{Y}", "om_afgehandeld_{P}"),
        compare=((0, 1),),
        score=1.1,
    ),
    Context("veroordeeld_vijf_jaar", "19", ("veroordeeld_pct_{Y0}_{Y}",), score=1.3, headline=True),
    Context("hoger_beroep_gemiddeld", "20", ("hoger_beroep_gemiddeld", "hoger_beroep_{Y}"), score=1.0),
    Context("hoger_beroep_schuldig", "20", ("hoger_beroep_schuldig_pct",), score=1.6, headline=True),
    Context(
        "hoger_beroep_ingesteld",
        "20",
        ("hoger_beroep_verdachte_{Y}", "hoger_beroep_om_{Y}", "hoger_beroep_beide_{Y}"),
        score=0.8,
    ),
    Context("cassatie", "21", ("cassatie_aandeel", "cassatie_per_jaar"), score=1.5, headline=True),
    Context(
        "berecht_leeftijd",
        "22",
        ("berecht_gem_leeftijd", "berecht_adolescent_pct", "berecht_onder30_pct", "berecht_40plus_pct"),
        score=1.3,
        headline=True,
    ),
    Context(
        "berecht_geslacht",
        "23",
        ("berecht_man_aandeel_kop", "berecht_man_pct", "berecht_vrouw_pct"),
        score=1.5,
        headline=True,
    ),
    Context(
        "berecht_herkomst",
        "24",
        ("berecht_nl_aandeel_kop", "berecht_nl_pct", "berecht_eer_pct", "berecht_overig_pct"),
        score=1.5,
        headline=True,
    ),
)

NATIONALITIES: tuple[Nationalities, ...] = (
    Nationalities("industrie", "5", "{slug}_industrie_{Y}", 2),
    Nationalities("huishouden", "5", "{slug}_huishouden_{Y}", 3),
    Nationalities("intl_seks", "T1", "{slug}_intl_seks_{Y}", 3),
    Nationalities("arbeid", "T1", "{slug}_arbeid_{Y}", 3),
    Nationalities("crim", "T1", "{slug}_crim_{Y}", 3),
    Nationalities("verdachten", "14", "verdachten_{code}_{Y}", 3),
)


def fill(template: str, year: int) -> str:
    return template.format(Y=year, P=year - 1, Y0=year - 4, Y2=year - 2)
